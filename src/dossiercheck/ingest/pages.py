"""One page of a file, opened on its own: a usable text layer, or an image to OCR.

Used inside the OCR workers, so only one page image is alive at a time; a 500-page TIFF or PDF
never sits in memory whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from dossiercheck.ingest.discover import SourceFile
from dossiercheck.ingest.formats import PDF_MIME
from dossiercheck.ingest.guard import DEFAULT_LIMITS, Limits, TooSlow, UnreadableFile, decoding, time_limit
from dossiercheck.ingest.images import frame_count, read_frame
from dossiercheck.ingest.pdf import OPENING, pdf_page_count, render_pdf_page, text_layer, usable_text


@dataclass
class PageInput:
    """One page as it comes out of a file: either a text layer or an image to OCR.

    Not frozen, on purpose: it is the hand-off from ingest to OCR inside one worker, and the OCR lets go
    of `image` as soon as it has its own grey copy, so that only one copy of a page is ever alive.
    """

    index: int
    text: str | None = None  # the PDF text layer when it is usable
    image: Image.Image | None = None
    problem: str | None = None


@dataclass(frozen=True)
class PageCount:
    """How many pages a file has (before the page cap), and a note about them (an animation's frames)."""

    pages: int
    note: str | None = None


def count_pages(source: SourceFile, limits: Limits = DEFAULT_LIMITS) -> PageCount:
    """How many pages the file has; UnreadableFile saying why when it cannot be opened."""
    try:
        with time_limit(limits.open_seconds):
            if source.mime == PDF_MIME:
                return PageCount(pdf_page_count(source.path))
            return PageCount(*frame_count(source.path, source.mime))
    except TooSlow as exc:
        raise UnreadableFile(f"opening the file took too long ({exc}): export or scan it again") from exc


def read_page(source_path: Path, mime: str, index: int, dpi: int = 200, limits: Limits = DEFAULT_LIMITS) -> PageInput:
    """Open page `index` of a file. Raises UnreadableFile, with a message for the applicant, and nothing else."""
    what = "PDF page" if mime == PDF_MIME else "picture"
    try:
        # One page decoded at a time in a process (PDFium's rule; it also keeps two threads' decoded
        # pages, the largest buffers of a reading, from piling up).
        damaged = f"the {what} is damaged or incomplete: scan or export it again"
        with OPENING, time_limit(limits.open_seconds), decoding(damaged):
            if mime == PDF_MIME:
                text = text_layer(source_path, index)
                if usable_text(text):
                    return PageInput(index=index, text=text)
                return PageInput(index=index, image=render_pdf_page(source_path, index, dpi, limits))
            image, problem = read_frame(source_path, mime, index, limits)
            return PageInput(index=index, image=image, problem=problem)
    except TooSlow as exc:
        raise UnreadableFile(f"opening page {index + 1} took too long ({exc}): export or scan it again") from exc
