"""Dossiers: truth beside the folder, dossier.yaml, faults, determinism, formats that sniff right."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import magic
import yaml
from samplegen import make_dossier

REF = dt.date(2027, 1, 15)  # as in conftest.py


MIME = {
    "jpeg": "image/jpeg",
    "png": "image/png",
    "tiff": "image/tiff",
    "heic": "image/heic",
    "webp": "image/webp",
    "bmp": "image/bmp",
    "pdf-scan": "application/pdf",
    "pdf-text": "application/pdf",
}


def truth_of(folder: Path) -> dict:
    return json.loads((folder.parent / (folder.name + ".truth.json")).read_text(encoding="utf-8"))


def test_truth_is_beside_not_inside(employee: Path) -> None:
    assert (employee.parent / "employee.truth.json").is_file()
    assert not list(employee.glob("*.json"))
    truth = truth_of(employee)
    assert truth["generator"] == "samplegen"
    assert truth["profile"] == "visa-d/employee" and truth["expected_verdict"] == "complete"
    names = {p.name for p in employee.iterdir()} - {"dossier.yaml"}
    assert names == {d["file"] for d in truth["documents"]}
    types = sorted(d["type"] for d in truth["documents"])
    assert types.count("photo") == 2 and types.count("visa_application") == 2
    assert {"passport", "work_permit", "good_conduct", "medical", "employment_contract"} <= set(types)


def test_dossier_yaml(employee: Path) -> None:
    info = yaml.safe_load((employee / "dossier.yaml").read_text(encoding="utf-8"))
    assert info["profile"] == "visa-d/employee"
    assert info["appointment_date"] == REF.isoformat()
    assert set(info["applicant"]) == {"name", "birth_date", "nationality"}
    assert info["region"] in {"brussels", "flanders", "wallonia"}


def test_files_sniff_as_their_format(employee: Path) -> None:
    formats = set()
    for doc in truth_of(employee)["documents"]:
        data = (employee / doc["file"]).read_bytes()
        assert magic.from_buffer(data, mime=True) == MIME[doc["format"]], doc["file"]
        formats.add(doc["format"])
    assert {"heic", "pdf-text"} <= formats


def test_mixed_dossier_has_a_rotated_phone_photo(employee: Path) -> None:
    docs = truth_of(employee)["documents"]
    assert any(
        "phone-photo" in d["effects"] and any(e.startswith(("rotate", "exif-")) for e in d["effects"]) for d in docs
    )


def test_same_seed_same_bytes(employee: Path, dossier_root: Path) -> None:
    again = make_dossier(dossier_root / "employee-again", "visa-d/employee", REF, seed=7)
    for path in employee.iterdir():
        assert (again / path.name).read_bytes() == path.read_bytes(), path.name
    first, second = truth_of(employee), truth_of(again)
    assert first["documents"] == second["documents"]


def test_faults(dossier_root: Path) -> None:
    folder = make_dossier(
        dossier_root / "faulty", "municipality/employee", REF, seed=3, fault="passport_expiring+old_good_conduct"
    )
    truth = truth_of(folder)
    assert truth["fault"] == "passport_expiring+old_good_conduct"
    assert truth["expected_verdict"] == "incomplete"
    by_type = {d["type"]: d for d in truth["documents"]}
    expiry = dt.date.fromisoformat(by_type["passport"]["dates"]["expiry"])
    assert REF < expiry < REF.replace(year=REF.year + 1)
    issue = dt.date.fromisoformat(by_type["good_conduct"]["dates"]["issue"])
    assert (REF - issue).days > 183

    folder = make_dossier(dossier_root / "nomed", "municipality/employee", REF, seed=3, fault="missing_medical")
    assert "medical" not in {d["type"] for d in truth_of(folder)["documents"]}

    folder = make_dossier(dossier_root / "renamed", "municipality/employee", REF, seed=3, fault="name_mismatch")
    truth = truth_of(folder)
    surnames = {d["person"]["surname"] for d in truth["documents"]}
    assert len(surnames) == 2 and truth["fault_files"]
