"""Composing machine-readable zones with correct check digits: the inverse of reading, for tests
and the sample generator."""

from __future__ import annotations

import datetime as dt
import re

from .fix import FILLER, check_digit


def _name_field(surname: str, given_names: str, length: int) -> str:
    def words(s: str) -> str:
        return re.sub(r"[^A-Z<]", "", re.sub(r"[\s\-]+", FILLER, s.strip().upper()))

    text = words(surname) + ("<<" + words(given_names) if given_names else "")
    return text[:length].ljust(length, FILLER)


def _field(value: str, length: int) -> str:
    return value.upper().replace(" ", FILLER)[:length].ljust(length, FILLER)


def _with_check(s: str) -> str:
    return s + check_digit(s)


def _data_start(number: str, nationality: str, birth: dt.date, sex: str, expiry: dt.date) -> str:
    """The first 28 characters of a two-line data line: number, nationality, dates, sex, checks."""
    head = _with_check(_field(number, 9)) + _field(nationality, 3)
    return head + _with_check(f"{birth:%y%m%d}") + sex + _with_check(f"{expiry:%y%m%d}")


def compose_td3(
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str,
    birth: dt.date,
    sex: str,
    expiry: dt.date,
    issuing_state: str | None = None,
    document_code: str = "P",
    optional: str = "",
) -> tuple[str, str]:
    """The two lines of a passport MRZ with correct check digits (for tests and sample dossiers).

    With a document code starting with V it is a visa (MRV-A): 16 characters of optional data, no
    composite check digit.
    """
    line1 = _field(document_code, 2) + _field(issuing_state or nationality, 3) + _name_field(surname, given_names, 39)
    if document_code.startswith("V"):
        return line1, _data_start(document_number, nationality, birth, sex, expiry) + _field(optional, 16)
    opt = _field(optional, 14)
    head = _data_start(document_number, nationality, birth, sex, expiry) + opt + check_digit(opt)
    return line1, head + check_digit(head[0:10] + head[13:20] + head[21:43])


def compose_td2(
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str,
    birth: dt.date,
    sex: str,
    expiry: dt.date,
    issuing_state: str | None = None,
    document_code: str = "I",
    optional: str = "",
) -> tuple[str, str]:
    """The two lines of a TD2 card MRZ with correct check digits; a visa (MRV-B) when the code starts with V."""
    line1 = _field(document_code, 2) + _field(issuing_state or nationality, 3) + _name_field(surname, given_names, 31)
    if document_code.startswith("V"):
        return line1, _data_start(document_number, nationality, birth, sex, expiry) + _field(optional, 8)
    head = _data_start(document_number, nationality, birth, sex, expiry) + _field(optional, 7)
    return line1, head + check_digit(head[0:10] + head[13:20] + head[21:35])


def compose_td1(
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str,
    birth: dt.date,
    sex: str,
    expiry: dt.date,
    issuing_state: str | None = None,
    document_code: str = "ID",
    optional1: str = "",
    optional2: str = "",
) -> tuple[str, str, str]:
    """The three lines of an identity or residence card MRZ with correct check digits.

    A document number longer than 9 characters is written the Belgian way (ICAO 9303 part 5 §4.2.4):
    9 characters, '<', the rest and its check digit at the start of the optional data.
    """
    number = document_number.upper()
    if len(number) > 9:
        first = number[:9] + FILLER + number[9:] + check_digit(number) + optional1.upper()
    else:
        field = _field(number, 9)
        first = field + check_digit(field) + optional1.upper()
    line1 = _field(document_code, 2) + _field(issuing_state or nationality, 3) + _field(first, 25)
    birth_s, expiry_s = f"{birth:%y%m%d}", f"{expiry:%y%m%d}"
    line2 = (
        birth_s
        + check_digit(birth_s)
        + sex
        + expiry_s
        + check_digit(expiry_s)
        + _field(nationality, 3)
        + _field(optional2, 11)
    )
    composite = line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29]
    return line1, line2 + check_digit(composite), _name_field(surname, given_names, 30)


def compose_french_id(surname: str, given_names: str, card_number: str, birth: dt.date, sex: str,
                      office: str = "") -> tuple[str, str]:
    """The two lines of a French identity card of 1988-2021 (see `parse._french_id`): the surname on
    the first with the issuing office's code, the 12-character card number, given names (separated by
    '<<'), birth date and sex on the second, and a check digit over both."""

    def words(s: str) -> str:
        return re.sub(r"[^A-Z<]", "", re.sub(r"[\s\-]+", FILLER, s.strip().upper()))

    line1 = "IDFRA" + _field(words(surname), 25) + _field(office, 6)
    given = "<<".join(words(name) for name in given_names.split(",") if name.strip())
    head = _with_check(_field(card_number, 12)) + _field(given, 14) + _with_check(f"{birth:%y%m%d}") + sex
    return line1, head + check_digit(line1 + head)
