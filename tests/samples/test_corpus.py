"""Corpora, EXIF orientation, text PDFs, holdout wordings, drawn faces and one real OCR call."""

from __future__ import annotations

import datetime as dt
import io
import json
import random
from pathlib import Path

import magic
import pypdf
import pytest
from PIL import Image, ImageOps
from samplegen import DOC_TYPES, make_corpus
from samplegen.people import make_person
from samplegen.render import Request, render_document


def test_corpus_covers_every_type(tmp_path: Path) -> None:
    out = make_corpus(tmp_path / "c", len(DOC_TYPES), seed=1)
    truth = json.loads((tmp_path / "c.truth.json").read_text())
    assert truth["profile"] is None and truth["reference_date"] is None
    assert {d["type"] for d in truth["documents"]} == set(DOC_TYPES)
    for doc in truth["documents"]:
        data = (out / doc["file"]).read_bytes()
        assert magic.from_buffer(data, mime=True).split("/")[0] in ("image", "application")


@pytest.mark.parametrize("value", range(1, 9))
def test_exif_orientation(value: int) -> None:
    rng = random.Random(value)
    person = make_person(rng, dt.date(2027, 1, 15))
    req = Request("photo", person, {}, "p", fmt="jpeg", rotation="exif", exif_value=value, level=0)
    _, data, entry = render_document(req, rng)
    img = Image.open(io.BytesIO(data))
    assert img.getexif().get(0x0112) == value
    assert f"exif-orientation-{value}" in entry["effects"]
    upright = ImageOps.exif_transpose(img)
    assert upright.height > upright.width  # portraits are taller than wide once the tag is applied


def test_text_pdf_carries_its_dates() -> None:
    rng = random.Random(4)
    person = make_person(rng, dt.date(2027, 1, 15))
    req = Request("medical", person, {"issue": dt.date(2026, 12, 3)}, "m", fmt="pdf-text", lang="fr")
    _, data, entry = render_document(req, rng)
    text = pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "2026" in text and person.surname.upper() in text
    assert entry["format"] == "pdf-text" and entry["dates"]["issue"] == "2026-12-03"
    assert data == render_document(req, _replay(4))[1]  # same seed, same bytes


def _replay(seed: int) -> random.Random:
    """The rng in the state render_document() got it in above."""
    rng = random.Random(seed)
    make_person(rng, dt.date(2027, 1, 15))
    return rng


def test_holdout_uses_other_titles() -> None:
    ref = dt.date(2027, 1, 15)
    titles: dict[bool, set[str]] = {False: set(), True: set()}
    for holdout in (False, True):
        for seed in range(30):
            rng = random.Random(seed)
            person = make_person(rng, ref)
            req = Request("good_conduct", person, {"issue": ref}, "g", fmt="pdf-text", holdout=holdout, lang="en")
            _, data, _ = render_document(req, rng)
            titles[holdout].add(pypdf.PdfReader(io.BytesIO(data)).metadata.title)
    assert titles[False] and titles[True] and not titles[False] & titles[True]


def test_drawn_face_is_detected() -> None:
    cv2 = pytest.importorskip("cv2")
    if not hasattr(cv2, "CascadeClassifier"):
        pytest.skip("this OpenCV build has no Haar cascades (OpenCV 5 dropped them)")
    from samplegen.face import count_faces, draw_portrait

    found = sum(count_faces(draw_portrait(413, 531, random.Random(s))) >= 1 for s in range(10))
    assert found >= 8


def test_tesseract_reads_the_issue_date() -> None:
    from dossiercheck.ocr import tesseract

    rng = random.Random(2)
    person = make_person(rng, dt.date(2027, 1, 15))
    req = Request(
        "good_conduct", person, {"issue": dt.date(2026, 11, 3)}, "gc", fmt="png", rotation="none", level=0, lang="en"
    )
    _, data, entry = render_document(req, rng)
    assert entry["effects"] == []
    text = tesseract.read_words(Image.open(io.BytesIO(data)), "eng").text
    assert any(form in text for form in ("November 3, 2026", "3 November 2026", "2026-11-03", "03/11/2026"))
