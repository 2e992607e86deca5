"""The date a paper was issued or signed, in the words issuers of many countries use: a generic check.

Each text of issue_wording.txt is written for this test in a form such dates take (a labelled field, "done
at <place> on", "<place>, <date>", a verb after the date, "the 12th day of March"), not copied from a
corpus: the real-wording bench (bench/real) measures real texts, this keeps the general forms from
regressing. Most texts carry a birth or start date beside the one to find, so the choice is a real one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from dossiercheck.extract.date_assign import assign_dates
from dossiercheck.knowledge.doctypes import load_doctypes
from dossiercheck.models import Page, Word

REF = dt.date(2027, 1, 15)
ISSUED = dt.date(2026, 3, 12)
HERE = Path(__file__).parent


def _cases() -> list[tuple[str, str]]:
    rows = (HERE / "issue_wording.txt").read_text(encoding="utf-8").splitlines()
    pairs = [row.split(" | ", 1) for row in rows if row.strip() and not row.startswith("#")]
    return [(doctype, text.replace(" \\n ", "\n")) for doctype, text in pairs]


def _text_page(text: str) -> Page:
    return Page(index=0, width=1000, height=1400, text=text, source="text-layer")


def _word_page(text: str) -> Page:
    """The same text as OCR words, one OCR line per text line, so the word-box path is taken too."""
    words = [
        Word(token, 50 + 60 * n, 100 + 40 * line, 50, 30, 95.0, line)
        for line, row in enumerate(text.splitlines())
        for n, token in enumerate(row.split())
    ]
    return Page(index=0, width=1400, height=1400, text=text, words=tuple(words))


@pytest.mark.parametrize("page_of", [_text_page, _word_page], ids=["text", "words"])
@pytest.mark.parametrize(("doctype", "text"), _cases())
def test_the_issue_date_is_found(doctype: str, text: str, page_of: Callable[[str], Page]) -> None:
    kind = load_doctypes()[doctype]
    found = {d.field: d.value for d in assign_dates([page_of(text)], kind, REF) if d.field}
    assert found.get(kind.issue_date) == ISSUED, found
