"""`dossiercheck check FOLDER`: one dossier against one procedure, reported in one or more formats."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from dossiercheck.cli import replay
from dossiercheck.cli.support import (
    handle_errors,
    parse_date,
    parse_given_dates,
    progress_bar,
    refuse_writing_inside,
    render_reports,
    terminal_colours,
    write_texts,
)
from dossiercheck.errors import ExitCode, UsageError


@click.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--profile", "-p", help="The procedure, e.g. visa-d/employee (see `dossiercheck profiles`).")
@click.option("--date", "reference_date", callback=parse_date,
              help="Appointment date, YYYY-MM-DD. Default: dossier.yaml's appointment_date, else today.")
@click.option("--given-date", "given", multiple=True, callback=parse_given_dates, metavar="FILE:FIELD=YYYY-MM-DD",
              help="A date you read on a document yourself, when the tool could not read it, e.g. "
                   "'police.pdf:issue=2027-01-10'. Repeat it for several; it wins over dossier.yaml's `dates:`.")
@click.option("--format", "-f", "formats", multiple=True, default=("text",), show_default=True,
              type=click.Choice(["text", "json", "markdown", "junit", "html"]),
              help="Report format; repeat it with --output-dir for several.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to this file instead of the terminal.")
@click.option("--output-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write one report per --format into this folder.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, help="Pages read in parallel (0: one per core).")
@click.option("--max-pages", type=click.IntRange(min=1), default=200, show_default=True,
              help="Pages read per file; the rest are reported, not read.")
@click.option("--no-cache", is_flag=True, help="Do not reuse or keep OCR results between runs.")
@click.option("--lang", type=click.Choice(["en", "fr", "nl"]), default="en", show_default=True,
              help="Language of the messages.")
@click.option("--show-personal-data", is_flag=True, help="Show document numbers in full (masked by default).")
@click.option("--fail-on", type=click.Choice(["fail", "warn"]), default="fail", show_default=True,
              help="With 'warn', a requirement that only warns also makes the exit code 1.")
@click.option("--debug", is_flag=True, help="Show tracebacks on errors.")
@handle_errors
def check(folder: Path, profile: str | None, reference_date: dt.date | None, given: tuple, formats: tuple[str, ...],
          output: Path | None, output_dir: Path | None, jobs: int, no_cache: bool, lang: str,
          show_personal_data: bool, fail_on: str, max_pages: int, debug: bool) -> None:
    """Check the documents in FOLDER against a procedure's requirements.

    Exit code 0: complete; 1: incomplete (or, with --fail-on warn, a warning); 2: usage or internal error.
    """
    refuse_writing_inside(folder, output, output_dir)
    if len(formats) > 1 and output_dir is None:
        raise UsageError("several --format need --output-dir to write one file each")
    today = dt.date.today()  # the only place "today" is read: the default appointment date
    color = terminal_colours(output, output_dir)
    replay_key = None
    if not no_cache and "html" not in formats:  # the HTML report holds the pages' pictures: never kept
        # Everything the output depends on besides the folder's entries and the installation (cli.replay).
        said = {"profile": profile, "date": reference_date, "today": today, "given": sorted(map(str, given)),
                "formats": formats, "lang": lang, "personal": show_personal_data, "fail_on": fail_on,
                "max_pages": max_pages, "color": color}
        replay_key = replay.output_key(folder, said)
        kept = replay.load(replay_key)
        if kept is not None:
            write_texts(kept.texts, output, output_dir)
            sys.exit(kept.exit_code)

    from dossiercheck.api import check_dossier
    from dossiercheck.cli.support import read_options

    with progress_bar("Reading pages") as progress:
        report = check_dossier(
            folder,
            reference_date=reference_date,
            profile=profile,
            options=read_options(jobs, no_cache, max_pages, progress),
            lang=lang,
            today=today,
            require_profile=True,
            given=given,
        )
    texts = render_reports(report, folder, formats, show_personal_data, lang, color)
    write_texts(texts, output, output_dir)
    warned = fail_on == "warn" and any(r.status == "warn" for r in report.requirements)
    code = int(ExitCode.COMPLETE if report.verdict == "complete" and not warned else ExitCode.INCOMPLETE)
    reasons = [s.reason for s in report.skipped] + [p for d in report.documents for p in d.problems]
    if replay_key is not None and replay.settled(reasons) and replay.output_key(folder, said) == replay_key:
        replay.keep(replay_key, replay.KeptOutput(texts, code))
    sys.exit(code)
