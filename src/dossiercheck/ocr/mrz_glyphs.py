"""Read an MRZ band by matching each character cell against OCR-B glyphs, without Tesseract.

Every machine-readable zone is printed in one typeface (OCR-B, ICAO 9303 part 3) at a fixed pitch,
with a known number of characters per line and a known kind of character at each position. A band
only ~300 px wide gives each character 6 or 7 pixels: too few for Tesseract's English model, which
reads such OCR-B digits as letters and loses fillers, but enough to tell glyphs apart by correlation
with the typeface itself when the cells are known and each position may only hold what the format
allows (a digit in a date, a letter in a country code). The result is one more reading of the band;
the check digits decide between it and Tesseract's.

The glyphs are drawn from the OCR-B font of Debian's fonts-ocr-b (public domain). Without that font
this reader is skipped and Tesseract's readings stand alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from .preprocess import INK_PAPER_PERCENTILES, stretch_levels

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"
FONT_PATHS = (
    Path("/usr/share/fonts/opentype/ocr-b/OCRB.otf"),
    Path("/usr/share/fonts/truetype/ocr-b/OCRB.ttf"),
)
PITCH = 16  # px per character cell once a line is scaled for matching
_DRAW_SIZE = 200  # glyphs are drawn large, then reduced, as a scanner samples printed ink
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ<")
_DIGITS = frozenset("0123456789")
_ALNUM = frozenset(ALPHABET)
_SEXES = frozenset("MFX<")
_CHECK = _DIGITS | {"<"}  # '<' stands for the check digit of empty optional data


def available() -> bool:
    return _font_path() is not None


@lru_cache(maxsize=1)
def _font_path() -> Path | None:
    return next((p for p in FONT_PATHS if p.exists()), None)


@lru_cache(maxsize=4)
def _glyphs(blur: float) -> tuple[np.ndarray, float]:
    """Templates of the alphabet, (37, height, PITCH), ink 1 on 0 (the matching normalises them), and
    the row of the capitals' centre in them. One cell wide: where a glyph sits in its cell tells '<' from 'K' too."""
    font = ImageFont.truetype(str(_font_path()), _DRAW_SIZE)
    advance = font.getlength("<")
    margin = int(_DRAW_SIZE * 0.2)
    drawn = []
    for char in ALPHABET:
        canvas = Image.new("L", (int(advance) + 2, int(_DRAW_SIZE * 1.6)), 0)
        ImageDraw.Draw(canvas).text((0, margin), char, font=font, fill=255)
        drawn.append(np.asarray(canvas, dtype=np.float32) / 255)
    stack = np.stack(drawn)
    rows = np.nonzero(stack.max(axis=(0, 2)) > 0.5)[0]
    top, bottom = rows[0], rows[-1]
    cap_rows = np.nonzero(stack[ALPHABET.index("H")].max(axis=1) > 0.5)[0]
    pad = 0.12 * (bottom - top)
    y0, y1 = int(top - pad), int(bottom + pad)
    k = PITCH / advance
    height = max(4, round((y1 - y0) * k))
    out = []
    for glyph in stack:
        small = cv2.resize(glyph[y0:y1, : int(advance)], (PITCH, height), interpolation=cv2.INTER_AREA)
        if blur:
            small = cv2.GaussianBlur(small, (0, 0), blur)
        out.append(small)
    cap_centre = ((cap_rows[0] + cap_rows[-1]) / 2 - y0) * k
    return np.stack(out), float(cap_centre)


def _layout(count: int, length: int, visa: bool) -> list[list[frozenset[str]]]:
    """What each position of each line may hold: TD1 (3 x 30), TD3/MRV-A (2 x 44), TD2/MRV-B (2 x 36);
    visas carry optional data where passports and cards have their last check digits."""
    if count == 3:
        line1 = [_LETTERS] * 5 + [_ALNUM] * 9 + [_CHECK] + [_ALNUM] * 15
        line2 = [_DIGITS] * 7 + [_SEXES] + [_DIGITS] * 7 + [_LETTERS] * 3 + [_ALNUM] * 11 + [_DIGITS]
        return [line1, line2, [_LETTERS] * 30]
    common = [_ALNUM] * 9 + [_DIGITS] + [_LETTERS] * 3 + [_DIGITS] * 7 + [_SEXES] + [_DIGITS] * 7
    if visa:
        line2 = common + [_ALNUM] * (length - len(common))
    elif length == 44:
        line2 = common + [_ALNUM] * 14 + [_CHECK] + [_DIGITS]
    else:
        line2 = common + [_ALNUM] * 7 + [_DIGITS]
    return [[_LETTERS] * length, line2]


def read_lines(strips: Sequence[np.ndarray], char_height: float) -> list[str]:
    """The MRZ read from its lines, each a grey strip (ink dark) about two character heights tall and
    centred on the line, or [] when the typeface is missing or the lines do not fit a format."""
    if not available() or len(strips) not in (2, 3):
        return []
    lengths = (30,) if len(strips) == 3 else (44, 36)
    best: tuple[float, list[str]] = (-1.0, [])
    for length in lengths:
        cells = [_cell_scores(strip, length, char_height) for strip in strips]
        if any(c is None for c in cells):
            continue
        scores = [c for c in cells if c is not None]
        visa = _decode(scores[0], [_LETTERS] * length)[0][:1] == "V"
        decoded = [_decode(c, allowed) for c, allowed in zip(scores, _layout(len(strips), length, visa), strict=True)]
        fit = float(np.mean([d[1] for d in decoded]))
        if fit > best[0]:
            best = (fit, [d[0] for d in decoded])
    return best[1]


def _decode(scores: np.ndarray, allowed: Sequence[frozenset[str]]) -> tuple[str, float]:
    """The best allowed glyph in each cell, and the mean correlation of the choices."""
    out, total = [], 0.0
    for cell, chars in zip(scores, allowed, strict=True):
        order = np.argsort(-cell)
        pick = next((i for i in order if ALPHABET[i] in chars), int(order[0]))
        out.append(ALPHABET[pick])
        total += float(cell[pick])
    return "".join(out), total / max(len(out), 1)


def _ink_extent(strip: np.ndarray) -> tuple[float, float] | None:
    """Left and right edges of the printed line: columns with strokes. Strokes, not darkness: the
    ground around a band is often darker or lighter than the band itself."""
    profile = np.convolve(_strokes(strip).sum(axis=0), np.ones(3) / 3, mode="same")
    level = 0.2 * float(np.percentile(profile, 90))
    cols = np.nonzero(profile > level)[0]
    if len(cols) < 10 or level <= 0:
        return None
    return float(cols[0]), float(cols[-1] + 1)


def _cell_scores(strip: np.ndarray, length: int, char_height: float) -> np.ndarray | None:
    """Correlation of every cell of the line with every glyph, (length, 37), after finding the cells:
    a first pass at the pitch the line's width implies, then the cells refitted to where glyphs matched."""
    extent = _ink_extent(strip)
    if extent is None:
        return None
    left, right = extent
    pitch = (right - left) / (length - 0.32)  # OCR-B ink fills about 0.68 of a cell, centred
    if not 0.6 <= pitch / max(char_height, 1.0) <= 1.6:
        return None
    k = PITCH / pitch
    scaled = cv2.resize(strip, None, fx=k, fy=k, interpolation=cv2.INTER_AREA if k < 1 else cv2.INTER_CUBIC)
    centre = _ink_centre(scaled)
    scaled = 255 - stretch_levels(scaled, INK_PAPER_PERCENTILES)  # ink bright, as the templates are
    sharp, cap_centre = _glyphs(0.0)
    soft, _ = _glyphs(0.9)
    height = sharp.shape[1]
    top = int(round(centre - cap_centre))
    slack = max(2, int(0.25 * PITCH))
    y0 = max(top - slack, 0)
    y1 = min(top + height + slack, scaled.shape[0])
    if y1 - y0 < height:
        return None
    band = scaled[y0:y1].astype(np.float32)
    maps = np.stack(
        [np.maximum(_match(band, s), _match(band, b)) for s, b in zip(sharp, soft, strict=True)]
    )  # (37, rows, cols)
    best_over_rows = maps.max(axis=1)  # (37, cols): cell left edge -> correlation
    first_left = left * k - 0.16 * PITCH
    xs = first_left + PITCH * np.arange(length)
    found = _best_in_window(best_over_rows, xs, int(0.35 * PITCH))
    # Refit the cells to where the glyphs matched best: a small error of pitch adds up over 44 cells.
    positions = found[1]
    good = found[0].max(axis=1) > 0.4
    if good.sum() >= length // 2:
        a, b = np.polyfit(np.arange(length)[good], positions[good], 1)
        xs = b + a * np.arange(length)
    scores, _ = _best_in_window(best_over_rows, xs, max(1, int(0.15 * PITCH)))
    return scores


def _strokes(strip: np.ndarray) -> np.ndarray:
    """Dark strokes thinner than a character, bright on black (a black-hat): a ground darker or
    lighter than the band, as around a card on a table, is not ink."""
    size = max(3, int(strip.shape[0] * 0.4) | 1)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (size, size))
    return cv2.morphologyEx(strip, cv2.MORPH_BLACKHAT, kernel).astype(np.float32)


def _ink_centre(strip: np.ndarray) -> float:
    """The middle of the printed line in a strip: the longest run of rows with strokes. The band
    finder's line centres are a few pixels off on slanted or uneven bands, too much for cells of 16 px."""
    profile = _strokes(strip).sum(axis=1)
    inked = profile > 0.3 * float(profile.max()) if profile.max() > 0 else np.zeros(len(profile), bool)
    best, run_start, best_span = 0, 0, (0, len(profile))
    for i, on in enumerate(list(inked) + [False]):
        if on and (i == 0 or not inked[i - 1]):
            run_start = i
        if not on and i > 0 and inked[i - 1] and i - run_start > best:
            best, best_span = i - run_start, (run_start, i)
    return (best_span[0] + best_span[1]) / 2


def _match(band: np.ndarray, template: np.ndarray) -> np.ndarray:
    if band.shape[1] < template.shape[1] or band.shape[0] < template.shape[0]:
        return np.zeros((1, 1), np.float32)
    return cv2.matchTemplate(band, (template * 255).astype(np.float32), cv2.TM_CCOEFF_NORMED)


def _best_in_window(maps: np.ndarray, xs: np.ndarray, half: int) -> tuple[np.ndarray, np.ndarray]:
    """For each expected cell start, every glyph's best correlation within ±half px, and where the
    best glyph matched."""
    cols = maps.shape[1]
    scores = np.full((len(xs), maps.shape[0]), -1.0, np.float32)
    where = np.array(xs, dtype=np.float64)
    for i, x in enumerate(xs):
        lo, hi = max(int(round(x)) - half, 0), min(int(round(x)) + half + 1, cols)
        if lo >= hi:
            continue
        window = maps[:, lo:hi]
        scores[i] = window.max(axis=1)
        glyph = int(np.argmax(scores[i]))
        where[i] = lo + int(np.argmax(window[glyph]))
    return scores, where

