"""The analysis stage: each file's readings become documents, with their type, MRZ, dates and language.

Per page, once: its MRZ and its type read alone (`PageEvidence`). Splitting a file that holds several
documents uses that evidence; each document then takes its MRZ from its pages' (never read again) and
its type from its one page's evidence, or from all its pages' text together.

Order matters within a document: the MRZ's document code is the strongest evidence of the type, the type
says which date labels to look for, and the MRZ's check-digit-verified dates take precedence over visual
ones on identity documents (with any disagreement reported, not hidden).
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
from collections.abc import Iterable, Sequence

from dossiercheck.classify import classify, split_pages
from dossiercheck.extract.date_assign import assign_dates
from dossiercheck.extract.dates import DAY_FIRST, NumericOrder, numeric_order
from dossiercheck.extract.mrz import (
    INVALID_MRZ,
    best_mrz,
    cross_check,
    mrz_dates,
    read_page_mrz,
    without_impossible_dates,
)
from dossiercheck.knowledge.doctypes import load_doctypes
from dossiercheck.knowledge.files import derived_folder
from dossiercheck.models import Classification, DateField, Document, FileReading, Mrz, Page, PageEvidence
from dossiercheck.text.language import detect_language, keep_model_in, load_model, model_key

UNREAD_SCRIPT = ("written in the {script} script, which this tool does not read: what it is and its dates "
                 "are taken from its sworn translation when the dossier has one")


_LOADING = threading.Lock()  # the loading below is done once: a second caller waits for the first


def load_analysis_data() -> None:
    """What the analysis loads once (document types, evidence rules, date words: ~0.3 s on a cold
    start), loaded ahead of it while the pages are read.

    The language model too once a copy restricted to the languages read is kept in the user's cache
    (a few milliseconds, its arrays mapped from the file). Unpacked from py3langid's own file (~0.6 s), it
    holds ~90 MB, which loaded beside a worker at its peak would raise the run's peak memory by as much
    (50 pages: 443 -> 538 MiB): then it is loaded after the worker has gone, and kept for the next run.
    """
    from dossiercheck.classify.evidence import evidence_rules
    from dossiercheck.extract.date_parse import month_names
    from dossiercheck.extract.date_words import date_words

    with _LOADING:
        load_doctypes()
        evidence_rules()
        date_words()
        month_names()
        if _language_model_kept():
            load_model()


def ready_to_analyse_beside_reading() -> bool:
    """Whether files may be analysed while others are still read: the analysis data loaded (waiting for
    the loading under way), and the language model's copy kept in the cache, so that opening it costs
    no memory beside the worker's (see `load_analysis_data`)."""
    load_analysis_data()
    return _language_model_kept()


@functools.lru_cache(maxsize=1)
def _language_model_kept() -> bool:
    """Point the language identifier at its copy in the user's cache (made by its first load when there
    is a cache folder); whether the copy is there already."""
    folder = derived_folder("language-model", model_key())
    keep_model_in(folder)
    return folder is not None and (folder / "output.npy").is_file()


def page_evidence(page: Page, reference_date: dt.date) -> PageEvidence:
    """What one page says on its own: its MRZ, and its type."""
    mrz = read_page_mrz(page, reference_date)
    return PageEvidence(index=page.index, mrz=mrz, classification=classify((page,), mrz))


def analyse_readings(readings: Iterable[FileReading], reference_date: dt.date) -> tuple[Document, ...]:
    """Every document of the dossier, in file order (a file holding several gives one per part)."""
    return tuple(document for reading in readings for document in analyse_reading(reading, reference_date))


def analyse_reading(reading: FileReading, reference_date: dt.date) -> tuple[Document, ...]:
    """The documents one file holds: itself, or one per run of pages of one type."""
    pages = reading.pages
    if len(pages) == 1:
        mrz = read_page_mrz(pages[0], reference_date)
        evidence = [PageEvidence(pages[0].index, mrz, classify(pages, mrz))]
    else:
        evidence = [page_evidence(page, reference_date) for page in pages]
    runs = split_pages(evidence)
    whole = len(runs) == 1
    return tuple(
        analyse_part(reading, pages[first : last + 1], evidence[first : last + 1], whole, reference_date)
        for first, last in runs
    )


def analyse_part(reading: FileReading, pages: Sequence[Page], evidence: Sequence[PageEvidence], whole: bool,
                 reference_date: dt.date) -> Document:
    """One document: its pages' MRZ, its type, its dates, its language and what is wrong with it."""
    mrz, mrz_page = best_mrz(evidence)
    found = evidence[0].classification if len(pages) == 1 else classify(pages, mrz)
    problems = list(reading.problems)
    for page in pages:
        problems.extend(p for p in page.problems if p not in problems)
    _language_model_kept()  # where the language model is kept, before it is first opened
    language = detect_language("\n\f".join(p.text for p in pages))
    order = numeric_order(pages, language)
    dates, mrz_problems = _dates(pages, found, mrz, mrz_page, reference_date, order)
    problems.extend(p for p in mrz_problems if p not in problems)
    script = next((p.script for p in pages if p.script), "")
    if script and language is None and mrz is None:  # nothing Latin read on it: a script not read here
        language = f"{script} script"
        problems.append(UNREAD_SCRIPT.format(script=script))
    first, last = pages[0].index, pages[-1].index
    return Document(
        file=reading.file, sha256=reading.sha256, mime=reading.mime,
        size=reading.size if whole or first == reading.pages[0].index else 0,  # the file's bytes counted once
        pages=tuple(pages), type=found.type, confidence=found.confidence,
        cues=(*found.cues, *([f"numeric dates read month first ({order.why})"] if order.month_first else [])),
        language=language, dates=tuple(dates), mrz=mrz,
        problems=tuple(problems), part=None if whole else (first, last), about=found.about,
    )


def _dates(pages: Sequence[Page], found: Classification, mrz: Mrz | None, mrz_page: int,
           reference_date: dt.date, order: NumericOrder = DAY_FIRST) -> tuple[list[DateField], list[str]]:
    """The document's dates (MRZ ones first on identity documents whose MRZ holds) and MRZ problems."""
    doctype = load_doctypes().get(found.type)
    visual = assign_dates(pages, doctype, reference_date, order)
    if mrz is None:
        return visual, []
    visual, impossible = without_impossible_dates(mrz, visual)
    problems = ([] if mrz.valid else [INVALID_MRZ]) + impossible
    problems += cross_check(mrz, visual)
    from_mrz = mrz_dates(mrz, mrz_page)
    if mrz.valid and doctype is not None and doctype.mrz_codes:
        # Check-digit-verified dates win: listed first, and `Document.date` takes the first match.
        return from_mrz + visual, problems
    return visual + from_mrz, problems
