"""ID photos are found by their face, whichever way up the picture arrives."""

from __future__ import annotations

import random

from PIL import Image, ImageDraw, ImageFont
from samplegen.face import draw_portrait

from dossiercheck.ocr.faces import count_faces

SEEDS = range(8)


def portraits() -> list[Image.Image]:
    return [draw_portrait(413, 531, random.Random(seed)) for seed in SEEDS]


def test_upright_photos_show_a_face() -> None:
    assert sum(count_faces(p) >= 1 for p in portraits()) >= len(SEEDS) - 1


def test_photo_on_its_side_is_found_when_turns_are_tried() -> None:
    sideways = [p.transpose(Image.Transpose.ROTATE_90 if i % 2 else Image.Transpose.ROTATE_270)
                for i, p in enumerate(portraits())]
    with_turns = sum(count_faces(p, try_turns=True) >= 1 for p in sideways)
    without = sum(count_faces(p) >= 1 for p in sideways)
    assert with_turns >= len(SEEDS) - 1
    assert without < with_turns  # the frontal cascade alone misses faces lying on their side


def test_upside_down_photo_is_found_when_turns_are_tried() -> None:
    assert sum(count_faces(p.rotate(180), try_turns=True) >= 1 for p in portraits()) >= len(SEEDS) - 1


def test_a_page_of_text_has_no_face() -> None:
    page = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=28)
    for line in range(40):
        draw.text((100, 100 + line * 38), f"Article {line}: the tenant pays the rent on the first day ({line}).",
                  fill=0, font=font)
    assert count_faces(page, try_turns=True) == 0
