"""What changes what OCR returns, as one value: the cache key of a page's reading.

Kept apart from the page reader so that a run whose pages are all cached never loads the image
libraries or the OCR engine.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field

from dossiercheck.ingest.guard import Limits
from dossiercheck.knowledge.settings import ReadAgain, read_again

# Bump when the way pages are read changes, so cached readings are not reused.
READER_VERSION = "27"
# Tesseract's model for each language a dossier is read in (ISO 639-1 -> Tesseract's code).
MODELS = {"en": "eng", "fr": "fra", "nl": "nld", "de": "deu"}
LANGUAGES = tuple(MODELS.values())


@dataclass(frozen=True)
class OcrSettings:
    """Everything that changes what OCR returns: part of the cache key."""

    languages: str = "+".join(LANGUAGES)
    # Read in one language without word lists: an identity document's page once its zone holds (see
    # ocr.page._identity_page), and the trial readings that tell which way up a page is.
    quick_languages: str = "eng"
    # A page of text that reads like Turkish, Polish, Spanish... is read again in it (schemas/reading.yaml).
    read_again: ReadAgain = field(default_factory=read_again)
    dpi: int = 200  # rendering of PDF pages without a text layer
    timeout: float = 120.0  # seconds per Tesseract reading; 0 means none
    limits: Limits = field(default_factory=Limits)

    def fingerprint(self) -> str:
        from importlib.metadata import PackageNotFoundError, version

        try:  # the wheel's version names the libtesseract inside it; asked without loading it
            engine_version = version("tesserocr")
        except PackageNotFoundError:
            engine_version = "missing"
        engine = {"reader": READER_VERSION, "engine": "tesserocr", "version": engine_version}
        plain = asdict(self) | engine
        return hashlib.sha256(json.dumps(plain, sort_keys=True, default=str).encode()).hexdigest()[:16]
