"""Measuring how far a scanned page's text lines slope, to straighten them before OCR."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from dossiercheck.ocr.preprocess import estimate_skew, rotate

from .test_mrz_band import SANS, _font


def _text_page() -> Image.Image:
    """An A4 page at 150 dpi with paragraphs of real glyphs (uneven lines, as print is)."""
    image = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(image)
    font = _font(SANS, 26)
    words = "Extrait du casier judiciaire délivré le 12 mars 2026 à Bruxelles pour servir".split()
    for row, y in enumerate(range(150, 1600, 48)):
        start = row % 5
        draw.text((120, y), " ".join(words[start:] + words[:start]), font=font, fill=20)
    return image


@pytest.mark.parametrize("degrees", [0.0, 1.5, -2.3, 4.0, -5.5])
def test_the_slope_of_the_text_lines_is_measured_to_a_fifth_of_a_degree(degrees: float) -> None:
    sloped = rotate(_text_page(), -degrees)  # turned clockwise: the fix is a turn counter-clockwise
    assert estimate_skew(sloped) == pytest.approx(degrees, abs=0.2)


def test_a_blank_page_has_no_slope() -> None:
    assert estimate_skew(Image.new("L", (800, 1100), 255)) == 0.0
