"""The reader's thresholds, from `schemas/reading.yaml`: how sure to be of a type, which dates are plausible."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from dossiercheck.errors import DossierCheckError
from dossiercheck.knowledge.files import load_checked
from dossiercheck.text.match import normalise


class SettingsError(DossierCheckError):
    """schemas/reading.yaml is wrong; the message names the field."""


@dataclass(frozen=True)
class ReadingSettings:
    min_confidence: float
    core_extra_confidence: float
    invalid_mrz_weight: float
    valid_mrz_confidence: float
    invalid_mrz_max_confidence: float
    photo_confidence: float
    text_limit: int
    split_confidence: float
    birth_min_years: int
    birth_max_years: int
    identity_validity_min_years: int
    identity_validity_max_years: int


@dataclass(frozen=True)
class ReadAgain:
    """The languages a page is read again in when it reads like one of them (reading.yaml `languages`):
    Tesseract's model of each, with the language's own short words (normalised: text.match.normalise),
    and how many of them make a page."""

    min_words: int
    markers: tuple[tuple[str, tuple[str, ...]], ...]


@functools.lru_cache(maxsize=1)
def _reading_data() -> Any:
    try:
        return load_checked("reading.yaml", "reading.schema.json")
    except ValueError as exc:
        raise SettingsError(str(exc)) from None


@functools.lru_cache(maxsize=1)
def read_again() -> ReadAgain:
    languages = _reading_data()["languages"]
    # Normalised as the page's words will be (accents folded), once, not on every page.
    return ReadAgain(languages["min_words"], tuple((model, tuple(dict.fromkeys(normalise(w) for w in words)))
                                                   for model, words in languages["read_again"].items()))


@functools.lru_cache(maxsize=1)
def reading_settings() -> ReadingSettings:
    data = _reading_data()
    return ReadingSettings(**data["classification"], split_confidence=data["splitting"]["page_confidence"],
                           **data["dates"])
