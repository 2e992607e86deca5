from __future__ import annotations

import datetime as dt

from dossiercheck.workdays import add_months
from tests.rules._factory import REF, doc, mrz, passport, run


def status(expiry: dt.date, reference: dt.date = REF, profile: str = "visa-d/employee") -> str:
    results, _ = run(profile, "passport.validity", [passport(expiry=expiry)], reference_date=reference)
    assert len(results) == 1
    return results[0].status


def test_twelve_months_boundaries() -> None:
    twelve = add_months(REF, 12)  # 2027-11-23
    assert status(twelve - dt.timedelta(days=1)) == "fail"
    assert status(twelve) == "warn"  # dofi: "more than 12 months"; seeds: "at least"
    assert status(twelve + dt.timedelta(days=1)) == "pass"


def test_twelve_months_after_31_august() -> None:
    ref = dt.date(2026, 8, 31)
    assert status(dt.date(2027, 8, 30), ref) == "fail"
    assert status(dt.date(2027, 8, 31), ref) == "warn"
    assert status(dt.date(2027, 9, 1), ref) == "pass"


def test_expired_passport_says_so() -> None:
    results, _ = run("visa-d/employee", "passport.validity", [passport(expiry=dt.date(2026, 1, 1))])
    assert results[0].status == "fail"
    assert "expired on 2026-01-01" in results[0].message


def test_expiry_from_valid_mrz_wins_over_printed_date() -> None:
    document = doc("passport", expiry=dt.date(2027, 1, 1), mrz=mrz(expiry=dt.date(2030, 1, 1)))
    results, _ = run("visa-d/employee", "passport.validity", [document])
    assert results[0].status == "pass"
    broken = doc("passport", expiry=dt.date(2027, 1, 1), mrz=mrz(expiry=dt.date(2030, 1, 1), valid=False))
    results, _ = run("visa-d/employee", "passport.validity", [broken])
    assert results[0].status == "fail"  # the MRZ does not check out: the printed date is used


def test_an_unreadable_expiry_blocks_until_it_is_given() -> None:
    results, _ = run("visa-d/employee", "passport.validity", [doc("passport", "passport.jpg")])
    assert results[0].status == "fail" and "passport.jpg" in results[0].message
    assert "passport.jpg:expiry=" in results[0].action


def test_municipality_warns_under_twelve_months_but_accepts_a_valid_passport() -> None:
    assert status(add_months(REF, 6), profile="municipality/student") == "warn"
    assert status(REF, profile="municipality/student") == "warn"  # valid on the day itself
    assert status(REF - dt.timedelta(days=1), profile="municipality/student") == "fail"
    assert status(add_months(REF, 13), profile="municipality/student") == "pass"


def test_deadline_when_passport_falls_under_twelve_months() -> None:
    _, deadlines = run("visa-d/employee", "passport.validity", [passport(expiry=dt.date(2028, 3, 31))])
    assert [d.date for d in deadlines] == [dt.date(2027, 3, 31)]
    assert "12 months" in deadlines[0].what


def test_missing_passport() -> None:
    results, _ = run("visa-d/employee", "passport.validity", [])
    assert results[0].status == "missing"
    assert results[0].severity == "fail"
