"""The analysis stage with its cache: each file's documents, analysed once per content and reference date.

Kept apart from `pipeline.analyse` so that a re-run whose files are all cached imports none of the
analysis (classifier, date reader, language model): they load only when a file needs them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping

from dossiercheck.models import Document, FileReading
from dossiercheck.pipeline.cache import AnalysisCache, default_cache_dir
from dossiercheck.pipeline.read import ReadOptions


def _cache(reference_date: dt.date, options: ReadOptions) -> AnalysisCache:
    root = (options.cache_dir or default_cache_dir()) if options.use_cache else None
    return AnalysisCache(root, options.settings.fingerprint(), reference_date)


def _analysed(reading: FileReading, reference_date: dt.date, cache: AnalysisCache) -> tuple[Document, ...]:
    found = cache.get(reading)
    if found is None:
        from dossiercheck.pipeline.analyse import analyse_reading

        found = analyse_reading(reading, reference_date)
        cache.put(reading, found)
    return found


class AnalysedAhead:
    """Files analysed as soon as their last page is read, while the worker reads the others (this process
    only waits for it then): handed to `ReadOptions.reading_done`, then to `documents_of` as `ahead`.

    The analysis of a 14-file dossier (~0.5 s) then overlaps the reading instead of following it. Not
    done while the language model would have to be unpacked beside the worker (see
    `pipeline.analyse.ready_to_analyse_beside_reading`); any failure leaves the file to `documents_of`,
    which analyses it again and says what went wrong.
    """

    def __init__(self, reference_date: dt.date, options: ReadOptions) -> None:
        self.reference_date, self.cache = reference_date, _cache(reference_date, options)
        self.done: dict[str, tuple[Document, ...]] = {}
        self.ready: bool | None = None

    def __call__(self, reading: FileReading) -> None:
        from dossiercheck.pipeline.analyse import ready_to_analyse_beside_reading

        try:
            if self.ready is None:
                self.ready = ready_to_analyse_beside_reading()
            if self.ready:
                self.done[reading.sha256] = _analysed(reading, self.reference_date, self.cache)
        except Exception:  # noqa: BLE001, S110 - analysed again by documents_of, which reports it
            pass


def documents_of(readings: Iterable[FileReading], reference_date: dt.date, options: ReadOptions,
                 ahead: Mapping[str, tuple[Document, ...]] | None = None) -> tuple[Document, ...]:
    """Every document of the readings, in file order: analysed ahead (`AnalysedAhead`), or from the cache
    when the same content was analysed for the same date by the same code and schemas, else analysed now."""
    cache = _cache(reference_date, options)
    out: list[Document] = []
    for reading in readings:
        found = (ahead or {}).get(reading.sha256)
        if found is None:
            found = _analysed(reading, reference_date, cache)
        # The same content may be another file in another dossier: its documents take this one's name.
        out.extend(dataclasses.replace(d, file=reading.file, size=reading.size if i == 0 else 0)
                   for i, d in enumerate(found))
    return tuple(out)
