"""max_age: a dated certificate is recent enough on the reference date.

issue >= reference date - `months` calendar months, inclusive: a good-conduct or medical
certificate issued exactly 6 months before the appointment passes, one day earlier fails
(research note section 0, dofi O1/O2). The most recent certificate of the type counts.

Passing: months 6, reference 2026-08-31, issued 2026-02-28 (6 months before, clamped).
Failing: months 6, reference 2026-11-23, issued 2026-05-22 (6 months and one day).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from dossiercheck.models import Deadline, Requirement, RequirementResult
from dossiercheck.rules.context import RuleContext, deadline, result
from dossiercheck.workdays import add_months

ID = "max_age"
OPTIONS: dict[str, object] = {"months": 6, "date_field": "issue"}
CHOICES = {"date_field": ("issue", "expiry", "birth")}  # allowed values, checked when the profile loads
DEFAULTS = {
    "en": {
        "pass": "Issued on {issue}: recent enough (not before {oldest}).",
        "fail": "Issued on {issue}: more than {months} months old on {reference}.",
        "future": "The issue date {issue} is after the appointment; please check it.",
        "no_date": "We could not read the date this was issued; please check it is at most {months} months old.",
        "deadline": "Last day {file} is recent enough ({months} months after issue)",
    },
    "fr": {
        "pass": "Délivré le {issue} : assez récent (pas avant le {oldest}).",
        "fail": "Délivré le {issue} : plus de {months} mois le {reference}.",
        "future": "La date de délivrance {issue} est après le rendez-vous ; vérifiez-la.",
        "no_date": "Nous n'avons pas pu lire la date de délivrance ; vérifiez qu'elle date de {months} mois au plus.",
        "deadline": "Dernier jour où {file} est assez récent ({months} mois après la délivrance)",
    },
    "nl": {
        "pass": "Afgegeven op {issue}: recent genoeg (niet vóór {oldest}).",
        "fail": "Afgegeven op {issue}: meer dan {months} maanden oud op {reference}.",
        "future": "De afgiftedatum {issue} ligt na de afspraak; controleer ze.",
        "no_date": "We konden de afgiftedatum niet lezen; controleer dat ze hoogstens {months} maanden oud is.",
        "deadline": "Laatste dag dat {file} recent genoeg is ({months} maanden na afgifte)",
    },
}


def last_accepted_day(issue: dt.date, months: int) -> dt.date:
    """The last reference date r with add_months(r, -months) <= issue (end-of-month clamping)."""
    day = add_months(issue, months)
    while add_months(day + dt.timedelta(days=1), -months) <= issue:
        day += dt.timedelta(days=1)
    return day


def check(requirement: Requirement, ctx: RuleContext) -> Iterator[RequirementResult | Deadline]:
    found = ctx.of_type(requirement.documents)
    if not found:
        yield result(requirement, ctx, DEFAULTS, "missing", "missing")
        return
    field = str(requirement.options["date_field"])
    months = int(requirement.options["months"])
    dated = [(d.date(field), d) for d in found if d.date(field) is not None]
    if not dated:
        yield result(requirement, ctx, DEFAULTS, "manual", "no_date", [d.name for d in found], found[0].type)
        return
    issue, document = max(dated, key=lambda pair: pair[0])  # type: ignore[arg-type,return-value]
    assert issue is not None
    ref = ctx.reference_date
    oldest = add_months(ref, -months)
    params = {"issue": issue, "oldest": oldest, "reference": ref, "file": document.name}
    files, kind = [document.name], document.type
    if issue > ref:
        yield result(requirement, ctx, DEFAULTS, "warn", "future", files, kind, **params)
    elif issue < oldest:
        yield result(requirement, ctx, DEFAULTS, "fail", "fail", files, kind, **params)
    else:
        yield result(requirement, ctx, DEFAULTS, "pass", "pass", files, kind, **params)
        yield deadline(requirement, ctx, DEFAULTS, last_accepted_day(issue, months), file=document.name)
