"""Wordings of study, insurance, bank and visa-form documents.

Each list's last entry is the holdout wording, never used by the default set.
"""

from __future__ import annotations

import datetime as dt

from .content import Content, Ctx, identity_fields
from .wording_civil import CLOSING
from .wording_work import PERMIT_LABELS

ENROL_TITLE = {
    "fr": ["ATTESTATION D'INSCRIPTION", "Attestation d'inscription régulière", "CERTIFICAT D'IMMATRICULATION"],
    "nl": ["INSCHRIJVINGSATTEST", "Attest van inschrijving als regulier student", "BEWIJS VAN INSCHRIJVING"],
    "de": ["IMMATRIKULATIONSBESCHEINIGUNG", "Studienbescheinigung", "EINSCHREIBEBESTÄTIGUNG"],
    "en": ["CERTIFICATE OF ENROLMENT", "Enrolment certificate (regular student)", "PROOF OF REGISTRATION"],
}
UNIS = (
    "Université libre de Bruxelles",
    "KU Leuven",
    "Universiteit Gent",
    "Université de Liège",
    "Vrije Universiteit Brussel",
)
ENROL_BODY = {
    "fr": (
        "Nous certifions que {name} est inscrit(e) comme étudiant(e) régulier(ère) pour l'année "
        "académique {year} en {prog}."
    ),
    "nl": "Wij verklaren dat {name} ingeschreven is als regulier student voor het academiejaar {year} in {prog}.",
    "de": "Hiermit wird bescheinigt, dass {name} im Studienjahr {year} als ordentlich Studierende(r) im "
    "Studiengang {prog} eingeschrieben ist.",
    "en": "This is to certify that {name} is enrolled as a regular full-time student for the academic "
    "year {year} in {prog}.",
}


def enrolment(ctx: Ctx) -> Content:
    c = Content("enrolment", ctx.lang, ctx.pick(ENROL_TITLE))
    c.issuer = [
        ctx.rng.choice(UNIS),
        {
            "fr": "Service des inscriptions",
            "nl": "Studentenadministratie",
            "de": "Studierendensekretariat",
            "en": "Registrar's Office",
        }[ctx.lang],
    ]
    year = ctx.dates["issue"].year if ctx.dates["issue"].month >= 8 else ctx.dates["issue"].year - 1
    identity_fields(c, ctx)
    c.f(
        {"fr": "Matricule", "nl": "Studentennummer", "de": "Matrikelnummer", "en": "Student number"}[ctx.lang],
        f"{ctx.rng.randint(100000, 999999)}",
    )
    c.p(
        ENROL_BODY[ctx.lang].format(
            name=ctx.person.full_name,
            year=f"{year}-{year + 1}",
            prog=ctx.rng.choice(("Master in Bioengineering", "Bachelor in Economics", "Master of Laws")),
        )
    )
    c.closing = ctx.pick(CLOSING).format(city=ctx.city, date=ctx.d("issue"))
    c.stamp = c.issuer[0]
    ctx.printed(c)
    return c


INSURANCE_TITLE = {
    "fr": [
        "ATTESTATION D'ASSURANCE SOINS DE SANTÉ",
        "Attestation d'affiliation – mutualité",
        "CERTIFICAT D'ASSURANCE MALADIE",
    ],
    "nl": ["ATTEST ZIEKTEVERZEKERING", "Aansluitingsattest ziekenfonds", "VERZEKERINGSBEWIJS GEZONDHEIDSZORG"],
    "de": ["KRANKENVERSICHERUNGSNACHWEIS", "Versicherungsbescheinigung", "MITGLIEDSBESCHEINIGUNG KRANKENKASSE"],
    "en": ["HEALTH INSURANCE CERTIFICATE", "Certificate of health insurance cover", "PROOF OF MEDICAL COVERAGE"],
}
INSURERS = ("Mutualité Chrétienne / CM", "Solidaris", "Partenamut", "Helan", "AXA Assistance", "Allianz Care")


def health_insurance(ctx: Ctx) -> Content:
    c = Content("health_insurance", ctx.lang, ctx.pick(INSURANCE_TITLE))
    c.issuer = [ctx.rng.choice(INSURERS)]
    lab = PERMIT_LABELS[ctx.lang]
    identity_fields(c, ctx)
    c.f(
        {"fr": "N° d'affiliation", "nl": "Lidnummer", "de": "Versichertennummer", "en": "Policy number"}[ctx.lang],
        f"{ctx.rng.randint(100, 999)}-{ctx.rng.randint(1000000, 9999999)}",
    )
    c.f(
        {"fr": "Couverture", "nl": "Dekking", "de": "Versicherungsschutz", "en": "Cover"}[ctx.lang],
        f"{lab[1]} {ctx.d('start')} {lab[2]} {ctx.d('expiry')}",
    )
    c.closing = ctx.pick(CLOSING).format(city=ctx.city, date=ctx.d("issue"))
    ctx.printed(c)
    return c


BANK_TITLE = {
    "fr": ["EXTRAIT DE COMPTE", "Relevé de compte", "EXTRAIT BANCAIRE"],
    "nl": ["REKENINGUITTREKSEL", "Rekeningoverzicht", "BANKAFSCHRIFT"],
    "de": ["KONTOAUSZUG", "Kontoübersicht", "FINANZSTATUS"],
    "en": ["ACCOUNT STATEMENT", "Bank statement", "STATEMENT OF ACCOUNT"],
}
BANKS = ("Banque Ardennaise", "KBC-like Bank", "Belfius-like Bank", "ING-like Bank", "Crédit Mosan")
TX = {
    "fr": ("Virement salaire", "Loyer", "Carte Delhaize", "Domiciliation Proximus", "Bourse d'études"),
    "nl": ("Overschrijving loon", "Huur", "Kaart Colruyt", "Domiciliëring Telenet", "Studiebeurs"),
    "de": ("Gehaltseingang", "Miete", "Kartenzahlung Aldi", "Lastschrift Versicherung", "Stipendium"),
    "en": ("Salary credit", "Rent", "Card payment grocery", "Direct debit telecom", "Scholarship"),
}


def belgian_iban(account: int) -> str:
    """A valid Belgian IBAN (national mod-97 key and IBAN check digits) for a 10-digit account."""
    key = account % 97 or 97
    bban = f"{account:010d}{key:02d}"
    check = 98 - int(bban + "111400") % 97  # "BE00" moved to the end, letters as numbers (B=11, E=14)
    iban = f"BE{check:02d}{bban}"
    return " ".join(iban[i : i + 4] for i in range(0, 16, 4))


def bank_statement(ctx: Ctx) -> Content:
    c = Content("bank_statement", ctx.lang, ctx.pick(BANK_TITLE))
    c.issuer = [ctx.rng.choice(BANKS)]
    iban = belgian_iban(ctx.rng.randrange(10**10))
    c.f(
        {"fr": "Titulaire", "nl": "Rekeninghouder", "de": "Kontoinhaber", "en": "Account holder"}[ctx.lang],
        ctx.person.full_name,
    )
    c.f("IBAN", iban)
    c.f("BIC", ctx.rng.choice(("GKCCBEBB", "KREDBEBB", "BBRUBEBB")))
    c.f(
        {"fr": "Date de l'extrait", "nl": "Datum uittreksel", "de": "Auszugsdatum", "en": "Statement date"}[ctx.lang],
        ctx.d("issue"),
    )
    balance: float = ctx.rng.randint(4000, 30000)
    c.f(
        {"fr": "Solde initial", "nl": "Beginsaldo", "de": "Anfangssaldo", "en": "Opening balance"}[ctx.lang],
        f"{balance:,.2f} EUR".replace(",", " "),
    )
    c.blocks.append(
        (
            "t",
            [
                {"fr": "Date", "nl": "Datum", "de": "Datum", "en": "Date"}[ctx.lang],
                {"fr": "Libellé", "nl": "Omschrijving", "de": "Buchungstext", "en": "Description"}[ctx.lang],
                {"fr": "Montant", "nl": "Bedrag", "de": "Betrag", "en": "Amount"}[ctx.lang],
            ],
        )
    )
    day = ctx.dates["issue"] - dt.timedelta(days=ctx.rng.choice((31, 62, 92)))  # a month or a quarter
    for _ in range(ctx.rng.randint(6, 60)):
        day += dt.timedelta(days=ctx.rng.randint(0, 4))
        if day >= ctx.dates["issue"]:
            break
        amount = ctx.rng.choice((1, -1)) * ctx.rng.randint(500, 250000) / 100
        balance += amount
        c.blocks.append(("t", [f"{day.day:02d}/{day.month:02d}", ctx.rng.choice(TX[ctx.lang]), f"{amount:+,.2f}"]))
        c.other_dates.append(day)
    c.f(
        {"fr": "Nouveau solde", "nl": "Nieuw saldo", "de": "Neuer Saldo", "en": "Closing balance"}[ctx.lang],
        f"{balance:,.2f} EUR".replace(",", " "),
    )
    return c


VISA_FORM_TITLE = {
    "en": ["APPLICATION FOR NATIONAL VISA (TYPE D)", "Long-stay visa application form", "NATIONAL VISA REQUEST"],
    "fr": [
        "DEMANDE DE VISA NATIONAL (TYPE D)",
        "Formulaire de demande de visa de long séjour",
        "REQUÊTE VISA NATIONAL",
    ],
    "nl": ["AANVRAAG NATIONAAL VISUM (TYPE D)", "Aanvraagformulier visum lang verblijf", "VERZOEK NATIONAAL VISUM"],
    "de": [
        "ANTRAG AUF EIN NATIONALES VISUM (TYP D)",
        "Antragsformular Visum für den längerfristigen Aufenthalt",
        "VISUMANTRAG NATIONAL",
    ],
}
VISA_FIELDS = {
    "en": (
        "1. Surname",
        "2. First name(s)",
        "3. Date of birth",
        "4. Place of birth",
        "5. Nationality",
        "6. Travel document number",
        "7. Valid until",
        "8. Purpose of stay",
        "9. Intended date of arrival",
        "Place and date",
        "Signature",
    ),
    "fr": (
        "1. Nom",
        "2. Prénom(s)",
        "3. Date de naissance",
        "4. Lieu de naissance",
        "5. Nationalité",
        "6. Numéro du document de voyage",
        "7. Valable jusqu'au",
        "8. Objet du séjour",
        "9. Date d'arrivée prévue",
        "Lieu et date",
        "Signature",
    ),
    "nl": (
        "1. Naam",
        "2. Voornamen",
        "3. Geboortedatum",
        "4. Geboorteplaats",
        "5. Nationaliteit",
        "6. Nummer reisdocument",
        "7. Geldig tot",
        "8. Doel van het verblijf",
        "9. Geplande aankomstdatum",
        "Plaats en datum",
        "Handtekening",
    ),
    "de": (
        "1. Familienname",
        "2. Vorname(n)",
        "3. Geburtsdatum",
        "4. Geburtsort",
        "5. Staatsangehörigkeit",
        "6. Nummer des Reisedokuments",
        "7. Gültig bis",
        "8. Zweck des Aufenthalts",
        "9. Geplantes Ankunftsdatum",
        "Ort und Datum",
        "Unterschrift",
    ),
}


def visa_application(ctx: Ctx) -> Content:
    p = ctx.person
    c = Content("visa_application", ctx.lang, ctx.pick(VISA_FORM_TITLE))
    c.issuer = [
        "Kingdom of Belgium / Royaume de Belgique / Koninkrijk België",
        "Federal Public Service Foreign Affairs",
    ]
    lab = VISA_FIELDS[ctx.lang]
    values = [
        p.surname.upper(),
        p.given_names,
        ctx.d(p.birth_date),
        p.birth_place,
        p.country(ctx.lang),
        p.document_number,
        ctx.d(ctx.dates["passport_expiry"]),
        ctx.rng.choice(("Employment / Travail", "Studies / Études", "Family / Famille")),
        ctx.d(ctx.dates["arrival"]),
        f"{p.birth_place}, {ctx.d('issue')}",
        "",
    ]
    for label, value in zip(lab, values, strict=False):
        c.f(label, value)
    c.dates["birth"] = p.birth_date
    c.other_dates += [ctx.dates["passport_expiry"], ctx.dates["arrival"]]
    c.signer = p.full_name
    return c
