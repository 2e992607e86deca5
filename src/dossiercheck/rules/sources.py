"""The public pages the rules cite (`schemas/sources.yaml`), and a profile's `source:` read as `Source` values.

A profile cites a page by its id with the section or words that count, `{ref: dofi-fee, detail: "..."}`,
or by its bare address; an address listed in sources.yaml takes the title written there, any other
address is its own title. Reports show the title as a link, so a reader can open what a rule rests on.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dossiercheck.knowledge.files import load_checked, schemas_dir
from dossiercheck.models import Source


@dataclass(frozen=True)
class KnownSources:
    by_id: Mapping[str, Source]
    by_url: Mapping[str, Source]


class SourceError(ValueError):
    """sources.yaml is wrong, or a profile cites a source it does not list; str() is one line."""


def sources_stamp() -> int:
    """When sources.yaml last changed: part of the key under which loaded profiles are kept."""
    try:
        return (schemas_dir() / "sources.yaml").stat().st_mtime_ns
    except OSError:
        return 0


def known_sources() -> KnownSources:
    return _load(sources_stamp())


@lru_cache(maxsize=2)
def _load(stamp: int) -> KnownSources:
    try:
        data = load_checked("sources.yaml", "sources.schema.json")
    except ValueError as exc:
        raise SourceError(str(exc)) from None
    by_id: dict[str, Source] = {}
    by_url: dict[str, Source] = {}
    for index, entry in enumerate(data["sources"]):
        source = Source(title=entry["title"], url=entry.get("url", ""))
        if entry["id"] in by_id:
            raise SourceError(f"schemas/sources.yaml: sources[{index}].id: {entry['id']!r} is listed twice")
        if source.url and source.url in by_url:
            raise SourceError(f"schemas/sources.yaml: sources[{index}].url: {source.url!r} is listed twice")
        by_id[entry["id"]] = source
        if source.url:
            by_url[source.url] = source
    return KnownSources(by_id, by_url)


def read_citations(cited: Any, where: str) -> tuple[Source, ...]:
    """A requirement's `source:` (one citation or a list) as Source values; SourceError for an unknown id."""
    known = known_sources()
    items = cited if isinstance(cited, list) else [cited]
    out = []
    for index, item in enumerate(items):
        if isinstance(item, str):  # a bare address
            listed = known.by_url.get(item)
            out.append(Source(title=listed.title if listed else item, url=item))
            continue
        ref = item["ref"]
        listed = known.by_id.get(ref)
        if listed is None:
            field = f"{where}.source[{index}].ref" if isinstance(cited, list) else f"{where}.source.ref"
            close = difflib.get_close_matches(ref, list(known.by_id), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else "; add it there first"
            raise SourceError(f"{field}: {ref!r} is not a source listed in schemas/sources.yaml{hint}")
        out.append(Source(title=listed.title, url=listed.url, detail=item.get("detail", "")))
    seen: set[tuple[str, str]] = set()
    for index, source in enumerate(out):
        if (source.title, source.url) in seen:
            raise SourceError(f"{where}.source[{index}]: {source.url or source.title!r} is cited twice; "
                              "give it once, with every detail in one `detail:`")
        seen.add((source.title, source.url))
    return tuple(out)


def source_line(sources: tuple[Source, ...]) -> str:
    """The sources as one readable line, 'Title <address>; Title <address>': the JSON report's `source`."""
    parts = []
    for source in sources:
        if source.url and source.title != source.url:
            parts.append(f"{source.title} <{source.url}>")
        else:
            parts.append(source.url or source.title)
    return "; ".join(parts)
