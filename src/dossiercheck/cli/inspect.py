"""`dossiercheck inspect FILE`: what was read from one file, and why it was taken for what it was."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import click

from dossiercheck.cli.support import handle_errors, parse_date, progress_bar
from dossiercheck.errors import UsageError


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--date", "reference_date", callback=parse_date,
              help="Reference date for plausibility (two-digit years, 'not in the future'). Default: today.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--no-text", is_flag=True, help="Leave out the OCR text.")
@click.option("--no-cache", is_flag=True, help="Do not reuse or keep OCR results between runs.")
@click.option("--show-personal-data", is_flag=True, help="Show document numbers and MRZ lines in full.")
@click.option("--debug", is_flag=True)
@handle_errors
def inspect(file: Path, reference_date: dt.date | None, fmt: str, no_text: bool, no_cache: bool,
            show_personal_data: bool, debug: bool) -> None:
    """Show what was read from FILE: its type and why, MRZ check digits, each date and its label, the text.

    A file holding several documents (a whole dossier scanned into one PDF) is shown document by document.
    """
    from dossiercheck.api import inspect_file
    from dossiercheck.cli.support import read_options
    from dossiercheck.reporters.inspect_view import inspection_plain, render_inspection

    with progress_bar("Reading pages") as progress:
        found = inspect_file(file, reference_date or dt.date.today(), read_options(0, no_cache, 200, progress))
    if found.skipped is not None:
        raise UsageError(f"{file}: {found.skipped.reason}")
    documents = found.documents
    if fmt == "json":
        plain: dict[str, Any] = inspection_plain(documents, show_personal_data, show_text=not no_text)
        click.echo(json.dumps(plain, indent=2, ensure_ascii=False))
        return
    if len(documents) > 1:
        click.echo(f"{file.name} holds {len(documents)} documents; each is shown on its own.\n")
        for document in documents:
            click.echo(render_inspection(document, show_personal_data, show_text=not no_text))
    else:
        click.echo(render_inspection(documents[0], show_personal_data, show_text=not no_text), nl=False)
