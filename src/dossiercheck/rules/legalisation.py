"""legalisation: foreign civil-status and criminal-record documents carry an apostille or legalisation.

Whether a document needs one depends on the issuing country (Apostille Convention, EU, treaties;
research note section 8, FPS Foreign Affairs O7), which a scan does not say reliably. So the check
only looks for an apostille in the dossier (a page of its own, or found on the document's page or in its
file: `Document.attached`) and, when there is none, reports `if_absent` (default "warn"): a person
decides. The types come from the requirement's `documents`, else from `settings.legalisation.documents`.

Passing: a good_conduct file and an apostille file; a good_conduct file with its apostille on it.
Failing: a birth_certificate file and no apostille -> `warn` (or `manual`) naming the file.
"""

from __future__ import annotations

from collections.abc import Iterator

from dossiercheck.models import Requirement, RequirementResult
from dossiercheck.rules.context import RuleContext, result

ID = "legalisation"
OPTIONS: dict[str, object] = {"if_absent": "warn"}
CHOICES = {"if_absent": ("warn", "manual", "fail")}  # allowed values, checked when the profile loads
DEFAULTS = {
    "en": {
        "pass": "An apostille or legalisation page was found for {names}.",
        "none_needed": "No foreign civil-status or criminal-record document needs an apostille here.",
        "absent": "No apostille or legalisation was found for: {names}.",
    },
    "fr": {
        "pass": "Une apostille ou une légalisation a été trouvée pour {names}.",
        "none_needed": "Aucun acte d'état civil ou extrait de casier étranger ne demande d'apostille ici.",
        "absent": "Aucune apostille ni légalisation trouvée pour : {names}.",
    },
    "nl": {
        "pass": "Er is een apostille of legalisatie gevonden voor {names}.",
        "none_needed": "Geen buitenlandse akte of strafregisteruittreksel heeft hier een apostille nodig.",
        "absent": "Geen apostille of legalisatie gevonden voor: {names}.",
    },
}


def check(requirement: Requirement, ctx: RuleContext) -> Iterator[RequirementResult]:
    types = requirement.documents or tuple(
        ctx.setting("legalisation", {}).get("documents", ("good_conduct", "birth_certificate", "marriage_certificate"))
    )
    needing = ctx.of_type(types)
    if not needing:
        yield result(requirement, ctx, DEFAULTS, "pass", "none_needed", document_type="apostille")
        return
    files = [d.name for d in needing]
    stamps = ctx.of_type(("apostille",))
    stamped = [d for d in needing if "apostille" in d.attached()]
    if len(stamps) + len(stamped) >= len(needing):
        used = files + [d.name for d in stamps]
        yield result(requirement, ctx, DEFAULTS, "pass", "pass", used, "apostille", names=files)
    else:
        status = requirement.options["if_absent"]
        yield result(requirement, ctx, DEFAULTS, status, "absent", files, needing[0].type, names=files)
