"""What every command shares: the error handler, date parsing, the progress bar, the read-only rule.

Kept apart from cli.py so that command modules (cli_batch) can import it without a cycle.
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from dossiercheck.errors import DossierCheckError, ExitCode, UsageError

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(func: F) -> F:
    """One handler for every command: our errors as one line, anything else as an internal error."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        debug = bool(kwargs.get("debug"))
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
