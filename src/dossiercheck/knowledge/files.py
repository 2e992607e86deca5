"""The data that ships with the package (`schemas/`), and the one way it is read and validated.

YAML is read with dates kept as text (so JSON Schema sees what the author wrote) and every schema error
becomes one line naming the field, because the person fixing it is editing that file in a text editor.

Validation is the slow part of start-up (jsonschema walks every document type: ~0.3 s, more than a cached
re-run of a dossier takes otherwise), so data found valid is remembered by digest in the user's cache
folder, when there is one, and the same data against the same schema is not validated again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jsonschema

SCHEMAS_ENV = "DOSSIERCHECK_SCHEMAS_DIR"
CACHE_ENV = "DOSSIERCHECK_CACHE_DIR"


def cache_root() -> Path:
    """The user's cache folder (`DOSSIERCHECK_CACHE_DIR`, else the platform's): readings, analyses, and
    the digests of data found valid."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    import platformdirs  # here, not with the module: a re-run answered from its kept output is ~0.1 s in all

    return Path(platformdirs.user_cache_dir("dossiercheck"))


def schemas_dir() -> Path:
    """The `schemas/` folder: doctypes, profiles and JSON Schemas, installed with the package.

    `DOSSIERCHECK_SCHEMAS_DIR` points at another copy: a schema author tries a new document type or
    procedure without reinstalling (the caches are keyed by the schemas' digest, so nothing stale is read).
    """
    override = os.environ.get(SCHEMAS_ENV)
    # The package's own folder (a wheel installs it unzipped; importlib.resources costs ~7 ms to import,
    # a tenth of a re-run answered from its kept output).
    return Path(override) if override else Path(__file__).resolve().parent.parent / "schemas"


@lru_cache(maxsize=1)
def _loader() -> type:
    """SafeLoader (libyaml's when there: 5x faster at start-up) that keeps dates as text; PyYAML is
    imported here, not with the module, so a re-run answered from its kept output never loads it."""
    import yaml

    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        pass

    Loader.yaml_implicit_resolvers = {
        key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return Loader


def read_yaml_text(text: str, where: str, remember: bool = False) -> Any:
    """Parse YAML (dates stay strings); a syntax error raises ValueError with one line.

    `remember`: the data is kept as JSON by the text's digest in the cache folder and read from there
    next time (parsing the shipped data is ~50 ms of every start; JSON reads several times faster).
    Only for the shipped data and procedures, never an applicant's dossier.yaml.
    """
    kept = derived_path("parsed", hashlib.sha256(text.encode()).hexdigest()) if remember else None
    if kept is not None:
        try:
            return json.loads(kept.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
    import yaml

    try:
        data = yaml.load(text, Loader=_loader())  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ValueError(f"{where}: {line}invalid YAML: {problem}") from exc
    if kept is not None:
        _keep_json(kept, data)
    return data


def _keep_json(path: Path, data: Any) -> None:
    """Write `data` as JSON when JSON gives back exactly the same (no number keys, no tuples)."""
    try:
        text = json.dumps(data, ensure_ascii=False)
        if json.loads(text) != data:
            return
        write_private(path, text)
    except (OSError, TypeError, ValueError):
        pass  # not kept: parsed again next time


def make_private_dir(path: Path) -> None:
    """Create the folder and its missing parents readable by this user only."""
    missing = []
    current = path
    while not current.exists():
        missing.append(current)
        current = current.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)  # whatever the umask, and even if another process made it a moment ago


def write_private(path: Path, text: str) -> None:
    """A file of the cache folder: in private folders, readable by this user only (mkstemp's 0600), and
    written then renamed, so a killed run never leaves half a file that a later run trusts."""
    make_private_dir(path.parent)
    import tempfile

    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def derived_path(kind: str, digest: str) -> Path | None:
    """Where something derived from the shipped data is kept (`parsed` data, `valid` stamps), by digest;
    None when there is no cache folder yet (a first run with `--no-cache` creates nothing)."""
    root = cache_root()
    if not root.is_dir():
        return None
    return root / "schemas" / kind / digest[:2] / f"{digest}.json"


def derived_folder(kind: str, name: str) -> Path | None:
    """A private folder of the cache for what is derived from the shipped data or a library's (the
    language model restricted to the languages read), by name; None when there is no cache folder yet.
    It lies under `schemas/`, which `cache clear` removes with the rest."""
    root = cache_root()
    if not root.is_dir():
        return None
    folder = root / "schemas" / kind / name
    try:
        make_private_dir(folder)
    except OSError:
        return None
    return folder


def read_yaml_file(path: Path, where: str | None = None) -> Any:
    """A YAML file of the shipped data; ValueError with one line when it cannot be read or parsed."""
    where = where or path.name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValueError(f"{where}: cannot be read: {exc.strerror or exc}") from None
    return read_yaml_text(text, where, remember=True)


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
    """The most relevant error of `data` against a schema (or a schema file's `#/$defs/<ref>`).

    Data found valid before against the same schema is not validated again (see the module docstring).
    """
    schema_text = _schema_text(schema, ref) if isinstance(schema, str) else json.dumps(schema, sort_keys=True)
    stamp = validity_stamp(schema_text, data)
    if stamp is not None and stamp.exists():
        return None
    import jsonschema

    validator = _validator(schema, ref) if isinstance(schema, str) else jsonschema.Draft202012Validator(schema)
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is None and stamp is not None:
        remember_valid(stamp)
    return error


@lru_cache(maxsize=16)
def _schema_text(name: str, ref: str | None) -> str:
    return json.dumps([load_json_schema(name), ref], sort_keys=True)


def validity_stamp(schema_text: str, data: Any) -> Path | None:
    """Where "this data is valid against this schema" is remembered (a digest only, never the data)."""
    try:
        data_text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        return None
    return derived_path("valid", hashlib.sha256(f"{schema_text}\0{data_text}".encode()).hexdigest())


def remember_valid(stamp: Path) -> None:
    try:
        write_private(stamp, "true\n")  # JSON, like everything in the cache folder
    except OSError:
        pass  # not remembered: validated again next time


@lru_cache(maxsize=16)
def _validator(name: str, ref: str | None) -> jsonschema.Draft202012Validator:
    import jsonschema

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
