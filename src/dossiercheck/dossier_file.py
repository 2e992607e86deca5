"""The optional `dossier.yaml` of a dossier folder: facts the scans cannot show.

Arrival date, absences, the card's expiry and the applicant's birth date decide deadlines that no
document carries reliably, so the applicant (or whoever prepares the dossier) writes them down.
The file is validated against schemas/dossier.schema.json; a mistake is one line naming the file
and the field, because the person fixing it is editing that file in a text editor.

This module also holds the YAML reading and the one-line schema error wording shared with
`profiles.py`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from dossiercheck.resources import schemas_dir

DOSSIER_FILE = "dossier.yaml"


class DossierFileError(Exception):
    """dossier.yaml cannot be used; str() is one line naming the file and the field."""


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """SafeLoader (libyaml's when there: 5x faster at start-up) that keeps dates as text, so JSON Schema
    sees what the author wrote."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_yaml_text(text: str, where: str) -> Any:
    """Parse YAML (dates stay strings); a syntax error raises ValueError with one line."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ValueError(f"{where}: {line}invalid YAML: {problem}") from exc


def field_path(parts: Any) -> str:
    """jsonschema's path deque as `requirements[2].severity`."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def schema_error_line(error: jsonschema.ValidationError) -> str:
    """`field: what is wrong; what is expected`, one line, for the most relevant error."""
    path = list(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    if error.validator == "enum":
        allowed = ", ".join(repr(v) for v in error.validator_value)
        return f"{field_path(path)}: {error.instance!r} is not one of {allowed}"
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = set(schema.get("properties", {}))
        extra = sorted(k for k in error.instance if k not in known)
        allowed = ", ".join(repr(k) for k in schema.get("properties", {}))
        name = extra[0] if extra else "?"
        return f"{field_path([*path, name])}: unknown field {name!r}; expected one of {allowed}"
    if error.validator == "required":
        return f"{field_path(path)}: {error.message}"
    if error.validator == "pattern":
        hint = schema.get("description") or f"text matching {error.validator_value}"
        return f"{field_path(path)}: {error.instance!r} is not valid; expected {hint}"
    return f"{field_path(path)}: {error.message}"


def first_schema_error(
    schema: dict[str, Any] | str, data: Any, ref: str | None = None
) -> jsonschema.ValidationError | None:
    """The most relevant error of `data` against a schema (or a schema file's `#/$defs/<ref>`)."""
    validator = _validator(schema, ref) if isinstance(schema, str) else jsonschema.Draft202012Validator(schema)
    return jsonschema.exceptions.best_match(validator.iter_errors(data))


@lru_cache(maxsize=16)
def _validator(name: str, ref: str | None) -> jsonschema.Draft202012Validator:
    schema = load_json_schema(name)
    if ref is not None:
        schema = {"$ref": f"#/$defs/{ref}", "$defs": schema["$defs"]}
    return jsonschema.Draft202012Validator(schema)


@lru_cache(maxsize=8)
def load_json_schema(name: str) -> dict[str, Any]:
    return json.loads((schemas_dir() / name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Applicant:
    name: str | None = None
    birth_date: dt.date | None = None
    nationality: str | None = None


@dataclass(frozen=True)
class Absence:
    """A stay outside Belgium; both days are days away."""

    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class DossierInfo:
    file: str
    profile: str | None = None
    appointment_date: dt.date | None = None
    applicant: Applicant = field(default_factory=Applicant)
    arrival_date: dt.date | None = None
    region: str | None = None
    absences: tuple[Absence, ...] = ()
    card_expiry: dt.date | None = None
    residence_start: dt.date | None = None
    amounts: tuple[tuple[str, float], ...] = ()


def _date(value: str | None, where: str, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DossierFileError(f"{where}: {name}: {value!r} is not a real date; expected YYYY-MM-DD") from None


def parse_dossier_text(text: str, where: str) -> DossierInfo:
    """Validate and convert the text of a dossier.yaml (`where` names it in errors)."""
    try:
        data = read_yaml_text(text, where)
    except ValueError as exc:
        raise DossierFileError(str(exc)) from None
    if data is None:
        data = {}
    error = first_schema_error("dossier.schema.json", data)
    if error is not None:
        raise DossierFileError(f"{where}: {schema_error_line(error)}")
    person = data.get("applicant") or {}
    absences = []
    for i, item in enumerate(data.get("absences") or []):
        start = _date(item["from"], where, f"absences[{i}].from")
        end = _date(item["to"], where, f"absences[{i}].to")
        assert start is not None and end is not None
        if end < start:
            raise DossierFileError(f"{where}: absences[{i}].to: {end} is before from {start}")
        absences.append(Absence(start, end))
    return DossierInfo(
        file=where,
        profile=data.get("profile"),
        appointment_date=_date(data.get("appointment_date"), where, "appointment_date"),
        applicant=Applicant(
            name=person.get("name"),
            birth_date=_date(person.get("birth_date"), where, "applicant.birth_date"),
            nationality=person.get("nationality"),
        ),
        arrival_date=_date(data.get("arrival_date"), where, "arrival_date"),
        region=data.get("region"),
        absences=tuple(absences),
        card_expiry=_date(data.get("card_expiry"), where, "card_expiry"),
        residence_start=_date(data.get("residence_start"), where, "residence_start"),
        amounts=tuple(sorted((k, float(v)) for k, v in (data.get("amounts") or {}).items())),
    )


def load_dossier_file(folder: Path) -> DossierInfo | None:
    """Read `folder/dossier.yaml` if there is one; None when the dossier has none."""
    path = Path(folder) / DOSSIER_FILE
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DossierFileError(f"{path}: cannot be read: {exc}") from None
    return parse_dossier_text(text, str(path))
