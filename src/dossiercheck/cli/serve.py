"""`dossiercheck serve`: the local page for applicants, on this computer only (see docs/serve.md)."""

from __future__ import annotations

import sys

import click

from dossiercheck.cli.support import handle_errors


@click.command()
@click.option("--port", type=click.IntRange(0, 65535), default=0, show_default=True,
              help="Port to listen on (0: a free one).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on. Anything but this computer's own needs --allow-other-host.")
@click.option("--allow-other-host", is_flag=True,
              help="Really listen on the --host given, open to other computers (a warning is printed).")
@click.option("--no-browser", is_flag=True, help="Print the address but do not open the browser.")
@click.option("--max-file-mb", type=click.IntRange(min=1), default=50, show_default=True,
              help="Largest file the page accepts.")
@click.option("--max-files", type=click.IntRange(min=1), default=100, show_default=True,
              help="Most files in one dossier.")
@click.option("--max-total-mb", type=click.IntRange(min=1), default=500, show_default=True,
              help="Most megabytes in one dossier.")
@click.option("--max-pages", type=click.IntRange(min=1), default=200, show_default=True,
              help="Pages read per file; the rest are reported, not read (as `check --max-pages`).")
@click.option("--idle-minutes", type=click.FloatRange(min=1), default=30, show_default=True,
              help="A page not heard from for this long has its files deleted.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, help="Pages read in parallel (0: one per core).")
@click.option("--no-cache", is_flag=True, help="Do not reuse or keep OCR results between checks.")
@click.option("--debug", is_flag=True, help="Show tracebacks on errors.")
@handle_errors
def serve(port: int, host: str, allow_other_host: bool, no_browser: bool, max_file_mb: int, max_files: int,
          max_total_mb: int, max_pages: int, idle_minutes: float, jobs: int, no_cache: bool, debug: bool) -> None:
    """Open a page in the browser to check a dossier by dropping its documents on it.

    The page is served from this computer to this computer (127.0.0.1), with a new key each start;
    the documents are kept in a private temporary folder and deleted when the page ends or this stops.
    """
    from dossiercheck.web.checking import CheckSettings
    from dossiercheck.web.server import ServeOptions
    from dossiercheck.web.server import serve as run_server
    from dossiercheck.web.sessions import UploadLimits

    mib = 1024 * 1024
    limits = UploadLimits(max_file_bytes=max_file_mb * mib, max_files=max_files,
                          max_total_bytes=max_total_mb * mib, max_pages=max_pages)
    options = ServeOptions(host=host, port=port, allow_other_host=allow_other_host, open_browser=not no_browser,
                           limits=limits, settings=CheckSettings(jobs, not no_cache, max_pages),
                           idle_minutes=idle_minutes)
    run_server(options, lambda line: click.echo(line, err=line.startswith("WARNING")))
    sys.exit(0)
