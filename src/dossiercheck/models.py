"""Plain data passed from one pipeline stage to the next.

Every stage takes these and returns these; none of them holds an image, so a
document's whole reading can be cached as JSON and a dossier of any size stays
small in memory.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

# How a page's text was obtained.
TextSource = Literal["text-layer", "ocr", "none"]
# Requirement outcome, as in the JSON contract.
Status = Literal["pass", "fail", "missing", "warn", "manual"]
Verdict = Literal["complete", "incomplete"]


@dataclass(frozen=True)
class Word:
    """One OCR word with its box in the pixel space of its (de-rotated) page."""

    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float  # 0-100 as Tesseract gives it; 100 for text-layer words
    line: int  # index of the line on the page, so neighbours can be found

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height


@dataclass(frozen=True)
class Page:
    """The reading of one page: its text, its words and how it was obtained."""

    index: int  # 0-based page number within the file
    width: int  # pixel size of the page the word boxes refer to (after rotation)
    height: int
    text: str
    words: tuple[Word, ...] = ()
    source: TextSource = "ocr"
    # The geometry undone before OCR, in this order: crop, then rotation, then skew.
    rotation: int = 0  # degrees clockwise that were undone (0, 90, 180, 270)
    skew: float = 0.0  # degrees of small skew that were undone (counter-clockwise positive)
    mean_conf: float = 0.0
    mrz_lines: tuple[str, ...] = ()  # the MRZ band OCRed on its own with OCR-B settings, if one was found
    faces: int = 0  # faces detected on the page (ID photos, passport data pages)
    # Corners of the page within a photo, as fractions of its width and height (x0, y0, ... x3, y3,
    # clockwise from top left), when the page was cut out of its background; empty otherwise.
    crop: tuple[float, ...] = ()
    problems: tuple[str, ...] = ()  # page-level trouble (OCR timed out, page too large, ...)

    @classmethod
    def unread(cls, index: int, *problems: str, width: int = 0, height: int = 0, **geometry: Any) -> Page:
        """A page nothing could be read from, with why (and its geometry, when it got that far)."""
        return cls(index=index, width=width, height=height, text="", source="none", problems=problems, **geometry)

    def lines(self) -> list[list[Word]]:
        """Words grouped by line, in reading order."""
        grouped: dict[int, list[Word]] = {}
        for word in self.words:
            grouped.setdefault(word.line, []).append(word)
        return [sorted(ws, key=lambda w: w.left) for _, ws in sorted(grouped.items())]


@dataclass(frozen=True)
class DateField:
    """A date found on a page, with what it was taken to be and why."""

    value: dt.date
    raw: str  # the text as read
    page: int
    field: str | None = None  # "expiry", "issue", "birth", ... or None when unassigned
    label: str | None = None  # the label that decided the field, if any
    box: tuple[int, int, int, int] | None = None  # left, top, width, height on the page
    source: str = "text"  # "text" (visual zone) or "mrz"


@dataclass(frozen=True)
class MrzCheck:
    name: str  # "document_number", "birth", "expiry", "optional", "composite"
    ok: bool


@dataclass(frozen=True)
class Mrz:
    """A parsed ICAO 9303 machine-readable zone."""

    format: str  # "TD1", "TD2", "TD3", "MRVA", "MRVB"
    document_code: str  # "P", "I", "ID", "V", "AR", ...
    issuing_state: str
    surname: str
    given_names: str
    document_number: str
    nationality: str
    birth: dt.date | None
    sex: str
    expiry: dt.date | None
    optional: str
    checks: tuple[MrzCheck, ...]
    lines: tuple[str, ...]
    corrected: bool = False  # characters were changed to make the check digits hold

    @property
    def valid(self) -> bool:
        return all(c.ok for c in self.checks)


@dataclass(frozen=True)
class Skipped:
    """A file that was not read, and why (in words an applicant understands)."""

    file: str
    reason: str


@dataclass
class Document:
    """One document of the dossier and what was read from it: a whole file, or part of one (`part`)."""

    file: str  # relative path inside the dossier, '/'-separated
    sha256: str
    mime: str
    pages: list[Page] = field(default_factory=list)
    type: str = "unknown"
    confidence: float = 0.0
    cues: list[str] = field(default_factory=list)  # what decided the type, for `inspect`
    language: str | None = None
    dates: list[DateField] = field(default_factory=list)
    mrz: Mrz | None = None
    problems: list[str] = field(default_factory=list)
    size: int = 0
    # When one file holds several documents (a scan of everything in one PDF): this part's first and
    # last page, 0-based; None when the document is the whole file.
    part: tuple[int, int] | None = None

    @property
    def name(self) -> str:
        """How reports name the document: its file, and its pages when the file holds several documents."""
        if self.part is None:
            return self.file
        first, last = self.part
        pages = f"page {first + 1}" if first == last else f"pages {first + 1}-{last + 1}"
        return f"{self.file} ({pages})"

    @property
    def text(self) -> str:
        return "\n\f".join(p.text for p in self.pages)

    def date(self, name: str) -> dt.date | None:
        """The date assigned to field `name` ("expiry", "issue", "birth"), if one was read."""
        for found in self.dates:
            if found.field == name:
                return found.value
        return None


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


@dataclass(frozen=True)
class Deadline:
    date: dt.date
    what: str
    requirement: str


@dataclass
class Report:
    """Everything a reporter needs. Reporters render it and compute nothing."""

    tool_version: str
    dossier: str
    profile: str | None
    reference_date: dt.date
    documents: list[Document]
    skipped: list[Skipped]
    requirements: list[RequirementResult] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    total_bytes: int = 0

    @property
    def verdict(self) -> Verdict:
        blocking = {"fail", "missing"}
        return "incomplete" if any(r.status in blocking for r in self.requirements) else "complete"


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
