"""The first stage: find the dossier's files, tell what each really is from its bytes, open its pages.

    discover   walk the folder, sniff each file (libmagic), skip what is not a document, with why
    formats    the types read, and the optional readers (HEIC) with their state
    guard      limits, time limits, the child process for C code, `decoding` around untrusted bytes
    pdf        page counts, text layers, rendering (pypdf, PDFium)
    images     frames of pictures, upright and reduced (Pillow)
    pages      one page of any file, for the OCR workers
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dossiercheck.ingest.discover import (
    DOSSIER_FILE_NAMES,
    OWN_OUTPUT_PREFIX,
    SourceFile,
    discover,
    display_name,
    examine,
)
from dossiercheck.ingest.guard import Limits, LockedFile, TooSlow, UnreadableFile

if TYPE_CHECKING:
    from dossiercheck.ingest.pages import PageCount, PageInput, count_pages, read_page
    from dossiercheck.ingest.pdf import render_pdf_page

# Opening pages needs the image and PDF libraries (Pillow, pypdf, HEIF: ~60 ms to import); listing and
# sniffing a folder does not, and a re-run whose readings are all cached never opens a page.
_OPENING = {"PageCount": "pages", "PageInput": "pages", "count_pages": "pages", "read_page": "pages",
            "render_pdf_page": "pdf"}


def __getattr__(name: str) -> Any:
    if name in _OPENING:
        import importlib

        return getattr(importlib.import_module(f"dossiercheck.ingest.{_OPENING[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DOSSIER_FILE_NAMES", "OWN_OUTPUT_PREFIX", "Limits", "LockedFile", "PageCount", "PageInput", "SourceFile",
    "TooSlow", "UnreadableFile", "count_pages", "discover", "display_name", "examine", "read_page", "render_pdf_page",
]
