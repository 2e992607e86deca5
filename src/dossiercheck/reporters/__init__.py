"""Reporters: interchangeable renderings of the same Report. They compute nothing."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the Report's classes are not needed to name a format's file extension
    from dossiercheck.models import Report

# The module of each format, imported when that format is asked for (HTML's templating is not needed
# for a JSON report).
RENDERER_MODULES = {"text": "text", "json": "json_report", "markdown": "markdown", "junit": "junit", "html": "html"}
EXTENSIONS = {"text": "txt", "json": "json", "markdown": "md", "junit": "junit.xml", "html": "html"}


def render_report(report: Report, fmt: str, **options: Any) -> str:
    """Render in one format; personal numbers are masked here, once, for every format.

    `lang` (en, fr or nl) is the language of the report's frame, passed on to every renderer; the
    Report does not carry it (its messages are already worded in it), so callers pass the `--lang`
    the report was checked with. JSON and JUnit ignore it.
    """
    from dossiercheck.reporters.plain import masked_report

    return renderer(fmt)(masked_report(report, bool(options.get("show_personal_data"))), **options)


def renderer(fmt: str) -> Callable[..., str]:
    """The `render` function of a format (KeyError for an unknown one)."""
    render: Callable[..., str] = importlib.import_module(f"dossiercheck.reporters.{RENDERER_MODULES[fmt]}").render
    return render
