"""The per-document analysis stage: MRZ, type, dates and language together, on text and on real OCR."""

from __future__ import annotations

import datetime as dt
import importlib.util

import pytest
from PIL import Image, ImageDraw, ImageFont

from dossiercheck.icao.zone import compose_td3
from dossiercheck.models import Document, Page
from tests.helpers import analysed

REF = dt.date(2026, 11, 23)
BIRTH, EXPIRY = dt.date(1990, 4, 12), dt.date(2031, 3, 14)
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def document(*pages: Page) -> Document:
    return Document(file="doc.pdf", sha256="0" * 64, mime="application/pdf", pages=list(pages))


def passport_page(printed_birth: str = "12 APR/AVR 1990") -> Page:
    mrz = compose_td3("RAO", "PRIYA", "Z1234567", "IND", BIRTH, "F", EXPIRY)
    text = (
        "REPUBLIC OF INDIA\nPASSPORT\nType P Code IND Passport No. Z1234567\nSurname / Nom\nRAO\n"
        f"Date of birth / Date de naissance\n{printed_birth}\nDate of issue / Date de délivrance\n15 MAR/MARS 2021\n"
        "Date of expiry / Date d'expiration\n14 MAR/MARS 2031\n" + "\n".join(mrz)
    )
    return Page(index=0, width=1000, height=700, text=text, mrz_lines=mrz, faces=1)


def test_passport_with_mrz() -> None:
    doc = analysed(passport_page(), reference_date=REF)
    assert doc.type == "passport" and doc.confidence > 0.9
    assert doc.mrz is not None and doc.mrz.valid
    assert doc.date("birth") == BIRTH and doc.date("expiry") == EXPIRY
    assert doc.date("issue") == dt.date(2021, 3, 15)
    assert doc.dates[0].source == "mrz"  # verified dates win
    assert not doc.problems
    assert doc.language is None  # only bilingual labels


def test_printed_date_disagreeing_with_mrz_is_a_problem() -> None:
    doc = analysed(passport_page(printed_birth="13 APR/AVR 1990"), reference_date=REF)
    assert doc.date("birth") == BIRTH
    assert any("differs" in p for p in doc.problems)


def test_mrz_found_in_page_text_when_band_is_empty() -> None:
    page = passport_page()
    page = Page(index=0, width=1000, height=700, text=page.text, faces=1)
    doc = analysed(page, reference_date=REF)
    assert doc.type == "passport" and doc.mrz is not None


def test_good_conduct_text_layer() -> None:
    text = (
        "ROYAUME DE BELGIQUE - SPF Justice\nEXTRAIT DE CASIER JUDICIAIRE\nN° 12.05.2026\n"
        "Le soussigné certifie que la personne désignée ci-dessous n'a fait l'objet d'aucune condamnation.\n"
        "Nom : DUPONT   Prénom : Marie\nNée le 12/04/1990 à Liège\nFait à Bruxelles, le 3 mars 2026"
    )
    doc = analysed(Page(0, 1240, 1754, text, source="text-layer"), reference_date=REF)
    assert doc.type == "good_conduct"
    assert doc.date("issue") == dt.date(2026, 3, 3)
    assert doc.date("birth") == dt.date(1990, 4, 12)
    assert doc.date("expiry") is None
    assert doc.language == "fr"


def test_unknown_document_keeps_its_dates_unassigned() -> None:
    doc = analysed(Page(0, 100, 100, "Notes\nMeeting 14.03.2026\nCall back 20.03.2026"), reference_date=REF)
    assert doc.type == "unknown"
    assert [d.field for d in doc.dates] == [None, None]


# --- real OCR on rendered pages (tesseract; kept to two calls) ---

needs_tesseract = pytest.mark.skipif(importlib.util.find_spec("tesserocr") is None, reason="no OCR engine")


def render(lines: list[str]) -> Image.Image:
    font = ImageFont.truetype(FONT, 30)
    image = Image.new("L", (1240, 120 + 60 * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((80, 60 + i * 60), line, font=font, fill=0)
    return image


def ocr_page(image: Image.Image, lang: str) -> Page:
    """The page as the OCR engine reads it, without the page reader's other passes."""
    from dossiercheck.ocr import tesseract

    read = tesseract.read_words(image, lang)
    return Page(index=0, width=image.width, height=image.height, text=read.text, words=read.words)


@needs_tesseract
def test_ocr_good_conduct_in_french() -> None:
    image = render([
        "EXTRAIT DE CASIER JUDICIAIRE",
        "Modèle 1 - Article 595 du Code d'instruction criminelle",
        "Le soussigné certifie que la personne désignée ci-dessous",
        "n'a fait l'objet d'aucune condamnation pénale.",
        "Dossier N° 12.05.2026",
        "Nom : DUPONT   Prénom : Marie",
        "Née le 12/04/1990 à Liège",
        "Fait à Bruxelles, le 3 mars 2026",
    ])  # fmt: skip
    doc = analysed(ocr_page(image, "fra+eng"), reference_date=REF)
    assert doc.type == "good_conduct"
    assert doc.date("issue") == dt.date(2026, 3, 3)
    assert doc.date("birth") == dt.date(1990, 4, 12)
    assert all(d.value != dt.date(2026, 5, 12) for d in doc.dates)
    issue = next(d for d in doc.dates if d.field == "issue")
    assert issue.box is not None and issue.box[1] > 400  # on the last line
    assert doc.language == "fr"


@needs_tesseract
def test_ocr_lease_in_dutch() -> None:
    image = render([
        "WONINGHUUROVEREENKOMST VOOR HOOFDVERBLIJFPLAATS",
        "Tussen de verhuurder Jan Peeters en de huurder Ana Silva",
        "wordt een huurovereenkomst gesloten voor het appartement",
        "De huur gaat in op 1 april 2026. Huurprijs: 900 EUR per maand.",
        "Opgemaakt te Gent op 15 maart 2026",
    ])  # fmt: skip
    doc = analysed(ocr_page(image, "nld+eng"), reference_date=REF)
    assert doc.type == "lease"
    assert doc.date("issue") == dt.date(2026, 3, 15)
    assert doc.language == "nl"
