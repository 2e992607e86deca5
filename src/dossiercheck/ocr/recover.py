"""Read again the lines of text that the page OCR left out.

Tesseract's page layout analysis drops a line of text that touches a large mark: the ring of a
stamp pressed over "Fait à Liège, le 10 novembre 2025", a signature crossing "Ort, Datum". That line
is very often the one holding the issue date. Lines of character-sized marks that no word box
covers are found from the ink, cut out, stacked one under the other and read in one Tesseract run.
"""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np
from PIL import Image

from ..models import Word
from . import preprocess, tesseract

MAX_LINES = 4  # lines read again per page at most, longest first: they all go into one Tesseract run
MIN_MARKS = 5  # character-sized marks a missed line must have (touching digits make one mark)
MIN_CONF = 60  # words read again below this confidence are dropped: stamps and signatures give noise


def recover_lines(
    image: Image.Image, result: tesseract.OcrResult, languages: str, timeout: float = 0, dictionaries: bool = True
) -> tesseract.OcrResult:
    """`result` with the lines it missed read on their own and put in reading order; `result` itself
    when it missed none."""
    grey = preprocess.to_grey(image)
    boxes = _missed_lines(np.asarray(grey), result.words)
    if not boxes:
        return result
    lines: dict[int, list[Word]] = {}
    for word in result.words:
        lines.setdefault(word.line, []).append(word)
    order = [ws for _, ws in sorted(lines.items())]
    for (_, top, _, _), found in zip(boxes, _read_stacked(grey, boxes, languages, timeout, dictionaries), strict=True):
        found = [w for w in found if w.conf >= MIN_CONF and any(c.isalnum() for c in w.text)]
        if not any(sum(c.isalnum() for c in w.text) >= 3 for w in found):
            continue
        # Before the first line that starts lower on the page, which keeps columns mostly in place.
        at = next((i for i, ws in enumerate(order) if min(w.top for w in ws) > top), len(order))
        order.insert(at, found)
    if len(order) == len(lines):
        return result
    words = tuple(replace(w, line=i) for i, ws in enumerate(order) for w in ws)
    text = "\n".join(" ".join(w.text for w in ws) for ws in order)
    confs = [w.conf for w in words]
    return tesseract.OcrResult(words=words, text=text, mean_conf=sum(confs) / len(confs))


def _read_stacked(
    grey: Image.Image, boxes: list[tuple[int, int, int, int]], languages: str, timeout: float, dictionaries: bool
) -> list[list[Word]]:
    """Each box's words in page coordinates, from one Tesseract run over the boxes stacked one under
    the other: one run costs much less than one per line."""
    gap = max(b[3] - b[1] for b in boxes)
    width = max(b[2] - b[0] for b in boxes) + 2 * gap
    slots, y = [], gap
    for _, top, _, bottom in boxes:
        slots.append(y)
        y += bottom - top + gap
    sheet = Image.new("L", (width, y), 255)
    for (left, top, right, bottom), at in zip(boxes, slots, strict=True):
        sheet.paste(grey.crop((left, top, right, bottom)), (gap, at))
    read = tesseract.read_words(sheet, languages, psm=6, timeout=timeout, dictionaries=dictionaries)
    out: list[list[Word]] = [[] for _ in boxes]
    for word in read.words:
        middle = word.top + word.height / 2
        for i, ((left, top, _, bottom), at) in enumerate(zip(boxes, slots, strict=True)):
            if at <= middle < at + bottom - top:
                out[i].append(replace(word, left=word.left - gap + left, top=word.top - at + top))
                break
    return out


def _missed_lines(grey: np.ndarray, words: tuple[Word, ...]) -> list[tuple[int, int, int, int]]:
    """Boxes (left, top, right, bottom) of text lines no word covers, longest first."""
    heights = [w.height for w in words if len(w.text) >= 3 and w.text.isalpha()]
    if len(heights) < 5 or grey.size == 0:
        return []
    size = float(np.median(heights))  # a word's box: about the height of capitals and ascenders
    binary = cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 15)
    covered = np.zeros_like(binary)
    pad = int(0.3 * size)
    for w in words:
        covered[max(w.top - pad, 0) : w.top + w.height + pad, max(w.left - pad, 0) : w.left + w.width + pad] = 1
    _, _, stats, centroids = cv2.connectedComponentsWithStats(binary, connectivity=8)
    x, y, w, h, area = stats[1:].T
    cx, cy = centroids[1:].T.astype(int)
    keep = (h >= 0.25 * size) & (h <= 1.5 * size) & (w <= 2.5 * size) & (area >= 6)
    keep &= covered[np.clip(cy, 0, covered.shape[0] - 1), np.clip(cx, 0, covered.shape[1] - 1)] == 0
    marks = [(int(a), int(b), int(c), int(d)) for a, b, c, d in zip(x[keep], y[keep], w[keep], h[keep], strict=True)]
    return _group(marks, size)


def _group(marks: list[tuple[int, int, int, int]], size: float) -> list[tuple[int, int, int, int]]:
    """Marks chained left to right into lines: neighbours less than a character height apart, their
    middles level."""
    marks.sort()
    lines: list[list[tuple[int, int, int, int]]] = []
    open_lines: list[list[tuple[int, int, int, int]]] = []  # those a mark further right may still join
    for mark in marks:
        x, y, w, h = mark
        cy = y + h / 2
        open_lines = [ln for ln in open_lines if x - (ln[-1][0] + ln[-1][2]) <= 1.2 * size]
        for line in open_lines:
            lx, ly, lw, lh = line[-1]
            if abs(cy - (ly + lh / 2)) <= 0.45 * size:  # level with the line's last mark, near or overlapping it
                line.append(mark)
                break
        else:
            lines.append([mark])
            open_lines.append(lines[-1])
    boxes = []
    for line in lines:
        if len(line) < MIN_MARKS:
            continue
        left = min(m[0] for m in line)
        right = max(m[0] + m[2] for m in line)
        if right - left < 4 * size:
            continue
        top = min(m[1] for m in line)
        bottom = max(m[1] + m[3] for m in line)
        boxes.append((int(left - size), int(top - 0.4 * size), int(right + size), int(bottom + 0.4 * size)))
    boxes.sort(key=lambda b: b[0] - b[2])
    return [(max(b[0], 0), max(b[1], 0), b[2], b[3]) for b in boxes[:MAX_LINES]]
