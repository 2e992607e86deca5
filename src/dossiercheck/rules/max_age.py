"""max_age: a dated certificate is recent enough on the reference date.

issue >= reference date - `months` calendar months, inclusive: a good-conduct or medical
certificate issued exactly 6 months before the appointment passes, one day earlier fails
(research note section 0, dofi O1/O2). The most recent certificate of the type counts.

Passing: months 6, reference 2026-08-31, issued 2026-02-28 (6 months before, clamped).
Failing: months 6, reference 2026-11-23, issued 2026-05-22 (6 months and one day).
Failing: the issue date could not be read (`no_date`, blocking until the applicant gives it, see
`context.give_a_date`); a date given by the applicant is checked like a read one and marked as given.
Failing: the issue date is a numeric date nothing on the document puts in order (03/07/2026 on an English
paper of no known state) and its two readings get different answers (`two_readings`): the applicant gives it.
When both readings get the same answer, that answer stands.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

from dossiercheck.models import Deadline, Document, Requirement, RequirementResult, Status
from dossiercheck.rules.context import RuleContext, deadline, give_a_date, marked_given, result
from dossiercheck.workdays import add_months

ID = "max_age"
OPTIONS: dict[str, object] = {"months": 6, "date_field": "issue"}
CHOICES = {"date_field": ("issue", "expiry", "birth")}  # allowed values, checked when the profile loads
DEFAULTS = {
    "en": {
        "pass": "Issued on {issue}: recent enough (not before {oldest}).",
        "fail": "Issued on {issue}: more than {months} months old on {reference}.",
        "future": "The issue date {issue} is after the appointment; please check it.",
        "no_date": "We could not read the date {file} was issued, so we cannot tell whether it is at most "
                   "{months} months old: it counts as missing until the date is read or given.",
        "deadline": "Last day {file} is recent enough ({months} months after issue)",
        "two_readings": "The date {file} was issued, {raw}, can be read as {issue} or as {other}, and nothing on "
                        "it says which: one is at most {months} months old, the other is not. Give the date to "
                        "decide.",
    },
    "fr": {
        "pass": "Délivré le {issue} : assez récent (pas avant le {oldest}).",
        "fail": "Délivré le {issue} : plus de {months} mois le {reference}.",
        "future": "La date de délivrance {issue} est après le rendez-vous ; vérifiez-la.",
        "no_date": "Nous n'avons pas pu lire la date de délivrance de {file} : impossible de dire s'il a "
                   "{months} mois au plus. Il compte comme manquant tant que la date n'est ni lue ni donnée.",
        "deadline": "Dernier jour où {file} est assez récent ({months} mois après la délivrance)",
        "two_readings": "La date de délivrance de {file}, {raw}, peut se lire {issue} ou {other}, et rien n'y "
                        "dit laquelle : l'une a {months} mois au plus, l'autre non. Donnez la date pour trancher.",
    },
    "nl": {
        "pass": "Afgegeven op {issue}: recent genoeg (niet vóór {oldest}).",
        "fail": "Afgegeven op {issue}: meer dan {months} maanden oud op {reference}.",
        "future": "De afgiftedatum {issue} ligt na de afspraak; controleer ze.",
        "no_date": "We konden de afgiftedatum van {file} niet lezen en weten dus niet of het hoogstens "
                   "{months} maanden oud is: het telt als ontbrekend tot de datum gelezen of opgegeven is.",
        "deadline": "Laatste dag dat {file} recent genoeg is ({months} maanden na afgifte)",
        "two_readings": "De afgiftedatum van {file}, {raw}, kan gelezen worden als {issue} of als {other}, en "
                        "niets op het document zegt welke: de ene is hoogstens {months} maanden oud, de andere "
                        "niet. Geef de datum op om te beslissen.",
    },
}


def last_accepted_day(issue: dt.date, months: int) -> dt.date:
    """The last reference date r with add_months(r, -months) <= issue (end-of-month clamping)."""
    day = add_months(issue, months)
    while add_months(day + dt.timedelta(days=1), -months) <= issue:
        day += dt.timedelta(days=1)
    return day


def _asked(requirement: Requirement, ctx: RuleContext, key: str, document: Document, field: str,
           files: list[str], **params: object) -> RequirementResult:
    """A blocking result that asks the applicant for the date of `document` (context.give_a_date says how)."""
    params.setdefault("file", document.name)
    return dataclasses.replace(
        result(requirement, ctx, DEFAULTS, "fail", key, files, document.type, date_field=field, **params),
        action=give_a_date(ctx.lang, document.name, field))


def _status(issue: dt.date, oldest: dt.date, reference: dt.date) -> tuple[Status, str]:
    if issue > reference:
        return "warn", "future"
    return ("fail", "fail") if issue < oldest else ("pass", "pass")


def check(requirement: Requirement, ctx: RuleContext) -> Iterator[RequirementResult | Deadline]:
    found = ctx.of_type(requirement.documents)
    if not found:
        yield result(requirement, ctx, DEFAULTS, "missing", "missing")
        return
    field = str(requirement.options["date_field"])
    months = int(requirement.options["months"])
    dated = [(f, d) for d in found if (f := d.date_field(field)) is not None]
    if not dated:
        # A date that decides the verdict must be read or given: an unreadable one blocks, and says how.
        yield _asked(requirement, ctx, "no_date", found[0], field, [d.name for d in found])
        return
    read, document = max(dated, key=lambda pair: pair[0].value)
    issue, given = read.value, read.source == "given"
    ref = ctx.reference_date
    oldest = add_months(ref, -months)
    params = {"issue": issue, "oldest": oldest, "reference": ref, "file": document.name}
    files, kind = [document.name], document.type
    status, key = _status(issue, oldest, ref)
    if read.other is not None and _status(read.other, oldest, ref)[0] != status:
        # Two readings, two answers: asked, not guessed (a rule never picks the reading that suits).
        yield _asked(requirement, ctx, "two_readings", document, field, files, raw=read.raw, other=read.other,
                     **params)
        return
    outcome = result(requirement, ctx, DEFAULTS, status, key, files, kind, date_field=field, **params)
    yield marked_given(outcome, given, ctx.lang)
    if status == "pass":
        yield deadline(requirement, ctx, DEFAULTS, last_accepted_day(issue, months), file=document.name)
