"""The command line: parse options, call one library function, pick a reporter, set the exit code.

Errors become one plain line on stderr (the traceback only with --debug): the people running
this are applicants the night before an appointment, not programmers.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from dossiercheck import __version__
from dossiercheck.cli_support import handle_errors, parse_date, progress_bar, refuse_writing_inside
from dossiercheck.errors import ExitCode, UsageError
from dossiercheck.models import Report


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dossiercheck")
def main() -> None:
    """Check a Belgian residence-permit dossier before the appointment.

    Everything runs on this computer: no document or result is ever sent anywhere.
    """


@main.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--profile", "-p", help="The procedure, e.g. visa-d/employee (see `dossiercheck profiles`).")
@click.option("--date", "reference_date", callback=parse_date,
              help="Appointment date, YYYY-MM-DD. Default: dossier.yaml's appointment_date, else today.")
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
def check(folder: Path, profile: str | None, reference_date: dt.date | None, formats: tuple[str, ...],
          output: Path | None, output_dir: Path | None, jobs: int, no_cache: bool, lang: str,
          show_personal_data: bool, fail_on: str, max_pages: int, debug: bool) -> None:
    """Check the documents in FOLDER against a procedure's requirements.

    Exit code 0: complete; 1: incomplete (or, with --fail-on warn, a warning); 2: usage or internal error.
    """
    from dossiercheck.ingest import Limits
    from dossiercheck.ocr.page import OcrSettings
    from dossiercheck.pipeline import ReadOptions, check_dossier

    refuse_writing_inside(folder, output, output_dir)
    if len(formats) > 1 and output_dir is None:
        raise UsageError("several --format need --output-dir to write one file each")
    with progress_bar("Reading pages") as progress:
        report = check_dossier(
            folder,
            reference_date=reference_date,
            profile=profile,
            options=ReadOptions(jobs=jobs, use_cache=not no_cache, progress=progress,
                                settings=OcrSettings(limits=Limits(max_pages=max_pages))),
            lang=lang,
            today=dt.date.today(),  # the only place "today" is read: the default appointment date
            require_profile=True,
        )
    write_reports(report, folder, formats, output, output_dir, show_personal_data, lang)
    warned = fail_on == "warn" and any(r.status == "warn" for r in report.requirements)
    sys.exit(int(ExitCode.COMPLETE if report.verdict == "complete" and not warned else ExitCode.INCOMPLETE))


def write_reports(report: Report, folder: Path, formats: tuple[str, ...], output: Path | None,
                  output_dir: Path | None, show_personal_data: bool, lang: str = "en") -> None:
    """Render each asked format to the terminal, --output or --output-dir/report.<ext>."""
    from dossiercheck.reporters import EXTENSIONS, render_report
    from dossiercheck.reporters.thumbnails import make_thumbnails

    thumbnails = make_thumbnails(folder, report) if "html" in formats else None
    for fmt in dict.fromkeys(formats):
        color = fmt == "text" and output is None and output_dir is None and sys.stdout.isatty()
        text = render_report(report, fmt, color=color, show_personal_data=show_personal_data,
                             thumbnails=thumbnails, lang=lang)
        if output_dir is not None:
            output_dir.mkdir(parents=True, exist_ok=True)
            (output_dir / f"report.{EXTENSIONS[fmt]}").write_text(text, encoding="utf-8")
        elif output is not None:
            output.write_text(text, encoding="utf-8")
        else:
            click.echo(text, nl=False)


@main.command()
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
    """Show what was read from FILE: its type and why, MRZ check digits, each date and its label, the text."""
    import json

    from dossiercheck.extract.analyse import analyse_document
    from dossiercheck.models import Document, Skipped, to_plain
    from dossiercheck.pipeline import ReadOptions, read_file
    from dossiercheck.reporters.inspect_view import render_inspection
    from dossiercheck.reporters.plain import document_plain, mask_text
    from dossiercheck.split import split_document

    with progress_bar("Reading pages") as progress:
        found = read_file(file, ReadOptions(use_cache=not no_cache, progress=progress))
    if isinstance(found, Skipped):
        raise UsageError(f"{file}: {found.reason}")
    reference = reference_date or dt.date.today()
    parts = split_document(found, reference)
    parts = [analyse_document(part, reference) for part in parts] if len(parts) > 1 else []
    analyse_document(found, reference)
    if fmt == "json":
        def detail(document: Document) -> dict[str, Any]:
            return document_plain(document, show_personal_data) | {
                "cues": document.cues,
                "found_dates": to_plain(document.dates),
                "text": None if no_text else [p.text for p in document.pages],
            }

        # The file read as one document, and the documents it holds when it holds several.
        plain = detail(found) | {"parts": [detail(part) for part in parts]}
        secrets = [d.mrz.document_number for d in [found, *parts] if d.mrz]
        click.echo(mask_text(json.dumps(plain, indent=2, ensure_ascii=False), show_personal_data, secrets))
    elif parts:
        click.echo(f"{file.name} holds {len(parts)} documents; each is shown on its own.\n")
        for part in parts:
            click.echo(render_inspection(part, show_personal_data, show_text=not no_text))
    else:
        click.echo(render_inspection(found, show_personal_data, show_text=not no_text), nl=False)


@main.group()
def cache() -> None:
    """Manage the OCR cache (text and word positions only, never images)."""


@cache.command("info")
def cache_info_command() -> None:
    """Where the cache is and how much it holds."""
    from dossiercheck.cache import cache_info, default_cache_dir

    root = default_cache_dir()
    count, size = cache_info(root)
    click.echo(f"{root}: {count} cached file reading(s), {size / 1024:.0f} KiB")


@cache.command("clear")
def cache_clear_command() -> None:
    """Delete every cached reading."""
    from dossiercheck.cache import clear_cache, default_cache_dir

    root = default_cache_dir()
    clear_cache(root)
    click.echo(f"Cleared {root}")


@main.group(invoke_without_command=True)
@click.option("--lang", type=click.Choice(["en", "fr", "nl"]), default="en", show_default=True)
@click.pass_context
def profiles(ctx: click.Context, lang: str) -> None:
    """List the procedures the tool knows (`profiles show ID` for what to bring)."""
    ctx.ensure_object(dict)["lang"] = lang
    if ctx.invoked_subcommand is None:
        from dossiercheck.profiles import list_profiles

        for profile in list_profiles():
            click.echo(f"{profile.id:<28} {profile.title.get(lang) or profile.title.get('en', '')}")


@profiles.command("show")
@click.argument("profile_id")
@click.option("--debug", is_flag=True)
@click.pass_context
@handle_errors
def profiles_show(ctx: click.Context, profile_id: str, debug: bool) -> None:
    """The checklist of what to bring for PROFILE_ID, for someone who has no documents yet."""
    from dossiercheck.checking import load_checked_profile
    from dossiercheck.reporters.checklist import render_checklist

    click.echo(render_checklist(load_checked_profile(profile_id), ctx.obj.get("lang", "en")), nl=False)


# `batch` lives in its own module (it imports the helpers above), registered last.
from dossiercheck.cli_batch import batch  # noqa: E402

main.add_command(batch)
