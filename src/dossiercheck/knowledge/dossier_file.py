"""The optional `dossier.yaml` of a dossier folder: facts the scans cannot show.

Arrival date, absences, the card's expiry and the applicant's birth date decide deadlines that no
document carries reliably, so the applicant (or whoever prepares the dossier) writes them down; so
are dates the applicant reads on a document the tool could not read (`dates:`). The file is
validated against schemas/dossier.schema.json; a mistake is one line naming the file and the field.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from dossiercheck.knowledge.files import first_schema_error, read_yaml_text, schema_error_line
from dossiercheck.models import Absence, Applicant, DossierInfo, GivenDate

DOSSIER_FILE = "dossier.yaml"


class DossierFileError(Exception):
    """dossier.yaml cannot be used; str() is one line naming the file and the field."""


def _date(value: str | None, where: str, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DossierFileError(f"{where}: {name}: {value!r} is not a real date; expected YYYY-MM-DD") from None


def _absences(data: dict[str, Any], where: str) -> tuple[Absence, ...]:
    absences = []
    for i, item in enumerate(data.get("absences") or []):
        start = _date(item["from"], where, f"absences[{i}].from")
        end = _date(item["to"], where, f"absences[{i}].to")
        assert start is not None and end is not None  # required by the schema
        if end < start:
            raise DossierFileError(f"{where}: absences[{i}].to: {end} is before from {start}")
        absences.append(Absence(start, end))
    return tuple(absences)


def _given(data: dict[str, Any], where: str) -> tuple[GivenDate, ...]:
    given = []
    for file, fields in sorted((data.get("dates") or {}).items()):
        for name, value in sorted(fields.items()):
            day = _date(value, where, f"dates.{file}.{name}")
            assert day is not None
            given.append(GivenDate(file=str(file), field=name, value=day))
    return tuple(given)


def parse_dossier_text(text: str, where: str) -> DossierInfo:
    """Validate and convert the text of a dossier.yaml (`where` names it in errors)."""
    try:
        data = read_yaml_text(text, where)
    except ValueError as exc:
        raise DossierFileError(str(exc)) from None
    if data is None:
        data = {}
    error = first_schema_error("dossier.schema.json", data)
    if error is not None:
        raise DossierFileError(f"{where}: {schema_error_line(error)}")
    person = data.get("applicant") or {}
    return DossierInfo(
        file=where,
        profile=data.get("profile"),
        appointment_date=_date(data.get("appointment_date"), where, "appointment_date"),
        applicant=Applicant(
            name=person.get("name"),
            birth_date=_date(person.get("birth_date"), where, "applicant.birth_date"),
            nationality=person.get("nationality"),
        ),
        arrival_date=_date(data.get("arrival_date"), where, "arrival_date"),
        region=data.get("region"),
        absences=_absences(data, where),
        card_expiry=_date(data.get("card_expiry"), where, "card_expiry"),
        residence_start=_date(data.get("residence_start"), where, "residence_start"),
        amounts=tuple(sorted((k, float(v)) for k, v in (data.get("amounts") or {}).items())),
        dates=_given(data, where),
    )


def load_dossier_file(folder: Path) -> DossierInfo | None:
    """Read `folder/dossier.yaml` if there is one; None when the dossier has none."""
    path = Path(folder) / DOSSIER_FILE
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DossierFileError(f"{path}: cannot be read: {exc}") from None
    return parse_dossier_text(text, str(path))
