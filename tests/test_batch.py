"""`dossiercheck batch` over 20 client folders: the project's own CI check for advisers' runs.

Only three dossiers are generated and read by Tesseract; the other folders are copies (identical
bytes are read once per run) or folders that fail before any reading, so the module stays fast.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from PIL import Image
from samplegen import make_dossier

from dossiercheck.models import BatchResult, ClientResult, Deadline
from dossiercheck.reporters import EXTENSIONS
from dossiercheck.reporters.ics import render_ics

ROOT = Path(__file__).resolve().parent.parent
EXPECTED_SUMMARY = ROOT / "samples" / "expected-batch-summary.csv"
CHROMIUM = Path("/usr/bin/chromium")
REFERENCE_DATE = "2027-01-15"

# One worker runs the whole module, so the dossiers are generated and read once.
pytestmark = [pytest.mark.xdist_group("batch"), pytest.mark.slow]


def run_batch(*args: str | Path) -> tuple[Result, float]:
    from dossiercheck.cli.batch import batch

    start = time.perf_counter()
    result = CliRunner().invoke(batch, [str(a) for a in args], catch_exceptions=False)
    return result, time.perf_counter() - start


def copy_files(source: Path, target: Path, with_dossier_file: bool = True) -> None:
    target.mkdir(parents=True)
    for path in source.iterdir():
        if with_dossier_file or path.name != "dossier.yaml":
            shutil.copy2(path, target / path.name)


@pytest.fixture(scope="module")
def clients(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """20 client folders: 2 complete, 1 faulty, 1 of broken files, 2 that cannot be checked, 14 copies."""
    made = tmp_path_factory.mktemp("generated")
    ref = dt.date.fromisoformat(REFERENCE_DATE)
    anna = make_dossier(made / "anna", "municipality/registration", ref, 11)
    bram = make_dossier(made / "bram", "municipality/registration", ref, 13)  # complete, one warning
    # Same seed as anna: only the missing lease differs, so its other files are anna's bytes.
    chen = make_dossier(made / "chen", "municipality/registration", ref, 11, "missing_lease")

    root = tmp_path_factory.mktemp("clients")
    copy_files(anna, root / "anna")
    copy_files(bram, root / "bram")
    copy_files(chen, root / "chen")
    broken = root / "broken-files"
    broken.mkdir()
    (broken / "empty.pdf").write_bytes(b"")
    (broken / "truncated.jpg").write_bytes((anna / "pasfoto.jpg").read_bytes()[:1500])
    (broken / "scan.pdf").write_bytes(bytes((i * 7919 + 13) % 256 for i in range(4000)))
    (broken / "notes.txt").write_text("Bring the originals.\n")
    (broken / "dossier.yaml").write_text(f"profile: municipality/registration\nappointment_date: '{REFERENCE_DATE}'\n")
    copy_files(anna, root / "no-dossier-file", with_dossier_file=False)
    copy_files(bram, root / "unknown-profile")
    (root / "unknown-profile" / "dossier.yaml").write_text(
        f"profile: visa-d/astronaut\nappointment_date: '{REFERENCE_DATE}'\n")
    for stem, source, count in (("anna", anna, 5), ("bram", bram, 5), ("chen", chen, 4)):
        for n in range(2, 2 + count):
            copy_files(source, root / f"{stem}-{n}")
    assert len([p for p in root.iterdir() if p.is_dir()]) == 20
    return root


@pytest.fixture(scope="module")
def first_run(clients: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result, float]:
    out = tmp_path_factory.mktemp("batch-out") / "reports"
    result, seconds = run_batch(clients, "--output-dir", out, "--ics", out.parent / "deadlines.ics")
    return out, result, seconds


@pytest.fixture(scope="module")
def second_run(clients: Path, first_run: tuple[Path, Result, float]) -> tuple[Result, float]:
    out = first_run[0]
    return run_batch(clients, "--output-dir", out, "--ics", out.parent / "deadlines-again.ics")


def read_summary(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_summary_matches_the_expected_one(first_run: tuple[Path, Result, float]) -> None:
    out, result, _ = first_run
    assert result.exit_code == 1, result.output
    got = [{k: r[k] for k in ("client", "profile", "verdict")} for r in read_summary(out / "summary.csv")]
    assert got == read_summary(EXPECTED_SUMMARY)


def test_terminal_summary_names_blocking_requirements_and_deadlines(first_run: tuple[Path, Result, float]) -> None:
    _, result, _ = first_run
    lines = {line.split()[0]: line for line in result.output.splitlines() if line.strip()}
    assert "lease.present" in lines["chen"]
    assert "2027-01-20" in lines["anna"] and "register" in lines["anna"]
    assert "no dossier.yaml" in lines["no-dossier-file"]
    assert "visa-d/astronaut" in lines["unknown-profile"]
    assert "20 dossiers: 12 complete, 6 incomplete, 2 could not be checked." in result.output


def test_every_checked_client_has_every_report(first_run: tuple[Path, Result, float]) -> None:
    out, _, _ = first_run
    for row in read_summary(out / "summary.csv"):
        for ext in EXTENSIONS.values():
            assert (out / row["client"] / f"report.{ext}").is_file() == (row["verdict"] != "error"), row
    assert "data:image/jpeg;base64," in (out / "anna-3" / "report.html").read_text()  # thumbnails of copies too


def test_broken_folder_is_reported_and_the_others_are_not_disturbed(first_run: tuple[Path, Result, float]) -> None:
    out, _, _ = first_run
    broken = json.loads((out / "broken-files" / "report.json").read_text())
    assert broken["verdict"] == "incomplete"
    assert {s["file"] for s in broken["skipped"]} == {"empty.pdf", "truncated.jpg", "scan.pdf", "notes.txt"}
    anna = json.loads((out / "anna" / "report.json").read_text())
    assert anna["verdict"] == "complete" and not anna["skipped"]
    assert anna["dossier"].endswith("anna")


def test_index_links_every_report_and_renders(first_run: tuple[Path, Result, float], tmp_path: Path) -> None:
    out, _, _ = first_run
    index = (out / "index.html").read_text()
    assert 'href="chen/report.junit.xml"' in index and "visa-d/astronaut" in index
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (make test installs it): index.html not rendered")
    shot = tmp_path / "index.png"
    subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run",
                    f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", "--window-size=1280,2000",
                    (out / "index.html").as_uri()], capture_output=True, timeout=120, check=False)
    assert shot.is_file(), "chromium wrote no screenshot"
    with Image.open(shot) as image:
        low, high = image.convert("L").getextrema()
    assert high - low > 100, "the screenshot of index.html is blank"


def test_calendar_holds_one_event_per_deadline(first_run: tuple[Path, Result, float]) -> None:
    icalendar = pytest.importorskip("icalendar")
    out, _, _ = first_run
    calendar = icalendar.Calendar.from_ical((out.parent / "deadlines.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    expected = []
    for row in read_summary(out / "summary.csv"):
        if row["verdict"] != "error":
            report = json.loads((out / row["client"] / "report.json").read_text())
            expected += [(f"{row['client']}: {d['what']}", d["date"]) for d in report["deadlines"]]
    assert sorted((str(e["SUMMARY"]), e["DTSTART"].dt.isoformat()) for e in events) == sorted(expected)
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_second_run_over_unchanged_folders_reuses_everything(first_run: tuple[Path, Result, float],
                                                             second_run: tuple[Result, float]) -> None:
    out, first, first_seconds = first_run
    again, seconds = second_run
    assert again.exit_code == 1
    assert "18 unchanged since the last run" in again.output
    assert read_summary(out / "summary.csv")[0]["client"] == "anna"
    # A sanity bound only; bench/batch.py measures the real ratio.
    assert seconds < 0.25 * first_seconds, (seconds, first_seconds)
    assert (out.parent / "deadlines.ics").read_bytes() == (out.parent / "deadlines-again.ics").read_bytes()


def test_a_changed_client_is_checked_again(clients: Path, first_run: tuple[Path, Result, float],
                                           tmp_path: Path) -> None:
    folder = tmp_path / "clients"
    copy_files(clients / "anna", folder / "one")
    copy_files(clients / "anna", folder / "two")
    out = tmp_path / "out"
    first, _ = run_batch(folder, "--output-dir", out)
    assert first.exit_code == 0, first.output
    (folder / "two" / "dossier.yaml").write_text((folder / "two" / "dossier.yaml").read_text()
                                                 .replace(REFERENCE_DATE, "2027-01-19"))
    again, _ = run_batch(folder, "--output-dir", out)
    assert "1 unchanged since the last run" in again.output
    assert json.loads((out / "two" / "report.json").read_text())["reference_date"] == "2027-01-19"


def test_exit_codes_and_fail_on(clients: Path, first_run: tuple[Path, Result, float], tmp_path: Path) -> None:
    complete = tmp_path / "complete"
    copy_files(clients / "anna", complete / "anna")
    copy_files(clients / "bram", complete / "bram")  # complete, with a warning
    assert run_batch(complete)[0].exit_code == 0
    assert run_batch(complete, "--fail-on", "warn")[0].exit_code == 1
    no_yaml = tmp_path / "defaults"
    copy_files(clients / "no-dossier-file", no_yaml / "x")
    result, _ = run_batch(no_yaml, "--profile", "municipality/registration", "--date", REFERENCE_DATE)
    assert result.exit_code == 0, result.output


def test_usage_errors_exit_2(clients: Path, tmp_path: Path) -> None:
    inside, _ = run_batch(clients, "--output-dir", clients / "reports")
    assert inside.exit_code == 2 and "inside the dossier folder" in inside.output
    (tmp_path / "empty").mkdir()
    empty, _ = run_batch(tmp_path / "empty")
    assert empty.exit_code == 2 and "no sub-folders" in empty.output
    assert run_batch(clients, "--fail-on", "sometimes")[0].exit_code == 2
    assert not (clients / "reports").exists()


def test_calendar_lines_are_folded_and_escaped() -> None:
    what = "Dernier jour pour le certificat médical; «délai», 6 mois après la délivrance " * 2
    result = BatchResult(".", (ClientResult("zoë", "zoë", "eu/student", None, "complete",
                                            deadlines=(Deadline(dt.date(2027, 3, 1), what, "medical.age"),)),))
    text = render_ics(result)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    assert "\\;" in text and "\\," in text
    assert any(line.startswith(" ") for line in text.split("\r\n"))  # a long summary is folded
    assert "DTSTAMP:20270301T000000Z" in text  # no clock: from the dates alone


def test_pre_commit_hook_definition() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    hook = next(h for h in hooks if h["id"] == "dossiercheck")
    assert hook["entry"].startswith("dossiercheck batch") and hook["pass_filenames"] is False
    assert hook["language"] == "python"
