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
            assert set(requirement.names) == {"en", "fr", "nl"}, requirement.id
            for lang in ("en", "fr", "nl"):
                assert requirement.messages[lang]["action"]
                assert requirement.names[lang].strip(), (requirement.id, lang)


def test_every_requirement_cites_pages_a_reader_can_open() -> None:
    for profile in list_profiles():
        for requirement in profile.requirements:
            assert requirement.sources, requirement.id
            # at least one address per requirement; only the seed page whose address is unknown has none
            assert any(s.url.startswith(("https://", "http://")) for s in requirement.sources), requirement.id
            for source in requirement.sources:
                assert source.title and source.title != source.url, (requirement.id, source)
                for text in (source.title, source.url, source.detail, requirement.source):
                    assert "seed " not in text and ".txt" not in text, (requirement.id, text)
            assert " <https://" in requirement.source  # one line: title <address>; ...


def test_names_differ_where_the_rule_differs() -> None:
    assert load_profile("visa-d/student").requirement("passport.validity").names["en"] == "Passport valid long enough"
    assert load_profile("municipality/student").requirement("passport.validity").names["nl"] == "Paspoort nog geldig"
    photos = load_profile("visa-d/employee").requirement("photos.count")
    assert photos.names["fr"] == "{count} photos d'identité" and photos.count == 2  # filled in when checked


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


def test_a_misspelt_profile_gets_did_you_mean() -> None:
    with pytest.raises(ProfileError) as caught:
        load_profile("visa-d/employe")
    assert str(caught.value) == "profile 'visa-d/employe': no such profile; did you mean 'visa-d/employee'?"
    with pytest.raises(ProfileError, match="did you mean 'eu/student'"):
        load_profile("eu/studnet")


def test_a_far_off_profile_names_the_known_ones() -> None:
    with pytest.raises(ProfileError, match="no such profile; expected one of .*visa-d/employee") as caught:
        load_profile("work-permit")
    assert "did you mean" not in str(caught.value)
    with pytest.raises(ProfileError):
        load_profile("_base/common")


BAD_BASE = """
extends: _base/visa-d
title: {en: Bad, fr: Mauvais, nl: Slecht}
requirements:
"""

GOOD_REQUIREMENT = """
  - id: extra.one
    name: {en: Extra, fr: Extra, nl: Extra}
    check: presence
    documents: [lease]
    severity: fail
    source: [{ref: seed-brussels-non-eu, detail: STEP 2}]
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
    assert "requirements[0].documents[0]: 'leese' is not one of 'apostille', 'bank_statement'" in message


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
    text = BAD_BASE + GOOD_REQUIREMENT.replace("    source: [{ref: seed-brussels-non-eu, detail: STEP 2}]\n", "")
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


def test_missing_name(tmp_path: Path) -> None:
    text = BAD_BASE + GOOD_REQUIREMENT.replace("    name: {en: Extra, fr: Extra, nl: Extra}\n", "")
    message = one_line_error(write(tmp_path, text))
    expected = "requirements[0]: 'name' is a required property (requirement 'extra.one')"
    assert message == f"{tmp_path / 'bad.yaml'}: {expected}"


def test_a_name_in_every_language(tmp_path: Path) -> None:
    text = BAD_BASE + GOOD_REQUIREMENT.replace("{en: Extra, fr: Extra, nl: Extra}", "{en: Extra, fr: Extra}")
    assert "requirements[0].name: 'nl' is a required property" in one_line_error(write(tmp_path, text))


def test_a_name_is_filled_with_the_options(tmp_path: Path) -> None:
    from dossiercheck.rules import evaluate
    from tests.rules._factory import context

    named = "{en: '{count} leases', fr: '{count} baux', nl: '{count} huurcontracten'}"
    text = BAD_BASE + GOOD_REQUIREMENT.replace("{en: Extra, fr: Extra, nl: Extra}", named)
    profile = load_profile_file(write(tmp_path, text.replace("severity: fail", "severity: fail\n    count: 2")))
    results, _ = evaluate(profile, [], context(), "fr")
    assert next(r for r in results if r.id == "extra.one").name == "2 baux"


def test_a_source_is_cited_by_id_with_its_detail(tmp_path: Path) -> None:
    from dossiercheck.models import Source

    profile = load_profile_file(write(tmp_path, BAD_BASE + GOOD_REQUIREMENT))
    (source,) = profile.requirement("extra.one").sources
    assert source == Source(
        title="Residence formalities for non-EU citizens: more than 90 days (commissioner.brussels)",
        url="https://commissioner.brussels/i-am-an-expat/residence-formalities-non-eu/more-than-90-days",
        detail="STEP 2",
    )


def test_a_bare_address_is_its_own_source(tmp_path: Path) -> None:
    known = "https://dofi.ibz.be/en/themes/faq/long-stay/medical-certificate"
    other = "https://example.org/a-page"
    text = BAD_BASE + GOOD_REQUIREMENT.replace("[{ref: seed-brussels-non-eu, detail: STEP 2}]", f"[{known}, {other}]")
    requirement = load_profile_file(write(tmp_path, text)).requirement("extra.one")
    assert [(s.title, s.url) for s in requirement.sources] == [
        ("Medical certificate (Immigration Office)", known),  # the title sources.yaml gives that address
        (other, other),
    ]
    assert requirement.source == f"Medical certificate (Immigration Office) <{known}>; {other}"


def test_an_unknown_source_id(tmp_path: Path) -> None:
    text = BAD_BASE + GOOD_REQUIREMENT.replace("ref: seed-brussels-non-eu", "ref: seed-brussels-non-ue")
    message = one_line_error(write(tmp_path, text))
    assert message == (
        f"{tmp_path / 'bad.yaml'}: requirements[0].source[0].ref: 'seed-brussels-non-ue' is not a source listed "
        "in schemas/sources.yaml; did you mean 'seed-brussels-non-eu'?"
    )


def test_a_file_name_is_not_a_source(tmp_path: Path) -> None:
    text = BAD_BASE + GOOD_REQUIREMENT.replace("[{ref: seed-brussels-non-eu, detail: STEP 2}]",
                                               "'seed 001_16937fdd3be3f7f2.txt, STEP 2'")
    message = one_line_error(write(tmp_path, text))
    assert "requirements[0].source: 'seed 001_16937fdd3be3f7f2.txt, STEP 2' is not valid" in message
    assert "expected a page's address starting with https://, or {ref:" in message


OUTCOMES = "  - id: renewal.test\n" + GOOD_REQUIREMENT.split("\n", 2)[2].replace(
    "check: presence\n    documents: [lease]", "check: renewal_window"
)


def test_a_check_with_outcomes_needs_a_status_for_each(tmp_path: Path) -> None:
    text = BAD_BASE + OUTCOMES.replace("severity:", "outcomes: {early: warn}\n    severity:")
    message = one_line_error(write(tmp_path, text))
    assert message.endswith(
        "requirements[0].outcomes: no status for 'late' (requirement 'renewal.test'); "
        "check 'renewal_window' leaves 'early', 'late' to the profile"
    )


def test_an_unknown_outcome(tmp_path: Path) -> None:
    text = BAD_BASE + OUTCOMES.replace("severity:", "outcomes: {early: warn, late: warn, erly: fail}\n    severity:")
    message = one_line_error(write(tmp_path, text))
    assert "requirements[0].outcomes.erly: unknown outcome 'erly' for check 'renewal_window'" in message
    assert "expected one of 'early', 'late'" in message
    text = BAD_BASE + GOOD_REQUIREMENT.replace("severity:", "outcomes: {missing: warn}\n    severity:")
    assert "none (this check decides its own statuses)" in one_line_error(write(tmp_path, text))


def test_an_outcome_is_a_status(tmp_path: Path) -> None:
    text = BAD_BASE + OUTCOMES.replace("severity:", "outcomes: {early: warn, late: wran}\n    severity:")
    assert "requirements[0].outcomes.late: 'wran' is not one of 'pass', 'fail'" in one_line_error(write(tmp_path, text))


def test_the_profile_decides_the_outcome(tmp_path: Path) -> None:
    import datetime as dt

    from dossiercheck.rules import evaluate
    from tests.rules._factory import REF, context

    text = BAD_BASE + OUTCOMES.replace("severity:", "outcomes: {early: manual, late: fail}\n    severity:")
    profile = load_profile_file(write(tmp_path, text))
    assert dict(profile.requirement("renewal.test").outcomes) == {"early": "manual", "late": "fail"}
    statuses = {
        days: next(r for r in evaluate(profile, [], context(card_expiry=REF + dt.timedelta(days=days)))[0]
                   if r.id == "renewal.test").status
        for days in (46, 40, 10)
    }
    assert statuses == {46: "manual", 40: "pass", 10: "fail"}


def test_outcomes_are_inherited_from_the_bases() -> None:
    assert dict(load_profile("visa-d/employee").requirement("identity.match").outcomes) == {"name": "warn",
                                                                                           "birth": "warn"}
    assert dict(load_profile("eu/student").requirement("registration.complete").outcomes) == {"before": "warn"}
    assert dict(load_profile("renewal/card-a").requirement("renewal.window").outcomes) == {"early": "warn",
                                                                                          "late": "warn"}
    assert load_profile("visa-d/employee").requirement("passport.validity").outcomes == {}


def test_types_that_never_need_a_translation_are_settings() -> None:
    settings = load_profile("visa-d/employee").settings["translation"]
    assert set(settings["not_needed_for"]) == {"passport", "id_card", "residence_card", "visa", "photo",
                                               "sworn_translation", "apostille", "unknown", "information"}
