"""Every profile has a generated sample dossier, complete and with a typical fault, whose report is checked.

The dossiers are generated once into .cache/test-samples (keyed by the generator's source), so a
second `make test` does not render them again. Two levels:
- all profiles: the rule engine over the documents as the truth describes them (types, dates,
  the passport's MRZ parsed from its lines): the profile and the samples agree;
- a few profiles end to end through the real OCR: what the tool reads gives the same verdict.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from samplegen import applicable_faults, make_dossier

from dossiercheck.api import check_dossier
from dossiercheck.icao.zone import parse_mrz
from dossiercheck.models import DateField, Document
from dossiercheck.pipeline.dossier import check_documents, resolve_dossier
from dossiercheck.rules.profiles import profile_ids
from tests.test_bundled_samples import FAULT_REQUIREMENTS

ROOT = Path(__file__).resolve().parent.parent
REFERENCE_DATE = dt.date(2027, 1, 15)
END_TO_END = ("municipality/registration", "eu/student", "renewal/card-a")


def generator_key() -> str:
    digest = hashlib.sha256()
    for path in sorted((ROOT / "src" / "dossiercheck" / "samples").glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


SAMPLES_CACHE = ROOT / ".cache" / "test-samples" / generator_key()


def typical_fault(profile: str) -> str | None:
    faults = applicable_faults(profile)
    for preferred in ("passport_expiring", "old_good_conduct", "missing_lease", "missing_medical"):
        if preferred in faults:
            return preferred
    return None  # eu/permanent: none of the generator's faults blocks it; only the complete dossier


def sample_dossier(profile: str, fault: str | None) -> Path:
    """Generated once per generator version; the truth file marks a finished dossier."""
    name = profile.replace("/", "-") + (f"-{fault}" if fault else "")
    folder = SAMPLES_CACHE / name
    if not (SAMPLES_CACHE / f"{name}.truth.json").exists():
        make_dossier(folder, profile, REFERENCE_DATE, seed=5, fault=fault)
    return folder


def documents_from_truth(truth: dict) -> list[Document]:
    documents = []
    for entry in truth["documents"]:
        dates = [DateField(value=dt.date.fromisoformat(v), raw=v, page=0, field=k) for k, v in entry["dates"].items()]
        mrz = parse_mrz(entry["mrz"], REFERENCE_DATE) if entry.get("mrz") else None
        assert mrz is None or mrz.valid, entry["file"]
        documents.append(Document(file=entry["file"], sha256="", mime="", type=entry["type"], confidence=1.0,
                                  language=entry.get("language"), dates=dates, mrz=mrz))
    return documents


def statuses_of(requirements: list) -> dict[str, str]:
    return {r.id: r.status for r in requirements}


@pytest.mark.parametrize("profile", profile_ids())
def test_profile_sample_dossiers_complete_and_faulty(profile: str) -> None:
    for fault in dict.fromkeys((None, typical_fault(profile))):
        folder = sample_dossier(profile, fault)
        truth = json.loads((folder.parent / f"{folder.name}.truth.json").read_text())
        settings = resolve_dossier(folder, None, None, None, require_profile=True)
        assert settings.profile_id == profile and settings.reference_date == REFERENCE_DATE
        requirements, _ = check_documents(settings, documents_from_truth(truth), "en")
        statuses = statuses_of(requirements)
        blocking = sorted(r for r, s in statuses.items() if s in ("fail", "missing"))
        if fault is None:
            assert blocking == [], f"{profile}: complete sample fails {blocking}"
        else:
            assert statuses[FAULT_REQUIREMENTS[fault]] in ("fail", "missing"), (profile, fault, statuses)
            assert FAULT_REQUIREMENTS[fault] in blocking
        assert truth["expected_verdict"] == ("incomplete" if blocking else "complete")


@pytest.mark.parametrize("profile", END_TO_END)
def test_profile_sample_read_by_ocr_reaches_the_same_verdict(profile: str) -> None:
    folder = sample_dossier(profile, None)
    truth = json.loads((folder.parent / f"{folder.name}.truth.json").read_text())
    report = check_dossier(folder, require_profile=True)
    wrong = {
        d.file: (d.type, t["type"])
        for d in report.documents
        for t in truth["documents"]
        if t["file"] == d.file and d.type != t["type"]
    }
    assert wrong == {}, wrong
    blocking = [r.id for r in report.requirements if r.status in ("fail", "missing")]
    assert report.verdict == truth["expected_verdict"], blocking
