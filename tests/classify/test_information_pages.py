"""Pages about documents and procedures, as published, are never taken for the documents themselves."""

from __future__ import annotations

from dossiercheck.classify import classify
from dossiercheck.classify.evidence import weigh_evidence
from dossiercheck.models import Page


def page(text: str) -> tuple[tuple[Page, ...], None]:
    return (Page(index=0, width=1000, height=1400, text=text, faces=0),), None


CHECKLIST = (
    '"Au pair" Visas\nDocuments to be submitted with a visa application:\n'
    "- A valid travel document valid for one year after the visa issuance date.\n"
    "- An extract from your judicial record (Police clearance), not more than six months prior to the date "
    "of application.\n- A medical certificate completed by an approved medical centre.\n"
    "Important: official documents issued in Russia must be translated into French, Dutch, German or English "
    "by a certified translator and legalised.\nOpening hours: 9:00-16:00. Fees: 180 EUR."
)


def test_a_checklist_naming_a_certified_translator_is_no_translation() -> None:
    found = classify(*page(CHECKLIST))
    assert found.type not in ("sworn_translation", "good_conduct", "medical")


def test_a_weekday_heading_is_no_place_of_signature() -> None:
    evidence = weigh_evidence("Dáil Éireann Debate\nTuesday, 12 July 2022\nQuestions (748)\n")
    assert "place and date of signature" not in evidence.seen
    assert "place and date of signature" in weigh_evidence("Bruxelles, le 12 juillet 2022\n").seen


PROCEDURE = (
    "Registration of foreigners\nYou can register at the town hall within 8 working days of your arrival.\n"
    "If you come from outside the EU, you must bring proof of your address. You will receive an "
    "appointment by e-mail.\nWhat do I need to bring?\nHow long does it take?\nOpening hours: Monday to "
    "Friday, 9:00-12:00\nContact us: population@example.be\nMore information: www.example.be/foreigners"
)


def test_a_page_about_the_procedure_naming_no_document_is_information() -> None:
    found = classify(*page(PROCEDURE))
    assert (found.type, found.about) == ("information", None)


LIST = (
    "Long stay visa D: what to bring\n- your passport, valid for one year\n- a certificate of good conduct\n"
    "- a medical certificate on the embassy's model\n- a birth certificate, legalised\n"
    "- a marriage certificate for family members\n"
    "Documents issued abroad need an apostille and a sworn translation into French, Dutch or German."
)


def test_a_page_naming_many_kinds_of_document_by_title_is_about_documents() -> None:
    from dossiercheck.classify.evidence import names_many_kinds, weigh_evidence

    found = classify(*page(LIST))
    assert found.type not in ("passport", "good_conduct", "medical", "lease")
    assert "kinds of document named" in " ".join(found.cues)
    plain = weigh_evidence(LIST)
    assert names_many_kinds(plain, 3) == plain and names_many_kinds(plain, 4).description > plain.description
