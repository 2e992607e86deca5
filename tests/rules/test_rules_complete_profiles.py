"""Every profile: a complete dossier passes, a typical fault is reported."""

from __future__ import annotations

import dataclasses

import pytest

from dossiercheck.rules import evaluate
from dossiercheck.rules.profiles import load_profile, profile_ids
from dossiercheck.workdays import add_months
from tests.rules._factory import REF, complete_set, doc, passport

BLOCKING = {"fail", "missing", "warn"}


@pytest.mark.parametrize("profile_id", profile_ids())
def test_complete_dossier_passes(profile_id: str) -> None:
    profile = load_profile(profile_id)
    documents, facts = complete_set(profile)
    results, deadlines = evaluate(profile, documents, facts)
    bad = [(r.id, r.status, r.message) for r in results if r.status in BLOCKING]
    assert not bad
    assert {r.id for r in results} == {r.id for r in profile.requirements}
    for found in results:
        assert found.message and found.source
        assert found.severity in ("fail", "warn", "manual")
        assert found.action or found.status == "pass"
    assert all(d.date >= REF for d in deadlines)


@pytest.mark.parametrize("profile_id", profile_ids())
def test_typical_fault_status_document_missing(profile_id: str) -> None:
    """The last document the profile asks for (usually the status document) is left out."""
    profile = load_profile(profile_id)
    documents, facts = complete_set(profile)
    wanted = [r for r in profile.requirements if r.check == "presence" and r.severity == "fail"]
    target = wanted[-1]
    kept = [d for d in documents if d.type not in target.documents]
    results, _ = evaluate(profile, kept, facts)
    statuses = {r.id: r.status for r in results}
    assert statuses[target.id] == "missing"


@pytest.mark.parametrize("profile_id", [p for p in profile_ids() if not p.startswith("eu/")])
def test_typical_fault_expired_passport(profile_id: str) -> None:
    profile = load_profile(profile_id)
    documents, facts = complete_set(profile)
    documents = [passport(expiry=REF.replace(day=1)) if d.type == "passport" else d for d in documents]
    results, _ = evaluate(profile, documents, facts)
    assert {r.id: r.status for r in results}["passport.validity"] == "fail"


@pytest.mark.parametrize(
    "profile_id",
    [p for p in profile_ids() if p.startswith(("visa-d/", "municipality/")) and p != "municipality/registration"]
    + ["long-term-resident"],
)
def test_typical_fault_old_good_conduct(profile_id: str) -> None:
    profile = load_profile(profile_id)
    documents, facts = complete_set(profile)
    old = add_months(REF, -7)
    documents = [doc("good_conduct", issue=old) if d.type == "good_conduct" else d for d in documents]
    results, deadlines = evaluate(profile, documents, facts, lang="fr")
    found = next(r for r in results if r.id == "good_conduct.age")
    assert found.status == "fail"
    assert "certificat de bonne conduite" in found.message
    assert found.action.startswith("Demandez")


def test_eu_registration_missing_insurance_fails_at_first_visit() -> None:
    profile = load_profile("eu/employee")
    documents, facts = complete_set(profile)
    documents = [d for d in documents if d.type != "health_insurance"]
    results, _ = evaluate(profile, documents, facts)
    statuses = {r.id: r for r in results}
    assert statuses["health_insurance.present"].status == "missing"
    assert statuses["registration.complete"].status == "fail"
    assert "health_insurance" in statuses["registration.complete"].message
    # cited by what a reader can open: the Immigration Office's news, and the seed article it supersedes
    addresses = [url for _, url in statuses["registration.complete"].sources]
    assert "https://dofi.ibz.be/en/news/changes-residence-applications-eu-citizens" in addresses
    assert any(url.startswith("https://www.commissioner.brussels/") for url in addresses)
    assert "dofi.ibz.be/en/news/changes-residence-applications-eu-citizens>" in statuses["registration.complete"].source


def test_eu_late_registration_is_a_warning() -> None:
    profile = load_profile("eu/student")
    documents, facts = complete_set(profile)
    facts = dataclasses.replace(facts, arrival_date=add_months(REF, -4))
    results, deadlines = evaluate(profile, documents, facts)
    assert {r.id: r.status for r in results}["registration.deadline"] == "warn"
    assert any(d.requirement == "registration.deadline" for d in deadlines)


def test_messages_follow_the_language() -> None:
    profile = load_profile("visa-d/student")
    results, _ = evaluate(profile, [], complete_set(profile)[1], lang="nl")
    passport_result = next(r for r in results if r.id == "passport.validity")
    assert passport_result.status == "missing"
    assert passport_result.message == "Er is geen paspoort gevonden in het dossier."
    assert passport_result.action.startswith("Vernieuw")
    unknown_lang = evaluate(profile, [], complete_set(profile)[1], lang="es")[0]
    assert unknown_lang[0].message.startswith("No passport")
