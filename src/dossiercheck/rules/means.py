"""means: an amount of money reaches a threshold set in the profile.

Thresholds are data (student €1,062/month for 2026-27, O5/O5b and seed 002; long-term resident
€1,038/month + €346 per dependant, 2025, T4). Reading an amount from a bank statement is not done
yet: the amount comes from dossier.yaml `amounts[amount_key]` (and `amounts[dependants_key]`),
and without it the result is `manual`, quoting the threshold so a person can compare.

Passing: amount 1062, amounts {monthly_means: 1100}.
Failing: amount 1062, amounts {monthly_means: 900} -> `fail`; no amount -> `manual`.
"""

from __future__ import annotations

from collections.abc import Iterator

from dossiercheck.models import Requirement, RequirementResult
from dossiercheck.rules.context import RuleContext, result

ID = "means"
OPTIONS: dict[str, object] = {
    "amount": 0.0,
    "per_dependant": 0.0,
    "period": "month",
    "amount_key": "monthly_means",
    "dependants_key": "dependants",
}
DEFAULTS = {
    "en": {
        "pass": "€{shown} per {period}: at least the €{needed} needed.",
        "fail": "€{shown} per {period}: less than the €{needed} needed.",
        "manual": "Someone must check that your means reach €{needed} per {period}.",
    },
    "fr": {
        "pass": "{shown} € par {period} : au moins les {needed} € demandés.",
        "fail": "{shown} € par {period} : moins que les {needed} € demandés.",
        "manual": "Quelqu'un doit vérifier que vos moyens atteignent {needed} € par {period}.",
    },
    "nl": {
        "pass": "€ {shown} per {period}: minstens de gevraagde € {needed}.",
        "fail": "€ {shown} per {period}: minder dan de gevraagde € {needed}.",
        "manual": "Iemand moet nagaan of je middelen € {needed} per {period} halen.",
    },
}


def check(requirement: Requirement, ctx: RuleContext) -> Iterator[RequirementResult]:
    options = requirement.options
    dependants = int(ctx.dossier.amounts.get(str(options["dependants_key"]), 0))
    needed = float(options["amount"]) + float(options["per_dependant"]) * dependants
    files = [d.name for d in ctx.of_type(requirement.documents)]
    shown = ctx.dossier.amounts.get(str(options["amount_key"]))
    params = {"needed": needed, "period": options["period"]}
    if shown is None:
        yield result(requirement, ctx, DEFAULTS, "manual", "manual", files, **params)
    elif shown >= needed:
        yield result(requirement, ctx, DEFAULTS, "pass", "pass", files, shown=float(shown), **params)
    else:
        yield result(requirement, ctx, DEFAULTS, "fail", "fail", files, shown=float(shown), **params)
