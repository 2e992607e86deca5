"""Markdown: the checklist and the documents, for a ticket, an e-mail or a pull request."""

from __future__ import annotations

from dossiercheck.models import Report
from dossiercheck.reporters.plain import REPORTED_DATES

MARKS = {"pass": "✅", "fail": "❌", "missing": "❌", "warn": "⚠️", "manual": "👀"}


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(report: Report, **_: object) -> str:
    verdict = "ready" if report.verdict == "complete" else "not ready"
    out = [
        f"# Dossier check: {verdict}",
        "",
        f"- Dossier: `{report.dossier}`",
        f"- Procedure: `{report.profile or 'none'}`",
        f"- Appointment date: {report.reference_date.isoformat()}",
        f"- dossiercheck {report.tool_version}",
        "",
    ]
    if report.requirements:
        out += ["## Checklist", "", "| | Requirement | Result | What to do | Files |", "|---|---|---|---|---|"]
        for r in report.requirements:
            action = r.action if r.status != "pass" else ""
            out.append(f"| {MARKS[r.status]} | `{r.id}` | {cell(r.message)} | {cell(action)} | "
                       f"{cell(', '.join(r.files))} |")
        out.append("")
    out += ["## Documents", "", "| File | Type | Pages | Dates | Problems |", "|---|---|---:|---|---|"]
    for d in report.documents:
        dates = ", ".join(f"{n} {v.isoformat()}" for n in REPORTED_DATES if (v := d.date(n)) is not None)
        out.append(f"| `{cell(d.name)}` | {d.type} | {len(d.pages)} | {dates} | {cell('; '.join(d.problems))} |")
    if report.skipped:
        out += ["", "## Not read", ""]
        out += [f"- `{s.file}`: {s.reason}" for s in report.skipped]
    if report.deadlines:
        out += ["", "## Deadlines", ""]
        out += [f"- {d.date.isoformat()}: {d.what}" for d in sorted(report.deadlines, key=lambda d: d.date)]
    return "\n".join(out) + "\n"
