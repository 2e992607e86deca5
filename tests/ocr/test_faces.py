"""ID photos are found by their face, whichever way up the picture arrives."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw, ImageFont
from samplegen.face import draw_portrait

from dossiercheck.knowledge.doctypes import load_doctypes
from dossiercheck.ocr import page
from dossiercheck.ocr.faces import count_faces, faces_upright
from dossiercheck.ocr.settings import OcrSettings

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


def test_a_photo_is_no_picture_of_more_text_than_the_page_reader_looks_for_faces_on() -> None:
    """The page reader counts faces only on pictures of at most PHOTO_MAX_CHARS letters and digits:
    a picture type allowing more text could never be recognised."""
    pictures = [d for d in load_doctypes().values() if d.min_faces]
    assert pictures
    assert all((d.max_chars or 40) <= page.PHOTO_MAX_CHARS for d in pictures)


def test_an_upright_id_photo_is_a_portrait_and_a_passport_page_is_not() -> None:
    shares = [faces_upright(p).widest for p in portraits()]
    assert sum(share >= page.PORTRAIT_SHARE for share in shares) >= len(SEEDS) - 1
    passport_page = Image.new("RGB", (1250, 880), "white")  # a data page: the photo a third of its width
    passport_page.paste(portraits()[0].resize((420, 540)), (60, 100))
    assert faces_upright(passport_page).count >= 1
    assert faces_upright(passport_page).widest < page.PORTRAIT_SHARE


def test_an_id_photo_is_read_without_zone_search_or_orientation_passes(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    searches: list[bool] = []
    real_zone, real_rotation = page.read_zone, page.find_rotation

    def zone(*args: Any, **kwargs: Any) -> Any:
        searches.append(bool(kwargs.get("fillers_only")))
        return real_zone(*args, **kwargs)

    def rotation(*args: Any, **kwargs: Any) -> Any:
        searches.append(False)
        return real_rotation(*args, **kwargs)

    monkeypatch.setattr(page, "read_zone", zone)
    monkeypatch.setattr(page, "find_rotation", rotation)
    path = tmp_path / "pasfoto.png"
    portraits()[1].save(path)
    read = page.read_page_text(path, "image/png", 0, OcrSettings())
    assert read.faces >= 1 and not read.mrz_lines
    assert searches == [True]  # only the glance for a run of fillers every page gets
