"""Every date on a page, with its word box and the text around it.

Parsing one line is in `date_parse` (regex candidates + strict day-first parsing, see there why not
`dateparser.search`); deciding which date is which is in `date_assign`. This module walks a page line by
line — OCR word lines when there are words, text lines for born-digital text layers — so each date keeps
its box (the union of its words' boxes) and the label text to its left.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dossiercheck.extract.date_parse import find_in_line
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


def month_first_issuer(pages: Sequence[Page]) -> str | None:
    """The issuer named in the pages whose state writes numeric dates month first (the FBI, the Philippine
    NBI...: schemas/date_words.yaml `month_first`), or None: dates are read day first."""
    found = date_words().month_first.search(normalise("\n".join(page.text for page in pages)))
    return found.group(0) if found else None


def locate_dates(page: Page, month_first: bool = False) -> list[LocatedDate]:
    """Every date on the page in reading order, with its line, span and words; reference numbers left out.
    Numeric dates day first, or month first on a document of a state that writes them so."""
    located: list[LocatedDate] = []
    for number, line in enumerate(page_lines(page)):
        for match in find_in_line(line.text, month_first):
            if is_reference(line.text[: match.start]):
                continue
            words = tuple(w for w, s, e in line.words if s < match.end and match.start < e)
            field = DateField(value=match.value, raw=match.raw, page=page.index, box=union_box(words))
            located.append(LocatedDate(field, number, match.start, match.end, words))
    return located


def find_dates(page: Page) -> list[DateField]:
    """Every date on a page, unassigned (field None), with its word box when the page has words."""
    return [found.date for found in locate_dates(page)]
