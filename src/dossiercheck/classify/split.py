"""One file, several documents: an applicant who scans the whole dossier into one PDF.

Each page is classified on its own (once, in the page evidence). Pages run together while they are
of one type; a page that says nothing convincing (the second page of a lease, a blank back) belongs
to the run before it. A file is split only when its pages make two or more runs of different types,
each started by a page whose own type is clear, so a long contract with one odd page stays whole.
"""

from __future__ import annotations

from collections.abc import Sequence

from dossiercheck.classify.decide import UNKNOWN
from dossiercheck.knowledge.settings import reading_settings
from dossiercheck.models import PageEvidence


def page_type(evidence: PageEvidence) -> str | None:
    """The type of one page read alone, when the classifier is sure enough of it to start a document."""
    found = evidence.classification
    if found.type == UNKNOWN or found.confidence < reading_settings().split_confidence:
        return None
    return found.type


def page_runs(types: Sequence[str | None]) -> list[tuple[int, int]]:
    """First and last index of each run of pages of one type; undecided pages join the run before them."""
    runs: list[tuple[str | None, int, int]] = []
    for index, kind in enumerate(types):
        if runs and (kind is None or runs[-1][0] in (None, kind)):
            held, first, _ = runs[-1]
            runs[-1] = (held or kind, first, index)
        else:
            runs.append((kind, index, index))
    return [(first, last) for _, first, last in runs]


def split_pages(evidence: Sequence[PageEvidence]) -> list[tuple[int, int]]:
    """The documents a file holds, as (first, last) positions in its pages: one run, or one per type."""
    if len(evidence) < 2:
        return [(0, max(0, len(evidence) - 1))]
    return page_runs([page_type(e) for e in evidence])
