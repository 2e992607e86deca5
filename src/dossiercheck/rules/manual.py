"""manual: something a person must look at (what period a certificate covers, who signed it).

It never passes by itself: the result is `manual` with the profile's `manual` text (else its
`fail` text) telling the applicant what to make sure of. When the document it is about is absent,
the result says so; the missing document itself is reported by its own requirement.

Passing: none (by design).
Failing: documents [good_conduct], one good-conduct file -> `manual`, naming the file.
"""

from __future__ import annotations

from collections.abc import Iterator

from dossiercheck.models import Requirement, RequirementResult
from dossiercheck.rules.context import RuleContext, result

ID = "manual"
OPTIONS: dict[str, object] = {}
DEFAULTS = {
    "en": {"absent": "Not checked: the document is not in the dossier yet."},
    "fr": {"absent": "Pas vérifié : le document n'est pas encore dans le dossier."},
    "nl": {"absent": "Niet gecontroleerd: het document zit nog niet in het dossier."},
}


def check(requirement: Requirement, ctx: RuleContext) -> Iterator[RequirementResult]:
    found = ctx.of_type(requirement.documents)
    if requirement.documents and not found:
        yield result(requirement, ctx, DEFAULTS, "manual", "absent")
        return
    key = "manual" if "manual" in requirement.messages.get(ctx.lang, {}) else "fail"
    yield result(requirement, ctx, DEFAULTS, "manual", key, [d.name for d in found])
