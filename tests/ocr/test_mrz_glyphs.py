"""Reading MRZ lines by matching OCR-B glyphs: small, blurred and differently weighted prints."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from dossiercheck.icao.zone import compose_td1, compose_td3, parse_mrz
from dossiercheck.ocr import mrz_glyphs
from dossiercheck.ocr.mrz_band import read_mrz_band

FONTS = Path("/usr/share/fonts/opentype/ocr-b")
REF = dt.date(2026, 11, 23)
PASSPORT = compose_td3(
    "Nguyen", "Thi Bich", "C03005988", "VNM", dt.date(1990, 2, 28), "F", dt.date(2033, 6, 30), optional="ZE184226B"
)
CARD = compose_td1(
    "Dupont", "Jean Marie", "592123456789", "BEL", dt.date(1985, 12, 1), "M", dt.date(2031, 3, 14),
    optional2="85120112345",
)  # fmt: skip

needs_font = pytest.mark.skipif(not mrz_glyphs.available(), reason="needs the OCR-B font (fonts-ocr-b)")


SIZE, LEADING, MARGIN = 60, 90, 30  # OCR-B drawn at 60 px on lines 90 px apart, then shrunk
CAP_CENTRE, CAP_HEIGHT = 35, 43  # where the capitals sit on a line drawn at 60 px, and their height


def _band(lines: tuple[str, ...], width: int, face: str = "OCRB.otf", blur: float = 0.0) -> Image.Image:
    """The lines printed large in `face`, then shrunk to `width` px as a distant photo or a cheap scan
    samples them: what arrives is a few pixels per character."""
    font = ImageFont.truetype(str(FONTS / face), SIZE)
    big = Image.new("L", (int(font.getlength("<") * len(lines[0]) + 4 * MARGIN), LEADING * len(lines) + MARGIN), 232)
    draw = ImageDraw.Draw(big)
    for i, line in enumerate(lines):
        draw.text((2 * MARGIN, MARGIN + LEADING * i), line, font=font, fill=25)
    if blur:
        big = big.filter(ImageFilter.GaussianBlur(blur))
    k = width / big.width
    return big.resize((width, round(big.height * k)), Image.Resampling.BILINEAR)


def _strips(band: Image.Image, count: int) -> tuple[list[np.ndarray], float]:
    """Each line with a character height of space above and below, as the band reader cuts them."""
    grey = np.asarray(band)
    k = band.height / (LEADING * count + MARGIN)
    height = CAP_HEIGHT * k
    centres = [(MARGIN + LEADING * i + CAP_CENTRE) * k for i in range(count)]
    return [grey[max(int(c - height), 0) : int(c + height)] for c in centres], height


@needs_font
@pytest.mark.parametrize(
    ("lines", "width", "face", "blur"),
    [
        (PASSPORT, 300, "OCRB.otf", 0.0),  # a passport zone 300 px wide: under 7 px a character
        (PASSPORT, 340, "OCRB.otf", 2.5),  # and out of focus
        (PASSPORT, 420, "OCRBS.otf", 0.0),  # a heavier print of the typeface
        (CARD, 260, "OCRB.otf", 1.5),  # an ID card's three lines of 30
    ],
)
def test_small_zones_read_exactly(lines: tuple[str, ...], width: int, face: str, blur: float) -> None:
    strips, height = _strips(_band(lines, width, face, blur), len(lines))
    read = mrz_glyphs.read_lines(strips, height)
    assert tuple(read) == lines
    mrz = parse_mrz(read, REF)
    assert mrz is not None and mrz.valid


@needs_font
def test_positions_keep_to_their_kind() -> None:
    """A date holds digits and a country code letters, whatever a smudge makes them look like."""
    strips, height = _strips(_band(PASSPORT, 300, blur=3.0), 2)
    second = mrz_glyphs.read_lines(strips, height)[1]
    assert second[13:19].isdigit() and second[21:27].isdigit() and second[10:13].isalpha()


def test_lines_that_fit_no_format_read_as_nothing() -> None:
    strip = np.full((30, 400), 230, np.uint8)
    assert mrz_glyphs.read_lines([strip], 10.0) == []
    assert mrz_glyphs.read_lines([strip] * 4, 10.0) == []
    assert mrz_glyphs.read_lines([strip, strip], 10.0) == []  # blank lines: no ink to find cells in


def test_without_the_typeface_the_band_is_still_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """fonts-ocr-b missing: the glyph reader steps aside and Tesseract's readings stand alone."""
    monkeypatch.setattr(mrz_glyphs, "_font_path", lambda: None)
    assert not mrz_glyphs.available()
    strips, height = _strips(_band(PASSPORT, 600), 2)
    assert mrz_glyphs.read_lines(strips, height) == []


@needs_font
def test_small_passport_photo_reads_through_the_band_reader() -> None:
    """A whole small picture, band found, straightened and read: the path a phone photo takes."""
    band = _band(PASSPORT, 330, blur=1.0)
    photo = Image.new("L", (band.width + 40, band.height + 160), 225)
    ImageDraw.Draw(photo).text((20, 20), "PASSPORT", fill=40)
    photo.paste(band.rotate(1.5, resample=Image.Resampling.BICUBIC, fillcolor=232), (20, 120))
    photo = photo.resize((photo.width * 3, photo.height * 3), Image.Resampling.BICUBIC)  # as pages are upscaled
    lines = read_mrz_band(photo)
    mrz = parse_mrz(lines, REF)
    assert mrz is not None and mrz.valid and mrz.lines == PASSPORT
