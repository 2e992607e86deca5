"""Issue 14 on whole dossiers, with the real OCR: a page about a certificate is not the certificate, a key
date that cannot be read blocks until it is given, and only the applicant's birth date is compared."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from dossiercheck.api import check_dossier
from dossiercheck.models import FileReading, Page
from dossiercheck.pipeline.analyse import analyse_reading
from tests.conftest import text_page
from tests.rules._factory import passport, run

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "dossiers" / "visa-d-employee"
APPOINTMENT = dt.date(2027, 1, 15)

# A police records office's web page, written for this test in the way such pages are (the bench's real
# pages are kept out of the tests): it names the certificate many times, and speaks to its reader.
INFORMATION_PAGE = [
    "Home > Services > Police certificates",
    "What is a police certificate?",
    "A police certificate (certificate of good conduct) shows whether you have",
    "a criminal record. You may need one for a visa or a residence permit.",
    "How do I apply for a police certificate?",
    "You can apply online or at the front desk. You must bring your passport.",
    "Opening hours: Monday to Friday, 9:00 to 12:00",
    "Fee: EUR 5. Processing time: 10 working days.",
    "More information: www.police-records.example/certificates",
    "Contact us | Privacy policy | Cookies",
]
# A certificate of good conduct whose date of issue is not on the page (cut off by the scan).
UNDATED_CERTIFICATE = [
    "ROYAUME DE BELGIQUE - SPF Justice",
    "EXTRAIT DE CASIER JUDICIAIRE",
    "Modèle 1 - Article 595 du Code d'instruction criminelle",
    "Le soussigné certifie que la personne désignée ci-dessous",
    "n'a fait l'objet d'aucune condamnation pénale.",
    "Nom : PARKER   Prénom : Hannah",
    "Née le 08/02/1982 à Denver",
    "Le Directeur du Casier judiciaire central",
]


def dossier_with(tmp_path: Path, lines: list[str], name: str = "police_clearance.png") -> Path:
    folder = tmp_path / "dossier"
    shutil.copytree(SAMPLE, folder)
    (folder / "police_clearance.png").unlink()
    text_page(lines).save(folder / name)
    return folder


def requirement(report, rid: str):  # type: ignore[no-untyped-def]
    return next(r for r in report.requirements if r.id == rid)


def test_an_information_page_instead_of_the_certificate_is_not_ready(tmp_path: Path) -> None:
    folder = dossier_with(tmp_path, INFORMATION_PAGE, "police-certificate.png")
    report = check_dossier(folder, require_profile=True)
    page = next(d for d in report.documents if d.file == "police-certificate.png")
    assert page.type == "information" and page.about == "good_conduct"
    assert report.verdict == "incomplete"
    missing = requirement(report, "good_conduct.age")
    assert missing.status == "missing"
    assert "police-certificate.png" in missing.files and "not the document itself" in missing.message
    from dossiercheck.reporters import render_report

    for fmt in ("text", "markdown", "html"):
        assert "page about certificate of good conduct (not the document)" in render_report(report, fmt), fmt


def test_an_unreadable_issue_date_blocks_until_it_is_given(tmp_path: Path) -> None:
    folder = dossier_with(tmp_path, UNDATED_CERTIFICATE)
    report = check_dossier(folder, require_profile=True)
    assert {d.type for d in report.documents if d.file == "police_clearance.png"} == {"good_conduct"}
    blocked = requirement(report, "good_conduct.age")
    assert blocked.status == "fail" and report.verdict == "incomplete"
    assert "police_clearance.png:issue=YYYY-MM-DD" in blocked.action
    # The applicant reads the date on the paper and types it in dossier.yaml.
    settings = (folder / "dossier.yaml").read_text()
    (folder / "dossier.yaml").write_text(settings + 'dates:\n  police_clearance.png: {issue: "2026-12-01"}\n')
    given = check_dossier(folder, require_profile=True)
    checked = requirement(given, "good_conduct.age")
    assert checked.status == "pass" and "given by you, not read" in checked.message
    # And it is checked on that date: too old fails.
    old = check_dossier(folder, require_profile=True, given=[_given("police_clearance.png", "issue", "2026-01-02")])
    assert requirement(old, "good_conduct.age").status == "fail"


def _given(file: str, field: str, day: str):  # type: ignore[no-untyped-def]
    from dossiercheck.models import GivenDate

    return GivenDate(file=file, field=field, value=dt.date.fromisoformat(day))


def test_a_date_given_for_a_file_not_in_the_dossier_is_refused(tmp_path: Path) -> None:
    from dossiercheck.errors import UsageError

    with pytest.raises(UsageError, match="did you mean 'police_clearance.png'"):
        check_dossier(SAMPLE, require_profile=True, given=[_given("police_clearance.pgn", "issue", "2026-12-01")])


LEASE = """CONTRAT DE BAIL DE RÉSIDENCE PRINCIPALE
Entre les soussignés :
Le bailleur : Jean PEETERS, né le 03/05/1955 à Gand, domicilié rue Haute 4, 9000 Gand
ci-après dénommé le bailleur
Et le preneur : Hannah PARKER, née le 08/02/1982 à Denver
ci-après dénommé le preneur
Article 1. Le bailleur donne en location au preneur l'appartement situé rue Neuve 12, 1000 Bruxelles.
Article 2. Le bail prend cours le 1er février 2027. Loyer mensuel : 850 EUR.
Fait à Bruxelles, le 10 janvier 2027, en deux exemplaires."""


def test_a_correct_lease_with_the_landlords_birth_date_raises_no_identity_warning() -> None:
    page = Page(index=0, width=1240, height=1754, text=LEASE, source="text-layer")
    lease = analyse_reading(FileReading("bail.pdf", "1" * 64, "application/pdf", 1000, (page,)), APPOINTMENT)[0]
    assert lease.type == "lease"
    assert lease.date("birth") == dt.date(1982, 2, 8)  # the tenant's, not the landlord's
    assert {d.field for d in lease.dates if d.field} >= {"signed", "start"}
    results, _ = run("municipality/registration", "identity.match",
                     [passport(birth=dt.date(1982, 2, 8)), lease], reference_date=APPOINTMENT)
    assert results and all(r.status == "pass" for r in results), [r.message for r in results]


def test_a_certificate_in_arabic_counts_with_its_sworn_translation(tmp_path: Path) -> None:
    """An original the tool cannot read, and its translation: the requirement is met from the translation."""
    from tests.extract.test_other_languages import ARABIC, TRANSLATION
    from tests.pdfs import text_pdf

    folder = dossier_with(tmp_path, ARABIC * 2, "casier.png")
    (folder / "casier-traduction.pdf").write_bytes(text_pdf(TRANSLATION))
    report = check_dossier(folder, require_profile=True)
    original = next(d for d in report.documents if d.file == "casier.png")
    assert original.type == "good_conduct" and original.language == "Arabic script"
    assert requirement(report, "good_conduct.age").status == "pass"
    translated = [r for r in report.requirements if r.id == "translation.sworn"]
    assert translated and all(r.status == "pass" for r in translated)


def test_a_certificate_in_arabic_without_translation_is_not_ready(tmp_path: Path) -> None:
    from tests.extract.test_other_languages import ARABIC

    report = check_dossier(dossier_with(tmp_path, ARABIC * 2, "casier.png"), require_profile=True)
    assert report.verdict == "incomplete"
    assert requirement(report, "good_conduct.age").status != "pass"
