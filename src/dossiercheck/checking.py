"""Which procedure and date a dossier is checked against, and the rule engine's verdict on it.

Flags win over the dossier's own dossier.yaml; the library never reads the clock itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from dossiercheck.dossier_file import DossierInfo
from dossiercheck.errors import UsageError
from dossiercheck.models import Deadline, Document, RequirementResult


@dataclass(frozen=True)
class DossierSettings:
    folder: Path
    profile_id: str | None
    reference_date: dt.date
    info: DossierInfo | None  # when the folder has a dossier.yaml


def resolve_dossier(
    folder: Path,
    profile: str | None,
    reference_date: dt.date | None,
    today: dt.date | None,
    require_profile: bool = False,
) -> DossierSettings:
    """The profile and appointment date: flags, then dossier.yaml, then `today` for the date."""
    from dossiercheck.dossier_file import DossierFileError, load_dossier_file

    try:
        info = load_dossier_file(folder)
    except DossierFileError as exc:
        raise UsageError(str(exc)) from None
    profile_id = profile or (info.profile if info else None)
    date = reference_date or (info.appointment_date if info else None) or today
    if date is None:
        raise UsageError("no appointment date: give --date YYYY-MM-DD or put appointment_date in dossier.yaml")
    if profile_id is None and require_profile:
        raise UsageError(
            "which procedure is this dossier for? Give --profile (e.g. --profile visa-d/employee) "
            "or put `profile:` in the folder's dossier.yaml; `dossiercheck profiles` lists them"
        )
    if profile_id is not None:
        load_checked_profile(profile_id)  # fail before the slow part on a typo
    return DossierSettings(folder=folder, profile_id=profile_id, reference_date=date, info=info)


def load_checked_profile(profile_id: str):  # type: ignore[no-untyped-def]
    from dossiercheck.profiles import ProfileError, load_profile

    try:
        return load_profile(profile_id)
    except ProfileError as exc:
        raise UsageError(str(exc)) from None


def evaluate_dossier(
    settings: DossierSettings, documents: Sequence[Document], lang: str
) -> tuple[list[RequirementResult], list[Deadline]]:
    """Apply the profile's requirements; without a profile there is nothing to check against."""
    if settings.profile_id is None:
        return [], []
    from dossiercheck.rules import DossierContext, evaluate

    profile = load_checked_profile(settings.profile_id)
    context = DossierContext.build(settings.reference_date, settings.info, lang)
    results, deadlines = evaluate(profile, documents, context, lang=lang)
    return list(results), list(deadlines)
