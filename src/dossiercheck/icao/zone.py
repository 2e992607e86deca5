"""Machine-readable zones (ICAO 9303): read them from OCR lines or page text, and compare with the page.

The MRZ is the most reliable text on an identity document: fixed layout, one font, check digits.
So it is read field by field with its check digits repairing OCR slips, its dates are given a
century against the reference date, and a reading that is impossible (a birth after expiry, a
month 14) is flagged rather than trusted, because a wrong digit passes a check digit one time in ten.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Sequence

from dossiercheck.models import Mrz, MrzCheck

from .align import distrust_moved_number, line_options, number_as_read, shortlist
from .compose import compose_french_id, compose_td1, compose_td2, compose_td3
from .fix import (
    FILLER,
    check_digit,
    clean_line,
)
from .parse import (
    LAYOUTS,
    SANE_FIELDS,
    SEXES,
    STATES,
    Layout,
    Reading,
    plausible_names,
    read_aligned,
)

__all__ = [
    "check_digit",
    "compose_french_id",
    "compose_td1",
    "compose_td2",
    "compose_td3",
    "find_mrz",
    "parse_mrz",
    "score_lines",
]


def parse_mrz(lines: Sequence[str], reference_date: dt.date) -> Mrz | None:
    """The MRZ in `lines` (2 or 3 OCR lines, extra lines around allowed), or None if none fits.

    An Mrz is returned even when some checks fail, so that the caller can say the zone was unreadable;
    `Mrz.valid` tells whether every check digit and plausibility test passed.
    """
    best = _best_reading(lines)
    if best is None:
        return None
    reading, corrected = best
    return _to_mrz(reading, reference_date, corrected)


def printed_dates(lines: Sequence[str]) -> dict[str, str]:
    """The birth and expiry fields as printed (YYMMDD, unparsed) in the best reading of `lines`: what
    a report quotes when a date whose check digit holds names no calendar day."""
    best = _best_reading(lines)
    if best is None:
        return {}
    return {name: best[0].get(name) for name in ("birth", "expiry")}


def score_lines(lines: Sequence[str]) -> tuple[int, int]:
    """(points, most points possible) of the best reading of `lines`: check digits that hold plus
    fixed-form fields that look right. (0, 1) when no MRZ format fits. Needs no reference date, so
    the OCR stage can use it to choose between readings of a band."""
    return _score(tuple(lines))


@functools.lru_cache(maxsize=4096)
def _score(lines: tuple[str, ...]) -> tuple[int, int]:
    """`score_lines`, remembered: the band reader judges the same combinations of lines again and again."""
    best = _best_reading(lines)
    if best is None:
        return 0, 1
    reading = best[0]
    return reading.score + reading.sane, len(reading.checks) + SANE_FIELDS


def find_mrz(text: str, reference_date: dt.date) -> Mrz | None:
    """The best MRZ among runs of MRZ-like lines in full-page OCR text, if any passes a check digit."""
    groups: list[list[str]] = []
    current: list[str] = []
    for raw in text.splitlines():
        if not raw.strip():
            continue  # OCR often leaves blank lines between MRZ lines
        if _mrz_like(raw):
            current.append(raw)
            continue
        if current:
            groups.append(current)
        current = []
    if current:
        groups.append(current)
    found: list[Mrz] = []
    for group in groups:
        if len(group) < 2 or sum(line.count(FILLER) for line in group) < 2:
            continue
        best = _best_reading(group)
        # A check digit that held, even by a repair not trusted, tells an MRZ from other text.
        if best is not None and (any(best[0].checks.values()) or best[0].distrusted):
            found.append(_to_mrz(best[0], reference_date, best[1]))
    if not found:
        return None
    return max(found, key=lambda m: (m.valid, sum(c.ok for c in m.checks)))


def _mrz_like(raw: str) -> bool:
    squeezed = clean_line(raw).replace(" ", "")
    body = re.sub(r"\s", "", raw)
    return 20 <= len(squeezed) <= 46 and len(squeezed) >= 0.85 * len(body)  # OCR may drop trailing fillers


def _windows(lines: list[str]) -> list[tuple[Layout, list[str]]]:
    """(layout, lines) pairs whose line count and lengths fit a format."""
    out = []
    for layout in LAYOUTS.values():
        n = layout.lines
        for i in range(len(lines) - n + 1):
            window = lines[i : i + n]
            # OCR drops trailing fillers more often than it adds characters, all of them on a name line.
            names = layout.fields["names"][0] // layout.length
            slack = [len(x.replace(" ", "")) - layout.length for x in window]
            if not all(-10 <= d <= 5 or (k == names and d <= 5) for k, d in enumerate(slack)):
                continue
            visa = window[0][:1] == "V"
            if layout.format.startswith("MRV") != visa and layout.format != "TD1":
                continue
            if (layout.format == "FRA_ID") != _french_card(window[0]):
                continue
            out.append((layout, window))
    return out


def _french_card(first_line: str) -> bool:
    """A first line opening as the French card's does ('IDFRA'; OCR may read the I as 1 or l). France
    issues no TD2 card, and other cards of two 36-character lines open 'I<', 'IR', 'AC' and the like."""
    head = first_line.replace(" ", "")[:5]
    return len(head) == 5 and head[2:5] == "FRA" and head[:2] in ("ID", "1D", "lD") and len(first_line) >= 30


def _best_reading(lines: Sequence[str]) -> tuple[Reading, bool] | None:
    """The reading with the fewest failed checks, then the fewest edits, over formats and line repairs.

    Each added repair is one more chance for a wrong reading to pass a check digit by luck, so
    repairs are counted and the cheapest reading wins among those failing as few checks. The
    document number has only its own check digit (the composite weighs it the same way, so it
    adds nothing): when a repair one edit dearer gives another number, the number is not trusted.
    """
    kept = [(clean_line(x).strip(), x) for x in lines]
    kept = [(c, x) for c, x in kept if len(c.replace(" ", "")) >= 10]  # shorter is noise, not an MRZ line
    as_read = {c: re.sub(r"\s", "", x).upper() for c, x in kept}  # to tell whether anything was changed
    found: list[tuple[tuple[int, int, int], Reading, bool]] = []
    for layout, window in _windows([c for c, _ in kept]):
        options = shortlist(layout, [line_options(layout, k, line) for k, line in enumerate(window)])
        squeezed = [as_read[x] for x in window]
        for combo in itertools.product(*options):
            texts = [text for text, _ in combo]
            edits = sum(cost for _, cost in combo)
            read = [x.replace(" ", "") for x in window]
            # The nationality is taken from the issuing state only when the number was read where it
            # stands and needed no repair: a misread code is then no sign of a wrong realignment.
            number = number_as_read(layout, texts, read)
            reading = read_aligned(layout, "".join(texts), vote=edits == 0 or number is not None)
            if edits and number is not None and reading.flat[slice(*_number_span(layout))] != number:
                reading = read_aligned(layout, "".join(texts))
            distrust_moved_number(reading, texts, read)
            key = (reading.failures, reading.changes + 2 * edits, edits)
            found.append((key, reading, reading.changes > 0 or texts != squeezed))
    if not found:
        return None
    key, best, corrected = min(found, key=lambda item: item[0])
    # A passport's optional data have their own check digit, which the composite weighs the same way
    # too; being less often misread into another passing value, they are doubted on a closer rival.
    for name, value, margin in (("document_number", _number, 2), ("optional", _optional_data, 1)):
        rivals = {
            value(r)
            for k, r, _ in found
            if k[0] - len(r.distrusted) == key[0]
            and k[1] <= key[1] + margin
            and r.layout is best.layout
            # A number failed only for want of trust still passed its check digit: it is a rival.
            and (r.checks.get(name) or name in r.distrusted)
        }
        if len(rivals) > 1 and best.checks.get(name):
            best.checks[name] = False
            best.ambiguous.append(name)
    return best, corrected


def _number_span(layout: Layout) -> tuple[int, int]:
    start, end = layout.fields["number"]
    return start, end + 1  # with its check digit


def _optional_data(reading: Reading) -> str:
    return reading.get("optional")


def _number(reading: Reading) -> str:
    number = reading.get("number").replace(FILLER, "")
    if reading.number_extension:
        a, b = reading.number_extension
        number += reading.flat[a : b - 1]
    return number


def _date(raw: str) -> tuple[int, int, int] | None:
    if not raw.isdigit():
        return None
    return int(raw[:2]), int(raw[2:4]), int(raw[4:6])


def _birth(raw: str, ref: dt.date, expiry: dt.date | None = None) -> dt.date | None:
    """A birth date is in the past: the latest century that puts it on or before the reference date,
    and before the document's expiry when that is known (the holder of a passport that expired in 2011
    with birth '121212' was born in 1912, not in 2012)."""
    parts = _date(raw)
    if parts is None:
        return None
    yy, mm, dd = parts
    for century in (ref.year // 100 * 100, ref.year // 100 * 100 - 100):
        try:
            value = dt.date(century + yy, mm, dd)
        except ValueError:
            return None
        if value <= ref and (expiry is None or value < expiry or century < ref.year // 100 * 100):
            return value
    return None


def _expiry(raw: str, ref: dt.date) -> dt.date | None:
    """An expiry date lies within a few decades of the reference date: the closest century wins."""
    parts = _date(raw)
    if parts is None:
        return None
    yy, mm, dd = parts
    base = ref.year // 100 * 100
    year = min((base - 100 + yy, base + yy, base + 100 + yy), key=lambda y: abs(y - ref.year))
    try:
        return dt.date(year, mm, dd)
    except ValueError:
        return None


def _to_mrz(reading: Reading, ref: dt.date, corrected: bool) -> Mrz:
    layout = reading.layout
    checks = dict(reading.checks)
    birth_raw, expiry_raw = reading.get("birth"), reading.get("expiry")
    expiry = _expiry(expiry_raw, ref)
    birth = _birth(birth_raw, ref, expiry)
    plausible: dict[str, bool] = {}
    if birth is None and birth_raw.isdigit():
        plausible["birth_plausible"] = False  # impossible date or in the future
    if expiry is None and expiry_raw.isdigit():
        plausible["expiry_plausible"] = False
    elif expiry is not None and expiry > _add_years(ref, 15):
        plausible["expiry_plausible"] = False  # no document runs that long: a misread that passed its check
        expiry = None
    if birth is not None and expiry is not None and birth >= expiry:
        plausible["dates_order"] = False
        birth = expiry = None
    sex = reading.get("sex")
    if sex not in SEXES:
        plausible["sex"] = False
    for name, key in (("nationality", "nationality"), ("issuing_state", "state")):
        if reading.get(key) not in STATES:
            plausible[name] = False
    if not plausible_names(reading.get("names")):
        plausible["names"] = False
    checks.update(plausible)

    number = _number(reading)
    optional = _optional(reading)
    surname, _, given = reading.get("names").rstrip(FILLER).partition("<<")
    if "given" in layout.fields:  # the French card: given names on a line of their own
        surname, given = reading.get("names"), reading.get("given")
    return Mrz(
        format=layout.format,
        document_code=reading.get("code").rstrip(FILLER) or reading.get("code"),
        issuing_state=reading.get("state").replace(FILLER, ""),
        surname=_words(surname),
        given_names=_words(given),
        document_number=number,
        nationality=reading.get("nationality").replace(FILLER, ""),
        birth=birth,
        sex=sex,
        expiry=expiry,
        optional=optional,
        checks=tuple(MrzCheck(name, ok) for name, ok in checks.items()),
        lines=reading.lines,
        corrected=corrected,
    )


def _optional(reading: Reading) -> str:
    if reading.layout.format != "TD1":
        return reading.get("optional").strip(FILLER)
    first = reading.get("optional1")
    if reading.number_extension:
        first = first[reading.number_extension[1] - reading.number_extension[0] :]
    parts = [first.strip(FILLER), reading.get("optional2").strip(FILLER)]
    return " ".join(p for p in parts if p)


def _words(field: str) -> str:
    return " ".join(field.replace(FILLER, " ").split())


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
