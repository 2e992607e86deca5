"""What the rule and report stages produce: requirement results, deadlines, the report, a batch's rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from dossiercheck.models.document import Document
from dossiercheck.models.reading import Skipped

# Requirement outcome, as in the JSON contract.
Status = Literal["pass", "fail", "missing", "warn", "manual"]
Verdict = Literal["complete", "incomplete"]
BatchVerdict = Literal["complete", "incomplete", "error"]
BLOCKING = ("fail", "missing")


@dataclass(frozen=True)
class RequirementResult:
    """The outcome of one requirement of a profile, as the report shows it."""

    id: str
    status: Status
    message: str
    document_type: str | None = None
    files: tuple[str, ...] = ()
    source: str = ""
    action: str = ""  # what the applicant should do about it; empty when nothing
    severity: str = "fail"
    name: str = ""  # the requirement in words, in the report's language ("Passport validity")
    sources: tuple[tuple[str, str], ...] = ()  # (title, address) of each source a reader can open
    date_field: str = ""  # the document's date the outcome rests on ("expiry", "issue"); "" when none


@dataclass(frozen=True)
class Deadline:
    date: dt.date
    what: str
    requirement: str


@dataclass(frozen=True)
class PagePicture:
    """A small picture of a page for the HTML report, in the geometry the OCR saw (so date boxes land)."""

    data_uri: str
    width: int
    height: int
    scale: float  # picture pixels per pixel of the page the word boxes refer to


@dataclass(frozen=True)
class Report:
    """Everything a reporter needs. Reporters render it and compute nothing."""

    tool_version: str
    dossier: str
    profile: str | None
    reference_date: dt.date
    documents: tuple[Document, ...]
    skipped: tuple[Skipped, ...]
    requirements: tuple[RequirementResult, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    total_bytes: int = 0
    lang: str = "en"  # the language the messages are worded in

    def __post_init__(self) -> None:
        for name in ("documents", "skipped", "requirements", "deadlines"):
            value = getattr(self, name)
            if isinstance(value, list):
                object.__setattr__(self, name, tuple(value))

    @property
    def verdict(self) -> Verdict:
        return "incomplete" if any(r.status in BLOCKING for r in self.requirements) else "complete"


@dataclass(frozen=True)
class ClientResult:
    """One client's row in a batch: what the summary, the index and the calendar show."""

    name: str
    folder: str
    profile: str | None = None
    reference_date: dt.date | None = None
    verdict: BatchVerdict = "error"
    blocking: tuple[str, ...] = ()  # requirement ids that fail or are missing
    warnings: tuple[str, ...] = ()  # requirement ids with status warn
    deadlines: tuple[Deadline, ...] = ()
    error: str = ""
    report: Report | None = None  # None when reused from the manifest or in error
    key: str = ""  # what decides whether the last run's reports are still valid
    reused: bool = False

    @property
    def nearest_deadline(self) -> Deadline | None:
        """The first deadline on or after the appointment date, else the latest one passed."""
        ordered = sorted(self.deadlines, key=lambda d: (d.date, d.requirement))
        ahead = [d for d in ordered if self.reference_date is None or d.date >= self.reference_date]
        return ahead[0] if ahead else (ordered[-1] if ordered else None)


@dataclass(frozen=True)
class BatchResult:
    clients_dir: str
    clients: tuple[ClientResult, ...] = field(default_factory=tuple)

    @property
    def reused(self) -> int:
        return sum(c.reused for c in self.clients)

    def count(self, verdict: str) -> int:
        return sum(c.verdict == verdict for c in self.clients)

    def failed(self, fail_on: str) -> bool:
        """Whether the run should exit 1: any dossier not complete, or with fail_on="warn" any warning."""
        return any(c.verdict != "complete" or (fail_on == "warn" and c.warnings) for c in self.clients)
