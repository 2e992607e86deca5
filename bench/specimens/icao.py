"""ICAO 9303 check digits and field positions, for the specimen manifest and the bench.

Deliberately independent of dossiercheck's own MRZ reader: the bench measures that reader, so the
expected values must not come from it. Only the layouts the manifest holds are known here: TD1, TD2,
TD3, MRV-A, MRV-B and the pre-2021 French identity card (2 x 36, "IDFRA...").
"""

from __future__ import annotations

import datetime as dt

WEIGHTS = (7, 3, 1)


def char_value(c: str) -> int:
    if c.isdigit():
        return int(c)
    if c == "<":
        return 0
    if "A" <= c <= "Z":
        return ord(c) - ord("A") + 10
    raise ValueError(f"not an MRZ character: {c!r}")


def check_digit(field: str) -> str:
    return str(sum(char_value(c) * WEIGHTS[i % 3] for i, c in enumerate(field)) % 10)


def holds(field: str, digit: str) -> bool:
    """Whether `digit` is the check digit of `field` (a field of fillers may carry '<' for 0)."""
    if set(field) <= {"<"} and digit == "<":
        return True
    try:
        return check_digit(field) == digit
    except ValueError:
        return False


def mrz_format(lines: list[str]) -> str:
    lengths = [len(line) for line in lines]
    if lengths == [30, 30, 30]:
        return "TD1"
    if lengths == [36, 36]:
        if lines[0].startswith("IDFRA"):
            return "FRA_ID"
        return "MRVB" if lines[0].startswith("V") else "TD2"
    if lengths == [44, 44]:
        return "MRVA" if lines[0].startswith("V") else "TD3"
    raise ValueError(f"no known MRZ layout has lines of {lengths} characters")


def _clean(s: str) -> str:
    return s.replace("<", " ").strip().replace(" ", "") if s.strip("<") else ""


def parse(lines: list[str]) -> dict:
    """Fields and check-digit results of printed MRZ lines (raw YYMMDD dates)."""
    fmt = mrz_format(lines)
    a, b = lines[0], lines[1]
    checks: dict[str, bool] = {}
    if fmt == "TD1":
        number, digit = a[5:14], a[14]
        if digit == "<" and a[15:30].strip("<"):  # long document number runs into the optional data
            extra = a[15:30].split("<", 1)[0]
            number, digit = number + extra[:-1], extra[-1]
        checks["number"] = holds(number, digit)
        birth, expiry, nationality = b[0:6], b[8:14], b[15:18]
        checks["birth"] = holds(birth, b[6])
        checks["expiry"] = holds(expiry, b[14])
        checks["composite"] = holds(a[5:30] + b[0:7] + b[8:15] + b[18:29], b[29])
    elif fmt == "FRA_ID":
        number = b[0:12]
        checks["number"] = holds(number, b[12])
        birth, expiry, nationality = b[27:33], None, "FRA"
        checks["birth"] = holds(birth, b[33])
        checks["composite"] = holds(a + b[0:35], b[35])
    else:
        number = b[0:9]
        checks["number"] = holds(number, b[9])
        nationality, birth, expiry = b[10:13], b[13:19], b[21:27]
        checks["birth"] = holds(birth, b[19])
        checks["expiry"] = holds(expiry, b[27])
        if fmt == "TD3":
            checks["personal"] = holds(b[28:42], b[42])
            checks["composite"] = holds(b[0:10] + b[13:20] + b[21:43], b[43])
        elif fmt == "TD2":
            checks["composite"] = holds(b[0:10] + b[13:20] + b[21:35], b[35])
    return {
        "format": fmt,
        "document_code": a[0:2].rstrip("<"),
        "issuing_state": a[2:5].rstrip("<"),
        "document_number": _clean(number),
        "nationality": nationality.rstrip("<"),
        "birth_raw": birth,
        "expiry_raw": expiry,
        "checks": checks,
        "printed_valid": all(checks.values()),
    }


def yymmdd(raw: str, century: int) -> dt.date | None:
    """The date of a YYMMDD field in the given century, or None when it is not a calendar day."""
    try:
        return dt.date(century + int(raw[0:2]), int(raw[2:4]), int(raw[4:6]))
    except ValueError:
        return None


def birth_date(raw: str, reference: dt.date) -> dt.date | None:
    """Birth dates are in the past: the century that puts the date on or before the reference date."""
    yy = int(raw[0:2])
    century = 2000 if 2000 + yy <= reference.year else 1900
    found = yymmdd(raw, century)
    if found is not None and found > reference:
        found = yymmdd(raw, century - 100)
    return found


def expiry_date(raw: str) -> dt.date | None:
    """Expiry dates of the documents here run from 1970 to 2069."""
    return yymmdd(raw, 1900 if int(raw[0:2]) >= 70 else 2000)
