"""Working-day registration deadline, EU 3 months, card renewal window."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.rules._factory import REF, doc, mrz, run

D = dt.date


def arrival_status(arrival: dt.date, appointment: dt.date) -> tuple[str, list[dt.date]]:
    results, deadlines = run(
        "municipality/registration", "arrival.deadline", [], arrival_date=arrival, reference_date=appointment
    )
    return results[0].status, [d.date for d in deadlines]


@pytest.mark.parametrize(
    ("appointment", "expected"),
    [
        (D(2026, 5, 19), "pass"),  # 8th day when Saturdays count too
        (D(2026, 5, 20), "warn"),  # in time Mon-Fri, late if Saturdays count
        (D(2026, 5, 21), "warn"),  # deadline day (Ascension on 14 May skipped)
        (D(2026, 5, 22), "fail"),
    ],
)
def test_arrival_8_may_over_ascension(appointment: dt.date, expected: str) -> None:
    status, deadlines = arrival_status(D(2026, 5, 8), appointment)
    assert status == expected
    assert deadlines == [D(2026, 5, 21)]


def test_arrival_13_may_over_ascension_and_whit_monday() -> None:
    assert arrival_status(D(2026, 5, 13), D(2026, 5, 27)) == ("warn", [D(2026, 5, 27)])
    assert arrival_status(D(2026, 5, 13), D(2026, 5, 28))[0] == "fail"


def test_arrival_15_july_over_national_day() -> None:
    assert arrival_status(D(2026, 7, 15), D(2026, 7, 24))[0] == "pass"
    assert arrival_status(D(2026, 7, 15), D(2026, 7, 28)) == ("warn", [D(2026, 7, 28)])
    assert arrival_status(D(2026, 7, 15), D(2026, 7, 29))[0] == "fail"


def test_no_arrival_date_is_manual_and_says_what_to_write() -> None:
    results, deadlines = run("municipality/registration", "arrival.deadline", [])
    assert results[0].status == "manual"
    assert "arrival_date" in results[0].action
    assert deadlines == []


def test_late_message_in_dutch() -> None:
    results, _ = run(
        "municipality/registration",
        "arrival.deadline",
        [],
        "nl",
        arrival_date=D(2026, 7, 15),
        reference_date=D(2026, 8, 3),
    )
    assert (
        results[0].message
        == "Je kwam aan op 15/07/2026; de uiterste datum om je bij de gemeente te melden was 28/07/2026."
    )


@pytest.mark.parametrize(
    ("arrival", "expected"),
    [(D(2026, 8, 23), "pass"), (D(2026, 8, 22), "warn")],  # 3 months to the day, then a day late
)
def test_eu_three_months(arrival: dt.date, expected: str) -> None:
    results, deadlines = run("eu/employee", "registration.deadline", [], arrival_date=arrival)
    assert results[0].status == expected  # severity warn: late is a warning (possible fine)
    assert deadlines[0].date in (REF, D(2026, 11, 22))


@pytest.mark.parametrize(
    ("days_before", "expected"),
    [(46, "warn"), (45, "pass"), (30, "pass"), (29, "warn"), (0, "warn"), (-1, "fail")],
)
def test_renewal_window_boundaries(days_before: int, expected: str) -> None:
    expiry = REF + dt.timedelta(days=days_before)
    results, deadlines = run("renewal/card-a", "renewal.window", [], card_expiry=expiry)
    assert results[0].status == expected


def test_renewal_deadlines_and_expiry_from_the_card() -> None:
    card = doc("residence_card", language=None, mrz=mrz(code="AR", expiry=D(2027, 2, 1)))
    results, deadlines = run("renewal/card-a", "renewal.window", [card])
    assert results[0].status == "warn"  # window opens 2026-12-18
    assert results[0].action == "Come back from 2026-12-18."
    assert [d.date for d in deadlines] == [D(2026, 12, 18), D(2027, 1, 2), D(2027, 2, 1)]


def test_renewal_without_expiry_is_manual() -> None:
    results, _ = run("renewal/card-a", "renewal.window", [])
    assert results[0].status == "manual"
