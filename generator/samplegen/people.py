"""Fictitious applicants, and the dates written the way each language writes them.

Names are common given names and surnames drawn independently, so no combination
describes a real person on purpose.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

# ICAO code -> (country name in en, fr, nl, de), given names (F, M), surnames.
COUNTRIES: dict[str, tuple[tuple[str, str, str, str], tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "IND": (
        ("India", "Inde", "India", "Indien"),
        ("Priya", "Ananya", "Kavya"),
        ("Arjun", "Rohan", "Vikram"),
        ("Sharma", "Iyer", "Nair", "Reddy"),
    ),
    "MAR": (
        ("Morocco", "Maroc", "Marokko", "Marokko"),
        ("Salma", "Imane", "Nadia"),
        ("Youssef", "Karim", "Hamza"),
        ("El Amrani", "Benali", "Tazi", "Alaoui"),
    ),
    "BRA": (
        ("Brazil", "Brésil", "Brazilië", "Brasilien"),
        ("Mariana", "Beatriz", "Larissa"),
        ("Lucas", "Thiago", "Rafael"),
        ("Oliveira", "Souza", "Carvalho", "Pereira"),
    ),
    "USA": (
        ("United States", "États-Unis", "Verenigde Staten", "Vereinigte Staaten"),
        ("Emily", "Hannah", "Megan"),
        ("Jacob", "Tyler", "Nathan"),
        ("Miller", "Parker", "Brooks"),
    ),
    "TUR": (
        ("Türkiye", "Turquie", "Turkije", "Türkei"),
        ("Elif", "Zeynep", "Ayse"),
        ("Emre", "Burak", "Mehmet"),
        ("Yilmaz", "Demir", "Kaya", "Aydin"),
    ),
    "NGA": (
        ("Nigeria", "Nigeria", "Nigeria", "Nigeria"),
        ("Chioma", "Ngozi", "Amaka"),
        ("Emeka", "Tunde", "Chinedu"),
        ("Okafor", "Adeyemi", "Eze", "Balogun"),
    ),
    "PHL": (
        ("Philippines", "Philippines", "Filipijnen", "Philippinen"),
        ("Maria Clara", "Joy", "Angelica"),
        ("Mark Anthony", "Paolo", "Jericho"),
        ("Santos", "Reyes", "Dela Cruz", "Bautista"),
    ),
    "CAN": (
        ("Canada", "Canada", "Canada", "Kanada"),
        ("Chloe", "Sarah", "Olivia"),
        ("Liam", "Noah", "Ethan"),
        ("Tremblay", "Gagnon", "MacDonald"),
    ),
    "JPN": (
        ("Japan", "Japon", "Japan", "Japan"),
        ("Yui", "Haruka", "Aoi"),
        ("Haruto", "Sota", "Ren"),
        ("Sato", "Takahashi", "Watanabe"),
    ),
    "COD": (
        ("DR Congo", "RD Congo", "DR Congo", "DR Kongo"),
        ("Grace", "Esther", "Divine"),
        ("Patrick", "Christian", "Jean-Paul"),
        ("Mukendi", "Kabongo", "Ilunga"),
    ),
}
EU_COUNTRIES: dict[str, tuple[tuple[str, str, str, str], tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "FRA": (
        ("France", "France", "Frankrijk", "Frankreich"),
        ("Camille", "Léa", "Manon"),
        ("Théo", "Hugo", "Mathis"),
        ("Lefèvre", "Moreau", "Girard"),
    ),
    "D": (
        ("Germany", "Allemagne", "Duitsland", "Deutschland"),
        ("Jana", "Lena", "Sophie"),
        ("Jonas", "Lukas", "Felix"),
        ("Müller", "Schäfer", "Becker"),
    ),
    "ITA": (
        ("Italy", "Italie", "Italië", "Italien"),
        ("Giulia", "Chiara", "Sara"),
        ("Matteo", "Lorenzo", "Davide"),
        ("Rossi", "Ferrari", "Esposito"),
    ),
    "POL": (
        ("Poland", "Pologne", "Polen", "Polen"),
        ("Zofia", "Natalia", "Julia"),
        ("Jakub", "Kacper", "Piotr"),
        ("Nowak", "Kowalczyk", "Wójcik"),
    ),
    "ESP": (
        ("Spain", "Espagne", "Spanje", "Spanien"),
        ("Lucía", "Paula", "Carmen"),
        ("Pablo", "Javier", "Diego"),
        ("García", "Martín", "Navarro"),
    ),
    "ROU": (
        ("Romania", "Roumanie", "Roemenië", "Rumänien"),
        ("Ioana", "Andreea", "Elena"),
        ("Andrei", "Mihai", "Stefan"),
        ("Popescu", "Ionescu", "Dumitru"),
    ),
}
CITIES = {
    "IND": ("Pune", "Chennai"),
    "MAR": ("Casablanca", "Fès"),
    "BRA": ("Recife", "Curitiba"),
    "USA": ("Denver", "Columbus"),
    "TUR": ("Izmir", "Bursa"),
    "NGA": ("Lagos", "Enugu"),
    "PHL": ("Cebu City", "Davao"),
    "CAN": ("Halifax", "Québec"),
    "JPN": ("Osaka", "Sendai"),
    "COD": ("Kinshasa", "Lubumbashi"),
    "FRA": ("Lyon", "Rennes"),
    "D": ("Kassel", "Leipzig"),
    "ITA": ("Torino", "Bari"),
    "POL": ("Kraków", "Gdańsk"),
    "ESP": ("Valencia", "Bilbao"),
    "ROU": ("Cluj-Napoca", "Iași"),
}
BELGIAN_ADDRESSES = {
    "brussels": (
        ("Rue de la Victoire 112", "1060 Saint-Gilles"),
        ("Avenue Brugmann 41", "1190 Forest"),
        ("Chaussée de Wavre 230", "1050 Ixelles"),
    ),
    "flanders": (
        ("Kortrijksesteenweg 88", "9000 Gent"),
        ("Tiensestraat 17", "3000 Leuven"),
        ("Lange Kievitstraat 52", "2018 Antwerpen"),
    ),
    "wallonia": (
        ("Rue Saint-Gilles 59", "4000 Liège"),
        ("Rue de Bruxelles 24", "5000 Namur"),
        ("Boulevard Tirou 7", "6000 Charleroi"),
    ),
}
LANG_INDEX = {"en": 0, "fr": 1, "nl": 2, "de": 3}


@dataclass(frozen=True)
class Person:
    surname: str
    given_names: str
    sex: str  # "F" or "M", as in the MRZ
    birth_date: dt.date
    nationality: str  # ICAO code
    birth_place: str
    document_number: str

    @property
    def full_name(self) -> str:
        return f"{self.given_names} {self.surname}"

    def country(self, lang: str) -> str:
        table = COUNTRIES.get(self.nationality) or EU_COUNTRIES[self.nationality]
        return table[0][LANG_INDEX[lang]]

    def truth(self) -> dict[str, str]:
        return {"surname": self.surname, "given_names": self.given_names, "birth_date": self.birth_date.isoformat()}


def make_person(rng: random.Random, reference: dt.date, eu: bool = False, min_age: int = 19) -> Person:
    table = EU_COUNTRIES if eu else COUNTRIES
    code = rng.choice(sorted(table))
    _, women, men, surnames = table[code]
    sex = rng.choice("FM")
    given = rng.choice(women if sex == "F" else men)
    age_days = rng.randint(min_age * 365 + 10, 52 * 365)
    birth = reference - dt.timedelta(days=age_days)
    letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2))
    number = letters + "".join(rng.choice("0123456789") for _ in range(7))
    return Person(rng.choice(surnames), given, sex, birth, code, rng.choice(CITIES[code]), number)


def renamed(person: Person, rng: random.Random) -> Person:
    """The same person under another surname: the 'name_mismatch' fault."""
    pool = [s for c in COUNTRIES.values() for s in c[3]]
    other = rng.choice([s for s in pool if s != person.surname])
    return Person(
        other,
        person.given_names,
        person.sex,
        person.birth_date,
        person.nationality,
        person.birth_place,
        person.document_number,
    )


MONTHS = {
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "nl": (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "de": (
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
PASSPORT_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
PASSPORT_MONTHS_FR = ("JAN", "FÉV", "MARS", "AVR", "MAI", "JUIN", "JUIL", "AOÛT", "SEPT", "OCT", "NOV", "DÉC")

# Each language's usual written forms; the index is chosen per document by seed.
DATE_STYLES = {
    "fr": ("long", "slash", "long"),
    "nl": ("long", "dash", "slash"),
    "de": ("long", "dot", "dot"),
    "en": ("us", "long", "iso", "slash"),
}
# Never used by the default set: weekday-led long dates and each language's rarer numeric form.
HOLDOUT_DATE_STYLES = {
    "fr": ("weekday", "iso"),
    "nl": ("weekday", "iso"),
    "de": ("weekday", "iso"),
    "en": ("weekday", "dot"),
}
WEEKDAYS = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def format_date(d: dt.date, lang: str, style: str) -> str:
    """'14 mars 2031', '14 maart 2031', '14. März 2031', 'March 14, 2031', '14.03.2031', ..."""
    month = MONTHS[lang][d.month - 1]
    if style == "long":
        if lang == "de":
            return f"{d.day}. {month} {d.year}"
        if lang == "fr" and d.day == 1:
            return f"1er {month} {d.year}"
        return f"{d.day} {month} {d.year}"
    if style == "weekday":
        day = WEEKDAYS[lang][d.weekday()]
        if lang == "en":
            return f"{day}, {d.day} {month} {d.year}"
        return f"{day}, {d.day}. {month} {d.year}" if lang == "de" else f"{day} {d.day} {month} {d.year}"
    if style == "us":
        return f"{month} {d.day}, {d.year}"
    if style == "iso":
        return d.isoformat()
    if style == "slash":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "dash":
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


def passport_date(d: dt.date, bilingual: bool = True) -> str:
    """'14 MAR/MAR 2031' as printed in passport visual zones."""
    en = PASSPORT_MONTHS[d.month - 1]
    if not bilingual:
        return f"{d.day:02d} {en} {d.year}"
    return f"{d.day:02d} {PASSPORT_MONTHS_FR[d.month - 1]}/{en} {d.year}"
