"""Fuzzing the ingest layer with mutated JPEG, PNG, TIFF and PDF files.

The contract: discover() never raises; count_pages() and read_page() raise UnreadableFile and
nothing else; a page that opens is a text or an image within the pixel budget. Hypothesis runs
derandomized with a fixed budget, so CI sees the same examples every time.
"""

from __future__ import annotations

import functools
import io
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from dossiercheck.ingest import Limits, SourceFile, UnreadableFile, count_pages, discover, read_page
from tests.conftest import text_page
from tests.pdfs import text_pdf

LIMITS = Limits(max_page_pixels=2_000_000, open_seconds=10)


@functools.lru_cache(maxsize=1)
def seeds() -> dict[str, bytes]:
    """Small valid files of each kind the tool reads, as the starting point of every mutation."""
    page = text_page(["PASSPORT", "Surname DUPONT"], size=(300, 200), font_size=20)

    def encoded(fmt: str, **options: object) -> bytes:
        buffer = io.BytesIO()
        page.save(buffer, fmt, **options)
        return buffer.getvalue()

    return {
        "jpg": encoded("JPEG", quality=60),
        "png": encoded("PNG"),
        "tif": encoded("TIFF", save_all=True, append_images=[page.rotate(90)]),
        "pdf": text_pdf(["CERTIFICAT MEDICAL", "Fait a Namur, le 12 janvier 2027"]),
        "scan.pdf": encoded("PDF", resolution=50),
    }


def mutate(data: bytes, operations: list[tuple[str, int, int]], donor: bytes) -> bytes:
    """Apply flips, truncations, splices and duplications at positions taken modulo the length."""
    out = bytearray(data)
    for kind, where, value in operations:
        at = where % (len(out) + 1)
        if kind == "flip" and out:
            out[at % len(out)] ^= (value % 255) + 1
        elif kind == "truncate":
            del out[at:]
        elif kind == "splice":
            start = value % max(1, len(donor))
            out[at:at] = donor[start:start + 1 + value % 512]
        elif kind == "duplicate":
            out[at:at] = out[at:at + 1 + value % 256]
        elif kind == "zero":
            out[at:at + 1 + value % 64] = bytes(len(out[at:at + 1 + value % 64]))
    return bytes(out)


OPERATIONS = st.lists(
    st.tuples(st.sampled_from(["flip", "truncate", "splice", "duplicate", "zero"]),
              st.integers(min_value=0, max_value=1 << 20), st.integers(min_value=0, max_value=1 << 16)),
    min_size=1, max_size=6,
)


def read_everything(source: SourceFile) -> None:
    """What the pipeline does with a file, minus OCR; only UnreadableFile may come out."""
    try:
        pages = count_pages(source, LIMITS).pages
    except UnreadableFile as exc:
        assert str(exc)
        return
    assert pages >= 0
    for index in range(min(pages, 3)):
        try:
            page = read_page(source.path, source.mime, index, dpi=72, limits=LIMITS)
        except UnreadableFile as exc:
            assert str(exc)
            continue
        assert page.text is not None or page.image is not None
        if page.image is not None:
            assert page.image.width * page.image.height <= LIMITS.max_page_pixels
            assert page.image.mode in ("L", "RGB")


@settings(max_examples=150, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(["jpg", "png", "tif", "pdf", "scan.pdf"]),
       donor_kind=st.sampled_from(["jpg", "png", "tif", "pdf", "scan.pdf"]), operations=OPERATIONS)
def test_mutated_files_are_read_or_refused_with_a_reason(kind: str, donor_kind: str,
                                                         operations: list[tuple[str, int, int]]) -> None:
    data = mutate(seeds()[kind], operations, seeds()[donor_kind])
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / f"mutant.{kind}").write_bytes(data)
        files, skipped = discover(Path(folder), LIMITS)
        assert len(files) + len(skipped) == 1
        for source in files:
            read_everything(source)


def test_cli_survives_a_folder_of_mutants(tmp_path: Path) -> None:
    rng = random.Random(2026)
    folder = tmp_path / "mutants"
    folder.mkdir()
    kinds = sorted(seeds())
    for i in range(10):
        kind = kinds[i % len(kinds)]
        operations = [(rng.choice(["flip", "truncate", "splice", "duplicate", "zero"]), rng.randrange(1 << 20),
                       rng.randrange(1 << 16)) for _ in range(rng.randint(1, 4))]
        (folder / f"mutant-{i:02d}.{kind}").write_bytes(mutate(seeds()[kind], operations, seeds()[rng.choice(kinds)]))
    env = dict(os.environ, DOSSIERCHECK_CACHE_DIR=str(tmp_path / "cache"))
    result = subprocess.run(
        [sys.executable, "-m", "dossiercheck", "check", str(folder), "--profile", "visa-d/employee",
         "--date", "2027-01-15", "--format", "json"],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    listed = {d["file"] for d in report["documents"]} | {s["file"] for s in report["skipped"]}
    assert listed == {p.name for p in folder.iterdir()}


def test_seeds_are_valid() -> None:
    for name, data in seeds().items():
        if name.endswith("pdf"):
            assert data.startswith(b"%PDF")
        else:
            Image.open(io.BytesIO(data)).verify()
