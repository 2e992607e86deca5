"""The terminal report: what was read, a checklist with ✓ ✗ ! ?, and what to do, in plain words."""

from __future__ import annotations

import click

from dossiercheck.models import Report
from dossiercheck.reporters.plain import REPORTED_DATES

MARKS = {"pass": ("✓", "green"), "fail": ("✗", "red"), "missing": ("✗", "red"), "warn": ("!", "yellow"),
         "manual": ("?", "cyan")}
ASCII_MARKS = {"✓": "OK", "✗": "X", "!": "!", "?": "?"}
DATE_WORDS = {"expiry": "expires", "issue": "issued", "birth": "born"}


def headline(requirement_id: str) -> str:
    """'good_conduct.age' -> 'Good conduct age': the requirement's id in words."""
    words = requirement_id.replace(".", " ").replace("_", " ").replace("-", " ")
    return words[:1].upper() + words[1:]


def render(report: Report, color: bool = False, ascii_only: bool = False, **_: object) -> str:
    def style(text: str, fg: str | None = None, bold: bool = False) -> str:
        return click.style(text, fg=fg, bold=bold) if color else text

    def mark(status: str) -> str:
        symbol, fg = MARKS[status]
        return style(ASCII_MARKS[symbol] if ascii_only else symbol, fg=fg, bold=True)

    out: list[str] = []
    out.append(style(f"Dossier {report.dossier}", bold=True))
    out.append(f"Procedure: {report.profile or '(none chosen)'}   "
               f"Checked for an appointment on {report.reference_date.isoformat()}")
    out.append("")
    out.append(style(f"Documents read ({len(report.documents)})", bold=True))
    width = max((len(d.file) for d in report.documents), default=10)
    for document in report.documents:
        kind = document.type if document.type != "unknown" else "not recognised"
        dates = ", ".join(
            f"{DATE_WORDS[name]} {value.isoformat()}"
            for name in REPORTED_DATES
            if (value := document.date(name)) is not None
        )
        pages = f"{len(document.pages)} p." if len(document.pages) != 1 else "1 p."
        line = f"  {document.file:<{width}}  {kind:<20} {pages:>6}"
        if dates:
            line += f"  {dates}"
        out.append(line)
        for problem in document.problems:
            out.append(f"  {'':<{width}}  {style('! ' + problem, fg='yellow')}")
    if report.skipped:
        out.append("")
        out.append(style(f"Not read ({len(report.skipped)})", bold=True))
        for skipped in report.skipped:
            out.append(f"  {skipped.file}: {skipped.reason}")
    if report.requirements:
        out.append("")
        out.append(style("Checklist", bold=True))
        for requirement in report.requirements:
            out.append(f"  {mark(requirement.status)} {style(headline(requirement.id), bold=True)}: {requirement.message}")
            if requirement.files:
                out.append(f"      files: {', '.join(requirement.files)}")
            if requirement.action and requirement.status != "pass":
                out.append(f"      → {requirement.action}" if not ascii_only else f"      -> {requirement.action}")
    out.append("")
    blocking = [r for r in report.requirements if r.status in ("fail", "missing")]
    warnings = [r for r in report.requirements if r.status in ("warn", "manual")]
    if report.verdict == "complete":
        summary = style("READY", fg="green", bold=True) + ": every requirement that can be checked is met"
        if warnings:
            summary += f"; {len(warnings)} point(s) to look at yourself"
    else:
        summary = style("NOT READY", fg="red", bold=True) + f": {len(blocking)} problem(s) to fix before the appointment"
    if report.skipped:
        summary += f" ({len(report.skipped)} file(s) could not be read)"
    out.append(summary + ".")
    out.append(f"({len(report.documents)} file(s) read, {report.total_bytes / (1024 * 1024):.1f} MiB; "
               "nothing was sent anywhere.)")
    return "\n".join(out) + "\n"
