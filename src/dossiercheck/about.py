"""What this installation can do, for `dossiercheck --version`: kept apart from the API so that it stays instant."""

from __future__ import annotations

from dossiercheck.ingest.formats import OptionalFormat, optional_formats
from dossiercheck.ocr.tesseract import engine_description


def installation() -> tuple[str, tuple[OptionalFormat, ...]]:
    """The OCR engine and the optional readers as they are on this computer."""
    return engine_description(), optional_formats()
