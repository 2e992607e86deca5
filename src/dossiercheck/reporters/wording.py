"""The words of the report around the profile's own messages, in English, French and Dutch.

The requirement messages come from the profiles (schemas/profiles), already in the chosen language;
this is only the frame: headings, the verdict line, the names of dates. Every reporter that words
its frame (text, Markdown, HTML, the checklist of what to bring, the batch summary) takes the words
from here.
"""

from __future__ import annotations

from typing import Protocol

LANGUAGES = ("en", "fr", "nl")

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "dossier": "Dossier", "procedure": "Procedure", "none": "(none chosen)",
        "appointment": "Checked for an appointment on", "read": "Documents read", "not_read": "Not read",
        "checklist": "Checklist", "files": "files", "unknown": "not recognised",
        "expiry": "expires", "issue": "issued", "birth": "born",
        "ready": "READY", "ready_rest": "every requirement that can be checked is met",
        "to_look": "{n} point(s) to look at yourself",
        "not_ready": "NOT READY", "not_ready_rest": "{n} problem(s) to fix before the appointment",
        "unreadable": "{n} file(s) could not be read",
        "footer": "({n} file(s) read, {mib:.1f} MiB; nothing was sent anywhere.)",
        # Markdown and HTML reports
        "title": "Dossier check", "ready_word": "ready", "not_ready_word": "not ready",
        "appointment_date": "Appointment date", "none_short": "none", "colon": ": ",
        "requirement": "Requirement", "result": "Result", "what_to_do": "What to do",
        "result_and_action": "Result and what to do", "files_title": "Files", "source": "Source",
        "deadlines": "Deadlines", "documents": "Documents", "file": "File", "type": "Type", "pages": "Pages",
        "dates": "Dates", "problems": "Problems", "language": "language", "unknown_type": "unknown",
        "date_expiry": "expiry", "date_issue": "issue", "date_birth": "birth",
        "percent": "{n}%", "read_as": 'read "{raw}"', "page_one": "page {n}", "page_range": "pages {first}-{last}",
        "made_here": "Made on this computer by dossiercheck; nothing was sent anywhere.",
        # the checklist of what to bring (`profiles checklist`)
        "severity_fail": "required", "severity_warn": "recommended", "severity_manual": "checked by a person",
        "or": " or ",
        # the batch summary (`batch`): index.html, the summary line and the terminal table
        "batch_title": "Dossier check", "batch_all_clients": "all clients", "batch_dossiers": "{n} dossiers",
        "batch_dossiers_one": "{n} dossier",
        "batch_ready": "{n} ready", "batch_not_ready": "{n} not ready",
        "batch_counts": "{complete} complete, {incomplete} incomplete, {error} could not be checked",
        "batch_reused": "; {n} unchanged since the last run (reports reused, not rendered again)",
        "batch_unchecked": "could not be checked",
        "batch_client": "Client", "batch_appointment": "Appointment", "batch_verdict": "Verdict",
        "batch_blocking": "Blocking requirements", "batch_nearest_deadline": "Nearest deadline",
        "batch_reports": "Reports", "batch_warnings": "warnings",
        "batch_footer": "everything was checked on this computer · summary.csv holds the same table.",
        "batch_verdict_complete": "complete", "batch_verdict_incomplete": "incomplete", "batch_verdict_error": "error",
        "batch_table_client": "CLIENT", "batch_table_profile": "PROFILE", "batch_table_verdict": "VERDICT",
        "batch_table_detail": "BLOCKING / NEAREST DEADLINE", "batch_no_deadline": "no deadline",
        "batch_error_no_profile": "which procedure? {where}: add one with `profile:` and `appointment_date:`, "
                                  "or give --profile for every folder without one",
        "batch_error_no_file": "no dossier.yaml", "batch_error_no_profile_key": "its dossier.yaml names no `profile:`",
        "batch_error_unreadable": "the folder could not be read ({reason}): check its permissions",
        "batch_error_crashed": "the dossier could not be checked ({reason})",
    },
    "fr": {
        "dossier": "Dossier", "procedure": "Procédure", "none": "(aucune choisie)",
        "appointment": "Vérifié pour un rendez-vous le", "read": "Documents lus", "not_read": "Non lus",
        "checklist": "Liste de contrôle", "files": "fichiers", "unknown": "non reconnu",
        "expiry": "expire le", "issue": "délivré le", "birth": "né(e) le",
        "ready": "PRÊT", "ready_rest": "toutes les conditions vérifiables sont remplies",
        "to_look": "{n} point(s) à vérifier vous-même",
        "not_ready": "PAS PRÊT", "not_ready_rest": "{n} problème(s) à régler avant le rendez-vous",
        "unreadable": "{n} fichier(s) illisible(s)",
        "footer": "({n} fichier(s) lu(s), {mib:.1f} Mio ; rien n'a été envoyé nulle part.)",
        "title": "Vérification du dossier", "ready_word": "prêt", "not_ready_word": "pas prêt",
        "appointment_date": "Date du rendez-vous", "none_short": "aucune", "colon": "\u00a0: ",
        "requirement": "Condition", "result": "Résultat", "what_to_do": "Que faire",
        "result_and_action": "Résultat et ce qu'il faut faire", "files_title": "Fichiers", "source": "Source",
        "deadlines": "Dates limites", "documents": "Documents", "file": "Fichier", "type": "Type",
        "pages": "Pages", "dates": "Dates", "problems": "Problèmes", "language": "langue",
        "unknown_type": "non reconnu",
        "date_expiry": "date d'expiration", "date_issue": "date de délivrance", "date_birth": "date de naissance",
        "percent": "{n}\u00a0%", "read_as": "lu «\u00a0{raw}\u00a0»", "page_one": "page {n}",
        "page_range": "pages {first} à {last}",
        "made_here": "Fait sur cet ordinateur par dossiercheck\u00a0; rien n'a été envoyé nulle part.",
        "severity_fail": "obligatoire", "severity_warn": "recommandé", "severity_manual": "vérifié par une personne",
        "or": " ou ",
        "batch_title": "Vérification des dossiers", "batch_all_clients": "tous les clients",
        "batch_dossiers": "{n} dossiers", "batch_dossiers_one": "{n} dossier",
        "batch_ready": "{n} prêts", "batch_ready_one": "{n} prêt",
        "batch_not_ready": "{n} pas prêts", "batch_not_ready_one": "{n} pas prêt",
        "batch_counts": "{complete} complet(s), {incomplete} incomplet(s), {error} impossible(s) à vérifier",
        "batch_reused": "\u00a0; {n} inchangé(s) depuis la dernière fois (rapports réutilisés, pas refaits)",
        "batch_unchecked": "impossible(s) à vérifier",
        "batch_client": "Client", "batch_appointment": "Rendez-vous", "batch_verdict": "Résultat",
        "batch_blocking": "Conditions bloquantes", "batch_nearest_deadline": "Prochaine date limite",
        "batch_reports": "Rapports", "batch_warnings": "avertissements",
        "batch_footer": "tout a été vérifié sur cet ordinateur · summary.csv contient le même tableau.",
        "batch_verdict_complete": "complet", "batch_verdict_incomplete": "incomplet", "batch_verdict_error": "erreur",
        "batch_table_client": "CLIENT", "batch_table_profile": "PROCÉDURE", "batch_table_verdict": "RÉSULTAT",
        "batch_table_detail": "BLOQUANT / PROCHAINE DATE LIMITE", "batch_no_deadline": "pas de date limite",
        "batch_error_no_profile": "quelle procédure\u00a0? {where}\u00a0: ajoutez-en un avec `profile:` et "
                                  "`appointment_date:`, ou donnez --profile pour chaque dossier qui n'en a pas",
        "batch_error_no_file": "pas de dossier.yaml",
        "batch_error_no_profile_key": "son dossier.yaml ne donne pas de `profile:`",
        "batch_error_unreadable": "le dossier n'a pas pu être lu ({reason})\u00a0: vérifiez ses droits d'accès",
        "batch_error_crashed": "le dossier n'a pas pu être vérifié ({reason})",
    },
    "nl": {
        "dossier": "Dossier", "procedure": "Procedure", "none": "(geen gekozen)",
        "appointment": "Nagekeken voor een afspraak op", "read": "Gelezen documenten", "not_read": "Niet gelezen",
        "checklist": "Controlelijst", "files": "bestanden", "unknown": "niet herkend",
        "expiry": "vervalt", "issue": "afgegeven", "birth": "geboren",
        "ready": "KLAAR", "ready_rest": "aan alle controleerbare voorwaarden is voldaan",
        "to_look": "{n} punt(en) om zelf na te kijken",
        "not_ready": "NIET KLAAR", "not_ready_rest": "{n} probleem/problemen op te lossen vóór de afspraak",
        "unreadable": "{n} bestand(en) onleesbaar",
        "footer": "({n} bestand(en) gelezen, {mib:.1f} MiB; er is niets verstuurd.)",
        "title": "Nazicht van het dossier", "ready_word": "klaar", "not_ready_word": "niet klaar",
        "appointment_date": "Datum van de afspraak", "none_short": "geen", "colon": ": ",
        "requirement": "Voorwaarde", "result": "Resultaat", "what_to_do": "Wat moet u doen",
        "result_and_action": "Resultaat en wat u moet doen", "files_title": "Bestanden", "source": "Bron",
        "deadlines": "Uiterste datums", "documents": "Documenten", "file": "Bestand", "type": "Soort",
        "pages": "Pagina's", "dates": "Datums", "problems": "Problemen", "language": "taal",
        "unknown_type": "niet herkend",
        "date_expiry": "vervaldatum", "date_issue": "datum van afgifte", "date_birth": "geboortedatum",
        "percent": "{n}%", "read_as": 'gelezen als "{raw}"', "page_one": "pagina {n}",
        "page_range": "pagina's {first}-{last}",
        "made_here": "Gemaakt op deze computer door dossiercheck; er is niets verstuurd.",
        "severity_fail": "verplicht", "severity_warn": "aanbevolen", "severity_manual": "na te kijken door een persoon",
        "or": " of ",
        "batch_title": "Nazicht van de dossiers", "batch_all_clients": "alle cliënten",
        "batch_dossiers": "{n} dossiers", "batch_dossiers_one": "{n} dossier",
        "batch_ready": "{n} klaar", "batch_not_ready": "{n} niet klaar",
        "batch_counts": "{complete} volledig, {incomplete} onvolledig, {error} kon(den) niet worden nagekeken",
        "batch_reused": "; {n} ongewijzigd sinds de vorige keer (rapporten hergebruikt, niet opnieuw gemaakt)",
        "batch_unchecked": "kon(den) niet worden nagekeken",
        "batch_client": "Cliënt", "batch_appointment": "Afspraak", "batch_verdict": "Resultaat",
        "batch_blocking": "Blokkerende voorwaarden", "batch_nearest_deadline": "Eerstvolgende uiterste datum",
        "batch_reports": "Rapporten", "batch_warnings": "waarschuwingen",
        "batch_footer": "alles werd op deze computer nagekeken · summary.csv bevat dezelfde tabel.",
        "batch_verdict_complete": "volledig", "batch_verdict_incomplete": "onvolledig", "batch_verdict_error": "fout",
        "batch_table_client": "CLIËNT", "batch_table_profile": "PROCEDURE", "batch_table_verdict": "RESULTAAT",
        "batch_table_detail": "BLOKKEREND / EERSTVOLGENDE UITERSTE DATUM", "batch_no_deadline": "geen uiterste datum",
        "batch_error_no_profile": "welke procedure? {where}: voeg er een toe met `profile:` en `appointment_date:`, "
                                  "of geef --profile voor elke map zonder",
        "batch_error_no_file": "geen dossier.yaml",
        "batch_error_no_profile_key": "zijn dossier.yaml noemt geen `profile:`",
        "batch_error_unreadable": "de map kon niet worden gelezen ({reason}): controleer de toegangsrechten",
        "batch_error_crashed": "het dossier kon niet worden nagekeken ({reason})",
    },
}


class _Part(Protocol):
    file: str
    part: tuple[int, int] | None


def report_language(lang: str | None) -> str:
    """The language the frame is worded in: `lang` when there are words for it, else English."""
    return lang if lang in WORDS else "en"


def words_for(lang: str | None) -> dict[str, str]:
    return WORDS[report_language(lang)]


def counted(lang: str | None, key: str, n: int) -> str:
    """`key` worded for `n` things: its `_one` form where the language takes the singular (French
    says "0 prêt", English "0 ready" but "0 dossiers")."""
    lang = report_language(lang)
    singular = n < 2 if lang == "fr" else n == 1
    w = WORDS[lang]
    return w.get(f"{key}_one", w[key]).format(n=n) if singular else w[key].format(n=n)


def date_name(field: str, lang: str | None) -> str:
    """'expiry' -> 'date d'expiration': the name of a date read from a document; unknown fields as they are."""
    return words_for(lang).get(f"date_{field}", field)


def type_name(type_id: str, lang: str | None) -> str:
    """'good_conduct' -> 'Extrait de casier judiciaire': a document type as the schema names it in `lang`.

    Applicants read names, not ids; a type the schemas do not name (or 'unknown') is returned as it is.
    """
    from dossiercheck.doctypes import load_doctypes

    doctype = load_doctypes().get(type_id)
    if doctype is None:
        return type_id
    return doctype.names.get(report_language(lang)) or doctype.names.get("en") or type_id


def document_name(document: _Part, lang: str | None) -> str:
    """Document.name in the report's language: the file, and its pages when the file holds several documents."""
    if document.part is None:
        return document.file
    w = words_for(lang)
    first, last = document.part
    pages = (w["page_one"].format(n=first + 1) if first == last
             else w["page_range"].format(first=first + 1, last=last + 1))
    return f"{document.file} ({pages})"
