"""The page reader's identity path: a zone that holds is looked for first, and decides how the page is read.

Real Tesseract on pictures drawn here. Where a test is about which engine read the page, it watches the
calls to `tesseract.read_words` (every call still goes to Tesseract).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from dossiercheck.icao.zone import parse_mrz
from dossiercheck.models import Page
from dossiercheck.ocr import page, tesseract
from dossiercheck.ocr.mrz_band import read_zone
from dossiercheck.ocr.settings import OcrSettings

from .test_mrz_band import OCRB, PASSPORT, REF, SANS, _font, _mrz_size, _passport_page, needs_tools

SETTINGS = OcrSettings()
FRENCH = (
    "Le présent document est délivré à titre d'exemple. Vous pouvez demander votre extrait au guichet "
    "de la commune où vous êtes inscrit, muni de votre carte d'identité et de la preuve du paiement. "
)


def _languages_read(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """Every full reading's (languages, word lists on), in order."""
    seen: list[tuple[str, bool]] = []
    real = tesseract.read_words

    def watched(image: Image.Image, languages: str, psm: int = 3, timeout: float = 0,
                dictionaries: bool = True) -> tesseract.OcrResult:
        seen.append((languages, dictionaries))
        return real(image, languages, psm, timeout, dictionaries)

    monkeypatch.setattr(tesseract, "read_words", watched)
    return seen


def _read(image: Image.Image, tmp_path: Path) -> Page:
    path = tmp_path / "scan.png"
    image.save(path)
    return page.read_page_text(path, "image/png", 0, SETTINGS)


@needs_tools
def test_a_passport_on_its_side_is_read_upright_in_one_language(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _languages_read(monkeypatch)
    read = _read(_passport_page(PASSPORT).rotate(90, expand=True), tmp_path)
    assert parse_mrz(read.mrz_lines, REF) is not None and parse_mrz(read.mrz_lines, REF).valid
    assert read.rotation == 90
    assert "ERIKSSON" in read.text and "1974" in read.text  # the visual zone, read upright
    # The four-language reading of the page as it came, then the zone's engine on the turned page.
    assert seen[-1] == (SETTINGS.quick_languages, False)
    assert (SETTINGS.languages, True) not in seen[1:]


@needs_tools
def test_an_upright_passport_is_read_by_the_zones_engine_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _languages_read(monkeypatch)
    read = _read(_passport_page(PASSPORT), tmp_path)
    assert parse_mrz(read.mrz_lines, REF).valid and read.rotation == 0
    assert "ERIKSSON" in read.text and "Date of birth" in read.text  # the labels too, which dates are read by
    assert set(seen) == {(SETTINGS.quick_languages, False)}  # the page, and the lines its layout left out


@needs_tools
@pytest.mark.parametrize(("angle", "rotation"), [(20, 0), (-27, 0), (200, 180)])
def test_a_passport_photographed_at_an_angle_is_straightened_by_its_zone(angle: int, rotation: int,
                                                                          tmp_path: Path) -> None:
    """Lines sloping 20-30 degrees are beyond the band search and the page's straightening (6 degrees)."""
    read = _read(_passport_page(PASSPORT).rotate(angle, expand=True, fillcolor=235), tmp_path)
    assert parse_mrz(read.mrz_lines, REF) is not None and parse_mrz(read.mrz_lines, REF).valid
    assert read.rotation == rotation
    assert abs(read.skew + (angle - rotation)) < 1.5  # turned back by the angle the picture was taken at
    assert "ERIKSSON" in read.text and "1974" in read.text


def _text_page_with_zone() -> Image.Image:
    """An A4 page of French running text at 150 dpi with an example MRZ printed in it."""
    img = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(img)
    words = (FRENCH * 12).split()
    font = _font(SANS, 20)
    y, line = 80, ""
    for word in words:
        if font.getlength(line + " " + word) > 1080:
            draw.text((80, y), line, font=font, fill=0)
            y, line = y + 30, word
        else:
            line = f"{line} {word}".strip()
    draw.text((80, y), line, font=font, fill=0)
    size = _mrz_size(PASSPORT[0], 1000)
    for i, mrz_line in enumerate(PASSPORT):
        draw.text((100, y + 80 + i * int(size * 1.5)), mrz_line, font=_font(OCRB, size), fill=0)
    return img


@needs_tools
def test_a_page_of_text_with_an_example_zone_is_read_in_every_language(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _languages_read(monkeypatch)
    read = _read(_text_page_with_zone(), tmp_path)
    assert seen[-1] == (SETTINGS.languages, True)  # read again as any page is
    assert "délivré" in read.text


def test_the_first_search_reads_nothing_without_fillers(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page of text pays for the band search only: no Tesseract reading of a band."""
    calls: list[str] = []
    monkeypatch.setattr(tesseract, "read_text", lambda *a, **k: calls.append("read") or "")
    img = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(img)
    for i in range(30):  # justified lines of equal width, stacked: band-shaped, without fillers
        draw.text((80, 80 + 36 * i), "Attestation de domicile delivree par la commune " * 2, font=_font(SANS, 18),
                  fill=0)
    assert read_zone(img, quarter_turns=(0,), fillers_only=True).lines == ()
    assert calls == []
