"""Fixtures shared by the tests: a private OCR cache per test session and page images made by PIL."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
os.environ["DOSSIERCHECK_STRICT"] = "1"  # a bug in a stage fails the test instead of becoming a page's problem
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


@pytest.fixture(scope="session")
def ocr_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One OCR cache for the session, never the user's own."""
    path = tmp_path_factory.mktemp("ocr-cache")
    os.environ["DOSSIERCHECK_CACHE_DIR"] = str(path)
    return path


@pytest.fixture(autouse=True)
def _private_cache(ocr_cache_dir: Path) -> None:
    os.environ["DOSSIERCHECK_CACHE_DIR"] = str(ocr_cache_dir)


def text_page(lines: list[str], size: tuple[int, int] = (1240, 1754), font_size: int = 30) -> Image.Image:
    """A clean white page with the lines typed on it (about A4 at 150 dpi)."""
    font = ImageFont.truetype(FONT, font_size)
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((110, 150 + i * int(font_size * 2.0)), line, font=font, fill=0)
    return image


GOOD_CONDUCT_LINES = [
    "EXTRAIT DE CASIER JUDICIAIRE",
    "Modèle 1 - Article 595 du Code d'instruction criminelle",
    "Le soussigné certifie que la personne désignée ci-dessous",
    "n'a fait l'objet d'aucune condamnation pénale.",
    "Nom : DUPONT   Prénom : Marie",
    "Née le 12/04/1990 à Liège",
    "Fait à Bruxelles, le 3 mars 2026",
    "Le Directeur du Casier judiciaire central",
]
