"""`python -m samplegen make DIR`: synthetic dossiers or a flat corpus, with the truth beside them.

A development tool, not part of the product: it is installed by `make` (and `pip install -e generator`),
never shipped in the dossiercheck wheel.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from samplegen.corpus import main_make


@click.group()
def main() -> None:
    """Synthetic sample dossiers of fictitious people, for trying dossiercheck and for its tests."""


@main.command("make")
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--kind", type=click.Choice(["dossiers", "corpus"]), default="dossiers", show_default=True)
@click.option("--count", type=click.IntRange(min=1), default=5, show_default=True)
@click.option("--seed", type=int, default=1, show_default=True)
@click.option("--holdout", is_flag=True, help="Use the templates kept out of tuning.")
@click.option("--date", "reference_date", type=click.DateTime(formats=["%Y-%m-%d"]), default="2027-01-15",
              show_default=True, help="Appointment date the dossiers are made for.")
def make(out_dir: Path, kind: str, count: int, seed: int, holdout: bool, reference_date: dt.datetime) -> None:
    """Write synthetic dossiers (or a flat corpus) into OUT_DIR, with the truth beside them."""
    main_make(out_dir, kind, count, seed, holdout, reference_date.date())
    click.echo(f"Wrote {kind} to {out_dir}")


if __name__ == "__main__":
    main()
