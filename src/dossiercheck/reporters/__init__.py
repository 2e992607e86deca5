"""Reporters: interchangeable renderings of the same Report. They compute nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dossiercheck.models import Report
from dossiercheck.reporters import html, json_report, junit, markdown, text

RENDERERS: dict[str, Callable[..., str]] = {
    "text": text.render,
    "json": json_report.render,
    "markdown": markdown.render,
    "junit": junit.render,
    "html": html.render,
}
EXTENSIONS = {"text": "txt", "json": "json", "markdown": "md", "junit": "junit.xml", "html": "html"}


def render_report(report: Report, fmt: str, **options: Any) -> str:
    """Render in one format; personal numbers are masked here, once, for every format.

    `lang` (en, fr or nl) is the language of the report's frame, passed on to every renderer; the
    Report does not carry it (its messages are already worded in it), so callers pass the `--lang`
    the report was checked with. JSON and JUnit ignore it.
    """
    from dossiercheck.reporters.plain import masked_report

    return RENDERERS[fmt](masked_report(report, bool(options.get("show_personal_data"))), **options)
