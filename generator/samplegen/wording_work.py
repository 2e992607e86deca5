"""Wordings of housing and work documents.

Each list's last entry is the holdout wording, never used by the default set.
"""

from __future__ import annotations

from .content import LABELS, Content, Ctx, identity_fields
from .wording_civil import CLOSING

LEASE_TITLE = {
    "fr": ["CONTRAT DE BAIL DE RÉSIDENCE PRINCIPALE", "Bail de résidence principale", "CONVENTION DE LOCATION"],
    "nl": ["HUUROVEREENKOMST VOOR EEN HOOFDVERBLIJFPLAATS", "Woninghuurovereenkomst", "HUURCONTRACT WONING"],
    "de": ["MIETVERTRAG FÜR WOHNRAUM", "Wohnungsmietvertrag", "MIETVERTRAG (HAUPTWOHNSITZ)"],
    "en": ["RESIDENTIAL LEASE AGREEMENT", "Lease agreement – main residence", "TENANCY AGREEMENT"],
}
LEASE_PARTS = {
    "fr": [
        (
            "Entre les soussignés: {landlord}, ci-après dénommé « le bailleur », et {tenant}, ci-après dénommé "
            "« le preneur », il a été convenu ce qui suit.",
            "Article 1 – Objet. Le bailleur donne en location au preneur, qui accepte, le bien situé {addr}, "
            "destiné à usage de résidence principale.",
            "Article 2 – Durée. Le bail est conclu pour une durée de {years} ans prenant cours le {start}.",
            "Article 3 – Loyer. Le loyer mensuel est fixé à {rent} EUR, payable anticipativement le premier de "
            "chaque mois. Les charges sont fixées forfaitairement à {charges} EUR.",
            "Article 4 – Garantie locative. Le preneur constitue une garantie de {deposit} EUR sur un compte "
            "bloqué à son nom.",
            "Article 5 – Enregistrement. Le bailleur fait enregistrer le présent bail dans les deux mois.",
        ),
        (
            "Le bailleur {landlord} loue à {tenant} le logement sis {addr}.",
            "Prise d'effet: le {start}, pour {years} ans. Loyer: {rent} EUR par mois, provision pour charges "
            "{charges} EUR.",
            "Garantie: {deposit} EUR. État des lieux d'entrée dressé contradictoirement.",
            "Le preneur pourra s'y domicilier.",
        ),
    ],
    "nl": [
        (
            "Tussen de ondergetekenden: {landlord}, hierna « de verhuurder », en {tenant}, hierna « de huurder », "
            "wordt overeengekomen wat volgt.",
            "Artikel 1 – Voorwerp. De verhuurder verhuurt aan de huurder het goed gelegen te {addr}, bestemd als "
            "hoofdverblijfplaats.",
            "Artikel 2 – Duur. De huur wordt gesloten voor {years} jaar, ingaand op {start}.",
            "Artikel 3 – Huurprijs. De maandelijkse huurprijs bedraagt {rent} EUR, vooraf te betalen. Kosten: "
            "{charges} EUR per maand.",
            "Artikel 4 – Huurwaarborg. De huurder stelt een waarborg van {deposit} EUR op een geblokkeerde rekening.",
            "Artikel 5 – Registratie. De verhuurder laat deze overeenkomst registreren binnen twee maanden.",
        ),
        (
            "Verhuurder {landlord} verhuurt aan {tenant} de woning te {addr}.",
            "Aanvang: {start}, duur {years} jaar. Huur: {rent} EUR per maand, voorschot kosten {charges} EUR.",
            "Waarborg: {deposit} EUR. Plaatsbeschrijving bij intrede.",
            "De huurder mag er zijn domicilie vestigen.",
        ),
    ],
    "de": [
        (
            "Zwischen {landlord} (Vermieter) und {tenant} (Mieter) wird folgender Mietvertrag geschlossen.",
            "§ 1 Mietsache. Vermietet wird die Wohnung {addr} zur Nutzung als Hauptwohnsitz.",
            "§ 2 Mietdauer. Das Mietverhältnis beginnt am {start} und wird für {years} Jahre geschlossen.",
            "§ 3 Miete. Die monatliche Miete beträgt {rent} EUR zuzüglich Nebenkosten von {charges} EUR.",
            "§ 4 Kaution. Der Mieter leistet eine Mietsicherheit von {deposit} EUR.",
            "§ 5 Registrierung. Der Vermieter lässt den Vertrag binnen zwei Monaten registrieren.",
        ),
        (
            "Vermieter {landlord} vermietet an {tenant} die Wohnung {addr}.",
            "Mietbeginn: {start}; Laufzeit {years} Jahre. Miete {rent} EUR, Nebenkosten {charges} EUR.",
            "Kaution: {deposit} EUR. Übergabeprotokoll bei Einzug.",
            "Der Mieter darf dort seinen Wohnsitz anmelden.",
        ),
    ],
    "en": [
        (
            "Between the undersigned: {landlord} (the Landlord) and {tenant} (the Tenant), it is agreed as follows.",
            "1. Premises. The Landlord lets to the Tenant the dwelling at {addr}, as the Tenant's main residence.",
            "2. Term. The lease is granted for {years} years commencing on {start}.",
            "3. Rent. The monthly rent is EUR {rent}, payable in advance; service charges EUR {charges}.",
            "4. Deposit. The Tenant lodges a rental deposit of EUR {deposit} in a blocked account.",
            "5. Registration. The Landlord shall register this lease within two months.",
        ),
        (
            "{landlord} lets to {tenant} the flat at {addr}.",
            "Start date: {start}; term {years} years. Rent EUR {rent} per month plus EUR {charges} charges.",
            "Deposit EUR {deposit}. Check-in inventory attached.",
            "The Tenant may register this address as domicile.",
        ),
    ],
}
# General conditions, appended to about half the leases so that some run to two pages.
LEASE_CONDITIONS = {
    "fr": (
        "Entretien. Le preneur effectue les réparations locatives et d'entretien courant; les grosses "
        "réparations incombent au bailleur conformément au Code civil.",
        "Assurance. Le preneur fait assurer sa responsabilité locative contre l'incendie et les dégâts des eaux "
        "et en justifie à première demande.",
        "Performance énergétique. Le certificat PEB du logement a été communiqué au preneur avant la signature.",
        "Indexation. Le loyer est indexé une fois par an à la date anniversaire de l'entrée en vigueur du bail, "
        "selon l'indice santé.",
        "Résiliation. Le preneur peut mettre fin au bail à tout moment moyennant un préavis de trois mois.",
        "Sous-location. La sous-location totale est interdite; la cession du bail requiert l'accord écrit du bailleur.",
        "Visites. En cas de mise en vente ou de fin de bail, le preneur permet la visite deux jours par semaine, "
        "trois heures consécutives.",
    ),
    "nl": (
        "Onderhoud. De huurder voert de huurherstellingen en het gewone onderhoud uit; grote herstellingen zijn "
        "ten laste van de verhuurder.",
        "Verzekering. De huurder verzekert zijn huurdersaansprakelijkheid tegen brand en waterschade en legt het "
        "bewijs voor op eerste verzoek.",
        "Energieprestatie. Het EPC-certificaat van de woning werd vóór de ondertekening aan de huurder bezorgd.",
        "Indexering. De huurprijs wordt jaarlijks op de verjaardag van de inwerkingtreding geïndexeerd volgens "
        "de gezondheidsindex.",
        "Opzegging. De huurder kan de huur te allen tijde beëindigen met een opzegtermijn van drie maanden.",
        "Onderverhuring. Volledige onderverhuring is verboden; overdracht van de huur vereist schriftelijk "
        "akkoord van de verhuurder.",
        "Bezoek. Bij verkoop of einde van de huur staat de huurder bezoeken toe, twee dagen per week, drie "
        "opeenvolgende uren.",
    ),
    "de": (
        "Instandhaltung. Der Mieter trägt die kleinen Instandsetzungen und die laufende Pflege; größere "
        "Reparaturen obliegen dem Vermieter.",
        "Versicherung. Der Mieter versichert seine Mieterhaftung gegen Brand- und Wasserschäden und weist dies "
        "auf Verlangen nach.",
        "Energieausweis. Der Energieausweis der Wohnung wurde dem Mieter vor der Unterzeichnung übergeben.",
        "Indexierung. Die Miete wird jährlich zum Jahrestag des Mietbeginns nach dem Gesundheitsindex angepasst.",
        "Kündigung. Der Mieter kann den Vertrag jederzeit mit einer Frist von drei Monaten kündigen.",
        "Untervermietung. Eine vollständige Untervermietung ist untersagt; die Abtretung bedarf der "
        "schriftlichen Zustimmung des Vermieters.",
        "Besichtigung. Bei Verkauf oder Vertragsende gestattet der Mieter Besichtigungen an zwei Tagen pro Woche.",
    ),
    "en": (
        "Maintenance. The Tenant carries out minor repairs and routine upkeep; major repairs are the "
        "Landlord's responsibility under the Civil Code.",
        "Insurance. The Tenant insures their tenant's liability against fire and water damage and shows proof "
        "on request.",
        "Energy performance. The energy performance certificate of the dwelling was given to the Tenant before "
        "signature.",
        "Indexation. The rent is indexed once a year on the anniversary of the start date, using the health index.",
        "Termination. The Tenant may end the lease at any time with three months' notice.",
        "Subletting. Subletting the whole dwelling is forbidden; assignment needs the Landlord's written consent.",
        "Viewings. When the dwelling is for sale or the lease ends, the Tenant allows viewings two days a week.",
    ),
}
LANDLORDS = ("Immo Zuid SRL", "M. Jean Vandamme", "Mevr. Els Peeters", "Logis Meuse SA", "Dr. Karl Hoffmann")


def lease(ctx: Ctx) -> Content:
    c = Content("lease", ctx.lang, ctx.pick(LEASE_TITLE))
    parts = LEASE_PARTS[ctx.lang][1] if ctx.holdout else LEASE_PARTS[ctx.lang][0]
    values = dict(
        landlord=ctx.rng.choice(LANDLORDS),
        tenant=ctx.person.full_name,
        addr=", ".join(ctx.address),
        years=ctx.rng.choice((1, 3, 9)),
        start=ctx.d("start"),
        rent=ctx.rng.randrange(650, 1400, 25),
        charges=ctx.rng.randrange(40, 160, 10),
    )
    values["deposit"] = int(values["rent"]) * 2  # type: ignore[call-overload]
    if ctx.rng.random() < 0.5:
        c.f(LABELS["ref"][ctx.lang], ctx.ref()[0])
    if ctx.rng.random() < 0.6:
        identity_fields(c, ctx, with_passport=ctx.rng.random() < 0.4)
    for text in parts:
        c.p(text.format(**values))
    if ctx.rng.random() < 0.5:
        c.h(
            {
                "fr": "Conditions générales",
                "nl": "Algemene voorwaarden",
                "de": "Allgemeine Bestimmungen",
                "en": "General conditions",
            }[ctx.lang]
        )
        for text in LEASE_CONDITIONS[ctx.lang]:
            c.p(text)
    sign = {
        "fr": "Fait en deux exemplaires à {city}, le {date}",
        "nl": "Opgemaakt in twee exemplaren te {city} op {date}",
        "de": "{city}, den {date} (Unterschrift beider Parteien)",
        "en": "Signed in duplicate at {city} on {date}",
    }[ctx.lang]
    c.closing = sign.format(city=ctx.city, date=ctx.d("issue"))
    c.signer = {
        "fr": "Le bailleur          Le preneur",
        "nl": "De verhuurder          De huurder",
        "de": "Vermieter          Mieter",
        "en": "Landlord          Tenant",
    }[ctx.lang]
    return c


CONTRACT_TITLE = {
    "fr": ["CONTRAT DE TRAVAIL D'EMPLOYÉ À DURÉE INDÉTERMINÉE", "Contrat de travail", "CONTRAT D'EMPLOI"],
    "nl": ["ARBEIDSOVEREENKOMST VOOR BEDIENDEN VAN ONBEPAALDE DUUR", "Arbeidsovereenkomst", "TEWERKSTELLINGSCONTRACT"],
    "de": ["ARBEITSVERTRAG FÜR ANGESTELLTE", "Arbeitsvertrag (unbefristet)", "ANSTELLUNGSVERTRAG"],
    "en": ["EMPLOYMENT CONTRACT", "Contract of employment (open-ended)", "LETTER OF APPOINTMENT"],
}
CONTRACT_PARTS = {
    "fr": (
        "L'employeur {employer}, établi à {city}, engage {name} en qualité de {job}.",
        "Le présent contrat prend cours le {start}. Le lieu de travail est situé à {city}.",
        "La rémunération mensuelle brute s'élève à {salary} EUR pour un horaire de 38 heures par semaine.",
        "Commission paritaire {cp}. Période de préavis selon la loi du 3 juillet 1978.",
    ),
    "nl": (
        "De werkgever {employer}, gevestigd te {city}, neemt {name} in dienst als {job}.",
        "Deze overeenkomst gaat in op {start}. De plaats van tewerkstelling is {city}.",
        "Het bruto maandloon bedraagt {salary} EUR voor een arbeidsduur van 38 uur per week.",
        "Paritair comité {cp}. Opzeggingstermijnen volgens de wet van 3 juli 1978.",
    ),
    "de": (
        "Der Arbeitgeber {employer} mit Sitz in {city} stellt {name} als {job} ein.",
        "Das Arbeitsverhältnis beginnt am {start}. Arbeitsort ist {city}.",
        "Das monatliche Bruttogehalt beträgt {salary} EUR bei 38 Wochenstunden.",
        "Paritätische Kommission {cp}. Kündigungsfristen nach dem Gesetz vom 3. Juli 1978.",
    ),
    "en": (
        "The employer {employer}, established in {city}, employs {name} as {job}.",
        "This contract takes effect on {start}. The place of work is {city}.",
        "The gross monthly salary is EUR {salary} for 38 hours per week.",
        "Joint committee {cp}. Notice periods according to the Act of 3 July 1978.",
    ),
}
EMPLOYERS = (
    "Brightline Analytics NV",
    "Atelier Meuse SRL",
    "Nordzee Logistics BV",
    "Helix Pharma SA",
    "Quantis Engineering GmbH",
)
JOBS = {
    "fr": ("ingénieur logiciel", "chercheur", "comptable"),
    "nl": ("software-ingenieur", "onderzoeker", "boekhouder"),
    "de": ("Softwareingenieur", "Forscher", "Buchhalter"),
    "en": ("software engineer", "researcher", "accountant"),
}


def employment_contract(ctx: Ctx) -> Content:
    c = Content("employment_contract", ctx.lang, ctx.pick(CONTRACT_TITLE))
    employer = ctx.rng.choice(EMPLOYERS)
    c.issuer = [
        employer,
        f"BCE/KBO 0{ctx.rng.randint(400, 899)}.{ctx.rng.randint(100, 999)}.{ctx.rng.randint(100, 999)}",
    ]
    parts: tuple[str, ...] = CONTRACT_PARTS[ctx.lang]
    if ctx.holdout:
        parts = tuple(reversed(parts))
    values = dict(
        employer=employer,
        city=ctx.city,
        name=ctx.person.full_name,
        job=ctx.rng.choice(JOBS[ctx.lang]),
        start=ctx.d("start"),
        salary=f"{ctx.rng.randrange(3400, 6800, 50):,}".replace(",", "."),
        cp=ctx.rng.choice(("200", "207", "218")),
    )
    identity_fields(c, ctx)
    for text in parts:
        c.p(text.format(**values))
    c.closing = ctx.pick(CLOSING).format(city=ctx.city, date=ctx.d("issue"))
    c.signer = {
        "fr": "L'employeur          Le travailleur",
        "nl": "De werkgever          De werknemer",
        "de": "Arbeitgeber          Arbeitnehmer",
        "en": "Employer          Employee",
    }[ctx.lang]
    return c


PERMIT_TITLE = {
    "fr": ["PERMIS UNIQUE – AUTORISATION DE TRAVAIL", "Décision d'autorisation de travail", "PERMIS DE TRAVAIL B"],
    "nl": ["GECOMBINEERDE VERGUNNING – ARBEIDSTOELATING", "Beslissing arbeidstoelating", "ARBEIDSKAART B"],
    "de": ["KOMBINIERTE ERLAUBNIS – ARBEITSERLAUBNIS", "Beschäftigungserlaubnis", "ARBEITSKARTE B"],
    "en": ["SINGLE PERMIT – WORK AUTHORISATION", "Work authorisation decision", "WORK PERMIT"],
}
PERMIT_ISSUER = {
    "fr": ["Service public de Wallonie", "Région de Bruxelles-Capitale – Migration économique"],
    "nl": ["Departement Werk en Sociale Economie", "Vlaamse overheid – Economische migratie"],
    "de": ["Ministerium der Deutschsprachigen Gemeinschaft", "Fachbereich Beschäftigung"],
    "en": ["Brussels-Capital Region – Economic Migration", "Flemish Government – Economic Migration"],
}
PERMIT_LABELS = {
    "fr": ("Employeur", "Valable du", "au", "Date de la décision"),
    "nl": ("Werkgever", "Geldig van", "tot", "Datum van de beslissing"),
    "de": ("Arbeitgeber", "Gültig vom", "bis", "Datum der Entscheidung"),
    "en": ("Employer", "Valid from", "until", "Date of decision"),
}


def work_permit(ctx: Ctx) -> Content:
    c = Content("work_permit", ctx.lang, ctx.pick(PERMIT_TITLE))
    c.issuer = list(ctx.rng.choice(PERMIT_ISSUER[ctx.lang]).split(" – "))
    lab = PERMIT_LABELS[ctx.lang]
    ref, fake = ctx.ref()
    c.f(LABELS["ref"][ctx.lang], ref)
    c.other_dates.append(fake)
    identity_fields(c, ctx, with_passport=True)
    c.f(lab[0], ctx.rng.choice(EMPLOYERS))
    c.f(lab[1], f"{ctx.d('start')} {lab[2]} {ctx.d('expiry')}")
    c.f(lab[3], ctx.d("issue"))
    c.closing = ctx.pick(CLOSING).format(city=ctx.city, date=ctx.d("issue"))
    c.signer = c.issuer[0]
    c.stamp = c.issuer[0]
    return c


PRO_TITLE = {
    "fr": ["CARTE PROFESSIONNELLE", "Carte professionnelle pour ressortissant étranger", "AUTORISATION D'ACTIVITÉ"],
    "nl": ["BEROEPSKAART", "Beroepskaart voor buitenlandse zelfstandigen", "MACHTIGING ZELFSTANDIGE"],
    "de": ["BERUFSKARTE", "Berufskarte für ausländische Selbstständige", "GEWERBEERLAUBNIS"],
    "en": ["PROFESSIONAL CARD", "Professional card for foreign self-employed persons", "SELF-EMPLOYMENT PERMIT"],
}


def professional_card(ctx: Ctx) -> Content:
    c = Content("professional_card", ctx.lang, ctx.pick(PRO_TITLE))
    c.issuer = ["SPF Économie / FOD Economie", ctx.city]
    lab = PERMIT_LABELS[ctx.lang]
    identity_fields(c, ctx, with_passport=True)
    c.f(
        {"fr": "Activité", "nl": "Activiteit", "de": "Tätigkeit", "en": "Activity"}[ctx.lang],
        ctx.rng.choice(("IT consultancy", "Restaurant", "Graphic design")),
    )
    c.f(lab[1], f"{ctx.d('issue')} {lab[2]} {ctx.d('expiry')}")
    c.closing = ctx.pick(CLOSING).format(city=ctx.city, date=ctx.d("issue"))
    c.stamp = "SPF Économie"
    return c
