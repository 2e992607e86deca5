"""Finding dates in one line of OCR text: regex candidates, then strict day-first parsing.

Written here rather than using `dateparser.search`: that search is slow on a page of text, lenient (it
turns "2 weeks", bare numbers and file numbers into dates) and month-first for some inputs. What is taken
from dateparser is its month-name data for the languages of schemas/date_words.yaml, so abbreviations
such as "janv", "mrt", "Mrz" come from a maintained source. Written here:
- candidates for numeric (always day-first, or ISO year-first), day-month-name-year (with the bilingual
  passport form "14 MAR/MARS 2031"), and English month-first ("March 14, 2031") dates;
- OCR repair inside numeric tokens only (O→0, l/I/|→1, S→5, B→8) and spaces around separators;
- month names matched accent-free, with one character of OCR error allowed on names of 5+ letters;
- rejection of impossible dates (31 April) and of numbers glued to longer references ("12.03.2031/77").
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import regex

from dossiercheck.extract.date_words import date_words
from dossiercheck.text.match import normalise

_DIGIT = r"[0-9OoIl|SB]"
_FIX = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1", "S": "5", "B": "8"})
_SEP = r"\s?[./-]\s?"
_WORD = r"[^\W\d_]{3,12}\.?"
_ORD = r"(?:\s?(?:er|re|st|nd|rd|th|e|ème|eme|º|\.))?"
_YEAR = rf"(?:{_DIGIT}{{4}}|'?\d{{2}})"
_BEFORE = r"(?<![\w/.-])"
_AFTER = r"(?![\w/-]|[.,]\d)"

# A two-digit year ("12/03/26") only where the separators agree: "12/03-26" is more likely a reference.
_NUMERIC = re.compile(
    rf"{_BEFORE}(?P<d>{_DIGIT}{{1,2}})(?P<sep>{_SEP})(?P<m>{_DIGIT}{{1,2}})(?:{_SEP}(?P<y>{_DIGIT}{{4}})|(?P=sep)(?P<y2>\d{{2}})){_AFTER}"
)
# Months in Roman numerals, as Polish and Romanian offices write them: "12 III 2026", "12.III.2026".
_ROMAN_MONTHS = {r: n for n, r in enumerate("I II III IV V VI VII VIII IX X XI XII".split(), start=1)}
_ROMAN = re.compile(
    rf"(?<![\w.])(?P<d>\d{{1,2}})\.?[ .-](?P<m>{'|'.join(sorted(_ROMAN_MONTHS, key=len, reverse=True))})[ .-]"
    r"(?P<y>\d{4})(?![\w])"
)
_ISO = re.compile(
    rf"{_BEFORE}(?P<y>{_DIGIT}{{4}})\s?([-./])\s?(?P<m>{_DIGIT}{{1,2}})\s?\2\s?(?P<d>{_DIGIT}{{1,2}}){_AFTER}"
)
# Overlapping search (the `regex` module): a false start such as "Samstag, 16" (S read as 5) must not
# hide the real date that begins inside it ("16. August 2025").
@functools.lru_cache(maxsize=1)
def _day_month() -> Any:
    """Day, month name, year; the words that may join them ("of", "de") are schemas/date_words.yaml's."""
    joiners = "|".join(regex.escape(j) for j in date_words().joiners)
    # "12 March 2026", and "12-Mar-2026", "12/Mar/2026" as forms and registers print them.
    return regex.compile(
        rf"(?<![\w])(?P<d>{_DIGIT}{{1,2}}){_ORD}(?:,?\s?|[-/])(?:(?:{joiners})\s)?(?P<m>{_WORD}(?:\s?/\s?{_WORD}){{0,2}})"
        rf"(?:[\s,]{{0,2}}|[-/])(?:(?:{joiners})\s)?(?P<y>{_YEAR}){_AFTER}"
    )


_MONTH_DAY = regex.compile(rf"(?<![\w])(?P<m>{_WORD})\s(?P<d>{_DIGIT}{{1,2}}){_ORD},?\s(?P<y>{_DIGIT}{{4}}){_AFTER}")


@dataclass(frozen=True)
class DateMatch:
    """A date read from a line: its value and where it sits in the line's text."""

    value: dt.date
    raw: str
    start: int
    end: int
    # The other reading of a slash or dash date when nothing on the document fixes the order and both
    # readings are days ("03/07/2026": 3 July or 7 March); None otherwise.
    other: dt.date | None = None


def _month_data() -> list[Any]:
    """dateparser's data for each language of schemas/date_words.yaml's `month_languages`."""
    return [importlib.import_module(f"dateparser.data.date_translation_data.{lang}")
            for lang in date_words().month_languages]


@functools.lru_cache(maxsize=1)
def month_names() -> dict[str, int]:
    """Accent-free month names and abbreviations in the `month_languages` (dateparser's data plus passport forms)."""
    keys = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december")  # fmt: skip
    names: dict[str, int] = {}
    for module in _month_data():
        for number, key in enumerate(keys, start=1):
            for name in module.info.get(key, []):
                word = normalise(name).replace(" ", "")
                if len(word) >= 3:  # not Turkish's two-letter forms ("Ka", "Te", "Ar"): words, not months
                    names[word] = number
    # Forms seen on passports and in OCR output that the data lacks.
    extra = {"janv": 1, "fevr": 2, "fev": 2, "feb": 2, "mrz": 3, "mar": 3, "avr": 4, "apr": 4, "mai": 5,
             "mei": 5, "juin": 6, "jun": 6, "juil": 7, "jul": 7, "aout": 8, "sept": 9, "sep": 9, "okt": 10,
             "oct": 10, "nov": 11, "dez": 12, "dec": 12, "maerz": 3, "juni": 6, "juli": 7}  # fmt: skip
    names.update(extra)
    return names


@functools.lru_cache(maxsize=1)
def weekday_names() -> frozenset[str]:
    """Accent-free full weekday names in the `month_languages` (dateparser's data, plus "Sonnabend")."""
    keys = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    names = {normalise(name) for module in _month_data() for key in keys for name in module.info.get(key, [])}
    return frozenset({name for name in names if len(name) >= 5} | {"sonnabend"})


def _edit1(a: str, b: str) -> bool:
    """Whether a and b differ by at most one substitution, insertion or deletion."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def read_month(token: str) -> int | None:
    """Month number of a name like "MARS", "Mrz.", "maart" or "MAR/MARS"; None if not a month."""
    names = month_names()
    found: set[int] = set()
    for part in token.split("/"):
        word = normalise(part).replace(" ", "").replace("rn", "m")
        if not word:
            continue
        number = names.get(word) or names.get(normalise(part).replace(" ", ""))
        if number is None and len(word) >= 5:
            number = next((n for name, n in names.items() if len(name) >= 5 and _edit1(word, name)), None)
        if number is None:
            return None
        found.add(number)
    return found.pop() if len(found) == 1 else None


def _number(text: str) -> int | None:
    fixed = text.translate(_FIX)
    return int(fixed) if fixed.isdigit() else None


def _year(text: str) -> int | None:
    text = text.lstrip("'")
    value = _number(text)
    if value is None:
        return None
    if len(text) == 2:  # two-digit years (UK passports): assign_dates moves a future birth back a century
        return 2000 + value if value < 50 else 1900 + value
    return value if 1900 <= value <= 2100 else None


def _numeric_year(match: re.Match[str]) -> int | None:
    """The year of a numeric date match, four digits or two ("12/03/26")."""
    return _year(match.group("y") or match.groupdict().get("y2") or "")


def _make(day: int | None, month: int | None, year: int | None) -> dt.date | None:
    if day is None or month is None or year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None  # 31 April, 29 February of a common year, month 13: not a date


def _passport_style(month: str) -> bool:
    # Two-digit years appear on passports, whose months are capitals ("14 MAR/MARS 31").
    letters = [c for c in month if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _mostly_digits(raw: str) -> bool:
    # OCR repair must not turn words ("ISO-IS-ISSB") into dates: most characters must already be digits.
    chars = [c for c in raw if c.isalnum()]
    return sum(c.isdigit() for c in chars) * 2 >= len(chars) + 1


def find_in_line(line: str, month_first: bool = False, order_known: bool = True) -> list[DateMatch]:
    """Every date in one line of text, left to right, non-overlapping; numeric ones day first, or month
    first (`month_first`: a document of a state that writes them so, see extract.dates.numeric_order).
    Unless `order_known`, a slash or dash date with two readings keeps the other one in `other`."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []

    def add(match: re.Match[str] | regex.Match[str], value: dt.date | None, other: dt.date | None = None) -> None:
        start, end = match.span()
        if value is None or any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        found.append(DateMatch(value, match.group(0).strip(), start, end, other))

    for match in _day_month().finditer(line, overlapped=True):
        month = read_month(match.group("m"))
        year = match.group("y")
        if len(year.lstrip("'")) == 2 and not _passport_style(match.group("m")):
            continue  # "9 april 20" is a year cut off by the scan, not 2020
        add(match, _make(_number(match.group("d")), month, _year(year)) if month else None)
    for match in _MONTH_DAY.finditer(line, overlapped=True):
        month = read_month(match.group("m"))
        add(match, _make(_number(match.group("d")), month, _year(match.group("y"))) if month else None)
    for match in _ROMAN.finditer(line):
        add(match, _make(int(match.group("d")), _ROMAN_MONTHS[match.group("m")], _year(match.group("y"))))
    for pattern in (_ISO, _NUMERIC):
        for match in pattern.finditer(line):
            if not _mostly_digits(match.group(0)):
                continue
            either_order = pattern is _NUMERIC and _either_order(match)
            day_first, month_first_reading = _readings(match)
            value, other = (month_first_reading, day_first) if month_first else (day_first, month_first_reading)
            if not either_order:
                value, other = day_first, None
            if value is None:
                # "11/17/2026" has one reading that is a day, whatever the document's order: that one.
                value, other = other, None
            add(match, value, None if order_known or other == value else other)
    if _month_unread(line, taken):
        found.extend(m for m in _spelled(line) if not any(s < m.end and m.start < e for s, e in taken))
    return sorted(found, key=lambda m: m.start)


_LETTERS = re.compile(r"[^\W\d_]{3,12}")
# "doce (12) días", "dix (10) jours": the figures repeating a number written in words, as contracts write them.
_REPEATED = re.compile(r"(?<=[^\W\d_]) \(\d{1,4}\)")


def _month_unread(line: str, taken: list[tuple[int, int]]) -> bool:
    """Whether the line names a month outside every date read from it (written out, not misread)."""
    names = month_names()
    return any(normalise(m.group(0)) in names and not any(s <= m.start() < e for s, e in taken)
               for m in _LETTERS.finditer(line))


@functools.lru_cache(maxsize=4096)
def _spelled(line: str) -> tuple[DateMatch, ...]:
    """Dates whose day or year is written in words ("le dix-sept septembre deux mille vingt-six", "a los
    doce (12) días del mes de octubre", "this twenty-eighth day of August"), as leases and notarial
    papers write them: the line with its number words in figures (text2num, which reads them in each
    language of date_words.yaml's `spelled_number_languages`), searched again; each date found keeps the
    span of the words it was read from in the line as written."""
    from text_to_num import alpha2digit  # only for the lines that name a month outside any date

    plain, where = _without_repeats(line)
    for language in date_words().spelled_number_languages:
        figures = alpha2digit(plain, language, threshold=0)
        if figures == plain:
            continue
        back = _span_map(figures, plain)
        spans = [(m, back(m.start, True), back(m.end, False)) for m in find_in_line(figures)]
        # Only dates with a number that was written in words: the others the first search read already.
        dates = [DateMatch(m.value, line[where[start]:where[end]].strip(), where[start], where[end])
                 for m, start, end in spans if plain[start:end] != figures[m.start:m.end]]
        if dates:
            return tuple(dates)
    return ()


def _without_repeats(line: str) -> tuple[str, list[int]]:
    """The line without the figures that repeat a number in words ("doce (12)"), and where each of its
    characters (and its end) stands in the line."""
    plain: list[str] = []
    where: list[int] = []
    last = 0
    for match in _REPEATED.finditer(line):
        plain.append(line[last:match.start()])
        where.extend(range(last, match.start()))
        last = match.end()
    plain.append(line[last:])
    where.extend(range(last, len(line) + 1))
    return "".join(plain), where


def _span_map(figures: str, line: str) -> Callable[[int, bool], int]:
    """Position in `figures` -> position in `line`: aligned where the texts agree, a replaced stretch
    mapped to its whole ("dix-sept" for "17")."""
    import difflib

    blocks = difflib.SequenceMatcher(None, line, figures, autojunk=False).get_opcodes()

    def back(position: int, start: bool) -> int:
        for tag, i1, i2, j1, j2 in blocks:
            if j1 <= position < j2 or (not start and j1 < position <= j2):
                if tag == "equal":
                    return i1 + (position - j1)
                return i1 if start else i2
        return len(line)

    return back


def order_evidence(line: str) -> list[tuple[int, str, bool]]:
    """The slash and dash dates of a line that can be read in one order only, each with where it starts and
    whether that order is month first ("08/23/1994") or day first ("23/08/1994"): what a document's other
    dates say of its order."""
    evidence: list[tuple[int, str, bool]] = []
    for match in _NUMERIC.finditer(line):
        if not _either_order(match) or not _mostly_digits(match.group(0)):
            continue
        day_first, month_first = _readings(match)
        if (day_first is None) != (month_first is None):
            evidence.append((match.start(), match.group(0).strip(), month_first is not None))
    return evidence


def _either_order(match: re.Match[str]) -> bool:
    """Whether a numeric date may be written in either order: slashes and dashes; dots are day first everywhere."""
    return "." not in match.group(0)


def _readings(match: re.Match[str]) -> tuple[dt.date | None, dt.date | None]:
    """A numeric or ISO date's day-first and month-first readings (None where that reading is no day)."""
    first, second, year = _number(match.group("d")), _number(match.group("m")), _numeric_year(match)
    return _make(first, second, year), _make(second, first, year)
