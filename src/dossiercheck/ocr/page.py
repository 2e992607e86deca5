"""Read one page: text layer as it is, or an image made upright, straight and clean, then OCRed.

This runs inside the worker processes: it gets a file path and a page number, opens only
that page, and returns a Page with no image in it.
"""

from __future__ import annotations

import contextlib
import faulthandler
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TextIO

from dossiercheck.ingest import Limits, PageInput, UnreadableFile, read_page
from dossiercheck.models import Page, Word
from dossiercheck.ocr import preprocess, tesseract
from dossiercheck.ocr.faces import count_faces
from dossiercheck.ocr.mrz_band import read_mrz_band
from dossiercheck.ocr.orientation import find_rotation, legible_letters, stands_on_end
from dossiercheck.ocr.recover import recover_lines

# Bump when the way pages are read changes, so cached readings are not reused.
READER_VERSION = "13"
# Words on a page that suggest an identity document worth a separate MRZ pass.
_ID_HINT = re.compile(
    r"<<|passport|passeport|paspoort|reisepass|identit|personalausweis|residence|séjour|sejour|verblijf|aufenthalt",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class OcrSettings:
    """Everything that changes what OCR returns: part of the cache key."""

    languages: str = "+".join(tesseract.LANGUAGES)
    dpi: int = 200  # rendering of PDF pages without a text layer
    timeout: float = 120.0  # seconds per tesseract call; 0 means none
    limits: Limits = Limits()

    def fingerprint(self) -> str:
        engine = {"reader": READER_VERSION, "engine": "tesserocr", "tesseract": tesseract.tesseract_version()}
        plain = asdict(self) | engine
        return hashlib.sha256(json.dumps(plain, sort_keys=True, default=str).encode()).hexdigest()[:16]


# Set in the OCR worker processes only: there a page stuck for good ends its own process.
_hard_limits = False
_watchdog_out: TextIO | None = None


def use_hard_time_limits() -> None:
    """Called when a worker process starts (never in the main process, which it would end).

    A page that never returns, e.g. a renderer looping in C code on a hostile PDF where no
    Python signal can reach it, then ends the worker; the pool retries the page once and
    reports it, and the run goes on.
    """
    global _hard_limits, _watchdog_out
    _hard_limits = True
    _watchdog_out = open(os.devnull, "w")  # noqa: SIM115 - kept open for the worker's life


@contextlib.contextmanager
def watchdog(seconds: float) -> Iterator[None]:
    if not _hard_limits or seconds <= 0:
        yield
        return
    faulthandler.dump_traceback_later(seconds, exit=True, file=_watchdog_out or sys.stderr)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()


def ocr_seconds(settings: OcrSettings) -> float:
    """The longest one page's OCR may take: a few tesseract calls, each with its own timeout."""
    return 4 * settings.timeout + 60 if settings.timeout > 0 else 0


def read_page_text(path: Path, mime: str, index: int, settings: OcrSettings) -> Page:
    """Open page `index` of the file and read it. Never raises for a bad page: problems go on the Page."""
    try:
        # Python-level slowness gets Limits.open_seconds (a signal); C code that never returns, twice that.
        with watchdog(2 * settings.limits.open_seconds):
            page_input = read_page(path, mime, index, dpi=settings.dpi, limits=settings.limits)
    except UnreadableFile as exc:
        return Page.unread(index, str(exc))
    if page_input.text is not None:
        return Page(index=index, width=0, height=0, text=page_input.text, source="text-layer", mean_conf=100.0)
    assert page_input.image is not None
    try:
        with watchdog(ocr_seconds(settings)):
            return ocr_image(page_input, settings)
    except (MemoryError, ValueError, TypeError, OSError, ArithmeticError) as exc:
        # Image maths on a degenerate picture (one pixel wide, all one colour, odd modes).
        return Page.unread(index, f"the picture could not be read ({type(exc).__name__}): scan it again")


# Below this many pixels on its short side a picture holds no readable line, even upscaled.
MIN_SIDE = 32


def ocr_image(page_input: PageInput, settings: OcrSettings) -> Page:
    problems = [page_input.problem] if page_input.problem else []
    original = page_input.image
    assert original is not None
    if min(original.size) < MIN_SIDE:  # checked before upscaling: no tesseract run for a 1×1 or 16×16 picture
        return Page.unread(
            page_input.index,
            *problems,
            "the picture is too small to read",
            width=original.width,
            height=original.height,
        )
    image, quad = preprocess.crop_to_page(preprocess.to_grey(original))
    image = preprocess.normalise_size(image)
    page_input.image = original = None  # let the original go: only one copy of the page at a time
    if min(image.size) < MIN_SIDE:
        return Page.unread(
            page_input.index, *problems, "the picture is too small to read", width=image.width, height=image.height
        )
    unflattened = image  # faces are found on the picture as it is: flattening the light erases them
    flat = preprocess.flatten_light(image)
    skew = preprocess.estimate_skew(flat)
    image = preprocess.rotate(flat, skew) if abs(skew) >= 0.3 else flat
    rotation = 0
    try:
        result = tesseract.read_words(image, settings.languages, timeout=settings.timeout)
        # Most pages arrive upright: finding which way up a page is (extra tesseract passes) is only
        # paid for pages that read badly, which is what a sideways or upside-down page does.
        if not reads_well(result):
            rotation = find_rotation(image, result, settings.languages, timeout=settings.timeout,
                                     upright_counts=not stands_on_end(result))
            if rotation:
                # Turn first, then straighten: the skew of sideways text can only be measured upright.
                turned = preprocess.rotate(flat, -rotation)
                turned_skew = preprocess.estimate_skew(turned)
                if abs(turned_skew) >= 0.3:
                    turned = preprocess.rotate(turned, turned_skew)
                retry = tesseract.read_words(turned, settings.languages, timeout=settings.timeout)
                # Text read on end may score well but is laid out wrong: the turned reading need only match it.
                # A turn proposed on little evidence must also read some words at full size.
                needed = max(legible_letters(result) * (0.8 if stands_on_end(result) else 1.0), TURNED_LETTERS)
                if legible_letters(retry) > needed:
                    image, result, skew = turned, retry, turned_skew
                else:
                    rotation = 0
    except tesseract.OcrTimeout:
        return Page.unread(
            page_input.index,
            *problems,
            f"reading page {page_input.index + 1} took too long and was stopped",
            width=image.width,
            height=image.height,
            rotation=rotation,
            skew=skew,
            crop=quad,
        )
    del flat
    if reads_well(result):  # a page of text: lines it left out are read on their own
        try:
            result = recover_lines(image, result, settings.languages, timeout=settings.timeout)
        except tesseract.OcrTimeout:
            pass  # what was read stands
    mrz_lines: tuple[str, ...] = ()
    # A page that still reads badly may be a passport upside down or blurred: its MRZ band is searched
    # in every orientation, and check digits tell a real one from noise.
    if _ID_HINT.search(result.text) or not reads_well(result):
        mrz_lines = tuple(read_mrz_band(image))  # never raises: the page text stands without it
    faces = (
        count_faces(preprocess.rotate(unflattened, -rotation), try_turns=legible_letters(result) < TURNED_LETTERS)
        if len(result.words) < 40 or mrz_lines
        else 0
    )
    del unflattened
    return Page(
        index=page_input.index,
        width=image.width,
        height=image.height,
        text=result.text,
        words=result.words,
        source="ocr",
        rotation=rotation,
        skew=skew,
        mean_conf=round(result.mean_conf, 1),
        mrz_lines=mrz_lines,
        faces=faces,
        crop=quad,
        problems=tuple(problems),
    )


# Mean word confidence of a page that needs no orientation pass. Upside-down text still reads at 55-60
# (OCR finds "words" in turned letters); upright pages, even phone photos of passports, read above 65.
READS_WELL_CONF = 65
TURNED_LETTERS = 20  # confidently read letters a turned page must show before the turn is kept


def reads_well(result: tesseract.OcrResult) -> bool:
    """Upright text reads with high confidence; rotated text gives few, doubtful words, or (when
    Tesseract reads a sideways page as vertical text) words standing on end, whose boxes and line
    order would mislead the label search and the thumbnails."""
    confident = [w for w in result.words if w.conf >= 60 and len(w.text) >= 3]
    return len(confident) >= 8 and result.mean_conf >= READS_WELL_CONF and not stands_on_end(result)


def page_from_plain(plain: dict) -> Page:
    """Rebuild a Page from its cached JSON form."""
    words = tuple(Word(**w) for w in plain.get("words", ()))
    fields = {k: v for k, v in plain.items() if k != "words"}
    for key in ("mrz_lines", "problems", "crop"):
        fields[key] = tuple(fields.get(key, ()))
    return Page(words=words, **fields)
