"""Locate a machine-readable zone on a page image from its shape, without reading it.

Two or three long text lines of equal width, evenly spaced, made of many same-size characters, with
runs of one glyph at a steady pitch (the '<' fillers). Found from its shape rather than its place,
it is also found on a card photographed front and back side by side, and told upside down by where
its fillers are.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

FILLER_RUN = 5  # a band with a run this long of one glyph is taken for an MRZ even if it reads badly


@dataclass(frozen=True)
class Band:
    """A candidate MRZ: its text lines' boxes on the detection image and their slant."""

    left: float
    top: float
    right: float
    bottom: float
    char_height: float
    angle: float  # degrees, positive when the lines descend to the right
    score: float
    repeats: int  # longest run of one glyph at a steady pitch: fillers
    centres: tuple[float, ...] = ()  # the lines' centre heights at the band's middle
    upside_down: bool = False


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
    """Group character boxes into text lines by linking each to its nearest right-hand neighbour.

    The neighbours are searched for all boxes at once, one step to the right at a time (boxes sorted by
    their left edge, so the first that fits is the nearest): a Python loop over the boxes cost 20-40 ms
    on a page's glance, most of a band search that finds nothing.
    """
    if len(boxes) == 0:
        return []
    order = np.argsort(boxes[:, 0])
    boxes = boxes[order]
    x, y, w, h = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
    cy = y + h / 2
    right = x + w
    lo = np.searchsorted(x, x + 0.3 * w, side="right")
    hi = np.searchsorted(x, right + 1.3 * float(h.max()), side="right")
    nearest = np.full(len(boxes), -1)
    active = np.flatnonzero(lo < hi)
    step = 0
    while len(active):
        i = active
        j = lo[i] + step
        big = np.maximum(h[i], h[j])
        ok = (
            (x[j] - right[i] <= 1.0 * big)
            & (np.abs(cy[j] - cy[i]) <= 0.35 * big)
            & (h[j] >= 0.4 * h[i])
            & (h[j] <= 2.5 * h[i])
        )
        nearest[i[ok]] = j[ok]
        step += 1
        active = i[~ok & (lo[i] + step < hi[i])]
    parent = list(range(len(boxes)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i_, j_ in zip(np.flatnonzero(nearest >= 0).tolist(), nearest[nearest >= 0].tolist(), strict=True):
        parent[root(i_)] = root(j_)
    groups: dict[int, list[int]] = {}
    for k in range(len(boxes)):
        groups.setdefault(root(k), []).append(k)
    return [boxes[idx] for idx in groups.values() if len(idx) >= 15]


@dataclass(frozen=True)
class _Line:
    left: float
    right: float
    cy: float  # centre height at the line's middle
    height: float  # the median mark's: a filler '<' on a line of mostly fillers
    cap: float  # letters' and digits': the same on every line of a band, whatever its fillers
    angle: float
    count: int
    repeats: int  # longest run of one glyph at a steady pitch
    # How much lower the glyphs of the line's right third are than those of its left third, in cap
    # heights: positive on an MRZ line, whose closing '<' are lower than letters and digits.
    low_end: float = 0.0


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
    third = (right - left) / 3
    ends = [h[cx < left + third], h[cx > right - third]]
    low_end = (np.median(ends[0]) - np.median(ends[1])) / cap if all(len(e) for e in ends) else 0.0
    return _Line(left, right, float(cy), height, cap, angle, len(chain), _longest_repeat(chain, cap), float(low_end))


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


def find_bands(small: np.ndarray) -> list[Band]:
    """Candidate MRZ bands, most MRZ-like first: 2-3 stacked lines of equal width and character size."""
    lines = [ln for ln in (_line(c) for c in _chains(_components(small))) if ln is not None]
    lines.sort(key=lambda ln: ln.cy)
    bands: list[Band] = []
    # Lines are compared by their capitals: in some faces '<' is two thirds of a capital high, and a
    # short name leaves a first line of mostly fillers whose median mark is a '<'.
    for i, first in enumerate(lines):
        block = [first]
        for other in lines[i + 1 :]:
            last = block[-1]
            gap = other.cy - last.cy
            if gap > 3.0 * last.cap:
                break
            width = last.right - last.left
            if (
                gap >= 1.05 * last.cap
                and abs(other.left - last.left) <= 1.5 * last.cap
                and abs((other.right - other.left) - width) <= 0.1 * width
                and 0.7 <= other.cap / last.cap <= 1.43
            ):
                block.append(other)
                if len(block) == 3:
                    break
        if len(block) >= 2:
            bands.append(_band(block, small.shape[0]))
    bands.sort(key=lambda b: -b.score)
    return bands


def _band(block: list[_Line], page_height: int) -> Band:
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
    return Band(
        left=min(ln.left for ln in block),
        top=top,
        right=max(ln.right for ln in block),
        bottom=block[-1].cy + height,
        char_height=height,
        angle=float(np.median([ln.angle for ln in block])),
        score=score,
        repeats=repeats,
        centres=tuple(ln.cy for ln in block),
        upside_down=_upside_down(block),
    )


def _upside_down(block: list[_Line]) -> bool:
    """Whether the band is upside down: MRZ lines end in runs of '<', lower than letters and digits,
    so turned over their left end is the lower one."""
    return sum(ln.low_end for ln in block) < -0.05 * len(block)
