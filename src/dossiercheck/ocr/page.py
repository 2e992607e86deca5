"""Read one page: text layer as it is, or an image made upright, straight and clean, then OCRed.

This runs inside the worker processes: it gets a file path and a page number, opens only that page,
and returns a Page with no image in it. The steps, each paid only when the page calls for it:

    prepare     grey, cut out of the photo's background, sized, light flattened, straightened
    read        Tesseract on the page; turned first when its lines run down it (OSD says which way);
                the orientation passes only when it reads badly
    recover     lines the layout left out (a stamp over a date), only on pages that read well
    mrz band    the machine-readable zone read on its own, only where one may be
    faces       only on pictures with almost no text and no zone (an ID photo); an upright portrait
                is recognised before the zone search and the orientation passes, which it spares
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image

from dossiercheck.ingest import PageInput, UnreadableFile, read_page
from dossiercheck.ingest.guard import release_memory, watchdog
from dossiercheck.models import Page
from dossiercheck.ocr import preprocess, tesseract
from dossiercheck.ocr.faces import Faces, count_faces, faces_upright
from dossiercheck.ocr.mrz_band import ZoneReading, looks_like_mrz, read_mrz_band, read_zone
from dossiercheck.ocr.orientation import (
    find_rotation,
    legible_letters,
    lines_run_down,
    stands_on_end,
)
from dossiercheck.ocr.own_language import own_language
from dossiercheck.ocr.recover import recover_lines
from dossiercheck.ocr.settings import READER_VERSION, OcrSettings

# Words that may name an identity document. On a page of few words (a passport page, a card) they are
# worth a search for the machine-readable zone; a certificate's full page mentioning an identity card
# is not (its zone, if any, is in the text).
_ID_HINT = re.compile(
    r"passport|passeport|paspoort|reisepass|pasaporte|passaporto|identit|personalausweis|residence|"
    r"s[ée]jour|verblijf|aufenthalt|\bvisa\b|\bvisum\b",
    re.IGNORECASE,
)
ID_PAGE_WORDS = 120  # an identity document's page holds fewer words than this
PHOTO_WORDS = 40  # a picture with fewer words may be an ID photo: faces are looked for...
# ... unless its text holds more letters and digits than this: a photo is a picture with almost no
# text (schemas/doctypes/photo.yaml `max_chars`, at most this: tests/ocr/test_faces.py checks it), and
# a page of 30 short words is not one, whatever faces it shows.
PHOTO_MAX_CHARS = 80
# An upright face this wide (a share of the picture's short side) on a picture of fewer words than
# PORTRAIT_WORDS is an ID photo: no zone search at an angle, no orientation passes (a second or more
# of readings that can only find nothing). On the generated corpora and the specimen bench's images,
# ID photos' faces are 0.52-0.69 of the short side; the photo on a passport's or a card's page at most
# 0.41 (a tight crop of an Australian passport), most 0.2-0.3.
PORTRAIT_SHARE = 0.45
PORTRAIT_WORDS = 10
# Mean word confidence of a page that needs no orientation pass. Upside-down text still reads at 55-60
# (OCR finds "words" in turned letters); upright pages, even phone photos of passports, read above 65.
READS_WELL_CONF = 65
# Words of four letters or more read at 80% confidence or better, from which a page holding a zone is a
# page of text (a specification, a letter) rather than an identity document. On the specimen bench's
# tuning images, read in one language: passports' and cards' data pages 0-56, a booklet's data page
# with the printed facing page 126, a page of ICAO Doc 9303 with example lines 150 (English, which
# one language reads as well as four); the tests' A4 page of French running text, over 200.
TEXT_PAGE_WORDS = 200
TURNED_LETTERS = 20  # confidently read letters a turned page must show before the turn is kept
# Fewer confidently read letters than this, upright: the page is not in the Latin script (see _script).
UNREAD_LETTERS = 60
# Below this many pixels on its short side a picture holds no readable line, even upscaled.
MIN_SIDE = 32

__all__ = ["READER_VERSION", "OcrSettings", "ocr_image", "read_page_text", "reads_well"]

def ocr_seconds(settings: OcrSettings) -> float:
    """The longest one page's OCR may take: a few Tesseract readings, each with its own timeout."""
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
    try:
        with watchdog(ocr_seconds(settings)):
            return ocr_image(page_input, settings)
    except (MemoryError, ValueError, TypeError, OSError, ArithmeticError) as exc:
        # Image maths on a degenerate picture (one pixel wide, all one colour, odd modes).
        return Page.unread(index, f"the picture could not be read ({type(exc).__name__}): scan it again")
    finally:
        release_memory()




@dataclass
class _Prepared:
    """The page as OCR will see it, and what was undone to get there."""

    image: Image.Image  # flattened and straightened: what Tesseract reads
    flat: Image.Image  # flattened, not straightened: what a turn starts from
    unflattened: Image.Image  # as cut and sized: faces are found on it (flattening the light erases them)
    skew: float
    quad: tuple[float, ...]
    # The faces on `unflattened` as it stands, once looked for (see _read_upright): not looked for again.
    upright_faces: Faces | None = None


def _prepare(page_input: PageInput) -> _Prepared | str:
    """The page cut out, sized, flattened and straightened; or why it is too small to read."""
    original = page_input.image
    assert original is not None
    if min(original.size) < MIN_SIDE:  # checked before upscaling: no reading for a 1×1 or 16×16 picture
        return "the picture is too small to read"
    image, quad = preprocess.crop_to_page(preprocess.to_grey(original))
    image = preprocess.normalise_size(image)
    page_input.image = original = None  # let the original go: only one copy of the page at a time
    if min(image.size) < MIN_SIDE:
        return "the picture is too small to read"
    flat = preprocess.flatten_light(image)
    skew = preprocess.estimate_skew(flat)
    return _Prepared(preprocess.rotate(flat, skew) if abs(skew) >= 0.3 else flat, flat, image, skew, quad)


def ocr_image(page_input: PageInput, settings: OcrSettings) -> Page:
    """Read a page's picture: the steps of the module docstring, in order."""
    problems = (page_input.problem,) if page_input.problem else ()
    size = page_input.image.size if page_input.image is not None else (0, 0)
    prepared = _prepare(page_input)
    if isinstance(prepared, str):
        return Page.unread(page_input.index, *problems, prepared, width=size[0], height=size[1])
    try:
        upright = _read_upright(prepared, settings)
    except tesseract.OcrTimeout:
        return Page.unread(page_input.index, *problems, f"reading page {page_input.index + 1} took too long "
                           "and was stopped", width=prepared.image.width, height=prepared.image.height,
                           skew=prepared.skew, crop=prepared.quad)
    image, result, rotation, zone = prepared.image, upright.result, upright.rotation, upright.zone
    languages = settings.quick_languages if upright.identity else settings.languages
    if not upright.identity:
        result, languages = _in_own_language(image, result, languages, settings)
    if reads_well(result):  # lines the layout left out (small labels, a stamp over a date) read on their own
        # by the engine the page was read with
        with contextlib.suppress(tesseract.OcrTimeout):  # what was read stands
            result = recover_lines(image, result, languages, timeout=settings.timeout,
                                   dictionaries=not upright.identity)
    if zone is not None:  # the zone was read while finding which way up the page is
        mrz_lines = zone.lines
    else:
        mrz_lines = tuple(read_mrz_band(image)) if _may_hold_mrz(result) else ()
    faces = 0
    if _may_be_photo(result) and not mrz_lines:
        unflattened = preprocess.rotate(prepared.unflattened, -rotation) if rotation else prepared.unflattened
        faces = count_faces(unflattened, try_turns=legible_letters(result) < TURNED_LETTERS,
                            upright=None if rotation else prepared.upright_faces)
    return Page(index=page_input.index, width=image.width, height=image.height, text=result.text,
                words=result.words, source="ocr", rotation=rotation, skew=prepared.skew,
                mean_conf=round(result.mean_conf, 1), mrz_lines=mrz_lines, faces=faces, crop=prepared.quad,
                problems=problems, script=_script(upright, result))


@dataclass(frozen=True)
class _Upright:
    """The page's reading once upright: the words, the turn undone, the zone when it was read on the
    way (None: not looked for yet), and whether it was read as an identity document's page."""

    result: tesseract.OcrResult
    rotation: int
    zone: ZoneReading | None
    identity: bool = False
    script: str = ""  # OSD's script when the page is in one it is not read in (see orientation.Turn)


def _read_upright(prepared: _Prepared, settings: OcrSettings) -> _Upright:
    """The page read, turned upright first when it reads badly; `prepared` is updated to the turn kept.

    A zone is looked for first, where a band shows a run of fillers (a search of tens of milliseconds;
    a page of text has no such band and reads nothing more). Its check digits, or a level band of
    fillers, tell that the page is an identity document and which way up it is: see `_identity_page`.
    Otherwise most pages arrive upright: finding which way up a page is (more readings) is only paid
    for pages that read badly, which is what a sideways or upside-down page does. Identity documents
    read badly on their printed ground even upright, so a zone read then still spares the orientation
    passes.
    """
    first = read_zone(prepared.image, quarter_turns=(0,), fillers_only=True)
    if first.sure or (first.band and not first.rotation):
        # Check digits that hold, or a level band of fillers on a page the right way up (a zone misread
        # or misprinted is still an identity document's): see _identity_page.
        return _identity_page(prepared, settings, first)
    # A band with fillers was read as the full search would read it (upright first): it is reused.
    known = first if first.band else None
    on_its_side = _read_on_its_side(prepared, settings) if known is None else None
    if isinstance(on_its_side, _Upright):
        return on_its_side
    if on_its_side is not None:  # the zone of a page on its side: read before the page, not after
        if on_its_side.sure:
            return _identity_page(prepared, settings, on_its_side)
        # What the search below would find too (it only tries angles where no band lies level or on end).
        known = on_its_side if on_its_side.band or on_its_side.lines else None
    result = _reading(prepared.image, settings, identity=False)
    if reads_well(result):
        return _Upright(result, 0, known)
    if known is None and len(result.words) < PORTRAIT_WORDS:
        prepared.upright_faces = faces_upright(prepared.unflattened)
        if prepared.upright_faces.widest >= PORTRAIT_SHARE:  # an ID photo, upright: nothing more to read on it
            return _Upright(result, 0, ZoneReading())
    # A photo at an angle is searched for too, but not a page whose text stands on end: it lies on its side.
    zone = known or read_zone(prepared.image, tilted=not stands_on_end(result))
    if zone.sure:  # found on its side, at an angle, or without a run of fillers
        return _identity_page(prepared, settings, zone)
    if zone.band:
        # A band of MRZ fillers lies level on the page (upright or upside down, which its fillers tell)
        # even when no check digit holds: the orientation passes (four more readings, a second or more
        # each) never turned such a page on the specimen bench's tuning images, so they are not paid for.
        turned, rotation = _turned(prepared, settings, result, zone.rotation)
        return _Upright(turned, rotation, None if rotation else zone)
    on_end = stands_on_end(result)
    turn = find_rotation(prepared.image, result, settings.quick_languages, timeout=settings.timeout,
                         upright_counts=not on_end)
    if not turn.rotation:
        return _Upright(result, 0, zone, script=turn.script)
    turned, rotation = _turned(prepared, settings, result, turn.rotation)
    return _Upright(turned, rotation, None, script=turn.script)


def _identity_page(prepared: _Prepared, settings: OcrSettings, zone: ZoneReading) -> _Upright:
    """An identity document's page, by its zone: read upright by the zone's own engine
    (`settings.quick_languages`, no word lists).

    What the page's text is still needed for is the visual zone (dates by their labels, the words that
    name a residence card), whose labels ICAO wants in English, French or Spanish beside the national
    language: one language reads them, where four cost 2-3 times as much on a card's printed ground
    (Tesseract tries every language on each doubtful word, and a guilloche makes many); word lists
    only pull names and numbers towards words; and the engine is the one already open for the zone.
    A page that turns out to be mostly text (a specification with example lines, a letter with a copy
    of the passport on it) is read again as any page is.
    """
    if zone.rotation or zone.tilt:
        result, rotation = _turned(prepared, settings, None, zone.rotation, identity=True, tilt=zone.tilt)
    else:
        result, rotation = _reading(prepared.image, settings, identity=True), 0
    if _mostly_text(result):
        return _Upright(_reading(prepared.image, settings, identity=False), rotation, zone)
    return _Upright(result, rotation, zone, identity=True)


def _reading(image: Image.Image, settings: OcrSettings, identity: bool) -> tesseract.OcrResult:
    """The page read as any page is (its languages, word lists), or as an identity page (see above)."""
    if identity:
        return tesseract.read_words(image, settings.quick_languages, timeout=settings.timeout, dictionaries=False)
    return tesseract.read_words(image, settings.languages, timeout=settings.timeout)


def _in_own_language(image: Image.Image, result: tesseract.OcrResult, languages: str,
                     settings: OcrSettings) -> tuple[tesseract.OcrResult, str]:
    """The page read again in the language it reads like, when that is one of `settings.read_again`'s
    (see ocr.own_language), with English beside it; kept unless it reads fewer letters with confidence.
    Otherwise the first reading, and its languages."""
    own = own_language(result.text, settings.read_again)
    if own is None:
        return result, languages
    again_languages = f"{own}+eng"
    try:
        again = tesseract.read_words(image, again_languages, timeout=settings.timeout)
    except tesseract.OcrTimeout:  # what was read stands
        return result, languages
    if legible_letters(again) < 0.9 * legible_letters(result):
        return result, languages
    return again, again_languages


def _script(upright: _Upright, result: tesseract.OcrResult) -> str:
    """The script OSD named, kept only for a page that still reads as almost nothing in the Latin script
    once upright: OSD names Arabic or Cyrillic with confidence on some photos of Latin pages too."""
    if not upright.script or reads_well(result) or legible_letters(result) >= UNREAD_LETTERS:
        return ""
    return upright.script


def _mostly_text(result: tesseract.OcrResult) -> bool:
    """Many words read with confidence: a page of text, not a card or a passport's data page."""
    return sum(1 for w in result.words if w.conf >= 80 and sum(c.isalpha() for c in w.text) >= 4) >= TEXT_PAGE_WORDS


def _turned(prepared: _Prepared, settings: OcrSettings, result: tesseract.OcrResult | None, rotation: int,
            identity: bool = False, tilt: float = 0.0) -> tuple[tesseract.OcrResult, int]:
    """The page read again turned by `rotation`, kept when it reads better than `result`; or, with no
    `result` (a zone that holds gave the turn), kept as it is and read as an identity page. `tilt`: the
    degrees the zone was found at (a photo at an angle), on top of the straightening already done."""
    if not rotation and not tilt:
        assert result is not None
        return result, 0
    turned, turned_skew = _turn(prepared, rotation, tilt)
    retry = _reading(turned, settings, identity)
    if result is not None:
        # Text read on end may score well but is laid out wrong: the turned reading need only match it.
        # A turn proposed on little evidence must also read some words at full size.
        needed = max(legible_letters(result) * (0.8 if stands_on_end(result) else 1.0), TURNED_LETTERS)
        if legible_letters(retry) <= needed:
            return result, 0
    prepared.image, prepared.skew = turned, turned_skew
    return retry, rotation


def _turn(prepared: _Prepared, rotation: int, tilt: float = 0.0) -> tuple[Image.Image, float]:
    """The page turned by `rotation` (and `tilt`, see `_turned`), straightened again; and its skew."""
    # Turn first, then straighten: the skew of sideways text can only be measured upright. The page is
    # turned in the steps the report's pictures redo (quarter turn, then one straightening).
    upright = preprocess.rotate(prepared.flat, -rotation)
    # A tilt is measured on the straightened page: the turn from the flat page adds what that undid.
    applied_skew = prepared.skew if abs(prepared.skew) >= 0.3 else 0.0
    lean = applied_skew + tilt if tilt else 0.0
    turned = preprocess.rotate(upright, lean)
    turned_skew = lean + preprocess.estimate_skew(turned)
    if abs(turned_skew) >= 0.3 and turned_skew != lean:
        turned = preprocess.rotate(upright, turned_skew)
    return turned, turned_skew


def _read_on_its_side(prepared: _Prepared, settings: OcrSettings) -> _Upright | ZoneReading | None:
    """A page whose lines run down it, turned the way OSD says and read once; None when it is not such a
    page, OSD sees no quarter turn, or it does not read well turned (then the page is read as any page
    is, orientation passes included).

    Read as it stands, a page on its side gives garbage (a reading as costly as a good one, and more on
    some pages, as Tesseract tries every language on each doubtful word), then the orientation passes:
    together a second or more that this spares. When the turned page shows a run of fillers, the zone
    is read there (or, when its check digits do not hold, searched for on the page as it stands, every
    quarter turn) and returned: an identity document is read by the zone's engine, at the zone's turn
    (a passport on its side used to be read sideways in four languages first, 1-2 s for nothing).
    """
    if not lines_run_down(prepared.image):
        return None
    # Which of the two quarter turns: OSD's answer whatever its confidence, as it only has to tell the two
    # apart. On the page as it is read (~0.2 s), not on the small copy the orientation passes use (~0.14 s):
    # of the 40 pages of text of the generated corpora found lying on their side, it told 39 right against
    # 34, and a wrong turn costs a reading of upside-down text (1.6 s on an A4 lease), which the check
    # below then refuses.
    osd = tesseract.detect_rotation(prepared.image, timeout=settings.timeout)
    if osd.rotation not in (90, 270):
        return None
    turned, turned_skew = _turn(prepared, osd.rotation)
    zone = read_zone(turned, quarter_turns=(0,), fillers_only=True)
    if zone.sure:  # read on the turned page (never at an angle: no tilt), its turn on top of OSD's
        return replace(zone, rotation=(osd.rotation + zone.rotation) % 360)
    if zone.band:
        return read_zone(prepared.image)
    result = _reading(turned, settings, identity=False)
    if not reads_well(result):
        return None
    prepared.image, prepared.skew = turned, turned_skew
    return _Upright(result, osd.rotation, None)


def _may_be_photo(result: tesseract.OcrResult) -> bool:
    """Few words and almost no letters: a picture whose faces may make it an ID photo."""
    return len(result.words) < PHOTO_WORDS and sum(c.isalnum() for c in result.text) <= PHOTO_MAX_CHARS


def _may_hold_mrz(result: tesseract.OcrResult) -> bool:
    """Whether the page is worth a search for its machine-readable zone.

    A zone the page text already shows; a page of few words naming an identity document; a page that
    still reads badly (a passport upside down or blurred: the band is searched in every orientation,
    and check digits tell a real one from noise).
    """
    if "<<" in result.text or looks_like_mrz(result.text):
        return True
    return not reads_well(result) or (len(result.words) < ID_PAGE_WORDS and bool(_ID_HINT.search(result.text)))


def reads_well(result: tesseract.OcrResult) -> bool:
    """Upright text reads with high confidence; rotated text gives few, doubtful words, or (when
    Tesseract reads a sideways page as vertical text) words standing on end, whose boxes and line
    order would mislead the label search and the thumbnails."""
    confident = [w for w in result.words if w.conf >= 60 and len(w.text) >= 3]
    return len(confident) >= 8 and result.mean_conf >= READS_WELL_CONF and not stands_on_end(result)
