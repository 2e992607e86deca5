"""A batch's summary: the terminal table, summary.csv and index.html. They render a BatchResult only."""

from __future__ import annotations

import csv
import io

import click
from jinja2 import Environment, PackageLoader, select_autoescape

from dossiercheck import __version__
from dossiercheck.batch import BatchResult, ClientResult
from dossiercheck.reporters import EXTENSIONS

_ENV = Environment(loader=PackageLoader("dossiercheck", "reporters/templates"),
                   autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)
CSV_COLUMNS = ("client", "profile", "verdict", "blocking", "warnings", "nearest_deadline", "deadline_what",
               "reference_date", "error")
COLORS = {"complete": "green", "incomplete": "red", "error": "yellow"}


def row(client: ClientResult) -> dict[str, str]:
    nearest = client.nearest_deadline
    return {
        "client": client.name,
        "profile": client.profile or "",
        "verdict": client.verdict,
        "blocking": " ".join(client.blocking),
        "warnings": " ".join(client.warnings),
        "nearest_deadline": nearest.date.isoformat() if nearest else "",
        "deadline_what": nearest.what if nearest else "",
        "reference_date": client.reference_date.isoformat() if client.reference_date else "",
        "error": client.error,
    }


def render_summary_csv(result: BatchResult) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for client in result.clients:
        writer.writerow(row(client))
    return buffer.getvalue()


def summary_line(result: BatchResult) -> str:
    total = len(result.clients)
    line = (f"{total} dossier{'s' if total != 1 else ''}: {result.count('complete')} complete, "
            f"{result.count('incomplete')} incomplete, {result.count('error')} could not be checked")
    if result.reused:
        line += f"; {result.reused} unchanged since the last run (reports reused, not rendered again)"
    return line + "."


def render_summary_table(result: BatchResult, color: bool = False) -> str:
    """client, profile, verdict, blocking requirements, nearest deadline; an error row says why."""
    rows = [row(c) for c in result.clients]
    headers = {"client": "CLIENT", "profile": "PROFILE", "verdict": "VERDICT"}
    widths = {k: max([len(h)] + [len(r[k]) for r in rows]) for k, h in headers.items()}
    out = ["  ".join(h.ljust(widths[k]) for k, h in headers.items()) + "  BLOCKING / NEAREST DEADLINE"]
    for r in rows:
        verdict = r["verdict"].ljust(widths["verdict"])
        if color:
            verdict = click.style(verdict, fg=COLORS.get(r["verdict"]), bold=r["verdict"] != "complete")
        if r["verdict"] == "error":
            detail = r["error"] if len(r["error"]) <= 150 else r["error"][:149] + "…"
        else:
            deadline = f"{r['nearest_deadline']} {r['deadline_what']}" if r["nearest_deadline"] else "no deadline"
            detail = (f"{r['blocking']}; " if r["blocking"] else "") + deadline
        out.append(f"{r['client'].ljust(widths['client'])}  {r['profile'].ljust(widths['profile'])}  "
                   f"{verdict}  {detail}")
    out.append(summary_line(result))
    return "\n".join(out) + "\n"


def render_index(result: BatchResult, with_reports: bool = True) -> str:
    """index.html beside the clients' report folders, linking each client's reports by relative path."""
    formats = [(fmt, ext) for fmt, ext in EXTENSIONS.items()]
    return _ENV.get_template("index.html.j2").render(
        result=result, rows=[(c, row(c)) for c in result.clients], formats=formats, summary=summary_line(result),
        version=__version__, with_reports=with_reports)
