"""residence_period: years of residence before the reference date, with limited absences.

Long-term resident status (seed 003 "Long-term resident status", AIDA T4): 5 years of legal,
uninterrupted residence immediately before the application; an absence breaks it when it lasts
`max_consecutive_months` (6) or more, or when all absences within those years add up to more than
`max_total_months` (10). Dates come from dossier.yaml (`residence_start`, `absences`, both days of
an absence being days away).

How the limits are measured, boundaries included:
- one absence lasts 6 months or more when the day of return (to + 1 day) is on or after
  add_months(from, 6): away 1 January to 30 June breaks it, to 29 June does not;
- the total is counted in days, and 10 months means 10 average months of 365.25/12 days,
  rounded down: 304 days pass, 305 fail. Only days inside the 5 years count.
Set a limit to null to skip it (EU permanent residence checks only the years).

Passing: residence_start 2021-01-01, reference 2026-11-23, one absence of 3 months.
Failing: an absence from 2023-01-01 to 2023-06-30 -> `fail` (6 consecutive months).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from dossiercheck.models import Deadline, Requirement, RequirementResult
from dossiercheck.rules.context import RuleContext, deadline, result
from dossiercheck.workdays import add_months, add_years

ID = "residence_period"
OPTIONS: dict[str, object] = {"years": 5, "max_consecutive_months": 6, "max_total_months": 10}
AVERAGE_MONTH_DAYS = 365.25 / 12
DEFAULTS = {
    "en": {
        "pass": "Living in Belgium since {start}: {years} years reached, absences within the limits.",
        "no_date": "We do not know since when you live in Belgium; add residence_start to dossier.yaml.",
        "too_short": "Living in Belgium since {start}: the {years} years are reached on {reached}.",
        "long_absence": "The absence from {away} to {back} lasts {max_consecutive_months} months or more.",
        "total_absence": ("Absences add up to {total} days, more than {max_total_months} months ({limit} days)."),
        "deadline": "{years} years of residence reached",
    },
    "fr": {
        "pass": "En Belgique depuis le {start} : {years} ans atteints, absences dans les limites.",
        "no_date": (
            "Nous ne savons pas depuis quand vous habitez en Belgique ; ajoutez residence_start dans dossier.yaml."
        ),
        "too_short": "En Belgique depuis le {start} : les {years} ans seront atteints le {reached}.",
        "long_absence": "L'absence du {away} au {back} dure {max_consecutive_months} mois ou plus.",
        "total_absence": ("Les absences font {total} jours au total, plus de {max_total_months} mois ({limit} jours)."),
        "deadline": "{years} ans de séjour atteints",
    },
    "nl": {
        "pass": "In België sinds {start}: {years} jaar bereikt, afwezigheden binnen de grenzen.",
        "no_date": "We weten niet sinds wanneer je in België woont; vul residence_start in dossier.yaml in.",
        "too_short": "In België sinds {start}: de {years} jaar zijn bereikt op {reached}.",
        "long_absence": ("De afwezigheid van {away} tot {back} duurt {max_consecutive_months} maanden of langer."),
        "total_absence": (
            "De afwezigheden tellen samen {total} dagen, meer dan {max_total_months} maanden ({limit} dagen)."
        ),
        "deadline": "{years} jaar verblijf bereikt",
    },
}


def check(requirement: Requirement, ctx: RuleContext) -> Iterator[RequirementResult | Deadline]:
    start = ctx.dossier.residence_start
    if start is None:
        yield result(requirement, ctx, DEFAULTS, "manual", "no_date", ["dossier.yaml"])
        return
    options = requirement.options
    years = int(options["years"])
    ref = ctx.reference_date
    window_start = add_years(ref, -years)
    reached = add_years(start, years)
    problems = 0
    if start > window_start:
        problems += 1
        yield result(requirement, ctx, DEFAULTS, "fail", "too_short", ["dossier.yaml"], start=start, reached=reached)
        yield deadline(requirement, ctx, DEFAULTS, reached)
    consecutive = options["max_consecutive_months"]
    if consecutive is not None:
        for absence in ctx.dossier.absences:
            if absence.end < window_start:
                continue  # only the years immediately before the application count
            back = absence.end + dt.timedelta(days=1)
            if back >= add_months(absence.start, int(consecutive)):
                problems += 1
                yield result(
                    requirement, ctx, DEFAULTS, "fail", "long_absence", ["dossier.yaml"], away=absence.start, back=back
                )
    total_months = options["max_total_months"]
    if total_months is not None:
        limit = int(float(total_months) * AVERAGE_MONTH_DAYS)
        total = 0
        for absence in ctx.dossier.absences:
            first, last = max(absence.start, window_start), min(absence.end, ref)
            total += max(0, (last - first).days + 1)
        if total > limit:
            problems += 1
            yield result(
                requirement, ctx, DEFAULTS, "fail", "total_absence", ["dossier.yaml"], total=total, limit=limit
            )
    if not problems:
        yield result(requirement, ctx, DEFAULTS, "pass", "pass", ["dossier.yaml"], start=start, reached=reached)
