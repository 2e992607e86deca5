"""The terminal report: what was read, a checklist with ✓ ✗ ! ?, and what to do, in plain words."""

from __future__ import annotations

import click

from dossiercheck.knowledge.wording import words_for
from dossiercheck.models import Report
from dossiercheck.reporters.plain import headline, kind_of, requirement_name, requirement_sources, shown_dates

MARKS = {
    "pass": ("✓", "green"),
    "fail": ("✗", "red"),
    "missing": ("✗", "red"),
    "warn": ("!", "yellow"),
    "manual": ("?", "cyan"),
}
ASCII_MARKS = {"✓": "OK", "✗": "X", "!": "!", "?": "?"}
__all__ = ["headline", "render"]  # headline: the id in words, kept here for callers that import it from text


def render(report: Report, color: bool = False, ascii_only: bool = False, lang: str = "en", **_: object) -> str:
    w = words_for(lang)

    def style(text: str, fg: str | None = None, bold: bool = False) -> str:
        return click.style(text, fg=fg, bold=bold) if color else text

    def mark(status: str) -> str:
        symbol, fg = MARKS[status]
        return style(ASCII_MARKS[symbol] if ascii_only else symbol, fg=fg, bold=True)

    out: list[str] = []
    out.append(style(f"{w['dossier']} {report.dossier}", bold=True))
    out.append(
        f"{w['procedure']}: {report.profile or w['none']}   {w['appointment']} {report.reference_date.isoformat()}"
    )
    out.append("")
    out.append(style(f"{w['read']} ({len(report.documents)})", bold=True))
    width = max((len(d.name) for d in report.documents), default=10)
    kinds = [kind_of(d, lang) for d in report.documents]
    kind_width = max((len(k) for k in kinds), default=10)
    for document, kind in zip(report.documents, kinds, strict=True):
        dates = ", ".join(f"{w.get(str(d.field), str(d.field))} {d.value.isoformat()}"
                          + (f" ({w['given_date']})" if d.source == "given" else "") for d in shown_dates(document))
        line = f"  {document.name:<{width}}  {kind:<{kind_width}} {len(document.pages):>3} p."
        if dates:
            line += f"  {dates}"
        out.append(line)
        for problem in document.problems:
            out.append(f"  {'':<{width}}  {style('! ' + problem, fg='yellow')}")
    if report.skipped:
        out.append("")
        out.append(style(f"{w['not_read']} ({len(report.skipped)})", bold=True))
        for skipped in report.skipped:
            out.append(f"  {skipped.file}: {skipped.reason}")
    if report.requirements:
        out.append("")
        out.append(style(w["checklist"], bold=True))
        arrow = "->" if ascii_only else "→"
        for requirement in report.requirements:
            name = requirement_name(requirement)
            out.append(f"  {mark(requirement.status)} {style(name, bold=True)}: {requirement.message}")
            if requirement.files:
                out.append(f"      {w['files']}: {', '.join(requirement.files)}")
            if requirement.status != "pass":  # like the action: what to read when something is to be done
                if requirement.action:
                    out.append(f"      {arrow} {requirement.action}")
                for title, url in requirement_sources(requirement):
                    out.append(f"      {w['source']}: {title} {url}".rstrip())
    out.append("")
    blocking = [r for r in report.requirements if r.status in ("fail", "missing")]
    to_look = [r for r in report.requirements if r.status in ("warn", "manual")]
    if report.verdict == "complete":
        summary = style(w["ready"], fg="green", bold=True) + ": " + w["ready_rest"]
        if to_look:
            summary += "; " + w["to_look"].format(n=len(to_look))
    else:
        summary = style(w["not_ready"], fg="red", bold=True) + ": " + w["not_ready_rest"].format(n=len(blocking))
    if report.skipped:
        summary += " (" + w["unreadable"].format(n=len(report.skipped)) + ")"
    out.append(summary + ".")
    out.append(w["footer"].format(n=len(report.documents), mib=report.total_bytes / (1024 * 1024)))
    return "\n".join(out) + "\n"
