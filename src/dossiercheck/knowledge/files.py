"""The data that ships with the package (`schemas/`), and the one way it is read and validated.

YAML is read with dates kept as text (so JSON Schema sees what the author wrote) and every schema error
becomes one line naming the field, because the person fixing it is editing that file in a text editor.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

SCHEMAS_ENV = "DOSSIERCHECK_SCHEMAS_DIR"


def schemas_dir() -> Path:
    """The `schemas/` folder: doctypes, profiles and JSON Schemas, installed with the package.

    `DOSSIERCHECK_SCHEMAS_DIR` points at another copy: a schema author tries a new document type or
    procedure without reinstalling (the caches are keyed by the schemas' digest, so nothing stale is read).
    """
    override = os.environ.get(SCHEMAS_ENV)
    return Path(override) if override else Path(str(resources.files("dossiercheck") / "schemas"))


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """SafeLoader (libyaml's when there: 5x faster at start-up) that keeps dates as text."""


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


def read_yaml_file(path: Path, where: str | None = None) -> Any:
    """A YAML file of the shipped data; ValueError with one line when it cannot be read or parsed."""
    where = where or path.name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValueError(f"{where}: cannot be read: {exc.strerror or exc}") from None
    return read_yaml_text(text, where)


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
    """A JSON Schema of `schemas/`; a `$defs.doctype` in it lists the document types of `schemas/doctypes/`
    (and "unknown"), read from that folder: adding a type is adding its file, nothing else."""
    schema = json.loads((schemas_dir() / name).read_text(encoding="utf-8"))
    if "doctype" in schema.get("$defs", {}):
        ids = sorted(p.stem for p in (schemas_dir() / "doctypes").glob("*.yaml"))
        schema["$defs"]["doctype"] = {"enum": [*ids, "unknown"], "description": "a document type of schemas/doctypes"}
    return schema


def load_checked(name: str, schema: str) -> Any:
    """`schemas/<name>` read and validated against `schemas/<schema>`; ValueError naming the field."""
    data = read_yaml_file(schemas_dir() / name, f"schemas/{name}")
    error = first_schema_error(schema, data)
    if error is not None:
        raise ValueError(f"schemas/{name}: {schema_error_line(error)}")
    return data


@lru_cache(maxsize=1)
def schemas_digest() -> str:
    """Profiles, document types and words are data: a change to them must invalidate what was made with them."""
    digest = hashlib.sha256()
    root = schemas_dir()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
