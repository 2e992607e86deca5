"""A procedure's requirements as loaded from `schemas/profiles/`: what the rule stage checks against."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any


def _empty() -> Mapping[str, str]:
    return MappingProxyType({})


@dataclass(frozen=True)
class Source:
    """Where a rule comes from, as a reader can open it: the page's title and address."""

    title: str
    url: str = ""  # empty for a source that is not a web page (a law's article, a seed article's section)
    detail: str = ""  # the section or the words quoted


@dataclass(frozen=True)
class Requirement:
    """One condition of a profile, with the options of its check kind already defaulted."""

    id: str
    check: str
    documents: tuple[str, ...]
    count: int
    options: Mapping[str, Any]
    severity: str
    messages: Mapping[str, Mapping[str, str]]
    source: str
    min_age: int | None = None
    defined_in: str = ""  # the file (and index) that last defined it, for error messages
    names: Mapping[str, str] = field(default_factory=_empty)  # the requirement in words, per language
    sources: tuple[Source, ...] = ()
    outcomes: Mapping[str, str] = field(default_factory=_empty)  # outcome key -> status, from the profile


@dataclass(frozen=True)
class Profile:
    id: str
    title: Mapping[str, str]
    description: Mapping[str, str]
    requirements: tuple[Requirement, ...]
    settings: Mapping[str, Any]
    source_file: Path

    def requirement(self, requirement_id: str) -> Requirement:
        for requirement in self.requirements:
            if requirement.id == requirement_id:
                return requirement
        raise KeyError(requirement_id)
