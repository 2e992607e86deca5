from __future__ import annotations

from pathlib import Path

import pytest

from dossiercheck.knowledge.files import schemas_dir
from dossiercheck.rules.profiles import ProfileError, list_profiles, load_profile, load_profile_file, profile_ids

EXPECTED = {
    *(f"visa-d/{s}" for s in ("employee", "self-employed", "sufficient-means", "student", "trainee", "family")),
    "municipality/registration",
    *(f"municipality/{s}" for s in ("employee", "self-employed", "sufficient-means", "student", "trainee", "family")),
    *(
        f"eu/{s}"
        for s in (
            "employee", "job-seeker", "self-employed", "sufficient-means", "student", "trainee",
            "civil-servant", "seconded-expert", "family", "permanent",
        )
    ),
    "long-term-resident",
    "renewal/card-a",
}  # fmt: skip


def test_every_expected_profile_exists_and_loads() -> None:
    profiles = list_profiles()
    assert {p.id for p in profiles} == EXPECTED
    assert set(profile_ids()) == EXPECTED
    for profile in profiles:
        assert set(profile.title) == {"en", "fr", "nl"}
        assert profile.requirements
        for requirement in profile.requirements:
            assert requirement.source, requirement.id
            for lang in ("en", "fr", "nl"):
                assert requirement.messages[lang]["action"]


def test_sources_cite_a_seed_or_an_official_page() -> None:
    for profile in list_profiles():
        for requirement in profile.requirements:
            assert "seed 00" in requirement.source or "https://" in requirement.source, requirement.id


def test_shared_parts_come_from_the_bases() -> None:
    employee = load_profile("visa-d/employee")
    student = load_profile("municipality/student")
    assert employee.requirement("good_conduct.age").options["months"] == 6
    assert employee.requirement("passport.validity").options["months"] == 12
    assert student.requirement("passport.validity").options["months"] == 0  # municipality: "valid"
    assert student.requirement("passport.validity").options["warn_months"] == 12
    assert employee.settings["languages"] == ("nl", "fr", "de", "en")
    registration = load_profile("municipality/registration")
    assert "good_conduct.age" not in {r.id for r in registration.requirements}


def test_profile_ids_are_their_paths() -> None:
    profile = load_profile("visa-d/employee")
    assert profile.id == "visa-d/employee"
    assert profile.source_file == schemas_dir() / "profiles" / "visa-d" / "employee.yaml"


def test_unknown_profile_names_the_known_ones() -> None:
    with pytest.raises(ProfileError, match="no such profile; expected one of .*visa-d/employee"):
        load_profile("visa-d/emploee")
    with pytest.raises(ProfileError):
        load_profile("_base/common")


BAD_BASE = """
extends: _base/visa-d
title: {en: Bad, fr: Mauvais, nl: Slecht}
requirements:
"""

GOOD_REQUIREMENT = """
  - id: extra.one
    check: presence
    documents: [lease]
    severity: fail
    source: seed 001_16937fdd3be3f7f2.txt, STEP 2
    messages:
      en: {fail: a, action: b}
      fr: {fail: a, action: b}
      nl: {fail: a, action: b}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def one_line_error(path: Path) -> str:
    with pytest.raises(ProfileError) as caught:
        load_profile_file(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    return message


def test_a_good_profile_written_elsewhere_loads(tmp_path: Path) -> None:
    profile = load_profile_file(write(tmp_path, BAD_BASE + GOOD_REQUIREMENT))
    assert profile.id == "bad"
    assert profile.requirement("extra.one").documents == ("lease",)
    assert profile.requirement("passport.validity").check == "validity"


def test_severity_typo(tmp_path: Path) -> None:
    text = BAD_BASE + GOOD_REQUIREMENT * 2 + GOOD_REQUIREMENT.replace("severity: fail", "severity: fial")
    message = one_line_error(write(tmp_path, text.replace("extra.one", "extra.x", 1)))
    assert (
        message == f"{tmp_path / 'bad.yaml'}: requirements[2].severity: 'fial' is not one of 'fail', 'warn', 'manual'"
    )


def test_unknown_field(tmp_path: Path) -> None:
    message = one_line_error(write(tmp_path, BAD_BASE + GOOD_REQUIREMENT.replace("severity:", "sevrity:")))
    assert "requirements[0].sevrity: unknown field 'sevrity'; expected one of" in message
    assert "'severity'" in message


def test_unknown_document_type(tmp_path: Path) -> None:
    message = one_line_error(write(tmp_path, BAD_BASE + GOOD_REQUIREMENT.replace("[lease]", "[leese]")))
    assert "requirements[0].documents[0]: 'leese' is not one of 'passport'" in message


def test_unknown_check_kind(tmp_path: Path) -> None:
    message = one_line_error(write(tmp_path, BAD_BASE + GOOD_REQUIREMENT.replace("check: presence", "check: presense")))
    assert "requirements[0].check: 'presense' is not one of 'presence', 'validity'" in message
    assert "extra.one" in message


def test_unknown_option(tmp_path: Path) -> None:
    text = BAD_BASE + GOOD_REQUIREMENT.replace("check: presence", "check: max_age\n    options: {monts: 6}")
    message = one_line_error(write(tmp_path, text))
    assert "requirements[0].options.monts: unknown option 'monts' for check 'max_age'" in message
    assert "requirement 'extra.one'" in message
    assert "expected one of 'months', 'date_field'" in message


def test_option_of_the_wrong_type(tmp_path: Path) -> None:
    text = BAD_BASE + GOOD_REQUIREMENT.replace("check: presence", "check: max_age\n    options: {months: six}")
    assert "options.months: 'six' is not a int" in one_line_error(write(tmp_path, text))


def test_missing_translation_of_a_message(tmp_path: Path) -> None:
    text = BAD_BASE + GOOD_REQUIREMENT.replace("nl: {fail: a, action: b}", "nl: {fail: a}")
    message = one_line_error(write(tmp_path, text))
    assert "requirements[0].messages.nl: 'action' is a required property" in message


def test_missing_source(tmp_path: Path) -> None:
    text = BAD_BASE + GOOD_REQUIREMENT.replace("    source: seed 001_16937fdd3be3f7f2.txt, STEP 2\n", "")
    assert "requirements[0]: 'source' is a required property" in one_line_error(write(tmp_path, text))


def test_override_of_a_base_requirement_is_merged(tmp_path: Path) -> None:
    text = BAD_BASE + "  - id: good_conduct.age\n    options: {months: 3}\n"
    profile = load_profile_file(write(tmp_path, text))
    requirement = profile.requirement("good_conduct.age")
    assert requirement.options["months"] == 3
    assert requirement.min_age == 18
    assert requirement.messages["fr"]["action"]


def test_unknown_base(tmp_path: Path) -> None:
    message = one_line_error(write(tmp_path, BAD_BASE.replace("_base/visa-d", "_base/visa-x") + GOOD_REQUIREMENT))
    assert "extends: no base profile '_base/visa-x'" in message


def test_yaml_syntax_error(tmp_path: Path) -> None:
    assert "invalid YAML" in one_line_error(write(tmp_path, "title: {en: [\n"))


def test_profile_folder_errors_name_the_schemas_path(tmp_path: Path) -> None:
    # errors in shipped files are shown as schemas/profiles/..., the way the brief words them
    from dossiercheck.rules import profiles

    assert profiles._display(schemas_dir() / "profiles" / "visa-d" / "employee.yaml") == str(
        Path("schemas/profiles/visa-d/employee.yaml")
    )


def test_option_value_outside_its_choices(tmp_path: Path) -> None:
    text = BAD_BASE + "  - id: legalisation.apostille\n    options: {if_absent: maybe}\n"
    message = one_line_error(write(tmp_path, text))
    assert "options.if_absent: 'maybe' is not one of 'warn', 'manual', 'fail'" in message


def test_settings_are_checked(tmp_path: Path) -> None:
    text = BAD_BASE + GOOD_REQUIREMENT + "settings:\n  working_days: {extra_holidays: ['2026-02-30']}\n"
    assert "settings.working_days.extra_holidays[0]: '2026-02-30' is not a real date" in one_line_error(
        write(tmp_path, text)
    )
    text = BAD_BASE + GOOD_REQUIREMENT + "settings:\n  languages: [french]\n"
    assert "settings.languages[0]: 'french' is not valid" in one_line_error(write(tmp_path, text))
