"""What the analysis stage makes of a file: one or more documents, each with its type, dates and MRZ."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from dossiercheck.models.reading import Mrz, MrzCheck, Page

# Where a date came from: the visual zone's text, the MRZ, or the applicant (dossier.yaml, --given-date).
# Where a date comes from: the page's text, its MRZ, the applicant (dossier.yaml, --given-date), or the
# sworn translation paired with the document (pipeline.translations).
DateOrigin = Literal["text", "mrz", "given", "translation"]
# The cue an original carries naming the sworn translation paired with it, and the cue a sworn translation
# carries naming the type it translates (classify.decide writes it, Document.translates reads it).
PAIRED_CUE = "sworn translation: "
TRANSLATES_CUE = "translates: "
# The cue a document carries naming an attachment found in the same file, on its own page or on its
# page: an apostille stamped on a certificate (classify.decide writes it, rules.legalisation reads it).
ATTACHED_CUE = "attached: "


@dataclass(frozen=True)
class DateField:
    """A date found on a page (or given by the applicant), with what it was taken to be and why."""

    value: dt.date
    raw: str  # the text as read
    page: int
    field: str | None = None  # "expiry", "issue", "birth", ... or None when unassigned
    label: str | None = None  # the label that decided the field, if any
    box: tuple[int, int, int, int] | None = None  # left, top, width, height on the page
    source: DateOrigin = "text"
    # The other reading of a numeric date whose order nothing on its document decides ("03/07/2026" read
    # 3 July, could be 7 March: extract.dates.numeric_order); None when the date has one reading.
    other: dt.date | None = None


@dataclass(frozen=True)
class Classification:
    """A document type with how sure the classifier is and the cues that decided it (for `inspect`)."""

    type: str
    confidence: float  # 0-1
    cues: Sequence[str] = ()  # frozen to a tuple when made
    about: str | None = None  # for a page about documents (type "information"): the type it is about

    def __post_init__(self) -> None:
        object.__setattr__(self, "cues", tuple(self.cues))


@dataclass(frozen=True)
class PageEvidence:
    """What one page says on its own: its MRZ and its type. Computed once, used by splitting and analysis."""

    index: int
    mrz: Mrz | None
    classification: Classification


def _frozen(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


@dataclass(frozen=True)
class Document:
    """One document of the dossier and what was read from it: a whole file, or part of one (`part`)."""

    file: str  # relative path inside the dossier, '/'-separated
    sha256: str
    mime: str
    pages: tuple[Page, ...] = ()
    type: str = "unknown"
    confidence: float = 0.0
    cues: tuple[str, ...] = ()  # what decided the type, for `inspect`
    language: str | None = None
    dates: tuple[DateField, ...] = ()
    mrz: Mrz | None = None
    problems: tuple[str, ...] = ()
    size: int = 0
    # When one file holds several documents (a scan of everything in one PDF): this part's first and
    # last page, 0-based; None when the document is the whole file.
    part: tuple[int, int] | None = None
    # A page about the document type `about` (a web page, a leaflet), not an instance of it.
    about: str | None = None

    def __post_init__(self) -> None:
        # Lists are accepted from callers (tests, scripts) and frozen here, so no stage can change them.
        for name in ("pages", "cues", "dates", "problems"):
            object.__setattr__(self, name, _frozen(getattr(self, name)))

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
        """The date assigned to field `name` ("expiry", "issue", "birth"), if one was read or given."""
        found = self.date_field(name)
        return found.value if found is not None else None

    def translation(self) -> str | None:
        """The name of the sworn translation paired with this document (pipeline.translations), if any."""
        return next((c[len(PAIRED_CUE):] for c in self.cues if c.startswith(PAIRED_CUE)), None)

    def translates(self) -> str | None:
        """The type a sworn translation carries (classify.decide's cue), None when its content did not say."""
        return next((c[len(TRANSLATES_CUE):] for c in self.cues if c.startswith(TRANSLATES_CUE)), None)

    def attached(self) -> tuple[str, ...]:
        """The types of the attachments found with this document (an apostille on its page or stapled to it)."""
        return tuple(c[len(ATTACHED_CUE):] for c in self.cues if c.startswith(ATTACHED_CUE))

    def date_field(self, name: str) -> DateField | None:
        """The DateField assigned to `name`: given dates first, then the first one read."""
        assigned = [d for d in self.dates if d.field == name]
        given = [d for d in assigned if d.source == "given"]
        return (given or assigned)[0] if assigned else None


def document_to_plain(document: Document) -> dict[str, Any]:
    """The document as JSON values, its pages named by their index in the file (the OCR cache holds them)."""
    from dossiercheck.models import to_plain

    plain = to_plain(dataclasses.replace(document, pages=()))
    plain["pages"] = [p.index for p in document.pages]
    return plain


def document_from_plain(plain: dict[str, Any], pages: Sequence[Page]) -> Document:
    """Rebuild a document from document_to_plain, taking its pages from the file's reading."""
    by_index = {p.index: p for p in pages}
    mrz = plain.get("mrz")
    return Document(
        file=plain["file"], sha256=plain["sha256"], mime=plain["mime"],
        pages=tuple(by_index[i] for i in plain["pages"]), type=plain["type"], confidence=plain["confidence"],
        cues=tuple(plain["cues"]), language=plain["language"],
        dates=tuple(_date_field(d) for d in plain["dates"]), mrz=_mrz(mrz) if mrz else None,
        problems=tuple(plain["problems"]), size=plain["size"],
        part=tuple(plain["part"]) if plain["part"] else None,  # type: ignore[arg-type]
        about=plain.get("about"),
    )


def _date_field(plain: dict[str, Any]) -> DateField:
    box, other = plain.get("box"), plain.get("other")
    return DateField(value=dt.date.fromisoformat(plain["value"]), raw=plain["raw"], page=plain["page"],
                     field=plain.get("field"), label=plain.get("label"), box=tuple(box) if box else None,  # type: ignore[arg-type]
                     source=plain.get("source", "text"), other=dt.date.fromisoformat(other) if other else None)


def _mrz(plain: dict[str, Any]) -> Mrz:
    def day(value: str | None) -> dt.date | None:
        return dt.date.fromisoformat(value) if value else None

    fields = {k: v for k, v in plain.items() if k not in ("birth", "expiry", "checks", "lines")}
    return Mrz(**fields, birth=day(plain["birth"]), expiry=day(plain["expiry"]),
               checks=tuple(MrzCheck(c["name"], c["ok"]) for c in plain["checks"]), lines=tuple(plain["lines"]))


def file_of_name(name: str) -> str:
    """The file a document's name (`Document.name`) names: 'scan.pdf (pages 3-4)' -> 'scan.pdf'."""
    return name.rsplit(" (page", 1)[0] if name.endswith(")") and " (page" in name else name
