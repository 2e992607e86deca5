"""validity: an identity document stays valid long enough after the reference date.

expiry >= reference date + `months` calendar months (see workdays.add_months). The expiry is
read from the MRZ when its check digits hold, else from the printed date. When the expiry falls
exactly on the N-month date the status is `on_boundary` (default "warn"): dofi asks for "more
than 12 months", the seeds for "at least", and the two only differ on that day. `warn_months`
adds a softer threshold (a warning, not a failure) for procedures where the sources disagree.

Passing: months 12, reference 2026-11-23, passport expiring 2028-01-10.
Failing: months 12, reference 2026-11-23, passport expiring 2027-11-22 (one day short).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

from dossiercheck.models import Deadline, Document, Requirement, RequirementResult
from dossiercheck.rules.context import RuleContext, deadline, give_a_date, marked_given, result
from dossiercheck.workdays import add_months

ID = "validity"
OPTIONS: dict[str, object] = {"months": 12, "on_boundary": "warn", "warn_months": 0}
CHOICES = {"on_boundary": ("pass", "warn", "fail", "manual")}  # allowed values, checked when the profile loads
DEFAULTS = {
    "en": {
        "pass": "Valid until {expiry}, which is long enough (until at least {needed}).",
        "expired": "This document expired on {expiry}.",
        "boundary": ("Valid until {expiry}: exactly {months} months. Some offices ask for more than {months} months."),
        "short": ("Valid until {expiry}. Some offices ask for {warn_months} months of validity (until {soft})."),
        "no_date": "We could not read the expiry date of {file}: it counts as missing until the date is read "
                   "or given.",
        "deadline": "Last day with {limit} months of validity left on {file}",
        "deadline_expiry": "{file} expires",
    },
    "fr": {
        "pass": "Valable jusqu'au {expiry}, c'est suffisant (au moins jusqu'au {needed}).",
        "expired": "Ce document a expiré le {expiry}.",
        "boundary": (
            "Valable jusqu'au {expiry} : exactement {months} mois. Certains services demandent plus de {months} mois."
        ),
        "short": (
            "Valable jusqu'au {expiry}. Certains services demandent {warn_months} mois de validité (jusqu'au {soft})."
        ),
        "no_date": "Nous n'avons pas pu lire la date d'expiration de {file} : il compte comme manquant tant que "
                   "la date n'est ni lue ni donnée.",
        "deadline": "Dernier jour avec encore {limit} mois de validité pour {file}",
        "deadline_expiry": "{file} expire",
    },
    "nl": {
        "pass": "Geldig tot {expiry}, dat is lang genoeg (minstens tot {needed}).",
        "expired": "Dit document is verlopen op {expiry}.",
        "boundary": (
            "Geldig tot {expiry}: precies {months} maanden. Sommige diensten vragen meer dan {months} maanden."
        ),
        "short": ("Geldig tot {expiry}. Sommige diensten vragen {warn_months} maanden geldigheid (tot {soft})."),
        "no_date": "We konden de vervaldatum van {file} niet lezen: het telt als ontbrekend tot de datum gelezen "
                   "of opgegeven is.",
        "deadline": "Laatste dag met nog {limit} maanden geldigheid voor {file}",
        "deadline_expiry": "{file} vervalt",
    },
}


def read_expiry(document: Document) -> tuple[dt.date, bool] | None:
    """The expiry and whether the applicant gave it: a given date, else the MRZ's when it checks out, else
    the printed one, else an unchecked MRZ expiry."""
    found = document.date_field("expiry")
    if found is not None and found.source == "given":
        return found.value, True
    if document.mrz is not None and document.mrz.valid and document.mrz.expiry is not None:
        return document.mrz.expiry, False
    if found is not None:
        return found.value, False
    return (document.mrz.expiry, False) if document.mrz is not None and document.mrz.expiry is not None else None


def check(requirement: Requirement, ctx: RuleContext) -> Iterator[RequirementResult | Deadline]:
    found = ctx.of_type(requirement.documents)
    if not found:
        yield result(requirement, ctx, DEFAULTS, "missing", "missing")
        return
    known = [(e, d) for d in found if (e := read_expiry(d)) is not None]
    if not known:
        # The expiry decides the verdict: an unreadable one blocks until it is read or given, and says how.
        first = found[0]
        yield dataclasses.replace(
            result(requirement, ctx, DEFAULTS, "fail", "no_date", [d.name for d in found], first.type,
                   date_field="expiry", file=first.name), action=give_a_date(ctx.lang, first.name, "expiry"))
        return
    (expiry, given), document = max(known, key=lambda pair: pair[0][0])
    months = int(requirement.options["months"])
    warn_months = int(requirement.options["warn_months"] or 0)
    ref = ctx.reference_date
    needed = add_months(ref, months)
    soft = add_months(ref, warn_months)
    params = {"expiry": expiry, "needed": needed, "soft": soft, "file": document.name}
    files, kind = [document.name], document.type
    status, key = _outcome(expiry, ref, needed, soft, months, str(requirement.options["on_boundary"]))
    outcome = result(requirement, ctx, DEFAULTS, status, key, files, kind, date_field="expiry", **params)  # type: ignore[arg-type]
    yield marked_given(outcome, given, ctx.lang)
    limit = max(months, warn_months)
    if limit:
        last = add_months(expiry, -limit)
        if last >= ref:
            yield deadline(requirement, ctx, DEFAULTS, last, limit=limit, file=document.name)
    elif expiry >= ref:
        yield deadline(requirement, ctx, DEFAULTS, expiry, "deadline_expiry", file=document.name)


def _outcome(expiry: dt.date, ref: dt.date, needed: dt.date, soft: dt.date, months: int,
             on_boundary: str) -> tuple[str, str]:
    """(status, message key) of an expiry against the reference date and the months needed."""
    if expiry < ref:
        return "fail", "expired"
    if expiry < needed:
        return "fail", "fail"
    if expiry == needed and months > 0:
        return on_boundary, "boundary"
    if expiry < soft:
        return "warn", "short"
    return "pass", "pass"
