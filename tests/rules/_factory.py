"""Documents and contexts built by hand, so rule tests need no OCR."""

from __future__ import annotations

import datetime as dt
import itertools

from dossiercheck.models import DateField, Document, Mrz, MrzCheck
from dossiercheck.rules import DossierContext
from dossiercheck.rules.profiles import Profile
from dossiercheck.workdays import add_months

REF = dt.date(2026, 11, 23)
BIRTH = dt.date(1990, 4, 1)
_counter = itertools.count(1)


def mrz(
    surname: str = "GARCIA LOPEZ",
    given: str = "MARIA JOSE",
    birth: dt.date | None = BIRTH,
    expiry: dt.date | None = dt.date(2030, 5, 1),
    code: str = "P",
    valid: bool = True,
) -> Mrz:
    return Mrz(
        format="TD3",
        document_code=code,
        issuing_state="ESP",
        surname=surname,
        given_names=given,
        document_number="X1234567",
        nationality="COL",
        birth=birth,
        sex="F",
        expiry=expiry,
        optional="",
        checks=(MrzCheck("expiry", valid), MrzCheck("birth", True)),
        lines=(),
    )


def doc(
    type: str,
    file: str | None = None,
    *,
    issue: dt.date | None = None,
    expiry: dt.date | None = None,
    birth: dt.date | None = None,
    language: str | None = "en",
    mrz: Mrz | None = None,
) -> Document:
    dates = [
        DateField(value=value, raw=value.isoformat(), page=0, field=name)
        for name, value in (("issue", issue), ("expiry", expiry), ("birth", birth))
        if value is not None
    ]
    return Document(
        file=file or f"{type}-{next(_counter)}.pdf",
        sha256="0" * 64,
        mime="application/pdf",
        type=type,
        language=language,
        dates=dates,
        mrz=mrz,
    )


def passport(expiry: dt.date = dt.date(2030, 5, 1), **kw: object) -> Document:
    return doc("passport", "passport.pdf", language=None, mrz=mrz(expiry=expiry, **kw))  # type: ignore[arg-type]


def context(**kw: object) -> DossierContext:
    return DossierContext(reference_date=kw.pop("reference_date", REF), **kw)  # type: ignore[arg-type]


def complete_set(profile: Profile) -> tuple[list[Document], DossierContext]:
    """Documents and facts that satisfy every requirement of `profile` on REF."""
    documents: list[Document] = []
    have: set[str] = set()
    for requirement in profile.requirements:
        first = requirement.documents[0] if requirement.documents else None
        if requirement.check == "validity" and first not in have:
            documents.append(passport() if first == "passport" else doc(first, mrz=mrz(code="I")))
            have.add(first)
        elif requirement.check == "max_age" and first not in have:
            documents.append(doc(first, issue=add_months(REF, -1)))
            have.add(first)
        elif requirement.check == "presence" and first is not None and not (set(requirement.documents) & have):
            for _ in range(requirement.count):
                documents.append(doc(first, language=None if first in ("photo", "residence_card") else "fr"))
            have.add(first)
    civil = [d for d in documents if d.type in ("good_conduct", "birth_certificate", "marriage_certificate")]
    documents += [doc("apostille") for _ in civil]
    facts = context(
        arrival_date=dt.date(2026, 11, 19),
        residence_start=dt.date(2020, 6, 1),
        card_expiry=REF + dt.timedelta(days=40),
        amounts={"monthly_means": 2000.0, "monthly_income": 3000.0},
    )
    if any(r.check == "months_deadline" for r in profile.requirements):
        facts = context(arrival_date=add_months(REF, -1))
    return documents, facts


def run(profile_id: str, requirement_id: str, documents: list[Document], lang: str = "en", **facts: object):  # type: ignore[no-untyped-def]
    """Results and deadlines of one requirement of a shipped profile."""
    from dossiercheck.rules import evaluate
    from dossiercheck.rules.profiles import load_profile

    results, deadlines = evaluate(load_profile(profile_id), documents, context(**facts), lang)
    return (
        [r for r in results if r.id == requirement_id],
        [d for d in deadlines if d.requirement == requirement_id],
    )
