"""A certificate whose issue date carries no label is dated where it is signed."""

from __future__ import annotations

import datetime as dt

from dossiercheck.models import Page
from tests import helpers

REF = dt.date(2027, 3, 1)


def analysed(text: str):
    page = Page(index=0, width=1240, height=1754, text=text, source="text-layer")
    return helpers.analysed(page, reference_date=REF)


MEDICAL_NL = (
    "Dr. M. Dubois\nHuisarts\nINAMI/RIZIV 1-37399-51-728\nGENEESKUNDIG ATTEST\n"
    "Naam en voornamen TAKAHASHI Ren\nGeboren op dinsdag 4 maart 2003 te Osaka\nNationaliteit Japan\n"
    "Na klinisch onderzoek bevestig ik dat de patiënt geen aandoening vertoont die de openbare gezondheid "
    "kan bedreigen.\n{signed}\nDr. M. Dubois\nAfgedrukt op maandag 18 januari 2027"
)


def test_lone_date_under_the_text_is_the_issue_date_not_the_printed_one() -> None:
    # OCR cut "vrijdag" to "ijdag": the line still holds a date and nothing else that means anything.
    doc = analysed(MEDICAL_NL.format(signed="ijdag 1 januari 2027"))
    assert doc.type == "medical"
    assert doc.date("issue") == dt.date(2027, 1, 1)
    assert doc.date("birth") == dt.date(2003, 3, 4)


def test_printed_date_is_never_taken_for_the_issue_date() -> None:
    doc = analysed(MEDICAL_NL.format(signed="Handtekening van de arts"))
    assert doc.type == "medical"
    assert doc.date("issue") is None


def test_lone_date_after_the_reference_date_is_not_an_issue_date() -> None:
    doc = analysed(MEDICAL_NL.format(signed="1 januari 2028"))
    assert doc.date("issue") is None


def test_a_date_inside_a_sentence_does_not_stand_alone() -> None:
    sentence = "Het onderzoek vond plaats in het ziekenhuis op 1 januari 2027 na afspraak"
    doc = analysed(MEDICAL_NL.format(signed=sentence))
    assert doc.date("issue") is None


def test_given_under_my_hand_with_its_first_word_lost() -> None:
    text = (
        "Department of Justice\nCentral Records Bureau\nCERTIFICATE OF GOOD CONDUCT\nRef. no. 01.03.27/543\n"
        "According to the records held by this office, the bearer has no record of conviction.\n"
        "uy my hand this day: Tuesday, 8 February 2027\nAuthorised officer\nPrinted on Monday, 28 February 2027"
    )
    doc = analysed(text)
    assert doc.type == "good_conduct"
    assert doc.date("issue") == dt.date(2027, 2, 8)


MEDICAL_EN = (
    "Dr. R. Mehta\nGeneral practitioner\nINAMI/RIZIV 1-17557-37-451\nMEDICAL CERTIFICATE\n"
    "Full name SANTOS Angelica\nDate of birth 11 August 1981\nNationality Philippines\n"
    "I, the undersigned medical doctor, certify that the above-named person does not suffer from any of the "
    "diseases which may endanger public health listed in the annex to the Belgian Law of 15 December 1980.\n"
    "{signed}\nDr. R. Mehta\nPrinted on 26 February 2027"
)


def test_date_of_issue_label_on_a_medical_certificate() -> None:
    doc = analysed(MEDICAL_EN.format(signed="Date of issue: 13 February 2027"))
    assert doc.type == "medical"
    assert doc.date("issue") == dt.date(2027, 2, 13)
    assert doc.date("birth") == dt.date(1981, 8, 11)


def test_issued_at_place_on_date_with_the_a_read_as_4() -> None:
    text = MEDICAL_EN.replace("MEDICAL CERTIFICATE", "CERTIFICAT MÉDICAL")
    doc = analysed(text.format(signed="Délivré 4 Antwerpen le 19 février 2027"))
    assert doc.date("issue") == dt.date(2027, 2, 19)


GOOD_CONDUCT_EN = (
    "Department of Justice CERTIFICATE OF GOOD CONDUCT\nRef. no. 2026/0920/9463\nFull name OKAFOR Chioma\n"
    "Date of birth 19 September 1979\nNationality Nigeria\n"
    "According to the records held by this office, the bearer has no record of conviction.\n"
    "{signed}\nAuthorised officer"
)


def test_given_under_my_hand_garbled_by_ocr() -> None:
    doc = analysed(GOOD_CONDUCT_EN.format(signed="Given andor try hand this day; 28.01.2027"))
    assert doc.type == "good_conduct"
    assert doc.date("issue") == dt.date(2027, 1, 28)


def test_place_and_date_under_a_garbled_datum_heading() -> None:
    text = MEDICAL_NL.replace("GENEESKUNDIG ATTEST", "ÄRZTLICHE BESCHEINIGUNG")
    doc = analysed(text.format(signed="Or! atum: Saint-Gilles, Freitag, 15. Januar 2027"))
    assert doc.date("issue") == dt.date(2027, 1, 15)


def test_lone_date_beside_what_ocr_left_of_le() -> None:
    text = MEDICAL_NL.replace("GENEESKUNDIG ATTEST", "CERTIFICAT MÉDICAL")
    doc = analysed(text.format(signed="e mercredi 6 janvier 2027"))
    assert doc.date("issue") == dt.date(2027, 1, 6)
