"""The library's entry points: what the CLI, the local page and any script call.

    check_dossier(folder, ...)  -> Report         read, analyse and check one dossier folder
    check_batch(clients, ...)   -> BatchResult    every client folder, one pool and one cache for all
    inspect_file(path, ...)     -> Inspection     what was read from one file and what it was taken for

All three run the same stages (`pipeline`): files -> readings -> documents -> requirement results ->
report. None of them reads the clock: the caller passes `today` (the default appointment date).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossiercheck.errors import UsageError
from dossiercheck.ingest import Limits
from dossiercheck.models import BatchResult, Document, GivenDate, PagePicture, Profile, Report, Skipped
from dossiercheck.ocr.settings import OcrSettings
from dossiercheck.pipeline.cache import cache_info, clear_cache, default_cache_dir
from dossiercheck.pipeline.documents import AnalysedAhead, documents_of
from dossiercheck.pipeline.dossier import check_given_files, check_readings, load_checked_profile, resolve_dossier
from dossiercheck.pipeline.read import ProgressCallback, ReadOptions, list_file, list_folder, read_sources, readings_for
from dossiercheck.rules.profiles import list_profiles


def check_dossier(folder: Path, reference_date: dt.date | None = None, profile: str | None = None,
                  options: ReadOptions | None = None, lang: str = "en", today: dt.date | None = None,
                  require_profile: bool = False, given: Sequence[GivenDate] = ()) -> Report:
    """Read, analyse and check a dossier folder.

    The appointment date is `reference_date`, else the dossier.yaml's `appointment_date`, else
    `today`. `given` are dates the applicant read on a document themselves (they win over dossier.yaml's).
    """
    options = options or ReadOptions()
    if not folder.is_dir():
        raise UsageError(f"{folder} is not a folder: give the folder that holds the dossier's documents")
    settings = resolve_dossier(folder, profile, reference_date, today, require_profile, given)
    sources, skipped = list_folder(folder, options)
    check_given_files(settings.given, [s.rel for s in sources] + [s.file for s in skipped])
    ahead = AnalysedAhead(settings.reference_date, options)
    results = read_sources(sources, dataclasses.replace(options, reading_done=ahead))
    readings, unread = readings_for(sources, results)
    return check_readings(settings, readings, [*skipped, *unread], lang, options, ahead.done)


def check_batch(clients_dir: Path, profile: str | None = None, reference_date: dt.date | None = None,
                today: dt.date | None = None, options: ReadOptions | None = None, lang: str = "en",
                previous: Mapping[str, Any] | None = None, key_extra: Mapping[str, Any] | None = None) -> BatchResult:
    """Every sub-folder of `clients_dir` as one client's dossier (see pipeline.batch)."""
    from dossiercheck.pipeline.batch import check_batch as _check_batch

    return _check_batch(clients_dir, profile, reference_date, today, options, lang, previous, key_extra)


@dataclass(frozen=True)
class Inspection:
    """One file as the tool read it: the documents it holds (one, or one per part), or why it was not read."""

    file: str
    documents: tuple[Document, ...] = ()
    skipped: Skipped | None = None


def inspect_file(path: Path, reference_date: dt.date, options: ReadOptions | None = None) -> Inspection:
    """Read and analyse one file, with no procedure to check it against."""
    options = options or ReadOptions()
    entry = list_file(path, options)
    if isinstance(entry, Skipped):
        return Inspection(path.name, skipped=entry)
    readings, unread = readings_for([entry], read_sources([entry], options))
    if unread:
        return Inspection(entry.rel, skipped=unread[0])
    return Inspection(entry.rel, documents=documents_of(readings, reference_date, options))


def read_options(jobs: int = 0, use_cache: bool = True, max_pages: int = 200,
                 progress: ProgressCallback | None = None, keep_reader: bool = False) -> ReadOptions:
    """How files are read: reading threads (0: one per core), the OCR cache, the pages read per file, a
    progress callback, and whether the reading worker (its OCR engines open) is kept for the next call:
    worth it in a process that checks file after file, until the process ends."""
    return ReadOptions(jobs=jobs, use_cache=use_cache, progress=progress, keep_reader=keep_reader,
                       settings=OcrSettings(limits=Limits(max_pages=max_pages)))


def batch_manifest(result: BatchResult) -> dict[str, Any]:
    """What the next batch run needs to reuse the rows of unchanged clients."""
    from dossiercheck.pipeline.batch import manifest

    return manifest(result)


def page_pictures(folder: Path, documents: Sequence[Document], max_pages_per_file: int = 4,
                  jobs: int = 2) -> dict[tuple[str, int], PagePicture]:
    """Small pictures of the documents' pages, in the geometry OCR saw (for the HTML report)."""
    from dossiercheck.pipeline.pictures import page_pictures as draw

    return draw(folder, documents, max_pages_per_file, jobs)


def load_profile(profile_id: str) -> Profile:
    """A procedure's profile; UsageError (with the closest ids) when there is no such profile."""
    return load_checked_profile(profile_id)


__all__ = [
    "Inspection", "ReadOptions", "batch_manifest", "cache_info", "check_batch", "check_dossier", "clear_cache",
    "default_cache_dir", "inspect_file", "list_profiles", "load_profile", "page_pictures",
    "read_options",
]
