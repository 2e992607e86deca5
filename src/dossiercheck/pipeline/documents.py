"""The analysis stage with its cache: each file's documents, analysed once per content and reference date.

Kept apart from `pipeline.analyse` so that a re-run whose files are all cached imports none of the
analysis (classifier, date reader, language model): they load only when a file needs them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable

from dossiercheck.models import Document, FileReading
from dossiercheck.pipeline.cache import AnalysisCache, default_cache_dir
from dossiercheck.pipeline.read import ReadOptions


def documents_of(readings: Iterable[FileReading], reference_date: dt.date, options: ReadOptions
                 ) -> tuple[Document, ...]:
    """Every document of the readings, in file order: from the cache when the same content was analysed
    for the same date by the same code and schemas, else analysed now."""
    root = (options.cache_dir or default_cache_dir()) if options.use_cache else None
    cache = AnalysisCache(root, options.settings.fingerprint(), reference_date)
    out: list[Document] = []
    for reading in readings:
        found = cache.get(reading)
        if found is None:
            from dossiercheck.pipeline.analyse import analyse_reading

            found = analyse_reading(reading, reference_date)
            cache.put(reading, found)
        # The same content may be another file in another dossier: its documents take this one's name.
        out.extend(dataclasses.replace(d, file=reading.file, size=reading.size if i == 0 else 0)
                   for i, d in enumerate(found))
    return tuple(out)
