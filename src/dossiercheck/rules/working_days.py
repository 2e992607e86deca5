"""working_days: something must happen within N working days of a date from dossier.yaml.

Register at the commune within 8 working days of arrival (seed 001 STEP 2, seed 002 Step 2,
seed 003). Working days follow the profile's `settings.working_days` (default Monday-Friday minus
Belgian public holidays, see workdays.py); the arrival day is day 0. Because the sources disagree
on what a working day is (seed 000 even says "huit jours"), a reference date that meets the
deadline only under the default count is a `warn`: `strict` names the stricter count
("saturdays": Saturdays counted too; "calendar": plain days; "none": no warning zone).

Passing: arrival 2026-05-08, appointment 2026-05-19 (8th day counting Saturdays, Ascension skipped).
Failing: arrival 2026-05-08, appointment 2026-05-22 (deadline 2026-05-21) -> `fail`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from dossiercheck.models import Deadline, Requirement, RequirementResult
from dossiercheck.rules.context import RuleContext, deadline, result
from dossiercheck.workdays import add_working_days

ID = "working_days"
OPTIONS: dict[str, object] = {"days": 8, "from": "arrival_date", "strict": "saturdays"}
CHOICES = {
    "strict": ("saturdays", "calendar", "none"),
    "from": ("arrival_date", "residence_start"),
}  # allowed values, checked when the profile loads
DEFAULTS = {
    "en": {
        "pass": "In time: arrived on {start}, the deadline is {deadline}.",
        "boundary": (
            "Just in time: the deadline is {deadline} when Saturdays are not "
            "counted, but some offices count them ({strict_deadline})."
        ),
        "fail": "Too late: arrived on {start}, the deadline was {deadline} ({days} working days).",
        "no_date": "We do not know the arrival date; add arrival_date to dossier.yaml.",
        "deadline": "Last day to register ({days} working days after arrival on {start})",
    },
    "fr": {
        "pass": "Dans les temps : arrivée le {start}, date limite le {deadline}.",
        "boundary": (
            "Juste à temps : la date limite est le {deadline} sans compter les samedis, "
            "mais certains services les comptent ({strict_deadline})."
        ),
        "fail": ("Trop tard : arrivée le {start}, la date limite était le {deadline} ({days} jours ouvrables)."),
        "no_date": "Nous ne connaissons pas la date d'arrivée ; ajoutez arrival_date dans dossier.yaml.",
        "deadline": "Dernier jour pour s'inscrire ({days} jours ouvrables après l'arrivée le {start})",
    },
    "nl": {
        "pass": "Op tijd: aangekomen op {start}, de uiterste datum is {deadline}.",
        "boundary": (
            "Net op tijd: de uiterste datum is {deadline} zonder zaterdagen, maar "
            "sommige diensten tellen ze mee ({strict_deadline})."
        ),
        "fail": "Te laat: aangekomen op {start}, de uiterste datum was {deadline} ({days} werkdagen).",
        "no_date": "We kennen de aankomstdatum niet; vul arrival_date in dossier.yaml in.",
        "deadline": "Laatste dag om je in te schrijven ({days} werkdagen na aankomst op {start})",
    },
}


def check(requirement: Requirement, ctx: RuleContext) -> Iterator[RequirementResult | Deadline]:
    start = getattr(ctx.dossier, str(requirement.options["from"]), None)
    if start is None:
        yield result(requirement, ctx, DEFAULTS, "manual", "no_date", ["dossier.yaml"])
        return
    rules = ctx.setting("working_days", {})
    saturdays = bool(rules.get("saturdays", False))
    extra = [dt.date.fromisoformat(d) for d in rules.get("extra_holidays", ())]
    days = int(requirement.options["days"])
    last = add_working_days(start, days, saturdays=saturdays, extra_holidays=extra)
    strict = requirement.options["strict"]
    if strict == "saturdays":
        strict_last = add_working_days(start, days, saturdays=True, extra_holidays=extra)
    elif strict == "calendar":
        strict_last = start + dt.timedelta(days=days)
    else:
        strict_last = last
    ref = ctx.reference_date
    params = {"start": start, "deadline": last, "strict_deadline": strict_last}
    if ref <= min(strict_last, last):
        yield result(requirement, ctx, DEFAULTS, "pass", "pass", **params)
    elif ref <= last:
        yield result(requirement, ctx, DEFAULTS, "warn", "boundary", **params)
    else:
        yield result(requirement, ctx, DEFAULTS, "fail", "fail", **params)
    yield deadline(requirement, ctx, DEFAULTS, last, start=start)
