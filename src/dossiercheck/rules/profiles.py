"""Rule profiles: which documents a procedure needs and how each one is checked, read from YAML.

The knowledge (document lists, thresholds, severities, messages, sources) lives in
schemas/profiles/*.yaml so that a rule change is a data change with a cited source. Shared parts
live once in base files (schemas/profiles/_base/, _status/) pulled in with `extends:`; a
requirement with the same id in a later file is merged over the earlier one (lists replaced,
mappings merged), and `remove:` drops a base requirement.

Each requirement has a name in every report language (`name:`), its sources (`source:`, ids of
schemas/sources.yaml or bare addresses, see sources.py) and, for the checks that leave some statuses
to the profile, those statuses (`outcomes:`, see kinds.py).

A profile is checked when it loads, so a typo fails at once with one line naming the file, the
field and what was expected, instead of a silent wrong check at a counter.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from dossiercheck.knowledge.files import field_path, first_schema_error, read_yaml_text, schema_error_line, schemas_dir
from dossiercheck.models import Profile, Requirement
from dossiercheck.rules.kinds import KindError, read_options, read_outcomes
from dossiercheck.rules.sources import SourceError, read_citations, source_line, sources_stamp

# Checks about the dossier as a whole come after the documents, whatever file defined them.
CROSS_CUTTING = ("translation", "legalisation", "identity", "complete_at_first_visit")
DEFAULT_SETTINGS: dict[str, Any] = {
    "languages": ["nl", "fr", "de", "en"],
    "working_days": {"saturdays": False, "extra_holidays": []},
}


class ProfileError(Exception):
    """A profile cannot be used; str() is one line naming the file, the field and the expected values."""


def profiles_dir() -> Path:
    return schemas_dir() / "profiles"


def _display(path: Path) -> str:
    """Paths as `schemas/profiles/visa-d/employee.yaml` when inside the shipped schemas."""
    try:
        return str(Path("schemas") / path.resolve().relative_to(schemas_dir().resolve()))
    except ValueError:
        return str(path)


def _deep_merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = _deep_merge(dict(out[key]), value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def _read_file(path: Path) -> dict[str, Any]:
    where = _display(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ProfileError(f"{where}: cannot be read: {exc.strerror or exc}") from None
    try:
        data = read_yaml_text(text, where, remember=True)
    except ValueError as exc:
        raise ProfileError(str(exc)) from None
    if not isinstance(data, dict):
        raise ProfileError(f"{where}: (top level): expected a mapping with requirements")
    error = first_schema_error("profile.schema.json", data)
    if error is not None:
        raise ProfileError(f"{where}: {schema_error_line(error)}")
    return data


def _base_path(name: str, child: Path) -> Path:
    for folder in (profiles_dir(), child.parent):
        candidate = folder / f"{name}.yaml"
        if candidate.is_file():
            return candidate
    raise ProfileError(f"{_display(child)}: extends: no base profile {name!r} in {_display(profiles_dir())}")


def _collect(path: Path, chain: tuple[Path, ...]) -> dict[str, Any]:
    """The merged content of `path` and its bases (requirements keyed by id, in order)."""
    if path.resolve() in chain:
        raise ProfileError(f"{_display(path)}: extends: cycle through {_display(chain[-1])}")
    data = _read_file(path)
    where = _display(path)
    merged: dict[str, Any] = {"settings": {}, "requirements": {}, "origin": {}}
    bases = data.get("extends") or []
    for name in [bases] if isinstance(bases, str) else bases:
        base = _collect(_base_path(name, path), (*chain, path.resolve()))
        merged["settings"] = _deep_merge(merged["settings"], base["settings"])
        for rid, requirement in base["requirements"].items():
            merged["requirements"][rid] = _deep_merge(merged["requirements"].get(rid, {}), requirement)
            merged["origin"][rid] = base["origin"][rid]
        for key in ("title", "description"):
            if key in base:
                merged[key] = base[key]
    merged["settings"] = _deep_merge(merged["settings"], data.get("settings") or {})
    for index, requirement in enumerate(data.get("requirements") or []):
        rid = requirement["id"]
        merged["requirements"][rid] = _deep_merge(merged["requirements"].get(rid, {}), requirement)
        merged["origin"][rid] = f"{where}: requirements[{index}]"
    for rid in data.get("remove") or []:
        if rid not in merged["requirements"]:
            raise ProfileError(f"{where}: remove: no requirement {rid!r} in the bases")
        del merged["requirements"][rid]
    for key in ("title", "description", "id"):
        if key in data:
            merged[key] = data[key]
    return merged


def _freeze(value: Any) -> Any:
    if isinstance(value, Mapping):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def _texts(value: Any, fallback: str) -> Mapping[str, str]:
    if isinstance(value, Mapping):
        return MappingProxyType(dict(value))
    text = value if isinstance(value, str) else fallback
    return MappingProxyType({"en": text, "fr": text, "nl": text})


def _profile_id(path: Path, declared: str | None) -> str:
    try:
        relative = path.resolve().relative_to(profiles_dir().resolve())
        return str(relative.with_suffix("")).replace("\\", "/")
    except ValueError:
        return declared or path.stem


def load_profile_file(path: Path | str) -> Profile:
    """Load and validate one profile file (with its bases); ProfileError when it is wrong."""
    path = Path(path)
    try:
        stamp = tuple(p.stat().st_mtime_ns for p in sorted(path.parent.rglob("*.yaml")))
        stamp += tuple(p.stat().st_mtime_ns for p in sorted(profiles_dir().rglob("*.yaml")))
    except OSError:
        stamp = ()
    return _load_cached(path, (*stamp, sources_stamp()))


@lru_cache(maxsize=128)
def _load_cached(path: Path, stamp: tuple[int, ...]) -> Profile:
    """Profiles are immutable, so one load per file version is shared (tests load them often)."""
    merged = _collect(path, ())
    where = _display(path)
    requirements = []
    for rid, raw in merged["requirements"].items():
        origin = merged["origin"][rid]
        error = first_schema_error("profile.schema.json", raw, "complete_requirement")
        if error is not None:
            line = schema_error_line(error)
            if not error.absolute_path:
                raise ProfileError(f"{origin}: {line.split(': ', 1)[1]} (requirement {rid!r})")
            raise ProfileError(f"{origin}.{line} (requirement {rid!r})")
        try:
            options = read_options(raw, origin)
            outcomes = read_outcomes(raw, origin)
            sources = read_citations(raw["source"], origin)
        except (KindError, SourceError) as exc:
            raise ProfileError(str(exc)) from None
        requirements.append(
            Requirement(
                id=rid,
                check=raw["check"],
                documents=tuple(raw.get("documents") or ()),
                count=int(raw.get("count", 1)),
                options=_freeze(options),
                severity=raw["severity"],
                messages=_freeze(raw["messages"]),
                source=source_line(sources),
                min_age=raw.get("min_age"),
                defined_in=origin,
                names=_freeze(raw["name"]),
                sources=sources,
                outcomes=_freeze(outcomes),
            )
        )
    requirements.sort(key=lambda r: r.check in CROSS_CUTTING)
    if "title" not in merged:
        raise ProfileError(f"{where}: title: missing; expected a mapping with en, fr and nl")
    settings = _deep_merge(copy.deepcopy(DEFAULT_SETTINGS), merged["settings"])
    for i, day in enumerate(settings["working_days"].get("extra_holidays", [])):
        try:
            dt.date.fromisoformat(day)
        except ValueError:
            raise ProfileError(
                f"{where}: settings.working_days.extra_holidays[{i}]: {day!r} is not a real date"
            ) from None
    return Profile(
        id=_profile_id(path, merged.get("id")),
        title=_texts(merged["title"], ""),
        description=_texts(merged.get("description"), ""),
        requirements=tuple(requirements),
        settings=_freeze(settings),
        source_file=path,
    )


def _profile_files() -> list[Path]:
    root = profiles_dir()
    return sorted(
        p for p in root.rglob("*.yaml") if not any(part.startswith("_") for part in p.relative_to(root).parts)
    )


def profile_ids() -> list[str]:
    root = profiles_dir()
    return [str(p.relative_to(root).with_suffix("")).replace("\\", "/") for p in _profile_files()]


def load_profile(profile_id: str) -> Profile:
    """The profile `profile_id` (e.g. "visa-d/employee") from schemas/profiles/."""
    if profile_id.startswith("_") or "/_" in profile_id or ".." in profile_id:
        raise ProfileError(f"profile {profile_id!r}: base files cannot be used as a profile")
    path = profiles_dir() / f"{profile_id}.yaml"
    if not path.is_file():
        known = profile_ids()
        close = difflib.get_close_matches(profile_id, known, n=1, cutoff=0.8)
        if close:  # a typo: the one id it most looks like, not the whole list
            raise ProfileError(f"profile {profile_id!r}: no such profile; did you mean {close[0]!r}?")
        raise ProfileError(f"profile {profile_id!r}: no such profile; expected one of {', '.join(known)}")
    return load_profile_file(path)


def list_profiles() -> list[Profile]:
    """Every profile shipped in schemas/profiles/, sorted by id (base files excluded)."""
    return [load_profile_file(p) for p in _profile_files()]


__all__ = [
    "Profile",
    "ProfileError",
    "Requirement",
    "field_path",
    "list_profiles",
    "load_profile",
    "load_profile_file",
]
