"""A `check` run again on the same input answers with its kept output (cli.replay), and only then."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dossiercheck.cli import replay
from dossiercheck.ingest.discover import OWN_OUTPUT_PREFIX
from tests.pdfs import text_pdf

ARGS = ("--date", "2027-01-15", "--profile", "visa-d/employee")


def run_check(folder: Path, cache: Path, *extra: str, fmt: str = "json") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, DOSSIERCHECK_CACHE_DIR=str(cache))
    return subprocess.run([sys.executable, "-X", "importtime", "-m", "dossiercheck", "check", str(folder), *ARGS,
                           "--format", fmt, *extra], capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    folder = tmp_path / "dossier"
    folder.mkdir()
    (folder / "medical.pdf").write_bytes(text_pdf([
        "CERTIFICAT MEDICAL", "Le medecin soussigne certifie que Monsieur Jan PEETERS",
        "n'est atteint d'aucune des maladies pouvant mettre en danger la sante publique",
        "Fait a Namur, le 12 janvier 2027"]))
    (folder / "notes.txt").write_text("a note, not a document\n")
    return folder


def test_a_rerun_prints_the_kept_output_without_loading_the_library(dossier: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = run_check(dossier, cache)
    assert first.returncode == 1, first.stderr  # incomplete: no passport
    assert "dossiercheck.api" in first.stderr  # -X importtime: the library was loaded and the files read
    second = run_check(dossier, cache)
    assert (second.returncode, second.stdout) == (first.returncode, first.stdout)
    assert "dossiercheck.api" not in second.stderr
    assert list((cache / "reports").rglob("*.json"))


def test_any_other_option_or_content_is_a_normal_run(dossier: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    run_check(dossier, cache)
    in_french = run_check(dossier, cache, "--lang", "fr")
    assert "dossiercheck.api" in in_french.stderr
    (dossier / "notes.txt").write_text("a note, not a document!")  # same folder, one file changed
    changed = run_check(dossier, cache)
    assert "dossiercheck.api" in changed.stderr


def test_the_key_follows_every_entry_of_the_folder(dossier: Path) -> None:
    options = {"today": dt.date(2027, 1, 2)}
    before = replay.output_key(dossier, options)
    assert replay.output_key(dossier, options) == before
    assert replay.output_key(dossier, {"today": dt.date(2027, 1, 3)}) != before  # the default appointment date
    notes = dossier / "notes.txt"
    original = notes.read_bytes()
    notes.write_bytes(original.upper())  # same size, other bytes
    assert replay.output_key(dossier, options) != before
    notes.write_bytes(original)
    assert replay.output_key(dossier, options) == before
    (dossier / "dossier.yaml").write_text("profile: visa-d/student\n")
    with_settings = replay.output_key(dossier, options)
    assert with_settings != before
    (dossier / "sub").mkdir()
    with_folder = replay.output_key(dossier, options)
    assert with_folder != with_settings  # an empty folder is reported
    (dossier / "link.pdf").symlink_to(dossier / "medical.pdf")
    assert replay.output_key(dossier, options) != with_folder


def test_it_skips_the_names_discover_skips() -> None:
    assert set(replay.UNREAD_PREFIXES) == {".", OWN_OUTPUT_PREFIX}


def test_no_cache_keeps_no_output(dossier: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    run_check(dossier, cache, "--no-cache")
    assert not (cache / "reports").exists()


def test_an_html_report_is_never_kept(dossier: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    result = run_check(dossier, cache, "--output", str(tmp_path / "report.html"), fmt="html")
    assert result.returncode == 1, result.stderr
    assert "data:image" in (tmp_path / "report.html").read_text()  # it holds the pages' pictures
    assert not (cache / "reports").exists()


def test_a_report_with_a_reading_stopped_by_a_time_limit_is_not_kept() -> None:
    assert replay.settled(["hidden file, not read", "the file is empty (0 bytes): scan or export it again"])
    assert not replay.settled(["reading page 2 took too long and was stopped"])
    assert not replay.settled(["the reader crashed or took too long on this page and was stopped"])
