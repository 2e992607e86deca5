"""Each sworn translation paired with the original it translates, across the dossier's documents.

A certificate often arrives in the issuing state's language, with a sworn translation into French, Dutch,
German or English beside it. The two are one document for the procedure: what the original is, and its
dates, are read from whichever of the two can be read. An original in a script the tool does not read (an
Arabic or Russian certificate), or one whose type could not be told, takes its type from the translation
("translates: good_conduct", which the classifier reads in the translation's content), and any key date
it lacks is taken from the translation, marked as read from it (`DateField.source == "translation"`).

Which original a translation belongs to: one that needs a translation (written in a language other than
the procedure's, or in a script not read here) of the type it translates or of no known type, chosen in
the same file first (a scan of both), then by the longest file name the two share ("casier.jpg",
"casier-traduction.pdf"), then the nearest in the dossier's file order. Each is paired once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Sequence
from typing import Any

from dossiercheck.classify.decide import UNKNOWN
from dossiercheck.extract.date_assign import assign_dates
from dossiercheck.knowledge.doctypes import load_doctypes
from dossiercheck.models import DateField, Document
from dossiercheck.models.document import PAIRED_CUE
from dossiercheck.ocr.settings import MODELS

TRANSLATION = "sworn_translation"
# A document in one of the languages every page is read in first needs no translation to be read here.
READ_AS_IS = tuple(MODELS)
# An unknown original in another file than the translation is paired with it on a shared name only
# (at least this many first letters: "casier.jpg" and "casier-traduction.pdf"), when the translation does
# not say what it translates.
SHARED_LETTERS = 3


def _needs_translation(document: Document) -> bool:
    return document.type != TRANSLATION and (
        (document.language is not None and document.language not in READ_AS_IS) or document.type == UNKNOWN)


def _shared_name(a: str, b: str) -> int:
    return len(os.path.commonprefix([os.path.splitext(a)[0].casefold(), os.path.splitext(b)[0].casefold()]))


def _beside(original: Document, translation: Document) -> bool:
    """In the same file, or named alike: the evidence that pairs an unknown original with a translation
    that does not say what it translates."""
    return original.file == translation.file or _shared_name(original.file, translation.file) >= SHARED_LETTERS


def pair_translations(documents: Sequence[Document], reference_date: dt.date) -> tuple[Document, ...]:
    """The documents, each original paired with its sworn translation (see the module docstring)."""
    out = list(documents)
    taken: set[int] = set()
    for t_index, translation in enumerate(documents):
        if translation.type != TRANSLATION:
            continue
        kind = translation.translates()
        candidates = [i for i, d in enumerate(documents) if i not in taken and i != t_index and _needs_translation(d)
                      and (d.type == kind or d.type == UNKNOWN and (kind is not None or _beside(d, translation)))]
        if not candidates:
            continue
        best = min(candidates, key=lambda i: (documents[i].file != translation.file,
                                              -_shared_name(documents[i].file, translation.file),
                                              abs(i - t_index)))
        taken.add(best)
        out[best] = _paired(documents[best], translation, kind, reference_date)
    return tuple(out)


def _paired(original: Document, translation: Document, kind: str | None, reference_date: dt.date) -> Document:
    """`original` with its translation named, its type taken from it when it had none, and the key dates
    it lacks read from the translation's pages by the labels of the type translated (the translator's own
    date, the translation's issue date, is not the original's)."""
    changes: dict[str, Any] = {"cues": (*original.cues, f"{PAIRED_CUE}{translation.name}")}
    if original.type == UNKNOWN and kind is not None:
        changes["type"] = kind
        changes["confidence"] = translation.confidence
        changes["cues"] = (*changes["cues"], f"type from its sworn translation {translation.name}")
    doctype = load_doctypes().get(changes.get("type", original.type))
    if doctype is not None:
        have = {d.field for d in original.dates if d.field}
        translators = translation.date("issue")
        borrowed: list[DateField] = []
        for found in assign_dates(translation.pages, doctype, reference_date):
            if found.field and found.field not in have and found.value != translators:
                borrowed.append(dataclasses.replace(found, source="translation"))
                have.add(found.field)
        if borrowed:
            changes["dates"] = (*original.dates, *borrowed)
    return dataclasses.replace(original, **changes)
