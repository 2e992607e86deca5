"""The pipeline end to end on a small folder: real files, the real Tesseract, the real CLI."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from dossiercheck import ocr
from dossiercheck.knowledge.files import schemas_dir
from dossiercheck.pipeline.read import ReadOptions, read_folder
from tests.conftest import GOOD_CONDUCT_LINES, text_page
from tests.pdfs import text_pdf

REPORT_SCHEMA = json.loads((schemas_dir() / "report.schema.json").read_text())


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dossiercheck", *args],
        capture_output=True,
        text=True,
        env=env or dict(os.environ),
        timeout=600,
    )


def tree_state(folder: Path) -> dict[str, tuple[str, int]]:
    """Every entry's content hash and modification time, to prove nothing was touched."""
    state = {}
    for path in sorted(folder.rglob("*")):
        stat = path.lstat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() and not path.is_symlink() else ""
        state[path.relative_to(folder).as_posix()] = (digest, stat.st_mtime_ns)
    return state


@pytest.fixture(scope="module")
def mixed_dossier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Good documents in several formats plus every kind of bad file the pipeline issue names."""
    folder = tmp_path_factory.mktemp("mixed")
    page = text_page(GOOD_CONDUCT_LINES)
    page.rotate(90, expand=True).convert("RGB").save(folder / "good-conduct-sideways.jpg", quality=80)
    (folder / "medical.pdf").write_bytes(
        text_pdf(
            [
                "CERTIFICAT MEDICAL",
                "Le medecin soussigne certifie que Monsieur Jan PEETERS",
                "n'est atteint d'aucune des maladies pouvant mettre en danger la sante publique",
                "enumerees a l'annexe de la loi du 15 decembre 1980.",
                "Fait a Namur, le 12 janvier 2027",
            ]
        )
    )
    (folder / "sub").mkdir()
    text_page(["HUUROVEREENKOMST", "Tussen de verhuurder en de huurder", "Ingang op 1 februari 2027"]).save(
        folder / "sub" / "lease.scan", "PNG"
    )
    # The bad ones.
    (folder / "empty.pdf").write_bytes(b"")
    good_jpeg = io.BytesIO()
    page.convert("RGB").save(good_jpeg, "JPEG")
    (folder / "truncated.jpg").write_bytes(good_jpeg.getvalue()[:1500])
    locked = io.BytesIO()
    page.convert("RGB").save(locked, "PDF")
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(locked.getvalue())))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    with (folder / "locked.pdf").open("wb") as out:
        writer.write(out)
    (folder / "notes.txt").write_text("Remember to bring the originals.\n")
    os.symlink("/etc", folder / "etc")
    return folder


def test_check_gives_a_full_report_for_good_files_and_a_reason_for_each_bad_one(
    mixed_dossier: Path, tmp_path: Path
) -> None:
    before = tree_state(mixed_dossier)
    result = run_cli(
        "check", str(mixed_dossier), "--format", "json", "--date", "2027-01-15", "--profile", "visa-d/employee"
    )
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    jsonschema.validate(report, REPORT_SCHEMA)
    assert [d["file"] for d in report["documents"]] == ["good-conduct-sideways.jpg", "medical.pdf", "sub/lease.scan"]
    reasons = {s["file"]: s["reason"] for s in report["skipped"]}
    assert set(reasons) == {"empty.pdf", "truncated.jpg", "locked.pdf", "notes.txt", "etc/"}
    assert "empty" in reasons["empty.pdf"]
    assert "password" in reasons["locked.pdf"]
    assert "damaged" in reasons["truncated.jpg"]
    assert "text file" in reasons["notes.txt"]
    assert report["reference_date"] == "2027-01-15"
    assert result.stderr == ""  # no progress bar when stderr is not a terminal
    assert tree_state(mixed_dossier) == before


def test_pages_are_read_upright_and_text_layers_are_not_ocred(mixed_dossier: Path, tmp_path: Path) -> None:
    documents, _ = read_folder(mixed_dossier, ReadOptions(jobs=2, cache_dir=tmp_path))
    by_file = {d.file: d for d in documents}
    sideways = by_file["good-conduct-sideways.jpg"].pages[0]
    assert sideways.rotation in (90, 270)  # turned upright, not read as vertical text
    assert "CASIER JUDICIAIRE" in sideways.text
    assert sideways.words and all(w.width > 0 for w in sideways.words)
    assert by_file["medical.pdf"].pages[0].source == "text-layer"
    assert "12 janvier 2027" in by_file["medical.pdf"].pages[0].text
    assert "HUUROVEREENKOMST" in by_file["sub/lease.scan"].pages[0].text


def test_second_run_reads_everything_from_the_cache(
    mixed_dossier: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, _ = read_folder(mixed_dossier, ReadOptions(jobs=1, cache_dir=tmp_path))

    def no_ocr(*args: object, **kwargs: object) -> None:
        raise AssertionError("OCR ran on a cached file")

    monkeypatch.setattr(ocr.tesseract, "read_words", no_ocr)
    monkeypatch.setattr(ocr.tesseract, "detect_rotation", no_ocr)
    second, skipped = read_folder(mixed_dossier, ReadOptions(jobs=1, cache_dir=tmp_path))
    assert [d.pages for d in second] == [d.pages for d in first]
    assert len(skipped) == 5
    for cached in tmp_path.rglob("*.json"):
        assert cached.stat().st_size < 500_000
    assert (next(tmp_path.rglob("*.json")).parent.stat().st_mode & 0o777) == 0o700


def test_no_cache_leaves_nothing(mixed_dossier: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = dict(os.environ, DOSSIERCHECK_CACHE_DIR=str(cache))
    result = run_cli(
        "check",
        str(mixed_dossier),
        "--no-cache",
        "--format",
        "json",
        "--date",
        "2027-01-15",
        "--profile",
        "visa-d/employee",
        env=env,
    )
    assert result.returncode in (0, 1), result.stderr
    assert not cache.exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["check", "/no/such/folder"], "does not exist"),
        (["check", ".", "--date", "15/01/2027"], "YYYY-MM-DD"),
        (["check", ".", "--format", "pdf"], "pdf"),
        (["check", "tests", "--date", "2027-01-15"], "which procedure"),
        (["check", "tests", "--profile", "visa-d/employe"], "visa-d/employe"),
    ],
)
def test_usage_errors_exit_2_with_one_line(args: list[str], message: str) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_report_is_never_written_inside_the_dossier(mixed_dossier: Path) -> None:
    result = run_cli(
        "check",
        str(mixed_dossier),
        "--output",
        str(mixed_dossier / "report.json"),
        "--date",
        "2027-01-15",
        "--profile",
        "visa-d/employee",
    )
    assert result.returncode == 2
    assert "inside the dossier" in result.stderr
    assert not (mixed_dossier / "report.json").exists()


def test_text_report_lists_documents_and_skipped_files(mixed_dossier: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    result = run_cli(
        "check", str(mixed_dossier), "--date", "2027-01-15", "--profile", "visa-d/employee", "--output", str(out)
    )
    assert result.returncode in (0, 1), result.stderr
    text = out.read_text()
    assert "sub/lease.scan" in text and "notes.txt" in text
    assert "\x1b[" not in text  # no colour codes in a file


def test_reference_date_is_explicit_in_the_library() -> None:
    from dossiercheck.errors import UsageError
    from dossiercheck.pipeline.dossier import resolve_dossier

    with pytest.raises(UsageError, match="appointment date"):
        resolve_dossier(Path("."), None, None, None)
    assert resolve_dossier(Path("."), None, None, dt.date(2027, 1, 15)).reference_date == dt.date(2027, 1, 15)


def test_huge_page_is_downscaled_not_refused(tmp_path: Path) -> None:
    from dossiercheck.ingest import Limits, discover, read_page

    Image.new("L", (9000, 6000), 255).save(tmp_path / "big.png")
    (source,), _ = discover(tmp_path)
    page = read_page(source.path, source.mime, 0, limits=Limits(max_page_pixels=10_000_000))
    assert page.image is not None and page.image.width * page.image.height <= 10_000_000
    assert page.problem and "reduced" in page.problem


def test_each_file_is_handed_on_as_soon_as_its_pages_are_read(mixed_dossier: Path, tmp_path: Path) -> None:
    """The next stage gets a file while the others are still read (one page at a time here), whole."""
    events: list[tuple[str, object]] = []
    options = ReadOptions(jobs=1, cache_dir=tmp_path, progress=lambda done, total: events.append(("page", done)),
                          reading_done=lambda reading: events.append(("file", reading)))
    readings, _ = read_folder(mixed_dossier, options)
    files = [value for kind, value in events if kind == "file"]
    assert sorted(r.sha256 for r in files) == sorted(r.sha256 for r in readings)  # type: ignore[attr-defined]
    assert all(r.pages for r in files)  # type: ignore[attr-defined]
    first_file = next(i for i, (kind, _) in enumerate(events) if kind == "file")
    last_page = max(i for i, (kind, _) in enumerate(events) if kind == "page")
    assert first_file < last_page


def test_files_analysed_while_the_others_are_read_give_the_same_report(mixed_dossier: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from dossiercheck import api
    from dossiercheck.pipeline import analyse, documents
    from dossiercheck.text import language

    analyse._language_model_kept.cache_clear()
    analyse._language_model_kept()  # where the model's copy is kept...
    language.load_model()  # ... made there by its first load: files are analysed beside the reading from then on
    analyse._language_model_kept.cache_clear()
    assert analyse.ready_to_analyse_beside_reading()
    made: list[documents.AnalysedAhead] = []

    class Watched(documents.AnalysedAhead):
        def __init__(self, *args: object) -> None:
            super().__init__(*args)  # type: ignore[arg-type]
            made.append(self)

    monkeypatch.setattr(api, "AnalysedAhead", Watched)
    date = dt.date(2027, 1, 15)
    first = api.check_dossier(mixed_dossier, date, "visa-d/employee", ReadOptions(jobs=1, cache_dir=tmp_path / "a"))
    assert len(made) == 1 and len(made[0].done) == 3  # the three documents, analysed as they were read
    monkeypatch.setattr(analyse, "ready_to_analyse_beside_reading", lambda: False)  # all analysed after
    second = api.check_dossier(mixed_dossier, date, "visa-d/employee", ReadOptions(jobs=1, cache_dir=tmp_path / "b"))
    assert not made[1].done
    assert first.documents == second.documents
    assert first.requirements == second.requirements
