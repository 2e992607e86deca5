"""Generated MRZs hold their ICAO 9303 check digits, checked by an independent implementation."""

from __future__ import annotations

import datetime as dt
import json
import random

from samplegen.people import make_person
from samplegen.render import Request, render_document


def icao_digit(field: str) -> int:
    """Written from the ICAO 9303 part 3 text, independently of the generator."""
    values = {**{str(d): d for d in range(10)}, "<": 0}
    values.update({chr(ord("A") + i): 10 + i for i in range(26)})
    return sum(values[c] * (7, 3, 1)[i % 3] for i, c in enumerate(field)) % 10


def check_td3(l1: str, l2: str) -> None:
    assert len(l1) == len(l2) == 44
    assert l1.startswith("P")
    assert int(l2[9]) == icao_digit(l2[0:9])
    assert int(l2[19]) == icao_digit(l2[13:19])
    assert int(l2[27]) == icao_digit(l2[21:27])
    assert l2[42] == "<" or int(l2[42]) == icao_digit(l2[28:42])
    assert int(l2[43]) == icao_digit(l2[0:10] + l2[13:20] + l2[21:43])


def check_td1(l1: str, l2: str, l3: str) -> None:
    assert len(l1) == len(l2) == len(l3) == 30
    assert int(l1[14]) == icao_digit(l1[5:14])
    assert int(l2[6]) == icao_digit(l2[0:6])
    assert int(l2[14]) == icao_digit(l2[8:14])
    assert int(l2[29]) == icao_digit(l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29])


def check_mrva(l1: str, l2: str) -> None:
    assert len(l1) == len(l2) == 44 and l1.startswith("V<")
    assert int(l2[9]) == icao_digit(l2[0:9])
    assert int(l2[19]) == icao_digit(l2[13:19])
    assert int(l2[27]) == icao_digit(l2[21:27])


def test_known_value() -> None:
    # The specimen from ICAO 9303 part 4 (Utopia, L898902C3).
    assert icao_digit("L898902C3") == 6
    assert icao_digit("740812") == 2


def test_passports_and_cards_hold_their_check_digits() -> None:
    ref = dt.date(2027, 1, 15)
    for seed in range(4):
        rng = random.Random(seed)
        person = make_person(rng, ref, eu=seed % 3 == 0)
        expiry = ref + dt.timedelta(days=rng.randint(30, 3000))
        _, _, entry = render_document(Request("passport", person, {"expiry": expiry}, "p", fmt="png", level=0), rng)
        check_td3(*entry["mrz"])
        assert entry["mrz"][1][21:27] == expiry.strftime("%y%m%d")
        assert entry["dates"]["expiry"] == expiry.isoformat()
        kind = ("id_card", "residence_card")[seed % 2]
        _, _, entry = render_document(Request(kind, person, {"expiry": expiry}, "c", fmt="png", level=0), rng)
        check_td1(*entry["mrz"])
        _, _, entry = render_document(Request("visa", person, {"start": ref}, "v", fmt="png", level=0), rng)
        check_mrva(*entry["mrz"])


def test_bundled_truth_mrz(employee) -> None:  # type: ignore[no-untyped-def]
    truth = json.loads((employee.parent / (employee.name + ".truth.json")).read_text())
    passports = [d for d in truth["documents"] if d["type"] == "passport"]
    assert passports
    for doc in passports:
        check_td3(*doc["mrz"])
