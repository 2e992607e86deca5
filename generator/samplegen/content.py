"""What a text document says, before it is laid out: title, issuer, blocks and its dates."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from .people import DATE_STYLES, HOLDOUT_DATE_STYLES, Person, format_date


@dataclass
class Content:
    type: str
    lang: str
    title: str
    issuer: list[str] = field(default_factory=list)
    subtitle: str = ""
    # ("p", text) paragraph | ("f", label, value) field | ("h", text) heading | ("t", [cells]) table row
    blocks: list[tuple[Any, ...]] = field(default_factory=list)
    closing: str = ""  # "Fait à Bruxelles, le 14 mars 2031"
    signer: str = ""
    stamp: str = ""
    footer: str = ""  # reference numbers and printed-on dates: distractors for date extraction
    dates: dict[str, dt.date] = field(default_factory=dict)
    other_dates: list[dt.date] = field(default_factory=list)

    def p(self, text: str) -> None:
        self.blocks.append(("p", text))

    def f(self, label: str, value: str) -> None:
        self.blocks.append(("f", label, value))

    def h(self, text: str) -> None:
        self.blocks.append(("h", text))


@dataclass
class Ctx:
    """Everything a wording function needs to write one document."""

    rng: random.Random
    lang: str
    person: Person
    holdout: bool
    dates: dict[str, dt.date]  # the dates this document must carry (issue, start, expiry, ...)
    city: str = "Bruxelles"
    address: tuple[str, str] = ("Rue de la Victoire 112", "1060 Saint-Gilles")
    style: str = ""

    def __post_init__(self) -> None:
        styles = HOLDOUT_DATE_STYLES if self.holdout else DATE_STYLES
        if not self.style:
            self.style = self.rng.choice(styles[self.lang])

    def d(self, key_or_date: str | dt.date) -> str:
        value = self.dates[key_or_date] if isinstance(key_or_date, str) else key_or_date
        return format_date(value, self.lang, self.style)

    def pick(self, table: dict[str, Any]) -> Any:
        """A wording for this language from the default or the holdout list."""
        options = table[self.lang]
        split = max(1, len(options) - 1) if len(options) > 1 else 1
        pool = options[split:] if self.holdout and len(options) > 1 else options[:split]
        return self.rng.choice(pool)

    def ref(self) -> tuple[str, dt.date]:
        """A reference number that looks like a date, and the date it looks like."""
        base = self.dates.get("issue") or next(iter(self.dates.values()))
        fake = base - dt.timedelta(days=self.rng.randint(3, 400))
        kind = self.rng.randrange(3)
        if kind == 0:
            text = f"{fake.year}/{fake.month:02d}{fake.day:02d}/{self.rng.randint(1000, 9999)}"
        elif kind == 1:
            text = f"{fake.strftime('%Y%m%d')}-{self.rng.randint(10, 999):03d}"
        else:
            text = f"{fake.day:02d}.{fake.month:02d}.{fake.year % 100:02d}/{self.rng.randint(100, 999)}"
        return text, fake

    def printed(self, content: Content) -> None:
        """A 'printed on' footer: a date after the issue date that is not the issue date."""
        if self.rng.random() < 0.6 and "issue" in self.dates:
            when = self.dates["issue"] + dt.timedelta(days=self.rng.randint(1, 20))
            label = {"fr": "Imprimé le", "nl": "Afgedrukt op", "de": "Gedruckt am", "en": "Printed on"}[self.lang]
            content.footer = (content.footer + "   " if content.footer else "") + f"{label} {self.d(when)}"
            content.other_dates.append(when)


LABELS = {
    "name": {"fr": "Nom et prénoms", "nl": "Naam en voornamen", "de": "Name, Vorname(n)", "en": "Full name"},
    "birth": {"fr": "Né(e) le", "nl": "Geboren op", "de": "Geboren am", "en": "Date of birth"},
    "place": {"fr": "à", "nl": "te", "de": "in", "en": "Place of birth"},
    "nationality": {"fr": "Nationalité", "nl": "Nationaliteit", "de": "Staatsangehörigkeit", "en": "Nationality"},
    "passport": {"fr": "N° de passeport", "nl": "Paspoortnummer", "de": "Reisepassnummer", "en": "Passport number"},
    "address": {"fr": "Adresse", "nl": "Adres", "de": "Anschrift", "en": "Address"},
    "ref": {"fr": "Réf.", "nl": "Ref.", "de": "Aktenzeichen", "en": "Ref. no."},
    "page": {"fr": "Page", "nl": "Pagina", "de": "Seite", "en": "Page"},
}


def identity_fields(c: Content, ctx: Ctx, with_passport: bool = False) -> None:
    """The applicant's identity block, which carries the birth date as a distractor."""
    p = ctx.person
    lang = ctx.lang
    c.f(LABELS["name"][lang], f"{p.surname.upper()} {p.given_names}")
    if lang == "en":
        c.f(LABELS["birth"][lang], ctx.d(p.birth_date))
        c.f(LABELS["place"][lang], p.birth_place)
    else:
        c.f(LABELS["birth"][lang], f"{ctx.d(p.birth_date)} {LABELS['place'][lang]} {p.birth_place}")
    c.f(LABELS["nationality"][lang], p.country(lang))
    if with_passport:
        c.f(LABELS["passport"][lang], p.document_number)
    c.dates.setdefault("birth", p.birth_date)
