"""presence: documents of the required type(s) are in the dossier, as many as needed.

The requirement's `documents` lists the types that satisfy it (any of them) and `count` how many
files are needed (two photos, two visa forms).

Passing: documents [photo], count 2, and two photo files in the dossier.
Failing: one photo file -> `fail` ("1 of 2"); no photo at all -> `missing`.
"""

from __future__ import annotations

from collections.abc import Iterator

from dossiercheck.models import Requirement, RequirementResult
from dossiercheck.rules.context import RuleContext, result

ID = "presence"
OPTIONS: dict[str, object] = {}
DEFAULTS = {
    "en": {
        "pass": "Found ({found} of {count} needed): {names}.",
        "too_few": "Only {found} of the {count} needed were found.",
    },
    "fr": {
        "pass": "Trouvé ({found} sur {count} demandé(s)) : {names}.",
        "too_few": "Seulement {found} sur les {count} demandé(s) ont été trouvés.",
    },
    "nl": {
        "pass": "Gevonden ({found} van de {count} nodig): {names}.",
        "too_few": "Er zijn er maar {found} van de {count} nodig gevonden.",
    },
}


def check(requirement: Requirement, ctx: RuleContext) -> Iterator[RequirementResult]:
    found = ctx.of_type(requirement.documents)
    files = [d.name for d in found]
    kind = found[0].type if found else None
    if not found:
        yield result(requirement, ctx, DEFAULTS, "missing", "missing", files, found=0)
    elif len(found) < requirement.count:
        yield result(requirement, ctx, DEFAULTS, "fail", "too_few", files, kind, found=len(found))
    else:
        yield result(requirement, ctx, DEFAULTS, "pass", "pass", files, kind, found=len(found), names=files)
