"""Every date on a page, with its word box and the text around it.

Parsing one line is in `date_parse` (regex candidates + strict day-first parsing, see there why not
`dateparser.search`); deciding which date is which is in `date_assign`. This module walks a page line by
line — OCR word lines when there are words, text lines for born-digital text layers — so each date keeps
its box (the union of its words' boxes) and the label text to its left.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dossiercheck.extract.date_parse import find_in_line, order_evidence
from dossiercheck.extract.date_words import date_words
from dossiercheck.models import DateField, Page, Word
from dossiercheck.text.match import normalise


@dataclass(frozen=True)
class PageLine:
    """One line of a page: its text and, for OCR pages, each word with its character span in the text."""

    text: str
    words: tuple[tuple[Word, int, int], ...] = ()


@dataclass(frozen=True)
class LocatedDate:
    """A date with where it sits: line number, character span, and the words it was read from."""

    date: DateField
    line: int
    start: int
    end: int
    words: tuple[Word, ...] = ()


def page_lines(page: Page) -> list[PageLine]:
    """The page as lines; from word boxes when OCR gave them, else from the text."""
    if not page.words:
        return [PageLine(text) for text in page.text.splitlines()]
    lines: list[PageLine] = []
    for words in page.lines():
        spans: list[tuple[Word, int, int]] = []
        text = ""
        for word in words:
            if text:
                text += " "
            spans.append((word, len(text), len(text) + len(word.text)))
            text += word.text
        lines.append(PageLine(text, tuple(spans)))
    return lines


def union_box(words: tuple[Word, ...] | list[Word]) -> tuple[int, int, int, int] | None:
    """Left, top, width, height of the smallest box holding all `words`."""
    if not words:
        return None
    left, top = min(w.left for w in words), min(w.top for w in words)
    right, bottom = max(w.right for w in words), max(w.bottom for w in words)
    return left, top, right - left, bottom - top


def is_reference(before: str) -> bool:
    """Whether the text just before a date makes it a reference or file number ("N° 12/03/2024", "Réf. 2024-03-12");
    the reference words are schemas/date_words.yaml's."""
    return bool(date_words().reference.search(normalise(before[-25:])))


@dataclass(frozen=True)
class NumericOrder:
    """How a document's slash and dash dates are read (dotted and ISO dates are the same everywhere)."""

    month_first: bool
    known: bool  # False: nothing on the document says; dates with two readings keep both (DateField.other)
    why: str = ""  # what decided: "issuer: federal bureau of investigation", "08/23/1994 reads month first only"


DAY_FIRST = NumericOrder(month_first=False, known=True)


def numeric_order(pages: Sequence[Page], language: str | None) -> NumericOrder:
    """The order of a document's numeric dates, from the evidence on it, strongest first:

    1. an issuer of a state that writes them month first (the FBI, the Philippine NBI...) or day first
       (ACRO, the Indian or Nigerian police...: schemas/date_words.yaml `month_first`, `day_first`);
    2. another slash or dash date on the document that has one reading only (a birth date "08/23/1994");
    3. the language: every language read here but English is written day first wherever it is official.
    An English document with none of these is undecided: its dates with two readings keep both, and a rule
    that would decide differently on the other reading asks for the date instead of guessing.
    """
    text = normalise("\n".join(page.text for page in pages))
    words = date_words()
    for pattern, month_first in ((words.month_first, True), (words.day_first, False)):
        if issuer := pattern.search(text):
            return NumericOrder(month_first, True, f"issuer: {issuer.group(0)}")
    evidence = [(raw, month_first) for page in pages for line in page.text.splitlines()
                for start, raw, month_first in order_evidence(line) if not is_reference(line[:start])]
    month_first_only = [raw for raw, month_first in evidence if month_first]
    if month_first_only and len(month_first_only) == len(evidence):
        return NumericOrder(True, True, f"{month_first_only[0]} reads month first only")
    if evidence or (language is not None and language != "en"):
        return DAY_FIRST
    return NumericOrder(month_first=False, known=False)


def locate_dates(page: Page, order: NumericOrder = DAY_FIRST) -> list[LocatedDate]:
    """Every date on the page in reading order, with its line, span and words; reference numbers left out.
    Numeric dates in the document's `order` (day first unless told)."""
    located: list[LocatedDate] = []
    for number, line in enumerate(page_lines(page)):
        for match in find_in_line(line.text, order.month_first, order.known):
            if is_reference(line.text[: match.start]):
                continue
            words = tuple(w for w, s, e in line.words if s < match.end and match.start < e)
            field = DateField(value=match.value, raw=match.raw, page=page.index, box=union_box(words),
                              other=match.other)  # fmt: skip
            located.append(LocatedDate(field, number, match.start, match.end, words))
    return located


def find_dates(page: Page) -> list[DateField]:
    """Every date on a page, unassigned (field None), with its word box when the page has words."""
    return [found.date for found in locate_dates(page)]
