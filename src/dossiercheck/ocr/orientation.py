"""Which way up a page is, when Tesseract's orientation detection cannot tell.

OSD needs a fair amount of clean text; on a sideways phone photo it often answers with almost no
confidence. Then each quarter turn is tried on a small copy with a quick OCR pass, and the turn that
yields the most confidently read letters wins. Only pages that read badly upright pay for this.
"""

from __future__ import annotations

from PIL import Image

from dossiercheck.ocr import preprocess, tesseract

OSD_TRUSTED = 2.0  # OSD orientation confidence above which its answer is taken as it is
QUICK_SIDE = 1400


def legible_letters(result: tesseract.OcrResult) -> int:
    """Letters in words read with confidence: high for upright text, near zero for turned text."""
    return sum(sum(ch.isalpha() for ch in w.text) for w in result.words if w.conf >= 70 and len(w.text) >= 3)


def find_rotation(image: Image.Image, upright: tesseract.OcrResult, timeout: float, upright_counts: bool = True) -> int:
    """Degrees (clockwise, 0/90/180/270) to undo; 0 when no turn reads clearly better than upright.

    `upright_counts` is False when the upright reading is of text standing on end (Tesseract read a
    sideways page as vertical text): then a quarter turn must win even if it reads no better.
    """
    small = preprocess.downscaled(image, QUICK_SIDE)
    rotation, confidence = tesseract.detect_rotation(small, timeout=timeout)
    if rotation and confidence >= OSD_TRUSTED:
        return rotation
    best, best_score = 0, legible_letters(upright) if upright_counts else 0
    candidates = [rotation] if rotation else []
    candidates += [r for r in (90, 270, 180) if r not in candidates]
    for candidate in candidates:
        try:
            # English alone is enough to tell which way up the letters stand, at half the cost.
            quick = tesseract.read_words(preprocess.rotate(small, -candidate), "eng", timeout=timeout)
        except tesseract.OcrTimeout:
            continue
        score = legible_letters(quick)
        if score > max(best_score * 1.5, 20):
            best, best_score = candidate, score
            if score > 200:  # plainly readable: no need to try the other turns
                break
    return best
