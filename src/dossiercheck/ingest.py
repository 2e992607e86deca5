"""Find the dossier's files, decide what each really is from its bytes, and open its pages.

Nothing here trusts a file name: the type comes from libmagic. Pages are yielded one at a
time so that a 500-page TIFF or PDF never sits in memory whole.
"""

from __future__ import annotations

import hashlib
import os
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import magic
from PIL import Image, ImageOps, ImageSequence

from dossiercheck.models import Skipped

# HEIC/HEIF from phones become ordinary Pillow images.
try:  # pragma: no cover - the wheel is a hard dependency, but a broken libheif must not stop PDFs
    import pillow_heif

    pillow_heif.register_heif_opener()
except Exception:  # noqa: BLE001
    pillow_heif = None

IMAGE_MIMES = {
    "image/jpeg": "JPEG image",
    "image/png": "PNG image",
    "image/tiff": "TIFF image",
    "image/heic": "HEIC photo",
    "image/heif": "HEIF photo",
    "image/webp": "WebP image",
    "image/bmp": "BMP image",
    "image/x-ms-bmp": "BMP image",
}
PDF_MIME = "application/pdf"

# Files the tool writes itself, and the dossier's own description: not documents.
OWN_OUTPUT_PREFIX = "dossiercheck-"
DOSSIER_FILE_NAMES = {"dossier.yaml", "dossier.yml"}

# Pillow refuses images over twice this many pixels (a decompression bomb); we keep its guard
# but raise the bar to what real scans reach (an A3 flatbed scan at 600 dpi is ~70 MP).
Image.MAX_IMAGE_PIXELS = 100_000_000
warnings.simplefilter("ignore", Image.DecompressionBombWarning)


@dataclass(frozen=True)
class SourceFile:
    """A file of the dossier that the tool can read."""

    path: Path
    rel: str  # '/'-separated path relative to the dossier folder
    size: int
    sha256: str
    mime: str


@dataclass(frozen=True)
class Limits:
    """Bounds that keep one pathological file from sinking a run."""

    max_pages: int = 200  # pages read per file; the rest are reported, not read
    max_file_bytes: int = 500 * 1024 * 1024
    max_page_pixels: int = 40_000_000  # larger pages are downscaled to this, not refused


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sniff(path: Path) -> str:
    """The MIME type from the first bytes, as libmagic sees them."""
    with path.open("rb") as handle:
        head = handle.read(8192)
    return magic.from_buffer(head, mime=True)


def discover(folder: Path, limits: Limits = Limits()) -> tuple[list[SourceFile], list[Skipped]]:
    """Walk the dossier folder; return readable files and the ones skipped, with why."""
    root = folder.resolve()
    files: list[SourceFile] = []
    skipped: list[Skipped] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        here = Path(dirpath)
        for name in sorted(dirnames):
            sub = here / name
            rel = sub.relative_to(root).as_posix()
            if name.startswith("."):
                skipped.append(Skipped(rel + "/", "hidden folder, not read"))
            elif name.startswith(OWN_OUTPUT_PREFIX):
                skipped.append(Skipped(rel + "/", "dossiercheck's own output, not read"))
            elif sub.is_symlink():
                skipped.append(Skipped(rel + "/", "link to a folder, not followed"))
        dirnames[:] = sorted(
            d
            for d in dirnames
            if not d.startswith(".") and not d.startswith(OWN_OUTPUT_PREFIX) and not (here / d).is_symlink()
        )
        for name in sorted(filenames):
            entry = examine(here / name, root, limits)
            if isinstance(entry, SourceFile):
                files.append(entry)
            elif entry is not None:
                skipped.append(entry)
    return sorted(files, key=lambda f: f.rel), sorted(skipped, key=lambda s: s.file)


def examine(path: Path, root: Path, limits: Limits) -> SourceFile | Skipped | None:
    rel = path.relative_to(root).as_posix()
    name = path.name
    if name.startswith("."):
        return Skipped(rel, "hidden file, not read")
    if name in DOSSIER_FILE_NAMES and path.parent == root:
        return None  # the dossier's own description, read as settings
    if name.startswith(OWN_OUTPUT_PREFIX):
        return Skipped(rel, "dossiercheck's own output, not read")
    if path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(root):
            return Skipped(rel, "link to a file outside the dossier folder, not followed")
        if not target.is_file():
            return Skipped(rel, "broken link: the file it points to does not exist")
        return Skipped(rel, f"link to {target.relative_to(root).as_posix()}, which is read on its own")
    try:
        size = path.stat().st_size
        if not path.is_file():
            return Skipped(rel, "not a regular file")
        if size == 0:
            return Skipped(rel, "the file is empty (0 bytes): scan or export the document again")
        if size > limits.max_file_bytes:
            mib = limits.max_file_bytes // (1024 * 1024)
            return Skipped(rel, f"the file is larger than {mib} MiB: save it at a lower resolution")
        mime = sniff(path)
    except OSError as exc:
        return Skipped(rel, f"cannot be read ({exc.strerror or exc}): check its permissions")
    if mime != PDF_MIME and mime not in IMAGE_MIMES:
        return Skipped(rel, unsupported_reason(mime))
    return SourceFile(path=path, rel=rel, size=size, sha256=sha256_of(path), mime=mime)


def unsupported_reason(mime: str) -> str:
    what = {
        "text/plain": "a text file",
        "application/zip": "a ZIP archive",
        "application/x-executable": "a program",
        "application/x-dosexec": "a Windows program",
        "image/svg+xml": "an SVG drawing",
        "application/octet-stream": "not a recognisable document (unknown bytes)",
        "inode/x-empty": "empty",
    }.get(mime, f"of type {mime}")
    return (
        f"not a document the tool can read ({what}): save it as PDF, JPEG, PNG, TIFF, HEIC, WebP or BMP"
    )


# --- pages -----------------------------------------------------------------------------------


@dataclass
class PageInput:
    """One page as it comes out of a file: either a text layer or an image to OCR."""

    index: int
    text: str | None = None  # the PDF text layer when it is usable
    image: Image.Image | None = None
    problem: str | None = None


class UnreadableFile(Exception):
    """The file could not be opened at all; the message is for the applicant."""


def count_pages(source: SourceFile) -> int:
    """How many pages the file has (before the page cap)."""
    if source.mime == PDF_MIME:
        return _pdf_page_count(source.path)
    try:
        with Image.open(source.path) as image:
            return max(1, int(getattr(image, "n_frames", 1)))
    except Image.DecompressionBombError as exc:
        raise UnreadableFile("the image is too large to open safely (over 200 million pixels)") from exc
    except Exception as exc:  # noqa: BLE001 - Pillow raises many kinds for broken files
        raise UnreadableFile(f"the {IMAGE_MIMES.get(source.mime, 'image')} is damaged or incomplete") from exc


def _pdf_page_count(path: Path) -> int:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableFile(
                "the PDF is protected by a password: open it, print or save it as a new PDF "
                "without a password, and run the check again"
            )
        return len(reader.pages)
    except UnreadableFile:
        raise
    except FileNotDecryptedError as exc:
        raise UnreadableFile("the PDF is protected by a password: save a copy without the password") from exc
    except (PdfReadError, ValueError, KeyError, RecursionError, OSError) as exc:
        raise UnreadableFile("the PDF is damaged or incomplete: export or scan it again") from exc
    except Exception as exc:  # noqa: BLE001 - pypdf can raise almost anything on hostile input
        raise UnreadableFile("the PDF could not be read: export or scan it again") from exc


def read_page(source_path: Path, mime: str, index: int, dpi: int = 200, limits: Limits = Limits()) -> PageInput:
    """Open one page of a file. Used inside the OCR workers, so only one page image is alive."""
    if mime == PDF_MIME:
        return _read_pdf_page(source_path, index, dpi, limits)
    return _read_image_page(source_path, index, limits)


def usable_text(text: str | None) -> bool:
    """A text layer is worth using when it holds real words, not a few stray glyphs."""
    if not text:
        return False
    letters = sum(ch.isalnum() for ch in text)
    return letters >= 40


def _read_pdf_page(path: Path, index: int, dpi: int, limits: Limits) -> PageInput:
    from pypdf import PdfReader

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            reader.decrypt("")
        text = reader.pages[index].extract_text() or ""
    except Exception:  # noqa: BLE001 - fall back to rendering
        text = ""
    if usable_text(text):
        return PageInput(index=index, text=text)
    return PageInput(index=index, image=render_pdf_page(path, index, dpi, limits))


def render_pdf_page(path: Path, index: int, dpi: int, limits: Limits) -> Image.Image:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[index]
        width_pt, height_pt = page.get_size()
        scale = dpi / 72
        pixels = width_pt * height_pt * scale * scale
        if pixels > limits.max_page_pixels:
            scale *= (limits.max_page_pixels / pixels) ** 0.5
        bitmap = page.render(scale=scale, grayscale=True)
        image = bitmap.to_pil().convert("L")
        page.close()
        return image
    finally:
        pdf.close()


def _read_image_page(path: Path, index: int, limits: Limits) -> PageInput:
    with Image.open(path) as image:
        frame = image
        if index:
            frame = ImageSequence.Iterator(image)[index]
        if frame.mode in ("RGBA", "LA", "P"):
            frame = frame.convert("RGBA")
            background = Image.new("RGBA", frame.size, "white")
            frame = Image.alpha_composite(background, frame)
        try:
            oriented = ImageOps.exif_transpose(frame)
        except Exception:  # noqa: BLE001 - a broken EXIF block must not lose the picture
            oriented = frame
        problem = None
        pixels = oriented.width * oriented.height
        if pixels > limits.max_page_pixels:
            factor = (limits.max_page_pixels / pixels) ** 0.5
            oriented = oriented.resize((max(1, int(oriented.width * factor)), max(1, int(oriented.height * factor))))
            problem = "the picture is very large and was reduced before reading"
        result = oriented.convert("RGB") if oriented.mode not in ("L", "RGB") else oriented.copy()
    return PageInput(index=index, image=result, problem=problem)


def iter_dossier_pages(source: SourceFile, limits: Limits = Limits()) -> Iterator[PageInput]:
    """All pages of one file, one at a time (for callers that do not parallelise pages)."""
    for index in range(min(count_pages(source), limits.max_pages)):
        yield read_page(source.path, source.mime, index, limits=limits)
