"""What to bring for a procedure, from its profile alone: for someone who has no documents yet."""

from __future__ import annotations

import string
from typing import Any

from dossiercheck.knowledge.doctypes import load_doctypes
from dossiercheck.knowledge.wording import words_for


class _Blank(dict):  # type: ignore[type-arg]
    """Placeholders with no value yet ({expiry}, {needed}) read as an ellipsis."""

    def __missing__(self, key: str) -> str:
        return "…"


def fill(template: str, values: dict[str, Any] | None = None) -> str:
    return string.Formatter().vformat(template, (), _Blank(values or {}))


def render_checklist(profile: Any, lang: str = "en") -> str:
    doctypes = load_doctypes()
    words = words_for(lang)
    out = [profile.title.get(lang) or profile.title.get("en", profile.id), ""]
    description = profile.description.get(lang) or profile.description.get("en") or ""
    if description:
        out += [description.strip(), ""]
    for requirement in profile.requirements:
        messages = requirement.messages.get(lang) or requirement.messages.get("en") or {}
        names = []
        for type_id in requirement.documents:
            doctype = doctypes.get(type_id)
            names.append(doctype.names.get(lang, type_id) if doctype else type_id)
        what = words["or"].join(names) if names else requirement.id
        if requirement.count > 1:
            what = f"{requirement.count} × {what}"
        out.append(f"[ ] {what} ({words.get(f'severity_{requirement.severity}', requirement.severity)})")
        hint = messages.get("action") or messages.get("missing") or ""
        if hint:
            values = {"count": requirement.count, **dict(requirement.options)}
            out.append("    " + fill(hint, values))
    return "\n".join(out) + "\n"
