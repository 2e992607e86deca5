"""Wordings of the legalisation papers: the Hague apostille and the sworn translator's statement.

Each list's last entry is the holdout wording, never used by the default set.
"""

from __future__ import annotations

from .content import Content, Ctx
from .wording_civil import CLOSING, birth_certificate, good_conduct

APOSTILLE_FIELDS = [
    (
        "Country / Pays",
        "Has been signed by / a été signé par",
        "Acting in the capacity of / agissant en qualité de",
        "Bears the seal/stamp of / est revêtu du sceau/timbre de",
        "at / à",
        "the / le",
        "by / par",
        "No / sous n°",
        "Seal/stamp / Sceau/timbre",
        "Signature",
    ),
    (
        "Land / Pays",
        "is ondertekend door",
        "handelend in de hoedanigheid van",
        "is voorzien van het zegel van",
        "te",
        "op",
        "door",
        "onder nr.",
        "Zegel/stempel",
        "Handtekening",
    ),
]


def apostille(ctx: Ctx) -> Content:
    """The ten numbered fields of the Hague Convention of 5 October 1961 model."""
    # The model is bilingual English/French; the holdout set uses a Dutch-labelled one.
    ctx.lang = "nl" if ctx.holdout else ("fr" if ctx.lang == "fr" else "en")
    c = Content("apostille", ctx.lang, "APOSTILLE")
    c.subtitle = "(Convention de La Haye du 5 octobre 1961)"
    fields = APOSTILLE_FIELDS[1] if ctx.holdout else APOSTILLE_FIELDS[0]
    country = ctx.person.country("en" if ctx.lang == "en" else "fr")
    values = [
        country,
        ctx.rng.choice(("M. Okafor", "R. Sharma", "L. Pereira", "E. Yilmaz")),
        ctx.rng.choice(("Registrar", "Civil status officer", "Notary public")),
        ctx.rng.choice(("Civil Registry", "Ministry of Justice", "Notary Office")),
        ctx.person.birth_place,
        ctx.d("issue"),
        "Ministry of Foreign Affairs",
        f"APO-{ctx.dates['issue'].year}-{ctx.rng.randint(10000, 99999)}",
        "[seal]",
        "",
    ]
    for i, (label, value) in enumerate(zip(fields, values, strict=False), start=1):
        if i == 1:
            c.h("Certified / Attesté" if not ctx.holdout else "Bevestigd")
        c.f(f"{i}. {label}", value)
    c.signer = values[6]
    c.stamp = "APOSTILLE"
    return c


SWORN_OATH = {
    "fr": [
        "Je soussigné(e), {t}, traducteur juré près le tribunal de première instance de {court}, certifie que "
        "la présente traduction est conforme à l'original rédigé en {src}.",
        "Traduction certifiée conforme à l'original par {t}, traducteur-interprète juré, inscrit au Registre "
        "national des experts judiciaires et des traducteurs, interprètes et traducteurs-interprètes jurés.",
        "Pour traduction fidèle et complète du document original en {src}, {t}, traducteur assermenté.",
    ],
    "nl": [
        "Ondergetekende, {t}, beëdigd vertaler bij de rechtbank van eerste aanleg te {court}, verklaart dat "
        "deze vertaling getrouw en volledig is ten opzichte van het origineel in het {src}.",
        "Voor eensluidende vertaling van het origineel, {t}, beëdigd vertaler-tolk, ingeschreven in het "
        "Nationaal Register van gerechtsdeskundigen en beëdigd vertalers.",
        "Vertaling conform het voorgelegde document in het {src}, door {t}, gezworen vertaler.",
    ],
    "de": [
        "Ich, {t}, beeidigte Übersetzerin beim Gericht erster Instanz {court}, bestätige die Richtigkeit und "
        "Vollständigkeit der vorstehenden Übersetzung aus dem {src}.",
        "Die Übereinstimmung der Übersetzung mit dem Original wird hiermit beglaubigt. {t}, vereidigter Übersetzer.",
        "Für die Richtigkeit der Übersetzung aus dem {src}: {t}, öffentlich bestellter Übersetzer.",
    ],
    "en": [
        "I, {t}, sworn translator at the Court of First Instance of {court}, certify that this is a true and "
        "complete translation of the original document in {src}.",
        "Certified true translation of the original by {t}, sworn translator registered in the Belgian "
        "National Register of sworn translators and interpreters.",
        "Translated faithfully from {src} by {t}, sworn translator, who declares it complete and accurate.",
    ],
}
TRANSLATION_TITLE = {
    "fr": ["TRADUCTION JURÉE", "Traduction certifiée conforme", "TRADUCTION OFFICIELLE"],
    "nl": ["BEËDIGDE VERTALING", "Gewaarmerkte vertaling", "OFFICIËLE VERTALING"],
    "de": ["BEGLAUBIGTE ÜBERSETZUNG", "Beeidigte Übersetzung", "AMTLICHE ÜBERSETZUNG"],
    "en": ["SWORN TRANSLATION", "Certified translation", "OFFICIAL TRANSLATION"],
}
SOURCE_LANG = {"fr": "langue turque", "nl": "Turks", "de": "Türkischen", "en": "Turkish"}


def sworn_translation(ctx: Ctx) -> Content:
    c = Content("sworn_translation", ctx.lang, ctx.pick(TRANSLATION_TITLE))
    translator = ctx.rng.choice(("Hanne De Smet", "Olivier Lambert", "Katrin Weber", "Sofia Marino"))
    c.issuer = [translator, ctx.rng.choice(("Bruxelles", "Antwerpen", "Liège", "Eupen"))]
    original = ctx.rng.choice((good_conduct, birth_certificate))
    inner = original(
        Ctx(
            ctx.rng,
            ctx.lang,
            ctx.person,
            ctx.holdout,
            dict(ctx.dates, issue=ctx.dates["original"], marriage=ctx.dates["original"]),
            ctx.city,
            ctx.address,
            ctx.style,
        )
    )
    c.h(f"[{inner.title}]")
    c.blocks.extend(inner.blocks)
    if inner.closing:
        c.p(inner.closing)
    c.other_dates.append(ctx.dates["original"])
    c.h("—")
    c.p(ctx.pick(SWORN_OATH).format(t=translator, court=c.issuer[1], src=SOURCE_LANG[ctx.lang]))
    c.closing = ctx.pick(CLOSING).format(city=c.issuer[1], date=ctx.d("issue"))
    c.signer = translator
    c.stamp = translator
    if "birth" in inner.dates:
        c.dates["birth"] = inner.dates["birth"]
    return c
