from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dossiercheck.knowledge.dossier_file import DossierFileError, load_dossier_file


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "dossier.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_no_file_is_none(tmp_path: Path) -> None:
    assert load_dossier_file(tmp_path) is None


def test_full_file(tmp_path: Path) -> None:
    info = load_dossier_file(
        write(
            tmp_path,
            """
profile: visa-d/student
appointment_date: 2026-11-23
applicant: {name: María José García López, birth_date: 1990-04-01, nationality: COL}
arrival_date: 2026-11-19
region: brussels
absences:
  - {from: 2022-01-01, to: 2022-03-31}
card_expiry: 2027-01-07
residence_start: 2020-06-01
amounts: {monthly_means: 1100}
""",
        )
    )
    assert info is not None
    assert info.profile == "visa-d/student"
    assert info.appointment_date == dt.date(2026, 11, 23)
    assert info.applicant.birth_date == dt.date(1990, 4, 1)
    assert info.absences[0].end == dt.date(2022, 3, 31)
    assert dict(info.amounts) == {"monthly_means": 1100.0}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("region: antwerp\n", "region: 'antwerp' is not one of 'brussels', 'flanders', 'wallonia'"),
        ("arrival_date: 19/11/2026\n", "arrival_date: '19/11/2026' is not valid; expected YYYY-MM-DD"),
        ("arrival_date: 2026-02-30\n", "arrival_date: '2026-02-30' is not a real date"),
        ("arival_date: 2026-02-03\n", "arival_date: unknown field 'arival_date'"),
        ("absences: [{from: 2022-01-01}]\n", "absences[0]: 'to' is a required property"),
        ("absences: [{from: 2022-03-01, to: 2022-01-01}]\n", "absences[0].to: 2022-01-01 is before"),
        ("applicant: {birth_date: 1990-13-01}\n", "applicant.birth_date"),
        ("region: [\n", "invalid YAML"),
    ],
)
def test_errors_are_one_line_naming_file_and_field(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(DossierFileError) as caught:
        load_dossier_file(write(tmp_path, text))
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(tmp_path / "dossier.yaml"))
    assert expected in message


def test_dossier_file_feeds_the_rule_context(tmp_path: Path) -> None:
    from dossiercheck.rules import DossierContext, evaluate
    from dossiercheck.rules.profiles import load_profile

    info = load_dossier_file(write(tmp_path, "arrival_date: 2026-05-08\napplicant: {birth_date: 1990-04-01}\n"))
    context = DossierContext.build(dt.date(2026, 5, 22), info, "fr")
    assert context.arrival_date == dt.date(2026, 5, 8)
    results, deadlines = evaluate(load_profile("municipality/registration"), [], context)
    deadline = next(r for r in results if r.id == "arrival.deadline")
    assert deadline.status == "fail"
    assert deadline.message.startswith("Vous êtes arrivé le 08/05/2026")
    assert [d.date for d in deadlines] == [dt.date(2026, 5, 21)]
    assert DossierContext.build(dt.date(2026, 5, 22), None).arrival_date is None
