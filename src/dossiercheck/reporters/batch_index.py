"""A batch's summary: the terminal table, summary.csv and index.html. They render a BatchResult only.

The table, the summary line and index.html are worded in `lang` (wording.py); summary.csv is not:
its columns and values are ids, read by scripts.
"""

from __future__ import annotations

import csv
import io

import click
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from dossiercheck.knowledge.wording import counted, report_language, words_for
from dossiercheck.models import BatchResult, ClientResult
from dossiercheck.reporters import EXTENSIONS
from dossiercheck.version import __version__

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


def summary_line(result: BatchResult, lang: str = "en") -> str:
    """'20 dossiers: 12 complete, 6 incomplete, 2 could not be checked.', in `lang` (en, fr or nl; else English)."""
    w = words_for(lang)
    total = len(result.clients)
    line = (counted(lang, "batch_dossiers", total) + w["colon"]
            + w["batch_counts"].format(complete=result.count("complete"), incomplete=result.count("incomplete"),
                                       error=result.count("error")))
    if result.reused:
        line += w["batch_reused"].format(n=result.reused)
    return line + "."


def render_summary_table(result: BatchResult, color: bool = False, lang: str = "en") -> str:
    """client, profile, verdict, blocking requirements, nearest deadline; an error row says why."""
    w = words_for(lang)
    rows = [row(c) for c in result.clients]
    headers = {"client": w["batch_table_client"], "profile": w["batch_table_profile"],
               "verdict": w["batch_table_verdict"]}
    # What the table shows: the csv's verdict ids in words.
    cells = [{**r, "verdict": w[f"batch_verdict_{r['verdict']}"]} for r in rows]
    widths = {k: max([len(h)] + [len(c[k]) for c in cells]) for k, h in headers.items()}
    out = ["  ".join(h.ljust(widths[k]) for k, h in headers.items()) + "  " + w["batch_table_detail"]]
    for r, cell in zip(rows, cells, strict=True):
        verdict = cell["verdict"].ljust(widths["verdict"])
        if color:
            verdict = click.style(verdict, fg=COLORS.get(r["verdict"]), bold=r["verdict"] != "complete")
        if r["verdict"] == "error":
            detail = r["error"] if len(r["error"]) <= 150 else r["error"][:149] + "…"
        else:
            deadline = (f"{r['nearest_deadline']} {r['deadline_what']}" if r["nearest_deadline"]
                        else w["batch_no_deadline"])
            detail = (f"{r['blocking']}; " if r["blocking"] else "") + deadline
        out.append(f"{r['client'].ljust(widths['client'])}  {r['profile'].ljust(widths['profile'])}  "
                   f"{verdict}  {detail}")
    out.append(summary_line(result, lang))
    return "\n".join(out) + "\n"


def render_index(result: BatchResult, with_reports: bool = True, lang: str = "en") -> str:
    """index.html beside the clients' report folders, linking each client's reports by relative path."""
    lang = report_language(lang)
    # Our own words, as trusted as the template's text (as in html.py); what fills them is escaped.
    words = {key: Markup(value) for key, value in words_for(lang).items()}
    formats = [(fmt, ext) for fmt, ext in EXTENSIONS.items()]
    return _ENV.get_template("index.html.j2").render(
        result=result, rows=[(c, row(c)) for c in result.clients], formats=formats,
        badges={"complete": counted(lang, "batch_ready", result.count("complete")),
                "incomplete": counted(lang, "batch_not_ready", result.count("incomplete")),
                "dossiers": counted(lang, "batch_dossiers", len(result.clients))},
        summary=summary_line(result, lang), version=__version__, with_reports=with_reports, lang=lang, w=words)
