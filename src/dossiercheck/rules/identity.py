"""identity: the passport's name and birth date match the other documents and dossier.yaml.

The passport MRZ is the reference (else dossier.yaml). Other documents with an MRZ (residence
card, visa, ID card), their printed birth dates, and dossier.yaml's applicant are compared.
Names are compared without accents, case, punctuation or word order; a name that is a part of
the other (a middle name left out, an MRZ cut short) matches, and so does one within
`name_ratio` similarity (OCR noise: 0/O, 1/I, 5/S, 8/B). A mismatch names both documents; its
status (`name`, `birth`) comes from the profile's `outcomes:` (warn in _base/common: a person
decides whether it is the same person).

Passing: passport "GARCIA LOPEZ<<MARIA JOSE", visa "GARCÍA LÓPEZ<<MARIA JOSÉ".
Failing: passport birth 1990-04-01, residence card birth 1990-01-04 -> `warn`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from difflib import SequenceMatcher

from dossiercheck.models import Document, Requirement, RequirementResult
from dossiercheck.rules.context import RuleContext, result

ID = "identity"
OPTIONS: dict[str, object] = {"name_ratio": 0.85, "compare_birth": True}
OUTCOMES = ("name", "birth")  # a mismatch of either: its status comes from the profile's `outcomes:`
OCR_DIGITS = str.maketrans("0158", "OISB")
DEFAULTS = {
    "en": {
        "pass": "The name and birth date agree across {compared}.",
        "nothing": "There was nothing to compare the passport with.",
        "no_reference": "We could not read the name on the passport, so nothing was compared.",
        "name": "The name on {first} ({name_a}) differs from the one on {second} ({name_b}).",
        "birth": "The birth date on {first} ({birth_a}) differs from the one on {second} ({birth_b}).",
    },
    "fr": {
        "pass": "Le nom et la date de naissance concordent entre {compared}.",
        "nothing": "Il n'y avait rien à comparer avec le passeport.",
        "no_reference": "Nous n'avons pas pu lire le nom sur le passeport ; rien n'a été comparé.",
        "name": "Le nom sur {first} ({name_a}) diffère de celui sur {second} ({name_b}).",
        "birth": "La date de naissance sur {first} ({birth_a}) diffère de celle sur {second} ({birth_b}).",
    },
    "nl": {
        "pass": "De naam en geboortedatum komen overeen tussen {compared}.",
        "nothing": "Er was niets om met het paspoort te vergelijken.",
        "no_reference": "We konden de naam op het paspoort niet lezen; er is niets vergeleken.",
        "name": "De naam op {first} ({name_a}) verschilt van die op {second} ({name_b}).",
        "birth": "De geboortedatum op {first} ({birth_a}) verschilt van die op {second} ({birth_b}).",
    },
}


def name_tokens(name: str) -> list[str]:
    """Upper-case ASCII words, accents and MRZ fillers removed, OCR digits read as letters."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    plain = plain.upper().translate(OCR_DIGITS)
    return [t for t in re.split(r"[^A-Z]+", plain) if t]


def names_match(a: str, b: str, ratio: float = 0.85) -> bool:
    """Same person's name, tolerant of accents, order, left-out names and OCR noise."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return True  # nothing to compare
    sa, sb = set(ta), set(tb)
    if sa <= sb or sb <= sa:
        return True
    joined_a, joined_b = " ".join(sorted(ta)), " ".join(sorted(tb))
    if SequenceMatcher(None, joined_a, joined_b).ratio() >= ratio:
        return True
    # MRZ names are cut at the line length: a prefix of the other reading is the same name
    flat_a, flat_b = "".join(ta), "".join(tb)
    return len(min(flat_a, flat_b, key=len)) >= 10 and (flat_a.startswith(flat_b) or flat_b.startswith(flat_a))


def _mrz_name(document: Document) -> str | None:
    if document.mrz is None:
        return None
    return f"{document.mrz.surname} {document.mrz.given_names}".strip() or None


def _birth(document: Document) -> dt.date | None:
    if document.mrz is not None and document.mrz.birth is not None:
        return document.mrz.birth
    return document.date("birth")


def check(requirement: Requirement, ctx: RuleContext) -> Iterator[RequirementResult]:
    ratio = float(requirement.options["name_ratio"])
    passport = ctx.passport()
    people: list[tuple[str, str | None, dt.date | None]] = []  # (where, name, birth)
    for document in ctx.documents:
        if document is passport:
            continue
        name, birth = _mrz_name(document), _birth(document)
        if name or birth:
            people.append((document.name, name, birth))
    if ctx.dossier.applicant_name or ctx.dossier.birth_date:
        people.append(("dossier.yaml", ctx.dossier.applicant_name, ctx.dossier.birth_date))
    if passport is not None and (_mrz_name(passport) or _birth(passport)):
        reference = (passport.name, _mrz_name(passport), _birth(passport))
    elif people and people[-1][0] == "dossier.yaml":
        reference = people.pop()
    else:
        yield result(requirement, ctx, DEFAULTS, "manual", "no_reference", document_type="passport")
        return
    if not people:
        yield result(requirement, ctx, DEFAULTS, "pass", "nothing", [reference[0]], "passport")
        return
    first, name_a, birth_a = reference
    problems = 0
    for second, name_b, birth_b in people:
        files = [first, second]
        if name_a and name_b and not names_match(name_a, name_b, ratio):
            problems += 1
            yield result(
                requirement, ctx, DEFAULTS, None, "name", files, "passport",
                first=first, second=second, name_a=name_a, name_b=name_b,
            )  # fmt: skip
        if requirement.options["compare_birth"] and birth_a and birth_b and birth_a != birth_b:
            problems += 1
            yield result(
                requirement, ctx, DEFAULTS, None, "birth", files, "passport",
                first=first, second=second, birth_a=birth_a, birth_b=birth_b,
            )  # fmt: skip
    if not problems:
        compared = [first] + [p[0] for p in people]
        yield result(requirement, ctx, DEFAULTS, "pass", "pass", compared, "passport", compared=compared)
