"""Which way up a page is, when Tesseract's orientation detection cannot tell.

OSD needs a fair amount of clean text; on a sideways phone photo it often answers with almost no
confidence. Then each quarter turn is tried on a small copy with a quick OCR pass, and the turn that
yields the most confidently read letters wins. Only pages that read badly upright pay for this.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from dossiercheck.ocr import preprocess, tesseract

# OSD's script confidence above which a page is taken to be in that script, and the scripts it may name.
# Rendered Arabic and Cyrillic certificates gave 10; noise on Latin photos of the real-wording bench at
# most 3.3 ("Thai"); on the specimen bench's passports and cards OSD often answers "Bengali" (up to 68)
# and never one of these.
SCRIPT_SURE = 6.0
OTHER_SCRIPTS = frozenset({"Arabic", "Cyrillic", "Han", "Hangul", "Japanese", "Greek", "Hebrew", "Devanagari",
                           "Armenian", "Georgian", "Ethiopic"})
OSD_TRUSTED = 2.0  # OSD orientation confidence above which its answer is taken as it is
QUICK_SIDE = 1400
# Below this size (a small card picture blown up) OSD is confidently wrong too often: its answer is
# only tried first, and must read better than the others like any turn.
OSD_MIN_SIDE = 1200
TENTATIVE_LETTERS = 10  # letters a turn must read on the quick pass to be proposed at all
# Confidently read letters of an upright reading past which OSD's answer is checked, not trusted. Of 40
# pictures of generated dossiers, the two OSD turned with confidence read 31 and 50 letters before the
# turn; a chart of MRZ fields (specimen bench, tuning) that OSD turned wrongly reads 160 upright.
UPRIGHT_LETTERS = 100


# Lines of print found by smearing the ink along each axis (see `lines_run_down`), on a copy this long.
_SMEAR_SIDE = 600
_SMEAR = 5  # px of the copy: joins the letters of a word, not two lines
_LINE_LENGTH, _LINE_THICKNESS, _LINE_SHAPE = 18, 3, 4  # px, px, length / thickness
# Lines running down must outnumber lines running across this many times, and be at least this many.
# On the 743 first pages of the generated corpora: upright pages at most 1.2 times as many (a photo),
# pages turned a quarter 66 of 68 found, none upright taken for one.
_DOWN_OVER_ACROSS, _DOWN_LINES = 2.0, 10


def lines_run_down(image: Image.Image) -> bool:
    """The page's lines of print run down it, not across: a page lying on its side (~10 ms).

    Letters smeared sideways join into long flat strips where lines run across, and into tall thin ones
    where they run down; a page's rules, frames and pictures make a few of either. Reading such a page
    as it stands only gives garbage to read again once turned, so it is turned first (see
    `ocr.page._read_upright`).
    """
    grey: np.ndarray = np.asarray(image.convert("L"), dtype=np.uint8)
    scale = _SMEAR_SIDE / max(grey.shape)
    if scale < 1:
        grey = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    _, ink = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    counts = []
    for across in (True, False):
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (_SMEAR, 1) if across else (1, _SMEAR))
        _, _, stats, _ = cv2.connectedComponentsWithStats(cv2.dilate(ink, kernel), connectivity=8)
        long, thick = ((stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_HEIGHT]) if across
                       else (stats[1:, cv2.CC_STAT_HEIGHT], stats[1:, cv2.CC_STAT_WIDTH]))
        counts.append(int(np.sum((long >= _LINE_SHAPE * thick) & (long >= _LINE_LENGTH) & (thick >= _LINE_THICKNESS))))
    lines_across, lines_down = counts
    return lines_down >= _DOWN_LINES and lines_down >= _DOWN_OVER_ACROSS * lines_across


def legible_letters(result: tesseract.OcrResult) -> int:
    """Letters in words read with confidence: high for upright text, near zero for turned text."""
    return sum(sum(ch.isalpha() for ch in w.text) for w in result.words if w.conf >= 70 and len(w.text) >= 3)


def stands_on_end(result: tesseract.OcrResult) -> bool:
    """Most words of four letters or more are taller than wide: the page lies on its side."""
    long_words = [w for w in result.words if len(w.text) >= 4]
    if len(long_words) < 5:
        return False
    return sum(w.height > 1.5 * w.width for w in long_words) > len(long_words) / 2


@dataclass(frozen=True)
class Turn:
    """Which way up a page is: degrees (clockwise, 0/90/180/270) to undo, and the script OSD found its
    letters in when that is one the page is not read in ("Arabic", "Cyrillic"...; "" for the Latin script
    or when OSD is not sure)."""

    rotation: int
    script: str = ""


def find_rotation(image: Image.Image, upright: tesseract.OcrResult, languages: str, timeout: float,
                  upright_counts: bool = True) -> Turn:
    """Degrees (clockwise, 0/90/180/270) to undo; 0 when no turn reads clearly better than upright.

    The trial readings are in `languages` without word lists: they only count letters read with
    confidence, which one language of the Latin script does as well as four at a third of the cost
    (the caller reads the turn it keeps as any page).

    `upright_counts` is False when the upright reading is of text standing on end (Tesseract read a
    sideways page as vertical text): then a quarter turn must win even if it reads no better.
    """
    small = preprocess.downscaled(image, QUICK_SIDE)
    osd = tesseract.detect_rotation(small, timeout=timeout)
    rotation, confidence = osd.rotation, osd.confidence
    # Letters of a script the page is not read in (a certificate in Arabic or Russian) are only noted:
    # the turn is still found by the trials below (OSD's script answer is wrong on card grounds).
    script = osd.script if osd.script in OTHER_SCRIPTS and osd.script_confidence >= SCRIPT_SURE else ""
    # OSD's answer is taken as it is, unless the page already reads as much as a page of text upright
    # does (a chart, a form on a patterned ground): then it is only tried first, like any turn, on quick
    # readings, which cost a fraction of the full reading a wrong turn would be refused after.
    legible_upright = upright_counts and legible_letters(upright) >= UPRIGHT_LETTERS
    if rotation and confidence >= OSD_TRUSTED and max(image.size) >= OSD_MIN_SIDE and not legible_upright:
        return Turn(rotation, script)
    # Each turn is measured the same way, upright included: a quick pass on the small copy. Garbage
    # read from upside-down text at full size can outscore a right-way-up small copy of a passport
    # that fills a quarter of the page.
    baseline = 0
    if upright_counts:
        try:
            baseline = legible_letters(tesseract.read_words(small, languages, timeout=timeout,
                                                                 dictionaries=False))
        except tesseract.OcrTimeout:
            baseline = legible_letters(upright)
    # Text standing on end lies on its side: only a quarter turn can right it.
    turns = (90, 270, 180) if upright_counts else (90, 270)
    candidates = [rotation] if rotation in turns else []
    candidates += [r for r in turns if r not in candidates]
    # OSD's guess is tried first and a later turn must read clearly more (half as much again) to win.
    # A small or blurred picture (a passport on a page) gives few letters at the quick pass's size,
    # so a turn reading some letters where upright reads none is still proposed: the caller reads the
    # page again at full size and keeps the turn only if that reading is better.
    best, best_score = 0, baseline
    for candidate in candidates:
        try:
            # The MRZ's engine (often open already): one more engine would cost its memory in every thread.
            quick = tesseract.read_words(preprocess.rotate(small, -candidate), languages, timeout=timeout,
                                         dictionaries=False)
        except tesseract.OcrTimeout:
            continue
        # Tesseract reads lines of a sideways page as vertical text, often well: letters read on end
        # prove the turn left the page on its side, not upright.
        score = 0 if stands_on_end(quick) else legible_letters(quick)
        if score > max(best_score * 1.5, TENTATIVE_LETTERS):
            best, best_score = candidate, score
            if score > 200:  # plainly readable: no need to try the other turns
                break
    return Turn(best, script)
