"""The read stage: every distinct file content read once (cache, else OCR in the worker pool).

Results are keyed by content (sha256), so identical files in a dossier, or across a batch of
dossiers, are read once; `readings_for` then gives each dossier its own view, with its own names.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dossiercheck.errors import UsageError
from dossiercheck.ingest import SourceFile, UnreadableFile, discover, examine
from dossiercheck.ingest.guard import use_hard_time_limits
from dossiercheck.models import FileReading, Page, Skipped
from dossiercheck.ocr.settings import OcrSettings
from dossiercheck.pipeline.cache import OcrCache, default_cache_dir
from dossiercheck.pipeline.pool import PagePool, default_jobs

# Called with (pages done, pages in all) as OCR progresses.
ProgressCallback = Callable[[int, int], None]


def _load_analysis_data() -> None:
    from dossiercheck.pipeline.analyse import load_analysis_data

    load_analysis_data()


@dataclass(frozen=True)
class ReadOptions:
    """How the dossier's files are read (not what they are checked against)."""

    jobs: int = 0  # 0: one worker per core
    use_cache: bool = True
    cache_dir: Path | None = None
    settings: OcrSettings = field(default_factory=OcrSettings)
    progress: ProgressCallback | None = None
    # Done in the parent on a thread of its own while the worker reads pages (it is idle then): loading
    # what the next stage needs. Only when some page is read: a cached re-run loads nothing it does not use.
    while_reading: Callable[[], None] | None = _load_analysis_data
    # The page-reading worker kept for the next call (see PagePool's `keep`): for a process that reads
    # file after file, such as the web page or a program calling the library per file.
    keep_reader: bool = False
    # Called in this process with each file's reading as soon as its last page is read, while the worker
    # reads the others (see pipeline.documents.AnalysedAhead).
    reading_done: Callable[[FileReading], None] | None = None


@dataclass(frozen=True)
class _Task:
    source: SourceFile
    index: int
    settings: OcrSettings
    pages: int = 1  # pages read of the file


def _read(task: _Task) -> Page:
    from dossiercheck.ocr.page import read_page_text  # the image libraries and the engine: in the workers

    return read_page_text(task.source.path, task.source.mime, task.index, task.settings)





def _failed(task: _Task, why: str) -> Page:
    return Page.unread(task.index, f"page {task.index + 1}: {why}")


def list_folder(folder: Path, options: ReadOptions) -> tuple[list[SourceFile], list[Skipped]]:
    """The folder's documents and the files skipped, with why."""
    if not folder.is_dir():
        raise UsageError(f"{folder} is not a folder: give the folder that holds the dossier's documents")
    return discover(folder, options.settings.limits)


def list_file(path: Path, options: ReadOptions) -> SourceFile | Skipped:
    """One file as `inspect` reads it."""
    entry = examine(path.absolute(), path.absolute().parent, options.settings.limits)
    return entry if entry is not None else Skipped(path.name, "the dossier's description file, not a document")


def read_sources(sources: Iterable[SourceFile], options: ReadOptions) -> dict[str, FileReading | Skipped]:
    """Each distinct content read once: a FileReading, or a Skipped saying why it could not be, by sha256."""
    settings = options.settings
    cache = (OcrCache(options.cache_dir or default_cache_dir(), settings.fingerprint())
             if options.use_cache else OcrCache.disabled())
    results: dict[str, FileReading | Skipped] = {}
    problems: dict[str, list[str]] = {}
    tasks: list[_Task] = []
    unique = {s.sha256: s for s in sources}
    for source in unique.values():
        cached = cache.get(source.sha256)
        if cached is not None:
            results[source.sha256] = _reading(source, cached.pages, cached.problems)
            continue
        planned = _plan(source, options)
        if isinstance(planned, Skipped):
            results[source.sha256] = planned
            continue
        count, notes = planned
        problems[source.sha256] = notes
        tasks.extend(_Task(source, i, settings, count) for i in range(count))
    tasks.sort(key=_cost, reverse=True)
    if tasks:
        from dossiercheck.ocr.tesseract import check_languages

        check_languages((*settings.languages.split("+"), *(model for model, _ in settings.read_again.markers)))

        def file_read(sha: str, pages: list[Page]) -> None:
            results[sha] = finished = _finished(unique[sha], pages, problems[sha], cache)
            if options.reading_done is not None and isinstance(finished, FileReading):
                options.reading_done(finished)

        _read_pages(tasks, options, file_read)
    return results


def _cost(task: _Task) -> float:
    """A page's reading time foreseen from its file's bytes per page: a phone photo or a scanned page
    takes seconds, a page of a text PDF or a small ID photo a fraction of one. The dearest pages are read
    first, so that the last page of a dossier is a short one and no core waits alone at the end while
    the other reads it (longest first is the classic fix for a pool's idle tail)."""
    return task.source.size / task.pages


def _plan(source: SourceFile, options: ReadOptions) -> tuple[int, list[str]] | Skipped:
    """How many pages of the file are read, and what to say about the others."""
    from dossiercheck.ingest import count_pages  # the image and PDF libraries: only when a file is read

    limits = options.settings.limits
    try:
        counted = count_pages(source, limits)
    except UnreadableFile as exc:
        return Skipped(source.rel, str(exc))
    notes = [counted.note] if counted.note else []
    if counted.pages > limits.max_pages:
        notes.append(f"the file has {counted.pages} pages; only the first {limits.max_pages} were read "
                     "(split it into smaller files)")
    if counted.pages == 0:
        return Skipped(source.rel, "the PDF has no pages")
    return min(counted.pages, limits.max_pages), notes


def _read_pages(tasks: list[_Task], options: ReadOptions, file_read: Callable[[str, list[Page]], None]) -> None:
    """Every task's page read; `file_read(sha256, pages)` as soon as all of a file's pages are."""
    done: dict[str, list[Page]] = {}
    expected = Counter(task.source.sha256 for task in tasks)
    total = len(tasks)

    def record(task: _Task, page: Page) -> None:
        pages = done.setdefault(task.source.sha256, [])
        pages.append(page)
        if options.progress:
            options.progress(sum(len(p) for p in done.values()), total)
        if len(pages) == expected[task.source.sha256]:
            file_read(task.source.sha256, pages)

    pool: PagePool[_Task, Page] = PagePool(_read, _failed, options.jobs or default_jobs(), use_hard_time_limits,
                                           keep=options.keep_reader)
    pool.run(tasks, record, options.while_reading)


def _reading(source: SourceFile, pages: Iterable[Page], problems: Iterable[str]) -> FileReading:
    return FileReading(file=source.rel, sha256=source.sha256, mime=source.mime, size=source.size,
                       pages=tuple(sorted(pages, key=lambda p: p.index)), problems=tuple(problems))


def _finished(source: SourceFile, pages: list[Page], problems: list[str], cache: OcrCache) -> FileReading | Skipped:
    reading = _reading(source, pages, problems)
    if all(p.source == "none" for p in reading.pages):
        # Nothing at all could be read: the file is listed as not read, with the first reason.
        reason = next((q for p in reading.pages for q in p.problems), "nothing could be read from it")
        return Skipped(source.rel, "; ".join([reason, *problems]))
    cache.put(reading.sha256, list(reading.pages), list(reading.problems))
    return reading


def readings_for(sources: Iterable[SourceFile], results: dict[str, FileReading | Skipped]
                 ) -> tuple[list[FileReading], list[Skipped]]:
    """One dossier's view of the shared results: each file under its own name in this dossier."""
    readings: list[FileReading] = []
    skipped: list[Skipped] = []
    for source in sources:
        found = results[source.sha256]
        if isinstance(found, Skipped):
            skipped.append(Skipped(source.rel, found.reason))
        else:
            readings.append(dataclasses.replace(found, file=source.rel, size=source.size))
    return sorted(readings, key=lambda r: r.file), sorted(skipped, key=lambda s: s.file)


def read_folder(folder: Path, options: ReadOptions | None = None) -> tuple[list[FileReading], list[Skipped]]:
    """Every document file of the folder read (nothing analysed yet), and the files not read, with why."""
    options = options or ReadOptions()
    sources, skipped = list_folder(folder, options)
    readings, unread = readings_for(sources, read_sources(sources, options))
    return readings, sorted([*skipped, *unread], key=lambda s: s.file)
