"""A document's machine-readable zone: the best reading of its pages, its dates, and what disagrees with it.

Each page's MRZ is read once (`read_page_mrz`): the zone the OCR stage cut out and read on its own
first (`Page.mrz_lines`), else the page's text; when both failed their check digits, the two readings
are merged field by field. Reading the characters of a zone is ICAO 9303 knowledge, in `dossiercheck.icao`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from dossiercheck.icao.merge import merge_readings
from dossiercheck.icao.zone import find_mrz, parse_mrz, printed_dates
from dossiercheck.models import DateField, Mrz, Page, PageEvidence

INVALID_MRZ = "The machine-readable zone could not be read with valid check digits."


def read_page_mrz(page: Page, reference_date: dt.date) -> Mrz | None:
    """The page's MRZ: the band read on its own, else the page text; two failed readings merged."""
    mrz = parse_mrz(page.mrz_lines, reference_date) if page.mrz_lines else None
    if mrz is not None and mrz.valid:
        return mrz
    from_text = find_mrz(page.text, reference_date) if page.text else None
    if from_text is not None and (mrz is None or from_text.valid):
        return from_text
    if from_text is not None and mrz is not None:
        # Two failed readings of one zone (band and page) may each hold what the other lost.
        # Else the reading with more checks holding stands.
        readings = sorted((mrz, from_text), key=lambda m: -sum(c.ok for c in m.checks))
        return merge_readings(readings, lambda lines: parse_mrz(lines, reference_date)) or readings[0]
    return mrz


def best_mrz(evidence: Sequence[PageEvidence]) -> tuple[Mrz | None, int]:
    """The document's MRZ and the page it is on: the valid one, else the one with most checks holding."""
    found = [(e.mrz, e.index) for e in evidence if e.mrz is not None]
    if not found:
        return None, 0
    mrz, page = max(found, key=lambda item: (item[0].valid, sum(c.ok for c in item[0].checks)))
    return mrz, page


def mrz_dates(mrz: Mrz, page: int) -> list[DateField]:
    """The MRZ's dates; from a zone that failed some checks, only those whose own check digit holds."""
    line = mrz.lines[1] if len(mrz.lines) > 1 else ""
    holds = {c.name: c.ok for c in mrz.checks}
    return [
        DateField(value=value, raw=line, page=page, field=name, label="MRZ", source="mrz")
        for name, value in (("birth", mrz.birth), ("expiry", mrz.expiry))
        if value is not None and (mrz.valid or holds.get(name, False))
    ]


_LABELS = {"birth": "date of birth", "expiry": "expiry date"}


def not_calendar_days(mrz: Mrz) -> list[tuple[str, str]]:
    """(field, YYMMDD as printed) of the MRZ's dates whose check digit holds but that name no calendar
    day (29 February of a year that is no leap year, month 13). Such a date was printed so (some states
    print unknown or invented birth dates that way): it is reported, and nothing takes its place."""
    holds = {c.name: c.ok for c in mrz.checks}
    candidates = [name for name, value in (("birth", mrz.birth), ("expiry", mrz.expiry))
                  if value is None and holds.get(name, False)]
    if not candidates:
        return []
    raw = printed_dates(mrz.lines)
    return [(name, raw[name]) for name in candidates
            if raw.get(name, "").isdigit() and not _calendar_day(raw[name])]


def _calendar_day(raw: str) -> bool:
    """Whether YYMMDD is a day in either century it may stand for."""
    yy, mm, dd = int(raw[:2]), int(raw[2:4]), int(raw[4:6])
    for year in (1900 + yy, 2000 + yy):
        try:
            dt.date(year, mm, dd)
        except ValueError:
            continue
        return True
    return False


def without_impossible_dates(mrz: Mrz, dates: Sequence[DateField]) -> tuple[list[DateField], list[str]]:
    """The page's dates, less those standing for an MRZ date that names no calendar day, and a problem
    for each such date. The visual zone shows the same impossible day (or OCR finds another date near its
    label, such as the issue date): no other date may be reported as the holder's."""
    problems, dropped = [], set()
    for name, raw in not_calendar_days(mrz):
        dropped.add(name)
        line = next((x for x in mrz.lines if raw in x), "")
        problems.append(f"The {_LABELS[name]} in the machine-readable zone ({raw}, in {line}) is not a "
                        f"calendar day: no {_LABELS[name]} is taken from this document.")
    return [d for d in dates if d.field not in dropped], problems


def cross_check(mrz: Mrz, dates: Sequence[DateField]) -> list[str]:
    """Problems where the dates printed on the page disagree with the machine-readable zone."""
    problems = []
    for name, label, value in (("birth", "date of birth", mrz.birth), ("expiry", "expiry date", mrz.expiry)):
        printed = [d for d in dates if d.field == name and d.source == "text"]
        if value is None or not printed or any(d.value == value for d in printed):
            continue
        problems.append(
            f"The {label} printed on the page ({printed[0].value:%d/%m/%Y}) differs from the one "
            f"in the machine-readable zone ({value:%d/%m/%Y})."
        )
    return problems
