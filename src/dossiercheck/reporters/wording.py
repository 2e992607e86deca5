"""The words of the report around the profile's own messages, in English, French and Dutch.

The requirement messages come from the profiles (schemas/profiles), already in the chosen language;
this is only the frame: headings, the verdict line, the names of dates.
"""

from __future__ import annotations

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
    },
}


def words_for(lang: str) -> dict[str, str]:
    return WORDS.get(lang, WORDS["en"])
