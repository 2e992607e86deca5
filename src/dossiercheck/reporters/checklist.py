"""What to bring for a procedure, from its profile alone: for someone who has no documents yet."""

from __future__ import annotations

import string
from typing import Any

from dossiercheck.knowledge.wording import report_language, words_for


class _Blank(dict):  # type: ignore[type-arg]
    """Placeholders with no value yet ({expiry}, {needed}) read as an ellipsis."""

    def __missing__(self, key: str) -> str:
        return "…"


def fill(template: str, values: dict[str, Any] | None = None) -> str:
    return string.Formatter().vformat(template, (), _Blank(values or {}))


def render_checklist(profile: Any, lang: str = "en") -> str:
    """Each requirement by its name in `lang`, whether it is required, what to do, and the pages it rests on."""
    lang = report_language(lang)
    words = words_for(lang)
    out = [profile.title.get(lang) or profile.title.get("en", profile.id), ""]
    description = profile.description.get(lang) or profile.description.get("en") or ""
    if description:
        out += [description.strip(), ""]
    for requirement in profile.requirements:
        values = {"count": requirement.count, **dict(requirement.options)}
        name = fill(requirement.names.get(lang) or requirement.names.get("en") or requirement.id, values)
        out.append(f"[ ] {name} ({words.get(f'severity_{requirement.severity}', requirement.severity)})")
        messages = requirement.messages.get(lang) or requirement.messages.get("en") or {}
        hint = messages.get("action") or messages.get("missing") or ""
        if hint:
            out.append("    " + fill(hint, values))
        for source in requirement.sources:
            address = source.url if source.url != source.title else ""
            out.append(f"    {words['source']}{words['colon']}{source.title} {address}".rstrip())
    return "\n".join(out) + "\n"
