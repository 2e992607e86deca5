"""Document types, loaded from `schemas/doctypes/*.yaml`.

What a passport or a lease looks like in four languages is knowledge, not code: it lives in one YAML file
per type, validated by `schemas/doctype.schema.json` when loaded, so a wrong file stops the run with one
line naming the file and the field instead of misclassifying quietly.

Cue matching is written here rather than taken from a library because it must be accent-insensitive,
case-insensitive and tolerant of a few OCR character errors at once; the `regex` module (a dependency of
dateparser) gives fuzzy matching in C, which is fast enough for a page of text times a few hundred cues.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex
import yaml

from dossiercheck.errors import DossierCheckError
from dossiercheck.resources import schemas_dir

LANGUAGES = ("en", "fr", "nl", "de")


class DoctypeError(DossierCheckError, ValueError):
    """A doctype file is missing, unreadable or does not match the schema; the message is one line."""


def normalise(text: str) -> str:
    """Lower-case, accent-free, punctuation as spaces, whitespace collapsed: the form all cues match on.

    OCR drops or confuses accents and punctuation far more often than letters, so both are removed
    before matching; "ß" is expanded so "Führungszeugnis" and "Fuhrungszeugnis" meet.
    """
    text = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = regex.sub(r"[^\p{L}\p{N}]+", " ", text)
    return " ".join(text.split())


_CONFUSABLE = (("rn", "m"), ("vv", "w"), ("l", "i"), ("1", "i"), ("|", "i"), ("0", "o"))


def fold(normalised: str) -> str:
    """Normalised text with the letters OCR confuses made equal (l/1/i, 0/o, rn/m), for phrase cues only."""
    for seen, meant in _CONFUSABLE:
        normalised = normalised.replace(seen, meant)
    return normalised


def _allowed_errors(phrase: str) -> int:
    # Short words must match exactly or "bail" would be found in "mail"; long phrases tolerate OCR slips.
    letters = len(phrase.replace(" ", ""))
    return 0 if letters < 7 else 1 if letters < 14 else 2


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


def compile_phrase(phrase: str, fuzzy: bool = True, folded: bool = False) -> Any:
    """A pattern matching `phrase` on normalised (or folded) text, whole words, with a few errors if long."""
    norm = fold(normalise(phrase)) if folded else normalise(phrase)
    errors = _allowed_errors(norm) if fuzzy else 0
    body = regex.escape(norm).replace("\\ ", " ").replace(" ", r"\s?")
    if errors:
        return regex.compile(rf"\b(?:{body}){{e<={errors}}}\b", regex.BESTMATCH)
    # Exact phrases need no fuzzy engine; the standard module compiles them several times faster.
    return re.compile(rf"\b{body}\b")


_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: faster start-up


class PhraseMatcher:
    """A phrase found exactly, or with a few OCR errors, in folded text - quickly on long pages.

    A fuzzy regex over a whole contract takes seconds for a few hundred cues. With e errors allowed,
    one of e+1 disjoint pieces of the phrase must appear exactly (pigeonhole), so the fuzzy search runs
    only in small windows around those pieces.
    """

    def __init__(self, phrase: str) -> None:
        self.phrase = fold(normalise(phrase))
        self.errors = _allowed_errors(self.phrase)
        self.source = phrase
        self.exact = compile_phrase(phrase, fuzzy=False, folded=True)
        size = max(1, len(self.phrase) // (self.errors + 1))
        self.pieces = [self.phrase[i * size : (i + 1) * size] for i in range(self.errors + 1)]
        self.pieces[-1] = self.phrase[self.errors * size :]

    @functools.cached_property
    def fuzzy(self) -> Any:
        """Compiled on first use only: most cues match exactly or not at all, and start-up counts."""
        return compile_phrase(self.source, fuzzy=True, folded=True) if self.errors else None

    def find(self, text: str) -> tuple[int, int] | None:
        m = self.exact.search(text)
        if m:
            return m.start(), m.end()
        if not self.errors:
            return None
        reach = len(self.phrase) + self.errors + 1
        for piece in self.pieces:
            start = text.find(piece)
            while start >= 0:
                low = max(0, start - reach)
                m = self.fuzzy.search(text, low, min(len(text), start + reach))
                if m:
                    return m.start(), m.end()
                start = text.find(piece, start + 1)
        return None


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

    def labels(self, field: str) -> tuple[str, ...]:
        return tuple(label for labels in self.dates.get(field, {}).values() for label in labels)


def _doctype(data: dict[str, Any]) -> DocType:
    requires = data.get("requires", {})
    cues = tuple(_cue(item, lang) for lang in LANGUAGES for item in data["cues"].get(lang, []))
    cues += tuple(_cue(item, None) for item in data["cues"].get("any", []))
    dates = {
        field: {lang: tuple(labels.get(lang, [])) for lang in LANGUAGES}
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
    )


def _where(error: Any) -> str:
    path = "/".join(str(p) for p in error.absolute_path)
    return path or "(top level)"


def load_doctypes_from(folder: Path, schema_file: Path) -> dict[str, DocType]:
    """Every `*.yaml` in `folder`, validated; raises DoctypeError naming the file and field."""
    import jsonschema

    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    found: dict[str, DocType] = {}
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)  # noqa: S506
        except (OSError, yaml.YAMLError) as exc:
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise DoctypeError(f"{path.name}: cannot be read as YAML: {first}") from None
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
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
