"""complete_at_first_visit: every required document is there at the first appointment.

Since 1 September 2025 (Royal Decree of 4 July 2025) an EU citizen's registration is only
considered when all documents are handed in at the first visit; the old Annex 19 gave
`months_to_complete` (3) months to complete it (research note section 4 with dofi O10 and T11,
against seed 004 STEP 1, which still describes the 3 months). The check re-reads the profile's
requirements that need a document; before `since` a missing document gets the status the profile
gives the `before` outcome (_base/eu: warn).

Passing: reference 2026-11-23 and every presence requirement of the profile satisfied.
Failing: reference 2026-11-23 and no health insurance -> `fail` naming what is missing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from dossiercheck.models import Requirement, RequirementResult
from dossiercheck.rules.context import RuleContext, result

ID = "complete_at_first_visit"
OPTIONS: dict[str, object] = {"since": "2025-09-01", "months_to_complete": 3}
OUTCOMES = ("before",)  # a document missing before `since`: its status comes from the profile's `outcomes:`
DOCUMENT_CHECKS = ("presence", "validity", "max_age")  # the checks that report a missing document
DEFAULTS = {
    "en": {
        "pass": "Every document asked for is in the dossier.",
        "before": (
            "Before {since} the missing documents could be brought within {months_to_complete} months: {missing}."
        ),
        "fail": "Since {since} every document must be there at the first visit. Missing: {missing}.",
    },
    "fr": {
        "pass": "Tous les documents demandés sont dans le dossier.",
        "before": (
            "Avant le {since}, les documents manquants pouvaient être apportés dans les {months_to_complete} mois : "
            "{missing}."
        ),
        "fail": "Depuis le {since}, tous les documents doivent être là dès la première visite. Manquant : {missing}.",
    },
    "nl": {
        "pass": "Alle gevraagde documenten zitten in het dossier.",
        "before": "Vóór {since} mochten ontbrekende documenten binnen {months_to_complete} maanden volgen: {missing}.",
        "fail": "Sinds {since} moeten alle documenten er bij het eerste bezoek zijn. Ontbreekt: {missing}.",
    },
}


def check(requirement: Requirement, ctx: RuleContext) -> Iterator[RequirementResult]:
    since = dt.date.fromisoformat(str(requirement.options["since"]))
    missing = []
    for other in ctx.profile.requirements:
        if other.check not in DOCUMENT_CHECKS or other.id == requirement.id or other.severity != "fail":
            continue
        needed = other.count if other.check == "presence" else 1
        if len(ctx.of_type(other.documents)) < needed:
            missing.append("/".join(other.documents))
    if not missing:
        yield result(requirement, ctx, DEFAULTS, "pass", "pass", since=since, missing=missing)
    elif ctx.reference_date < since:
        yield result(requirement, ctx, DEFAULTS, None, "before", since=since, missing=missing)
    else:
        yield result(requirement, ctx, DEFAULTS, "fail", "fail", since=since, missing=missing)
