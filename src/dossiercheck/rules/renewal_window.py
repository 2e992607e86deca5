"""renewal_window: the card is renewed in the window before it expires.

Apply 30 to 45 days before the card's expiry (seed 002 "Belgium Type A Residence Permit"); T15
says "at least 45 days". What is certain: after the expiry the person is struck off. So, with
both ends inclusive: 45 to 30 days before -> pass; after the expiry -> fail; earlier (`early`:
come back later) and from 29 days before to the expiry day (`late`: late but still possible) get
the status the profile gives them in `outcomes:` (renewal/card-a: warn for both).
The expiry comes from dossier.yaml `card_expiry`, else the residence card's MRZ or printed date.

Passing: card_expiry 2027-01-07, appointment 2026-11-23 (45 days before).
Failing: card_expiry 2026-11-20, appointment 2026-11-23 -> `fail`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from dossiercheck.models import Deadline, Requirement, RequirementResult
from dossiercheck.rules.context import RuleContext, deadline, result
from dossiercheck.rules.validity import read_expiry

ID = "renewal_window"
OPTIONS: dict[str, object] = {"earliest_days": 45, "latest_days": 30}
OUTCOMES = ("early", "late")  # their statuses come from the profile's `outcomes:`
DEFAULTS = {
    "en": {
        "pass": "In the renewal window: from {opens} to {closes}; the card expires on {expiry}.",
        "early": "Too early: the renewal window opens on {opens} (the card expires on {expiry}).",
        "late": "Late: the window closed on {closes}. Apply now, before the card expires on {expiry}.",
        "fail": "The card expired on {expiry}.",
        "no_date": "We do not know when your card expires; add card_expiry to dossier.yaml.",
        "deadline": "Renewal window opens ({earliest_days} days before the card expires)",
        "deadline_close": "Renewal window closes ({latest_days} days before the card expires)",
        "deadline_expiry": "Residence card expires",
    },
    "fr": {
        "pass": "Dans la période de renouvellement : du {opens} au {closes} ; la carte expire le {expiry}.",
        "early": "Trop tôt : la période de renouvellement commence le {opens} (la carte expire le {expiry}).",
        "late": "En retard : la période s'est terminée le {closes}. Faites la demande avant l'expiration le {expiry}.",
        "fail": "La carte a expiré le {expiry}.",
        "no_date": "Nous ne savons pas quand votre carte expire ; ajoutez card_expiry dans dossier.yaml.",
        "deadline": "Début de la période de renouvellement ({earliest_days} jours avant l'expiration)",
        "deadline_close": "Fin de la période de renouvellement ({latest_days} jours avant l'expiration)",
        "deadline_expiry": "La carte de séjour expire",
    },
    "nl": {
        "pass": "Binnen de verlengingsperiode: van {opens} tot {closes}; de kaart vervalt op {expiry}.",
        "early": "Te vroeg: de verlengingsperiode begint op {opens} (de kaart vervalt op {expiry}).",
        "late": "Laat: de periode eindigde op {closes}. Vraag nu aan, vóór de kaart vervalt op {expiry}.",
        "fail": "De kaart is vervallen op {expiry}.",
        "no_date": "We weten niet wanneer je kaart vervalt; vul card_expiry in dossier.yaml in.",
        "deadline": "Begin van de verlengingsperiode ({earliest_days} dagen voor de kaart vervalt)",
        "deadline_close": "Einde van de verlengingsperiode ({latest_days} dagen voor de kaart vervalt)",
        "deadline_expiry": "Verblijfskaart vervalt",
    },
}


def check(requirement: Requirement, ctx: RuleContext) -> Iterator[RequirementResult | Deadline]:
    expiry, files = ctx.dossier.card_expiry, ["dossier.yaml"]
    if expiry is None:
        for card in ctx.of_type(("residence_card",)):
            found = read_expiry(card)
            if found is not None:
                expiry, files = found[0], [card.name]
                break
    if expiry is None:
        yield result(requirement, ctx, DEFAULTS, "manual", "no_date")
        return
    opens = expiry - dt.timedelta(days=int(requirement.options["earliest_days"]))
    closes = expiry - dt.timedelta(days=int(requirement.options["latest_days"]))
    ref = ctx.reference_date
    params = {"opens": opens, "closes": closes, "expiry": expiry}
    if ref < opens:
        yield result(requirement, ctx, DEFAULTS, None, "early", files, "residence_card", date_field="expiry", **params)
    elif ref <= closes:
        yield result(requirement, ctx, DEFAULTS, "pass", "pass", files, "residence_card", date_field="expiry", **params)
    elif ref <= expiry:
        yield result(requirement, ctx, DEFAULTS, None, "late", files, "residence_card", date_field="expiry", **params)
    else:
        yield result(requirement, ctx, DEFAULTS, "fail", "fail", files, "residence_card", date_field="expiry", **params)
    for day, key in ((opens, "deadline"), (closes, "deadline_close"), (expiry, "deadline_expiry")):
        if day >= ref:
            yield deadline(requirement, ctx, DEFAULTS, day, key)
