"""Render every text of bench/real/texts/ as the files an applicant would hand in (kept in .cache/real/files/).

For each text: a clean scan-like PNG (A4 at 300 dpi), a "phone photo" JPEG (the page photographed at an angle:
slight rotation, perspective, blur, noise, uneven light) and a born-digital PDF with a text layer. The page
layout, the scan effects and the PDF writer are the sample generator's (generator/samplegen), so these files
are printed the way the generated corpora are; only the wording is real. All randomness is seeded by the
file name. A text is rendered again only when its content (or BUILD_VERSION) changes.

Usage: python bench/real/build.py [--force]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "generator"))  # the checkout's generator, not an installed copy

from samplegen import effects  # noqa: E402
from samplegen.canvas import FONT_SETS, PDF_FONT_SETS, PageSpec, render, wrap  # noqa: E402
from samplegen.pdf import text_pdf  # noqa: E402

TEXTS = HERE / "texts"
OUT = ROOT / ".cache" / "real" / "files"
BUILD_VERSION = "1"  # change to render every text again (layout or effects changed)
DPI = 300
WIDTH, HEIGHT = round(210 / 25.4 * DPI), round(297 / 25.4 * DPI)
MARGIN = 200
VARIANTS = ("scan.png", "photo.jpg", "text.pdf")


def seed_of(name: str) -> int:
    return int(hashlib.sha256(name.encode()).hexdigest()[:16], 16)


def layout(text: str, fonts: tuple[str, str]) -> PageSpec:
    """The text on one A4 page: first line in bold, paragraphs wrapped, the size shrunk until it fits."""
    regular, bold = fonts
    lines = text.replace("\t", " ").splitlines()
    for size in range(42, 23, -2):
        spec = PageSpec(WIDTH, HEIGHT, DPI)
        y = float(MARGIN)
        first = True
        for line in lines:
            if not line.strip():
                y += size * 0.6
                continue
            name = bold if first else regular
            first = False
            for part in wrap(line.strip(), name, size, WIDTH - 2 * MARGIN):
                spec.text(MARGIN, y, part, name, size)
                y += size * 1.35
        if y < HEIGHT - MARGIN:
            return spec
    return spec  # the smallest size; the end of a very long text runs off the page (never the case here)


def phone_photo(img, rng: random.Random):
    """Slight rotation, then the generator's photo at an angle (perspective, table, light), blur and noise."""
    img = img.rotate(rng.choice((-1, 1)) * rng.uniform(0.5, 2.5), resample=3, expand=True, fillcolor=(246, 246, 244))
    img = effects.phone_photo(img, rng)
    img = effects.blur(img, rng)
    return effects.noise(img, rng)


def build_one(path: Path, force: bool = False) -> Path:
    text = path.read_text(encoding="utf-8")
    digest = hashlib.sha256((BUILD_VERSION + "\n" + text).encode()).hexdigest()
    folder = OUT / path.stem
    stamp = folder / "built.json"
    if not force and stamp.exists() and json.loads(stamp.read_text()).get("sha256") == digest \
            and all((folder / v).exists() for v in VARIANTS):
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed_of(path.stem))
    spec = layout(text, FONT_SETS[rng.randrange(len(FONT_SETS))])
    page = render(spec)
    page.save(folder / "scan.png", dpi=(DPI, DPI))
    phone_photo(page, rng).save(folder / "photo.jpg", quality=85)
    pdf_spec = layout(text, PDF_FONT_SETS[rng.randrange(len(PDF_FONT_SETS))])
    (folder / "text.pdf").write_bytes(text_pdf([pdf_spec], path.stem))
    stamp.write_text(json.dumps({"sha256": digest, "variants": list(VARIANTS)}) + "\n")
    return folder


def build_all(names: list[str] | None = None, force: bool = False) -> list[Path]:
    paths = sorted(TEXTS.glob("*.txt"))
    if names is not None:
        paths = [p for p in paths if p.stem in names]
    return [build_one(p, force) for p in paths]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--force", action="store_true", help="render every text again")
    args = parser.parse_args()
    folders = build_all(force=args.force)
    print(f"{len(folders)} texts rendered under {OUT}")


if __name__ == "__main__":
    main()
