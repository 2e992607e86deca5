"""Document types, loaded from `schemas/doctypes/*.yaml`.

What a passport or a lease looks like in four languages is knowledge, not code: it lives in one YAML file
per type, validated by `schemas/doctype.schema.json` when loaded, so a wrong file stops the run with one
line naming the file and the field instead of misclassifying quietly.

Phrases are matched by `dossiercheck.text.match` (accent- and case-insensitive, a few OCR errors allowed).
"""

from __future__ import annotations

import dataclasses
import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from dossiercheck.errors import DossierCheckError
from dossiercheck.knowledge.files import read_yaml_file, remember_valid, schemas_dir, validity_stamp
from dossiercheck.text.match import PhraseMatcher, fold

# The languages of Belgian procedures, and the Latin-script languages certificates most often come in
# (see README: Spanish, Portuguese, Italian, Turkish, Polish, Romanian).
LANGUAGES = ("en", "fr", "nl", "de", "es", "pt", "it", "tr", "pl", "ro")


class DoctypeError(DossierCheckError, ValueError):
    """A doctype file is missing, unreadable or does not match the schema; the message is one line."""


@dataclass(frozen=True)
class Cue:
    """A phrase (or regex) that speaks for (weight > 0) or against (weight < 0) a type."""

    text: str  # as written in the YAML, shown in `cues`
    weight: float
    lang: str | None
    pattern: Any  # PhraseMatcher on folded text, or a compiled `regex` pattern on normalised text
    veto: bool = False
    folded: bool = True  # phrases match folded text; regexes as their authors wrote them

    def search(self, normalised: str, folded: str | None = None) -> bool:
        """Whether the cue is in the text (`normalised`, and its `fold` for phrase cues)."""
        return self.span(normalised, folded) is not None

    def span(self, normalised: str, folded: str | None = None) -> tuple[bool, int, int] | None:
        """Where the cue matched: (in folded text?, start, end), or None."""
        if self.folded:
            found = self.pattern.find(folded if folded is not None else fold(normalised))
        else:
            m = self.pattern.search(normalised)
            found = (m.start(), m.end()) if m else None
        return (self.folded, found[0], found[1]) if found else None


def _cue(item: dict[str, Any], lang: str | None, negative: bool = False) -> Cue:
    if "regex" in item:
        text, pattern, folded = item["regex"], regex.compile(item["regex"]), False
    else:
        text, pattern, folded = item["phrase"], PhraseMatcher(item["phrase"]), True
    weight = float(item.get("weight", 1.0))
    return Cue(text, -abs(weight) if negative else weight, lang, pattern, bool(item.get("veto", False)), folded)


@dataclass(frozen=True)
class DocType:
    """One kind of document: how to recognise it and which dates it carries."""

    id: str
    names: dict[str, str]
    cues: tuple[Cue, ...]
    negative: tuple[Cue, ...]
    min_score: float  # cue score below which the type is not considered
    core: bool  # a type rules depend on: never guessed on weak evidence
    mrz_codes: tuple[str, ...]  # MRZ document codes that prove the type
    strong_score: float | None  # without such an MRZ, the cue score needed (None: no MRZ needed)
    min_faces: int
    max_chars: int | None  # at most this much text (photos)
    dates: dict[str, dict[str, tuple[str, ...]]]  # field -> language -> labels
    issue_date: str | None  # which of `dates` is reported as the document's issue date
    translation: bool = False  # it carries the content of another document (sworn translations)
    information: bool = False  # a page about documents: given on evidence, never by cues
    attachment: bool = False  # it accompanies another document (an apostille)
    mrz_holder: str | None = None  # "foreign": the type of a card held by a foreigner of the issuing state
    # The people a paper names, by role ("applicant": the tenant, the patient; "other": the landlord, the
    # doctor), as the words announcing each, every language together: whose birth date is whose.
    people: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)

    def labels(self, field: str) -> tuple[str, ...]:
        return tuple(label for labels in self.dates.get(field, {}).values() for label in labels)


def _doctype(data: dict[str, Any]) -> DocType:
    requires = data.get("requires", {})
    # Every language the file gives cues in counts (the schema lists them): Albanian cues, say, are read on
    # pages the tool does not OCR in Albanian, whose titles still come out letter for letter.
    cues = tuple(_cue(item, lang) for lang, items in data["cues"].items() if lang != "any" for item in items)
    cues += tuple(_cue(item, None) for item in data["cues"].get("any", []))
    dates = {
        field: {lang: tuple(labels.get(lang, [])) for lang in dict.fromkeys((*LANGUAGES, *labels))}
        for field, labels in data.get("dates", {}).items()
    }
    return DocType(
        id=data["id"],
        names=dict(data["names"]),
        cues=cues,
        negative=tuple(_cue(item, item.get("lang"), negative=True) for item in data.get("negative", [])),
        min_score=float(data.get("min_score", 3.0)),
        core=bool(data.get("core", False)),
        mrz_codes=tuple(requires.get("mrz_codes", [])),
        strong_score=requires.get("strong_score"),
        min_faces=int(requires.get("min_faces", 0)),
        max_chars=requires.get("max_chars"),
        dates=dates,
        issue_date=data.get("issue_date"),
        translation=bool(data.get("translation", False)),
        information=bool(data.get("information", False)),
        attachment=bool(data.get("attachment", False)),
        mrz_holder=requires.get("mrz_holder"),
        people={role: tuple(w for words in by_lang.values() for w in words)
                for role, by_lang in data.get("people", {}).items()},
    )


def _where(error: Any) -> str:
    path = "/".join(str(p) for p in error.absolute_path)
    return path or "(top level)"


@functools.lru_cache(maxsize=2)
def _validator(schema_text: str) -> Any:
    import jsonschema  # only when some file was not found valid before

    return jsonschema.Draft202012Validator(json.loads(schema_text))


def load_doctypes_from(folder: Path, schema_file: Path) -> dict[str, DocType]:
    """Every `*.yaml` in `folder`, validated; raises DoctypeError naming the file and field."""
    schema_text = schema_file.read_text(encoding="utf-8")
    found: dict[str, DocType] = {}
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = read_yaml_file(path)
        except ValueError as exc:
            raise DoctypeError(str(exc)) from None
        stamp = validity_stamp(schema_text, data)
        known = stamp is not None and stamp.exists()
        errors = [] if known else sorted(_validator(schema_text).iter_errors(data), key=lambda e: list(e.absolute_path))
        if errors:
            err = errors[0]
            raise DoctypeError(f"{path.name}: field {_where(err)}: {err.message.splitlines()[0]}")
        if data["id"] != path.stem:
            raise DoctypeError(f"{path.name}: field id: '{data['id']}' must match the file name")
        try:
            found[data["id"]] = _doctype(data)
        except regex.error as exc:
            raise DoctypeError(f"{path.name}: field cues: bad regex: {exc}") from None
        for field in [data.get("issue_date")] if data.get("issue_date") else []:
            if field not in data.get("dates", {}):
                raise DoctypeError(f"{path.name}: field issue_date: '{field}' is not one of its dates")
        if stamp is not None and not known:
            remember_valid(stamp)
    if not found:
        raise DoctypeError(f"{folder}: no doctype files found")
    return found


@functools.lru_cache(maxsize=1)
def load_doctypes() -> dict[str, DocType]:
    """The shipped document types by id (cached: loaded and validated once per process)."""
    root = schemas_dir()
    return load_doctypes_from(root / "doctypes", root / "doctype.schema.json")


def all_labels(doctypes: dict[str, DocType], field: str) -> tuple[str, ...]:
    """Labels for `field` across every type, for documents whose type is not known."""
    seen: dict[str, None] = {}
    for doctype in doctypes.values():
        for label in doctype.labels(field):
            seen.setdefault(label, None)
    return tuple(seen)
