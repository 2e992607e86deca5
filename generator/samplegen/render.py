"""One document from type, person and dates to file bytes and its truth entry."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import cards, effects, wording_civil, wording_legal, wording_money, wording_work
from .canvas import FONT_SETS, HOLDOUT_FONT_SETS, HOLDOUT_PDF_FONT_SETS, PDF_FONT_SETS, render
from .content import Content, Ctx
from .layout import lay_out
from .people import Person
from .writers import MULTI_PAGE, encode, encode_text_pdf, file_name, jpeg_artefacts

DOC_TYPES = (
    "passport",
    "id_card",
    "residence_card",
    "visa",
    "lease",
    "good_conduct",
    "medical",
    "photo",
    "visa_application",
    "employment_contract",
    "work_permit",
    "professional_card",
    "health_insurance",
    "bank_statement",
    "birth_certificate",
    "marriage_certificate",
    "enrolment",
    "apostille",
    "sworn_translation",
)
CARD_TYPES = ("passport", "id_card", "residence_card", "visa", "photo")
WORDINGS: dict[str, Callable[[Ctx], Content]] = {
    "good_conduct": wording_civil.good_conduct,
    "medical": wording_civil.medical,
    "birth_certificate": wording_civil.birth_certificate,
    "marriage_certificate": wording_civil.marriage_certificate,
    "apostille": wording_legal.apostille,
    "sworn_translation": wording_legal.sworn_translation,
    "lease": wording_work.lease,
    "employment_contract": wording_work.employment_contract,
    "work_permit": wording_work.work_permit,
    "professional_card": wording_work.professional_card,
    "enrolment": wording_money.enrolment,
    "health_insurance": wording_money.health_insurance,
    "bank_statement": wording_money.bank_statement,
    "visa_application": wording_money.visa_application,
}
TEXT_FORMATS = (
    ("jpeg", 30),
    ("png", 12),
    ("pdf-scan", 18),
    ("pdf-text", 14),
    ("tiff", 6),
    ("heic", 8),
    ("webp", 7),
    ("bmp", 3),
)
CARD_FORMATS = (("jpeg", 40), ("png", 15), ("heic", 14), ("webp", 8), ("pdf-scan", 10), ("tiff", 6), ("bmp", 7))


def default_dates(doc_type: str, ref: dt.date, rng: random.Random) -> dict[str, dt.date]:
    """Plausible dates for a document filed on `ref`, all within the rules' limits."""

    def days(a: int, b: int) -> dt.timedelta:
        return dt.timedelta(days=rng.randint(a, b))

    if doc_type in ("passport", "id_card"):
        return {"expiry": ref + days(400, 3000)}
    if doc_type == "residence_card":
        return {"expiry": ref + days(60, 1500)}
    if doc_type == "visa":
        return {"start": ref - days(0, 6)}
    if doc_type in ("good_conduct", "medical", "enrolment", "apostille"):
        return {"issue": ref - days(8, 150)}
    if doc_type == "lease":
        issue = ref - days(10, 80)
        return {"issue": issue, "start": issue + days(0, 25)}
    if doc_type == "employment_contract":
        return {"issue": ref - days(20, 90), "start": ref + days(10, 60)}
    if doc_type == "work_permit":
        issue = ref - days(10, 90)
        return {"issue": issue, "start": issue + days(3, 20), "expiry": issue + days(370, 1100)}
    if doc_type == "professional_card":
        issue = ref - days(30, 200)
        return {"issue": issue, "expiry": issue + dt.timedelta(days=5 * 365)}
    if doc_type == "health_insurance":
        issue = ref - days(5, 60)
        return {"issue": issue, "start": issue, "expiry": issue + dt.timedelta(days=365)}
    if doc_type == "bank_statement":
        return {"issue": ref - days(3, 30)}
    if doc_type == "birth_certificate":
        return {"issue": ref - days(30, 300)}
    if doc_type == "marriage_certificate":
        return {"issue": ref - days(30, 200), "marriage": ref - days(700, 5000)}
    if doc_type == "sworn_translation":
        issue = ref - days(5, 60)
        return {"issue": issue, "original": issue - days(5, 40)}
    if doc_type == "visa_application":
        return {"issue": ref - days(1, 20), "passport_expiry": ref + days(400, 3000), "arrival": ref + days(20, 60)}
    return {}


@dataclass
class Request:
    """What to render; anything left None is chosen from the seed."""

    doc_type: str
    person: Person
    dates: dict[str, dt.date]
    stem: str
    holdout: bool = False
    lang: str | None = None
    fmt: str | None = None
    city: str = "Bruxelles"
    address: tuple[str, str] = ("Rue de la Victoire 112", "1060 Saint-Gilles")
    level: float = 0.5  # how much scan damage
    odd_names: bool = False
    rotation: str | None = None  # "none", "pixels", "exif" or None for chosen by seed
    phone: bool | None = None
    quality: int = 75
    exif_value: int | None = None  # forces this EXIF Orientation when rotation == "exif"
    extra: dict[str, Any] = field(default_factory=dict)


def _weighted(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([n for n, _ in table], weights=[w for _, w in table])[0]


def render_document(req: Request, rng: random.Random) -> tuple[str, bytes, dict[str, Any]]:
    """The file name, its bytes and its truth entry."""
    is_card = req.doc_type in CARD_TYPES
    fonts = rng.choice(HOLDOUT_FONT_SETS if req.holdout else FONT_SETS)
    fmt = req.fmt or _weighted(rng, CARD_FORMATS if is_card else TEXT_FORMATS)
    if is_card and fmt == "pdf-text":
        fmt = "pdf-scan"
    entry: dict[str, Any] = {"file": "", "type": req.doc_type, "language": None, "format": fmt}
    dpi = 150 if req.holdout or rng.random() < 0.7 else 200
    content: Content | None = None
    mrz: list[str] = []
    if is_card:
        if req.doc_type == "passport":
            made = cards.passport(req.person, req.dates["expiry"], rng, req.holdout, fonts)
        elif req.doc_type in ("id_card", "residence_card"):
            stacked = fmt not in MULTI_PAGE or rng.random() < 0.5
            made = cards.card(req.doc_type, req.person, req.dates["expiry"], rng, req.holdout, fonts, stacked)
        elif req.doc_type == "visa":
            made = cards.visa(req.person, req.dates["start"], rng, req.holdout, fonts)
        else:
            made = cards.photo(req.person, rng)
        pages, dates, mrz = made.pages, made.dates, made.mrz
    else:
        lang = req.lang or rng.choice(("fr", "nl", "de", "en"))
        entry["language"] = lang
        ctx = Ctx(rng, lang, req.person, req.holdout, dict(req.dates), req.city, req.address)
        content = WORDINGS[req.doc_type](ctx)
        entry["language"] = content.lang
        dates = {
            k: v
            for k, v in {**ctx.dates, **content.dates}.items()
            if k in ("issue", "start", "expiry", "birth", "marriage")
        }
        if fmt == "pdf-text":
            fonts = rng.choice(HOLDOUT_PDF_FONT_SETS if req.holdout else PDF_FONT_SETS)
        specs = lay_out(content, rng, dpi, fonts, req.holdout, scanned=fmt != "pdf-text")
        if len(specs) > 1 and fmt not in MULTI_PAGE:
            fmt = rng.choice(MULTI_PAGE)
            entry["format"] = fmt
        if fmt == "pdf-text":
            data = encode_text_pdf(specs, content.title)
            name, note = file_name(req.stem, fmt, rng, req.odd_names)
            entry.update(
                file=name,
                pages=len(specs),
                effects=[],
                dates=_iso(dates),
                person=req.person.truth(),
                other_dates=sorted({d.isoformat() for d in content.other_dates}),
            )
            if note:
                entry["name_note"] = note
            return name, data, entry
        pages = [render(s) for s in specs]
    if len(pages) > 1 and fmt not in MULTI_PAGE:
        fmt = rng.choice(("tiff", "pdf-scan"))
        entry["format"] = fmt
    phone = req.phone if req.phone is not None else None
    pages, names = effects.apply(
        pages,
        rng,
        card=is_card and req.doc_type != "photo",
        allow_phone=phone is not False,
        level=0.0 if phone else req.level,
        lossless=fmt in ("png", "tiff", "bmp"),
    )
    if phone and "phone-photo" not in names:
        pages = [effects.phone_photo(p, rng) for p in pages]
        names.append("phone-photo")
    rotation = req.rotation or rng.choices(("none", "pixels", "exif"), weights=(70, 15, 15 if fmt == "jpeg" else 0))[0]
    exif_value = None
    if rotation == "exif" and fmt == "jpeg":
        exif_value = req.exif_value or rng.randint(1, 8)
        pages = [effects.for_orientation(p, exif_value) for p in pages]
        names.append(f"exif-orientation-{exif_value}")
    elif rotation in ("pixels", "exif"):
        degrees = rng.choice((90, 180, 270))
        pages = [effects.rotate_clockwise(p, degrees) for p in pages]
        names.append(f"rotate{degrees}")
    if fmt in ("jpeg", "webp", "heic", "pdf-scan") and rng.random() < req.level * 0.2:
        pages = [jpeg_artefacts(p, rng) for p in pages]
        names.append("jpeg-artefacts")
    data = encode(pages, fmt, req.quality, exif_value, dpi if not is_card else 300)
    name, note = file_name(req.stem, fmt, rng, req.odd_names)
    entry.update(file=name, pages=len(pages), effects=names, dates=_iso(dates), person=req.person.truth())
    if mrz:
        entry["mrz"] = mrz
    if content is not None:
        entry["other_dates"] = sorted({d.isoformat() for d in content.other_dates})
    if note:
        entry["name_note"] = note
    return name, data, entry


def _iso(dates: dict[str, dt.date]) -> dict[str, str]:
    return {k: v.isoformat() for k, v in sorted(dates.items())}
