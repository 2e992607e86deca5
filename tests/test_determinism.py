"""The same dossier and reference date give the same report, byte for byte: with or without the
cache, with one worker or two, run after run."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import GOOD_CONDUCT_LINES, text_page
from tests.pdfs import text_pdf

PROFILE = ("--profile", "visa-d/employee", "--date", "2027-01-15")


def run_check(folder: Path, cache: Path, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "dossiercheck", "check", str(folder), *PROFILE, *args],
        capture_output=True, text=True, env=dict(os.environ, DOSSIERCHECK_CACHE_DIR=str(cache)), timeout=300,
    )
    assert result.returncode in (0, 1), result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("same") / "dossier"
    (folder / "sub").mkdir(parents=True)
    text_page(GOOD_CONDUCT_LINES).save(folder / "good-conduct.png")
    (folder / "sub" / "lease.pdf").write_bytes(text_pdf([
        "HUUROVEREENKOMST", "Tussen de verhuurder en de huurder wordt het volgende overeengekomen",
        "Ingang op 1 februari 2027",
    ]))
    (folder / "medical.pdf").write_bytes(text_pdf([
        "CERTIFICAT MEDICAL", "Le medecin soussigne certifie que Monsieur Jan PEETERS",
        "n'est atteint d'aucune des maladies pouvant mettre en danger la sante publique",
        "Fait a Namur, le 12 janvier 2027",
    ]))
    (folder / "notes.txt").write_text("bring the originals\n")
    (folder / "empty.pdf").write_bytes(b"")
    return folder


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("same-cache") / "cache"


def test_json_is_byte_identical_cached_uncached_and_across_jobs(dossier: Path, cache: Path, tmp_path: Path) -> None:
    uncached_one = run_check(dossier, tmp_path / "unused", "--format", "json", "--no-cache", "--jobs", "1")
    uncached_two = run_check(dossier, cache, "--format", "json", "--jobs", "2")  # fills the cache
    cached_two = run_check(dossier, cache, "--format", "json", "--jobs", "2")
    cached_one = run_check(dossier, cache, "--format", "json", "--jobs", "1")
    assert uncached_one == uncached_two == cached_two == cached_one
    plain = json.loads(uncached_one)
    assert plain["reference_date"] == "2027-01-15" and plain["tool"]["version"]
    # No clock time: the only dates are the reference date and the ones read from the documents.
    assert dt.date.today().isoformat() not in uncached_one  # noqa: DTZ011 - checks the clock is not used
    assert [d["file"] for d in plain["documents"]] == ["good-conduct.png", "medical.pdf", "sub/lease.pdf"]
    assert [s["file"] for s in plain["skipped"]] == ["empty.pdf", "notes.txt"]


def test_text_report_is_identical_run_after_run(dossier: Path, cache: Path, tmp_path: Path) -> None:
    first = run_check(dossier, cache, "--format", "text", "--jobs", "2")
    assert first == run_check(dossier, cache, "--format", "text", "--jobs", "1")
    assert first == run_check(dossier, tmp_path / "unused", "--format", "text", "--no-cache", "--jobs", "2")


def test_a_cached_document_is_the_document_analysed() -> None:
    """What the analysis cache keeps of a document gives it back whole: a date's second reading too
    (a numeric date whose order nothing decides), on which the age rule's verdict depends."""
    from dossiercheck.models import DateField, Document, Page
    from dossiercheck.models.document import document_from_plain, document_to_plain

    page = Page(index=0, width=10, height=10, text="03/07/2026")
    dates = (DateField(dt.date(2026, 3, 7), "03/07/2026", 0, "issue", "date", (1, 2, 3, 4), "text",
                       other=dt.date(2026, 7, 3)),
             DateField(dt.date(1990, 1, 2), "02.01.1990", 0, "birth", source="given"))
    document = Document(file="gc.pdf", sha256="0" * 64, mime="application/pdf", pages=(page,), type="good_conduct",
                        confidence=0.8, cues=("attached: apostille",), language="en", dates=dates,
                        problems=("p",), size=3, about=None)
    plain = json.loads(json.dumps(document_to_plain(document)))  # as the cache stores it
    assert document_from_plain(plain, [page]) == document
