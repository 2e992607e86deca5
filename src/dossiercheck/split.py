"""One file, several documents: an applicant who scans the whole dossier into one PDF.

Each page is classified on its own. Pages run together while they are of one type; a page that says
nothing convincing (the second page of a lease, a blank back) belongs to the run before it. A file is
split only when its pages make two or more runs of different types, each started by a page whose own
type is clear, so a long contract with one odd page stays whole. Parts keep the file's name and their
page range (`Document.part`), and are analysed like any document.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from dossiercheck.classify import UNKNOWN, classify
from dossiercheck.models import Document

# How sure the classifier must be of a page on its own before that page starts a new document.
# Above the classifier's own bar (0.35, 0.5 for core types): a wrong split costs a document its dates.
SPLIT_CONFIDENCE = 0.6


def page_type(document: Document, index: int, reference_date: dt.date) -> str | None:
    """The type of one page read alone, when the classifier is sure enough of it to start a document."""
    from dossiercheck.extract.analyse import read_mrz

    alone = Document(file=document.file, sha256=document.sha256, mime=document.mime, pages=[document.pages[index]])
    alone.mrz, _ = read_mrz(alone, reference_date)
    found = classify(alone)
    if found.type == UNKNOWN or found.confidence < SPLIT_CONFIDENCE:
        return None
    return found.type


def page_runs(types: list[str | None]) -> list[tuple[int, int]]:
    """First and last index of each run of pages of one type; undecided pages join the run before them."""
    runs: list[tuple[str | None, int, int]] = []
    for index, kind in enumerate(types):
        if runs and (kind is None or runs[-1][0] in (None, kind)):
            held, first, _ = runs[-1]
            runs[-1] = (held or kind, first, index)
        else:
            runs.append((kind, index, index))
    return [(first, last) for _, first, last in runs]


def split_document(document: Document, reference_date: dt.date) -> list[Document]:
    """The documents a file holds: itself, or one part per run of pages of one type."""
    if len(document.pages) < 2:
        return [document]
    runs = page_runs([page_type(document, i, reference_date) for i in range(len(document.pages))])
    if len(runs) < 2:
        return [document]
    return [
        dataclasses.replace(
            document,
            pages=document.pages[first : last + 1],
            part=(document.pages[first].index, document.pages[last].index),
            problems=list(document.problems),
            size=document.size if first == 0 else 0,  # the file's bytes are counted once
        )
        for first, last in runs
    ]
