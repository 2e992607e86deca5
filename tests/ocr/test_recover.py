"""Lines the page OCR leaves out (a stamp pressed over the date) are found in the ink and read again."""

from __future__ import annotations

import io
import re

from PIL import Image, ImageDraw, ImageFont
from samplegen.corpus import corpus_document

from dossiercheck.ingest import PageInput
from dossiercheck.ocr import recover, tesseract
from dossiercheck.ocr.page import ocr_image
from dossiercheck.ocr.settings import OcrSettings

KEY_TYPES = ("passport", "passport", "good_conduct", "medical")
SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def test_a_date_under_a_stamp_is_read() -> None:
    """A German extract whose 'Ort, Datum' line the stamp's ring touches: the page OCR drops the
    whole line, the issue date with it. (A bench case: key corpus, seed 707, file 146.)"""
    _, data, entry = corpus_document(146, None, 707, True, KEY_TYPES)
    assert entry["type"] == "good_conduct"
    page = ocr_image(PageInput(index=0, image=Image.open(io.BytesIO(data))), OcrSettings())
    assert entry["dates"]["issue"] in page.text
    line = next(ln for ln in page.text.splitlines() if entry["dates"]["issue"] in ln)
    assert re.search(r"Li.ge", line)  # the place of issue with it (an accent may be misread)
    # In reading order: after the text above the stamp, before the footer printed at the bottom.
    lines = page.text.splitlines()
    assert lines.index(line) > next(i for i, ln in enumerate(lines) if "Vorlage" in ln)
    assert lines.index(line) < next(i for i, ln in enumerate(lines) if "Gedruckt" in ln)


def _letter(lines: list[str]) -> Image.Image:
    img = Image.new("L", (1240, 900), 250)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(SANS, 28)
    for i, text in enumerate(lines):
        draw.text((100, 100 + 60 * i), text, font=font, fill=20)
    return img


def test_a_page_read_whole_is_left_as_it_is() -> None:
    image = _letter(["Attestation d'inscription", "Nom: Dupont Jean", "Fait à Namur, le 3 mars 2026", "Le directeur"])
    result = tesseract.read_words(image, "fra")
    assert recover.recover_lines(image, result, "fra") is result


def test_missed_marks_are_grouped_into_lines() -> None:
    size = 20.0
    word = [(100 + 14 * i, 300, 11, 20) for i in range(9)]  # nine letters in a row
    dots = [(400, 500, 3, 3)]  # too few to be a line
    far = [(100 + 14 * i, 600, 11, 20) for i in range(3)] + [(900, 600, 11, 20)]
    boxes = recover._group(word + dots + far, size)
    assert len(boxes) == 1
    left, top, right, bottom = boxes[0]
    assert left < 100 and right > 100 + 14 * 8 + 11 and top < 300 < 320 < bottom
