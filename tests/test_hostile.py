"""Hostile and broken input: every kind of bad file gets a listed reason, the rest a full report.

The corpus is made from scratch in a temporary folder (a few seconds); bad files are rejected
before OCR wherever they can be, so the whole CLI run stays well under a minute.
"""

from __future__ import annotations

import io
import json
import os
import random
import resource
import signal
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import pytest
from PIL import Image

from dossiercheck.ingest import Limits, discover, display_name, read_page
from dossiercheck.ocr.settings import OcrSettings
from dossiercheck.pipeline.read import ReadOptions, read_folder
from tests.conftest import GOOD_CONDUCT_LINES, text_page
from tests.pdfs import text_pdf

MEDICAL_LINES = [
    "CERTIFICAT MEDICAL", "Le medecin soussigne certifie que Monsieur Jan PEETERS",
    "n'est atteint d'aucune des maladies pouvant mettre en danger la sante publique",
    "enumerees a l'annexe de la loi du 15 decembre 1980.", "Fait a Namur, le 12 janvier 2027",
]


def pdf_from_objects(objects: list[bytes], root: int = 1, xref: bool = True) -> bytes:
    """A PDF whose numbered objects are given as bodies (object 1 first), with a correct xref."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        for offset in offsets:
            out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, start)
    return bytes(out)


def many_pages_pdf(count: int, side: int = 10) -> bytes:
    """`count` empty pages, each `side` points square (too small to be worth OCR)."""
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(count))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count)]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] >>" % (side, side)] * count
    return pdf_from_objects(objects)


def cyclic_pages_pdf() -> bytes:
    """A /Pages node that is its own kid (and a page whose parent loops back)."""
    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Pages /Kids [2 0 R] /Parent 2 0 R /Count 1 >>",
    ])


def deep_pdf(depth: int = 50_000) -> bytes:
    """A page tree whose Kids array is nested `depth` levels deep."""
    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids " + b"[" * depth + b"]" * depth + b" /Count 1 >>",
    ])


def zero_pages_pdf() -> bytes:
    return pdf_from_objects([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def huge_mediabox_pdf() -> bytes:
    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] >>",
    ])


def garbage_xref_pdf() -> bytes:
    good = text_pdf(MEDICAL_LINES)
    start = good.index(b"xref")
    tail = good.index(b"trailer")
    return good[:start] + b"xref\n0 6\nthis is not a cross-reference table at all \x00\xff\n" + good[tail:]


def image_bytes(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def small_jpeg() -> bytes:
    return image_bytes(Image.new("RGB", (64, 48), (200, 180, 160)), "JPEG", quality=80)


def small_png() -> bytes:
    return image_bytes(Image.new("L", (40, 40), 128), "PNG")


def png_bomb(width: int = 30_000, height: int = 30_000) -> bytes:
    """A real, complete 1-bit PNG of width×height white pixels that compresses to ~100 KB."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\0" + b"\xff" * ((width + 7) // 8)
    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(row * 1000) for _ in range(height // 1000)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def jpeg_claiming_size(width: int, height: int) -> bytes:
    """A small JPEG whose frame header claims another size."""
    data = bytearray(small_jpeg())
    at = data.index(b"\xff\xc0")
    data[at + 5:at + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def jpeg_with_broken_exif(image: Image.Image) -> bytes:
    data = image_bytes(image.convert("RGB"), "JPEG", quality=85)
    junk = b"Exif\0\0MM\0*\0\0\0\x08\xff\xff" + b"\xde\xad\xbe\xef" * 8
    app1 = b"\xff\xe1" + struct.pack(">H", len(junk) + 2) + junk
    return data[:2] + app1 + data[2:]


def multipage_tiff(pages: int, side: int = 16) -> bytes:
    frames = [Image.new("L", (side, side), 255 - i % 200) for i in range(pages)]
    return image_bytes(frames[0], "TIFF", save_all=True, append_images=frames[1:])


def zip_bytes(first: bytes = b"") -> bytes:
    buffer = io.BytesIO(first)
    buffer.seek(len(first))
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("passport.jpg", small_jpeg())
    return buffer.getvalue()


def elf_bytes() -> bytes:
    return b"\x7fELF\x02\x01\x01\0" + b"\0" * 8 + struct.pack("<HHI", 2, 0x3E, 1) + bytes(200)


def pe_bytes() -> bytes:
    stub = bytearray(b"MZ" + bytes(58) + struct.pack("<I", 64))
    return bytes(stub) + b"PE\0\0" + struct.pack("<H", 0x14C) + bytes(300)


def truncated_heic() -> bytes:
    return (struct.pack(">I", 24) + b"ftypheic" + b"\0\0\0\0" + b"mif1heic"
            + struct.pack(">I", 4000) + b"meta" + bytes(40))


def encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf(MEDICAL_LINES))))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def gif_bytes() -> bytes:
    frames = [Image.new("P", (50, 50), i) for i in range(3)]
    return image_bytes(frames[0], "GIF", save_all=True, append_images=frames[1:])


SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>\n'


def bad_files(seed: int = 7) -> dict[str, bytes]:
    """Name -> content of every kind of bad regular file (special files are made by the test)."""
    rng = random.Random(seed)
    pdf = text_pdf(MEDICAL_LINES)
    return {
        "empty.pdf": b"",
        "truncated.jpg": small_jpeg()[:300],
        "truncated.pdf": pdf[: len(pdf) // 3],
        "text-named.jpg": b"This is a note, not a photo.\n",
        "random.pdf": bytes(rng.randrange(256) for _ in range(4096)),
        "random-no-extension": bytes(rng.randrange(256) for _ in range(2048)),
        "zeros.pdf": bytes(4096),
        "archive.pdf": zip_bytes(),
        "archive.jpg": zip_bytes(),
        "program.pdf": elf_bytes(),
        "setup.pdf": pe_bytes(),
        "polyglot-pdf-zip.pdf": zip_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"),
        "polyglot-jpeg-pdf.jpg": small_jpeg() + pdf,
        "one-pixel.png": image_bytes(Image.new("L", (1, 1), 0), "PNG"),
        "bomb-30000x30000.png": png_bomb(),
        "claims-65000x65000.jpg": jpeg_claiming_size(65000, 65000),
        "header-only.png": small_png()[:33],
        "pages-500.tif": multipage_tiff(500),
        "drawing.svg": SVG,
        "animation.gif": gif_bytes(),
        "garbage-xref.pdf": garbage_xref_pdf(),
        "cyclic-pages.pdf": cyclic_pages_pdf(),
        "deeply-nested.pdf": deep_pdf(),
        "zero-pages.pdf": zero_pages_pdf(),
        "pages-3000.pdf": many_pages_pdf(3000),
        "huge-mediabox.pdf": huge_mediabox_pdf(),
        "encrypted.pdf": encrypted_pdf(),
        "truncated.heic": truncated_heic(),
        "truncated.webp": image_bytes(Image.new("RGB", (64, 64), "white"), "WEBP")[:40],
        "notes.txt": b"Remember the originals.\n",
        ".hidden.pdf": pdf,
        "two\nlines.pdf": b"%PDF-1.4\n" + bytes(rng.randrange(256) for _ in range(500)),
        "passeport-été-日本.png": image_bytes(Image.new("L", (8, 8), 0), "PNG"),
        "unreadable.pdf": b"%PDF-1.4\n%%EOF\n",  # made mode 000 by the test
    }


def write(folder: Path, name: str | bytes, data: bytes) -> None:
    """Write a file whose name may be any bytes (not UTF-8, newlines)."""
    import os

    path = os.path.join(os.fsencode(folder), name if isinstance(name, bytes) else os.fsencode(name))
    with open(path, "wb") as out:
        out.write(data)


# --- the corpus ---------------------------------------------------------------------------------

GOOD = {"good-conduct.png", "medical.pdf", "sub/lease-broken-exif.jpg"}
LEASE_LINES = ["HUUROVEREENKOMST", "Tussen de verhuurder en de huurder", "Ingang op 1 februari 2027"]
INVALID_UTF8 = b"bad-\xff\xfe.pdf"


def build_corpus(folder: Path) -> set[str]:
    """Write the good and the bad files; return every name the report must account for."""
    for name, data in bad_files().items():
        write(folder, name, data)
    write(folder, INVALID_UTF8, b"%PDF-1.4\n" + bytes(range(256)))
    (folder / "unreadable.pdf").chmod(0)
    os.mkfifo(folder / "pipe.pdf")
    os.symlink("does-not-exist.jpg", folder / "missing.jpg")
    os.symlink("loop.pdf", folder / "loop.pdf")
    os.symlink("/etc/hostname", folder / "outside.pdf")
    (folder / "scan.pdf").mkdir()  # a folder named like a file, empty
    (folder / ".git").mkdir()
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    # The good ones.
    text_page(GOOD_CONDUCT_LINES).save(folder / "good-conduct.png")
    (folder / "medical.pdf").write_bytes(text_pdf(MEDICAL_LINES))
    (folder / "sub").mkdir()
    (folder / "sub" / "lease-broken-exif.jpg").write_bytes(
        jpeg_with_broken_exif(text_page(LEASE_LINES, size=(1240, 700))))
    names = {display_name(n) for n in bad_files()} | {display_name(os.fsdecode(INVALID_UTF8))}
    return names | GOOD | {"pipe.pdf", "missing.jpg", "loop.pdf", "outside.pdf", "scan.pdf/", ".git/"}


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, set[str], float, int]:
    folder = tmp_path_factory.mktemp("hostile")
    expected = build_corpus(folder)
    env = dict(os.environ, DOSSIERCHECK_CACHE_DIR=str(tmp_path_factory.mktemp("cache")))
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "dossiercheck", "check", str(folder), "--profile", "visa-d/employee",
         "--date", "2027-01-15", "--format", "json"],
        capture_output=True, text=True, env=env, timeout=300,
    )
    elapsed = time.monotonic() - started
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest process of the tree
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    return json.loads(result.stdout), expected, elapsed, peak_kib


def test_corpus_has_at_least_30_kinds_of_bad_file() -> None:
    assert len(bad_files()) + 7 >= 30 + 7  # plus: invalid UTF-8 name, pipe, 3 links, folder, hidden folder


def test_every_file_is_accounted_for(hostile_run: tuple[dict, set[str], float, int]) -> None:
    report, expected, _, _ = hostile_run
    documents = [d["file"] for d in report["documents"]]
    skipped = [s["file"] for s in report["skipped"]]
    assert not set(documents) & set(skipped)
    assert len(documents) + len(skipped) == len(set(documents) | set(skipped))  # each once
    assert set(documents) | set(skipped) == expected
    for entry in report["skipped"]:
        assert entry["reason"].strip(), entry


def test_good_files_are_still_read_and_classified(hostile_run: tuple[dict, set[str], float, int]) -> None:
    report, _, _, _ = hostile_run
    by_file = {d["file"]: d for d in report["documents"]}
    assert GOOD <= set(by_file)
    assert by_file["good-conduct.png"]["type"] == "good_conduct"
    assert by_file["medical.pdf"]["type"] == "medical"
    assert by_file["sub/lease-broken-exif.jpg"]["type"] == "lease"  # a broken EXIF block loses nothing


@pytest.mark.parametrize("name, words", [
    ("empty.pdf", "empty"),
    ("encrypted.pdf", "password"),
    ("bomb-30000x30000.png", "too large"),
    ("claims-65000x65000.jpg", "too large"),
    ("pipe.pdf", "pipe"),
    ("missing.jpg", "broken link"),
    ("loop.pdf", "broken link"),
    ("outside.pdf", "outside"),
    ("scan.pdf/", "folder"),
    (".hidden.pdf", "hidden"),
    (".git/", "hidden"),
    ("notes.txt", "text file"),
    ("archive.pdf", "ZIP"),
    ("program.pdf", "program"),
    ("drawing.svg", "SVG"),
    ("animation.gif", "GIF"),
    ("one-pixel.png", "too small"),
    ("zero-pages.pdf", "no pages"),
    ("truncated.heic", "damaged"),
    ("truncated.jpg", "damaged"),
    ("pages-500.tif", "only the first 200"),
    ("pages-3000.pdf", "only the first 200"),
])
def test_each_bad_file_says_why(hostile_run: tuple[dict, set[str], float, int], name: str, words: str) -> None:
    report, _, _, _ = hostile_run
    reasons = {s["file"]: s["reason"] for s in report["skipped"]}
    reasons |= {d["file"]: "; ".join(d["problems"]) for d in report["documents"]}
    assert words.lower() in reasons[name].lower(), reasons[name]


def test_odd_names_are_escaped_not_printed_raw(hostile_run: tuple[dict, set[str], float, int]) -> None:
    report, _, _, _ = hostile_run
    files = {s["file"] for s in report["skipped"]} | {d["file"] for d in report["documents"]}
    assert "two\\x0alines.pdf" in files and "bad-\\xff\\xfe.pdf" in files
    assert "passeport-été-日本.png" in files  # real Unicode stays as it is
    assert not any("\n" in f or "\x1b" in f for f in files)


def test_run_is_fast_and_memory_bounded(hostile_run: tuple[dict, set[str], float, int]) -> None:
    _, _, elapsed, peak_kib = hostile_run
    assert peak_kib * 1024 < 1.5 * 2**30, f"peak RSS {peak_kib / 1024:.0f} MiB"
    assert elapsed < 90, f"the run took {elapsed:.0f} s"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file: a mode-000 file cannot be tested")
def test_file_without_read_permission_is_listed(tmp_path: Path) -> None:
    (tmp_path / "locked.pdf").write_bytes(text_pdf(MEDICAL_LINES))
    (tmp_path / "locked.pdf").chmod(0)
    files, skipped = discover(tmp_path)
    assert not files and "permission" in skipped[0].reason


# --- hangs and crashes in the readers ------------------------------------------------------------


def hang_in_c(*args: object, **kwargs: object) -> None:
    """Like a renderer looping in C code: no signal reaches Python until it returns."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    time.sleep(60)


def crash(*args: object, **kwargs: object) -> None:
    import faulthandler

    faulthandler.disable()  # pytest's handler would print the crash; the CLI has none
    os.kill(os.getpid(), signal.SIGSEGV)
    # The signal may be taken by another of the worker's threads: this one must not return meanwhile
    # (a renderer returning nothing is another failure, not this one).
    time.sleep(60)


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("culprit", [hang_in_c, crash])
def test_a_page_that_hangs_or_crashes_the_reader_costs_that_page_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, culprit: object, jobs: int
) -> None:
    folder = tmp_path / "dossier"
    folder.mkdir()
    (folder / "hostile.pdf").write_bytes(huge_mediabox_pdf())  # no text layer: it must be rendered
    (folder / "medical.pdf").write_bytes(text_pdf(MEDICAL_LINES))
    monkeypatch.setattr("dossiercheck.ingest.pages.render_pdf_page", culprit)
    settings = OcrSettings(limits=Limits(open_seconds=1))
    started = time.monotonic()
    documents, skipped = read_folder(folder, ReadOptions(jobs=jobs, use_cache=False, settings=settings))
    assert time.monotonic() - started < 30
    assert [d.file for d in documents] == ["medical.pdf"]
    assert [s.file for s in skipped] == ["hostile.pdf"]
    assert "crashed or took too long" in skipped[0].reason


def test_slow_python_code_is_stopped_by_the_time_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "slow.pdf").write_bytes(huge_mediabox_pdf())
    monkeypatch.setattr("dossiercheck.ingest.pages.render_pdf_page", lambda *a, **k: time.sleep(60))
    documents, skipped = read_folder(tmp_path, ReadOptions(jobs=1, use_cache=False,
                                                              settings=OcrSettings(limits=Limits(open_seconds=1))))
    assert not documents and "took too long" in skipped[0].reason


def test_huge_jpeg_is_decoded_reduced(tmp_path: Path) -> None:
    Image.new("L", (8000, 6000), 255).save(tmp_path / "big.jpg", quality=50)
    (source,), _ = discover(tmp_path)
    page = read_page(source.path, source.mime, 0, limits=Limits(max_page_pixels=4_000_000))
    assert page.image is not None and page.image.width * page.image.height <= 4_000_000
    assert page.problem and "reduced" in page.problem


def test_pdf_page_count_falls_back_to_pdfium_for_a_garbage_xref(tmp_path: Path) -> None:
    from dossiercheck.ingest import count_pages

    (tmp_path / "repaired.pdf").write_bytes(garbage_xref_pdf())
    (source,), _ = discover(tmp_path)
    assert count_pages(source).pages == 1
    assert "CERTIFICAT MEDICAL" in (read_page(source.path, source.mime, 0).text or "")

