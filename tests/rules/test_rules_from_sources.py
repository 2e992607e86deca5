"""The main procedures judged against what the sources say, not against what the profiles say.

Each case is written from a sentence of a seed article (shared/seeds/) or of the research note
(shared/research/belgian-rules.md, which cites the official pages by O/U/T ids): the comment above it
quotes the sentence and names the file and section, and the expected status follows from that
sentence alone, with the date arithmetic done by hand. The documents are built by hand
(tests/rules/_factory.py) and the real profile is run with `dossiercheck.rules.evaluate`.

Where the sources disagree, the case says so and expects what the research note decides (for
example a passport expiring exactly 12 months after the appointment: "pass with a warning"); where a
source only says what must not happen ("a valid passport"), the case expects "not a failure".

All appointments are on Monday 23 November 2026 unless a case says otherwise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest

from dossiercheck.models import Absence, Document
from tests.rules._factory import doc, mrz, passport, run

D = dt.date
REF = D(2026, 11, 23)
NOT_FAILED = ("pass", "warn")  # the source only says what would be a failure


@dataclass(frozen=True)
class Case:
    profile: str
    requirement: str
    documents: tuple[Document, ...]
    expected: str | tuple[str, ...]
    facts: dict[str, Any] = field(default_factory=dict)


def p(id_: str, case: Case) -> Any:
    return pytest.param(case, id=id_)


def adult() -> Document:
    return passport(expiry=D(2031, 1, 1), birth=D(1990, 4, 1))


def born(birth: dt.date) -> Document:
    return passport(expiry=D(2031, 1, 1), birth=birth)


CASES = [
    # --- passport, D visa at the embassy ---------------------------------------------------------
    # seed 001, FROM YOUR HOME COUNTRY, STEP 1: "a travel document (national passport) valid for at least
    # 12 months"; research note section 0: "expiry >= ref + 12 months". 12 months after 23 Nov 2026 is 23 Nov 2027.
    p("visa-employee passport 12 months + 1 day",
      Case("visa-d/employee", "passport.validity", (passport(expiry=D(2027, 11, 24)),), "pass")),
    p("visa-student passport 12 months + 1 day",
      Case("visa-d/student", "passport.validity", (passport(expiry=D(2027, 11, 24)),), "pass")),
    p("visa-employee passport 12 months - 1 day",
      Case("visa-d/employee", "passport.validity", (passport(expiry=D(2027, 11, 22)),), "fail")),
    p("visa-student passport 12 months - 1 day",
      Case("visa-d/student", "passport.validity", (passport(expiry=D(2027, 11, 22)),), "fail")),
    # research note section 0: dofi says "more than 12 months", seed 001 "at least"; "They differ only when
    # expiry = ref+12m exactly: pass with a warning".
    p("visa-employee passport exactly 12 months",
      Case("visa-d/employee", "passport.validity", (passport(expiry=D(2027, 11, 23)),), "warn")),
    # seed 001 STEP 1 lists the passport first among the documents to present: without one the file is incomplete.
    p("visa-student no passport", Case("visa-d/student", "passport.validity", (), "missing")),

    # --- passport, registration at the commune after arrival -------------------------------------
    # seed 001, FROM YOUR HOME COUNTRY, STEP 2: "A valid passport with the D visa"; research note section 3:
    # "seed 001 and seed 002 say only 'valid'" (the 12 months of seed 000 are "a visa-stage rule").
    p("registration passport valid 2 more months",
      Case("municipality/registration", "passport.validity", (passport(expiry=D(2027, 1, 23)),), NOT_FAILED)),
    p("registration passport expires on the appointment day",
      Case("municipality/registration", "passport.validity", (passport(expiry=REF),), NOT_FAILED)),
    p("registration passport expired the day before",
      Case("municipality/registration", "passport.validity", (passport(expiry=D(2026, 11, 22)),), "fail")),
    # seed 001 STEP 2: "A valid passport with the D visa issued by the Belgian embassy".
    p("registration no D visa", Case("municipality/registration", "visa.present", (adult(),), "missing")),

    # --- certificate of good conduct -------------------------------------------------------------
    # seed 001 STEP 1: "a certificate of good conduct ... not older than 6 months"; research note section 0:
    # "Issue date >= ref - 6 months". 6 months before 23 Nov 2026 is 23 May 2026.
    p("visa-employee good conduct issued 6 months before",
      Case("visa-d/employee", "good_conduct.age", (adult(), doc("good_conduct", issue=D(2026, 5, 23))), "pass")),
    p("visa-student good conduct issued 6 months before",
      Case("visa-d/student", "good_conduct.age", (adult(), doc("good_conduct", issue=D(2026, 5, 23))), "pass")),
    p("visa-employee good conduct 6 months + 1 day",
      Case("visa-d/employee", "good_conduct.age", (adult(), doc("good_conduct", issue=D(2026, 5, 22))), "fail")),
    p("visa-student good conduct 6 months + 1 day",
      Case("visa-d/student", "good_conduct.age", (adult(), doc("good_conduct", issue=D(2026, 5, 22))), "fail")),
    # research note section 0: "Good conduct: required if age >= 18 (from the passport birth date)" (O2).
    # Born 24 Nov 2008: 17 on the appointment day, 18 the day after.
    p("visa-employee good conduct not needed at 17",
      Case("visa-d/employee", "good_conduct.age", (born(D(2008, 11, 24)),), "pass")),
    p("visa-student good conduct not needed at 17",
      Case("visa-d/student", "good_conduct.age", (born(D(2008, 11, 24)),), "pass")),
    p("visa-employee good conduct needed on the 18th birthday",
      Case("visa-d/employee", "good_conduct.age", (born(D(2008, 11, 23)),), "missing")),
    # seed 003, Long-term resident status, application: "an extract from the criminal record (if the
    # foreigner is over 18 years old)".
    p("long-term good conduct 6 months + 1 day",
      Case("long-term-resident", "good_conduct.age", (adult(), doc("good_conduct", issue=D(2026, 5, 22))), "fail")),
    p("long-term good conduct not needed at 17",
      Case("long-term-resident", "good_conduct.age", (born(D(2008, 11, 24)),), "pass")),

    # --- medical certificate -----------------------------------------------------------------------
    # research note section 0: "Medical: issue date >= ref - 6 months. No age exemption" (O1).
    p("visa-student medical issued 6 months before",
      Case("visa-d/student", "medical.age", (adult(), doc("medical", issue=D(2026, 5, 23))), "pass")),
    p("visa-employee medical 6 months + 1 day",
      Case("visa-d/employee", "medical.age", (adult(), doc("medical", issue=D(2026, 5, 22))), "fail")),
    p("visa-student medical needed at 17 too", Case("visa-d/student", "medical.age", (born(D(2008, 11, 24)),),
                                                    "missing")),

    # --- forms and photos --------------------------------------------------------------------------
    # seed 001 STEP 1: "2 visa application forms filled out and signed + 2 passport photos in color".
    p("visa-employee one photo of two",
      Case("visa-d/employee", "photos.count", (doc("photo", language=None),), "fail")),
    p("visa-employee two photos",
      Case("visa-d/employee", "photos.count", (doc("photo", language=None), doc("photo", language=None)), "pass")),
    p("visa-student one form of two",
      Case("visa-d/student", "visa_application.count", (doc("visa_application"),), "fail")),

    # --- what the status asks for ------------------------------------------------------------------
    # seed 001 STEP 1, table: "Employee: Work permit or single permit."
    p("visa-employee no work permit", Case("visa-d/employee", "work_permit.present", (adult(),), "missing")),
    # seed 001 STEP 1, table: "Student: Enrolment to a Belgian university/school, health insurance, prove of
    # sufficient means of subsistence."
    p("visa-student no enrolment", Case("visa-d/student", "enrolment.present", (adult(),), "missing")),
    p("visa-student no health insurance", Case("visa-d/student", "health_insurance.present", (adult(),), "missing")),
    # research note section 8, Financial thresholds: "Students ... EUR 1,062 (2026-27)" a month (O5, seed 002).
    p("visa-student means 1062 a month",
      Case("visa-d/student", "means.student", (doc("bank_statement"),), "pass", {"amounts": {"monthly_means": 1062}})),
    p("visa-student means 1061.99 a month",
      Case("visa-d/student", "means.student", (doc("bank_statement"),), "fail",
           {"amounts": {"monthly_means": 1061.99}})),

    # --- translations ------------------------------------------------------------------------------
    # seed 001 STEP 1: "a translation of these documents by a certified translator, unless they are already in
    # French or Dutch"; every source agrees that Spanish needs one (research note section 8, Translations).
    p("visa-employee Spanish birth certificate without translation",
      Case("visa-d/employee", "translation.sworn", (adult(), doc("birth_certificate", language="es")), "fail")),
    p("visa-employee Spanish birth certificate with its sworn translation",
      Case("visa-d/employee", "translation.sworn",
           (adult(), doc("birth_certificate", language="es"), doc("sworn_translation", language="fr")), "pass")),
    # research note section 8: the seeds disagree on English; "Make the language set a profile parameter;
    # default NL/FR/DE/EN" (O13 Leuven, U1).
    p("visa-employee English contract",
      Case("visa-d/employee", "translation.sworn", (adult(), doc("employment_contract", language="en")), "pass")),

    # --- registration within 8 working days of arrival -------------------------------------------
    # seed 001, FROM YOUR HOME COUNTRY, STEP 2: "register within 8 working days of arrival". Research note
    # section 9: working days are Monday-Friday minus the legal holidays (Civil Code Book 1 Art. 1.7 par. 3);
    # labour law counts Saturdays, so "report warn" on the days where the two counts differ. The day of arrival
    # is not counted. Legal holidays of 2026 (research note section 9): 6 Apr, 1 May, 14 May, 25 May, 21 Jul,
    # 15 Aug, 1 Nov, 11 Nov.
    # Arrival Friday 8 May: 11, 12, 13, (14 Ascension), 15, 18, 19, 20, 21 May -> 8th working day Thursday 21 May;
    # counting Saturdays: 9, 11, 12, 13, 15, 16, 18, 19 -> Tuesday 19 May.
    p("arrival 8 May, appointment 19 May",
      Case("municipality/registration", "arrival.deadline", (), "pass",
           {"arrival_date": D(2026, 5, 8), "reference_date": D(2026, 5, 19)})),
    p("arrival 8 May, appointment 21 May (in time unless Saturdays count)",
      Case("municipality/registration", "arrival.deadline", (), "warn",
           {"arrival_date": D(2026, 5, 8), "reference_date": D(2026, 5, 21)})),
    p("arrival 8 May, appointment 22 May",
      Case("municipality/registration", "arrival.deadline", (), "fail",
           {"arrival_date": D(2026, 5, 8), "reference_date": D(2026, 5, 22)})),
    # Arrival Thursday 30 April: (1 May), 4, 5, 6, 7, 8, 11, 12, 13 May -> Wednesday 13 May. Research note
    # section 9: 8 May (Brussels community day) is "not a legal holiday". Counting Saturdays: 2, 4, 5, 6, 7, 8, 9,
    # 11 -> Monday 11 May.
    p("arrival 30 April, appointment 11 May",
      Case("municipality/registration", "arrival.deadline", (), "pass",
           {"arrival_date": D(2026, 4, 30), "reference_date": D(2026, 5, 11)})),
    p("arrival 30 April, appointment 13 May",
      Case("municipality/registration", "arrival.deadline", (), "warn",
           {"arrival_date": D(2026, 4, 30), "reference_date": D(2026, 5, 13)})),
    p("arrival 30 April, appointment 15 May",
      Case("municipality/registration", "arrival.deadline", (), "fail",
           {"arrival_date": D(2026, 4, 30), "reference_date": D(2026, 5, 15)})),
    # Arrival Wednesday 15 July: 16, 17, 20, (21 National Day), 22, 23, 24, 27, 28 July -> Tuesday 28 July.
    p("arrival 15 July, appointment 28 July",
      Case("municipality/registration", "arrival.deadline", (), NOT_FAILED,
           {"arrival_date": D(2026, 7, 15), "reference_date": D(2026, 7, 28)})),
    p("arrival 15 July, appointment 29 July",
      Case("municipality/registration", "arrival.deadline", (), "fail",
           {"arrival_date": D(2026, 7, 15), "reference_date": D(2026, 7, 29)})),
    # Arrival Monday 9 November: 10, (11 Armistice), 12, 13, 16, 17, 18, 19, 20 Nov -> Friday 20 November.
    p("arrival 9 November, appointment 20 November",
      Case("municipality/registration", "arrival.deadline", (), NOT_FAILED,
           {"arrival_date": D(2026, 11, 9), "reference_date": D(2026, 11, 20)})),
    p("arrival 9 November, appointment 23 November",
      Case("municipality/registration", "arrival.deadline", (), "fail", {"arrival_date": D(2026, 11, 9)})),
    # seed 001, FROM YOUR HOME COUNTRY, STEP 2: "Your lease contract."
    p("registration no lease", Case("municipality/registration", "lease.present", (adult(),), "missing")),

    # --- EU citizen, employee ------------------------------------------------------------------------
    # seed 004, STEP 1: "Present yourself within a period of 3 months from the date of arrival"; research note
    # section 4: "register within 3 months; possible EUR 200 fine" (O11): late is a fine, not a refusal.
    p("eu arrival 23 August, appointment 23 November",
      Case("eu/employee", "registration.deadline", (), "pass", {"arrival_date": D(2026, 8, 23)})),
    p("eu arrival 22 August, appointment 23 November",
      Case("eu/employee", "registration.deadline", (), "warn", {"arrival_date": D(2026, 8, 22)})),
    # seed 004, STEP 1: "A valid passport or ID card": an ID card alone will do, valid on the day.
    p("eu identity card valid one more day",
      Case("eu/employee", "identity_document.validity", (doc("id_card", language=None, mrz=mrz(code="I",
           expiry=D(2026, 11, 24))),), "pass")),
    p("eu identity card expired the day before",
      Case("eu/employee", "identity_document.validity", (doc("id_card", language=None, mrz=mrz(code="I",
           expiry=D(2026, 11, 22))),), "fail")),
    # seed 004, STEP 1, table: "Employee: Belgian employment contract".
    p("eu no employment contract", Case("eu/employee", "employment_contract.present", (adult(),), "missing")),
    # seed 004, STEP 1: "A health insurance".
    p("eu no health insurance", Case("eu/employee", "health_insurance.present", (adult(),), "missing")),
    # research note section 4: Annex 19's 3 months to gather documents are "Superseded since 1 Sep 2025 (RD of 4 Jul
    # 2025): all documents are due at the first visit, or the application is not considered" (O10, T11).
    p("eu documents missing at the first visit",
      Case("eu/employee", "registration.complete", (adult(),), "fail", {"arrival_date": D(2026, 10, 1)})),
    # seed 004, STEP 1 (before that date): Appendix 19 "is valid for 3 months. This period of 3 months will permit
    # you to gather all the required documents."
    p("eu documents missing at a first visit before 1 September 2025",
      Case("eu/employee", "registration.complete", (adult(),), NOT_FAILED,
           {"arrival_date": D(2025, 7, 1), "reference_date": D(2025, 8, 1)})),

    # --- long-term resident ------------------------------------------------------------------------
    # seed 003, Long-term resident status: "proof of legal and continuous residence in Belgium for 5 years prior to
    # the application". Five years before 23 Nov 2026 is 23 Nov 2021.
    p("long-term 5 years to the day",
      Case("long-term-resident", "residence.period", (), "pass", {"residence_start": D(2021, 11, 23)})),
    p("long-term 5 years minus a day",
      Case("long-term-resident", "residence.period", (), "fail", {"residence_start": D(2021, 11, 24)})),
    # seed 003: "The five-year period referred to above is not interrupted by an absence of less than 6
    # consecutive months, not exceeding a total of 10 months out of the total 5-year period."
    p("long-term one absence of 5 months",
      Case("long-term-resident", "residence.period", (), "pass",
           {"residence_start": D(2020, 1, 1), "absences": (Absence(D(2023, 1, 1), D(2023, 5, 31)),)})),
    p("long-term one absence of 6 months",
      Case("long-term-resident", "residence.period", (), "fail",
           {"residence_start": D(2020, 1, 1), "absences": (Absence(D(2023, 1, 1), D(2023, 6, 30)),)})),
    p("long-term absences of 5 + 4 months",
      Case("long-term-resident", "residence.period", (), "pass",
           {"residence_start": D(2020, 1, 1),
            "absences": (Absence(D(2023, 1, 1), D(2023, 5, 31)), Absence(D(2024, 1, 1), D(2024, 4, 30)))})),
    p("long-term absences of 5 + 5 + 2 months",
      Case("long-term-resident", "residence.period", (), "fail",
           {"residence_start": D(2020, 1, 1),
            "absences": (Absence(D(2023, 1, 1), D(2023, 5, 31)), Absence(D(2024, 1, 1), D(2024, 5, 31)),
                         Absence(D(2025, 1, 1), D(2025, 2, 28)))})),
    # research note section 5, Means: "2025: EUR 1,038/month + EUR 346 per dependant" (T4).
    p("long-term income 1038, no dependant",
      Case("long-term-resident", "means.income", (), "pass", {"amounts": {"monthly_income": 1038}})),
    p("long-term income 1037, no dependant",
      Case("long-term-resident", "means.income", (), "fail", {"amounts": {"monthly_income": 1037}})),
    p("long-term income 1730 with 2 dependants",
      Case("long-term-resident", "means.income", (), "pass", {"amounts": {"monthly_income": 1730, "dependants": 2}})),
    p("long-term income 1729 with 2 dependants",
      Case("long-term-resident", "means.income", (), "fail", {"amounts": {"monthly_income": 1729, "dependants": 2}})),
    # seed 001, Your stay is a permanent residence, L card: "He has an health insurance covering risks in Belgium".
    p("long-term no health insurance",
      Case("long-term-resident", "health_insurance.present", (adult(),), "missing")),

    # --- renewal of the A card ---------------------------------------------------------------------
    # seed 002, Belgium Type A Residence Permit: "initiate the renewal procedure at the local commune 30-45 days
    # before the expiration date". Research note section 7: "T15 says 'at least 45 days'. Certain: apply before
    # expiry, or the person is struck off from expiry + 1 day."
    p("card expires in 45 days",
      Case("renewal/card-a", "renewal.window", (), "pass", {"card_expiry": REF + dt.timedelta(days=45)})),
    p("card expires in 30 days",
      Case("renewal/card-a", "renewal.window", (), "pass", {"card_expiry": REF + dt.timedelta(days=30)})),
    # 46 days: early for seed 002, in time for T15 ("at least 45 days"): the sources disagree, a warning.
    p("card expires in 46 days",
      Case("renewal/card-a", "renewal.window", (), "warn", {"card_expiry": REF + dt.timedelta(days=46)})),
    # 29 days and the expiry day itself: after seed 002's window, but "apply before expiry" still holds.
    p("card expires in 29 days",
      Case("renewal/card-a", "renewal.window", (), "warn", {"card_expiry": REF + dt.timedelta(days=29)})),
    p("card expires on the appointment day",
      Case("renewal/card-a", "renewal.window", (), "warn", {"card_expiry": REF})),
    p("card expired the day before",
      Case("renewal/card-a", "renewal.window", (), "fail", {"card_expiry": REF - dt.timedelta(days=1)})),
    # the card's own expiry counts when dossier.yaml gives none: a residence card expiring in 40 days.
    p("card read from the residence card",
      Case("renewal/card-a", "renewal.window",
           (doc("residence_card", language=None, mrz=mrz(code="AR", expiry=REF + dt.timedelta(days=40))),), "pass")),
    # seed 001, STEP 3: the A card is for travel "always with a valid passport": an expired one fails.
    p("renewal passport expired",
      Case("renewal/card-a", "passport.validity", (passport(expiry=D(2026, 11, 22)),), "fail")),
]


@pytest.mark.parametrize("case", CASES)
def test_rule_against_its_source(case: Case) -> None:
    results, _ = run(case.profile, case.requirement, list(case.documents), **case.facts)
    assert results, f"{case.profile} has no requirement {case.requirement}"
    statuses = {r.status for r in results}
    expected = {case.expected} if isinstance(case.expected, str) else set(case.expected)
    assert statuses <= expected, [(r.status, r.message) for r in results]
