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

import datetime as dt
from collections.abc import Iterator

from dossiercheck.models import Deadline, Document, Requirement, RequirementResult
from dossiercheck.rules.context import RuleContext, deadline, result
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
        "no_date": "We could not read the expiry date; please check it yourself.",
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
        "no_date": "Nous n'avons pas pu lire la date d'expiration ; vérifiez-la vous-même.",
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
        "no_date": "We konden de vervaldatum niet lezen; controleer ze zelf.",
        "deadline": "Laatste dag met nog {limit} maanden geldigheid voor {file}",
        "deadline_expiry": "{file} vervalt",
    },
}


def read_expiry(document: Document) -> dt.date | None:
    """MRZ expiry when the MRZ checks out, else the printed expiry, else an unchecked MRZ expiry."""
    if document.mrz is not None and document.mrz.valid and document.mrz.expiry is not None:
        return document.mrz.expiry
    return document.date("expiry") or (document.mrz.expiry if document.mrz is not None else None)


def check(requirement: Requirement, ctx: RuleContext) -> Iterator[RequirementResult | Deadline]:
    found = ctx.of_type(requirement.documents)
    if not found:
        yield result(requirement, ctx, DEFAULTS, "missing", "missing")
        return
    dated = [(read_expiry(d), d) for d in found]
    known = [(e, d) for e, d in dated if e is not None]
    if not known:
        yield result(requirement, ctx, DEFAULTS, "manual", "no_date", [d.name for d in found], found[0].type)
        return
    expiry, document = max(known, key=lambda pair: pair[0])
    months = int(requirement.options["months"])
    warn_months = int(requirement.options["warn_months"] or 0)
    ref = ctx.reference_date
    needed = add_months(ref, months)
    soft = add_months(ref, warn_months)
    params = {"expiry": expiry, "needed": needed, "soft": soft, "file": document.name}
    files, kind = [document.name], document.type
    if expiry < ref:
        yield result(requirement, ctx, DEFAULTS, "fail", "expired", files, kind, **params)
    elif expiry < needed:
        yield result(requirement, ctx, DEFAULTS, "fail", "fail", files, kind, **params)
    elif expiry == needed and months > 0:
        status = requirement.options["on_boundary"]
        yield result(requirement, ctx, DEFAULTS, status, "boundary", files, kind, **params)
    elif expiry < soft:
        yield result(requirement, ctx, DEFAULTS, "warn", "short", files, kind, **params)
    else:
        yield result(requirement, ctx, DEFAULTS, "pass", "pass", files, kind, **params)
    limit = max(months, warn_months)
    if limit:
        last = add_months(expiry, -limit)
        if last >= ref:
            yield deadline(requirement, ctx, DEFAULTS, last, limit=limit, file=document.name)
    elif expiry >= ref:
        yield deadline(requirement, ctx, DEFAULTS, expiry, "deadline_expiry", file=document.name)
