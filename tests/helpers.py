"""Building the stages' inputs by hand: a file reading made of pages, analysed as the pipeline would."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from dossiercheck.icao.zone import parse_mrz
from dossiercheck.models import Document, FileReading, Mrz, Page
from dossiercheck.pipeline.analyse import analyse_reading


def reading(*pages: Page, file: str = "doc.pdf", mime: str = "application/pdf", size: int = 1000) -> FileReading:
    return FileReading(file=file, sha256="0" * 64, mime=mime, size=size, pages=tuple(pages))


def analysed(*pages: Page, reference_date: dt.date, file: str = "doc.pdf", mime: str = "application/pdf") -> Document:
    """The one document the pages make (the first, when they make several)."""
    return analyse_reading(reading(*pages, file=file, mime=mime), reference_date)[0]


def analysed_all(*pages: Page, reference_date: dt.date, file: str = "all.pdf") -> tuple[Document, ...]:
    return analyse_reading(reading(*pages, file=file), reference_date)


def text_pages(text: str, faces: int = 0) -> tuple[Page, ...]:
    return (Page(index=0, width=1000, height=1400, text=text, faces=faces),)


def mrz_of(lines: Sequence[str], reference_date: dt.date) -> Mrz | None:
    return parse_mrz(tuple(lines), reference_date)
