"""The page's words: the reports' frame (`schemas/words/*.yaml`) and the page's own, its keys starting `page_`.

UI strings are knowledge as data, like the report's: a translator edits the YAML files, never this code.
"""

from __future__ import annotations

from collections.abc import Mapping

from dossiercheck.knowledge.wording import LANGUAGES, report_language, words_for

LANGUAGE_NAMES = {"en": "English", "fr": "Français", "nl": "Nederlands"}


def page_words(lang: str | None) -> Mapping[str, str]:
    """Every word of the page and the report in `lang` (else English)."""
    return words_for(report_language(lang))


def say(lang: str | None, key: str, **values: object) -> str:
    """The page's message `page_<key>` in `lang`, filled in; an unknown key is shown as it is, never a crash."""
    text = page_words(lang).get(f"page_{key}", key)
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return text


def in_every_language(key: str) -> str:
    """One message in English, French and Dutch, one line each: for answers given before a language is known."""
    return "".join(say(lang, key) + "\n" for lang in LANGUAGES)


__all__ = ["LANGUAGES", "LANGUAGE_NAMES", "in_every_language", "page_words", "say"]
