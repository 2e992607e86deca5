"""The words around a date that say what it is, read from `schemas/date_words.yaml`.

They are data, like the doctypes' labels, so that reading dates in a new language is a change to that file
(with its schema), not to the regular expressions of date_assign.py and dates.py.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from dossiercheck.knowledge.files import load_checked
from dossiercheck.text.match import normalise


@dataclass(frozen=True)
class DateWords:
    done_at: re.Pattern[str]  # "fait à Bruxelles le": the issuer's formula before the date of issue
    signature: re.Pattern[str]  # "Given under my hand this day:", "Lieu et date"
    range_end: frozenset[str]  # "until": the next date ends a range
    printed: tuple[str, ...]  # "printed on": a date that is not the document's own
    reference: re.Pattern[str]  # "N°", "Réf.": the date is a file number
    month_languages: tuple[str, ...]
    joiners: tuple[str, ...]
    place_date_articles: tuple[str, ...]
    place_prepositions: tuple[str, ...]  # "En" of "En Madrid a 9 de enero": a place and date without a comma
    month_first: re.Pattern[str]  # an issuer of a state that writes numeric dates month first
    day_first: re.Pattern[str]  # an issuer of an English-speaking state that writes them day first
    issued: tuple[str, ...]  # "date of issue", "établi le": the issue date of any paper that is not an ID
    issued_after: re.Pattern[str]  # "tarihinde düzenlenmiştir" right after a date: the date of issue
    attached_part: re.Pattern[str]  # "LÉGALISATION", "APOSTILLE": a heading of a part added after issue
    signature_dates: frozenset[str]  # "date", "datum": a bare date label, dating a signature in a signature block
    signature_words: re.Pattern[str]  # "signature", "handtekening": the words of a signature block
    legal_reference: re.Pattern[str]  # "loi du", "Law of", "ligjin Nr. 9614, datë": a cited law's date follows
    identity_document: re.Pattern[str]  # "CNI N° 000000000 fait le": an identity document's date follows
    spelled_number_languages: tuple[str, ...]  # whose number words are read ("dix-sept", "twenty-eighth")


def _all(by_language: Mapping[str, Iterable[str]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(word for words in by_language.values() for word in words))


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _named_before(names: Mapping[str, Iterable[str]], joiners: Mapping[str, Iterable[str]]) -> re.Pattern[str]:
    """Text ending in another paper's name, then only its number and small words up to the date: "loi du",
    "Law No. 12 of", "CNI N° 000000000 fait le" (matched on normalised text before a date)."""
    return re.compile(rf"\b(?:{_alternatives(_all(names))})"
                      rf"(?: (?:{_alternatives(_all(joiners))}|[a-z]{{0,3}}\d[a-z\d/.-]*))* ?$")


@functools.lru_cache(maxsize=1)
def date_words() -> DateWords:
    data = load_checked("date_words.yaml", "date_words.schema.json")
    verbs, places = _all(data["done_at"]["verbs"]), _all(data["done_at"]["places"])
    return DateWords(
        done_at=re.compile(
            rf"\b(?:{_alternatives(verbs)})\b(?: \w+){{0,4}} (?:{_alternatives(places)}) [\w ,]{{2,60}}$"),
        signature=re.compile(rf"\b(?:{'|'.join(_all(data['signature']))})\b[\w ,'’-]{{0,40}}$"),
        range_end=frozenset(_all(data["range_end"])),
        printed=_all(data["printed"]),
        reference=re.compile(rf"\b(?:{_alternatives(_all(data['reference']))})\s*$"),
        month_languages=tuple(data["month_languages"]),
        joiners=tuple(data["joiners"]),
        place_date_articles=tuple(data["place_date_articles"]),
        place_prepositions=tuple(data["place_prepositions"]),
        month_first=re.compile(rf"\b(?:{_alternatives(data['month_first'])})\b"),
        day_first=re.compile(rf"\b(?:{_alternatives(data['day_first'])})\b"),
        issued=_all(data["issued"]),
        issued_after=re.compile(rf"^\s*(?:{'|'.join(_all(data['issued_after']))})"),
        signature_dates=frozenset(normalise(w) for w in _all(data["signature_dates"])),
        signature_words=re.compile(rf"\b(?:{_alternatives(_all(data['signature_words']))})\b"),
        legal_reference=_named_before(data["legal_reference"], data["legal_reference_joiners"]),
        identity_document=_named_before(data["identity_document"], data["identity_document_joiners"]),
        spelled_number_languages=tuple(data["spelled_number_languages"]),
        attached_part=re.compile(rf"^(?:{_alternatives(_all(data['attached_part']))})\b(?: \w+){{0,5}}$"),
    )
