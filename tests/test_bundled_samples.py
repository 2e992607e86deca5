"""Every bundled dossier under samples/dossiers with a truth file is a test case, found automatically.

The real pipeline (Tesseract included) reads each one; the report must validate against the JSON
contract, reach the verdict the truth expects, read each document as its true type, and (for faulty
dossiers) fail for the reason the fault names.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from PIL import Image

from dossiercheck.knowledge.files import schemas_dir

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "dossiers"
TRUTHS = sorted(SAMPLES.glob("*.truth.json"))
REPORT_SCHEMA = json.loads((schemas_dir() / "report.schema.json").read_text())
# Which requirement each generated fault must make fail.
FAULT_REQUIREMENTS = {
    "passport_expiring": "passport.validity",
    "old_good_conduct": "good_conduct.age",
    "missing_medical": "medical.age",
    "missing_lease": "lease.present",
    "name_mismatch": "identity.match",
}


def run_check(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dossiercheck", "check", str(folder), *args],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=900,
    )


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, Path]]:
    """Each bundled dossier checked once, in every format: {name: (exit code, output folder)}."""
    out: dict[str, tuple[int, Path]] = {}
    for truth_file in TRUTHS:
        name = truth_file.name.removesuffix(".truth.json")
        target = tmp_path_factory.mktemp(name)
        formats = [x for f in ("json", "text", "markdown", "junit", "html") for x in ("--format", f)]
        result = run_check(SAMPLES / name, *formats, "--output-dir", str(target))
        assert result.returncode in (0, 1), result.stderr
        out[name] = (result.returncode, target)
    return out


@pytest.mark.parametrize("truth_file", TRUTHS, ids=lambda p: p.name.removesuffix(".truth.json"))
def test_bundled_dossier_report_matches_its_truth(truth_file: Path, reports: dict[str, tuple[int, Path]]) -> None:
    truth = json.loads(truth_file.read_text())
    code, target = reports[truth_file.name.removesuffix(".truth.json")]
    report = json.loads((target / "report.json").read_text())
    jsonschema.validate(report, REPORT_SCHEMA)
    assert report["profile"] == truth["profile"]
    assert report["reference_date"] == truth["reference_date"]
    assert report["verdict"] == truth["expected_verdict"]
    assert code == (0 if truth["expected_verdict"] == "complete" else 1)
    types = {d["file"]: d["type"] for d in report["documents"]}
    assert types == {d["file"]: d["type"] for d in truth["documents"]}
    statuses = {r["id"]: r["status"] for r in report["requirements"]}
    for fault in (truth["fault"] or "").split("+"):
        if fault == "name_mismatch":  # a warning naming both documents, not a blocker
            assert statuses["identity.match"] == "warn"
        elif fault:
            assert statuses[FAULT_REQUIREMENTS[fault]] in ("fail", "missing"), fault
    if truth["expected_verdict"] == "complete":
        assert not [r for r, s in statuses.items() if s in ("fail", "missing")]
    for document in truth["documents"]:
        read = next(d for d in report["documents"] if d["file"] == document["file"])
        for name in ("expiry", "birth"):
            if document["type"] == "passport" and name in document["dates"]:
                assert read["dates"].get(name) == document["dates"][name], (document["file"], name)


def test_every_format_is_written_and_well_formed(reports: dict[str, tuple[int, Path]]) -> None:
    _, target = reports["visa-d-employee-faulty"]
    report = json.loads((target / "report.json").read_text())
    suite = ET.parse(target / "report.junit.xml").getroot()
    cases = [c for c in suite.iter("testcase") if not c.get("classname", "").endswith(".files")]
    assert [c.get("name") for c in cases] == [r["id"] for r in report["requirements"]]
    failed = {c.get("name") for c in cases if c.find("failure") is not None}
    assert failed == {r["id"] for r in report["requirements"] if r["status"] in ("fail", "missing")}
    assert int(suite.get("failures")) == len(failed)
    markdown = (target / "report.md").read_text()
    assert "| ❌ | Passport valid long enough |" in markdown
    text = (target / "report.txt").read_text()
    assert "NOT READY" in text and "✗ Passport valid long enough" in text
    html = (target / "report.html").read_text()
    assert html.count('<image href="data:image/jpeg;base64,') >= len(report["documents"])
    # Self-contained: nothing is fetched (sources are links a reader may open, never loaded).
    assert 'src="http' not in html and "<link" not in html and "url(http" not in html


def test_html_report_renders_in_a_browser_with_thumbnails_and_checklist(
    reports: dict[str, tuple[int, Path]], tmp_path: Path
) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("chromium is not installed (make test installs it)")
    _, target = reports["visa-d-employee-faulty"]
    shot = tmp_path / "shot.png"
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--screenshot={shot}",
            "--window-size=1280,2400",
            (target / "report.html").as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert shot.exists(), "chromium took no screenshot"
    image = Image.open(shot).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20)
    assert colours is None or len(colours) > 50, "the screenshot is blank"
    # The red NOT READY badge and the thumbnails (grey pixels of scanned pages) are on the page.
    pixels = (
        list(image.resize((320, 600)).get_flattened_data())
        if hasattr(image, "get_flattened_data")
        else list(image.resize((320, 600)).getdata())
    )
    assert any(r > 150 and g < 80 and b < 80 for r, g, b in pixels), "no red verdict badge"
    assert sum(1 for r, g, b in pixels if abs(r - g) < 8 and abs(g - b) < 8 and 60 < r < 200) > 500
