"""`dossiercheck cache ...` and `dossiercheck profiles ...`: the OCR cache, and the procedures known."""

from __future__ import annotations

import click

from dossiercheck.cli.support import handle_errors


@click.group()
def cache() -> None:
    """Manage the OCR cache (text and word positions only, never images)."""


@cache.command("info")
def cache_info_command() -> None:
    """Where the cache is and how much it holds."""
    from dossiercheck.api import cache_info, default_cache_dir

    root = default_cache_dir()
    count, size = cache_info(root)
    click.echo(f"{root}: {count} cached file reading(s), {size / 1024:.0f} KiB")


@cache.command("clear")
def cache_clear_command() -> None:
    """Delete every cached reading."""
    from dossiercheck.api import clear_cache, default_cache_dir

    root = default_cache_dir()
    clear_cache(root)
    click.echo(f"Cleared {root}")


@click.group(invoke_without_command=True)
@click.option("--lang", type=click.Choice(["en", "fr", "nl"]), default="en", show_default=True)
@click.pass_context
def profiles(ctx: click.Context, lang: str) -> None:
    """List the procedures the tool knows (`profiles show ID` for what to bring)."""
    ctx.ensure_object(dict)["lang"] = lang
    if ctx.invoked_subcommand is None:
        from dossiercheck.api import list_profiles

        for profile in list_profiles():
            click.echo(f"{profile.id:<28} {profile.title.get(lang) or profile.title.get('en', '')}")


@profiles.command("show")
@click.argument("profile_id")
@click.option("--debug", is_flag=True)
@click.pass_context
@handle_errors
def profiles_show(ctx: click.Context, profile_id: str, debug: bool) -> None:
    """The checklist of what to bring for PROFILE_ID, for someone who has no documents yet."""
    from dossiercheck.api import load_profile
    from dossiercheck.reporters.checklist import render_checklist

    click.echo(render_checklist(load_profile(profile_id), ctx.obj.get("lang", "en")), nl=False)
