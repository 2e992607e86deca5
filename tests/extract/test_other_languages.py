"""Certificates from the countries applicants come from (issue 14, point 3): pages in Turkish, Polish,
Spanish... read again in their own language by the real page reader, and numeric dates read in the
issuing state's order (month first on a US or Philippine document, day first everywhere else).

The texts are written for these tests in the way such certificates are laid out (the real-wording bench's
texts are kept out of the tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from dossiercheck.extract.date_parse import find_in_line, read_month
from dossiercheck.extract.dates import numeric_order
from dossiercheck.knowledge.settings import read_again
from dossiercheck.models import Page
from dossiercheck.ocr.own_language import own_language
from dossiercheck.ocr.page import ocr_image
from dossiercheck.ocr.settings import OcrSettings
from tests.conftest import text_page
from tests.helpers import analysed

REF = dt.date(2027, 1, 15)

TURKISH = [
    "T.C. ADALET BAKANLIĞI",
    "Adli Sicil ve İstatistik Genel Müdürlüğü",
    "ADLİ SİCİL KAYDI",
    "T.C. Kimlik No: 10000000146",
    "Adı: Ayşe   Soyadı: YILDIRIM",
    "Baba Adı: Mehmet   Ana Adı: Fatma",
    "Doğum Yeri: Kayseri   Doğum Tarihi: 14.03.1991",
    "Adli sicil kaydı yoktur.",
    "Bu belge 5352 sayılı Adli Sicil Kanunu ile düzenlenmiştir.",
    "Belge Tarihi: 12 Ekim 2026",
]
POLISH = [
    "MINISTERSTWO SPRAWIEDLIWOŚCI - Krajowy Rejestr Karny",
    "ZAŚWIADCZENIE O NIEKARALNOŚCI",
    "Nazwisko: KOWALCZYK   Imiona: Małgorzata Zofia",
    "Data urodzenia: 02.11.1988   Miejsce urodzenia: Łódź",
    "Osoba o wskazanych danych nie figuruje w Krajowym Rejestrze Karnym.",
    "Wydano w Warszawie, dnia 21 października 2026 r.",
]


def text(lines: list[str]) -> Page:
    return Page(0, 1240, 1754, "\n".join(lines), source="text-layer")


def test_which_language_a_page_reads_like() -> None:
    markers = read_again()
    assert own_language("\n".join(TURKISH), markers) == "tur"
    assert own_language("\n".join(POLISH), markers) == "pol"
    # Read by the four first languages, the letters come out plain: still told.
    assert own_language("Nazwisko: KOWALCZYK Imiona: Malgorzata\nData urodzenia: 02.11.1988 Miejsce urodzenia: Lodz\n"
                        "Wydano w Warszawie, dnia 21 pazdziernika 2026", markers) == "pol"
    # The procedures' own languages are never read again, even with a Spanish name or place in them.
    for page in ("Le soussigné certifie que Madame Lucía de los Ríos, née à Sevilla, n'a fait l'objet "
                 "d'aucune condamnation. Fait à Bruxelles, le 3 mars 2026",
                 "This is to certify that Mr Juan Carlos del Pino has no criminal record. Sie können den Antrag "
                 "stellen; nie ohne Pass. Date of issue: 12 March 2026"):
        assert own_language(page, markers) is None


def test_turkish_polish_and_romanian_months() -> None:
    assert read_month("Ekim") == 10
    assert read_month("Şubat") == 2
    assert read_month("października") == 10
    assert read_month("pazdziernika") == 10
    assert read_month("decembrie") == 12
    assert read_month("Ka") is None  # Turkish's two-letter forms are not months


@pytest.mark.parametrize(("lines", "issue", "birth"), [
    (TURKISH, dt.date(2026, 10, 12), dt.date(1991, 3, 14)),
    (POLISH, dt.date(2026, 10, 21), dt.date(1988, 11, 2)),
])
def test_certificates_in_turkish_and_polish(lines: list[str], issue: dt.date, birth: dt.date) -> None:
    doc = analysed(text(lines), reference_date=REF)
    assert doc.type == "good_conduct"
    assert doc.date("issue") == issue
    assert doc.date("birth") == birth


def test_a_turkish_scan_is_read_again_in_turkish() -> None:
    """The real page reader: the first reading (four languages) folds ı, ş, ğ; the second, in Turkish, keeps them."""
    from dossiercheck.ingest import PageInput

    page = ocr_image(PageInput(index=0, image=text_page(TURKISH, font_size=28)), OcrSettings())
    assert "SİCİL KAYDI" in page.text and "Doğum" in page.text
    doc = analysed(page, reference_date=REF)
    assert (doc.type, doc.date("issue")) == ("good_conduct", dt.date(2026, 10, 12))


FBI = [
    "U.S. Department of Justice",
    "Federal Bureau of Investigation",
    "Criminal Justice Information Services Division",
    "Identity History Summary",
    "Name: GARCIA, MARIA ELENA   Date of Birth: 07/04/1992",
    "A search of the fingerprints provided revealed no prior arrest data at the FBI.",
    "Date of issue: 10/03/2026",
]


def test_numeric_dates_month_first_on_a_us_document() -> None:
    assert numeric_order([text(FBI)], "en").why.startswith("issuer")
    doc = analysed(text(FBI), reference_date=REF)
    assert doc.date("issue") == dt.date(2026, 10, 3)
    assert doc.date("birth") == dt.date(1992, 7, 4)
    assert any("month first" in cue for cue in doc.cues)  # `inspect` says how its dates were read


def test_numeric_dates_day_first_elsewhere() -> None:
    # A Belgian certificate naming a US citizen is still read day first.
    lines = ["EXTRAIT DE CASIER JUDICIAIRE", "Le soussigné certifie que la personne désignée ci-dessous",
             "n'a fait l'objet d'aucune condamnation.", "Nom : GARCIA   Nationalité : United States",
             "Née le 07/04/1992", "Fait à Bruxelles, le 10/03/2026"]
    assert not numeric_order([text(lines)], "fr").month_first
    doc = analysed(text(lines), reference_date=REF)
    assert doc.date("issue") == dt.date(2026, 3, 10)
    # Dotted dates are day first even from the United States; ISO dates are what they say.
    assert [m.value for m in find_in_line("10.03.2026 and 2026-10-03", month_first=True)] == [
        dt.date(2026, 3, 10), dt.date(2026, 10, 3)]


def test_another_date_on_the_page_decides_the_order() -> None:
    # No issuer says which order; the birth date 08/23/1994 can only be 23 August, so 12/07/2026 is 7 December.
    lines = ["MEDICAL CERTIFICATE", "Name of applicant: DELA CRUZ, Maria", "Date of birth: 08/23/1994",
             "I certify that I have examined the above-named applicant.", "Date of examination: 12/07/2026"]
    doc = analysed(text(lines), reference_date=REF)
    assert doc.date("issue") == dt.date(2026, 12, 7)
    assert any("08/23/1994 reads month first only" in cue for cue in doc.cues)
    # And the other way: a birth date 23/08/1994 makes the page day first.
    lines[2] = "Date of birth: 23/08/1994"
    assert analysed(text(lines), reference_date=REF).date("issue") == dt.date(2026, 7, 12)


def test_an_english_date_nothing_decides_keeps_both_readings() -> None:
    lines = ["MEDICAL CERTIFICATE", "Name of applicant: SMITH, John", "Date of birth: 05/06/1990",
             "I certify that I have examined the above-named applicant.", "Date of examination: 03/07/2026"]
    doc = analysed(text(lines), reference_date=REF)
    issue = next(d for d in doc.dates if d.field == "issue")
    assert (issue.value, issue.other) == (dt.date(2026, 7, 3), dt.date(2026, 3, 7))  # read day first, not silently
    # The same page in French is day first: French is written so wherever it is official.
    french = ["CERTIFICAT MÉDICAL", "Nom : DUPONT, Jean", "Né le 05/06/1990",
              "Je soussigné certifie avoir examiné la personne ci-dessus.", "Fait à Namur, le 03/07/2026"]
    issue = next(d for d in analysed(text(french), reference_date=REF).dates if d.field == "issue")
    assert (issue.value, issue.other) == (dt.date(2026, 7, 3), None)
    # A named day-first issuer decides too.
    lines.insert(0, "Nigeria Police Force")
    issue = next(d for d in analysed(text(lines), reference_date=REF).dates if d.field == "issue")
    assert issue.other is None


# --- an original in a script not read here, paired with its sworn translation ---

ARABIC = ["المملكة المغربية", "المديرية العامة للأمن الوطني", "بطاقة السوابق", "الاسم العائلي: العلوي",
          "الاسم الشخصي: فاطمة", "تاريخ الازدياد: 1990/04/12", "لا شيء", "حرر بالرباط في 2026/10/12"]
TRANSLATION = [
    "TRADUCTION JURÉE - de l'arabe",
    "ROYAUME DU MAROC - Direction Générale de la Sûreté Nationale",
    "EXTRAIT DE CASIER JUDICIAIRE (fiche anthropométrique)",
    "Nom : EL ALAOUI   Prénom : Fatima   Née le 12/04/1990 à Rabat",
    "Condamnations : néant",
    "Délivré le 12/10/2026 à Rabat",
    "Je soussignée, traductrice jurée près le tribunal de première instance de Bruxelles,",
    "certifie la présente traduction conforme à l'original en langue arabe.",
    "Bruxelles, le 20/10/2026",
]


def test_a_page_in_arabic_script_is_recognised_as_such() -> None:
    """The real page reader: OSD names the script, and the document says it is not read here."""
    from dossiercheck.ingest import PageInput
    from dossiercheck.pipeline.analyse import UNREAD_SCRIPT

    page = ocr_image(PageInput(index=0, image=text_page(ARABIC * 2, font_size=34)), OcrSettings())
    assert page.script == "Arabic"
    doc = analysed(page, reference_date=REF, file="casier.jpg", mime="image/jpeg")
    assert doc.type == "unknown"
    assert doc.language == "Arabic script"
    assert UNREAD_SCRIPT.format(script="Arabic") in doc.problems


def test_original_takes_type_and_dates_from_its_sworn_translation() -> None:
    from dossiercheck.models import Document
    from dossiercheck.pipeline.translations import pair_translations

    original = Document(file="casier.jpg", sha256="1" * 64, mime="image/jpeg", pages=(
        Page(0, 1240, 1754, "", script="Arabic"),), type="unknown", language="Arabic script")
    translation = analysed(text(TRANSLATION), reference_date=REF, file="casier-traduction.pdf")
    assert translation.type == "sworn_translation"
    assert "translates: good_conduct" in translation.cues
    unrelated = analysed(text(["Notes", "Meeting 14.03.2026"]), reference_date=REF, file="notes.pdf")
    paired = pair_translations((original, unrelated, translation), REF)
    got = paired[0]
    assert got.type == "good_conduct" and got.translation() == "casier-traduction.pdf"
    issue = got.date_field("issue")
    assert issue is not None and (issue.value, issue.source) == (dt.date(2026, 10, 12), "translation")
    assert paired[1] == unrelated and paired[2] == translation  # the translation stays what it is


def test_a_reference_number_shaped_like_a_date_says_nothing_of_the_order() -> None:
    # "Ref. 12/25/2026" is a file number, not a date read month first: the page stays undecided.
    lines = ["MEDICAL CERTIFICATE", "Ref. 12/25/2026", "Name of applicant: SMITH, John",
             "I certify that I have examined the above-named applicant.", "Date of examination: 03/07/2026"]
    issue = next(d for d in analysed(text(lines), reference_date=REF).dates if d.field == "issue")
    assert (issue.value, issue.other) == (dt.date(2026, 7, 3), dt.date(2026, 3, 7))
