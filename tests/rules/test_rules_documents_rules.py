"""Translation, legalisation, identity consistency, means, manual checks."""

from __future__ import annotations

import dataclasses
import datetime as dt

from tests.rules._factory import doc, mrz, passport, run

D = dt.date


def test_spanish_document_needs_a_sworn_translation() -> None:
    spanish = doc("birth_certificate", "acta.pdf", language="es")
    results, _ = run("visa-d/family", "translation.sworn", [passport(), spanish])
    assert results[0].status == "fail"
    assert results[0].files == ("acta.pdf",)
    assert "acta.pdf (es)" in results[0].message
    results, _ = run(
        "visa-d/family", "translation.sworn", [passport(), spanish, doc("sworn_translation", language="fr")]
    )
    assert results[0].status == "pass"


def test_accepted_languages_need_no_translation() -> None:
    documents = [doc("lease", language="nl"), doc("medical", language="en"), doc("good_conduct", language="de")]
    results, _ = run("visa-d/employee", "translation.sworn", documents)
    assert results[0].status == "pass"


def test_unknown_language_and_identity_documents_are_not_judged() -> None:
    documents = [doc("lease", language=None), doc("passport", language="es"), doc("photo", language="xx")]
    results, _ = run("visa-d/employee", "translation.sworn", documents)
    assert results[0].status == "pass"


def test_apostille_missing_is_a_warning() -> None:
    results, _ = run("visa-d/employee", "legalisation.apostille", [doc("good_conduct", "gc.pdf", issue=D(2026, 10, 1))])
    assert results[0].status == "warn"
    assert "gc.pdf" in results[0].message
    results, _ = run("visa-d/employee", "legalisation.apostille", [doc("good_conduct"), doc("apostille")])
    assert results[0].status == "pass"


def test_apostille_on_the_certificate_counts() -> None:
    stamped = dataclasses.replace(doc("good_conduct", "gc.pdf"), cues=("attached: apostille",))
    results, _ = run("visa-d/employee", "legalisation.apostille", [stamped])
    assert results[0].status == "pass"
    # One certificate stamped, another with none: the second still lacks one.
    results, _ = run("visa-d/employee", "legalisation.apostille", [stamped, doc("birth_certificate", "acte.pdf")])
    assert results[0].status == "warn" and "acte.pdf" in results[0].message


def test_eu_family_apostille_is_for_a_person_to_decide() -> None:
    results, _ = run("eu/family", "legalisation.apostille", [doc("marriage_certificate")])
    assert results[0].status == "manual"


def test_names_match_despite_accents_order_and_ocr_noise() -> None:
    card = doc("residence_card", "card.pdf", mrz=mrz(surname="GARCÍA LÓPEZ", given="MARIA JOSÉ", code="AR"))
    visa = doc("visa", "visa.pdf", mrz=mrz(surname="GARC1A LOPEZ", given="MARIA", code="V"))
    results, _ = run(
        "municipality/registration",
        "identity.match",
        [passport(), card, visa],
        applicant_name="María José García López",
    )
    assert [r.status for r in results] == ["pass"]


def test_name_mismatch_is_a_warning_naming_both_documents() -> None:
    visa = doc("visa", "visa.pdf", mrz=mrz(surname="PETROVA", given="ANNA", code="V"))
    results, _ = run("municipality/registration", "identity.match", [passport(), visa])
    assert [r.status for r in results] == ["warn"]
    assert results[0].files == ("passport.pdf", "visa.pdf")
    assert "passport.pdf" in results[0].message and "visa.pdf" in results[0].message


def test_birth_date_mismatch_with_dossier_file() -> None:
    results, _ = run("municipality/registration", "identity.match", [passport()], birth_date=D(1990, 1, 4))
    assert [r.status for r in results] == ["warn"]
    assert results[0].files == ("passport.pdf", "dossier.yaml")


def test_student_means_threshold() -> None:
    statement = [doc("bank_statement")]
    assert run("visa-d/student", "means.student", statement, amounts={"monthly_means": 1062})[0][0].status == "pass"
    assert run("visa-d/student", "means.student", statement, amounts={"monthly_means": 1061.99})[0][0].status == "fail"
    manual = run("visa-d/student", "means.student", statement)[0][0]
    assert manual.status == "manual"
    assert "1,062" in manual.message


def test_long_term_means_count_dependants() -> None:
    amounts = {"monthly_income": 1700.0, "dependants": 2}
    results, _ = run("long-term-resident", "means.income", [], amounts=amounts)
    assert results[0].status == "fail"  # 1038 + 2 * 346 = 1730
    assert "1,730" in results[0].message


def test_manual_checks_never_pass() -> None:
    results, _ = run("visa-d/employee", "medical.model", [doc("medical", "med.pdf")])
    assert results[0].status == "manual"
    assert results[0].files == ("med.pdf",)


def test_a_translation_without_its_original_is_named_where_the_original_is_missing() -> None:
    translation = dataclasses.replace(doc("sworn_translation", "traduction.pdf", language="fr"),
                                      cues=("translates: good_conduct",))
    results, _ = run("visa-d/employee", "good_conduct.age", [passport(), translation])
    assert results[0].status == "missing"
    assert "traduction.pdf" in results[0].message and "original" in results[0].message
    assert "traduction.pdf" in results[0].files
    results, _ = run("visa-d/employee", "good_conduct.age", [passport(), translation], lang="fr")
    assert "l'original" in results[0].message
