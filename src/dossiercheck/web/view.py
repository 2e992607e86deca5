"""The Report as the page shows it: each requirement with its evidence, each document with why it was taken
for what it is. Nothing here decides anything: it picks, from what the library found, what to show where.

The report is masked first (`masked_report`), as for every format, so no document number reaches the page.
Pictures are served by URL (the page's Content-Security-Policy allows no `data:` image) and the dates are
boxed on them with SVG rectangles (attributes, not inline styles, which that policy forbids too).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dossiercheck.knowledge.wording import date_name, document_name
from dossiercheck.models import DateField, Document, PagePicture, Report, RequirementResult
from dossiercheck.reporters.plain import kind_of, masked_report, requirement_name, requirement_sources, shown_dates

MARKS = {"pass": "✓", "fail": "✗", "missing": "✗", "warn": "!", "manual": "?"}
# Cues such as "passport: 'passeport' +4": the words that were seen, and how strongly they counted.
WORD_CUE = re.compile(r"^[a-z_]+: '(?P<words>.+)' [+-][\d.]+$")
MAX_CUES = 8  # the strongest cues come first; the rest add nothing a reader needs
MAX_EVIDENCE = 4  # documents pictured per requirement; the rest are named


@dataclass(frozen=True)
class Box:
    """A date boxed on a picture, in the picture's pixels."""

    x: float
    y: float
    width: float
    height: float
    label: str


@dataclass(frozen=True)
class Picture:
    url: str
    width: int
    height: int
    label: str  # the picture's text alternative
    boxes: tuple[Box, ...] = ()


@dataclass(frozen=True)
class Evidence:
    name: str
    type: str
    counted: str  # "The date that counted is boxed: expiry 2033-08-17." or ""
    why: tuple[str, ...]  # the words that made the document this type
    pictures: tuple[Picture, ...] = ()


@dataclass(frozen=True)
class RequirementView:
    id: str
    name: str
    status: str
    mark: str
    message: str
    action: str
    sources: tuple[tuple[str, str], ...]  # (title, address); the address is "" when there is no page to open
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class DocumentView:
    name: str  # as the report names it, in the page's language
    file: str  # the uploaded file, as the given dates name it
    type: str
    recognised: str
    why: tuple[str, ...]
    about: str
    dates: tuple[tuple[str, str, str], ...]  # name, value, where it came from ("" when read on the page)
    problems: tuple[str, ...]
    pictures: tuple[Picture, ...] = ()


class PictureIndex:
    """The pictures of one check, numbered for their URLs (the page loads them; nothing is inlined)."""

    def __init__(self, base: str, pictures: Mapping[tuple[str, int], PagePicture]) -> None:
        self.base, self.pictures = base, pictures  # base: /s/<session>/pictures/<job>
        self.keys = sorted(pictures)
        self.numbers = {key: i for i, key in enumerate(self.keys)}

    def url(self, file: str, page: int) -> str | None:
        number = self.numbers.get((file, page))
        return None if number is None else f"{self.base}/{number}"

    def by_number(self, number: int) -> PagePicture | None:
        return self.pictures[self.keys[number]] if 0 <= number < len(self.keys) else None


def boxed_date(document: Document, name: str) -> DateField | None:
    """The date the rule used, as it stands on the page: the one that counts, or one read with the same value."""
    chosen = document.date_field(name)
    if chosen is None or chosen.box is not None:
        return chosen
    for found in document.dates:
        if found.field == name and found.value == chosen.value and found.box is not None:
            return found
    return chosen


def cue_words(document: Document) -> tuple[str, ...]:
    """Why the document is of its type, as the words that were seen on it ('“passeport”')."""
    out = []
    for cue in document.cues[:MAX_CUES]:
        found = WORD_CUE.match(cue)
        out.append(f"“{found.group('words')}”" if found else cue)
    return tuple(out)


class ReportView:
    """Everything the result fragment shows, in `lang`; `words` are the page's (messages.page_words)."""

    def __init__(self, report: Report, pictures: PictureIndex, lang: str, words: Mapping[str, str]) -> None:
        self.report = masked_report(report)
        self.index, self.lang, self.w = pictures, lang, words
        self.by_name: dict[str, Document] = {}
        for document in self.report.documents:
            self.by_name.setdefault(document.file, document)
            self.by_name[document.name] = document

    def picture(self, document: Document, page: int, dates: Sequence[DateField]) -> Picture | None:
        url = self.index.url(document.file, page)
        shot = self.index.pictures.get((document.file, page))
        if url is None or shot is None:
            return None
        boxes = tuple(
            Box(d.box[0] * shot.scale, d.box[1] * shot.scale, d.box[2] * shot.scale, d.box[3] * shot.scale,
                f"{date_name(d.field or '', self.lang)} {d.value.isoformat()}")
            for d in dates if d.box is not None and d.page == page)
        n, file = page + 1, document_name(document, self.lang)
        if len(dates) == 1 and boxes:
            label = self.w["page_picture_alt_boxed"].format(
                n=n, file=file, field=date_name(dates[0].field or "", self.lang), value=dates[0].value.isoformat())
        else:
            label = self.w["page_picture_alt"].format(n=n, file=file)
        return Picture(url, shot.width, shot.height, label, boxes)

    def evidence_of(self, result: RequirementResult) -> tuple[Evidence, ...]:
        """Each document the requirement rests on, with its page and the date that counted boxed on it."""
        name = result.date_field
        out: list[Evidence] = []
        for file in result.files:
            document = self.by_name.get(file)
            if document is None or len(out) >= MAX_EVIDENCE:
                continue
            found = boxed_date(document, name) if name else None
            page = found.page if found is not None else (document.pages[0].index if document.pages else 0)
            shown = self.picture(document, page, [found] if found is not None else [])
            counted = ""
            if found is not None:
                counted = self.w["page_date_boxed"].format(field=date_name(name or "", self.lang),
                                                           value=found.value.isoformat())
            out.append(Evidence(document_name(document, self.lang), self.type_words(document), counted,
                                cue_words(document), (shown,) if shown else ()))
        return tuple(out)

    def type_words(self, document: Document) -> str:
        return kind_of(document, self.lang)

    def requirements(self) -> list[RequirementView]:
        return [
            RequirementView(
                id=r.id, name=requirement_name(r), status=r.status, mark=MARKS[r.status], message=r.message,
                action=r.action if r.status != "pass" else "", sources=tuple(requirement_sources(r)),
                evidence=self.evidence_of(r))
            for r in self.report.requirements
        ]

    def recognised(self, document: Document) -> str:
        if document.type == "unknown":
            return self.w["page_not_recognised"]
        percent = self.w["percent"].format(n=f"{document.confidence * 100:.0f}")
        return self.w["page_recognised_as"].format(type=self.type_words(document), percent=percent)

    def dates_of(self, document: Document) -> tuple[tuple[str, str, str], ...]:
        where = {"given": self.w["page_given_by_you"], "mrz": self.w["page_from_mrz"]}
        return tuple((date_name(d.field or "", self.lang), d.value.isoformat(), where.get(d.source, ""))
                     for d in shown_dates(document))

    def documents(self) -> list[DocumentView]:
        out = []
        for document in self.report.documents:
            assigned = [d for d in document.dates if d.field]
            pages = [self.picture(document, p.index, assigned) for p in document.pages]
            about = kind_of(document, self.lang) if document.about else ""
            out.append(DocumentView(
                name=document_name(document, self.lang), file=document.file, type=document.type,
                recognised=self.recognised(document), why=cue_words(document), about=about,
                dates=self.dates_of(document), problems=document.problems, pictures=tuple(p for p in pages if p)))
        return out

    def summary(self) -> dict[str, object]:
        """The verdict line, as the text report words it."""
        blocking = sum(r.status in ("fail", "missing") for r in self.report.requirements)
        to_look = sum(r.status in ("warn", "manual") for r in self.report.requirements)
        if self.report.verdict == "complete":
            parts = [self.w["page_summary_ready"]]
            if to_look:
                parts.append(sentence(self.w["to_look"].format(n=to_look)))
        else:
            parts = [sentence(self.w["not_ready_rest"].format(n=blocking))]
        if self.report.skipped:
            parts.append(sentence(self.w["unreadable"].format(n=len(self.report.skipped))))
        return {"verdict": self.report.verdict, "line": " ".join(parts), "blocking": blocking, "to_look": to_look}


def sentence(text: str) -> str:
    """'2 point(s) to look at yourself' -> '2 point(s) to look at yourself.' with a capital first letter."""
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")
