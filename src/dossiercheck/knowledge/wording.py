"""The words around the profiles' own messages, in English, French and Dutch (`schemas/words/*.yaml`).

The requirement messages come from the profiles, already in the chosen language; these are the frame:
headings, the verdict line, the names of dates, the batch summary. Every reporter (and the local page)
takes its words from here. Plural forms follow each language's rule as the Unicode CLDR writes it (Babel):
French says "0 prêt", English "0 ready" but "0 dossiers".
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Protocol

from dossiercheck.knowledge.doctypes import load_doctypes
from dossiercheck.knowledge.files import read_yaml_file, schemas_dir

LANGUAGES = ("en", "fr", "nl")


@functools.lru_cache(maxsize=1)
def all_words() -> Mapping[str, Mapping[str, str]]:
    """Every language's words, read once; a language missing a key of the English file is an error."""
    words = {lang: dict(read_yaml_file(schemas_dir() / "words" / f"{lang}.yaml")) for lang in LANGUAGES}
    for lang in LANGUAGES[1:]:
        missing = sorted(k for k in words["en"] if k not in words[lang] and not k.endswith("_one"))
        if missing:
            raise ValueError(f"schemas/words/{lang}.yaml: missing {', '.join(missing)}")
    return words


class _Part(Protocol):
    @property
    def file(self) -> str: ...

    @property
    def part(self) -> tuple[int, int] | None: ...


def report_language(lang: str | None) -> str:
    """The language the frame is worded in: `lang` when there are words for it, else English."""
    return lang if lang in LANGUAGES else "en"


def words_for(lang: str | None) -> Mapping[str, str]:
    return all_words()[report_language(lang)]


def counted(lang: str | None, key: str, n: int) -> str:
    """`key` worded for `n` things: its `_one` form where the language's plural rule says 'one'."""
    from babel import Locale

    lang = report_language(lang)
    w = words_for(lang)
    one = Locale.parse(lang).plural_form(n) == "one"
    return w.get(f"{key}_one", w[key]).format(n=n) if one else w[key].format(n=n)


def date_name(field: str, lang: str | None) -> str:
    """'expiry' -> 'date d'expiration': the name of a date read from a document; unknown fields as they are."""
    return words_for(lang).get(f"date_{field}", field)


def type_name(type_id: str, lang: str | None) -> str:
    """'good_conduct' -> 'Extrait de casier judiciaire': a document type as the schema names it in `lang`.

    Applicants read names, not ids; a type the schemas do not name (or 'unknown') is returned as it is.
    """
    doctype = load_doctypes().get(type_id)
    if doctype is None:
        return type_id
    return doctype.names.get(report_language(lang)) or doctype.names.get("en") or type_id


def document_name(document: _Part, lang: str | None) -> str:
    """Document.name in the report's language: the file, and its pages when the file holds several documents."""
    if document.part is None:
        return document.file
    w = words_for(lang)
    first, last = document.part
    pages = (w["page_one"].format(n=first + 1) if first == last
             else w["page_range"].format(first=first + 1, last=last + 1))
    return f"{document.file} ({pages})"
