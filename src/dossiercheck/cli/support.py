"""What every command shares: the error handler, option parsing, the progress bar, the read-only rule,
rendering and writing reports, and `--version`.

The application (not the library) decides what is logged: pypdf logs every repair it makes to a damaged
file, which the report already says once, in plain words, so its log is kept to errors here.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from dossiercheck.errors import DossierCheckError, ExitCode, UsageError

if TYPE_CHECKING:
    from dossiercheck.api import ReadOptions
    from dossiercheck.models import GivenDate, Report

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(func: F) -> F:
    """One handler for every command: our errors as one line, anything else as an internal error."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        debug = bool(kwargs.get("debug"))
        logging.getLogger("pypdf").setLevel(logging.DEBUG if debug else logging.ERROR)
        try:
            return func(*args, **kwargs)
        except DossierCheckError as exc:
            if debug:
                traceback.print_exc()
            click.echo(f"dossiercheck: {exc}", err=True)
            sys.exit(int(exc.exit_code))
        except KeyboardInterrupt:
            click.echo("dossiercheck: stopped.", err=True)
            sys.exit(int(ExitCode.ERROR))
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            if debug:
                traceback.print_exc()
            click.echo(
                f"dossiercheck: internal error ({type(exc).__name__}: {exc}). Nothing was changed. "
                "Run again with --debug and report it (see SECURITY.md: remove personal data first).",
                err=True,
            )
            sys.exit(int(ExitCode.ERROR))

    return wrapper  # type: ignore[return-value]


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: write it as YYYY-MM-DD, e.g. 2027-01-15") from None


def refuse_writing_inside(folder: Path, *targets: Path | None) -> None:
    """The dossier folder is read-only to the tool: reports go elsewhere."""
    root = folder.resolve()
    for target in targets:
        if target is not None and target.resolve().is_relative_to(root):
            raise UsageError(f"{target} is inside the dossier folder, which the tool never writes to: "
                             "choose a place outside it")


class progress_bar:
    """A progress bar on stderr while pages are read, only when stderr is a terminal."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar: Any = None

    def __enter__(self) -> Callable[[int, int], None] | None:
        if not sys.stderr.isatty():
            return None
        return self.update

    def update(self, done: int, total: int) -> None:
        if self.bar is None:
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.bar.pos)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def parse_given_dates(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[GivenDate, ...]:
    """`--given-date police.pdf:issue=2027-01-10` as GivenDate values."""
    if not values:
        return ()
    from dossiercheck.models import GivenDate

    given = []
    for value in values:
        file, sep, rest = value.rpartition(":")
        field, eq, day = rest.partition("=")
        if not sep or not eq or not file or not field:
            raise click.BadParameter(f"{value!r}: write it as FILE:FIELD=YYYY-MM-DD, e.g. police.pdf:issue=2027-01-10")
        if field not in GIVEN_FIELDS:
            raise click.BadParameter(f"{value!r}: the field is one of {', '.join(GIVEN_FIELDS)}")
        try:
            given.append(GivenDate(file=file, field=field, value=dt.date.fromisoformat(day)))
        except ValueError:
            raise click.BadParameter(f"{day!r} is not a date: write it as YYYY-MM-DD, e.g. 2027-01-10") from None
    return tuple(given)


# The fields a date may be given for (as in schemas/dossier.schema.json `dates`).
GIVEN_FIELDS = ("issue", "expiry", "birth", "signed", "start", "end", "valid_from")


def read_options(jobs: int, no_cache: bool, max_pages: int, progress: Callable[[int, int], None] | None
                 ) -> ReadOptions:
    from dossiercheck.api import read_options as options

    return options(jobs, not no_cache, max_pages, progress)


def render_reports(report: Report, folder: Path, formats: tuple[str, ...], show_personal_data: bool, lang: str,
                   color: bool) -> dict[str, str]:
    """Each asked format's text (`color`: the text format with terminal colours)."""
    from dossiercheck.api import page_pictures
    from dossiercheck.reporters import render_report

    pictures = page_pictures(folder, report.documents) if "html" in formats else None
    return {fmt: render_report(report, fmt, color=color and fmt == "text", show_personal_data=show_personal_data,
                               thumbnails=pictures, lang=lang)
            for fmt in dict.fromkeys(formats)}


def terminal_colours(output: Path | None, output_dir: Path | None) -> bool:
    """Whether the text report goes to a terminal, and so is coloured."""
    return output is None and output_dir is None and sys.stdout.isatty()


def write_texts(texts: dict[str, str], output: Path | None, output_dir: Path | None) -> None:
    """Each format's text to the terminal, --output or --output-dir/report.<ext>."""
    from dossiercheck.reporters import EXTENSIONS

    for fmt, text in texts.items():
        if output_dir is not None:
            output_dir.mkdir(parents=True, exist_ok=True)
            (output_dir / f"report.{EXTENSIONS[fmt]}").write_text(text, encoding="utf-8")
        elif output is not None:
            output.write_text(text, encoding="utf-8")
        else:
            click.echo(text, nl=False)


def show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """`--version`: this tool's, Tesseract's, and which optional formats can be read on this computer."""
    if not value or ctx.resilient_parsing:
        return
    from dossiercheck.about import installation
    from dossiercheck.version import __version__

    engine, formats = installation()
    click.echo(f"dossiercheck, version {__version__}")
    click.echo(f"  OCR: {engine}")
    for item in formats:
        click.echo(f"  {item.name}: {'yes' if item.available else 'NO'} ({item.detail})")
    ctx.exit()
