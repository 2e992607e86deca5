"""The checks a profile can use, listed by hand, and `evaluate()` which applies a profile.

One kind of condition per module (yamllint style): each has an `ID`, its `OPTIONS` with their
defaults (a profile may set only these; profiles.py rejects anything else when it loads), default
texts, and `check(requirement, context)` yielding RequirementResult (and Deadline) values. The
engine stamps the requirement's severity: a failure of a `warn` requirement is reported as warn,
of a `manual` one as manual; a requirement with `min_age` is not needed (pass) when the applicant
is known to be younger.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from types import ModuleType
from typing import TYPE_CHECKING

from dossiercheck.knowledge.wording import words_for
from dossiercheck.models import Deadline, Document, Requirement, RequirementResult
from dossiercheck.rules import (
    first_visit,
    identity,
    legalisation,
    manual,
    max_age,
    means,
    months_deadline,
    presence,
    renewal_window,
    residence_period,
    translation,
    validity,
    working_days,
)
from dossiercheck.rules.context import DossierContext, RuleContext, downgrade, result

if TYPE_CHECKING:
    from dossiercheck.models import Profile

RULES: dict[str, ModuleType] = {
    presence.ID: presence,
    validity.ID: validity,
    max_age.ID: max_age,
    manual.ID: manual,
    translation.ID: translation,
    legalisation.ID: legalisation,
    working_days.ID: working_days,
    months_deadline.ID: months_deadline,
    first_visit.ID: first_visit,
    residence_period.ID: residence_period,
    renewal_window.ID: renewal_window,
    means.ID: means,
    identity.ID: identity,
}

NOT_NEEDED = {
    "en": {"not_needed": "Not needed: you are under {min_age} (age {age})."},
    "fr": {"not_needed": "Pas nécessaire : vous avez moins de {min_age} ans ({age} ans)."},
    "nl": {"not_needed": "Niet nodig: je bent jonger dan {min_age} ({age} jaar)."},
}


def evaluate(
    profile: Profile, documents: Sequence[Document], context: DossierContext, lang: str = "en"
) -> tuple[list[RequirementResult], list[Deadline]]:
    """Every requirement of `profile` checked against `documents` on context.reference_date.

    Texts are in `lang` (en, fr or nl; anything else falls back to English); when `lang` is left
    at "en", the context's own `lang` is used, so a caller may set the language in either place.
    """
    lang = lang if lang != "en" else context.lang
    ctx = RuleContext(dossier=context, documents=tuple(documents), profile=profile, lang=lang)
    results: list[RequirementResult] = []
    deadlines: list[Deadline] = []
    age = ctx.applicant_age()
    for requirement in profile.requirements:
        if requirement.min_age is not None and age is not None and age < requirement.min_age:
            results.append(
                result(requirement, ctx, NOT_NEEDED, "pass", "not_needed", min_age=requirement.min_age, age=age)
            )
            continue
        for item in RULES[requirement.check].check(requirement, ctx):
            if isinstance(item, Deadline):
                deadlines.append(item)
            else:
                results.append(downgrade(_name_pages_about(item, requirement, ctx), requirement.severity))
    deadlines.sort(key=lambda d: (d.date, d.requirement))
    return results, deadlines


def _name_pages_about(found: RequirementResult, requirement: Requirement, ctx: RuleContext) -> RequirementResult:
    """A missing document whose information page is in the dossier (a saved web page): say so, name the file."""
    if found.status != "missing" or not requirement.documents:
        return found
    words = words_for(ctx.lang)
    notes: list[str] = []
    pages = [d.name for d in ctx.documents if d.about is not None and d.about in requirement.documents]
    if pages:
        notes.append(words["about_note"].format(names=", ".join(pages)))
    # A sworn translation of the document left without its original (none in the dossier to pair it with).
    alone = [d.name for d in ctx.documents if d.translates() in requirement.documents]
    if alone:
        notes.append(words["translation_note"].format(names=", ".join(alone)))
    names = pages + alone
    if not names:
        return found
    return replace(found, message=" ".join([found.message, *notes]),
                   files=tuple(dict.fromkeys([*found.files, *names])))


__all__ = ["RULES", "DossierContext", "RuleContext", "evaluate"]
