"""Identity documents drawn to ICAO sizes at 300 dpi: passport data page, ID and residence
cards (front and back), visa sticker, and the ID photo itself.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

import numpy as np
from PIL import Image

from dossiercheck.workdays import add_years

from . import mrz
from .canvas import PageSpec, font, render
from .face import draw_portrait
from .people import Person, passport_date

DPI = 300
MM = DPI / 25.4


@dataclass
class Card:
    pages: list[Image.Image]
    dates: dict[str, dt.date]
    mrz: list[str] = field(default_factory=list)
    language: str | None = None


def _guilloche(w: int, h: int, rng: random.Random, tint: tuple[int, int, int]) -> Image.Image:
    """A pale security-print background: interleaved sine waves over a tint."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    f1, f2 = rng.uniform(0.01, 0.03), rng.uniform(0.004, 0.012)
    wave = np.sin(x * f1 + 8 * np.sin(y * f2)) * np.sin(y * f1 * 0.7 + 5 * np.sin(x * f2))
    base = np.array(tint, np.float32)[None, None, :]
    arr = base - (wave[..., None] > 0.92) * 28.0
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def _mrz_size(chars: int, width_px: float) -> int:
    """OCR-B point size whose pitch spreads `chars` characters over `width_px`."""
    size = 40
    while font("ocrb", size).getlength("<" * chars) < width_px:
        size += 1
    return size


def _mrz_band(page: PageSpec, lines: list[str], top: float, margin: float) -> None:
    width = page.width - 2 * margin
    size = _mrz_size(len(lines[0]), width)
    page.marks.append(("rect", 0, top - size * 0.4, page.width, page.height, None, (250, 250, 248)))
    for i, line in enumerate(lines):
        page.text(margin, top + i * size * 1.45, line, "ocrb", size, (10, 10, 10))


PASSPORT_LABELS = (
    (
        "Type / Type",
        "Code / Code",
        "Passport No. / N° du passeport",
        "Surname / Nom",
        "Given names / Prénoms",
        "Nationality / Nationalité",
        "Date of birth / Date de naissance",
        "Sex / Sexe",
        "Place of birth / Lieu de naissance",
        "Date of issue / Date de délivrance",
        "Authority / Autorité",
        "Date of expiry / Date d'expiration",
    ),
    (
        "1. Type",
        "2. Issuing State / État émetteur",
        "3. Document No. / N° du document",
        "4. Surname / Nom",
        "5. Given names / Prénoms",
        "6. Nationality / Nationalité",
        "7. Birth date / Date de naissance",
        "8. Sex / Sexe",
        "9. Birthplace / Lieu de naissance",
        "10. Issued on / Délivré le",
        "11. Issued by / Délivré par",
        "12. Valid until / Valable jusqu'au",
    ),
)


def passport(person: Person, expiry: dt.date, rng: random.Random, holdout: bool, fonts: tuple[str, str]) -> Card:
    """A TD3 data page (125 x 88 mm) with portrait, bilingual labels and a two-line MRZ."""
    w, h = round(125 * MM), round(88 * MM)
    page = PageSpec(w, h, DPI)
    page.marks.append(
        ("image", 0, 0, _guilloche(w, h, rng, rng.choice(((236, 226, 240), (226, 236, 232), (240, 234, 222)))))
    )
    issue = add_years(expiry, -rng.choice((5, 10))) + dt.timedelta(days=1)
    state = person.nationality.ljust(3, "<")
    lines = mrz.td3(
        "P",
        state,
        person.surname,
        person.given_names,
        person.document_number,
        state,
        person.birth_date,
        person.sex,
        expiry,
    )
    regular, bold = fonts
    labels = PASSPORT_LABELS[1 if holdout else 0]
    photo_w = round(33 * MM)
    photo_x = round(6 * MM) if not holdout else w - photo_w - round(6 * MM)
    page.marks.append(("image", photo_x, round(16 * MM), draw_portrait(photo_w, round(photo_w * 1.28), _face(person))))
    page.text(round(6 * MM), round(3 * MM), f"PASSPORT / PASSEPORT   {person.country('en').upper()}", bold, 44)
    x0 = photo_x + photo_w + round(5 * MM) if not holdout else round(6 * MM)
    values = [
        "P",
        state.strip("<"),
        person.document_number,
        person.surname.upper(),
        person.given_names.upper(),
        person.country("en").upper(),
        passport_date(person.birth_date, not holdout),
        person.sex,
        person.birth_place.upper(),
        passport_date(issue, not holdout),
        "MINISTRY OF FOREIGN AFFAIRS",
        passport_date(expiry, not holdout),
    ]
    y = round(13 * MM)
    cells = list(zip(labels, values, strict=False))
    rows = [cells[0:3], cells[3:4], cells[4:5], cells[5:6], cells[6:8], cells[8:9], cells[9:11], cells[11:12]]
    for row in rows:
        x = float(x0)
        for label, value in row:
            page.text(x, y, label, regular, 22, (70, 70, 90))
            page.text(x, y + 26, value, bold, 34)
            x += max(font(regular, 22).getlength(label), font(bold, 34).getlength(value)) + 40
        y += 76
    _mrz_band(page, lines, h - round(18 * MM), round(5 * MM))
    return Card([render(page)], {"expiry": expiry, "issue": issue, "birth": person.birth_date}, lines)


CARD_TITLES = {
    "id_card": ("IDENTITY CARD / CARTE D'IDENTITÉ", "PERSONALAUSWEIS / IDENTITY CARD"),
    "residence_card": ("TITRE DE SÉJOUR / VERBLIJFSTITEL / AUFENTHALTSTITEL", "RESIDENCE PERMIT / TITRE DE SÉJOUR"),
}
CARD_LABELS = (
    (
        "Nom / Surname",
        "Prénoms / Given names",
        "Date de naissance / Date of birth",
        "Nationalité / Nationality",
        "Date d'expiration / Date of expiry",
        "Date de délivrance / Date of issue",
    ),
    (
        "Naam / Name",
        "Voornamen / Vornamen",
        "Geboren / Geburtsdatum",
        "Nationaliteit / Nationalität",
        "Geldig tot / Gültig bis",
        "Afgegeven op / Ausgestellt am",
    ),
)


def card(
    kind: str, person: Person, expiry: dt.date, rng: random.Random, holdout: bool, fonts: tuple[str, str], stacked: bool
) -> Card:
    """A TD1 card (85.6 x 54 mm): front with portrait and fields, back with the three-line MRZ."""
    w, h = round(85.6 * MM), round(54 * MM)
    issue = add_years(expiry, -(10 if kind == "id_card" else rng.choice((1, 5)))) + dt.timedelta(days=1)
    state = person.nationality.ljust(3, "<") if kind == "id_card" else "BEL"
    code = "ID" if kind == "id_card" else "IR"
    lines = mrz.td1(
        code,
        state,
        person.surname,
        person.given_names,
        person.document_number,
        person.nationality.ljust(3, "<"),
        person.birth_date,
        person.sex,
        expiry,
    )
    regular, bold = fonts
    front = PageSpec(w, h, DPI)
    front.marks.append(("image", 0, 0, _guilloche(w, h, rng, rng.choice(((222, 234, 244), (244, 236, 222))))))
    photo_w = round(24 * MM)
    front.marks.append(
        ("image", round(4 * MM), round(11 * MM), draw_portrait(photo_w, round(photo_w * 1.28), _face(person)))
    )
    title = CARD_TITLES[kind][1 if holdout else 0]
    front.text(round(4 * MM), round(3 * MM), title, bold, 30)
    if kind == "residence_card":
        front.text(w - round(28 * MM), round(7 * MM), f"CARTE {rng.choice('ABEFHKL')}", bold, 34)
    labels = CARD_LABELS[1 if holdout else 0]
    fmt = "%d.%m.%Y" if not holdout else "%d %m %Y"
    values = [
        person.surname.upper(),
        person.given_names,
        person.birth_date.strftime(fmt),
        person.nationality.strip("<"),
        expiry.strftime(fmt),
        issue.strftime(fmt),
    ]
    x, y = round(4 * MM) + photo_w + round(4 * MM), round(11 * MM)
    for label, value in zip(labels, values, strict=False):
        front.text(x, y, label, regular, 20, (70, 70, 90))
        front.text(x, y + 22, value, bold, 30)
        y += 60
    back = PageSpec(w, h, DPI)
    back.marks.append(("image", 0, 0, _guilloche(w, h, rng, (238, 238, 232))))
    back.text(round(4 * MM), round(4 * MM), f"{person.birth_place.upper()}   {person.sex}", regular, 28)
    _mrz_band(back, lines, h - round(17 * MM), round(4 * MM))
    pages = [render(front), render(back)]
    if stacked:
        gap = round(6 * MM)
        sheet = Image.new("RGB", (w + 2 * gap, 2 * h + 3 * gap), (252, 252, 252))
        sheet.paste(pages[0], (gap, gap))
        sheet.paste(pages[1], (gap, h + 2 * gap))
        pages = [sheet]
    return Card(pages, {"expiry": expiry, "issue": issue, "birth": person.birth_date}, lines)


def visa(person: Person, start: dt.date, rng: random.Random, holdout: bool, fonts: tuple[str, str]) -> Card:
    """A Belgian type-D visa sticker with an MRV-A zone."""
    w, h = round(120 * MM), round(80 * MM)
    until = start + dt.timedelta(days=rng.choice((90, 180, 365)) - 1)
    issue = start - dt.timedelta(days=rng.randint(5, 40))
    number = "BEL" + "".join(rng.choice("0123456789") for _ in range(6))
    lines = mrz.mrva(
        "BEL",
        person.surname,
        person.given_names,
        number,
        person.nationality.ljust(3, "<"),
        person.birth_date,
        person.sex,
        until,
    )
    regular, bold = fonts
    page = PageSpec(w, h, DPI)
    page.marks.append(("image", 0, 0, _guilloche(w, h, rng, (234, 240, 226))))
    fmt = "%d-%m-%Y" if not holdout else "%d.%m.%y"
    rows = [
        ("VALABLE POUR / VALID FOR", "BELGIQUE"),
        ("DU / FROM", start.strftime(fmt)),
        ("AU / UNTIL", until.strftime(fmt)),
        ("TYPE DE VISA / TYPE OF VISA", "D"),
        ("DÉLIVRÉ À / ISSUED IN", rng.choice(("NEW DELHI", "RABAT", "ANKARA", "LAGOS"))),
        ("LE / ON", issue.strftime(fmt)),
        ("NUMÉRO DU PASSEPORT / PASSPORT NUMBER", person.document_number),
        ("NOM, PRÉNOM / SURNAME, NAME", f"{person.surname.upper()}, {person.given_names.upper()}"),
    ]
    page.text(round(5 * MM), round(3 * MM), "VISA", bold, 50)
    page.marks.append(
        ("image", w - round(30 * MM), round(4 * MM), draw_portrait(round(24 * MM), round(30 * MM), _face(person)))
    )
    y = round(12 * MM)
    for label, value in rows:
        page.text(round(5 * MM), y, label, regular, 20, (70, 70, 90))
        page.text(round(5 * MM) + 420, y - 4, value, bold, 28)
        y += 44
    _mrz_band(page, lines, h - round(16 * MM), round(4 * MM))
    return Card([render(page)], {"start": start, "expiry": until, "issue": issue}, lines)


def _face(person: Person) -> random.Random:
    """The same drawn face on every document of one person."""
    return random.Random(f"face:{person.document_number}")


def photo(person: Person, rng: random.Random) -> Card:
    """A 35 x 45 mm ID photo, sometimes at a higher resolution as from a photo booth file."""
    k = rng.choice((1.0, 1.0, 1.5))
    return Card([draw_portrait(round(413 * k), round(531 * k), _face(person))], {})
