from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from dossiercheck.models import DateField
from dossiercheck.rules.max_age import last_accepted_day
from tests.rules._factory import REF, doc, passport, run


@pytest.mark.parametrize("kind, rid", [("good_conduct", "good_conduct.age"), ("medical", "medical.age")])
def test_six_months_to_the_day_passes_one_day_more_fails(kind: str, rid: str) -> None:
    exactly = dt.date(2026, 5, 23)  # REF 2026-11-23 minus 6 months
    ok, deadlines = run("visa-d/employee", rid, [doc(kind, issue=exactly)])
    assert ok[0].status == "pass"
    assert deadlines[0].date == REF  # last day it is still accepted
    old, _ = run("visa-d/employee", rid, [doc(kind, issue=exactly - dt.timedelta(days=1))])
    assert old[0].status == "fail"
    assert "2026-05-22" in old[0].message


def test_end_of_month_clamping() -> None:
    ref = dt.date(2026, 8, 31)
    ok, _ = run("visa-d/employee", "medical.age", [doc("medical", issue=dt.date(2026, 2, 28))], reference_date=ref)
    assert ok[0].status == "pass"
    old, _ = run("visa-d/employee", "medical.age", [doc("medical", issue=dt.date(2026, 2, 27))], reference_date=ref)
    assert old[0].status == "fail"
    assert last_accepted_day(dt.date(2026, 2, 28), 6) == dt.date(2026, 8, 31)


def test_most_recent_certificate_counts() -> None:
    documents = [doc("medical", issue=dt.date(2025, 1, 1)), doc("medical", issue=dt.date(2026, 10, 1))]
    results, _ = run("visa-d/employee", "medical.age", documents)
    assert results[0].status == "pass"


def test_an_unreadable_issue_date_blocks_and_says_how_to_give_it() -> None:
    results, _ = run("visa-d/employee", "medical.age", [doc("medical", "medical.pdf")])
    assert results[0].status == "fail"  # not READY until the date is read or given
    assert "medical.pdf" in results[0].message
    assert "--given-date 'medical.pdf:issue=YYYY-MM-DD'" in results[0].action
    assert '`dates: {"medical.pdf": {issue: YYYY-MM-DD}}`' in results[0].action


def test_a_given_issue_date_is_checked_and_marked_as_given() -> None:
    given = DateField(value=REF - dt.timedelta(days=30), raw="given by you", page=0, field="issue", source="given")
    document = dataclasses.replace(doc("medical", "medical.pdf"), dates=(given,))
    results, _ = run("visa-d/employee", "medical.age", [document])
    assert results[0].status == "pass" and "given by you, not read" in results[0].message
    old = dataclasses.replace(given, value=REF - dt.timedelta(days=400))
    results, _ = run("visa-d/employee", "medical.age", [dataclasses.replace(document, dates=(old,))])
    assert results[0].status == "fail" and "given by you" in results[0].message


def test_good_conduct_not_required_at_17() -> None:
    birth = dt.date(2009, 11, 24)  # 17 on REF, 18 the next day
    results, _ = run("visa-d/student", "good_conduct.age", [passport(birth=birth)])
    assert results[0].status == "pass"
    assert "under 18" in results[0].message
    period, _ = run("visa-d/student", "good_conduct.period", [passport(birth=birth)])
    assert period[0].status == "pass"


def test_good_conduct_required_at_18() -> None:
    birth = dt.date(2008, 11, 23)  # 18 on REF
    results, _ = run("visa-d/student", "good_conduct.age", [passport(birth=birth)])
    assert results[0].status == "missing"


def test_age_from_dossier_file_when_no_passport_birth() -> None:
    results, _ = run("visa-d/student", "good_conduct.age", [], birth_date=dt.date(2010, 1, 1))
    assert results[0].status == "pass"
    results, _ = run(
        "visa-d/student", "good_conduct.age", [passport(birth=dt.date(1990, 1, 1))], birth_date=dt.date(2010, 1, 1)
    )
    assert results[0].status == "missing"  # the passport MRZ wins over dossier.yaml


def test_a_result_names_the_date_it_rests_on() -> None:
    """The report boxes that date on the page's picture and the JSON names it (date_field)."""
    aged, _ = run("visa-d/employee", "medical.age", [doc("medical", issue=dt.date(2026, 10, 1))])
    unread, _ = run("visa-d/employee", "medical.age", [doc("medical", "medical.pdf")])
    valid, _ = run("visa-d/employee", "passport.validity", [passport(expiry=dt.date(2030, 1, 1))])
    missing, _ = run("visa-d/employee", "passport.validity", [])
    assert (aged[0].date_field, unread[0].date_field, valid[0].date_field) == ("issue", "issue", "expiry")
    assert missing[0].date_field == ""


def _two_readings(read: dt.date, other: dt.date) -> DateField:
    return DateField(value=read, raw=f"{read:%d/%m/%Y}", page=0, field="issue", other=other)


def test_a_date_with_two_readings_that_decide_differently_blocks() -> None:
    # REF 2026-11-23: 03/07/2026 read as 3 July passes; as 7 March it is over 6 months old.
    date = _two_readings(dt.date(2026, 7, 3), dt.date(2026, 3, 7))
    document = dataclasses.replace(doc("medical", "medical.pdf"), dates=(date,))
    results, deadlines = run("visa-d/employee", "medical.age", [document])
    assert results[0].status == "fail" and not deadlines
    assert "03/07/2026" in results[0].message and "2026-03-07" in results[0].message
    assert "--given-date 'medical.pdf:issue=YYYY-MM-DD'" in results[0].action


def test_a_date_with_two_readings_that_agree_is_checked() -> None:
    # 10/08/2026: 10 August or 8 October, both within 6 months of 2026-11-23: the same answer either way.
    date = _two_readings(dt.date(2026, 8, 10), dt.date(2026, 10, 8))
    document = dataclasses.replace(doc("medical", "medical.pdf"), dates=(date,))
    results, _ = run("visa-d/employee", "medical.age", [document])
    assert results[0].status == "pass"
