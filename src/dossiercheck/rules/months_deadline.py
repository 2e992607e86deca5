"""months_deadline: something must happen within N calendar months of a date from dossier.yaml.

EU/EEA/Swiss citizens register within 3 months of arrival (seed 004 STEP 1, IBZ O11). The end
is inclusive and follows workdays.add_months (arrival 30 November -> deadline 28 February).

Passing: arrival 2026-09-01, appointment 2026-12-01 (deadline 2026-12-01).
Failing: arrival 2026-08-01, appointment 2026-11-23 (deadline 2026-11-01) -> `fail`.
"""

from __future__ import annotations

from collections.abc import Iterator

from dossiercheck.models import Deadline, Requirement, RequirementResult
from dossiercheck.rules.context import RuleContext, deadline, result
from dossiercheck.workdays import add_months

ID = "months_deadline"
OPTIONS: dict[str, object] = {"months": 3, "from": "arrival_date"}
CHOICES = {"from": ("arrival_date", "residence_start")}  # allowed values, checked when the profile loads
DEFAULTS = {
    "en": {
        "pass": "In time: arrived on {start}, the deadline is {deadline}.",
        "fail": "Late: arrived on {start}, the deadline was {deadline}.",
        "no_date": "We do not know the arrival date; add arrival_date to dossier.yaml.",
        "deadline": "Last day to register ({months} months after arrival on {start})",
    },
    "fr": {
        "pass": "Dans les temps : arrivée le {start}, date limite le {deadline}.",
        "fail": "En retard : arrivée le {start}, la date limite était le {deadline}.",
        "no_date": "Nous ne connaissons pas la date d'arrivée ; ajoutez arrival_date dans dossier.yaml.",
        "deadline": "Dernier jour pour s'inscrire ({months} mois après l'arrivée le {start})",
    },
    "nl": {
        "pass": "Op tijd: aangekomen op {start}, de uiterste datum is {deadline}.",
        "fail": "Te laat: aangekomen op {start}, de uiterste datum was {deadline}.",
        "no_date": "We kennen de aankomstdatum niet; vul arrival_date in dossier.yaml in.",
        "deadline": "Laatste dag om je in te schrijven ({months} maanden na aankomst op {start})",
    },
}


def check(requirement: Requirement, ctx: RuleContext) -> Iterator[RequirementResult | Deadline]:
    start = getattr(ctx.dossier, str(requirement.options["from"]), None)
    if start is None:
        yield result(requirement, ctx, DEFAULTS, "manual", "no_date", ["dossier.yaml"])
        return
    last = add_months(start, int(requirement.options["months"]))
    if ctx.reference_date <= last:
        yield result(requirement, ctx, DEFAULTS, "pass", "pass", start=start, deadline=last)
    else:
        yield result(requirement, ctx, DEFAULTS, "fail", "fail", start=start, deadline=last)
    yield deadline(requirement, ctx, DEFAULTS, last, start=start)
