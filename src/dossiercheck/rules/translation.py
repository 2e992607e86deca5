"""translation: a document not in an accepted language needs a sworn translation in the dossier.

The accepted languages come from the profile's `settings.languages` (default nl, fr, de, en; the
seeds disagree, see the research note section 8) unless the requirement sets `languages`.
The types never looked at are the profile's `settings.translation.not_needed_for` (_base/common:
identity documents, photos, the translations themselves...: they carry an MRZ or no text), unless
the requirement lists its own `documents`. A document whose language could not be told is not counted.

Passing: a lease in Dutch; or a Spanish birth certificate plus one sworn_translation.
Failing: a Spanish birth certificate and no sworn_translation -> `fail` naming the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dossiercheck.models import Requirement, RequirementResult
from dossiercheck.rules.context import RuleContext, result

ID = "translation"
OPTIONS: dict[str, object] = {"languages": None}
DEFAULTS = {
    "en": {
        "pass": "Every document is in an accepted language ({accepted}) or has a sworn translation.",
        "fail": "Not in {accepted}, and no sworn translation found: {foreign}.",
    },
    "fr": {
        "pass": "Chaque document est dans une langue acceptée ({accepted}) ou a une traduction jurée.",
        "fail": "Pas en {accepted}, et aucune traduction jurée trouvée : {foreign}.",
    },
    "nl": {
        "pass": "Elk document is in een aanvaarde taal ({accepted}) of heeft een beëdigde vertaling.",
        "fail": "Niet in {accepted}, en geen beëdigde vertaling gevonden: {foreign}.",
    },
}


def check(requirement: Requirement, ctx: RuleContext) -> Iterator[RequirementResult]:
    accepted = list(requirement.options["languages"] or ctx.setting("languages", ("nl", "fr", "de", "en")))
    if requirement.documents:
        looked_at = ctx.of_type(requirement.documents)
    else:
        not_needed = set(ctx.setting("translation", {}).get("not_needed_for", ()))
        looked_at = [d for d in ctx.documents if d.type not in not_needed]
    foreign = [d for d in looked_at if d.language and d.language not in accepted]
    translations = ctx.of_type(("sworn_translation",))
    # An original paired with its translation (pipeline.translations) has it; the others need one of
    # the translations no original was paired with.
    paired = {name for d in foreign if (name := d.translation()) is not None}
    foreign_unpaired = [d for d in foreign if d.translation() is None]
    translations_unpaired = [t for t in translations if t.name not in paired]
    params: dict[str, Any] = {"accepted": "/".join(accepted), "foreign": [f"{d.name} ({d.language})" for d in foreign]}
    if not foreign:
        yield result(requirement, ctx, DEFAULTS, "pass", "pass", document_type="sworn_translation", **params)
    elif len(translations_unpaired) >= len(foreign_unpaired):
        files = [d.name for d in foreign + translations]
        yield result(requirement, ctx, DEFAULTS, "pass", "pass", files, "sworn_translation", **params)
    else:
        params["foreign"] = [f"{d.name} ({d.language})" for d in foreign_unpaired]
        yield result(requirement, ctx, DEFAULTS, "fail", "fail", [d.name for d in foreign_unpaired],
                     foreign_unpaired[0].type, **params)
