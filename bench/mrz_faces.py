"""MRZs printed in other faces than the one the glyph reader matches against.

The generator prints every MRZ in Debian's OCR-B, the very font `ocr/mrz_glyphs.py` draws its
templates from: on the bench corpora the glyph reader meets its own glyphs. Real documents are
printed in other OCR-B cuts (and some in plain monospace faces). This prints the same passports
in other faces and reads them with and without the glyph reader, counting reads whose check digits
all hold and, what matters more, reads whose check digits hold on wrong characters.

Usage: python bench/mrz_faces.py [--files N], or as part of `make bench` (12 passports a face).
ICAO 9303 prescribes OCR-B, so the plain monospace faces are a stress case, not the norm.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from samplegen import canvas  # noqa: E402
from samplegen.corpus import corpus_document  # noqa: E402

from dossiercheck.ocr import mrz_band  # noqa: E402
from dossiercheck.pipeline.analyse import analyse_reading  # noqa: E402
from dossiercheck.pipeline.read import ReadOptions, read_folder  # noqa: E402

FACES = {
    "OCR-B (the glyph templates' own font)": "/usr/share/fonts/opentype/ocr-b/OCRB.otf",
    "OCR-B Sharp cut": "/usr/share/fonts/opentype/ocr-b/OCRBS.otf",
    "Liberation Mono": "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
    "DejaVu Sans Mono": "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
}
SEED = 9191  # passports of the holdout templates; a seed of this benchmark only
WITH_GLYPHS = mrz_band._READERS
WITHOUT_GLYPHS = tuple(r for r in WITH_GLYPHS if r is not None)


def make_passports(folder: Path, face: str, files: int) -> dict[str, list[str]]:
    """`files` passports with their MRZ printed in `face`; the true MRZ lines by file name."""
    canvas.FONT_FILES["ocrb"] = face
    canvas.font.cache_clear()
    folder.mkdir(parents=True)
    truth = {}
    for i in range(files):
        name, data, entry = corpus_document(i, "passport", SEED, True, ("passport",))
        (folder / name).write_bytes(data)
        truth[name] = list(entry.get("mrz") or [])
    return truth


def score(folder: Path, truth: dict[str, list[str]]) -> tuple[int, int]:
    """(reads with all check digits valid, of which valid on wrong characters)."""
    readings, _ = read_folder(folder, ReadOptions(use_cache=False))
    valid = wrong = 0
    for reading in readings:
        document = analyse_reading(reading, dt.date(2027, 1, 15))[0]
        if document.mrz and document.mrz.valid:
            valid += 1
            # A read is wrong when a field the check digits cover differs; names are not covered.
            want = truth[document.file]
            wrong += not want or document.mrz.lines[-1][:28] != want[-1][:28]
    return valid, wrong


def bench_faces(files: int) -> None:
    """Print the table: each face, read with and without the glyph reader."""
    original = canvas.FONT_FILES["ocrb"]
    print(f"\n## MRZ printed in other faces ({files} passports each, holdout templates, seed {SEED})")
    print("| face | readers | all check digits valid | valid on wrong characters |")
    print("|---|---|---:|---:|")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for label, face in FACES.items():
                folder = Path(tmp) / Path(face).stem
                truth = make_passports(folder, face, files)
                for readers, name in ((WITH_GLYPHS, "Tesseract + glyphs"), (WITHOUT_GLYPHS, "Tesseract only")):
                    mrz_band._READERS = readers
                    valid, wrong = score(folder, truth)
                    print(f"| {label} | {name} | {valid}/{files} | {wrong} |", flush=True)
                shutil.rmtree(folder)
    finally:  # the rest of the bench generates and reads with the real settings
        mrz_band._READERS = WITH_GLYPHS
        canvas.FONT_FILES["ocrb"] = original
        canvas.font.cache_clear()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=30)
    bench_faces(parser.parse_args().files)
