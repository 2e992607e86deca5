"""The command line: thin commands that parse options, call one library function, pick a reporter, exit.

Errors become one plain line on stderr (the traceback only with --debug): the people running this are
applicants the night before an appointment, not programmers. Each command lives in its own module and
imports the library only when it runs, so `--help` and `--version` stay instant.
"""

from __future__ import annotations

import click

from dossiercheck.cli.batch import batch
from dossiercheck.cli.check import check
from dossiercheck.cli.inspect import inspect
from dossiercheck.cli.manage import cache, profiles
from dossiercheck.cli.serve import serve
from dossiercheck.cli.support import show_version
from dossiercheck.version import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=show_version,
              help="Show the version, Tesseract's, and which optional formats can be read here.")
def main() -> None:
    """Check a Belgian residence-permit dossier before the appointment.

    Everything runs on this computer: no document or result is ever sent anywhere.
    """


for command in (check, inspect, batch, cache, profiles, serve):
    main.add_command(command)

__all__ = ["__version__", "main"]
