"""A document's machine-readable zone: the best reading of its pages, its dates, and what disagrees with it.

Each page's MRZ is read once (`read_page_mrz`): the zone the OCR stage cut out and read on its own
first (`Page.mrz_lines`), else the page's text; when both failed their check digits, the two readings
are merged field by field. Reading the characters of a zone is ICAO 9303 knowledge, in `dossiercheck.icao`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from dossiercheck.icao.merge import merge_readings
from dossiercheck.icao.zone import find_mrz, parse_mrz
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
