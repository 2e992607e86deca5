"""A passport scanned on an A4 page, upside down or blurred: the page is turned, or at least its MRZ is read."""

from __future__ import annotations

import datetime as dt
import io
import random
from typing import Any

import pytest
from PIL import Image, ImageFilter
from samplegen.corpus import corpus_document
from samplegen.people import make_person
from samplegen.render import Request, default_dates, render_document

from dossiercheck.icao.zone import find_mrz, parse_mrz
from dossiercheck.ingest import PageInput
from dossiercheck.ocr import page as page_module
from dossiercheck.ocr.orientation import lines_run_down, stands_on_end
from dossiercheck.ocr.page import ocr_image
from dossiercheck.ocr.settings import OcrSettings

REF = dt.date(2027, 1, 15)


def passport_on_a_page(turn: int, width: int = 700, blur: float = 0.0, seed: int = 11) -> Image.Image:
    """A passport data page `width` px wide pasted on an A4 scan at 200 dpi, then the sheet turned."""
    rng = random.Random(seed)
    person = make_person(rng, REF)
    request = Request("passport", person, default_dates("passport", REF, rng), "p", fmt="png", level=0.0,
                      rotation="none", phone=False)  # fmt: skip
    _, data, _ = render_document(request, rng)
    card = Image.open(io.BytesIO(data)).convert("RGB")
    card = card.resize((width, round(card.height * width / card.width)))
    if blur:
        card = card.filter(ImageFilter.GaussianBlur(blur))
    sheet = Image.new("RGB", (1654, 2339), "white")
    sheet.paste(card, (200, 250))
    return sheet.rotate(turn, expand=True)


def test_an_upside_down_passport_on_a_page_is_turned_and_its_mrz_read() -> None:
    page = ocr_image(PageInput(index=0, image=passport_on_a_page(180)), OcrSettings())
    assert page.rotation == 180
    mrz = parse_mrz(page.mrz_lines, REF) if page.mrz_lines else find_mrz(page.text, REF)
    assert mrz is not None and mrz.valid


def test_an_upright_passport_on_a_page_is_left_as_it_is() -> None:
    page = ocr_image(PageInput(index=0, image=passport_on_a_page(0)), OcrSettings())
    assert page.rotation == 0
    assert page.mrz_lines


def test_the_mrz_of_a_blurred_upside_down_passport_is_read_even_when_the_page_is_not_turned() -> None:
    # At 200 dpi and slightly out of focus, neither OSD nor a quick read can tell which way up the page
    # is; the MRZ band is then looked for in every orientation and its check digits decide.
    page = ocr_image(PageInput(index=0, image=passport_on_a_page(180, width=985, blur=1.5, seed=12)), OcrSettings())
    mrz = parse_mrz(page.mrz_lines, REF) if page.mrz_lines else None
    assert mrz is not None and mrz.valid
    assert mrz.format == "TD3"


def test_an_upside_down_page_is_not_left_on_its_side_when_its_lines_read_on_end() -> None:
    """A certificate scanned upside down. Turned a quarter, its lines stand on end, and Tesseract reads
    them as vertical text nearly as well as upright: a turn whose words stand on end is no answer,
    or the labels beside the dates are never found. (A bench case: key corpus, seed 707, file 36.)"""
    _, data, entry = corpus_document(36, None, 707, True, ("passport", "passport", "good_conduct", "medical"))
    assert entry["type"] == "good_conduct" and "rotate180" in entry["effects"]
    page = ocr_image(PageInput(index=0, image=Image.open(io.BytesIO(data))), OcrSettings())
    assert page.rotation == 180
    assert "2001-11-14" in page.text
    assert not stands_on_end(page)


def _certificate(seed: int = 5) -> tuple[Image.Image, str]:
    """A certificate of good conduct as the generator renders it upright, and its holder's surname."""
    rng = random.Random(seed)
    person = make_person(rng, REF)
    dates = default_dates("good_conduct", REF, rng)
    request = Request("good_conduct", person, dates, "fr", fmt="png", level=0.0, rotation="none", phone=False)
    _, data, _ = render_document(request, rng)
    return Image.open(io.BytesIO(data)).convert("RGB"), person.surname


def test_lines_of_print_run_across_an_upright_page_and_down_a_page_on_its_side() -> None:
    certificate, _ = _certificate()
    assert not lines_run_down(certificate)
    assert lines_run_down(certificate.rotate(90, expand=True))
    assert lines_run_down(certificate.rotate(-90, expand=True))


@pytest.mark.parametrize("turn", [90, 270])
def test_a_page_on_its_side_is_turned_before_it_is_read(turn: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its lines run down it: OSD says which way, and the page is read once, turned (no reading of it
    on its side, no orientation passes)."""
    passes: list[int] = []
    real = page_module.find_rotation

    def watched(*args: Any, **kwargs: Any) -> Any:
        passes.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(page_module, "find_rotation", watched)
    certificate, surname = _certificate()
    # Turned counter-clockwise by `turn`: undone by turning it clockwise as much (Page.rotation).
    page = ocr_image(PageInput(index=0, image=certificate.rotate(turn, expand=True)), OcrSettings())
    assert page.rotation == turn
    assert not passes
    assert surname.upper() in page.text.upper()
    assert page.mean_conf > 85
