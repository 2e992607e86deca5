"""Cue scores: how strongly a document's text speaks for each type of `schemas/doctypes`.

Each type's phrases (and regexes) are found in the text, accent- and case-insensitive and with a few OCR
errors on long phrases; a fuzzy match that is really another phrase is not counted, nor are two cues
matching the same words. The decision made from these scores is in `decide.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dossiercheck.knowledge.doctypes import Cue, DocType
from dossiercheck.text.match import PhraseMatcher


@dataclass
class Score:
    """One type's cue score on a text, the cues behind it, and whether a vetoing cue was found."""

    doctype: DocType
    score: float = 0.0
    cues: list[str] = field(default_factory=list)
    vetoed: bool = False
    strongest: float = 0.0  # the weight of its strongest cue found (a title's is 4 or more)


SHORT_WORD = 4  # letters: a word this short that loses one is another word (see _ocr_slip)


def _same_words(a: tuple[bool, int, int], b: tuple[bool, int, int]) -> bool:
    """Two cues matched the same words ("passeport" fuzzily on "passport"): count them once."""
    if a[0] != b[0]:
        return False
    overlap = min(a[2], b[2]) - max(a[1], b[1])
    return overlap >= 0.8 * (a[2] - a[1]) and overlap >= 0.8 * (b[2] - b[1])


def _distance(a: str, b: str) -> int:
    """Levenshtein distance of two short words."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _ocr_slip(phrase: str, found: str) -> bool:
    """Whether `found` is `phrase` misread, not another phrase: no word of it lost half its letters.

    The fuzzy budget of a phrase is shared by its words, so "date de naissance" is within two errors
    of "acte de naissance"; but OCR slips are scattered, and two of them in a four-letter word make it
    another word ("mœurs" for "moeurs" keeps most of its letters). A short word that lost a letter is
    another word, not a slip ("application for a" is no "application form"; "bal" no "bail"). A space
    lost or gained (word counts differ) is left to the phrase's budget.
    """
    words, seen = phrase.split(), found.split()
    if len(words) != len(seen):
        return True
    return all(_distance(a, b) <= max(1, (len(a) - 1) // 2) and not (len(b) < len(a) <= SHORT_WORD)
               for a, b in zip(words, seen, strict=True))


def _span(cue: Cue, text: str, folded: str) -> tuple[bool, int, int] | None:
    """Where the cue matched, skipping fuzzy matches that are really another phrase."""
    span = cue.span(text, folded)
    matcher = cue.pattern
    if span is None or not isinstance(matcher, PhraseMatcher) or not matcher.errors:
        return span
    for _ in range(20):  # bounded: each turn searches past the rejected match
        if span is None or _ocr_slip(matcher.phrase, folded[span[1] : span[2]]):
            return span
        found = matcher.find(folded[span[2] :])
        span = (True, span[2] + found[0], span[2] + found[1]) if found else None
    return None


def score_type(doctype: DocType, text: str, folded: str) -> Score:
    """The type's score on `text` (normalised) and `folded` (its OCR look-alikes folded)."""
    result = Score(doctype)
    spans: list[tuple[bool, int, int]] = []
    for cue in sorted(doctype.cues, key=lambda c: -c.weight):
        span = _span(cue, text, folded)
        if span is None or any(_same_words(span, seen) for seen in spans):
            continue
        spans.append(span)
        result.score += cue.weight
        result.strongest = max(result.strongest, cue.weight)
        result.cues.append(f"{doctype.id}: '{cue.text}' +{cue.weight:g}")
    for cue in doctype.negative:
        if cue.search(text, folded):
            result.score += cue.weight
            result.cues.append(f"{doctype.id}: not '{cue.text}' {cue.weight:g}")
            result.vetoed = result.vetoed or cue.veto
    return result
