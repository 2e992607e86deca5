"""Doctype files: the shipped ones load, and a bad one is one line naming the file and the field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dossiercheck.knowledge.doctypes import DoctypeError, load_doctypes, load_doctypes_from
from dossiercheck.knowledge.files import schemas_dir
from dossiercheck.text.match import normalise

TYPES = {
    "passport", "id_card", "residence_card", "visa", "lease", "good_conduct", "medical", "photo",
    "visa_application", "employment_contract", "work_permit", "professional_card", "health_insurance",
    "bank_statement", "birth_certificate", "marriage_certificate", "enrolment", "apostille", "sworn_translation",
    "information",
}  # fmt: skip


def test_shipped_doctypes_load() -> None:
    doctypes = load_doctypes()
    assert set(doctypes) == TYPES
    assert load_doctypes() is doctypes  # cached
    for doctype in doctypes.values():
        assert set(doctype.names) == {"en", "fr", "nl", "de"}  # the names every report language needs
        assert doctype.information or {c.lang for c in doctype.cues} >= {"en", "fr", "nl", "de"}, doctype.id
        assert doctype.issue_date is None or doctype.issue_date in doctype.dates
    assert {"passport", "lease", "good_conduct", "medical"} == {d.id for d in doctypes.values() if d.core}
    assert doctypes["passport"].mrz_codes == ("P",)


def test_every_language_of_a_doctype_file_gives_cues() -> None:
    # A language the schema allows but the loader skipped made the Albanian and Bosnian cues dead data.
    import yaml

    for path in sorted((schemas_dir() / "doctypes").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        loaded = {c.lang for c in load_doctypes()[data["id"]].cues}
        written = {lang if lang != "any" else None for lang, items in data["cues"].items() if items}
        assert written <= loaded, path.name


def test_date_labels_in_four_languages() -> None:
    passport = load_doctypes()["passport"]
    assert "vervaldatum" in passport.dates["expiry"]["nl"]
    assert "gültig bis" in passport.dates["expiry"]["de"]
    assert "délivré le" in passport.dates["issue"]["fr"]


@pytest.fixture
def schema_copy(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "doctypes"
    shutil.copytree(schemas_dir() / "doctypes", folder)
    return folder, schemas_dir() / "doctype.schema.json"


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda t: t.replace("weight: 7}", "weight: seven}", 1), "lease.yaml: field cues/"),
        (lambda t: t.replace("names:", "nmes:", 1), "lease.yaml: field (top level)"),
        (lambda t: t.replace("issue_date: signed", "issue_date: expiry"), "lease.yaml: field issue_date"),
        (lambda t: t.replace("id: lease", "id: leases"), "lease.yaml: field id"),
        (lambda t: t + "\n  bad: [unclosed", "lease.yaml: line "),
        (lambda t: t.replace("  fr:\n    - {phrase: bail de", "  fx:\n    - {phrase: bail de"), "lease.yaml: field"),
    ],
)
def test_bad_doctype_file_is_one_line_error(schema_copy: tuple[Path, Path], edit, expected: str) -> None:  # type: ignore[no-untyped-def]
    folder, schema = schema_copy
    path = folder / "lease.yaml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(DoctypeError) as info:
        load_doctypes_from(folder, schema)
    message = str(info.value)
    assert message.startswith(expected), message
    assert "\n" not in message


def test_bad_regex_cue_is_one_line_error(schema_copy: tuple[Path, Path]) -> None:
    folder, schema = schema_copy
    path = folder / "visa.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(r"'\bvisa\b'", "'(unclosed'"), encoding="utf-8")
    with pytest.raises(DoctypeError, match=r"^visa\.yaml: field cues: bad regex"):
        load_doctypes_from(folder, schema)


def test_normalise_removes_accents_case_and_punctuation() -> None:
    assert normalise("Führungszeugnis — DÉLIVRÉ le:  3.") == "fuhrungszeugnis delivre le 3"
    assert normalise("Straße") == "strasse"


def test_data_found_valid_is_remembered_and_a_change_is_validated_again(
    schema_copy: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Validation is skipped for data found valid before (a digest in the cache folder); an edit is new data."""
    folder, schema = schema_copy
    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("DOSSIERCHECK_CACHE_DIR", str(cache))
    assert set(load_doctypes_from(folder, schema)) == TYPES
    stamps = list((cache / "schemas" / "valid").rglob("*.json"))
    assert len(stamps) == len(TYPES)
    assert set(load_doctypes_from(folder, schema)) == TYPES  # from the stamps and the parsed copies
    path = folder / "lease.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("weight: 7}", "weight: seven}", 1), encoding="utf-8")
    with pytest.raises(DoctypeError, match=r"^lease\.yaml: field cues/"):
        load_doctypes_from(folder, schema)
    with pytest.raises(DoctypeError, match=r"^lease\.yaml: field cues/"):  # never remembered as valid
        load_doctypes_from(folder, schema)
