"""Locating and reading the MRZ band on rendered pages (real Tesseract, a few small images)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from dossiercheck.icao.zone import compose_td1, compose_td3, parse_mrz
from dossiercheck.ocr.mrz_band import _combine, looks_like_mrz, read_mrz_band, read_zone

OCRB = Path("/usr/share/fonts/opentype/ocr-b/OCRB.otf")
SANS = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
MONO = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")  # its '<' is two thirds of a capital
REF = dt.date(2026, 11, 23)
PASSPORT = compose_td3(
    "Eriksson", "Anna Maria", "L898902C3", "UTO", dt.date(1974, 8, 12), "F", dt.date(2031, 4, 15), optional="ZE184226B"
)
# A short name: the first line is mostly fillers.
SHORT_NAME = compose_td3("Wu", "Lei", "E12345678", "CHN", dt.date(1990, 2, 3), "M", dt.date(2032, 9, 30))
CARD = compose_td1(
    "Dupont",
    "Jean Marie",
    "592123456789",
    "BEL",
    dt.date(1985, 12, 1),
    "M",
    dt.date(2031, 3, 14),
    optional2="85120112345",
)

needs_tools = pytest.mark.skipif(
    shutil.which("tesseract") is None or not OCRB.exists(), reason="needs tesseract and the OCR-B font"
)


def _font(path: Path, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.truetype(str(path), size) if path.exists() else ImageFont.load_default()


def _mrz_size(line: str, width: float) -> int:
    """The largest OCR-B size at which `line` fits in `width` pixels."""
    size = 8
    while _font(OCRB, size + 1).getlength(line) <= width:
        size += 1
    return size


def _passport_page(lines: tuple[str, ...], angle: float = 0.0, mrz_font: Path = OCRB) -> Image.Image:
    """An A4 page at 150 dpi: a heading, labelled fields, a photo frame, the MRZ low on the page."""
    img = Image.new("L", (1240, 1754), 235)
    draw = ImageDraw.Draw(img)
    draw.text((80, 80), "PASSPORT  PASSEPORT  PASPOORT", font=_font(SANS, 28), fill=20)
    y = 200
    for label, value in [
        ("Surname / Nom", "ERIKSSON"),
        ("Given names / Prénoms", "ANNA MARIA"),
        ("Date of birth", "12 AUG 1974"),
        ("Date of expiry", "15 APR 2031"),
        ("Authority", "Ministry of Foreign Affairs"),
    ]:
        draw.text((420, y), label, font=_font(SANS, 20), fill=80)
        draw.text((420, y + 30), value, font=_font(SANS, 28), fill=10)
        y += 90
    draw.rectangle((80, 200, 380, 600), outline=60, width=3)
    size = _mrz_size(lines[0], 1040)
    for i, line in enumerate(lines):
        draw.text((90, 900 + i * int(size * 1.5)), line, font=_font(mrz_font, size), fill=15)
    if angle:
        img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=235)
    return img


def _card_back(lines: tuple[str, ...], width: int) -> Image.Image:
    """The back of an ID-1 card: a grey ground, a little text, the MRZ filling 90% of the width."""
    img = Image.new("L", (width, int(width / 1.585)), 200)
    draw = ImageDraw.Draw(img)
    size = _mrz_size(lines[0], 0.9 * width)
    step = int(size * 1.25)
    left = (width - _font(OCRB, size).getlength(lines[0])) / 2
    for i, line in enumerate(lines):
        draw.text((left, img.height - step * len(lines) - 10 + i * step), line, font=_font(OCRB, size), fill=10)
    draw.text((10, 10), "RESIDENCE CARD  VERBLIJFSKAART", font=_font(SANS, max(width // 28, 10)), fill=30)
    return img


def _card_front(width: int) -> Image.Image:
    img = Image.new("L", (width, int(width / 1.585)), 200)
    draw = ImageDraw.Draw(img)
    font = _font(SANS, 22)
    draw.text((20, 15), "BELGIE BELGIQUE BELGIEN", font=font, fill=30)
    draw.rectangle((20, 60, 170, 260), fill=120)
    for i, text in enumerate(["DUPONT", "JEAN MARIE", "BEL  M  01 12 1985", "592-1234567-89", "14 03 2031"]):
        draw.text((190, 60 + i * 40), text, font=font, fill=20)
    return img


def _front_and_back() -> Image.Image:
    """Both sides of a card photographed side by side on a table."""
    img = Image.new("L", (1300, 480), 240)
    img.paste(_card_front(600), (20, 50))
    img.paste(_card_back(CARD, 600), (660, 60))
    return img


CASES = {
    "passport page": (lambda: _passport_page(PASSPORT), PASSPORT),
    "passport page rotated 2 degrees": (lambda: _passport_page(PASSPORT, angle=2.0), PASSPORT),
    "small card, MRZ 300 px wide": (lambda: _card_back(CARD, 330), CARD),
    "card front and back in one image": (_front_and_back, CARD),
    "card photographed on its side": (lambda: _card_back(CARD, 600).rotate(270, expand=True), CARD),
    "passport page upside down": (lambda: _passport_page(PASSPORT).rotate(180), PASSPORT),
    "short name, MRZ in a plain monospace face": (lambda: _passport_page(SHORT_NAME, mrz_font=MONO), SHORT_NAME),
    "card upside down": (lambda: _card_back(CARD, 600).rotate(180), CARD),
}


@needs_tools
@pytest.mark.parametrize("name", list(CASES))
def test_band_reads_with_valid_check_digits(name: str) -> None:
    render, expected = CASES[name]
    image = render()
    lines = read_mrz_band(image)
    mrz = parse_mrz(lines, REF)
    assert mrz is not None and mrz.valid, (lines, mrz)
    assert mrz.lines == expected


def test_never_raises_and_returns_nothing_without_a_zone() -> None:
    blank = Image.new("RGB", (800, 600), "white")
    ImageDraw.Draw(blank).text((50, 50), "Attestation de domicile", font=_font(SANS, 30), fill="black")
    for image in (blank, Image.new("L", (0, 0)), Image.new("1", (5, 5)), Image.new("RGBA", (40, 30))):
        assert read_mrz_band(image) == []


def test_looks_like_mrz() -> None:
    assert looks_like_mrz("Passport\n" + "\n".join(PASSPORT))
    assert looks_like_mrz("IDBEL592123456 7891<<<<<<<<<<<\n8512017M3103142BEL851201123454")
    assert looks_like_mrz("P<UTOERIKSSON«ANNA«MARIA«««««««««««")
    assert not looks_like_mrz("Kingdom of Belgium\nResidence permit for Anna Maria Eriksson, valid until 2031")
    assert not looks_like_mrz("")
    assert not looks_like_mrz("Prise d'effet: le 2027-01-03, pour 1 ans. Loyer: 800 EUR par")
    assert not looks_like_mrz("IBAN BE79 6117 9534 7833")
    assert looks_like_mrz("L898902C36UTO7408122F1204159ZE184226B 10")  # the fillers read as a space


def test_readings_combined_prefer_fillers_to_letters() -> None:
    """Two readings as good by their check digits: the one with fewer letters beside fillers wins, as
    OCR often reads a '<' as K or X, and no check digit covers a name."""
    misread = [PASSPORT[0].replace("ANNA<MARIA<<<", "ANNA<KMARIAK<"), PASSPORT[1]]
    for readings in ([misread, list(PASSPORT)], [list(PASSPORT), misread]):
        points, most, lines = _combine(readings, {})
        assert points == most and tuple(lines) == PASSPORT


def test_lines_mixed_across_readings() -> None:
    """One reading gets the name line right, another the data line."""
    names_wrong = [PASSPORT[0].replace("UTO", "UT0").replace("<<<<<<", "KKKKKK"), PASSPORT[1]]
    data_wrong = [PASSPORT[0], PASSPORT[1].replace("7408122", "7408172")]
    points, most, lines = _combine([data_wrong, names_wrong], {})
    assert points == most and tuple(lines) == PASSPORT


# How the picture was turned (PIL degrees, counter-clockwise) -> the clockwise degrees that undo it,
# as `orientation.find_rotation` gives them: the page reader turns by -rotation.
TURNS = {0: 0, 90: 90, 180: 180, 270: 270}


@needs_tools
@pytest.mark.parametrize("turned", list(TURNS))
def test_zone_tells_which_way_up_the_page_is(turned: int) -> None:
    """The page reader skips its orientation passes on the zone's word: the turn must be the page's."""
    image = _card_back(CARD, 600).rotate(turned, expand=True)
    zone = read_zone(image)
    assert zone.sure and parse_mrz(zone.lines, REF) is not None
    assert zone.rotation == TURNS[turned]
    upright = image.rotate(-zone.rotation, expand=True)
    assert read_zone(upright).rotation == 0


def test_no_zone_is_not_sure() -> None:
    blank = Image.new("L", (800, 600), 255)
    ImageDraw.Draw(blank).text((50, 50), "Attestation de domicile", font=_font(SANS, 30), fill=0)
    zone = read_zone(blank)
    assert zone.lines == () and not zone.sure
