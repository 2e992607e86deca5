"""Wordings of certificates: good conduct, medical, civil status, apostille, sworn translation.

Each list's last entry is the holdout wording, never used by the default set.
"""

from __future__ import annotations

from .content import LABELS, Content, Ctx, identity_fields

GOOD_CONDUCT_TITLE = {
    "fr": [
        "EXTRAIT DE CASIER JUDICIAIRE",
        "Extrait du casier judiciaire – Bulletin n° 3",
        "CERTIFICAT DE BONNE VIE ET MŒURS",
    ],
    "nl": [
        "UITTREKSEL UIT HET STRAFREGISTER",
        "Uittreksel uit het Centraal Strafregister",
        "GETUIGSCHRIFT VAN GOED GEDRAG EN ZEDEN",
    ],
    "de": ["FÜHRUNGSZEUGNIS", "Führungszeugnis zur Vorlage bei einer Behörde", "Auszug aus dem Strafregister"],
    "en": ["POLICE CLEARANCE CERTIFICATE", "Criminal Record Certificate", "CERTIFICATE OF GOOD CONDUCT"],
}
GOOD_CONDUCT_ISSUER = {
    "fr": [
        ["Ministère de la Justice", "Direction des Affaires criminelles", "Casier judiciaire national"],
        ["Royaume du Maroc", "Direction Générale de la Sûreté Nationale"],
        ["République", "Service du casier judiciaire", "Bureau central"],
    ],
    "nl": [
        ["Federale Overheidsdienst Justitie", "Centraal Strafregister"],
        ["Gemeente", "Dienst Bevolking"],
        ["Ministerie van Justitie en Veiligheid", "Justis – screeningsautoriteit"],
    ],
    "de": [
        ["Bundesamt für Justiz", "Bundeszentralregister", "53094 Bonn"],
        ["Bundesamt für Justiz", "Referat IV"],
        ["Landespolizeidirektion", "Strafregisteramt"],
    ],
    "en": [
        ["Ministry of Home Affairs", "Criminal Records Office"],
        ["National Police Service", "Records Division"],
        ["Department of Justice", "Central Records Bureau"],
    ],
}
GOOD_CONDUCT_BODY = {
    "fr": [
        "Il résulte des recherches effectuées que la personne désignée ci-dessus ne fait l'objet d'aucune "
        "condamnation inscrite au casier judiciaire. Néant.",
        "Le présent extrait atteste qu'aucune condamnation pénale n'est enregistrée au nom de l'intéressé(e) "
        "à la date de sa délivrance.",
        "Après vérification des registres, aucune mention n'a été relevée à charge de la personne susnommée.",
    ],
    "nl": [
        "Er komt geen enkele veroordeling voor op naam van de hierboven vermelde persoon. Blanco.",
        "Uit het strafregister blijkt dat betrokkene op de datum van afgifte geen veroordelingen heeft.",
        "Na nazicht van de registers werd ten laste van bovengenoemde persoon niets vermeld.",
    ],
    "de": [
        "Inhalt: keine Eintragung. Im Bundeszentralregister ist über die oben genannte Person nichts vermerkt.",
        "Es wird bescheinigt, dass im Register keine Verurteilungen der betroffenen Person eingetragen sind.",
        "Nach Prüfung der Register liegen gegen die genannte Person keine Einträge vor.",
    ],
    "en": [
        "This is to certify that a search of the criminal records has revealed no criminal record against "
        "the person named above as of the date of issue.",
        "No criminal convictions are recorded against the above-named person in the national database.",
        "According to the records held by this office, the bearer has no record of conviction.",
    ],
}
CLOSING = {  # how the issue date is introduced
    "fr": ["Fait à {city}, le {date}", "Délivré à {city} le {date}", "{city}, le {date}"],
    "nl": ["Afgegeven op {date} te {city}", "Opgemaakt te {city} op {date}", "{city}, {date}"],
    "de": ["Ausgestellt am {date} in {city}", "{city}, den {date}", "Ort, Datum: {city}, {date}"],
    "en": ["Date of issue: {date}", "Issued at {city} on {date}", "Given under my hand this day: {date}"],
}
PURPOSE = {
    "fr": ["Délivré en vue de: séjour à l'étranger (Belgique)", "Finalité: demande de visa"],
    "nl": ["Afgegeven met het oog op: verblijf in België", "Doel: visumaanvraag"],
    "de": ["Verwendungszweck: Aufenthalt in Belgien", "Zur Vorlage bei: Botschaft des Königreichs Belgien"],
    "en": ["Purpose: residence in Belgium", "Requested for: visa application (Belgium)"],
}


def good_conduct(ctx: Ctx) -> Content:
    c = Content("good_conduct", ctx.lang, ctx.pick(GOOD_CONDUCT_TITLE))
    c.issuer = list(ctx.pick(GOOD_CONDUCT_ISSUER))
    ref, fake = ctx.ref()
    c.f(LABELS["ref"][ctx.lang], ref)
    c.other_dates.append(fake)
    identity_fields(c, ctx, with_passport=ctx.rng.random() < 0.5)
    c.p(ctx.pick(GOOD_CONDUCT_BODY))
    c.p(ctx.pick(PURPOSE))
    c.closing = ctx.pick(CLOSING).format(city=ctx.city, date=ctx.d("issue"))
    c.signer = {"fr": "Le greffier", "nl": "De griffier", "de": "Im Auftrag", "en": "Authorised officer"}[ctx.lang]
    c.stamp = c.issuer[0]
    ctx.printed(c)
    return c


MEDICAL_TITLE = {
    "fr": ["CERTIFICAT MÉDICAL", "Certificat médical – modèle standard", "ATTESTATION MÉDICALE"],
    "nl": ["MEDISCH ATTEST", "Medisch getuigschrift", "GENEESKUNDIG ATTEST"],
    "de": ["ÄRZTLICHES ATTEST", "Ärztliches Zeugnis", "ÄRZTLICHE BESCHEINIGUNG"],
    "en": ["MEDICAL CERTIFICATE", "Medical certificate (standard model)", "CERTIFICATE OF MEDICAL EXAMINATION"],
}
MEDICAL_BODY = {
    "fr": [
        "Je soussigné(e), docteur en médecine, certifie que l'intéressé(e) ne souffre d'aucune des maladies "
        "pouvant mettre en danger la santé publique énumérées à l'annexe de la loi du 15 décembre 1980 sur "
        "l'accès au territoire, le séjour, l'établissement et l'éloignement des étrangers.",
        "Certifie avoir examiné la personne susmentionnée et atteste qu'elle n'est atteinte d'aucune maladie "
        "susceptible de mettre en danger la santé publique au sens de la loi du 15 décembre 1980.",
        "Après examen clinique, je déclare que le/la patient(e) ne présente aucune affection pouvant "
        "compromettre la santé publique.",
    ],
    "nl": [
        "Ondergetekende, doctor in de geneeskunde, verklaart dat betrokkene niet lijdt aan een van de "
        "ziekten die de volksgezondheid in gevaar kunnen brengen, opgesomd in de bijlage bij de wet van "
        "15 december 1980.",
        "Ik verklaar de hierboven vermelde persoon te hebben onderzocht en dat hij/zij geen ziekte heeft die "
        "een gevaar vormt voor de volksgezondheid.",
        "Na klinisch onderzoek bevestig ik dat de patiënt geen aandoening vertoont die de openbare gezondheid "
        "kan bedreigen.",
    ],
    "de": [
        "Der/die Unterzeichnende bescheinigt, dass die oben genannte Person an keiner der Krankheiten leidet, "
        "welche die öffentliche Gesundheit gefährden können (Anlage zum Gesetz vom 15. Dezember 1980).",
        "Hiermit wird ärztlich bestätigt, dass bei der untersuchten Person keine die Volksgesundheit "
        "gefährdende Krankheit festgestellt wurde.",
        "Nach eingehender Untersuchung bestehen keine Hinweise auf eine Erkrankung, die die öffentliche "
        "Gesundheit gefährden könnte.",
    ],
    "en": [
        "I, the undersigned medical doctor, certify that the above-named person does not suffer from any of "
        "the diseases which may endanger public health listed in the annex to the Belgian Law of 15 December "
        "1980.",
        "This is to certify that I have examined the applicant and found no disease that might endanger public health.",
        "Following a physical examination, the patient shows no condition liable to endanger public health.",
    ],
}
DOCTORS = ("Dr. A. Verhoeven", "Dr. M. Dubois", "Dr. S. Okoye", "Dr. R. Mehta", "Dr. K. Schneider", "Dr. L. Costa")
EXAM = {
    "fr": "Date de l'examen",
    "nl": "Datum van het onderzoek",
    "de": "Untersuchungsdatum",
    "en": "Date of examination",
}


def medical(ctx: Ctx) -> Content:
    c = Content("medical", ctx.lang, ctx.pick(MEDICAL_TITLE))
    doctor = ctx.rng.choice(DOCTORS)
    c.issuer = [
        doctor,
        {
            "fr": "Médecine générale",
            "nl": "Huisarts",
            "de": "Facharzt für Allgemeinmedizin",
            "en": "General practitioner",
        }[ctx.lang],
        f"INAMI/RIZIV 1-{ctx.rng.randint(10000, 99999)}-{ctx.rng.randint(10, 99)}-{ctx.rng.randint(100, 999)}",
    ]
    identity_fields(c, ctx, with_passport=ctx.rng.random() < 0.7)
    c.p(ctx.pick(MEDICAL_BODY))
    if ctx.rng.random() < 0.4:
        c.f(EXAM[ctx.lang], ctx.d("issue"))
    c.closing = ctx.pick(CLOSING).format(city=ctx.city, date=ctx.d("issue"))
    c.signer = doctor
    c.stamp = doctor
    ctx.printed(c)
    return c


BIRTH_TITLE = {
    "fr": ["ACTE DE NAISSANCE", "Extrait d'acte de naissance", "COPIE INTÉGRALE D'ACTE DE NAISSANCE"],
    "nl": ["GEBOORTEAKTE", "Uittreksel uit de geboorteakte", "AFSCHRIFT VAN EEN AKTE VAN GEBOORTE"],
    "de": ["GEBURTSURKUNDE", "Auszug aus dem Geburtenregister", "BEGLAUBIGTER REGISTERAUSDRUCK"],
    "en": ["BIRTH CERTIFICATE", "Certificate of Live Birth", "CERTIFIED COPY OF AN ENTRY OF BIRTH"],
}
PARENTS = ("Joseph", "Ahmed", "Rajesh", "Paulo", "Hiroshi", "Chinwe", "Fatima", "Lakshmi", "Ana", "Yoko")


def birth_certificate(ctx: Ctx) -> Content:
    p = ctx.person
    c = Content("birth_certificate", ctx.lang, ctx.pick(BIRTH_TITLE))
    c.issuer = [
        {
            "fr": "Officier de l'état civil",
            "nl": "Ambtenaar van de burgerlijke stand",
            "de": "Standesamt",
            "en": "Civil Registry Office",
        }[ctx.lang],
        p.birth_place,
    ]
    lab = {
        "fr": ("Enfant", "Date de naissance", "Lieu", "Père", "Mère", "N° d'acte"),
        "nl": ("Kind", "Geboortedatum", "Plaats", "Vader", "Moeder", "Aktenummer"),
        "de": ("Kind", "Geburtsdatum", "Geburtsort", "Vater", "Mutter", "Registernummer"),
        "en": ("Child", "Date of birth", "Place of birth", "Father", "Mother", "Entry no."),
    }[ctx.lang]
    c.f(lab[5], f"{p.birth_date.year}/{ctx.rng.randint(100, 9999)}")
    c.f(lab[0], f"{p.surname.upper()} {p.given_names}")
    c.f(lab[1], ctx.d(p.birth_date))
    c.f(lab[2], p.birth_place)
    c.f(lab[3], f"{ctx.rng.choice(PARENTS[:5])} {p.surname}")
    c.f(lab[4], f"{ctx.rng.choice(PARENTS[5:])} {p.surname}")
    c.dates["birth"] = p.birth_date
    c.closing = ctx.pick(CLOSING).format(city=p.birth_place, date=ctx.d("issue"))
    c.signer = c.issuer[0]
    c.stamp = c.issuer[0]
    return c


MARRIAGE_TITLE = {
    "fr": ["ACTE DE MARIAGE", "Extrait d'acte de mariage", "CERTIFICAT DE MARIAGE"],
    "nl": ["HUWELIJKSAKTE", "Uittreksel uit de huwelijksakte", "AFSCHRIFT VAN DE AKTE VAN HUWELIJK"],
    "de": ["EHEURKUNDE", "Auszug aus dem Eheregister", "HEIRATSURKUNDE"],
    "en": ["MARRIAGE CERTIFICATE", "Certificate of Marriage", "CERTIFIED COPY OF A MARRIAGE ENTRY"],
}


def marriage_certificate(ctx: Ctx) -> Content:
    p = ctx.person
    c = Content("marriage_certificate", ctx.lang, ctx.pick(MARRIAGE_TITLE))
    c.issuer = [
        {"fr": "État civil", "nl": "Burgerlijke stand", "de": "Standesamt", "en": "Registrar of Marriages"}[ctx.lang],
        p.birth_place,
    ]
    married = ctx.dates["marriage"]
    lab = {
        "fr": ("Date du mariage", "Époux", "Épouse", "célébré à"),
        "nl": ("Datum huwelijk", "Echtgenoot", "Echtgenote", "voltrokken te"),
        "de": ("Tag der Eheschließung", "Ehemann", "Ehefrau", "in"),
        "en": ("Date of marriage", "Husband", "Wife", "solemnised at"),
    }[ctx.lang]
    spouse = f"{ctx.rng.choice(('MARTENS', 'PEETERS', 'DUPONT', 'JANSSENS'))} {ctx.rng.choice(('Anne', 'Marc', 'Els'))}"
    mine = f"{p.surname.upper()} {p.given_names}"
    c.f(lab[0], f"{ctx.d(married)} {lab[3]} {p.birth_place}")
    c.f(lab[1], mine if p.sex == "M" else spouse)
    c.f(lab[2], spouse if p.sex == "M" else mine)
    c.f(LABELS["birth"][ctx.lang], ctx.d(p.birth_date))
    c.dates["birth"] = p.birth_date
    c.closing = ctx.pick(CLOSING).format(city=p.birth_place, date=ctx.d("issue"))
    c.signer = c.issuer[0]
    c.stamp = c.issuer[0]
    return c
