from __future__ import annotations

import datetime as dt

from dossiercheck.knowledge.dossier_file import Absence
from tests.rules._factory import REF, run

D = dt.date
START = D(2020, 1, 1)


def statuses(absences: list[Absence], start: dt.date = START, profile: str = "long-term-resident") -> list[str]:
    results, _ = run(profile, "residence.period", [], residence_start=start, absences=tuple(absences))
    return [r.status for r in results]


def test_five_years_to_the_day() -> None:
    assert statuses([], start=D(2021, 11, 23)) == ["pass"]
    results, deadlines = run("long-term-resident", "residence.period", [], residence_start=D(2021, 11, 24))
    assert [r.status for r in results] == ["fail"]
    assert deadlines[0].date == D(2026, 11, 24)


def test_absence_of_six_consecutive_months_breaks_it() -> None:
    assert statuses([Absence(D(2023, 1, 1), D(2023, 6, 29))]) == ["pass"]  # back on 30 June: under 6 months
    assert statuses([Absence(D(2023, 1, 1), D(2023, 6, 30))]) == ["fail"]  # back on 1 July: 6 months


def test_ten_months_in_total() -> None:
    # 304 days in total pass (10 average months), 305 fail; each absence is short
    within = [Absence(D(2022, 1, 1), D(2022, 5, 31)), Absence(D(2023, 1, 1), D(2023, 6, 1))]  # 151 + 152
    assert sum((a.end - a.start).days + 1 for a in within) == 303
    assert statuses(within) == ["pass"]
    exactly = [Absence(D(2022, 1, 1), D(2022, 5, 31)), Absence(D(2023, 1, 1), D(2023, 6, 2))]
    assert statuses(exactly) == ["pass"]  # 304 days
    over = [Absence(D(2022, 1, 1), D(2022, 5, 31)), Absence(D(2023, 1, 1), D(2023, 6, 3))]
    results, _ = run("long-term-resident", "residence.period", [], residence_start=START, absences=tuple(over))
    assert [r.status for r in results] == ["fail"]
    assert "305 days" in results[0].message


def test_absences_before_the_five_years_do_not_count() -> None:
    old = [Absence(D(2015, 1, 1), D(2015, 12, 31)), Absence(D(2021, 11, 1), D(2021, 11, 30))]
    results, _ = run("long-term-resident", "residence.period", [], residence_start=D(2010, 1, 1), absences=tuple(old))
    assert [r.status for r in results] == ["pass"]


def test_no_start_is_manual() -> None:
    results, _ = run("long-term-resident", "residence.period", [])
    assert results[0].status == "manual"
    assert "residence_start" in results[0].action


def test_eu_permanent_counts_only_the_years() -> None:
    assert statuses([Absence(D(2023, 1, 1), D(2023, 12, 1))], profile="eu/permanent") == ["pass"]
    assert REF.year - START.year >= 5
