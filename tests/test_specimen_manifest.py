"""The specimen manifest (bench/specimens/manifest.yaml): its shape, and that every expected MRZ says right
what its printed check digits do.

No images are needed: the expectations are checked against the printed lines the manifest itself holds,
with a 7-3-1 check-digit computation written out here on its own, so that neither the bench's helper
(bench/specimens/icao.py) nor dossiercheck's reader is trusted to check itself.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

MANIFEST = Path(__file__).resolve().parent.parent / "bench" / "specimens" / "manifest.yaml"
KINDS = {"passport", "id_card", "residence_card", "visa", "not_identity"}
FORMATS = {"TD1", "TD2", "TD3", "MRVA", "MRVB", "FRA_ID"}
MRZ_CHARS = re.compile(r"^[A-Z0-9<]+$")


def _value(c: str) -> int:
    return 0 if c == "<" else int(c) if c.isdigit() else ord(c) - 55


def _digit(field: str) -> str:
    return str(sum(_value(c) * (7, 3, 1)[i % 3] for i, c in enumerate(field)) % 10)


def _holds(field: str, digit: str) -> bool:
    if not MRZ_CHARS.match(field):
        return False
    return _digit(field) == digit or (digit == "<" and set(field) == {"<"})


def _checks(fmt: str, lines: list[str]) -> dict[str, bool]:
    a, b = lines[0], lines[1]
    if fmt == "TD1":
        number, digit = a[5:14], a[14]
        if digit == "<" and a[15:30].strip("<"):
            extra = a[15:30].split("<", 1)[0]
            number, digit = number + extra[:-1], extra[-1]
        return {"number": _holds(number, digit), "birth": _holds(b[0:6], b[6]), "expiry": _holds(b[8:14], b[14]),
                "composite": _holds(a[5:30] + b[0:7] + b[8:15] + b[18:29], b[29])}
    if fmt == "FRA_ID":
        return {"number": _holds(b[0:12], b[12]), "birth": _holds(b[27:33], b[33]),
                "composite": _holds(a + b[0:35], b[35])}
    checks = {"number": _holds(b[0:9], b[9]), "birth": _holds(b[13:19], b[19]), "expiry": _holds(b[21:27], b[27])}
    if fmt == "TD3":
        checks["personal"] = _holds(b[28:42], b[42])
        checks["composite"] = _holds(b[0:10] + b[13:20] + b[21:43], b[43])
    elif fmt == "TD2":
        checks["composite"] = _holds(b[0:10] + b[13:20] + b[21:35], b[35])
    return checks


@pytest.fixture(scope="module")
def manifest() -> dict:
    return yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))


def test_items_have_their_fields(manifest: dict) -> None:
    repos = manifest["repositories"]
    ids = [item["id"] for item in manifest["items"]]
    assert len(ids) == len(set(ids)) and len(ids) >= 90
    excluded = {e["id"] for e in manifest["excluded"]}
    for item in manifest["items"]:
        assert item["id"] not in excluded
        assert item["repo"] in repos and item["commit"] == repos[item["repo"]]["commit"]
        assert re.fullmatch(r"[0-9a-f]{40}", item["commit"]) and re.fullmatch(r"[0-9a-f]{64}", item["sha256"])
        assert item["id"] == f"{item['repo']}:{item['path']}" + (f"#page={item['page']}" if "page" in item else "")
        assert item["split"] in ("tuning", "holdout")
        assert item["kind"] in KINDS and set(item.get("also_accept_kind", [])) <= KINDS | {"work_permit"}
        assert item["identity_document"] == (item["kind"] != "not_identity")
        assert item["conditions"] and all(isinstance(c, str) and c for c in item["conditions"])
        assert item["expected"]["origin"].strip()
        if item["kind"] == "not_identity":
            assert item["expected"]["mrz"] is None


def test_split_is_about_a_third_and_stratified(manifest: dict) -> None:
    items = manifest["items"]
    holdout = sum(item["split"] == "holdout" for item in items)
    assert 0.28 <= holdout / len(items) <= 0.38
    for repo in manifest["repositories"]:
        mine = [item for item in items if item["repo"] == repo]
        if len(mine) >= 3:
            assert any(item["split"] == "holdout" for item in mine), repo
            assert any(item["split"] == "tuning" for item in mine), repo
    # Printed-valid MRZs, the target set, are in both parts.
    valid = Counter(item["split"] for item in items if (item["expected"]["mrz"] or {}).get("printed_valid"))
    assert valid["tuning"] >= 40 and valid["holdout"] >= 20


def test_expected_mrz_fields_follow_from_the_printed_lines(manifest: dict) -> None:
    for item in manifest["items"]:
        mrz = item["expected"]["mrz"]
        if mrz is None:
            continue
        lines, fmt = mrz["lines"], mrz["format"]
        assert fmt in FORMATS, item["id"]
        width = {"TD1": 30, "TD2": 36, "MRVB": 36, "FRA_ID": 36, "TD3": 44, "MRVA": 44}[fmt]
        assert len(lines) == (3 if fmt == "TD1" else 2) and all(len(line) == width for line in lines), item["id"]
        assert all(re.fullmatch(r"[A-Z0-9<Ñ]+", line) for line in lines), item["id"]
        assert (lines[0][0] == "V") == (fmt in ("MRVA", "MRVB")), item["id"]
        assert mrz["document_code"] == lines[0][0:2].rstrip("<"), item["id"]
        assert mrz["issuing_state"] == lines[0][2:5].rstrip("<"), item["id"]
        b = lines[1]
        birth_raw = {"TD1": b[0:6], "FRA_ID": b[27:33]}.get(fmt, b[13:19])
        expiry_raw = {"TD1": b[8:14], "FRA_ID": None}.get(fmt, b[21:27])
        assert mrz["birth_raw"] == birth_raw and mrz["expiry_raw"] == expiry_raw, item["id"]
        number = mrz["document_number"]
        assert number and "<" not in number and number[:5] in (lines[0] + lines[1]), item["id"]


def test_check_digits_and_validity_are_computed_right(manifest: dict) -> None:
    for item in manifest["items"]:
        mrz = item["expected"]["mrz"]
        if mrz is None:
            continue
        computed = _checks(mrz["format"], mrz["lines"])
        assert mrz["checks"] == computed, item["id"]
        assert mrz["printed_valid"] == all(computed.values()), item["id"]


def test_printed_invalid_specimens_are_there(manifest: dict) -> None:
    """Some specimens print invalid check digits on purpose: the bench needs them to count false 'valid's."""
    mrzs = [item["expected"]["mrz"] for item in manifest["items"] if item["expected"]["mrz"]]
    invalid = [mrz for mrz in mrzs if not mrz["printed_valid"]]
    assert len(invalid) >= 5


def _date(raw: str, century: int) -> dt.date | None:
    try:
        return dt.date(century + int(raw[:2]), int(raw[2:4]), int(raw[4:6]))
    except ValueError:
        return None


def test_expected_dates_are_the_printed_ones(manifest: dict) -> None:
    reference = dt.date.fromisoformat(manifest["reference_date"])
    for item in manifest["items"]:
        mrz = item["expected"]["mrz"]
        if mrz is None:
            continue
        raw = mrz["birth_raw"]
        if mrz["birth"] is None:
            # Not a calendar day in any century (29 February of a year that is not a leap year, ...).
            assert mrz.get("birth_is_calendar_day") is False, item["id"]
            assert _date(raw, 1900) is None and _date(raw, 2000) is None, item["id"]
        else:
            for accepted in [mrz["birth"], *mrz.get("birth_also_accept", [])]:
                day = dt.date.fromisoformat(accepted)
                assert day.strftime("%y%m%d") == raw and day <= reference, item["id"]
        if mrz["expiry"] is None:
            assert mrz["expiry_raw"] is None or _date(mrz["expiry_raw"], 2000) is None, item["id"]
        else:
            assert dt.date.fromisoformat(mrz["expiry"]).strftime("%y%m%d") == mrz["expiry_raw"], item["id"]


def test_the_not_a_calendar_day_specimen_is_there(manifest: dict) -> None:
    """The Czech specimen printed born 29.02.1911 (1911 is no leap year), in all eight EXIF orientations."""
    odd = [item for item in manifest["items"] if (item["expected"]["mrz"] or {}).get("birth_is_calendar_day") is False]
    assert len(odd) == 8
    assert all(item["expected"]["mrz"]["birth_raw"] == "110229" for item in odd)
    assert not calendar.isleap(1911) and not calendar.isleap(2011)


def test_negatives_include_a_document_about_mrzs(manifest: dict) -> None:
    negatives = [item for item in manifest["items"] if item["kind"] == "not_identity"]
    assert len(negatives) >= 8
    assert any(item["path"].endswith("9303_p3_cons_en.pdf") for item in negatives)

