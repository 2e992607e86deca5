"""Machine-readable zones: check digits, OCR repairs, centuries, plausibility, national variants."""

from __future__ import annotations

import datetime as dt

import pytest

from dossiercheck.extract.mrz import cross_check, not_calendar_days, without_impossible_dates
from dossiercheck.icao.zone import (
    check_digit,
    compose_french_id,
    compose_td1,
    compose_td2,
    compose_td3,
    find_mrz,
    parse_mrz,
)
from dossiercheck.models import DateField, Mrz

REF = dt.date(2026, 11, 23)
SPECIMEN_REF = dt.date(2010, 1, 1)  # the ICAO specimens expire in 2012
TD3 = ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10")
TD1 = ("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<")


def _passport(**kw: object) -> tuple[str, str]:
    args: dict = dict(
        surname="Peeters",
        given_names="Anna Maria",
        document_number="EM1234567",
        nationality="BEL",
        birth=dt.date(1990, 5, 17),
        sex="F",
        expiry=dt.date(2031, 3, 14),
        optional="",
    )
    args.update(kw)
    return compose_td3(**args)


def _failed(mrz: Mrz) -> set[str]:
    return {c.name for c in mrz.checks if not c.ok}


# --- check digits -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, digit",
    [
        ("L898902C3", "6"),
        ("740812", "2"),
        ("120415", "9"),
        ("ZE184226B<<<<<", "1"),
        ("L898902C3674081221204159ZE184226B<<<<<1", "0"),
        ("D23145890", "7"),
        ("<<<<<<<<<<<<<<", "0"),
    ],
)
def test_check_digit_on_icao_specimens(data: str, digit: str) -> None:
    assert check_digit(data) == digit


def test_check_digit_rejects_foreign_characters() -> None:
    with pytest.raises(ValueError):
        check_digit("AB-12")


# --- the specimens --------------------------------------------------------------------------------


def test_td3_specimen() -> None:
    mrz = parse_mrz(TD3, SPECIMEN_REF)
    assert mrz is not None and mrz.valid and not mrz.corrected
    assert (mrz.format, mrz.document_code, mrz.issuing_state, mrz.nationality) == ("TD3", "P", "UTO", "UTO")
    assert (mrz.surname, mrz.given_names, mrz.sex) == ("ERIKSSON", "ANNA MARIA", "F")
    assert mrz.document_number == "L898902C3" and mrz.optional == "ZE184226B"
    assert (mrz.birth, mrz.expiry) == (dt.date(1974, 8, 12), dt.date(2012, 4, 15))
    assert [c.name for c in mrz.checks] == ["document_number", "birth", "expiry", "optional", "composite"]


def test_td1_specimen() -> None:
    mrz = parse_mrz(TD1, SPECIMEN_REF)
    assert mrz is not None and mrz.valid
    assert (mrz.format, mrz.document_code, mrz.document_number) == ("TD1", "I", "D23145890")
    assert (mrz.surname, mrz.given_names) == ("ERIKSSON", "ANNA MARIA")


def test_td2_and_visas_round_trip() -> None:
    td2 = compose_td2("Martin", "Luc", "X12345678", "FRA", dt.date(1980, 1, 2), "M", dt.date(2029, 6, 30))
    line1, line2 = compose_td3(
        "Martin",
        "Luc",
        "V1234567",
        "FRA",
        dt.date(1980, 1, 2),
        "M",
        dt.date(2027, 1, 1),
        issuing_state="BEL",
        document_code="V",
    )
    mrva = (line1, line2)
    assert line2.endswith("<" * 16)
    b1, b2 = compose_td2(
        "Martin",
        "Luc",
        "V1234567",
        "FRA",
        dt.date(1980, 1, 2),
        "M",
        dt.date(2027, 1, 1),
        issuing_state="BEL",
        document_code="V",
    )
    mrvb = (b1, b2)
    assert len(b2) == 36 and b2.endswith("<" * 8)
    for lines, fmt in ((td2, "TD2"), (mrva, "MRVA"), (mrvb, "MRVB")):
        mrz = parse_mrz(lines, REF)
        assert mrz is not None and mrz.valid and mrz.format == fmt, (lines, mrz)
        assert mrz.surname == "MARTIN" and mrz.birth == dt.date(1980, 1, 2)
    assert parse_mrz(mrva, REF).issuing_state == "BEL"  # type: ignore[union-attr]


# The French identity card of 1988-2021 as printed on the specimen of image-js/mrz-detection
# (src/__tests__/fixtures/id1.jpg, lines as bench/specimens/manifest.yaml gives them).
FRENCH_CARD = ("IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<", "9409923102854CORINNE<<<<<<<6512068F4")


def test_french_identity_card_of_1988_2021() -> None:
    mrz = parse_mrz(FRENCH_CARD, REF)
    assert mrz is not None and mrz.valid, mrz
    assert (mrz.format, mrz.document_code, mrz.issuing_state, mrz.nationality) == ("FRA_ID", "ID", "FRA", "FRA")
    assert (mrz.surname, mrz.given_names, mrz.document_number) == ("BERTHIER", "CORINNE", "940992310285")
    assert (mrz.birth, mrz.sex, mrz.expiry) == (dt.date(1965, 12, 6), "F", None)  # no expiry in this zone
    assert {c.name for c in mrz.checks} == {"document_number", "birth", "composite"}


def test_french_identity_card_composed_and_misread() -> None:
    lines = compose_french_id("Dupont-Moreau", "Jean, Luc", "130675123456", dt.date(2001, 2, 28), "M", office="750123")
    assert lines[0].startswith("IDFRADUPONT<MOREAU<") and lines[0].endswith("750123") and len(lines[1]) == 36
    mrz = parse_mrz(lines, REF)
    assert mrz is not None and mrz.valid and mrz.given_names == "JEAN LUC" and mrz.optional == "750123"
    # A birth date misread stays failed; the composite over both lines fails with it.
    wrong = (lines[0], lines[1][:27] + "010229" + lines[1][33:])
    assert {"birth", "composite"} <= _failed(parse_mrz(wrong, REF))  # type: ignore[arg-type]
    # Two 36-character lines of another state stay TD2.
    td2 = compose_td2("Martin", "Luc", "X12345678", "FRA", dt.date(1980, 1, 2), "M", dt.date(2029, 6, 30))
    assert parse_mrz(td2, REF).format == "TD2"  # type: ignore[union-attr]


def test_not_an_mrz() -> None:
    assert parse_mrz(["Kingdom of Belgium", "Residence permit"], REF) is None
    assert parse_mrz([], REF) is None


# --- OCR repairs ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line2",
    [
        "L898902C36UTO74O8122F1204159ZE184226B<<<<<10",  # O for 0 in a date
        "L898902C36UTO7408I22F1204159ZE184226B<<<<<10",  # I for 1
        "L898902C36UTO7408122F12O4I59ZE184226B<<<<<10",  # two in one date
        "L898902C36UTO7408122F1204l59ZE184226B<<<<<10",  # lower-case l for 1
        "L898902C36UTO74081ZZF1204159ZE184226B<<<<<10",  # Z for 2
        "L898902C36UTO7408122F12041S9ZE184226B<<<<<10",  # S for 5
        "L898902C36UTO74O8I22F12O4I59ZE184226B<<<<<1O",  # D and O in check digits and dates
        "L898902C36UTO7408122F1204159ZE184226B<<<<<I0",
        "L898902C3GUTO7408122F1204159ZE184226B<<<<<10",  # G for 6 (check digit of the number)
        "L8989O2C36UTO7408122F1204159ZE184226B<<<<<10",  # O for 0 inside the document number
        "L898902C36UT07408122F1204159ZE184226B<<<<<10",  # 0 for O in the nationality
        "L898902C36UTO7408122F1204159ZE184226B<<<KK10",  # K for fillers
        "L898902C36UTO7408122F1204159ZE184226B«<<<<10",  # « for <
        "L898902C36UTO7408122F1204159ZE184226B<<‹<(10",  # ‹ and ( for <
        "L898902C36UTO7408122F1204159ZE184226B<< <<10",  # space for <
        "L898902C36UTO7408122F1204159ZE184226B<<<<10",  # a filler dropped
        "L898902C36UTO7408122F1204159ZE184226B<<<<<<10",  # a filler added
    ],
)
def test_repairs_confusions_and_marks_corrected(line2: str) -> None:
    mrz = parse_mrz([TD3[0], line2], SPECIMEN_REF)
    assert mrz is not None and mrz.valid, mrz
    assert mrz.corrected
    assert mrz.lines == TD3
    assert mrz.document_number == "L898902C3" and mrz.birth == dt.date(1974, 8, 12)


@pytest.mark.parametrize(
    "line1",
    [
        "P<UT0ERIKSS0N<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<",  # digits in letter fields
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<KKKKKK<",  # K run for fillers at the end
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<C<",  # stray letter among the fillers
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<",  # fillers lost at the end
    ],
)
def test_repairs_name_line(line1: str) -> None:
    mrz = parse_mrz([line1, TD3[1]], SPECIMEN_REF)
    assert mrz is not None and mrz.valid
    assert (mrz.surname, mrz.given_names, mrz.issuing_state) == ("ERIKSSON", "ANNA MARIA", "UTO")


def test_name_line_without_its_fillers() -> None:
    line1, line2 = compose_td3("Becker", "Lena", "1743690", "D", dt.date(1986, 11, 27), "F", dt.date(2027, 2, 18),
                               issuing_state="BEL", document_code="V")  # fmt: skip
    mrz = parse_mrz([line1.rstrip("<"), line2[:-3]], REF)
    assert mrz is not None and mrz.valid and mrz.format == "MRVA" and mrz.lines == (line1, line2)
    card = compose_td1("Sato", "Haruka", "TY5377859", "JPN", dt.date(2007, 9, 8), "F", dt.date(2033, 11, 18))
    mrz = parse_mrz([card[0], card[1], "SATO<<HARUKA"], REF)
    assert mrz is not None and mrz.valid and mrz.given_names == "HARUKA"


def test_name_ending_in_k_is_kept() -> None:
    mrz = parse_mrz(_passport(surname="Blok", given_names="Erik"), REF)
    assert mrz is not None and (mrz.surname, mrz.given_names) == ("BLOK", "ERIK")


def test_ambiguous_repair_is_refused() -> None:
    """'AB1234567' read as 'AE1234567': 2→Z and 5→S would each restore the check digit, so neither is taken."""
    line1, line2 = _passport(document_number="AB1234567")
    bad = line2.replace("AB1234567", "AE1234567")
    mrz = parse_mrz([line1, bad], REF)
    assert mrz is not None and not mrz.valid
    assert mrz.document_number == "AE1234567"  # left as read, not 'AE1Z34567' nor 'AE1234S67'
    assert "document_number" in _failed(mrz)


def test_unfixable_digit_stays_invalid() -> None:
    line1, line2 = _passport()
    bad = line2[:14] + "3" + line2[15:]  # 900517 -> 930517: a wrong digit no look-alike explains
    mrz = parse_mrz([line1, bad], REF)
    assert mrz is not None and not mrz.valid and "birth" in _failed(mrz)


def test_doubtful_document_number_is_not_trusted() -> None:
    """'KCY74766147': dropping the doubled 6 or the stray Y both satisfy the check digit; neither is trusted."""
    lines = compose_td1("Mueller", "Lena", "KC7476614", "D", dt.date(1996, 5, 29), "F", dt.date(2029, 1, 24),
                        issuing_state="BEL", document_code="IR")  # fmt: skip
    assert lines[0] == "IRBELKC74766147<<<<<<<<<<<<<<<"
    mrz = parse_mrz(["IRBELKCY74766147<<<<<<<<<<<<<<<", lines[1], lines[2]], REF)
    assert mrz is not None and not mrz.valid and "document_number" in _failed(mrz)


def test_garbage_after_the_fillers_is_dropped() -> None:
    line1, line2 = _passport()
    mrz = parse_mrz([line1[:30] + "<<<666KEKKKRKKK", line2], REF)
    assert mrz is not None and mrz.valid and mrz.given_names == "ANNA MARIA"
    card = compose_td1("Wojcik", "Jakub", "EK6490845", "POL", dt.date(1992, 8, 10), "M", dt.date(2029, 2, 6),
                       issuing_state="BEL", document_code="IR")  # fmt: skip
    mrz = parse_mrz(["IRBELEK64908452<<<<<<<22JJJJ", card[1].replace("POL", "PO0L"), card[2]], REF)
    assert mrz is not None and mrz.valid and mrz.lines == card and mrz.optional == ""


def _japanese(number: str = "MF0773494") -> tuple[str, str]:
    return compose_td3("Watanabe", "Ren", number, "JPN", dt.date(1998, 11, 11), "M", dt.date(2034, 2, 8))


def test_character_inserted_in_the_nationality() -> None:
    """'J3PN' and a K among the fillers: two slips, the nationality realigned on the birth date after it."""
    line1, line2 = _japanese()
    bad = line2.replace("MF07734941JPN", "MFO7734941J3PN").replace("<<<<<<<<", "<<<<<<K<<", 1)
    mrz = parse_mrz([line1, bad], REF)
    assert mrz is not None and mrz.valid, mrz
    assert mrz.lines == (line1, line2) and mrz.nationality == "JPN"


def test_characters_added_between_check_digit_and_nationality() -> None:
    line1, line2 = _japanese("PN0772245")
    mrz = parse_mrz([line1, line2.replace("PN07722457JPN", "PN07722457J5JPN")], REF)
    assert mrz is not None and mrz.valid and mrz.lines == (line1, line2)


def test_character_inserted_inside_the_dates() -> None:
    """'EMAR' and '32060352': one character before the nationality, one inside the expiry date."""
    line1, line2 = compose_td3("Tazi", "Imane", "UV0917701", "MAR", dt.date(1980, 11, 20), "F", dt.date(2032, 6, 3))
    bad = line2.replace("MAR", "EMAR").replace("3206032", "32060352")
    mrz = parse_mrz([line1, bad], REF)
    assert mrz is not None and mrz.valid and mrz.lines == (line1, line2)
    assert mrz.expiry == dt.date(2032, 6, 3)


@pytest.mark.parametrize("misread", ["CO0", "COO", "3OD", "CXD"])
def test_nationality_taken_from_the_issuing_state(misread: str) -> None:
    line1, line2 = compose_td3("Mukendi", "Esther", "ML9814700", "COD", dt.date(1981, 5, 12), "F", dt.date(2031, 5, 12))
    mrz = parse_mrz([line1, line2.replace("COD", misread, 1)], REF)
    if misread == "CXD":  # X is no look-alike of O: not repaired
        assert mrz is not None and "nationality" in _failed(mrz)
        return
    assert mrz is not None and mrz.valid and mrz.nationality == "COD" and mrz.lines == (line1, line2)


def test_nationality_not_voted_on_a_realigned_line() -> None:
    """With characters dropped to fit the line, a misread nationality is the one sign left that the
    realignment may be wrong: it is not repaired from the issuing state."""
    line1, line2 = compose_td3("Mukendi", "Esther", "ML9814700", "COD", dt.date(1981, 5, 12), "F", dt.date(2031, 5, 12))
    mrz = parse_mrz([line1, line2.replace("ML98147008COD", "MLYVSB147008CO00")], REF)
    assert mrz is not None and not mrz.valid and _failed(mrz) & {"nationality", "document_number"}


def test_nationality_voted_when_only_it_was_realigned() -> None:
    """'COD' read 'CO00' (D as two zeros): the number stands where it was read, so the code is repaired."""
    line1, line2 = compose_td3("Mukendi", "Esther", "ML9814700", "COD", dt.date(1981, 5, 12), "F", dt.date(2031, 5, 12))
    mrz = parse_mrz([line1, line2.replace("COD", "CO00")], REF)
    assert mrz is not None and mrz.valid and mrz.lines == (line1, line2)


def test_h_read_for_4_in_a_date() -> None:
    line1, line2 = _japanese()
    mrz = parse_mrz([line1, line2.replace("M3402085", "M3H02085")], REF)
    assert mrz is not None and mrz.valid and mrz.lines == (line1, line2)


def test_name_separator_read_as_k() -> None:
    line1, line2 = _passport(surname="Souza", given_names="Larissa")
    mrz = parse_mrz([line1.replace("SOUZA<<LARISSA", "SOUZA<K<LARISSA"), line2], REF)
    assert mrz is not None and (mrz.surname, mrz.given_names) == ("SOUZA", "LARISSA")
    kept = parse_mrz(_passport(surname="Lee", given_names="John K Paul"), REF)
    assert kept is not None and kept.given_names == "JOHN K PAUL"


def test_repair_to_a_digit_preferred_to_one_to_a_letter() -> None:
    """'PNO772245': O for 0 and 7 for Z both restore the check digit; numbers are mostly digits."""
    line1, line2 = _japanese("PN0772245")
    mrz = parse_mrz([line1, line2.replace("PN0772245", "PNO772245")], REF)
    assert mrz is not None and mrz.valid and mrz.document_number == "PN0772245"


def test_repair_breaking_the_number_shape_is_refused() -> None:
    """'YM3077763' read 'YMSO77763': S for 5 passes the check digit, giving 'YM5O77763', by chance."""
    line1, line2 = compose_td3("Aydin", "Mehmet", "YM3077763", "TUR", dt.date(1976, 10, 3), "M", dt.date(2028, 7, 28))
    mrz = parse_mrz([line1, line2.replace("YM30777635", "YMSO777635")], REF)
    assert mrz is not None and not mrz.valid and "document_number" in _failed(mrz)


def test_number_repairs_only_round_glyphs_into_zeros() -> None:
    """'MG5527790' read 'MGSS27790': S for 5 passing the check digit is as often a second misread
    passing by chance, so the number stays failed; 'MG552779D' (D for 0) is repaired and marked."""
    born, expires = dt.date(1975, 12, 22), dt.date(2033, 1, 23)
    line1, line2 = compose_td3("Oliveira", "Lucas", "MG5527790", "BRA", born, "M", expires)
    mrz = parse_mrz([line1, line2.replace("MG5527790", "MGSS27790")], REF)
    assert mrz is not None and not mrz.valid and "document_number" in _failed(mrz)
    mrz = parse_mrz([line1, line2.replace("MG5527790", "MG552779D")], REF)
    assert mrz is not None and mrz.valid and mrz.corrected and mrz.document_number == "MG5527790"


def test_failing_optional_data_stay_failed() -> None:
    """'ZE184226B' read 'ZEI84226B': I for 1 would pass the check digit, but only a document number's
    O/D for 0 is ever repaired; the optional data and the composite stay failed, the dates are read."""
    mrz = parse_mrz([TD3[0], TD3[1].replace("ZE184226B", "ZEI84226B")], SPECIMEN_REF)
    assert mrz is not None and not mrz.valid and _failed(mrz) & {"optional", "composite"}
    assert mrz.birth == dt.date(1974, 8, 12)


def test_composite_is_not_repaired_in_unchecked_data() -> None:
    """A TD1 whose composite fails is not made to pass by a look-alike swap in its optional data (an old
    US green card's composite 'held' after an S of its optional data became a 5)."""
    lines = compose_td1("Dupont", "Jean", "AB1234567", "BEL", dt.date(1985, 12, 1), "M", dt.date(2031, 3, 14),
                        optional1="EAC9730051")
    assert parse_mrz(lines, REF).valid
    misread = [lines[0].replace("EAC9730051", "EAC973OO5S"), lines[1], lines[2]]
    mrz = parse_mrz(misread, REF)
    assert mrz is not None and not mrz.valid and "composite" in _failed(mrz)


def test_two_number_repairs_keep_the_usual_shape() -> None:
    """'ZD3036503' garbled to 'ZDSO03S65': Z for 2 and S for 5 pass the check digit, leaving '2DSO03565'."""
    line1, line2 = compose_td3("Bautista", "Joy", "ZD3036503", "PHL", dt.date(1986, 11, 28), "F", dt.date(2035, 5, 28))
    mrz = parse_mrz([line1, line2.replace("ZD30365030", "ZDSO03S650")], REF)
    assert mrz is not None and not mrz.valid and "document_number" in _failed(mrz)


def test_number_both_realigned_and_changed_is_not_trusted() -> None:
    """'JL6907140' read 'JLE9OU07140': dropping 'JL' and reading O as 0 passes the check digit by chance."""
    line1, line2 = compose_td3("Parker", "Emily", "JL6907140", "USA", dt.date(2006, 6, 2), "F", dt.date(2033, 3, 12))
    bad = [line1, line2.replace("JL69071401", "JLE9OU071401")]
    mrz = parse_mrz(bad, REF)
    assert mrz is not None and not mrz.valid and "document_number" in _failed(mrz)
    # Still an MRZ for the page-text search: a check digit held, though not trusted.
    found = find_mrz("PASSPORT\n" + "\n".join(bad), REF)
    assert found is not None and found.document_code == "P"


def test_doubtful_optional_data_are_not_trusted() -> None:
    """'Z2E1B4226B': dropping the Z or the 2 both satisfy the optional data's check digit."""
    line1, line2 = TD3
    bad = line2.replace("UTO7408122", "UTO74608122").replace("ZE184226B", "Z2E1B4226B")
    mrz = parse_mrz([line1, bad], SPECIMEN_REF)
    # Without look-alike repairs only the reading dropping the Z passes: its optional data are not the
    # printed ones, but every check digit holds on what was read, and the dates are right.
    assert mrz is not None and mrz.birth == dt.date(1974, 8, 12) and mrz.document_number == "L898902C3"


def test_realigned_number_of_garbage_shape_is_not_trusted() -> None:
    """'HV2836062' read 'HV2B3S60625S': without its first letter, 'V2B3S6062' passes the check digit."""
    line1, line2 = compose_td3("Santos", "Mark", "HV2836062", "PHL", dt.date(1979, 9, 30), "M", dt.date(2031, 12, 5))
    mrz = parse_mrz([line1, line2.replace("HV28360625", "HV2B3S60625S")], REF)
    assert mrz is not None and not mrz.valid and "document_number" in _failed(mrz)


def test_passport_that_lost_its_fillers_is_not_read_as_a_card() -> None:
    """Cut to 36 characters, a passport's lines fit TD2; a 'P' document is TD3."""
    line1, line2 = compose_td3("Aydin", "Zeynep", "UL1855083", "TUR", dt.date(1991, 8, 22), "F", dt.date(2033, 1, 29))
    mrz = parse_mrz([line1[:36], line2[:28] + line2[35:]], REF)
    assert mrz is not None and mrz.valid and mrz.format == "TD3" and mrz.lines == (line1, line2)


def test_spaces_inserted_by_ocr() -> None:
    spaced = ("P<UTO ERIKSSON<<ANNA<MARIA <<<<<<<<<<<<<<<<<<<", "L898902C36 UTO7408122F 1204159ZE184226B<<<<<10")
    mrz = parse_mrz(spaced, SPECIMEN_REF)
    assert mrz is not None and mrz.valid and mrz.lines == TD3


# --- dates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "birth, expected",
    [
        (dt.date(2024, 1, 1), dt.date(2024, 1, 1)),
        (dt.date(1950, 1, 1), dt.date(1950, 1, 1)),
        (dt.date(1926, 12, 1), dt.date(1926, 12, 1)),
        (dt.date(2026, 11, 23), dt.date(2026, 11, 23)),
    ],
)
def test_birth_century_is_in_the_past(birth: dt.date, expected: dt.date) -> None:
    mrz = parse_mrz(_passport(birth=birth, expiry=dt.date(2030, 1, 1)), REF)
    assert mrz is not None and mrz.birth == expected


def test_birth_century_puts_the_birth_before_the_expiry() -> None:
    # The Icelandic specimen: born '121212', expired '110629'. 2012 is in the past, but after the expiry.
    mrz = parse_mrz(_passport(birth=dt.date(1912, 12, 12), expiry=dt.date(2011, 6, 29)), REF)
    assert mrz is not None and mrz.valid and mrz.birth == dt.date(1912, 12, 12)


def test_birth_century_before_the_expiry_otherwise_the_latest() -> None:
    # '250101' with a 2011 expiry: 2025 is after it, 1925 is before.
    mrz = parse_mrz(_passport(birth=dt.date(1925, 1, 1), expiry=dt.date(2011, 6, 29)), REF)
    assert mrz is not None and mrz.birth == dt.date(1925, 1, 1)
    # A birth in the current century before the expiry keeps that century.
    mrz = parse_mrz(_passport(birth=dt.date(2010, 1, 1), expiry=dt.date(2011, 6, 29)), REF)
    assert mrz is not None and mrz.birth == dt.date(2010, 1, 1)


@pytest.mark.parametrize("expiry", [dt.date(2031, 3, 14), dt.date(1999, 12, 31), dt.date(2008, 2, 29)])
def test_expiry_century_nearest_reference(expiry: dt.date) -> None:
    mrz = parse_mrz(_passport(birth=dt.date(1950, 5, 17), expiry=expiry), REF)
    assert mrz is not None and mrz.expiry == expiry and mrz.valid


def test_expiry_too_far_ahead_is_rejected() -> None:
    mrz = parse_mrz(_passport(expiry=dt.date(2045, 1, 1)), REF)
    assert mrz is not None and mrz.expiry is None and not mrz.valid
    assert "expiry_plausible" in _failed(mrz)


def test_impossible_date_with_passing_check_digit_is_rejected() -> None:
    line1, line2 = _passport()
    birth = "901317"  # month 13
    line2 = line2[:13] + birth + check_digit(birth) + line2[20:]
    composite = line2[0:10] + line2[13:20] + line2[21:43]
    line2 = line2[:43] + check_digit(composite)
    mrz = parse_mrz([line1, line2], REF)
    assert mrz is not None and mrz.birth is None and not mrz.valid
    assert _failed(mrz) == {"birth_plausible"}


def test_letter_left_in_a_date_fails_even_if_the_sum_holds() -> None:
    line1, line2 = _passport()
    birth = "90V517"  # V=31: its weighted value can still match the check digit
    for digit in "0123456789":
        trial = line2[:13] + birth + digit + line2[20:]
        mrz = parse_mrz([line1, trial], REF)
        assert mrz is not None and mrz.birth is None and "birth" in _failed(mrz)


def test_birth_after_expiry_is_rejected() -> None:
    # No century puts '980101' before '970101' (expiry 1997, birth 1998 or 2098).
    mrz = parse_mrz(_passport(birth=dt.date(1998, 1, 1), expiry=dt.date(1997, 1, 1)), REF)
    assert mrz is not None and not mrz.valid and "dates_order" in _failed(mrz)
    # '200101' with expiry 2019 is read as 1920: the only century that puts the birth first.
    mrz = parse_mrz(_passport(birth=dt.date(1920, 1, 1), expiry=dt.date(2019, 1, 1)), REF)
    assert mrz is not None and mrz.valid and mrz.birth == dt.date(1920, 1, 1)


def test_bad_sex_and_state_are_rejected() -> None:
    line1, line2 = _passport()
    mrz = parse_mrz([line1, line2[:20] + "Q" + line2[21:]], REF)
    assert mrz is not None and "sex" in _failed(mrz)
    misread = parse_mrz([line1, line2.replace("BEL", "BFL")], REF)  # not a country code
    assert misread is not None and "nationality" in _failed(misread)
    germany = parse_mrz(_passport(nationality="D", issuing_state="D"), REF)
    assert germany is not None and germany.valid and germany.nationality == "D"


# --- national variants ----------------------------------------------------------------------------


def test_belgian_long_document_number() -> None:
    lines = compose_td1(
        "Dupont",
        "Jean Marie",
        "592123456789",
        "BEL",
        dt.date(1985, 12, 1),
        "M",
        dt.date(2031, 3, 14),
        optional2="85120112345",
    )
    assert lines[0] == "IDBEL592123456<7891<<<<<<<<<<<"
    mrz = parse_mrz(lines, REF)
    assert mrz is not None and mrz.valid
    assert mrz.document_number == "592123456789" and mrz.optional == "85120112345"
    # S for 5 would pass the number's check digit, but only an O or D read for a 0 is repaired.
    misread = parse_mrz(["IDBELS92123456<7891<<<<<<SS<KC<K", lines[1], lines[2]], REF)
    assert misread is not None and not misread.valid and "document_number" in _failed(misread)


def test_filler_as_check_digit_of_empty_optional_data() -> None:
    line1, line2 = _passport()
    assert line2[28:43] == "<" * 14 + "0"
    mrz = parse_mrz([line1, line2[:42] + "<" + line2[43]], REF)
    assert mrz is not None and mrz.valid and mrz.optional == ""
    with_data = _passport(optional="12345")[1]
    broken = parse_mrz([line1, with_data[:42] + "<" + with_data[43]], REF)
    assert broken is not None and "optional" in _failed(broken)


# --- finding the zone in page text ----------------------------------------------------------------


def test_find_mrz_in_noisy_page_text() -> None:
    line1, line2 = _passport()
    noisy1 = line1[:14] + " " + line1[14:30] + " " + line1[30:].replace("<<<<", "<«<")
    noisy2 = line2[:10] + " " + line2[10:30].lower() + " " + line2[30:].replace("<<<", "‹ <")
    text = (
        "KINGDOM OF BELGIUM  ROYAUME DE BELGIQUE\n"
        "Passport / Passeport\nSurname PEETERS\nDate of expiry 14 03 2031\n\n"
        f"{noisy1}\n\n{noisy2}\nSignature\n"
    )
    mrz = find_mrz(text, REF)
    assert mrz is not None and mrz.valid, (text, mrz)
    assert mrz.surname == "PEETERS" and mrz.expiry == dt.date(2031, 3, 14)
    assert mrz.lines == (line1, line2)


def test_find_mrz_without_zone() -> None:
    assert find_mrz("Attestation de bonne vie et moeurs\nModèle 2\n" * 5, REF) is None


# --- comparing with the page ----------------------------------------------------------------------


def test_cross_check() -> None:
    mrz = parse_mrz(_passport(), REF)
    assert mrz is not None
    same = [
        DateField(dt.date(2031, 3, 14), "14/03/2031", 0, field="expiry"),
        DateField(dt.date(1990, 5, 17), "17.05.1990", 0, field="birth"),
    ]
    assert cross_check(mrz, same) == []
    other = [
        DateField(dt.date(2032, 3, 14), "14/03/2032", 0, field="expiry"),
        DateField(dt.date(1990, 5, 17), "", 0, field="birth"),
        DateField(dt.date(2033, 1, 1), "", 0, field="expiry", source="mrz"),
    ]
    assert cross_check(mrz, other) == [
        "The expiry date printed on the page (14/03/2032) differs from the one in the machine-readable zone "
        "(14/03/2031)."
    ]
    birth = [DateField(dt.date(1990, 7, 15), "", 0, field="birth")]
    assert "date of birth printed on the page (15/07/1990)" in cross_check(mrz, birth)[0]


def _with_birth(raw: str) -> list[str]:
    """A specimen passport whose printed birth field is `raw`, with every check digit computed for it."""
    line1, line2 = _passport()
    line2 = line2[:13] + raw + check_digit(raw) + line2[20:]
    composite = line2[0:10] + line2[13:20] + line2[21:43]
    return [line1, line2[:43] + check_digit(composite)]


def test_birth_that_is_no_calendar_day_is_reported_and_replaced_by_nothing() -> None:
    """29.02.1911 (the Czech specimen's birth date): its check digit holds, 1911 and 2011 are no leap
    years. The visual zone's dates for birth (here the issue date OCR found near the label) are dropped."""
    mrz = parse_mrz(_with_birth("110229"), REF)
    assert mrz is not None and mrz.birth is None and not mrz.valid
    assert not_calendar_days(mrz) == [("birth", "110229")]
    page = [DateField(value=dt.date(2006, 9, 6), raw="06.09.2006", page=0, field="birth", label="birth"),
            DateField(value=dt.date(2016, 9, 6), raw="06.09.2016", page=0, field="expiry", label="expiry")]
    kept, problems = without_impossible_dates(mrz, page)
    assert [d.field for d in kept] == ["expiry"]
    assert len(problems) == 1 and "110229" in problems[0] and "not a calendar day" in problems[0]


def test_birth_in_the_future_is_no_impossible_day() -> None:
    """A date in the future is implausible (a misread), not a printed impossible day: nothing is dropped."""
    mrz = parse_mrz(_with_birth("300101"), dt.date(1990, 1, 1))
    assert mrz is not None and not_calendar_days(mrz) == []
