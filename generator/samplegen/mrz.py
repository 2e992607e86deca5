"""ICAO 9303 machine-readable zones for the synthetic documents.

Written independently of the reader in ``extract/`` so that a shared mistake in the
check-digit arithmetic cannot make the generator and the reader agree on a wrong MRZ.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

_WEIGHTS = (7, 3, 1)
# ICAO 9303 part 3, section 6: the recommended transliterations of Latin letters with marks.
_SPECIAL = {"Ä": "AE", "Ö": "OE", "Ü": "UE", "ß": "SS", "Å": "AA", "Æ": "AE", "Ø": "OE", "Ñ": "N"}


def check_digit(data: str) -> str:
    """The 7-3-1 weighted check digit of an MRZ field; '<' counts 0, letters A=10..Z=35."""
    total = 0
    for i, ch in enumerate(data):
        if ch.isdigit():
            value = int(ch)
        elif ch.isalpha():
            value = ord(ch) - ord("A") + 10
        else:
            value = 0
        total += value * _WEIGHTS[i % 3]
    return str(total % 10)


def transliterate(name: str) -> str:
    """A visual-zone name in MRZ letters: upper case, marks dropped, spaces and hyphens as '<'."""
    out = []
    for ch in name.upper():
        if ch in _SPECIAL:
            out.append(_SPECIAL[ch])
            continue
        base = unicodedata.normalize("NFKD", ch)
        base = "".join(c for c in base if not unicodedata.combining(c))
        for c in base:
            out.append(c if "A" <= c <= "Z" or c.isdigit() else "<")
    return "".join(out)


def _name_field(surname: str, given: str, width: int) -> str:
    field = transliterate(surname) + "<<" + transliterate(given)
    # ICAO truncates the given names first; these fictitious names always fit.
    return field[:width].ljust(width, "<")


def _yymmdd(d: dt.date) -> str:
    return d.strftime("%y%m%d")


def td3(
    doc_code: str,
    state: str,
    surname: str,
    given: str,
    number: str,
    nationality: str,
    birth: dt.date,
    sex: str,
    expiry: dt.date,
    personal: str = "",
) -> list[str]:
    """Two 44-character lines of a passport data page."""
    line1 = (doc_code.ljust(2, "<") + state + _name_field(surname, given, 39))[:44]
    num = number.ljust(9, "<")
    pers = personal.ljust(14, "<")
    pers_cd = check_digit(pers) if personal else "<"
    body = (
        num
        + check_digit(num)
        + nationality
        + _yymmdd(birth)
        + check_digit(_yymmdd(birth))
        + sex
        + _yymmdd(expiry)
        + check_digit(_yymmdd(expiry))
        + pers
        + pers_cd
    )
    composite = body[0:10] + body[13:20] + body[21:43]
    return [line1, body + check_digit(composite)]


def td1(
    doc_code: str,
    state: str,
    surname: str,
    given: str,
    number: str,
    nationality: str,
    birth: dt.date,
    sex: str,
    expiry: dt.date,
    optional1: str = "",
    optional2: str = "",
) -> list[str]:
    """Three 30-character lines of an ID or residence card."""
    num = number.ljust(9, "<")
    line1 = doc_code.ljust(2, "<") + state + num + check_digit(num) + optional1.ljust(15, "<")
    line2 = (
        _yymmdd(birth)
        + check_digit(_yymmdd(birth))
        + sex
        + _yymmdd(expiry)
        + check_digit(_yymmdd(expiry))
        + nationality
        + optional2.ljust(11, "<")
    )
    composite = line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29]
    line2 += check_digit(composite)
    return [line1, line2, _name_field(surname, given, 30)]


def mrva(
    state: str,
    surname: str,
    given: str,
    number: str,
    nationality: str,
    birth: dt.date,
    sex: str,
    expiry: dt.date,
) -> list[str]:
    """Two 44-character lines of a visa sticker (MRV-A); visas carry no composite digit."""
    line1 = "V<" + state + _name_field(surname, given, 39)
    num = number.ljust(9, "<")
    line2 = (
        num
        + check_digit(num)
        + nationality
        + _yymmdd(birth)
        + check_digit(_yymmdd(birth))
        + sex
        + _yymmdd(expiry)
        + check_digit(_yymmdd(expiry))
    ).ljust(44, "<")
    return [line1, line2]
