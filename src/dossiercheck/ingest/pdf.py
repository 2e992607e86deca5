"""PDF files: page counts, text layers and page rendering.

pypdf reads text layers and encryption (pure Python); PDFium (pypdfium2) renders pages and repairs more
damage than pypdf does. PDFium is C code: page counts that need it run in a child process (guard.isolated).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PIL import Image

from dossiercheck.ingest.guard import Limits, LockedFile, UnreadableFile, decoding, isolated

# A PDF page whose long side renders below this many pixels at the default resolution is small (a card,
# a cropped passport page): it is rendered at its picture's own resolution, up to MAX_PICTURE_DPI.
SMALL_PAGE_PIXELS = 1600
MAX_PICTURE_DPI = 600
MIN_TEXT_LAYER_CHARS = 40  # letters and digits a text layer must hold to be used instead of OCR

PASSWORD_MESSAGE = ("the PDF is protected by a password: open it, print or save it as a new PDF "
                    "without a password, and run the check again")
F = TypeVar("F", bound=Callable[..., Any])
# PDFium may not be called from two threads at once, even on two documents, and pypdf's cached reader is
# shared: the worker reads pages on several threads, so PDFs are opened one page at a time (reentrant:
# the page reader holds it around its own decoding too).
OPENING = threading.RLock()


def _one_at_a_time(function: F) -> F:
    @functools.wraps(function)
    def locked(*args: Any, **kwargs: Any) -> Any:
        with OPENING:
            return function(*args, **kwargs)

    return locked  # type: ignore[return-value]


DAMAGED_MESSAGE = "the PDF is damaged or incomplete: export or scan it again"


def pdf_page_count(path: Path) -> int:
    """Pages of the PDF; UnreadableFile saying why when it cannot be opened."""
    try:
        with decoding(DAMAGED_MESSAGE):
            return len(_decrypted(_reader(str(path))).pages)
    except LockedFile:
        raise
    except UnreadableFile as damaged:
        # PDFium repairs more than pypdf does (a garbage cross-reference table, a cut-off end).
        pages = isolated(_pdfium_page_count, path, seconds=10)
        if pages is None:
            raise UnreadableFile(DAMAGED_MESSAGE) from damaged
        return pages


def _reader(path: str) -> Any:
    from pypdf import PdfReader

    return PdfReader(path)


def _decrypted(reader: Any) -> Any:
    """The reader opened with the empty password (owner-only protection); LockedFile when a user password is set."""
    from pypdf.errors import DependencyError, FileNotDecryptedError, WrongPasswordError

    if not reader.is_encrypted:
        return reader
    try:
        opened = reader.decrypt("")
    except (FileNotDecryptedError, WrongPasswordError, DependencyError, NotImplementedError) as exc:
        # DependencyError: AES without `cryptography`; NotImplementedError: a cipher pypdf lacks.
        raise LockedFile(PASSWORD_MESSAGE) from exc
    if not opened:
        raise LockedFile(PASSWORD_MESSAGE)
    return reader


def _pdfium_page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def usable_text(text: str | None) -> bool:
    """A text layer is worth using when it holds real words, not a few stray glyphs."""
    return sum(ch.isalnum() for ch in text or "") >= MIN_TEXT_LAYER_CHARS


@functools.lru_cache(maxsize=1)
def _open_pdf(path: str, size: int, mtime_ns: int) -> Any:
    """One parsed PDF per worker, reused for its next pages: parsing a 3000-page tree takes ~0.5 s."""
    return _decrypted(_reader(path))


@_one_at_a_time
def text_layer(path: Path, index: int) -> str:
    """The page's text layer by pypdf, else by PDFium (which reads some files pypdf cannot); '' when none."""
    try:
        with decoding(DAMAGED_MESSAGE):
            info = path.stat()
            return str(_open_pdf(str(path), info.st_size, info.st_mtime_ns).pages[index].extract_text() or "")
    except LockedFile:
        raise
    except UnreadableFile:
        return _pdfium_text(path, index)


@_one_at_a_time
def _pdfium_text(path: Path, index: int) -> str:
    import pypdfium2 as pdfium

    try:
        with decoding(DAMAGED_MESSAGE):
            pdf = pdfium.PdfDocument(str(path))
            try:
                page = pdf[index]
                textpage = page.get_textpage()
                text = str(textpage.get_text_bounded() or "")
                textpage.close()
                page.close()
                return text
            finally:
                pdf.close()
    except UnreadableFile:
        return ""  # rendering will say what is wrong


@_one_at_a_time
def render_pdf_page(path: Path, index: int, dpi: int, limits: Limits) -> Image.Image:
    """The page as a grey picture at `dpi` (card-sized pages at their picture's own resolution)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[index]
        width_pt, height_pt = page.get_size()
        scale = dpi / 72
        if max(width_pt, height_pt) * scale < SMALL_PAGE_PIXELS:
            # A card-sized page (a scanning app's crop of a passport) rendered at `dpi` would throw
            # away most of its picture's pixels: render it at the picture's own resolution instead.
            scale = max(scale, min(_picture_dpi(page), MAX_PICTURE_DPI) / 72)
        pixels = width_pt * height_pt * scale * scale
        if pixels > limits.max_page_pixels:
            scale *= (limits.max_page_pixels / pixels) ** 0.5
        bitmap = page.render(scale=scale, grayscale=True)
        image = bitmap.to_pil().convert("L")
        page.close()
        return image
    finally:
        pdf.close()


def _picture_dpi(page: Any) -> float:
    """The resolution of the largest picture on a PDF page (pixels per inch as placed); 0 if none."""
    import pypdfium2.raw as pdfium_raw

    best = 0.0
    try:
        with decoding("an odd picture object"):
            for picture in page.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_IMAGE], max_depth=1):
                left, _, right, _ = picture.get_bounds()
                width_px, _ = picture.get_px_size()
                if right - left > 1:
                    best = max(best, width_px / ((right - left) / 72))
    except UnreadableFile:  # render at the default resolution
        return 0.0
    return best
