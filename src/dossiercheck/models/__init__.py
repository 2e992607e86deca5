"""Plain, frozen data passed from one pipeline stage to the next, one module per stage that makes it.

    reading   Word, Page, FileReading, Skipped, Mrz       (ingest and ocr)
    document  DateField, Classification, PageEvidence, Document   (classify and extract)
    dossier   DossierInfo, GivenDate, DossierSettings    (what the applicant says)
    profile   Profile, Requirement, Source               (schemas/profiles, for rules)
    report    RequirementResult, Deadline, Report, ClientResult, BatchResult, PagePicture   (rules, report)

Every stage takes these and returns new ones; none is changed after it is made.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from dossiercheck.models.document import Classification, DateField, DateOrigin, Document, PageEvidence
from dossiercheck.models.dossier import Absence, Applicant, DossierInfo, DossierSettings, GivenDate
from dossiercheck.models.profile import Profile, Requirement, Source
from dossiercheck.models.reading import FileReading, Mrz, MrzCheck, Page, Skipped, TextSource, Word
from dossiercheck.models.report import (
    BLOCKING,
    BatchResult,
    BatchVerdict,
    ClientResult,
    Deadline,
    PagePicture,
    Report,
    RequirementResult,
    Status,
    Verdict,
)


def to_plain(obj: Any) -> Any:
    """Dataclasses, dates and tuples as JSON-ready values (for the cache and reports)."""
    if hasattr(obj, "__dataclass_fields__"):
        return {k: to_plain(v) for k, v in asdict(obj).items()}
    if isinstance(obj, dict):
        return {k: to_plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_plain(v) for v in obj]
    if isinstance(obj, dt.date):
        return obj.isoformat()
    return obj


__all__ = [
    "BLOCKING", "Absence", "Applicant", "BatchResult", "BatchVerdict", "Classification", "ClientResult",
    "DateField", "DateOrigin", "Deadline", "Document", "DossierInfo", "DossierSettings", "FileReading",
    "GivenDate", "Mrz", "MrzCheck", "Page", "PageEvidence", "PagePicture", "Profile", "Report", "Requirement",
    "RequirementResult", "Skipped", "Source", "Status", "TextSource", "Verdict", "Word", "to_plain",
]
