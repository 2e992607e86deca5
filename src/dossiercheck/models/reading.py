"""What the read stages produce: a file's pages as OCR (or a text layer) gave them, and its MRZ.

None of these holds an image, so a file's whole reading can be cached as JSON and a dossier of any
size stays small in memory.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

# How a page's text was obtained.
TextSource = Literal["text-layer", "ocr", "none"]


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
    # The script the page's letters are in when it is not one the tool reads ("Arabic", "Cyrillic", as
    # Tesseract's OSD names them); "" for the Latin script or when not known.
    script: str = ""

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
class FileReading:
    """One file as the read stage leaves it: its pages, in order, and file-level problems."""

    file: str  # relative path inside the dossier, '/'-separated
    sha256: str
    mime: str
    size: int
    pages: tuple[Page, ...]
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class Skipped:
    """A file that was not read, and why (in words an applicant understands)."""

    file: str
    reason: str


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


def page_from_plain(plain: dict[str, Any]) -> Page:
    """Rebuild a Page from its JSON form (the OCR cache)."""
    words = tuple(Word(**w) for w in plain.get("words", ()))
    fields = {k: v for k, v in plain.items() if k != "words"}
    for key in ("mrz_lines", "problems", "crop"):
        fields[key] = tuple(fields.get(key, ()))
    return Page(words=words, **fields)
