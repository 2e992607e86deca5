"""The first stage: find the dossier's files, tell what each really is from its bytes, open its pages.

    discover   walk the folder, sniff each file (libmagic), skip what is not a document, with why
    formats    the types read, and the optional readers (HEIC) with their state
    guard      limits, time limits, the child process for C code, `decoding` around untrusted bytes
    pdf        page counts, text layers, rendering (pypdf, PDFium)
    images     frames of pictures, upright and reduced (Pillow)
    pages      one page of any file, for the OCR workers
"""

from __future__ import annotations

from dossiercheck.ingest.discover import (
    DOSSIER_FILE_NAMES,
    OWN_OUTPUT_PREFIX,
    SourceFile,
    discover,
    display_name,
    examine,
)
from dossiercheck.ingest.guard import Limits, LockedFile, TooSlow, UnreadableFile
from dossiercheck.ingest.pages import PageCount, PageInput, count_pages, read_page
from dossiercheck.ingest.pdf import render_pdf_page

__all__ = [
    "DOSSIER_FILE_NAMES", "OWN_OUTPUT_PREFIX", "Limits", "LockedFile", "PageCount", "PageInput", "SourceFile",
    "TooSlow", "UnreadableFile", "count_pages", "discover", "display_name", "examine", "read_page", "render_pdf_page",
]
