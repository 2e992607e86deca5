"""The language a document is written in, for the translation rules (FR/NL/DE/EN accepted as they are).

py3langid because it runs offline with its model inside the wheel (no download, no network at run time),
is fast (a page in about a millisecond once loaded) and gives normalised probabilities, so "not sure" can
be answered with None. It is restricted to the four Belgian-procedure languages plus the languages
dossiers most often arrive in, so a Spanish or Turkish certificate is reported as such instead of being
forced into the nearest of fr/nl/en/de.

Identity documents print every label in two or three languages ("Date of birth / Date de naissance");
those labels say nothing about the document's language, so they are removed first and, when nothing but
labels and the MRZ is left, the answer is None.
"""

from __future__ import annotations

import functools
import re
from typing import Any

LANGUAGES = ("fr", "nl", "en", "de", "es", "it", "pt", "ar", "ary", "tr", "pl", "ro", "ru", "uk", "sq",
             "fa", "zh", "vi", "tl", "id", "sw", "hi", "ur", "bn")  # fmt: skip
MIN_LETTERS = 40  # shorter than this (after removing labels) is too little to tell
MIN_PROBABILITY = 0.80
_MAX_CHARS = 5000

_MRZ_LINE = re.compile(r"^[A-Z0-9<]{20,}$")
# Bilingual label lines: "Surname / Nom", "Date of birth/Geboortedatum/Date de naissance".
_BILINGUAL = re.compile(r"^[^\d/]{2,40}(?:\s?/\s?[^\d/]{2,40}){1,3}$")
_LABELS = re.compile(
    r"\b(?:surname|given names?|nationality|date of (?:birth|issue|expiry)|place of birth|sex|authority|"
    r"passport|type|code|nom|pr[ée]noms?|nationalit[ée]|date de (?:naissance|d[ée]livrance)|date d'expiration|"
    r"lieu de naissance|sexe|autorit[ée]|passeport|naam|voornamen|nationaliteit|geboortedatum|geboorteplaats|"
    r"geslacht|vervaldatum|paspoort|name|vornamen|staatsangeh[öo]rigkeit|geburtsdatum|geburtsort|"
    r"geschlecht|g[üu]ltig bis|reisepass)\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(dict.fromkeys(LANGUAGES)))
    return identifier


def body_text(text: str) -> str:
    """The text without MRZ lines, bilingual label lines and known field labels."""
    kept: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or _MRZ_LINE.match(line.replace(" ", "")) or _BILINGUAL.match(line):
            continue
        kept.append(_LABELS.sub(" ", line))
    return "\n".join(kept)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language ("fr", "nl", "en", "de", "es", ...), or None when unsure."""
    body = body_text(text[:_MAX_CHARS])
    letters = sum(c.isalpha() for c in body)
    if letters < MIN_LETTERS:
        return None
    language, probability = _identifier().classify(body)
    if probability < MIN_PROBABILITY:
        return None
    return "ar" if language == "ary" else str(language)
