"""Dates: every format in each language, day-first, impossible dates, OCR noise, and which date is which."""

from __future__ import annotations

import datetime as dt

import pytest

from dossiercheck.extract.date_assign import assign_dates
from dossiercheck.extract.dates import find_dates
from dossiercheck.knowledge.doctypes import load_doctypes
from dossiercheck.models import Document, Page, Word

REF = dt.date(2026, 11, 23)
D = dt.date(2031, 3, 14)


def text_page(text: str, index: int = 0) -> Page:
    return Page(index=index, width=1000, height=1400, text=text, source="text-layer")


def word_page(lines: list[str | list[tuple[int, str]]], index: int = 0) -> Page:
    """A page of OCR words: a line is a string (words from x=50) or [(x, text)] segments at given columns."""
    words: list[Word] = []
    for number, line in enumerate(lines):
        segments = [(50, line)] if isinstance(line, str) else line
        for x, segment in segments:
            for token in segment.split():
                words.append(Word(token, x, 100 + 40 * number, 12 * len(token), 30, 95.0, number))
                x += 12 * len(token) + 12
    text = "\n".join(" ".join(w.text for w in words if w.line == n) for n in range(len(lines)))
    return Page(index=index, width=1000, height=1400, text=text, words=tuple(words))


def values(text: str) -> list[dt.date]:
    return [d.value for d in find_dates(text_page(text))]


@pytest.mark.parametrize(
    "text",
    [
        "14 MAR/MAR 2031", "14 MAR 2031", "14 MARS/MAR 2031", "14.03.2031", "14/03/2031", "14-03-2031",
        "2031-03-14", "14 . 03 . 2031", "14 / 03 / 2031",
        # French, Dutch, German, English month names
        "14 mars 2031", "le 14 mars 2031", "14 maart 2031", "14 mrt. 2031", "14. März 2031", "14 Mrz 2031",
        "14. Maerz 2031", "March 14, 2031", "14th March 2031", "14th of March 2031", "14 March 2031",
    ],
)  # fmt: skip
def test_every_format_reads_14_march_2031(text: str) -> None:
    assert values(text) == [D]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1er avril 2031", dt.date(2031, 4, 1)),
        ("1 janvier 2030", dt.date(2030, 1, 1)),
        ("3 août 2027", dt.date(2027, 8, 3)),
        ("3 aout 2027", dt.date(2027, 8, 3)),
        ("12 décembre 2026", dt.date(2026, 12, 12)),
        ("12 DEC/DÉC 2026", dt.date(2026, 12, 12)),
        ("1 mei 2026", dt.date(2026, 5, 1)),
        ("17 oktober 2025", dt.date(2025, 10, 17)),
        ("2. Januar 2026", dt.date(2026, 1, 2)),
        ("24. Dezember 2025", dt.date(2025, 12, 24)),
        ("September 2nd, 2026", dt.date(2026, 9, 2)),
        ("12 JAN /JAN 85", dt.date(1985, 1, 12)),
        # schemas/date_words.yaml's month_languages and joiners ("de"): a language is data, not code.
        ("8 de octubre de 2026", dt.date(2026, 10, 8)),
        ("19 de noviembre de 2026", dt.date(2026, 11, 19)),
        ("8 de outubro de 2026", dt.date(2026, 10, 8)),
        ("3 de março de 2026", dt.date(2026, 3, 3)),
        ("8 ottobre 2026", dt.date(2026, 10, 8)),
    ],
)
def test_month_names_in_the_languages_read(text: str, expected: dt.date) -> None:
    assert values(text) == [expected]


def test_numeric_dates_are_day_first() -> None:
    assert values("05/04/2030") == [dt.date(2030, 4, 5)]
    assert values("03.12.2026") == [dt.date(2026, 12, 3)]
    # Written month first, with one reading only that is a day (25 is no month): that one. Dotted
    # dates are day first everywhere, so "12.25.2026" is no date.
    assert values("12/25/2026") == [dt.date(2026, 12, 25)]
    assert values("12.25.2026") == []


@pytest.mark.parametrize(
    "text", ["31.04.2031", "29/02/2027", "32 mars 2031", "00.01.2020", "14.13.2031", "31 avril 2031"]
)
def test_impossible_dates_are_rejected(text: str) -> None:
    assert values(text) == []


def test_leap_day_is_a_date() -> None:
    assert values("29.02.2028") == [dt.date(2028, 2, 29)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("l4.O3.2O31", D),
        ("14.O3.2031", D),
        ("I4/03/2031", D),
        ("14 - 03 - 2031", D),
        ("14 rnars 2031", D),  # "rn" read for "m"
        ("14 Mäarz 2031", D),  # one stray letter in a long month name
        ("3 novernbre 2026", dt.date(2026, 11, 3)),
    ],
)
def test_ocr_noise_is_tolerated(text: str, expected: dt.date) -> None:
    assert values(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Réf. 2024/03/15",
        "N° 12.05.2026",
        "Nr. 14-03-2031",
        "dossier 12.03.2031/77",
        "BE12.03.2031",
        "IBAN BE68 5390 0754 7034",
        "ISO-IS-ISSB",
        "Rijksregisternummer 85.03.14-123.45",
        "2 weeks",
        "tel 02 512 34 56",
    ],
)
def test_reference_numbers_are_not_dates(text: str) -> None:
    assert values(text) == []


def test_several_dates_on_a_line_keep_their_order() -> None:
    assert values("du 01.09.2026 au 31.08.2027") == [dt.date(2026, 9, 1), dt.date(2027, 8, 31)]


def test_word_box_is_the_union_of_the_date_words() -> None:
    page = word_page(["Date of expiry 14 MAR 2031"])
    (found,) = find_dates(page)
    words = [w for w in page.words if w.text in ("14", "MAR", "2031")]
    assert found.box == (words[0].left, words[0].top, words[-1].right - words[0].left, 30)
    assert found.raw == "14 MAR 2031" and found.field is None


def doc(*pages: Page) -> Document:
    return Document(file="f.pdf", sha256="0" * 64, mime="application/pdf", pages=list(pages))


def fields(document: Document, doctype: str | None) -> dict[str | None, dt.date]:
    found = assign_dates(document.pages, load_doctypes()[doctype] if doctype else None, REF)
    return {d.field: d.value for d in reversed(found)}


def test_birth_issue_and_reference_number_with_word_boxes() -> None:
    page = word_page(
        [
            "EXTRAIT DE CASIER JUDICIAIRE",
            "N° 12.05.2026",
            "Nom : DUPONT Prénom : Marie",
            "Née le 12/04/1990 à Liège",
            "Délivré le 03.03.2026",
        ]
    )
    found = assign_dates([page], load_doctypes()["good_conduct"], REF)
    by_field = {d.field: d for d in found}
    assert by_field["birth"].value == dt.date(1990, 4, 12)
    assert by_field["issue"].value == dt.date(2026, 3, 3)
    assert by_field["issue"].box is not None
    assert all(d.value != dt.date(2026, 5, 12) for d in found)  # the file number is no date
    assert found[0].field is not None  # assigned dates come first


def test_fait_a_bruxelles_le_is_the_issue_date() -> None:
    page = text_page("Extrait de casier judiciaire\nNée le 12/04/1990\nFait à Bruxelles le 3 mars 2026\n")
    assert fields(doc(page), "good_conduct")["issue"] == dt.date(2026, 3, 3)


@pytest.mark.parametrize(
    "line",
    [
        "Bruxelles, le 3 mars 2026",
        "Opgemaakt te Gent op 3 maart 2026",
        "Ausgestellt in Berlin am 3. März 2026",
        "Done at Brussels on March 3, 2026",
        "Fait à Saint-Josse-ten-Noode, le 03/03/2026",
    ],
)
def test_place_and_date_formulas_give_the_issue_date(line: str) -> None:
    page = text_page(f"Certificat médical\nLe médecin soussigné certifie...\n{line}")
    assert fields(doc(page), "medical")["issue"] == dt.date(2026, 3, 3)


def test_a_legalisation_after_the_certificate_does_not_give_its_issue_date() -> None:
    text = ("Extrait du casier judiciaire\nCondamnations : NÉANT\nConakry, le 2 novembre 2026\nLe Chef de Greffe\n"
            "LÉGALISATION\nMinistère des Affaires Étrangères\nConakry, le 6 novembre 2026")  # fmt: skip
    assert fields(doc(text_page(text)), "good_conduct")["issue"] == dt.date(2026, 11, 2)
    # Only the legalisation's date read: no issue date, rather than the legalisation's.
    text = "Extrait du casier judiciaire\nCondamnations : NÉANT\nLÉGALISATION\nConakry, le 6 novembre 2026"
    assert "issue" not in fields(doc(text_page(text)), "good_conduct")
    # The apostille itself keeps its date.
    text = "APOSTILLE\n(Convention de La Haye du 5 octobre 1961)\nBruxelles, le 6 novembre 2026"
    assert fields(doc(text_page(text)), "apostille")["issue"] == dt.date(2026, 11, 6)


def test_the_date_of_a_cited_law_is_none_of_the_documents() -> None:
    text = ("CERTIFIKATË E GJENDJES GJYQËSORE\nEmri: ERION\nTiranë, më 16.10.2026\n"
            "Bazuar në ligjin Nr. 9614, datë 21.09.2006, ky dokument ka vlerë ligjore.")  # fmt: skip
    assert fields(doc(text_page(text)), "good_conduct")["issue"] == dt.date(2026, 10, 16)
    text = "Medical certificate\nnot infected with the diseases listed in the annex to the Law of 15 December 1980"
    assert list(fields(doc(text_page(text)), "medical")) == [None]  # read, and taken for nothing


def test_a_bare_date_label_dates_a_signature_block_only() -> None:
    text = ("Contrat de sous-location\nLa sous-location prend cours le 1er décembre 2026.\n"
            "Le Locataire      Le Sous-Locataire\nDate : 19/11/2026      Date : 19/11/2026\n"
            "Signature :      Signature :")  # fmt: skip
    assert fields(doc(text_page(text)), "lease")["signed"] == dt.date(2026, 11, 19)
    # With no signature near it, a bare "Date:" dates nothing in particular.
    text = "Contrat de sous-location\nLa sous-location prend cours le 1er décembre 2026.\nDate : 19/11/2026"
    assert "signed" not in fields(doc(text_page(text)), "lease")


def test_labels_in_four_languages() -> None:
    for text in ("Date of birth: 14.03.1985", "Geboortedatum: 14.03.1985", "Geburtsdatum 14.03.1985",
                 "Date de naissance : 14 mars 1985", "geboren am 14. März 1985"):  # fmt: skip
        assert fields(doc(text_page(text)), None)["birth"] == dt.date(1985, 3, 14), text
    for text in ("Date of expiry 14.03.2031", "Vervaldatum 14.03.2031", "Gültig bis 14.03.2031",
                 "Date d'expiration 14.03.2031"):  # fmt: skip
        assert fields(doc(text_page(text)), "passport")["expiry"] == D, text
    for text in ("Date of issue 01.02.2021", "Datum van afgifte 01.02.2021", "Ausstellungsdatum 01.02.2021",
                 "Délivré le 01.02.2021", "Afgegeven op 01.02.2021", "Ausgestellt am 01.02.2021"):  # fmt: skip
        assert fields(doc(text_page(text)), "passport")["issue"] == dt.date(2021, 2, 1), text


def test_passport_labels_above_values_in_columns() -> None:
    page = word_page(
        [
            [(50, "Date of birth / Date de naissance"), (600, "Date of issue / Date de délivrance")],
            [(50, "14 MAR/MAR 1985"), (600, "02 JAN/JANV 2020")],
            [(50, "Date of expiry / Date d'expiration")],
            [(50, "01 JAN/JANV 2030")],
        ]
    )
    got = fields(doc(page), "passport")
    assert got["birth"] == dt.date(1985, 3, 14)
    assert got["issue"] == dt.date(2020, 1, 2)
    assert got["expiry"] == dt.date(2030, 1, 1)


def test_text_layer_columns_pair_dates_with_labels_in_order() -> None:
    text = (
        "Date of birth / Date de naissance     Date of issue / Date de délivrance\n14 MAR/MAR 1985    02 JAN/JANV 2020"
    )
    got = fields(doc(text_page(text)), "passport")
    assert got["birth"] == dt.date(1985, 3, 14) and got["issue"] == dt.date(2020, 1, 2)


def test_implausible_assignments_are_dropped() -> None:
    # An issue date in the future, a birth date 5 years back, an expiry before the issue date.
    text = "Délivré le 01.01.2027\nDate de naissance 01.01.2021\nDate of issue 01.01.2020\nDate of expiry 01.01.2019"
    got = fields(doc(text_page(text)), "passport")
    assert "birth" not in got and "expiry" not in got
    assert got["issue"] == dt.date(2020, 1, 1)


def test_two_digit_birth_year_in_the_future_moves_back_a_century() -> None:
    got = fields(doc(text_page("Date of birth / Date de naissance 12 JAN /JAN 45")), "passport")
    assert got["birth"] == dt.date(1945, 1, 12)


def test_the_first_date_is_not_taken_for_the_issue_date() -> None:
    page = text_page("Extrait de casier judiciaire\n14.03.1985\nQuelque chose 01.02.2026\n")
    found = assign_dates([page], load_doctypes()["good_conduct"], REF)
    assert [d.field for d in found] == [None, None]


def test_lease_signing_date_is_reported_as_issue() -> None:
    text = "Bail de résidence principale\nLe bail prend cours le 1er avril 2026\nFait à Namur le 15 mars 2026"
    got = fields(doc(text_page(text)), "lease")
    assert got["start"] == dt.date(2026, 4, 1)
    assert got["signed"] == got["issue"] == dt.date(2026, 3, 15)


def test_dates_keep_their_page() -> None:
    document = doc(text_page("Bail", 0), text_page("Fait à Namur le 15 mars 2026", 1))
    (issue,) = [d for d in assign_dates(document.pages, load_doctypes()["lease"], REF) if d.field == "issue"]
    assert issue.page == 1


@pytest.mark.parametrize(
    "line",
    [
        "Valable du 01.09.2026 au 31.08.2027",
        "Gültig vom 01.09.2026 bis 31.08.2027",
        "Geldig van 01.09.2026 tot 31.08.2027",
        "Valid from September 1, 2026 until August 31, 2027",
    ],
)
def test_end_of_a_validity_range_is_the_expiry(line: str) -> None:
    got = fields(doc(text_page(f"Permis unique\n{line}")), "work_permit")
    assert got["expiry"] == dt.date(2027, 8, 31)


def test_printed_on_is_not_the_issue_date() -> None:
    text = "Medisch attest\nDatum van het onderzoek: 9 april 2026\nAfgedrukt op 14 april 2026"
    assert fields(doc(text_page(text)), "medical")["issue"] == dt.date(2026, 4, 9)


def test_two_digit_year_only_in_passport_style() -> None:
    assert values("14 MAR /MARS 31") == [D]
    assert values("Datum van het onderzoek: 9 april 20") == []  # a year cut off by the scan


def test_label_above_the_start_of_the_value_segment() -> None:
    page = word_page([[(50, "DELIVRE À / ISSUED IN NEW DELHI")], [(50, "LE/ON 03-02-2026")]])
    assert fields(doc(page), "visa")["issue"] == dt.date(2026, 2, 3)


def test_form_columns_read_as_separate_blocks() -> None:
    # OCR put the label column and the value column in different lines; only the geometry links them.
    words = (
        Word("Geboren", 50, 200, 90, 30, 95.0, 5),
        Word("op:", 150, 200, 40, 30, 95.0, 5),
        Word("23/04/1998", 400, 202, 130, 30, 95.0, 1),
        Word("te", 540, 202, 30, 30, 95.0, 1),
    )
    page = Page(0, 1000, 1400, "23/04/1998 te\nGeboren op:", words=words)
    assert fields(doc(page), "employment_contract")["birth"] == dt.date(1998, 4, 23)


def test_sworn_translation_takes_the_translators_date() -> None:
    text = ("Traduction certifiée conforme\n[ACTE DE NAISSANCE]\nDate de naissance: 20 avril 1989\n"
            "Date de délivrance: 3 mai 2026\nFait à Sendai, le 20 mai 2026\n"
            "Je soussigné, traducteur juré, certifie la présente traduction conforme.\n"
            "Délivré à Liège le 29 juin 2026")  # fmt: skip
    got = fields(doc(text_page(text)), "sworn_translation")
    assert got["issue"] == dt.date(2026, 6, 29)
    assert got["birth"] == dt.date(1989, 4, 20)


@pytest.mark.parametrize(
    "line",
    ["Given under my hand this day: 03.03.2026", "Ort, Datum: Charleroi, 3. März 2026",
     "Place and date: Gent, 03/03/2026", "Curitiba, 03.03.2026"],
)  # fmt: skip
def test_signature_block_headings_give_the_issue_date(line: str) -> None:
    assert fields(doc(text_page(f"Proof of registration\n{line}")), "enrolment")["issue"] == dt.date(2026, 3, 3)


def test_a_weekday_before_the_date_does_not_hide_it() -> None:
    # "Samstag, 16" could start a false match (S read as 5); the real date inside it must still be found.
    from dossiercheck.extract.date_parse import find_in_line

    for line, value in [("Ort, Datum: Gent, Samstag, 16. August 2025", "2025-08-16"),
                        ("Saturday, 16 August 2025", "2025-08-16")]:
        assert [m.value.isoformat() for m in find_in_line(line)] == [value]


@pytest.mark.parametrize(
    "line",
    ["En Madrid, a 3 de marzo de 2026", "Lisboa, em 3 de março de 2026", "Expedido en Madrid el 3 de marzo de 2026"],
)
def test_spanish_and_portuguese_place_and_date_give_the_issue_date(line: str) -> None:
    page = text_page(f"Certificado médico\nEl médico que suscribe certifica que...\n{line}")
    assert fields(doc(page), "medical")["issue"] == dt.date(2026, 3, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Date: 12-Mar-2026", dt.date(2026, 3, 12)),  # forms and registers
        ("Date: 12/MAR/2026", dt.date(2026, 3, 12)),
        ("Datum 12.03.26", dt.date(2026, 3, 12)),  # a two-digit year, separators alike
        ("Born 14/05/90", dt.date(1990, 5, 14)),
        ("Kraków, 12 III 2026 r.", dt.date(2026, 3, 12)),  # Roman-numeral months (Polish, Romanian offices)
        ("București, 12.XI.2026", dt.date(2026, 11, 12)),
    ],
)
def test_forms_registers_and_roman_months(text: str, expected: dt.date) -> None:
    assert values(text) == [expected]


def test_mixed_separators_with_a_short_year_are_no_date() -> None:
    assert values("Dossier 12/03-26") == []
