"""Find the dossier's files, decide what each really is from its bytes, and open its pages.

Nothing here trusts a file name: the type comes from libmagic. Pages are yielded one at a
time so that a 500-page TIFF or PDF never sits in memory whole.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import multiprocessing
import os
import signal
import stat
import threading
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import magic
from PIL import Image, ImageOps

from dossiercheck.models import Skipped

# HEIC/HEIF from phones become ordinary Pillow images.
try:  # pragma: no cover - the wheel is a hard dependency, but a broken libheif must not stop PDFs
    import pillow_heif

    pillow_heif.register_heif_opener()
except Exception:  # noqa: BLE001
    pillow_heif = None  # type: ignore[assignment]

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
JPEG_MIME = "image/jpeg"
PDF_MIME = "application/pdf"

# Files the tool writes itself, and the dossier's own description: not documents.
OWN_OUTPUT_PREFIX = "dossiercheck-"
# A PDF page whose long side renders below this many pixels at the default resolution is small (a card,
# a cropped passport page): it is rendered at its picture's own resolution, up to MAX_PICTURE_DPI.
SMALL_PAGE_PIXELS = 1600
MAX_PICTURE_DPI = 600
DOSSIER_FILE_NAMES = {"dossier.yaml", "dossier.yml"}

# Pillow refuses images over twice this many pixels (a decompression bomb); we keep its guard
# but raise the bar to what real scans reach (an A3 flatbed scan at 600 dpi is ~70 MP).
Image.MAX_IMAGE_PIXELS = 100_000_000
warnings.simplefilter("ignore", Image.DecompressionBombWarning)
# Pillow warns on stderr about the damage it works around (corrupt EXIF, truncated TIFF tags).
warnings.filterwarnings("ignore", category=UserWarning, module=r"PIL\.")
# pypdf logs every repair it makes to a damaged file; the report says it once, in plain words.
logging.getLogger("pypdf").setLevel(logging.ERROR)


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
    open_seconds: float = 60.0  # to count a file's pages, or to open and render one page; 0: no limit


class TooSlow(Exception):
    """Opening a file or a page took longer than Limits.open_seconds."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TooSlow in this thread after `seconds` of pure-Python work (pypdf on a hostile PDF).

    It uses SIGALRM, so it only works in the main thread of a POSIX process; elsewhere it does
    nothing. C code that never returns (a renderer stuck in a loop) is left to the watchdog of
    the OCR workers, which ends the worker process.
    """
    usable = (seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TooSlow(f"took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


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
    try:
        return str(magic.from_buffer(head, mime=True))
    except Exception:  # noqa: BLE001 - libmagic gives up on some byte soups: then nobody knows the type
        return "application/octet-stream"


def display_name(rel: str) -> str:
    """The relative path as the report shows it: bytes that are not UTF-8 and control
    characters (newlines, terminal escapes) written as \\xNN, so no name can break a report."""
    out = []
    for ch in rel:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, as os.fsdecode keeps it
            out.append(f"\\x{code - 0xDC00:02x}")
        elif code < 0x20 or code == 0x7F or 0x80 <= code < 0xA0:
            out.append(f"\\x{code:02x}")
        else:
            out.append(ch)
    return "".join(out)


def discover(folder: Path, limits: Limits = Limits()) -> tuple[list[SourceFile], list[Skipped]]:
    """Walk the dossier folder; return readable files and the ones skipped, with why."""
    root = folder.resolve()
    files: list[SourceFile] = []
    skipped: list[Skipped] = []

    def cannot_open(error: OSError) -> None:
        where = Path(error.filename) if error.filename else root
        rel = display_name(where.relative_to(root).as_posix()) if where != root else "."
        skipped.append(Skipped(rel + "/", f"the folder cannot be opened ({error.strerror or error}): "
                                          "check its permissions"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=cannot_open, followlinks=False):
        here = Path(dirpath)
        if here != root and not dirnames and not filenames:
            skipped.append(Skipped(display_name(here.relative_to(root).as_posix()) + "/",
                                   "an empty folder: nothing to read"))
        for name in sorted(dirnames):
            sub = here / name
            rel = display_name(sub.relative_to(root).as_posix())
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
    return _unique(sorted(files, key=lambda f: f.rel)), sorted(skipped, key=lambda s: s.file)


def _unique(files: list[SourceFile]) -> list[SourceFile]:
    """Two odd names can show the same once escaped: number the later ones, so none is lost."""
    seen: set[str] = set()
    out = []
    for source in files:
        rel, n = source.rel, 1
        while rel in seen:
            n += 1
            rel = f"{source.rel} ({n})"
        seen.add(rel)
        out.append(source if rel == source.rel else SourceFile(source.path, rel, source.size, source.sha256,
                                                               source.mime))
    return out


def examine(path: Path, root: Path, limits: Limits) -> SourceFile | Skipped | None:
    rel = display_name(path.relative_to(root).as_posix())
    name = path.name
    if name.startswith("."):
        return Skipped(rel, "hidden file, not read")
    if name in DOSSIER_FILE_NAMES and path.parent == root:
        return None  # the dossier's own description, read as settings
    if name.startswith(OWN_OUTPUT_PREFIX):
        return Skipped(rel, "dossiercheck's own output, not read")
    if path.is_symlink():
        try:
            target = path.resolve()
        except (OSError, RuntimeError):  # a loop of links
            return Skipped(rel, "broken link: it points to itself through other links")
        if not target.is_relative_to(root):
            return Skipped(rel, "link to a file outside the dossier folder, not followed")
        if not target.is_file():
            return Skipped(rel, "broken link: the file it points to does not exist")
        return Skipped(rel, f"link to {display_name(target.relative_to(root).as_posix())}, which is read on its own")
    try:
        # lstat, and never open what is not a regular file: opening a named pipe would wait forever.
        info = path.lstat()
        if stat.S_ISDIR(info.st_mode):
            return Skipped(rel, "a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            return Skipped(rel, "not a regular file (a pipe, socket or device): not read")
        size = info.st_size
        if size == 0:
            return Skipped(rel, "the file is empty (0 bytes): scan or export the document again")
        if size > limits.max_file_bytes:
            mib = limits.max_file_bytes // (1024 * 1024)
            return Skipped(rel, f"the file is larger than {mib} MiB: save it at a lower resolution")
        mime = sniff(path)
        if mime != PDF_MIME and mime not in IMAGE_MIMES:
            return Skipped(rel, unsupported_reason(mime))
        return SourceFile(path=path, rel=rel, size=size, sha256=sha256_of(path), mime=mime)
    except OSError as exc:
        return Skipped(rel, f"cannot be read ({exc.strerror or exc}): check its permissions")


def unsupported_reason(mime: str) -> str:
    what = {
        "text/plain": "a text file",
        "application/zip": "a ZIP archive",
        "application/x-executable": "a program",
        "application/x-dosexec": "a Windows program",
        "image/svg+xml": "an SVG drawing",
        "image/gif": "a GIF picture",
        "application/x-sharedlib": "a program",
        "application/x-pie-executable": "a program",
        "application/x-mach-binary": "a macOS program",
        "application/x-rar": "a RAR archive",
        "application/gzip": "a compressed archive",
        "application/x-7z-compressed": "a 7-Zip archive",
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


def count_pages(source: SourceFile, limits: Limits = Limits()) -> int:
    """How many pages the file has (before the page cap)."""
    try:
        with time_limit(limits.open_seconds):
            if source.mime == PDF_MIME:
                return _pdf_page_count(source.path)
            return _image_frame_count(source)
    except TooSlow as exc:
        raise UnreadableFile(f"opening the file took too long ({exc}): export or scan it again") from exc


def _image_frame_count(source: SourceFile) -> int:
    what = IMAGE_MIMES.get(source.mime, "image")
    try:
        with Image.open(source.path) as image:
            return max(1, int(getattr(image, "n_frames", 1)))
    except Image.DecompressionBombError as exc:
        millions = 2 * (Image.MAX_IMAGE_PIXELS or 0) // 1_000_000
        raise UnreadableFile(f"the image is too large to open safely (over {millions} million pixels): "
                             "save it at a lower resolution") from exc
    except TooSlow:
        raise
    except Exception as exc:  # noqa: BLE001 - Pillow raises many kinds for broken files
        raise UnreadableFile(f"the {what} is damaged or incomplete: scan or export it again") from exc


PASSWORD_MESSAGE = ("the PDF is protected by a password: open it, print or save it as a new PDF "
                    "without a password, and run the check again")


def _pdf_page_count(path: Path) -> int:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception as exc:  # noqa: BLE001 - an unknown cipher is still a locked file to the applicant
                raise UnreadableFile(PASSWORD_MESSAGE) from exc
            if not opened:
                raise UnreadableFile(PASSWORD_MESSAGE)
        return len(reader.pages)
    except (UnreadableFile, TooSlow):
        raise
    except FileNotDecryptedError as exc:
        raise UnreadableFile(PASSWORD_MESSAGE) from exc
    except RecursionError as exc:
        raise UnreadableFile("the PDF's structure loops back on itself or is nested too deeply: "
                             "export or scan it again") from exc
    except Exception as exc:  # noqa: BLE001 - pypdf can raise almost anything on hostile input
        damaged = exc
    # PDFium repairs more than pypdf does (a garbage cross-reference table, a cut-off end); it is
    # C code, so it runs in a child process that may crash or hang without taking the run along.
    pages = _isolated(_pdfium_page_count, path, seconds=10)
    if pages is None:
        raise UnreadableFile("the PDF is damaged or incomplete: export or scan it again") from damaged
    return pages


def _pdfium_page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def _isolated(function: Callable[[Path], int], path: Path, seconds: float) -> int | None:
    """function(path) in a child process; None when it fails, crashes or takes over `seconds`."""
    try:
        context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
        receive, send = context.Pipe(duplex=False)
        child = context.Process(  # type: ignore[attr-defined]
            target=_send_result, args=(function, path, send), daemon=True)
        child.start()
    except (OSError, ValueError):
        return None
    send.close()
    try:
        if receive.poll(seconds):
            result = receive.recv()
            return result if isinstance(result, int) else None
        return None
    except (EOFError, OSError):  # the child died without a word
        return None
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join()


def _send_result(function: Callable[[Path], int], path: Path, send: Any) -> None:
    try:
        send.send(function(path))
    except Exception:  # noqa: BLE001 - the parent only needs to know it failed
        send.send(None)


def read_page(source_path: Path, mime: str, index: int, dpi: int = 200, limits: Limits = Limits()) -> PageInput:
    """Open one page of a file. Used inside the OCR workers, so only one page image is alive.

    Raises UnreadableFile, with a message for the applicant, and nothing else.
    """
    try:
        with time_limit(limits.open_seconds):
            if mime == PDF_MIME:
                return _read_pdf_page(source_path, index, dpi, limits)
            return _read_image_page(source_path, index, limits)
    except UnreadableFile:
        raise
    except TooSlow as exc:
        raise UnreadableFile(f"opening page {index + 1} took too long ({exc}): export or scan it again") from exc
    except Exception as exc:  # noqa: BLE001 - decoders raise every kind of error on broken data
        what = "PDF page" if mime == PDF_MIME else "picture"
        raise UnreadableFile(f"the {what} is damaged or incomplete ({type(exc).__name__}): "
                             "scan or export it again") from exc


def usable_text(text: str | None) -> bool:
    """A text layer is worth using when it holds real words, not a few stray glyphs."""
    if not text:
        return False
    letters = sum(ch.isalnum() for ch in text)
    return letters >= 40


@functools.lru_cache(maxsize=1)
def _open_pdf(path: str, size: int, mtime_ns: int) -> Any:
    """One parsed PDF per worker, reused for its next pages: parsing a 3000-page tree takes ~0.5 s."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    if reader.is_encrypted:
        reader.decrypt("")
    return reader


def _read_pdf_page(path: Path, index: int, dpi: int, limits: Limits) -> PageInput:
    try:
        info = path.stat()
        text = _open_pdf(str(path), info.st_size, info.st_mtime_ns).pages[index].extract_text() or ""
    except TooSlow:
        raise
    except Exception:  # noqa: BLE001 - pypdf cannot read it: PDFium may
        text = _pdfium_text(path, index)
    if usable_text(text):
        return PageInput(index=index, text=text)
    return PageInput(index=index, image=render_pdf_page(path, index, dpi, limits))


def _pdfium_text(path: Path, index: int) -> str:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except Exception:  # noqa: BLE001 - rendering will say what is wrong
        return ""
    try:
        page = pdf[index]
        textpage = page.get_textpage()
        text = str(textpage.get_text_bounded() or "")
        textpage.close()
        page.close()
        return text
    except Exception:  # noqa: BLE001
        return ""
    finally:
        pdf.close()


def render_pdf_page(path: Path, index: int, dpi: int, limits: Limits) -> Image.Image:
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
        for picture in page.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_IMAGE], max_depth=1):
            left, _, right, _ = picture.get_bounds()
            width_px, _ = picture.get_px_size()
            if right - left > 1:
                best = max(best, width_px / ((right - left) / 72))
    except Exception:  # noqa: BLE001 - an odd picture object: render at the default resolution
        return 0.0
    return best


def _read_image_page(path: Path, index: int, limits: Limits) -> PageInput:
    with Image.open(path) as image:
        if index:
            image.seek(index)
        width, height = image.size
        if Image.MAX_IMAGE_PIXELS and width * height > 2 * Image.MAX_IMAGE_PIXELS:  # Pillow checks frame 1 only
            raise UnreadableFile(f"page {index + 1} is too large to open safely ({width}×{height} pixels)")
        problem = None
        if width * height > limits.max_page_pixels:
            problem = "the picture is very large and was reduced before reading"
            if image.format == "JPEG":
                # Decode at 1/2, 1/4 or 1/8 straight from the JPEG data: the full picture never exists.
                factor = (limits.max_page_pixels / (width * height)) ** 0.5
                image.draft(None, (max(1, int(width * factor)), max(1, int(height * factor))))
        frame: Image.Image = image
        if frame.mode in ("RGBA", "LA", "P", "PA"):
            frame = frame.convert("RGBA")
            background = Image.new("RGBA", frame.size, "white")
            frame = Image.alpha_composite(background, frame)
        try:
            with warnings.catch_warnings():  # Pillow warns on stderr about the broken EXIF it survives
                warnings.simplefilter("ignore")
                oriented = ImageOps.exif_transpose(frame)
        except Exception:  # noqa: BLE001 - a broken EXIF block must not lose the picture
            oriented = frame
        if oriented is None:  # pragma: no cover - exif_transpose returns None only in place
            oriented = frame
        pixels = oriented.width * oriented.height
        if pixels > limits.max_page_pixels:
            factor = (limits.max_page_pixels / pixels) ** 0.5
            oriented = oriented.resize((max(1, int(oriented.width * factor)), max(1, int(oriented.height * factor))),
                                       reducing_gap=3.0)
        if oriented.mode in ("L", "RGB"):
            result = oriented.copy()
        elif oriented.mode.startswith("I") or oriented.mode == "F":
            result = _deep_to_grey(oriented)
        else:
            result = oriented.convert("RGB")
    return PageInput(index=index, image=result, problem=problem)


def _deep_to_grey(image: Image.Image) -> Image.Image:
    """16-bit and float scans (some scanners write them) stretched to 8-bit grey."""
    import numpy as np

    values = np.asarray(image.convert("F") if image.mode != "F" else image, dtype=np.float64)
    low, high = float(np.nanmin(values)), float(np.nanmax(values))
    scaled = (values - low) * (255.0 / (high - low)) if high > low else np.zeros_like(values)
    return Image.fromarray(np.nan_to_num(scaled).clip(0, 255).astype(np.uint8), "L")


def iter_dossier_pages(source: SourceFile, limits: Limits = Limits()) -> Iterator[PageInput]:
    """All pages of one file, one at a time (for callers that do not parallelise pages)."""
    for index in range(min(count_pages(source, limits), limits.max_pages)):
        yield read_page(source.path, source.mime, index, limits=limits)
