"""One self-contained HTML file: the checklist, and each document's pages with the dates read.

No network: styles are inline, pictures are data URIs. Jinja2 autoescapes everything that
came from a document, since OCR text is untrusted input.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from dossiercheck.knowledge.wording import date_name, document_name, report_language, type_name, words_for
from dossiercheck.models import Report
from dossiercheck.reporters.plain import REPORTED_DATES, kind_of, report_plain, requirement_sources

_ENV = Environment(loader=PackageLoader("dossiercheck", "reporters/templates"),
                   autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)


def render(report: Report, thumbnails: dict[tuple[str, int], Any] | None = None,
           show_personal_data: bool = False, lang: str = "en", **_: object) -> str:
    """The report as HTML, its frame in `lang` (en, fr or nl; else English)."""
    lang = report_language(lang)
    # The frame's words are ours, as trusted as the template's own text; what they are filled with
    # (`.format` on Markup) is escaped, like everything else that came from a document.
    words = {key: Markup(value) for key, value in words_for(lang).items()}
    template = _ENV.get_template("report.html.j2")
    return template.render(report=report, plain=report_plain(report, show_personal_data),
                           thumbnails=thumbnails or {}, reported_dates=REPORTED_DATES, lang=lang, w=words,
                           date_name=lambda field: date_name(field, lang),
                           document_name=lambda document: document_name(document, lang),
                           type_name=lambda type_id: type_name(type_id, lang),
                           kind_of=lambda document: kind_of(document, lang),
                           sources=[requirement_sources(r) for r in report.requirements])
