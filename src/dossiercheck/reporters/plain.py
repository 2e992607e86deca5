"""The report as plain values: the JSON contract, shared by every reporter that needs it.

Personal numbers are masked here, once, so no format can leak them by accident.
"""

from __future__ import annotations

from typing import Any

from dossiercheck.models import Document, Mrz, Report

REPORTED_DATES = ("expiry", "issue", "birth")


def mask(value: str, show: bool) -> str:
    """Keep the last 3 characters of a document or national number unless asked to show it."""
    if show or len(value) <= 3:
        return value
    return "*" * (len(value) - 3) + value[-3:]


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


def document_plain(document: Document, show_personal_data: bool) -> dict[str, Any]:
    dates = {}
    for name in REPORTED_DATES:
        value = document.date(name)
        if value is not None:
            dates[name] = value.isoformat()
    plain: dict[str, Any] = {
        "file": document.file,
        "pages": len(document.pages),
        "type": document.type,
        "confidence": round(float(document.confidence), 3),
        "language": document.language,
        "dates": dates,
        "problems": list(document.problems),
    }
    if document.mrz is not None:
        plain["mrz"] = mrz_plain(document.mrz, show_personal_data)
    return plain


def report_plain(report: Report, show_personal_data: bool = False) -> dict[str, Any]:
    return {
        "tool": {"name": "dossiercheck", "version": report.tool_version},
        "dossier": report.dossier,
        "profile": report.profile,
        "reference_date": report.reference_date.isoformat(),
        "verdict": report.verdict,
        "documents": [document_plain(d, show_personal_data) for d in report.documents],
        "skipped": [{"file": s.file, "reason": s.reason} for s in report.skipped],
        "requirements": [
            {
                "id": r.id,
                "status": r.status,
                "document_type": r.document_type,
                "message": r.message,
                "action": r.action,
                "files": list(r.files),
                "source": r.source,
            }
            for r in report.requirements
        ],
        "deadlines": [
            {"date": d.date.isoformat(), "what": d.what, "requirement": d.requirement}
            for d in sorted(report.deadlines, key=lambda d: (d.date, d.requirement))
        ],
    }
