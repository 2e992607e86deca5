"""Find the machine-readable zone on a page image and OCR it on its own, with settings for OCR-B.

Full-page OCR reads an MRZ poorly: the language model "corrects" it and the '<' fillers turn
into K, « or spaces. Cropped, straightened, enlarged and read with a whitelist of the MRZ
alphabet, the same band reads almost perfectly. The band is found from its shape rather than
its place: two or three long text lines of equal width, evenly spaced, made of many same-size
characters. That also finds it on a card photographed front and back side by side.
"""

from __future__ import annotations

import itertools
import os
import re
from dataclasses import dataclass

import cv2
import numpy as np
import pytesseract
from PIL import Image

from ..extract.mrz import score_lines
from ..extract.mrz_parse import SANE_FIELDS

os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # one tesseract per worker; threads only contend

_WHITELIST = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"
_CONFIG = (
    f"--psm {{psm}} -c tessedit_char_whitelist={_WHITELIST} "
    "-c load_system_dawg=0 -c load_freq_dawg=0 -c tessedit_do_invert=0"
)
_DETECT_MAX = 1600  # longest side of the image the band is searched on
# (character height in px, horizontal stretch, binarise) the band is prepared with before OCR, in
# order of trial. Tesseract's English model merges runs of OCR-B '<' into K unless the glyphs are
# spread apart, but on blurred or noisy bands the stretch makes it split digits in two. So a
# stretched and a plain reading are both taken when the first is not perfect, and the lines are
# combined. Measured on rendered TD1/TD3 bands 300 to 1200 px wide, clean and degraded.
_RENDERINGS = ((32, 1.5, False), (32, 1.0, False), (38, 1.4, True))
_MAX_TRIES = 3  # candidate bands OCRed at most, best first
# Seconds of processor time (ours and Tesseract's) after which no new OCR attempt (about 0.4 s each)
# starts. Processor time, not wall time: on a loaded machine the wall clock would cut the second
# reading that rescues most degraded bands.
_TIME_BUDGET = 0.8
_FILLER_RUN = 5  # a band with a run this long of one glyph is taken for an MRZ even if it reads badly
_MRZ_LIKE = re.compile(r"[A-Z0-9<]{3,}<<[A-Z0-9<]*|<{4,}")


def looks_like_mrz(text: str) -> bool:
    """Cheap test on full-page OCR text: is there something that may be an MRZ worth reading on its own?"""
    squeezed = [re.sub(r"\s", "", line).upper().translate(str.maketrans("«‹", "<<")) for line in text.splitlines()]
    hits = 0
    for line in squeezed:
        if len(line) < 20:
            continue
        mrz_chars = sum(c.isalnum() or c == "<" for c in line) / len(line)
        if mrz_chars > 0.85 and (_MRZ_LIKE.search(line) or sum(c.isdigit() for c in line) >= 12):
            hits += 1
    return hits >= 1


def read_mrz_band(image: Image.Image) -> list[str]:
    """The MRZ lines read from the band found on `image`, or [] when no band reads like one. Never raises."""
    try:
        return _read(image)
    except Exception:  # noqa: BLE001 - an unreadable image must not stop the dossier
        return []


@dataclass(frozen=True)
class _Band:
    """A candidate MRZ: its text lines' boxes on the detection image and their slant."""

    left: float
    top: float
    right: float
    bottom: float
    char_height: float
    angle: float  # degrees, positive when the lines descend to the right
    score: float
    repeats: int  # longest run of one glyph at a steady pitch: fillers


def _read(image: Image.Image) -> list[str]:
    gray = np.asarray(image.convert("L"))
    if gray.size == 0 or min(gray.shape) < 20:
        return []
    start = _cpu_time()
    # Upright first; a page left on its side (a phone photo the OCR stage did not turn) has no
    # horizontal band at all, so the quarter turns cost only the search unless they find one.
    for turns in (0, 1, 3):
        upright = np.ascontiguousarray(np.rot90(gray, turns)) if turns else gray
        lines, found = _read_upright(upright, start)
        if lines or found:
            return lines
    return []


def _read_upright(gray: np.ndarray, start: float) -> tuple[list[str], bool]:
    """The lines read from the best band, and whether a band with a run of fillers was seen."""
    scale = min(1.0, _DETECT_MAX / max(gray.shape))
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    bands = _find_bands(small)
    found = any(band.repeats >= _FILLER_RUN for band in bands)
    best: tuple[float, list[str]] = (0.0, [])
    for band in bands[:_MAX_TRIES]:
        readings: list[list[str]] = []
        for height, stretch, binarise in _RENDERINGS:
            if _cpu_time() - start > _TIME_BUDGET:
                return best[1], found
            lines = _ocr_band(gray, band, scale, height, stretch, binarise)
            if lines:
                readings.append(lines)
            points, most, merged = _combine(readings)
            if points <= SANE_FIELDS and band.repeats < _FILLER_RUN:
                break  # not one check digit holds and no run of fillers: not an MRZ, try the next band
            if points > SANE_FIELDS and points / most > best[0]:  # at least one check digit holds
                best = (points / most, merged)
            if points == most:
                return merged, True
    return best[1], found


def _cpu_time() -> float:
    """Processor time of this process and of the finished child processes (the tesseract runs)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _combine(readings: list[list[str]]) -> tuple[int, int, list[str]]:
    """The best MRZ among the readings of one band, mixing their lines: one reading may get the
    digits right and another the fillers. Returns (points, most points possible, lines)."""
    best: tuple[int, int, list[str]] = (0, 1, [])
    by_count: dict[int, list[list[str]]] = {}
    for lines in readings:
        by_count.setdefault(len(lines), []).append(lines)
    for group in by_count.values():
        choices = [list(dict.fromkeys(lines[i] for lines in group)) for i in range(len(group[0]))]
        for combo in itertools.product(*choices):
            points, most = score_lines(combo)
            if points * best[1] > best[0] * most or not best[2]:
                best = (points, most, list(combo))
    return best


def _components(small: np.ndarray) -> np.ndarray:
    """Boxes (x, y, w, h) of character-like blobs: dark marks on a lighter, possibly patterned ground."""
    binary = cv2.adaptiveThreshold(small, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 12)
    _, _, stats, _ = cv2.connectedComponentsWithStats(binary, connectivity=8)
    boxes = stats[1:, :4].astype(np.float32)
    area = stats[1:, 4]
    w, h = boxes[:, 2], boxes[:, 3]
    keep = (h >= 5) & (h <= 120) & (w <= 2.5 * h + 4) & (area >= 8)
    return boxes[keep]


def _chains(boxes: np.ndarray) -> list[np.ndarray]:
    """Group character boxes into text lines by linking each to its nearest right-hand neighbour."""
    if len(boxes) == 0:
        return []
    order = np.argsort(boxes[:, 0])
    boxes = boxes[order]
    x, y, w, h = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
    cy = y + h / 2
    parent = np.arange(len(boxes))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    hmax = float(h.max())
    for i in range(len(boxes)):
        right = x[i] + w[i]
        lo = np.searchsorted(x, x[i] + 0.3 * w[i], side="right")
        hi = np.searchsorted(x, right + 1.3 * hmax, side="right")
        if lo >= hi:
            continue
        j = np.arange(lo, hi)
        big = np.maximum(h[i], h[j])
        ok = (
            (x[j] - right <= 1.0 * big)
            & (np.abs(cy[j] - cy[i]) <= 0.35 * big)
            & (h[j] >= 0.4 * h[i])
            & (h[j] <= 2.5 * h[i])
        )
        if not ok.any():
            continue
        cand = j[ok]
        nearest = int(cand[np.argmin(x[cand])])
        parent[root(i)] = root(nearest)
    groups: dict[int, list[int]] = {}
    for i in range(len(boxes)):
        groups.setdefault(root(i), []).append(i)
    return [boxes[idx] for idx in groups.values() if len(idx) >= 15]


@dataclass(frozen=True)
class _Line:
    left: float
    right: float
    cy: float  # centre height at the line's middle
    height: float
    angle: float
    count: int
    repeats: int  # longest run of one glyph at a steady pitch


def _line(chain: np.ndarray) -> _Line | None:
    x, y, w, h = chain[:, 0], chain[:, 1], chain[:, 2], chain[:, 3]
    height = float(np.median(h))
    left, right = float(x.min()), float((x + w).max())
    if right - left < 12 * height:
        return None
    cap = float(np.percentile(h, 90))
    tall = h >= 0.8 * cap  # capitals and digits
    cx = x + w / 2
    if tall.sum() < 5:
        return None
    slope, base = np.polyfit(cx[tall], (y + h)[tall], 1)
    _, top = np.polyfit(cx[tall], y[tall], 1)
    mid = (left + right) / 2
    cy = slope * mid + (base + top) / 2
    angle = float(np.degrees(np.arctan(slope)))
    return _Line(left, right, float(cy), height, angle, len(chain), _longest_repeat(chain, cap))


def _longest_repeat(chain: np.ndarray, cap: float) -> int:
    """The longest run of one glyph repeated at a steady pitch, as MRZ fillers are ('<<<<<<')."""
    boxes = chain[np.argsort(chain[:, 0])]
    x, w, h = boxes[:, 0], boxes[:, 2], boxes[:, 3]
    tol = max(1.5, 0.1 * cap)
    same = (np.abs(np.diff(w)) <= tol) & (np.abs(np.diff(h)) <= tol)
    pitch = np.diff(x)
    steady = np.abs(np.diff(pitch)) <= tol
    run = best = 0
    for i in range(len(steady)):
        run = run + 1 if same[i] and same[i + 1] and steady[i] else 0
        best = max(best, run)
    return best + 2 if best else 0


def _find_bands(small: np.ndarray) -> list[_Band]:
    """Candidate MRZ bands, most MRZ-like first: 2-3 stacked lines of equal width and character size."""
    lines = [ln for ln in (_line(c) for c in _chains(_components(small))) if ln is not None]
    lines.sort(key=lambda ln: ln.cy)
    bands: list[_Band] = []
    for i, first in enumerate(lines):
        block = [first]
        for other in lines[i + 1 :]:
            last = block[-1]
            gap = other.cy - last.cy
            if gap > 3.0 * last.height:
                break
            width = last.right - last.left
            if (
                gap >= 1.05 * last.height
                and abs(other.left - last.left) <= 1.5 * last.height
                and abs((other.right - other.left) - width) <= 0.1 * width
                and 0.75 <= other.height / last.height <= 1.33
            ):
                block.append(other)
                if len(block) == 3:
                    break
        if len(block) >= 2:
            bands.append(_band(block, small.shape[0]))
    bands.sort(key=lambda b: -b.score)
    return bands


def _band(block: list[_Line], page_height: int) -> _Band:
    height = float(np.median([ln.height for ln in block]))
    width = float(np.median([ln.right - ln.left for ln in block]))
    chars = width / height  # measured: the median blob ('<' included) is about one advance high
    fit = min(abs(chars - n) / n for n in (30, 36, 44))
    counts = min(ln.count for ln in block)
    top = block[0].cy - height
    repeats = max(ln.repeats for ln in block)
    score = (
        len(block)
        + 2.0 * (1 - min(fit, 1.0))
        + min(counts, 44) / 44
        + block[-1].cy / page_height
        + 4.0 * min(max(repeats - 4, 0), 8) / 8  # runs of fillers are the surest sign of an MRZ
    )
    return _Band(
        left=min(ln.left for ln in block),
        top=top,
        right=max(ln.right for ln in block),
        bottom=block[-1].cy + height,
        char_height=height,
        angle=float(np.median([ln.angle for ln in block])),
        score=score,
        repeats=repeats,
    )


def _prepare(crop: np.ndarray, binarise: bool) -> np.ndarray:
    """Ink black, paper white: stretch levels between the ink and paper percentiles, or Otsu-binarise."""
    if binarise:
        smooth = cv2.GaussianBlur(crop, (3, 3), 0)
        _, out = cv2.threshold(smooth, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        return out
    ink, paper = np.percentile(crop, (2, 90))
    if paper - ink < 10:
        return crop
    stretched = (crop.astype(np.float32) - ink) * (255.0 / (paper - ink))
    return np.clip(stretched, 0, 255).astype(np.uint8)


def _ocr_band(gray: np.ndarray, band: _Band, scale: float, height: int, stretch: float, binarise: bool) -> list[str]:
    """Crop the band from the full-resolution page, straighten, enlarge, stretch and OCR it."""
    h = band.char_height / scale
    pad_x, pad_y = 1.5 * h, 0.9 * h
    x0 = max(int(band.left / scale - pad_x), 0)
    x1 = min(int(band.right / scale + pad_x), gray.shape[1])
    slant = abs(np.tan(np.radians(band.angle))) * (x1 - x0) / 2
    y0 = max(int(band.top / scale - pad_y - slant), 0)
    y1 = min(int(band.bottom / scale + pad_y + slant), gray.shape[0])
    crop = gray[y0:y1, x0:x1]
    if crop.size == 0:
        return []
    factor = height / h
    if abs(band.angle) > 0.2:
        centre = (crop.shape[1] / 2, crop.shape[0] / 2)
        matrix = cv2.getRotationMatrix2D(centre, band.angle, 1.0)
        crop = cv2.warpAffine(
            crop, matrix, (crop.shape[1], crop.shape[0]), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE
        )
    crop = cv2.resize(
        crop, None, fx=factor * stretch, fy=factor, interpolation=cv2.INTER_CUBIC if factor > 1 else cv2.INTER_AREA
    )
    crop = _prepare(crop, binarise)
    crop = cv2.copyMakeBorder(crop, 20, 20, 20, 20, cv2.BORDER_REPLICATE)
    text = pytesseract.image_to_string(Image.fromarray(crop), lang="eng", config=_CONFIG.format(psm=6))
    return [line.strip() for line in text.splitlines() if len(line.strip()) >= 10]
