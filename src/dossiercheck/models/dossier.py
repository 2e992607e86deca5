"""What the applicant tells the tool about a dossier (its dossier.yaml, the command's flags)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Applicant:
    name: str | None = None
    birth_date: dt.date | None = None
    nationality: str | None = None


@dataclass(frozen=True)
class Absence:
    """A stay outside Belgium; both days are days away."""

    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class GivenDate:
    """A date the applicant typed because the scan does not show it legibly: (file, field) -> date."""

    file: str  # the file's name as the report shows it (relative path, or 'file (pages 2-3)')
    field: str  # "issue", "expiry", "birth", ...
    value: dt.date


@dataclass(frozen=True)
class DossierInfo:
    file: str
    profile: str | None = None
    appointment_date: dt.date | None = None
    applicant: Applicant = field(default_factory=Applicant)
    arrival_date: dt.date | None = None
    region: str | None = None
    absences: tuple[Absence, ...] = ()
    card_expiry: dt.date | None = None
    residence_start: dt.date | None = None
    amounts: tuple[tuple[str, float], ...] = ()
    dates: tuple[GivenDate, ...] = ()


@dataclass(frozen=True)
class DossierSettings:
    """Which procedure and date a dossier is checked against, with what its dossier.yaml says."""

    folder: Path
    profile_id: str | None
    reference_date: dt.date
    info: DossierInfo | None  # when the folder has a dossier.yaml
    given: tuple[GivenDate, ...] = ()  # dates the applicant gave (dossier.yaml, then --given-date)
