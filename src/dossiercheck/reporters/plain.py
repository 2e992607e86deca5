"""The report as plain values: the JSON contract, shared by every reporter that needs it.

Personal numbers are masked here, once, so no format can leak them by accident.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import Any

from dossiercheck.models import DateField, Document, Mrz, Report, RequirementResult

REPORTED_DATES = ("expiry", "issue", "birth")


def shown_dates(document: Document) -> list[DateField]:
    """The dates a report shows for a document: its type's own (a lease's signature, start and end, not
    an 'issue' date) and the holder's birth and the expiry; each field once, given dates first."""
    from dossiercheck.knowledge.doctypes import load_doctypes

    doctype = load_doctypes().get(document.type)
    fields = list(REPORTED_DATES)
    if doctype is not None and doctype.issue_date not in (None, "issue"):
        fields = [f for f in fields if f != "issue"]
        fields += [f for f in doctype.dates if f not in fields and f != "birth"]
    return [found for name in fields if (found := document.date_field(name)) is not None]
# A Belgian national register number, YY.MM.DD-XXX.XX, written with or without its separators.
NATIONAL_NUMBER = re.compile(r"(?<![\w.])\d{2}([. ]?)\d{2}\1\d{2}[- .]?\d{3}[. ]?\d{2}(?![\w])")
# Shorter strings are too likely to be an ordinary word or number elsewhere in a message.
MIN_SECRET = 5


def headline(requirement_id: str) -> str:
    """'good_conduct.age' -> 'Good conduct age': the id in words, for a result that carries no name."""
    words = requirement_id.replace(".", " ").replace("_", " ").replace("-", " ")
    return words[:1].upper() + words[1:]


def requirement_name(requirement: RequirementResult) -> str:
    """What the reader sees for a requirement: its name in the report's language (the profile's words)."""
    return requirement.name or headline(requirement.id)


def requirement_sources(requirement: RequirementResult) -> list[tuple[str, str]]:
    """(title, address) of each source; the address is "" for a page whose address is not known.

    A result built without sources (by hand, by an older caller) shows its `source` line as the title.
    """
    if requirement.sources:
        return [(title or url, url if url.startswith(("https://", "http://")) else "")
                for title, url in requirement.sources]
    return [(requirement.source, "")] if requirement.source else []


def mask(value: str, show: bool) -> str:
    """Keep the last 3 characters of a document or national number unless asked to show it."""
    if show or len(value) <= 3:
        return value
    return "*" * (len(value) - 3) + value[-3:]


def _mask_digits(found: re.Match[str]) -> str:
    """'90.04.12-123.45' -> '**.**.**-**3.45': separators kept, every digit but the last 3 hidden."""
    text = found.group(0)
    keep = len(text)
    digits = 0
    for i in range(len(text) - 1, -1, -1):
        if text[i].isdigit():
            digits += 1
            if digits == 3:
                keep = i
                break
    return "".join("*" if ch.isdigit() else ch for ch in text[:keep]) + text[keep:]


def mask_text(text: str, show: bool, secrets: Iterable[str] = ()) -> str:
    """Mask national register numbers and the given document numbers wherever they appear in text."""
    if show or not text:
        return text
    for secret in sorted({s for s in secrets if len(s) >= MIN_SECRET}, key=len, reverse=True):
        text = text.replace(secret, mask(secret, False))
    return NATIONAL_NUMBER.sub(_mask_digits, text)


def personal_numbers(report: Report) -> list[str]:
    """The document numbers read from the dossier's MRZs: masked wherever they turn up."""
    return [d.mrz.document_number for d in report.documents if d.mrz is not None and d.mrz.document_number]


def masked_report(report: Report, show_personal_data: bool = False) -> Report:
    """A copy of the report with personal numbers masked in every string a reporter shows.

    Reporters that render the Report itself (text, markdown, JUnit, HTML) get this copy, so none
    can leak a number by accident; `--show-personal-data` returns the report as it is.
    """
    if show_personal_data:
        return report
    secrets = personal_numbers(report)

    def hide(text: str) -> str:
        return mask_text(text, False, secrets)

    documents = [
        dataclasses.replace(
            d,
            problems=tuple(hide(p) for p in d.problems),
            cues=tuple(hide(c) for c in d.cues),
            dates=tuple(dataclasses.replace(f, raw=hide(f.raw)) for f in d.dates),
            mrz=None if d.mrz is None else dataclasses.replace(
                d.mrz, document_number=mask(d.mrz.document_number, False),
                lines=tuple(hide(line) for line in d.mrz.lines),
                optional=mask(d.mrz.optional, False)),  # on Belgian cards: the national register number
        )
        for d in report.documents
    ]
    return dataclasses.replace(
        report,
        documents=tuple(documents),
        skipped=tuple(dataclasses.replace(s, reason=hide(s.reason)) for s in report.skipped),
        requirements=tuple(dataclasses.replace(r, message=hide(r.message), action=hide(r.action))
                           for r in report.requirements),
        deadlines=tuple(dataclasses.replace(d, what=hide(d.what)) for d in report.deadlines),
    )


def mrz_plain(mrz: Mrz, show_personal_data: bool) -> dict[str, Any]:
    return {
        "format": mrz.format,
        "document_code": mrz.document_code,
        "issuing_state": mrz.issuing_state,
        "surname": mrz.surname,
        "given_names": mrz.given_names,
        "document_number": mask(mrz.document_number, show_personal_data),
        "nationality": mrz.nationality,
        "birth": mrz.birth.isoformat() if mrz.birth else None,
        "sex": mrz.sex,
        "expiry": mrz.expiry.isoformat() if mrz.expiry else None,
        "valid": mrz.valid,
        "corrected": mrz.corrected,
        "checks": {c.name: c.ok for c in mrz.checks},
    }


def document_plain(document: Document, show_personal_data: bool,
                   secrets: Iterable[str] | None = None) -> dict[str, Any]:
    own_numbers = [document.mrz.document_number] if document.mrz is not None else []
    shown = shown_dates(document)
    dates = {str(d.field): d.value.isoformat() for d in shown}
    plain: dict[str, Any] = {
        "file": document.file,
        "pages": len(document.pages),
        "type": document.type,
        "confidence": round(float(document.confidence), 3),
        "language": document.language,
        "dates": dates,
        "date_sources": {str(d.field): d.source for d in shown},
        "about": document.about,
        "problems": [mask_text(p, show_personal_data, secrets if secrets is not None else own_numbers)
                     for p in document.problems],
    }
    if document.part is not None:  # one of several documents in the file: its pages, 1-based
        plain["part"] = {"first_page": document.part[0] + 1, "last_page": document.part[1] + 1}
    if document.mrz is not None:
        plain["mrz"] = mrz_plain(document.mrz, show_personal_data)
    return plain


def report_plain(report: Report, show_personal_data: bool = False) -> dict[str, Any]:
    secrets = personal_numbers(report)

    def hide(text: str) -> str:
        return mask_text(text, show_personal_data, secrets)

    return {
        "tool": {"name": "dossiercheck", "version": report.tool_version},
        "dossier": report.dossier,
        "profile": report.profile,
        "reference_date": report.reference_date.isoformat(),
        "verdict": report.verdict,
        "documents": [document_plain(d, show_personal_data, secrets) for d in report.documents],
        "skipped": [{"file": s.file, "reason": hide(s.reason)} for s in report.skipped],
        "requirements": [
            {
                "id": r.id,
                "name": requirement_name(r),
                "status": r.status,
                "document_type": r.document_type,
                "message": hide(r.message),
                "action": hide(r.action),
                "files": list(r.files),
                "source": r.source,
                **({"date_field": r.date_field} if r.date_field else {}),
            }
            for r in report.requirements
        ],
        "deadlines": [
            {"date": d.date.isoformat(), "what": hide(d.what), "requirement": d.requirement}
            for d in sorted(report.deadlines, key=lambda d: (d.date, d.requirement))
        ],
    }


def kind_of(document: Document, lang: str) -> str:
    """The document's type as the report names it; a page about a type says so."""
    from dossiercheck.knowledge.wording import type_name, words_for

    w = words_for(lang)
    if document.about is not None:
        name = type_name(document.about, lang)
        if name[1:2].islower():  # in the middle of a phrase: "page about certificate of good conduct"
            name = name[0].lower() + name[1:]
        return w["about_page"].format(type=name)
    return type_name(document.type, lang) if document.type != "unknown" else w["unknown"]
