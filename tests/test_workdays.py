from __future__ import annotations

import datetime as dt

import pytest

from dossiercheck.workdays import (
    add_months,
    add_working_days,
    age_on,
    is_working_day,
    public_holidays,
    working_days_between,
)

D = dt.date


def test_public_holidays_2026_include_the_legal_ones() -> None:
    days = public_holidays(2026)
    for day in (D(2026, 4, 6), D(2026, 5, 14), D(2026, 5, 25), D(2026, 7, 21), D(2026, 11, 11)):
        assert day in days
    assert D(2026, 5, 8) not in days  # Brussels community day is not a legal holiday
    assert D(2026, 7, 11) not in days


def test_weekends_and_holidays_are_not_working_days() -> None:
    assert not is_working_day(D(2026, 5, 14))  # Ascension, a Thursday
    assert not is_working_day(D(2026, 5, 16))  # Saturday
    assert is_working_day(D(2026, 5, 16), saturdays=True)
    assert not is_working_day(D(2026, 5, 17), saturdays=True)  # Sunday never


def test_eight_working_days_over_ascension() -> None:
    # Fri 8 May: 11, 12, 13, (14 Ascension), 15, 18, 19, 20, 21
    assert add_working_days(D(2026, 5, 8), 8) == D(2026, 5, 21)
    assert add_working_days(D(2026, 5, 8), 8, saturdays=True) == D(2026, 5, 19)  # 9 and 16 May count


def test_eight_working_days_over_whit_monday() -> None:
    # Wed 13 May: (14 Ascension) 15, 18, 19, 20, 21, 22, (25 Whit Monday) 26, 27
    assert add_working_days(D(2026, 5, 13), 8) == D(2026, 5, 27)


def test_eight_working_days_over_national_day() -> None:
    # Wed 15 July: 16, 17, 20, (21 national day) 22, 23, 24, 27, 28
    assert add_working_days(D(2026, 7, 15), 8) == D(2026, 7, 28)
    assert working_days_between(D(2026, 7, 15), D(2026, 7, 28)) == 8
    assert working_days_between(D(2026, 7, 28), D(2026, 7, 15)) == -8


def test_extra_holidays_are_skipped() -> None:
    assert add_working_days(D(2026, 5, 7), 1, extra_holidays=[D(2026, 5, 8)]) == D(2026, 5, 11)


def test_zero_and_negative_working_days() -> None:
    assert add_working_days(D(2026, 5, 8), 0) == D(2026, 5, 8)
    assert add_working_days(D(2026, 5, 15), -1) == D(2026, 5, 13)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2026, 8, 31), 12, D(2027, 8, 31)),
        (D(2026, 8, 31), -6, D(2026, 2, 28)),
        (D(2028, 8, 31), -6, D(2028, 2, 29)),
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2028, 1, 31), 1, D(2028, 2, 29)),
        (D(2026, 2, 28), 1, D(2026, 3, 28)),
        (D(2026, 11, 23), -6, D(2026, 5, 23)),
        (D(2026, 12, 15), 1, D(2027, 1, 15)),
    ],
)
def test_add_months_end_of_month_rule(start: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(start, months) == expected


def test_age_on_birthday() -> None:
    assert age_on(D(2008, 11, 23), D(2026, 11, 23)) == 18
    assert age_on(D(2008, 11, 24), D(2026, 11, 23)) == 17
