"""Markdown: the checklist and the documents, for a ticket, an e-mail or a pull request."""

from __future__ import annotations

from dossiercheck.knowledge.wording import date_name, document_name, words_for
from dossiercheck.models import Report
from dossiercheck.reporters.plain import kind_of, requirement_name, requirement_sources, shown_dates

MARKS = {"pass": "✅", "fail": "❌", "missing": "❌", "warn": "⚠️", "manual": "👀"}


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def link(title: str, url: str) -> str:
    """[title](address), or the title alone for a page whose address is not known."""
    label = title.replace("[", "\\[").replace("]", "\\]")
    return f"[{label}]({url.replace('(', '%28').replace(')', '%29')})" if url else label


def render(report: Report, lang: str = "en", **_: object) -> str:
    """The report in Markdown, its headings and column names in `lang` (en, fr or nl; else English)."""
    w = words_for(lang)
    colon = w["colon"]
    verdict = w["ready_word"] if report.verdict == "complete" else w["not_ready_word"]
    out = [
        f"# {w['title']}{colon}{verdict}",
        "",
        f"- {w['dossier']}{colon}`{report.dossier}`",
        f"- {w['procedure']}{colon}`{report.profile or w['none_short']}`",
        f"- {w['appointment_date']}{colon}{report.reference_date.isoformat()}",
        f"- dossiercheck {report.tool_version}",
        "",
    ]
    if report.requirements:
        out += [f"## {w['checklist']}", "",
                f"| | {w['requirement']} | {w['result']} | {w['what_to_do']} | {w['files_title']} | {w['sources']} |",
                "|---|---|---|---|---|---|"]
        for r in report.requirements:
            action = r.action if r.status != "pass" else ""
            sources = "; ".join(link(title, url) for title, url in requirement_sources(r))
            out.append(f"| {MARKS[r.status]} | {cell(requirement_name(r))} | {cell(r.message)} | {cell(action)} | "
                       f"{cell(', '.join(r.files))} | {cell(sources)} |")
        out.append("")
    out += [f"## {w['documents']}", "",
            f"| {w['file']} | {w['type']} | {w['pages']} | {w['dates']} | {w['problems']} |", "|---|---|---:|---|---|"]
    for d in report.documents:
        dates = ", ".join(f"{date_name(str(f.field), lang)} {f.value.isoformat()}"
                          + (f" ({w['given_date']})" if f.source == "given" else "") for f in shown_dates(d))
        kind = kind_of(d, lang)
        out.append(f"| `{cell(document_name(d, lang))}` | {kind} | {len(d.pages)} | {dates} | "
                   f"{cell('; '.join(d.problems))} |")
    if report.skipped:
        out += ["", f"## {w['not_read']}", ""]
        out += [f"- `{s.file}`{colon}{s.reason}" for s in report.skipped]
    if report.deadlines:
        out += ["", f"## {w['deadlines']}", ""]
        out += [f"- {d.date.isoformat()}{colon}{d.what}" for d in sorted(report.deadlines, key=lambda d: d.date)]
    return "\n".join(out) + "\n"
