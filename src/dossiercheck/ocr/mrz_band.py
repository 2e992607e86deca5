"""Find the machine-readable zone on a page image and OCR it on its own, with settings for OCR-B.

Full-page OCR reads an MRZ poorly: the language model "corrects" it and the '<' fillers turn
into K, « or spaces. Cropped, straightened, enlarged and read with a whitelist of the MRZ
alphabet, the same band reads almost perfectly. The band is found from its shape (see
`mrz_locate`), turned upright when it lies upside down, and read in several renderings until
its check digits hold: what one rendering misreads in a blurred, low-resolution or shadowed
band, another often gets right, and the lines of all readings are combined.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from dossiercheck.icao.parse import SANE_FIELDS
from dossiercheck.icao.zone import score_lines

from . import tesseract
from .mrz_glyphs import available as glyphs_available
from .mrz_glyphs import read_lines
from .mrz_locate import FILLER_RUN, Band, find_bands
from .preprocess import INK_PAPER_PERCENTILES, rotate, stretch_levels

_WHITELIST = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"
# The MRZ's alphabet and no word lists (they only pull letters towards words).
_INIT = tesseract.NO_DICTIONARIES
_VARIABLES = {"tessedit_char_whitelist": _WHITELIST, "tessedit_do_invert": "0"}
_DETECT_MAX = 1600  # longest side of the image the band is searched on
# ... and of the one a run of fillers is first looked for on, on every page (see `read_zone`): a
# quarter of the pixels, a passport's zone still 11 px high on the copy of an A4 page. At an angle,
# glyphs blur together sooner: a booklet photographed at 20 degrees shows its fillers from 1000 px.
_GLANCE_MAX, _TILTED_GLANCE_MAX = 800, 1000


@dataclass(frozen=True)
class _Rendering:
    """How a band is prepared for Tesseract: character height in px, horizontal stretch, levels
    ('plain' stretched between ink and paper, 'blur' smoothed first, 'otsu' binarised), and page
    segmentation (6: the band as one block, 4: as a column, 7: each line on its own)."""

    height: int
    stretch: float
    levels: str = "plain"
    psm: int = 6


# In order of trial; each one reads some bands the others do not, and the lines of all the readings
# of a band are combined. Tesseract's English model merges runs of OCR-B '<' into K unless the glyphs
# are spread apart (the stretched rendering), but a stretch splits digits of blurred bands in two. Low
# resolution scans, shadows and JPEG noise are read best by smaller or smoothed renderings, or line by
# line. Ordered by how often each alone gave valid check digits on photographed and scanned passports.
_RENDERINGS = (
    _Rendering(32, 1.0),
    _Rendering(32, 1.5),
    _Rendering(24, 1.0),
    _Rendering(32, 1.0, psm=7),
    _Rendering(32, 1.2, psm=4),
    _Rendering(32, 1.0, "blur"),
    _Rendering(38, 1.4, "otsu"),
)
# The glyph matcher (None) comes second: Tesseract's first reading settles most bands, and where it
# does not (low resolution above all), matching OCR-B glyphs often does, without a Tesseract run.
_READERS: tuple[_Rendering | None, ...] = (
    (_RENDERINGS[0], None, *_RENDERINGS[1:]) if glyphs_available() else _RENDERINGS
)
_MAX_TRIES = 3  # candidate bands OCRed at most, best first
# Tesseract readings of bands tried at most per picture: while searching, and once a band is known to
# be an MRZ because one of its check digits held. Counted in readings, never in seconds, so that the
# same picture gives the same result on a fast machine and on a slow or busy one.
_SEARCH_READINGS = 3
_MRZ_READINGS = 12
_MRZ_LIKE = re.compile(r"[A-Z0-9<]{3,}<<[A-Z0-9<]*|<{4,}")
# Turns (degrees) tried when no band lies level or on end: the band search follows lines sloping up to
# about 10 degrees, and photos of a passport on a table are often taken at 15-30.
_TILTS = (15.0, -15.0, 25.0, -25.0)


# A line of capitals and digits this long (spaces squeezed out) with this many digits may be an MRZ's
# line of numbers with its fillers lost: the shortest MRZ line has 30 characters. An IBAN ("IBAN BE68
# 5390 0754 7034", 20) or a phone number is shorter.
_DIGIT_LINE, _DIGITS = 26, 12


def looks_like_mrz(text: str) -> bool:
    """Cheap test on full-page OCR text: is there something that may be an MRZ worth reading on its own?

    An MRZ is written in capitals, digits and fillers: a line of running text with dates and amounts
    in it ("Prise d'effet: le 2027-01-03... Loyer: 800 EUR") is not one, however many digits it holds.
    """
    squeezed = [re.sub(r"\s", "", line).translate(str.maketrans("«‹", "<<")) for line in text.splitlines()]
    for line in squeezed:
        if len(line) < 20:
            continue
        mrz_chars = sum(c.isdigit() or c.isupper() or c == "<" for c in line) / len(line)
        if mrz_chars <= 0.85:
            continue
        line = line.upper()
        if _MRZ_LIKE.search(line) or (len(line) >= _DIGIT_LINE and sum(c.isdigit() for c in line) >= _DIGITS):
            return True
    return False


@dataclass(frozen=True)
class ZoneReading:
    """The MRZ lines read from a picture, and which way up the picture is by its zone.

    A zone whose check digits hold says which way up its page is more surely than any count of
    legible letters: the page reader uses it to skip the orientation passes (several full OCR
    readings of the page) on identity documents that read badly because of their printed ground.
    """

    lines: tuple[str, ...] = ()
    rotation: int = 0  # degrees clockwise to undo, as `orientation.find_rotation` returns them
    points: int = 0  # check digits that hold plus fixed-form fields that look right (`score_lines`)
    band: bool = False  # a band with a run of fillers was seen, read or not: its turn is the page's
    # Degrees (counter-clockwise) the picture was turned for the band to be found, beside `rotation`: a
    # photo taken at an angle, whose lines slope too much to be followed as they stand.
    tilt: float = 0.0

    @property
    def sure(self) -> bool:
        """At least two check digits hold: the band is an MRZ, and its turn the page's."""
        return self.points >= SANE_FIELDS + 2


def read_mrz_band(image: Image.Image) -> list[str]:
    """The MRZ lines read from the band found on `image`, or [] when no band reads like one. Never raises."""
    return list(read_zone(image).lines)


def read_zone(image: Image.Image, quarter_turns: Sequence[int] = (0, 1, 3), fillers_only: bool = False,
              tilted: bool = False) -> ZoneReading:
    """The zone read from `image` with the turn that brings it upright; empty when none. Never raises.

    `quarter_turns`: the counter-clockwise quarter turns searched, in order (a band upside down is found
    at turn 0). `fillers_only`: nothing is read unless a run of fillers shows on a small copy, so that a
    page of text pays for a glance at a quarter of its pixels and never for a reading. `tilted`: where no band lies
    level or on end, the picture is also searched turned by 15 and 25 degrees (a photo at an angle).
    """
    try:
        if fillers_only and not _fillers_seen(image):
            return ZoneReading()
        return _read(image, quarter_turns, tilted)
    except (cv2.error, ValueError, MemoryError, tesseract.OcrTimeout):  # a degenerate picture: no band
        return ZoneReading()


# np.rot90's quarter turns (counter-clockwise) as the clockwise degrees that undo the page's turn.
_UNDO = {0: 0, 1: 270, 3: 90}


def _scaled(gray: np.ndarray, size: int) -> tuple[np.ndarray, float]:
    """The picture brought down to `size` pixels on its long side (never up), and the factor used."""
    scale = min(1.0, size / max(gray.shape))
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    return small, scale


def _glance(gray: np.ndarray, size: int = _GLANCE_MAX) -> np.ndarray:
    return _scaled(gray, size)[0]


def _fillers_seen(image: Image.Image) -> bool:
    """Whether a band with a run of fillers shows on a small copy of the picture, upright or upside down."""
    gray = np.asarray(image.convert("L"))
    if gray.size == 0 or min(gray.shape) < 20:
        return False
    return any(band.repeats >= FILLER_RUN for band in find_bands(_glance(gray)))


def _read(image: Image.Image, quarter_turns: Sequence[int], tilted: bool) -> ZoneReading:
    gray = np.asarray(image.convert("L"))
    if gray.size == 0 or min(gray.shape) < 20:
        return ZoneReading()
    readings = _Count()
    # Upright first (a band upside down is told by its fillers and turned); a page left on its side
    # has no horizontal band at all, so the quarter turns cost only the search unless they find one.
    for turns in quarter_turns:
        upright = np.ascontiguousarray(np.rot90(gray, turns)) if turns else gray
        lines, found, upside_down, _ = _read_upright(upright, readings)
        if lines or found:
            rotation = (_UNDO[turns] + (180 if upside_down else 0)) % 360
            return ZoneReading(tuple(lines), rotation, score_lines(lines)[0] if lines else 0, band=found)
    if not tilted:
        return ZoneReading()
    tilted_readings = _Count()  # readings of their own: the level search may have spent its own on noise
    small = Image.fromarray(_glance(gray, _TILTED_GLANCE_MAX))
    for tilt in _TILTS:
        # A glance at a small copy first: a photo of a face or a landscape costs tens of milliseconds.
        if not any(band.repeats >= FILLER_RUN for band in find_bands(np.asarray(rotate(small, tilt)))):
            continue
        at_angle = np.asarray(rotate(Image.fromarray(gray), tilt))
        lines, found, upside_down, slope = _read_upright(at_angle, tilted_readings)
        if lines:  # at an angle, only a zone that reads counts: a run of fillers alone could be a pattern
            turn = tilt + slope  # and the band's own slope (a half turn leaves a slope as it is)
            return ZoneReading(tuple(lines), 180 if upside_down else 0, score_lines(lines)[0], band=found, tilt=turn)
    return ZoneReading()


class _Count:
    """Tesseract readings made so far for one picture."""

    def __init__(self) -> None:
        self.done = 0


def _read_upright(gray: np.ndarray, count: _Count) -> tuple[list[str], bool, bool, float]:
    """The lines read from the best band, whether a band with a run of fillers was seen, whether the
    band the lines come from lies upside down, and its slope (degrees, as `Band.angle`)."""
    small, scale = _scaled(gray, _DETECT_MAX)
    bands = find_bands(small)
    found = any(band.repeats >= FILLER_RUN for band in bands)
    best: tuple[float, list[str]] = (0.0, [])
    flipped, slope = False, 0.0
    tried: list[Band] = []
    for band in bands[:_MAX_TRIES]:
        if any(_within(band, other) for other in tried):
            continue  # the last two lines of a three-line band already read: the same pixels again
        tried.append(band)
        readings: list[list[str]] = []
        scores: dict[tuple[str, ...], tuple[int, int]] = {}
        for rendering in _READERS:
            if rendering is not None:
                if count.done >= (_MRZ_READINGS if best[0] else _SEARCH_READINGS):
                    return best[1], found, flipped, slope
                count.done += 1
            lines = _glyph_band(gray, band, scale) if rendering is None else _ocr_band(gray, band, scale, rendering)
            if lines:
                readings.append(lines)
            points, most, merged = _combine(readings, scores)
            if points <= SANE_FIELDS and band.repeats < FILLER_RUN:
                break  # not one check digit holds and no run of fillers: not an MRZ, try the next band
            if points > SANE_FIELDS and points / most > best[0]:  # at least one check digit holds
                best, flipped, slope = (points / most, merged), band.upside_down, band.angle
            if points == most and (len(readings) > 1 or not _suspect(merged)):
                return merged, True, band.upside_down, band.angle
    return best[1], found, flipped, slope


def _within(band: Band, other: Band) -> bool:
    """Whether `band`'s lines are among `other`'s: the same span, and its centres a run of `other`'s."""
    if abs(band.left - other.left) > 2 * other.char_height or abs(band.right - other.right) > 2 * other.char_height:
        return False
    return all(any(abs(c - o) <= 0.5 * other.char_height for o in other.centres) for c in band.centres)


def _combine(readings: list[list[str]], scores: dict[tuple[str, ...], tuple[int, int]]) -> tuple[int, int, list[str]]:
    """The best MRZ among the readings of one band, mixing their lines: one reading may get the
    digits right and another the fillers. Returns (points, most points possible, lines); `scores`
    keeps the points of the combinations already judged; among equals, the least doubtful wins.

    Each reading is judged as it is, then the best one with each of its lines in turn swapped for
    another reading's: every combination of every line would cost too much parsing."""

    def judged(combo: tuple[str, ...]) -> tuple[int, int, list[str]]:
        if combo not in scores:
            scores[combo] = score_lines(combo)
        return (*scores[combo], list(combo))

    def better(a: tuple[int, int, list[str]], b: tuple[int, int, list[str]]) -> bool:
        gain = a[0] * b[1] - b[0] * a[1]
        return not b[2] or gain > 0 or gain == 0 and _doubt(a[2]) < _doubt(b[2])

    best: tuple[int, int, list[str]] = (0, 1, [])
    by_count: dict[int, list[list[str]]] = {}
    for lines in readings:
        by_count.setdefault(len(lines), []).append(lines)
    for group in by_count.values():
        current: tuple[int, int, list[str]] = (0, 1, [])
        for lines in group:
            trial = judged(tuple(lines))
            current = trial if better(trial, current) else current
        for i in range(len(group[0])):
            for line in dict.fromkeys(lines[i] for lines in group):
                trial = judged(tuple(current[2][:i] + [line] + current[2][i + 1 :]))
                current = trial if better(trial, current) else current
        best = current if better(current, best) else best
    return best


def _suspect(lines: Sequence[str]) -> int:
    """Ks, Xs and Cs beside a filler: often a '<' read as a letter, which no check digit sees in a name."""
    return sum(len(re.findall(r"(?<=<)[KXC]|[KXC](?=<)", line)) for line in lines)


def _doubt(lines: Sequence[str]) -> tuple[int, int]:
    """Of two readings as good by their checks, the one with fewer suspect letters, then more fillers:
    OCR often reads a '<' as a letter, seldom a letter as '<'."""
    return _suspect(lines), -sum(line.count("<") for line in lines)


def _prepare(crop: np.ndarray, levels: str) -> np.ndarray:
    """Ink black, paper white: stretch levels between the ink and paper percentiles (after smoothing
    with 'blur'), or Otsu-binarise."""
    if levels == "otsu":
        smooth = cv2.GaussianBlur(crop, (3, 3), 0)
        _, out = cv2.threshold(smooth, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        return out
    if levels == "blur":
        crop = cv2.GaussianBlur(crop, (0, 0), 1.6)
    return stretch_levels(crop, INK_PAPER_PERCENTILES)


def _straighten(gray: np.ndarray, band: Band, scale: float) -> tuple[np.ndarray, list[float], float]:
    """The band cropped from the full-resolution page with some space around it and levelled, the
    centre heights of its lines in the crop, and the character height; lines' centres do not move
    when straightened."""
    h = band.char_height / scale
    pad_x, pad_y = 1.5 * h, 0.9 * h
    x0 = max(int(band.left / scale - pad_x), 0)
    x1 = min(int(band.right / scale + pad_x), gray.shape[1])
    slant = abs(np.tan(np.radians(band.angle))) * (x1 - x0) / 2
    y0 = max(int(band.top / scale - pad_y - slant), 0)
    y1 = min(int(band.bottom / scale + pad_y + slant), gray.shape[0])
    crop = gray[y0:y1, x0:x1]
    if crop.size and abs(band.angle) > 0.2:
        centre = (crop.shape[1] / 2, crop.shape[0] / 2)
        matrix = cv2.getRotationMatrix2D(centre, band.angle, 1.0)
        crop = cv2.warpAffine(
            crop, matrix, (crop.shape[1], crop.shape[0]), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE
        )
    return crop, [c / scale - y0 for c in band.centres], h


def _line_strips(crop: np.ndarray, centres: list[float], h: float, band: Band, reach: float) -> list[np.ndarray]:
    """Each line with `reach` character heights of space above and below, in reading order and upright."""
    pieces = [crop[max(int(c - reach * h), 0) : max(int(c + reach * h), 0)] for c in centres]
    pieces = [p for p in pieces if p.size]
    if band.upside_down:
        pieces = [np.ascontiguousarray(p[::-1, ::-1]) for p in pieces[::-1]]
    return pieces


def _glyph_band(gray: np.ndarray, band: Band, scale: float) -> list[str]:
    """The band read by matching OCR-B glyphs cell by cell (see `mrz_glyphs`)."""
    crop, centres, h = _straighten(gray, band, scale)
    if crop.size == 0:
        return []
    return read_lines(_line_strips(crop, centres, h, band, 1.0), h)


def _ocr_band(gray: np.ndarray, band: Band, scale: float, rendering: _Rendering) -> list[str]:
    """Straighten the band, turn it upright, enlarge, stretch and OCR it, as one block or line by line."""
    crop, centres, h = _straighten(gray, band, scale)
    if crop.size == 0:
        return []
    if rendering.psm == 7:  # each line with a little of the space around it
        out = []
        for piece in _line_strips(crop, centres, h, band, 1.2):
            out.append("".join(_ocr(piece, h, rendering)).replace(" ", ""))
    else:
        piece = np.ascontiguousarray(crop[::-1, ::-1]) if band.upside_down else crop
        out = _ocr(piece, h, rendering)
    return [line for line in out if len(line) >= 10]


def _ocr(crop: np.ndarray, char_height: float, rendering: _Rendering) -> list[str]:
    factor = rendering.height / char_height
    crop = cv2.resize(
        crop,
        None,
        fx=factor * rendering.stretch,
        fy=factor,
        interpolation=cv2.INTER_CUBIC if factor > 1 else cv2.INTER_AREA,
    )
    crop = _prepare(crop, rendering.levels)
    crop = cv2.copyMakeBorder(crop, 20, 20, 20, 20, cv2.BORDER_REPLICATE)
    text = tesseract.read_text(Image.fromarray(crop), "eng", rendering.psm, _INIT, _VARIABLES)
    return [line.strip() for line in text.splitlines() if line.strip()]
