"""Dates written in words, and dates that belong to an identity document a lease or certificate names."""

from __future__ import annotations

import datetime as dt

import pytest

from dossiercheck.extract.date_parse import find_in_line
from dossiercheck.models import Page
from tests import helpers

REF = dt.date(2027, 1, 15)


@pytest.mark.parametrize("line, expected, raw", [
    ("Fait à Yaoundé, le dix-sept septembre deux mille vingt-six, en deux exemplaires.", dt.date(2026, 9, 17),
     "dix-sept septembre deux mille vingt-six"),
    ("En la ciudad de Medellín, a los doce (12) días del mes de octubre de 2026, entre los suscritos",
     dt.date(2026, 10, 12), "doce (12) días del mes de octubre de 2026"),
    ("made this twenty-eighth day of August, two thousand twenty-six", dt.date(2026, 8, 28),
     "twenty-eighth day of August, two thousand twenty-six"),
    ("aos vinte e oito dias do mês de agosto de dois mil e vinte e seis", dt.date(2026, 8, 28),
     "vinte e oito dias do mês de agosto de dois mil e vinte e seis"),
    ("le premier octobre deux mille vingt-six", dt.date(2026, 10, 1), "premier octobre deux mille vingt-six"),
    ("Opgemaakt te Gent op achtentwintig augustus tweeduizend zesentwintig", dt.date(2026, 8, 28),
     "achtentwintig augustus tweeduizend zesentwintig"),
])
def test_a_date_in_words_is_read_with_the_span_of_its_words(line: str, expected: dt.date, raw: str) -> None:
    found = find_in_line(line)
    assert [(m.value, m.raw) for m in found] == [(expected, raw)]
    assert line[found[0].start:found[0].end] == raw


@pytest.mark.parametrize("line", [
    "en deux exemplaires, pour une durée de trois ans",  # numbers in words, no month
    "septembre deux mille vingt-six",  # a month and a year, no day
    "Namur, le 3 mars 2026",  # in figures already: read once, as before
])
def test_no_date_is_made_of_numbers_alone(line: str) -> None:
    assert [m.value for m in find_in_line(line)] == ([dt.date(2026, 3, 3)] if "3 mars" in line else [])


LEASE_FR = (
    "CONTRAT DE BAIL À USAGE D'HABITATION\nEntre les soussignés :\n"
    "M. Paul Mbarga, né le 03/04/1970 à Douala, CNI N° 000000000 fait le 02/05/2019 à Yaoundé, ci-après le bailleur,\n"
    "et Mme Aline Ngo, née le 12/08/1998 à Bafoussam, CNI N° 000000001 fait le 11/01/2022 à Yaoundé, "
    "ci-après le locataire.\nIl a été convenu ce qui suit : le bailleur donne en location au locataire un studio.\n"
    "Loyer mensuel : 80 000 FCFA.\n{signed}\nLe bailleur                Le locataire"
)


def test_the_identity_cards_dates_are_not_the_leases() -> None:
    page = Page(index=0, width=1240, height=1754, source="text-layer",
                text=LEASE_FR.format(signed="Fait à Yaoundé, le dix-sept septembre deux mille vingt-six."))
    doc = helpers.analysed(page, reference_date=REF)
    assert doc.type == "lease"
    assert doc.date("signed") == dt.date(2026, 9, 17)
    unsigned = Page(index=0, width=1240, height=1754, source="text-layer", text=LEASE_FR.format(signed=""))
    assert helpers.analysed(unsigned, reference_date=REF).date("signed") is None  # not the card's 11/01/2022


def test_a_bare_date_label_gives_way_to_a_full_one() -> None:
    text = ("TB CLEARANCE CERTIFICATE\nApplicant: MUHAMMAD QURESHI\nDate of birth: 11/02/2001\n"
            "Chest X-ray date: 09/10/2026\nChest X-ray result: no abnormality detected\n"
            "The applicant has undergone tuberculosis screening and is free of active pulmonary TB disease.\n"
            "Date of issue: 12/10/2026\nDr. A. Khan, physician")
    doc = helpers.analysed(Page(index=0, width=1240, height=1754, text=text, source="text-layer"),
                           reference_date=REF)
    assert doc.type == "medical"
    assert doc.date("issue") == dt.date(2026, 10, 12)
