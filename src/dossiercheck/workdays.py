"""Belgian working days and calendar-month arithmetic for deadlines.

Why a module of its own: every deadline in a residence procedure is counted either in working
days (register within 8 working days of arrival) or in calendar months (passport valid 12 months,
certificate at most 6 months old, EU registration within 3 months), and both have edge cases that
must be decided once and written down.

Working day (default): Monday to Friday, minus Belgian public holidays. This follows the Civil
Code Book 1 Art. 1.7 §3 (since 2023: Saturdays, Sundays and legal holidays are not working days).
Labour law still counts Saturday as a working day, so `saturdays=True` makes Saturday a working
day (see the research note, section 9).

Public holidays come from the `holidays` package: `country_holidays('BE', categories=('public',))`,
that is the 10 legal holidays (1 Jan, Easter Monday, 1 May, Ascension, Whit Monday, 21 Jul,
15 Aug, 1 Nov, 11 Nov, 25 Dec). The package also lists Easter Sunday and Whit Sunday; they are
Sundays, so they change nothing. Community days (8 May, 11 Jul, 27 Sep, 15 Nov) are not legal
holidays; pass them in `extra_holidays` when a profile needs them.

Counting: the start day is day 0 and is never counted. `add_working_days(start, n)` is the n-th
working day after `start`; a deadline "within 8 working days of arrival" is
`add_working_days(arrival, 8)`, inclusive (registering on that day is in time).

Calendar months: `add_months(d, n)` keeps the day of the month and, when the target month is
shorter, takes its last day. So 12 months after 31 August 2026 is 31 August 2027, 6 months
before 31 August 2026 is 28 February 2026 (29 in a leap year), and 1 month after 31 January is
the last day of February. There is no "last day stays last day" rule: 1 month after
28 February 2026 is 28 March 2026. Boundaries built on it are inclusive: a passport expiring
exactly on `add_months(ref, 12)` reaches the 12-month date, a certificate issued exactly on
`add_months(ref, -6)` is 6 months old and still accepted.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from functools import lru_cache

ONE_DAY = dt.timedelta(days=1)


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> frozenset[dt.date]:
    import holidays  # its country data loads in ~0.1 s: only when a working-day deadline is counted

    found = holidays.country_holidays("BE", years=year, categories=("public",))
    return frozenset(found.keys())


def public_holidays(year: int) -> dict[dt.date, str]:
    """Belgian public holidays of `year` with their (English) names."""
    import holidays  # its country data loads in ~0.1 s: only when a working-day deadline is counted

    found = holidays.country_holidays("BE", years=year, categories=("public",))
    return dict(sorted(found.items()))


def is_working_day(day: dt.date, *, saturdays: bool = False, extra_holidays: Iterable[dt.date] = ()) -> bool:
    """True when `day` is a working day under the definition in the module docstring."""
    weekday = day.weekday()
    if weekday == 6 or (weekday == 5 and not saturdays):
        return False
    if day in _public_holidays(day.year):
        return False
    return day not in set(extra_holidays)


def add_working_days(
    start: dt.date, n: int, *, saturdays: bool = False, extra_holidays: Iterable[dt.date] = ()
) -> dt.date:
    """The n-th working day after `start` (start itself not counted; n=0 gives `start`).

    Negative n counts backwards: the n-th working day before `start`.
    """
    extra = frozenset(extra_holidays)
    step = ONE_DAY if n >= 0 else -ONE_DAY
    day = start
    left = abs(n)
    while left:
        day += step
        if is_working_day(day, saturdays=saturdays, extra_holidays=extra):
            left -= 1
    return day


def working_days_between(
    a: dt.date, b: dt.date, *, saturdays: bool = False, extra_holidays: Iterable[dt.date] = ()
) -> int:
    """Working days d with a < d <= b (negative when b is before a).

    It is the inverse of `add_working_days` on working days:
    `working_days_between(a, add_working_days(a, n)) == n`.
    """
    if b < a:
        return -working_days_between(b, a, saturdays=saturdays, extra_holidays=extra_holidays)
    extra = frozenset(extra_holidays)
    count = 0
    day = a
    while day < b:
        day += ONE_DAY
        if is_working_day(day, saturdays=saturdays, extra_holidays=extra):
            count += 1
    return count


def add_months(day: dt.date, n: int) -> dt.date:
    """`day` moved by n calendar months, clamped to the last day of a shorter month."""
    index = day.year * 12 + (day.month - 1) + n
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def add_years(day: dt.date, n: int) -> dt.date:
    """`day` moved by n years (29 February becomes 28 February in a common year)."""
    return add_months(day, 12 * n)


def age_on(birth: dt.date, day: dt.date) -> int:
    """Age in whole years on `day` (a 29 February birthday counts from 28 February)."""
    years = day.year - birth.year
    if add_years(birth, years) > day:
        years -= 1
    return years
