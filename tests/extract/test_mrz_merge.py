"""Two failed readings of one MRZ (the band, the page text) merged into one whose checks all hold."""

from __future__ import annotations

import datetime as dt

from dossiercheck.extract.mrz import read_page_mrz
from dossiercheck.icao.merge import merge_readings
from dossiercheck.icao.zone import compose_td3, parse_mrz
from dossiercheck.models import Page
from tests.helpers import analysed

REF = dt.date(2027, 1, 15)
LINE1, LINE2 = compose_td3("AYDIN", "ELIF", "PR7489121", "TUR", dt.date(1979, 3, 25), "F", dt.date(2032, 8, 10))


def damaged(line: str, **changes: str) -> str:
    """`line` with characters replaced: damaged(line, p13="7") puts a 7 at position 13."""
    chars = list(line)
    for key, ch in changes.items():
        chars[int(key[1:])] = ch
    return "".join(chars)


def page(band: tuple[str, ...], text: str) -> Page:
    return Page(index=0, width=1000, height=700, text=text, mrz_lines=band)


def test_each_reading_gives_the_field_the_other_lost() -> None:
    # The band misreads the birth date (check fails); the page text misreads the expiry and the names.
    band = (LINE1, damaged(LINE2, p14="1", p16="5"))
    text_line1 = LINE1.replace("<<ELIF<<<", "CCELIFKKK")
    text = f"PASSPORT\n{text_line1}\n{damaged(LINE2, p21='5')}\n"
    assert not parse_mrz(band, REF).valid
    mrz = read_page_mrz(page(band, text), REF)
    assert mrz is not None and mrz.valid
    assert mrz.lines == (LINE1, LINE2)
    assert (mrz.birth, mrz.expiry) == (dt.date(1979, 3, 25), dt.date(2032, 8, 10))


def test_readings_wrong_in_the_same_place_are_not_merged() -> None:
    wrong = damaged(LINE2, p16="5")  # both read the same wrong birth date
    first = parse_mrz((LINE1, damaged(wrong, p21="5")), REF)
    second = parse_mrz((LINE1, damaged(wrong, p30="X")), REF)
    assert first is not None and second is not None
    assert merge_readings([first, second], lambda lines: parse_mrz(lines, REF)) is None


def test_a_valid_reading_is_never_replaced() -> None:
    good = parse_mrz((LINE1, LINE2), REF)
    other = parse_mrz((LINE1, damaged(LINE2, p16="5")), REF)
    assert good is not None and other is not None and good.valid
    assert merge_readings([good, other], lambda lines: parse_mrz(lines, REF)) is None


def test_dates_of_a_failed_zone_are_kept_only_where_their_check_holds() -> None:
    # Number and birth date unreadable in both readings; the expiry's check digit holds.
    band = (LINE1, damaged(LINE2, p0="W", p1="X", p16="5"))
    doc = analysed(page(band, "PASSPORT / PASSEPORT\n"), reference_date=REF, file='passport.jpg', mime='image/jpeg')
    assert doc.mrz is not None and not doc.mrz.valid
    assert doc.date("expiry") == dt.date(2032, 8, 10)
    assert doc.date("birth") is None  # 1979-05-25 failed its check digit: no birth date rather than a wrong one
