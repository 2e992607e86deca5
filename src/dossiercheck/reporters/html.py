"""One self-contained HTML file: the checklist, and each document's pages with the dates read.

No network: styles are inline, pictures are data URIs. Jinja2 autoescapes everything that
came from a document, since OCR text is untrusted input.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from dossiercheck.models import Report
from dossiercheck.reporters.plain import REPORTED_DATES, report_plain

_ENV = Environment(loader=PackageLoader("dossiercheck", "reporters/templates"),
                   autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)


def render(report: Report, thumbnails: dict[tuple[str, int], Any] | None = None,
           show_personal_data: bool = False, **_: object) -> str:
    template = _ENV.get_template("report.html.j2")
    return template.render(report=report, plain=report_plain(report, show_personal_data),
                           thumbnails=thumbnails or {}, reported_dates=REPORTED_DATES)
