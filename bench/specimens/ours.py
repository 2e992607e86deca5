"""dossiercheck as the specimen bench sees it: ONE function, the only place the bench touches the library.

The library API is being restructured; when it changes, only `read_identity` changes. Today it calls
`dossiercheck.api.inspect_file`, what `dossiercheck inspect FILE --no-cache` does: read the file (OCR,
MRZ band) and analyse it, with no procedure to check it against.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any


def read_identity(path: Path, reference_date: dt.date) -> dict[str, Any]:
    """What dossiercheck makes of one image: type, MRZ, dates, problems, and the wall seconds it took.

    No OCR cache (every call reads the pixels), one reading thread. The seconds are the wall time of this
    call, as a program calling the library per file sees it: the reading worker, its OCR engines open, is
    kept between calls (`keep_reader`), as PassportEye is imported once and warmed up on the first image.
    """
    from dossiercheck.api import inspect_file, read_options

    start = time.perf_counter()
    found = inspect_file(path, reference_date, read_options(jobs=1, use_cache=False, keep_reader=True))
    seconds = time.perf_counter() - start
    if found.skipped is not None or not found.documents:
        reason = found.skipped.reason if found.skipped is not None else "no document"
        return {"type": None, "about": None, "skipped": reason, "mrz": None, "dates": [], "birth": None,
                "expiry": None, "problems": [], "documents": 0, "seconds": seconds}
    document = found.documents[0]
    mrz = document.mrz
    return {
        "type": document.type,
        "about": document.about,
        "documents": len(found.documents),
        "confidence": document.confidence,
        "cues": list(document.cues),
        "mrz": None if mrz is None else {
            "format": mrz.format,
            "document_code": mrz.document_code,
            "issuing_state": mrz.issuing_state,
            "document_number": mrz.document_number,
            "birth": mrz.birth.isoformat() if mrz.birth else None,
            "expiry": mrz.expiry.isoformat() if mrz.expiry else None,
            "valid": mrz.valid,
            "checks": {c.name: c.ok for c in mrz.checks},
            "corrected": mrz.corrected,
            "lines": list(mrz.lines),
        },
        "dates": [
            {"field": d.field, "value": d.value.isoformat(), "source": d.source, "label": d.label, "raw": d.raw}
            for d in document.dates
        ],
        "birth": _iso(document.date("birth")),
        "expiry": _iso(document.date("expiry")),
        "problems": list(document.problems),
        "seconds": seconds,
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
