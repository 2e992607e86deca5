"""Text as OCR gives it, made comparable: normalised, OCR look-alikes folded, phrases found with a few errors.

Written here rather than taken from a library because matching must be accent-insensitive,
case-insensitive and tolerant of a few OCR character errors at once; the `regex` module (a dependency of
dateparser) gives fuzzy matching in C, which is fast enough for a page of text times a few hundred cues.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

import regex

# Letters with a stroke or without a dot that Unicode does not decompose into a letter and an accent (Polish
# "ł", Turkish "ı", Croatian "đ", Danish "ø"): OCR in another language reads them as the plain letter.
_UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "đ": "d", "ø": "o", "ħ": "h"})
# Compiled once: `regex.sub` with a pattern string looks it up in the module's cache at every call,
# which cost more than the substitution itself (8,000 calls for one dossier's analysis).
_NOT_WORD = regex.compile(r"[^\p{L}\p{N}]+")


def normalise(text: str) -> str:
    """Lower-case, accent-free, punctuation as spaces, whitespace collapsed: the form all cues match on.

    OCR drops or confuses accents and punctuation far more often than letters, so both are removed
    before matching; "ß" is expanded so "Führungszeugnis" and "Fuhrungszeugnis" meet, and "ł", "ı" are
    made plain letters so "Łódź" and "Lodz", "kaydı" and "kaydi" meet.
    """
    text = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss").translate(_UNDECOMPOSED))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _NOT_WORD.sub(" ", text)
    return " ".join(text.split())


_CONFUSABLE = (("rn", "m"), ("vv", "w"), ("l", "i"), ("1", "i"), ("|", "i"), ("0", "o"))


def fold(normalised: str) -> str:
    """Normalised text with the letters OCR confuses made equal (l/1/i, 0/o, rn/m), for phrase cues only."""
    for seen, meant in _CONFUSABLE:
        normalised = normalised.replace(seen, meant)
    return normalised


def allowed_errors(phrase: str) -> int:
    """OCR slips a phrase (normalised) is still found with (see compile_phrase)."""
    # Short words must match exactly or "bail" would be found in "mail"; long phrases tolerate OCR slips.
    letters = len(phrase.replace(" ", ""))
    return 0 if letters < 7 else 1 if letters < 14 else 2


def pieces(text: str, errors: int) -> tuple[str, ...]:
    """`text` cut into errors + 1 disjoint pieces: a match of it with at most `errors` slips holds one of
    them as it is (each slip touches one piece at most), which an exact search finds far faster than
    the fuzzy pattern."""
    size = max(1, len(text) // (errors + 1))
    cut = [text[i * size : (i + 1) * size] for i in range(errors)]
    return (*cut, text[errors * size :])


@functools.cache
def compile_phrase(phrase: str, fuzzy: bool = True, folded: bool = False) -> Any:
    """A pattern matching `phrase` on normalised (or folded) text, whole words, with a few errors if long.

    Kept once compiled: the same words are labels of many document types (the generic issue words of
    every issued paper), and the regex modules' own caches hold a few hundred patterns, fewer than the
    analysis of one dossier compiles (~2,800 compilations, 0.4 s, for a 14-file dossier before).
    """
    norm = fold(normalise(phrase)) if folded else normalise(phrase)
    errors = allowed_errors(norm) if fuzzy else 0
    body = regex.escape(norm).replace("\\ ", " ").replace(" ", r"\s?")
    if errors:
        return regex.compile(rf"\b(?:{body}){{e<={errors}}}\b", regex.BESTMATCH)
    # Exact phrases need no fuzzy engine; the standard module compiles them several times faster.
    return re.compile(rf"\b{body}\b")




class PhraseMatcher:
    """A phrase found exactly, or with a few OCR errors, in folded text - quickly on long pages.

    A fuzzy regex over a whole contract takes seconds for a few hundred cues. With e errors allowed,
    one of e+1 disjoint pieces of the phrase must appear exactly (pigeonhole), so the fuzzy search runs
    only in small windows around those pieces.
    """

    def __init__(self, phrase: str) -> None:
        # Everything else is worked out on first use: loading the doctypes makes ~900 matchers, and a
        # cached re-run only needs the types' names.
        self.source = phrase

    @functools.cached_property
    def phrase(self) -> str:
        return fold(normalise(self.source))

    @functools.cached_property
    def errors(self) -> int:
        return allowed_errors(self.phrase)

    @functools.cached_property
    def anchor(self) -> str:
        """Spaces may be lost or gained by OCR, but a word is never split: the longest word must be there
        as it is for an exact match, which skips the regex on most pages (and its compilation at start)."""
        return max(self.phrase.split(), key=len, default=self.phrase)

    @functools.cached_property
    def pieces(self) -> list[str]:
        return list(pieces(self.phrase, self.errors))

    @functools.cached_property
    def exact(self) -> Any:
        return compile_phrase(self.source, fuzzy=False, folded=True)

    @functools.cached_property
    def fuzzy(self) -> Any:
        """Compiled on first use only: most cues match exactly or not at all, and start-up counts."""
        return compile_phrase(self.source, fuzzy=True, folded=True) if self.errors else None

    def find(self, text: str) -> tuple[int, int] | None:
        m = self.exact.search(text) if self.anchor in text else None
        if m:
            return m.start(), m.end()
        if not self.errors:
            return None
        reach = len(self.phrase) + self.errors + 1
        for piece in self.pieces:
            start = text.find(piece)
            while start >= 0:
                low = max(0, start - reach)
                m = self.fuzzy.search(text, low, min(len(text), start + reach))
                if m:
                    return m.start(), m.end()
                start = text.find(piece, start + 1)
        return None
