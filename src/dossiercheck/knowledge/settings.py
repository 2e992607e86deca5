"""The reader's thresholds, from `schemas/reading.yaml`: how sure to be of a type, which dates are plausible."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from dossiercheck.errors import DossierCheckError
from dossiercheck.knowledge.files import load_checked


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


@functools.lru_cache(maxsize=1)
def reading_settings() -> ReadingSettings:
    try:
        data = load_checked("reading.yaml", "reading.schema.json")
    except ValueError as exc:
        raise SettingsError(str(exc)) from None
    return ReadingSettings(**data["classification"], split_confidence=data["splitting"]["page_confidence"],
                           **data["dates"])
