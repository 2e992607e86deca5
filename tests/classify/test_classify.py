"""Classification: core types in four languages, MRZ codes, photos, look-alikes and weak evidence."""

from __future__ import annotations

import datetime as dt

import pytest

from dossiercheck.classify import classify
from dossiercheck.icao.zone import compose_td1, compose_td3, parse_mrz
from dossiercheck.models import Mrz, Page

REF = dt.date(2026, 11, 23)


def document(text: str, faces: int = 0, mrz_lines: tuple[str, ...] = ()) -> tuple[tuple[Page, ...], Mrz | None]:
    """A one-page document's pages and MRZ, as the classifier takes them."""
    page = Page(index=0, width=1000, height=1400, text=text, faces=faces)
    return (page,), (parse_mrz(mrz_lines, REF) if mrz_lines else None)


CORE = {
    ("good_conduct", "fr"): "ROYAUME DE BELGIQUE\nSPF Justice\nEXTRAIT DE CASIER JUDICIAIRE\n"
    "Article 595 du Code d'instruction criminelle\nNom : DUPONT Marie\nNéant\nFait à Bruxelles le 3 mars 2026",
    ("good_conduct", "nl"): "KONINKRIJK BELGIË\nFOD Justitie\nUITTREKSEL UIT HET STRAFREGISTER\n"
    "Naam: JANSSENS Piet\nGeen veroordelingen\nAfgegeven op 3 maart 2026",
    ("good_conduct", "de"): "Bundesamt für Justiz\nFührungszeugnis nach § 30 Abs. 1 BZRG\n"
    "Inhalt: Keine Eintragung im Bundeszentralregister\nBonn, den 3. März 2026",
    ("good_conduct", "en"): "REPUBLIC OF INDIA\nPOLICE CLEARANCE CERTIFICATE\nThis is to certify that Mr. Ravi Kumar "
    "has no criminal record on file.\nDate of issue: 03/03/2026",
    ("lease", "fr"): "BAIL DE RÉSIDENCE PRINCIPALE\nEntre : M. Dupont, ci-après le bailleur\n"
    "Et : Mme Ahmadi, ci-après le preneur\nLoyer mensuel : 850 EUR\nGarantie locative : 1700 EUR",
    ("lease", "nl"): "WONINGHUUROVEREENKOMST VOOR HOOFDVERBLIJFPLAATS\nTussen de verhuurder Jan Peeters\n"
    "en de huurder Ana Silva\nHuurprijs: 900 EUR per maand\nHuurwaarborg: 1800 EUR",
    ("lease", "de"): "MIETVERTRAG FÜR WOHNRAUM\nZwischen dem Vermieter Herrn Schmidt\nund dem Mieter Frau Novak\n"
    "Monatliche Miete: 750 EUR\nMietkaution: 2250 EUR",
    ("lease", "en"): "RESIDENTIAL LEASE AGREEMENT\nThe landlord, Mr. Smith, lets to the tenant, Ms. Lee,\n"
    "the apartment at Rue Haute 12, Brussels.\nMonthly rent: EUR 1,100. Rental deposit: two months.",
    ("medical", "fr"): "CERTIFICAT MÉDICAL\nJe soussigné, docteur en médecine, certifie que M. Ali Hassan "
    "n'est atteint d'aucune des maladies pouvant mettre en danger la santé publique\n"
    "énumérées à l'annexe de la loi du 15 décembre 1980.\nFait à Liège le 2 février 2026",
    ("medical", "nl"): "MEDISCH GETUIGSCHRIFT\nOndergetekende arts verklaart dat de heer Ali Hassan "
    "niet lijdt aan een van de ziekten die de volksgezondheid in gevaar kunnen brengen.\nGent, 2 februari 2026",
    ("medical", "de"): "ÄRZTLICHES ATTEST\nDer unterzeichnende Arzt bescheinigt, dass Herr Ali Hassan an keiner "
    "Krankheit leidet, die die öffentliche Gesundheit gefährden kann.\nEupen, den 2. Februar 2026",
    ("medical", "en"): "MEDICAL CERTIFICATE\nI, the undersigned physician, certify that Mr. Ali Hassan does not "
    "suffer from any of the diseases which may endanger public health.\nDate: 02/02/2026",
    ("passport", "en"): "PASSPORT\nType P  Code of issuing state IND  Passport No. Z1234567\nSurname RAO\n"
    "Given names PRIYA\nPlace of birth MUMBAI\nDate of expiry 14/03/2031\nAuthority MUMBAI",
    ("passport", "fr"): "PASSEPORT\nRÉPUBLIQUE DU SÉNÉGAL\nType P  Code du pays émetteur SEN\nNom DIOP\n"
    "Prénoms AWA\nLieu de naissance DAKAR\nDate d'expiration 14 MARS 2031\nAutorité DAKAR",
    ("passport", "nl"): "KONINKRIJK DER NEDERLANDEN\nPASPOORT\nCode van uitgevende staat NLD\nNaam DE VRIES\n"
    "Geboorteplaats UTRECHT\nGeldig tot 14 MRT 2031",
    ("passport", "de"): "BUNDESREPUBLIK DEUTSCHLAND\nREISEPASS\nPassnummer C01X00T47\nName MUSTERMANN\n"
    "Geburtsort BERLIN\nGültig bis 14.03.2031\nAusstellender Staat D",
}


@pytest.mark.parametrize(("expected", "lang"), sorted(CORE))
def test_core_types_in_four_languages(expected: str, lang: str) -> None:
    result = classify(*document(CORE[(expected, lang)]))
    assert result.type == expected, result.cues
    assert 0.5 <= result.confidence <= 1.0
    assert result.cues


OTHERS = {
    "bank_statement": "ING Belgique\nExtrait de compte n° 12\nAncien solde 1.200,00\nLoyer octobre -850,00 "
    "bailleur Dupont\nNouveau solde 350,00",
    "employment_contract": "ARBEIDSOVEREENKOMST VOOR BEDIENDEN\nTussen de werkgever NV Acme en de werknemer "
    "Li Wei\nParitair comité 200\nvoor onbepaalde duur",
    "work_permit": "Région de Bruxelles-Capitale\nPERMIS UNIQUE\nAutorisation de travail accordée à Li Wei",
    "professional_card": "SPF Économie\nCARTE PROFESSIONNELLE\npour l'exercice d'une activité indépendante",
    "health_insurance": "Mutualité chrétienne\nATTESTATION D'AFFILIATION\nassurance soins de santé\nAssuré: Ana Silva",
    "birth_certificate": "Standesamt Köln\nGEBURTSURKUNDE\nName: Anna Weber\nGeburtsdatum: 02.05.1995",
    "marriage_certificate": "EXTRAIT D'ACTE DE MARIAGE\nOfficier de l'état civil de Namur",
    "enrolment": "KU Leuven\nINSCHRIJVINGSATTEST\nacademiejaar 2026-2027\nregulier student",
    "apostille": "APOSTILLE\n(Convention de La Haye du 5 octobre 1961)\n1. Pays : Maroc\n"
    "2. Le présent acte public a été signé par Karim Alaoui\n3. agissant en qualité de notaire",
    "visa_application": "Application for Schengen Visa\nThis application form is free\n"
    "Purpose of the journey: study\nSignature of applicant",
    "id_card": "BELGIË BELGIQUE BELGIEN\nIDENTITEITSKAART CARTE D'IDENTITÉ PERSONALAUSWEIS\nNaam DUPONT",
    "residence_card": "BELGIË\nVERBLIJFSTITEL TITRE DE SÉJOUR AUFENTHALTSTITEL\nKaart A beperkt verblijf",
}


@pytest.mark.parametrize("expected", sorted(OTHERS))
def test_other_types(expected: str) -> None:
    assert classify(*document(OTHERS[expected])).type == expected


def test_bank_statement_paying_rent_is_not_a_lease() -> None:
    text = ("KBC Bank\nREKENINGUITTREKSEL nr 7\nVorig saldo 2.310,00\nHuur november - verhuurder Peeters -900,00\n"
            "Nieuw saldo 1.410,00")  # fmt: skip
    assert classify(*document(text)).type == "bank_statement"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Hello, here is the document you asked for.",
        "Loyer payé pour octobre.",  # one weak lease word
        "Docteur Martin, rendez-vous mardi",  # one weak medical word
        "Passport photo attached",
        "casier",  # not even the full phrase
    ],
)
def test_weak_evidence_is_unknown(text: str) -> None:
    assert classify(*document(text)).type == "unknown"


def test_noisy_ocr_still_matches() -> None:
    text = ("EXTRAlT DE CASlER JUDlClAlRE\nArticle 595 du Code d'instruction crirninelle\nNom : PEETERS Jan\n"
            "Neant\nFait a Bruxelles le 3 mars 2026")
    assert classify(*document(text)).type == "good_conduct"


def test_certificate_with_its_apostille_on_the_same_page_is_the_certificate() -> None:
    text = ("REPUBLICA DEL PERU\nCERTIFICADO DE ANTECEDENTES PENALES\nNombre: ANA QUISPE\n"
            "NO REGISTRA ANTECEDENTES PENALES\nLima, 5 de noviembre de 2026\n"
            "APOSTILLE\n(Convention de La Haye du 5 octobre 1961)\n1. Country: Peru\n"
            "2. has been signed by: Luis Rojas\n3. acting in the capacity of: Jefe\n"
            "4. bears the seal/stamp of: Poder Judicial\n5. at: Lima 6. the: 19/11/2026")  # fmt: skip
    result = classify(*document(text))
    assert result.type == "good_conduct" and "attached: apostille" in result.cues
    # The apostille alone stays an apostille.
    alone = text[text.index("APOSTILLE"):]
    assert classify(*document(alone)).type == "apostille"


def test_an_article_naming_its_topic_again_and_again_is_about_it() -> None:
    article = ("Standard format of police clearance certificates\nPosted: Aug 28, 2024\n"
               "A police clearance certificate is issued by a police station to certify that a person is of sound "
               "character.\nThe police clearance certificate should contain the name of the police department.\n"
               "A police clearance certificate states that the applicant has no criminal record.\n"
               "Police clearance certificate attestation confirms the police clearance certificate abroad.\n"
               "The look of the police clearance certificate differs from country to country.")  # fmt: skip
    result = classify(*document(article))
    assert result.type == "information" and result.about == "good_conduct"
    assert any("topic named" in cue for cue in result.cues)
    # A certificate prints its title once or twice: it stays one.
    certificate = CORE[("good_conduct", "en")] + "\nThis police clearance certificate is valid for six months."
    assert classify(*document(certificate)).type == "good_conduct"


def test_contact_fields_of_a_contract_are_no_web_page() -> None:
    lease = ("Model Private Residential Tenancy Agreement\n1. Tenant\nName: Rohan Mehta, 14 Linking Road, Mumbai\n"
             "You can create a tenancy using an online form at www.mygov.scot\n"
             "Email address(es): r.mehta@example.com\nTelephone number(s): +91 00000 00000\n"
             "3. Landlord\nName: Fiona MacLeod\nAddress: 8 Hyndland Road, Glasgow\n"
             "Email address(es): f.macleod@example.com\nTelephone number: 07000 000000\n"
             "Start date of the tenancy: 1 November 2026\nRent: £1,050 per calendar month\n"
             "Signed by the Landlord: Fiona MacLeod Date: 16 October 2026")  # fmt: skip
    assert classify(*document(lease)).type == "lease"


def test_sworn_translation_of_good_conduct() -> None:
    text = ("Traduction du néerlandais\nEXTRAIT DE CASIER JUDICIAIRE\nNéant\n"
            "Je soussigné, traducteur juré près le tribunal de première instance de Bruxelles, "
            "certifie que la présente traduction est conforme à l'original.\nPour traduction conforme")  # fmt: skip
    result = classify(*document(text))
    assert result.type == "sworn_translation"
    assert "translates: good_conduct" in result.cues


def test_photo_is_a_face_with_almost_no_text() -> None:
    assert classify(*document("", faces=1)).type == "photo"
    assert classify(*document("3,5 x 4,5", faces=1)).type == "photo"
    assert classify(*document(CORE[("lease", "en")], faces=1)).type == "lease"


def test_mrz_document_code_decides() -> None:
    birth, expiry = dt.date(1990, 4, 12), dt.date(2031, 3, 14)
    passport = compose_td3("RAO", "PRIYA", "Z1234567", "IND", birth, "F", expiry)
    assert classify(*document("some noisy text", mrz_lines=passport)).type == "passport"
    visa = compose_td3("RAO", "PRIYA", "Z1234567", "IND", birth, "F", expiry, issuing_state="BEL", document_code="V")
    assert classify(*document("", mrz_lines=visa)).type == "visa"
    eid = compose_td1("DUPONT", "MARIE", "592123456", "BEL", birth, "F", expiry, document_code="ID")
    assert classify(*document("BELGIQUE", mrz_lines=eid)).type == "id_card"
    card = compose_td1("RAO", "PRIYA", "B12345678", "IND", birth, "F", expiry, issuing_state="BEL", document_code="IR")
    result = classify(*document("TITRE DE SÉJOUR", mrz_lines=card))
    assert result.type == "residence_card" and result.confidence > 0.9
    foreign = compose_td1(
        "RAO", "PRIYA", "B12345678", "IND", birth, "F", expiry, issuing_state="BEL", document_code="I"
    )
    assert classify(*document("", mrz_lines=foreign)).type == "residence_card"


def test_passport_word_alone_is_not_a_passport() -> None:
    text = "Please bring your passport and two photos to the appointment."
    assert classify(*document(text)).type == "unknown"


def test_visa_application_form_is_not_a_visa_or_passport() -> None:
    text = ("Demande de visa Schengen\nFormulaire de demande\nNuméro du document de voyage / passeport\n"
            "Type de visa demandé\nObjet du voyage : études")  # fmt: skip
    assert classify(*document(text)).type == "visa_application"


def test_mrz_with_failing_check_digits_counts_but_does_not_decide() -> None:
    line1, line2 = compose_td3("RAO", "PRIYA", "Z1234567", "IND", dt.date(1990, 4, 12), "F", dt.date(2031, 3, 14))
    broken = (line1, line2[:13] + ("1" if line2[13] != "1" else "2") + line2[14:])  # birth date misread
    doc = document("PASSPORT", mrz_lines=broken)
    if doc[1] is None or doc[1].valid:
        pytest.skip("the MRZ reader repaired or rejected the line")
    result = classify(*doc)
    assert result.type == "passport"
    assert result.confidence < 0.97
    assert "check digits fail" in result.cues[0]


def test_sworn_translation_of_a_long_lease_is_a_translation() -> None:
    text = CORE[("lease", "nl")] + "\n" + CORE[("lease", "en")] + "\nBeëdigd vertaler Engels-Nederlands\n"
    result = classify(*document(text))
    assert result.type == "sworn_translation"
    assert "translates: lease" in result.cues


def test_specification_page_with_a_valid_example_mrz_is_about_passports() -> None:
    """ICAO Doc 9303's page with the Utopia passport figure: its example MRZ is valid, but the words of a
    specification around it (not long enough to be "prose") outweigh the figure's particulars."""
    mrz = ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10")
    text = (
        "Part 3. Specifications Common to all MRTDs\nPassport No L898902C3\nSurname ERIKSSON\n"
        "Date of birth 12 AUG 74\nPlace of birth ZENITH\nDate of expiry 15 APR 12\n"
        "Figure 1. Example of a VIZ and MRZ from an MRTD\n"
        "Optional data elements should be entered in both the national language and English.\n"
        "For details, see Doc 9303-4. A type size of 10 characters per 25.4 mm is recommended.\n"
        "A maximum of 15 characters per 25.4 mm should not be exceeded.\n"
        "The horizontal printing density is at the discretion of the issuing State or organization."
    )
    result = classify(*document(text, mrz_lines=mrz))
    assert result.type == "information" and result.about == "passport"


def test_a_misread_nationality_does_not_make_a_card_a_residence_card() -> None:
    """An ID card whose nationality was misread into no country ('BSA') is not a foreigner's card."""
    birth, expiry = dt.date(1965, 12, 6), dt.date(2031, 3, 14)
    card = compose_td1("BERTHIER", "CORINNE", "X4RTBPFW4", "BSA", birth, "F", expiry, issuing_state="FRA",
                       document_code="ID")  # fmt: skip
    assert classify(*document("CARTE NATIONALE D'IDENTITÉ", mrz_lines=card)).type == "id_card"


def test_card_of_an_older_two_letter_state_code_counts_when_its_check_digits_hold() -> None:
    """A Slovenian specimen card prints 'SI<' for its state: no country code, but every check digit holds."""
    birth, expiry = dt.date(1966, 6, 7), dt.date(2008, 7, 27)
    card = compose_td1("VZOREC", "TINA", "099991001", "SI<", birth, "F", expiry, issuing_state="SI<",
                       document_code="I")  # fmt: skip
    doc = document("Ljubljana", mrz_lines=card)
    assert doc[1] is not None and not doc[1].valid
    assert classify(*doc).type == "id_card"


def test_residence_code_decides_when_the_holder_is_unknown() -> None:
    """A UK residence permit (code IR) whose nationality was misread into no country: the code, which
    residence cards list first, decides; with its nationality read, an ID card code stays an ID card."""
    birth, expiry = dt.date(1966, 8, 19), dt.date(2028, 8, 8)
    permit = compose_td1("SAMPLE", "SUSANNA", "ZU1234567", "CDU", birth, "F", expiry, issuing_state="GBR",
                         document_code="IR")  # fmt: skip
    assert classify(*document("", mrz_lines=permit)).type == "residence_card"
    card = compose_td1("SAMPLE", "SUSANNA", "ZU1234567", "CDU", birth, "F", expiry, issuing_state="GBR",
                       document_code="ID")  # fmt: skip
    assert classify(*document("", mrz_lines=card)).type == "id_card"


def test_misread_document_code_of_a_card_zone_is_still_a_card() -> None:
    """'ID' read 'WO' on a three-line zone whose check digits hold: a card, an ID card by its holder."""
    birth, expiry = dt.date(1982, 5, 12), dt.date(2019, 6, 22)
    card = compose_td1("OSPELT BECK", "MARISA", "ID9875401", "LIE", birth, "F", expiry, document_code="WO")
    assert classify(*document("", mrz_lines=card)).type == "id_card"


def test_passport_first_mrz_line_names_a_page_whose_zone_is_unreadable() -> None:
    """A data page with its second MRZ line scribbled over: the first line still says passport."""
    text = ("Passport Type Country Code Passport No.\nP ASU A2222222\nName MAHMUT ABDUL RAHIIM\n"
            "Date of Birth 21/08/71\nID No. 1000146819 Sex M\nDate of issue 29/01/2000\n"
            "Date of Expiry 04/12/04 Issuing Authority\nP<ASUMXHMWD<EBDALRXHY eq cde cee\n"
            "A2222222<0ASU710821 asian ea")  # fmt: skip
    assert classify(*document(text)).type == "passport"


def test_passport_word_and_a_filler_line_of_prose_is_no_passport() -> None:
    text = "Please bring your passport.\nPlease<note the fillers\nYou can apply online."
    assert classify(*document(text)).type != "passport"
