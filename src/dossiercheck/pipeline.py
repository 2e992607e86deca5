"""check_dossier(): the stages in order, the worker pool and the cache.

Pages, not files, are the unit of work, so one long PDF does not leave a core idle; each worker
opens only the page it reads, so memory stays flat however many pages the dossier has.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from dossiercheck import __version__
from dossiercheck.cache import OcrCache, default_cache_dir
from dossiercheck.errors import UsageError
from dossiercheck.ingest import SourceFile, UnreadableFile, count_pages, discover, examine
from dossiercheck.models import Document, Page, Report, Skipped
from dossiercheck.ocr.page import OcrSettings, read_page_text, use_hard_time_limits
from dossiercheck.ocr.tesseract import check_languages

# Called with (pages done, pages in all) as OCR progresses.
ProgressCallback = Callable[[int, int], None]


@dataclass
class ReadOptions:
    """How the dossier's files are read (not what they are checked against)."""

    jobs: int = 0  # 0: one worker per core
    use_cache: bool = True
    cache_dir: Path | None = None
    settings: OcrSettings = field(default_factory=OcrSettings)
    progress: ProgressCallback | None = None


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


@dataclass
class _Task:
    source: SourceFile
    index: int


def read_documents(folder: Path, options: ReadOptions | None = None) -> tuple[list[Document], list[Skipped]]:
    """Ingest and OCR every readable file of the folder; nothing is analysed yet."""
    options = options or ReadOptions()
    if not folder.is_dir():
        raise UsageError(f"{folder} is not a folder: give the folder that holds the dossier's documents")
    sources, skipped = discover(folder, options.settings.limits)
    return read_sources(sources, skipped, options)


def read_file(path: Path, options: ReadOptions | None = None) -> Document | Skipped:
    """Ingest and OCR one file (for `inspect`)."""
    options = options or ReadOptions()
    entry = examine(path.absolute(), path.absolute().parent, options.settings.limits)
    if entry is None:
        return Skipped(path.name, "the dossier's description file, not a document")
    if isinstance(entry, Skipped):
        return entry
    documents, skipped = read_sources([entry], [], options)
    return documents[0] if documents else skipped[0]


def read_sources(
    sources: list[SourceFile], skipped: list[Skipped], options: ReadOptions
) -> tuple[list[Document], list[Skipped]]:
    settings = options.settings
    cache = (
        OcrCache(options.cache_dir or default_cache_dir(), settings.fingerprint())
        if options.use_cache
        else OcrCache.disabled()
    )

    documents: dict[str, Document] = {}
    tasks: list[_Task] = []
    for source in sources:
        document = Document(file=source.rel, sha256=source.sha256, mime=source.mime, size=source.size)
        cached = cache.get(source.sha256)
        if cached is not None:
            document.pages, document.problems = cached.pages, cached.problems
            documents[source.rel] = document
            continue
        try:
            pages = count_pages(source, settings.limits)
        except UnreadableFile as exc:
            skipped.append(Skipped(source.rel, str(exc)))
            continue
        except Exception as exc:  # noqa: BLE001 - a file the readers choke on is that file's problem
            skipped.append(
                Skipped(source.rel, f"the file could not be opened ({type(exc).__name__}): export or scan it again")
            )
            continue
        limit = settings.limits.max_pages
        if pages > limit:
            document.problems.append(
                f"the file has {pages} pages; only the first {limit} were read (split it into smaller files)"
            )
        if pages == 0:
            skipped.append(Skipped(source.rel, "the PDF has no pages"))
            continue
        documents[source.rel] = document
        tasks.extend(_Task(source, i) for i in range(min(pages, limit)))

    if tasks:
        check_languages(tuple(settings.languages.split("+")))
        pages_by_file = _run_tasks(tasks, settings, options)
        for rel, read in pages_by_file.items():
            document = documents[rel]
            document.pages = sorted(read, key=lambda p: p.index)
            if all(p.source == "none" for p in document.pages):
                # Nothing at all could be read: the file is listed as not read, with the first reason.
                reason = next((q for p in document.pages for q in p.problems), "nothing could be read from it")
                reason = "; ".join([reason, *document.problems])
                skipped.append(Skipped(rel, reason))
                del documents[rel]
                continue
            cache.put(document.sha256, document.pages, document.problems)

    return sorted(documents.values(), key=lambda d: d.file), sorted(skipped, key=lambda s: s.file)


def _run_tasks(tasks: list[_Task], settings: OcrSettings, options: ReadOptions) -> dict[str, list[Page]]:
    """Read every page, in parallel; a crashed worker costs its page a retry, not the run."""
    done: dict[str, list[Page]] = {}
    total = len(tasks)
    finished = 0

    def record(task: _Task, page: Page) -> None:
        nonlocal finished
        done.setdefault(task.source.rel, []).append(page)
        finished += 1
        if options.progress:
            options.progress(finished, total)

    # Pages are always read in worker processes, even one at a time: a renderer that crashes or
    # loops on a hostile file then costs a worker, never the run.
    jobs = options.jobs or default_jobs()
    try:
        first_pool = _start_pool(min(jobs, total))
    except (OSError, NotImplementedError, ImportError):  # no processes here (some sandboxes): read inline
        for task in tasks:
            record(task, read_page_text(task.source.path, task.source.mime, task.index, settings))
        return done
    lost: list[_Task] = []
    with first_pool as pool:
        futures: list[tuple[_Task, Future[Page]]] = [
            (t, pool.submit(read_page_text, t.source.path, t.source.mime, t.index, settings)) for t in tasks
        ]
        for task, future in _in_completion_order(futures):
            try:
                record(task, future.result())
            except BrokenProcessPool:
                lost.append(task)
            except Exception as exc:  # noqa: BLE001 - one page's failure is that page's problem
                record(task, _failed_page(task, f"it could not be read ({type(exc).__name__})"))
    # A crash takes every page in flight with it: retry those one at a time, so only the culprit
    # (crashing again on its second try) is reported.
    retry_pool: ProcessPoolExecutor | None = None
    for task in sorted(lost, key=lambda t: (t.source.rel, t.index)):
        retry_pool = retry_pool or _start_pool(1)
        try:
            record(
                task,
                retry_pool.submit(read_page_text, task.source.path, task.source.mime, task.index, settings).result(),
            )
        except BrokenProcessPool:
            retry_pool.shutdown(wait=True)
            retry_pool = None
            record(task, _failed_page(task, "the reader crashed or took too long on this page and was stopped"))
        except Exception as exc:  # noqa: BLE001
            record(task, _failed_page(task, f"it could not be read ({type(exc).__name__})"))
    if retry_pool is not None:
        retry_pool.shutdown(wait=True)
    return done


def _start_pool(workers: int) -> ProcessPoolExecutor:
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=use_hard_time_limits)


def _in_completion_order(futures: list[tuple[_Task, Future[Page]]]) -> Iterable[tuple[_Task, Future[Page]]]:
    from concurrent.futures import as_completed

    by_future = {id(f): t for t, f in futures}
    for future in as_completed([f for _, f in futures]):
        yield by_future[id(future)], future


def _failed_page(task: _Task, why: str) -> Page:
    return Page.unread(task.index, f"page {task.index + 1}: {why}")


def analyse_documents(documents: list[Document], reference_date: dt.date) -> list[Document]:
    """Classify each document and read its dates, MRZ and language; a file holding several is split."""
    from dossiercheck.extract.analyse import analyse_document
    from dossiercheck.split import split_document

    analysed: list[Document] = []
    for whole in documents:
        for document in split_document(whole, reference_date):
            for page in document.pages:
                document.problems.extend(p for p in page.problems if p not in document.problems)
            analysed.append(analyse_document(document, reference_date))
    return analysed


def check_dossier(
    folder: Path,
    reference_date: dt.date | None = None,
    profile: str | None = None,
    options: ReadOptions | None = None,
    lang: str = "en",
    today: dt.date | None = None,
    require_profile: bool = False,
) -> Report:
    """Read, analyse and check a dossier folder: the library's main entry point.

    The appointment date is `reference_date`, else the dossier.yaml's `appointment_date`, else
    `today` (which the caller passes explicitly; the library never reads the clock).
    """
    from dossiercheck.checking import evaluate_dossier, resolve_dossier

    if not folder.is_dir():
        raise UsageError(f"{folder} is not a folder: give the folder that holds the dossier's documents")
    settings = resolve_dossier(folder, profile, reference_date, today, require_profile)
    documents, skipped = read_documents(folder, options)
    documents = analyse_documents(documents, settings.reference_date)
    requirements, deadlines = evaluate_dossier(settings, documents, lang)
    return Report(
        tool_version=__version__,
        dossier=str(folder),
        profile=settings.profile_id,
        reference_date=settings.reference_date,
        documents=documents,
        skipped=skipped,
        requirements=requirements,
        deadlines=deadlines,
        total_bytes=sum(d.size for d in documents),
    )
