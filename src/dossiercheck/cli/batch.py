"""`dossiercheck batch CLIENTS_DIR`: every client folder in one run, for advisers and CI.

Registered in cli.py with `main.add_command(batch)`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from dossiercheck.cli.support import handle_errors, parse_date, progress_bar, refuse_writing_inside

if TYPE_CHECKING:
    from dossiercheck.models import BatchResult

MANIFEST = "manifest.json"


@click.command()
@click.argument("clients_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--profile", "-p", help="Procedure for client folders whose dossier.yaml names none.")
@click.option("--date", "reference_date", callback=parse_date,
              help="Appointment date, YYYY-MM-DD, for folders whose dossier.yaml has none. Default: today.")
@click.option("--output-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write every report format per client (DIR/<client>/report.*), index.html and summary.csv.")
@click.option("--ics", "ics_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write every client's deadlines to this iCalendar file.")
@click.option("--fail-on", type=click.Choice(["warn", "fail"]), default="fail", show_default=True,
              help="Exit 1 when a dossier is incomplete (fail), or also when a requirement only warns (warn).")
@click.option("--force", is_flag=True, help="Check and render every client again, even unchanged ones.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, help="Pages read in parallel (0: one per core).")
@click.option("--max-pages", type=click.IntRange(min=1), default=200, show_default=True,
              help="Pages read per file; the rest are reported, not read.")
@click.option("--no-cache", is_flag=True, help="Do not reuse or keep OCR results between runs.")
@click.option("--lang", type=click.Choice(["en", "fr", "nl"]), default="en", show_default=True,
              help="Language of the messages.")
@click.option("--show-personal-data", is_flag=True, help="Show document numbers in full (masked by default).")
@click.option("--debug", is_flag=True, help="Show tracebacks on errors.")
@handle_errors
def batch(clients_dir: Path, profile: str | None, reference_date: dt.date | None, output_dir: Path | None,
          ics_file: Path | None, fail_on: str, force: bool, jobs: int, max_pages: int, no_cache: bool, lang: str,
          show_personal_data: bool, debug: bool) -> None:
    """Check every sub-folder of CLIENTS_DIR as one client's dossier, sharing one worker pool and cache.

    Each folder's dossier.yaml gives its procedure and appointment date; --profile and --date are
    defaults for folders without them. A folder that cannot be checked is an error row; the others
    go on. With --output-dir, clients unchanged since the last run keep their reports.

    Exit code 0: every dossier complete; 1: any incomplete or in error (or warning, with
    --fail-on warn); 2: usage or internal error.
    """
    from dossiercheck.api import check_batch
    from dossiercheck.cli.support import read_options
    from dossiercheck.reporters import EXTENSIONS
    from dossiercheck.reporters.batch_index import render_summary_table

    refuse_writing_inside(clients_dir, output_dir, ics_file)
    previous = None if force or output_dir is None else read_manifest(output_dir)
    with progress_bar("Reading pages") as progress:
        result = check_batch(
            clients_dir,
            profile=profile,
            reference_date=reference_date,
            today=dt.date.today(),  # like `check`: the default appointment date
            options=read_options(jobs, no_cache, max_pages, progress),
            lang=lang,
            previous=previous,
            key_extra={"formats": sorted(EXTENSIONS), "show_personal_data": show_personal_data,
                       "max_pages": max_pages},
        )
    if output_dir is not None:
        write_batch(result, output_dir, show_personal_data, lang)
    if ics_file is not None:
        from dossiercheck.reporters.ics import render_ics

        ics_file.write_bytes(render_ics(result).encode("utf-8"))
    click.echo(render_summary_table(result, color=sys.stdout.isatty(), lang=lang), nl=False)
    sys.exit(1 if result.failed(fail_on) else 0)


def read_manifest(output_dir: Path) -> dict[str, Any] | None:
    """The last run's manifest, keeping only clients whose report files are all still there."""
    from dossiercheck.reporters import EXTENSIONS

    try:
        manifest = json.loads((output_dir / MANIFEST).read_text(encoding="utf-8"))
        clients = dict(manifest["clients"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    manifest["clients"] = {
        name: entry for name, entry in clients.items()
        if all((output_dir / name / f"report.{ext}").is_file() for ext in EXTENSIONS.values())
    }
    return manifest


def write_batch(result: BatchResult, output_dir: Path, show_personal_data: bool, lang: str = "en") -> None:
    """Reports of every checked client and index.html, framed in `lang`, then summary.csv and the manifest (last)."""
    from dossiercheck.api import batch_manifest as manifest
    from dossiercheck.api import page_pictures
    from dossiercheck.reporters import EXTENSIONS, render_report
    from dossiercheck.reporters.batch_index import render_index, render_summary_csv

    output_dir.mkdir(parents=True, exist_ok=True)
    drawn: dict[str, dict[int, Any]] = {}  # thumbnails by file content: copies across clients are drawn once
    for client in result.clients:
        target = output_dir / client.name
        if client.reused:
            continue
        if client.report is None:  # an error row: old reports would contradict it
            for ext in EXTENSIONS.values():
                (target / f"report.{ext}").unlink(missing_ok=True)
            continue
        report = client.report
        fresh = [d for d in report.documents if d.sha256 not in drawn]
        new = page_pictures(Path(client.folder), fresh) if fresh else {}
        for document in fresh:
            drawn[document.sha256] = {i: t for (f, i), t in new.items() if f == document.file}
        thumbnails = {(d.file, i): t for d in report.documents for i, t in drawn.get(d.sha256, {}).items()}
        target.mkdir(parents=True, exist_ok=True)
        for fmt, ext in EXTENSIONS.items():
            text = render_report(report, fmt, color=False, show_personal_data=show_personal_data,
                                 thumbnails=thumbnails, lang=lang)
            (target / f"report.{ext}").write_text(text, encoding="utf-8")
    (output_dir / "index.html").write_text(render_index(result, lang=lang), encoding="utf-8")
    (output_dir / "summary.csv").write_text(render_summary_csv(result), encoding="utf-8")
    partial = output_dir / f".{MANIFEST}.tmp"
    partial.write_text(json.dumps(manifest(result), indent=1, ensure_ascii=False), encoding="utf-8")
    os.replace(partial, output_dir / MANIFEST)
