"""Which procedure and date a dossier is checked against, the dates its applicant gave, and the rules' verdict.

Flags win over the dossier's own dossier.yaml; the library never reads the clock itself (the caller
passes `today` for the default appointment date).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from dossiercheck.errors import UsageError
from dossiercheck.knowledge.dossier_file import DossierFileError, load_dossier_file
from dossiercheck.models import (
    DateField,
    Deadline,
    Document,
    DossierInfo,
    DossierSettings,
    FileReading,
    GivenDate,
    Profile,
    Report,
    RequirementResult,
    Skipped,
)
from dossiercheck.models.document import file_of_name
from dossiercheck.pipeline.documents import documents_of
from dossiercheck.pipeline.read import ReadOptions
from dossiercheck.pipeline.translations import pair_translations
from dossiercheck.rules import DossierContext, evaluate
from dossiercheck.rules.profiles import ProfileError, load_profile
from dossiercheck.version import __version__

GIVEN_LABEL = "given by you"


def read_dossier_file(folder: Path) -> DossierInfo | None:
    try:
        return load_dossier_file(folder)
    except DossierFileError as exc:
        raise UsageError(str(exc)) from None


def resolve_dossier(folder: Path, profile: str | None, reference_date: dt.date | None, today: dt.date | None,
                    require_profile: bool = False, given: Sequence[GivenDate] = (),
                    info: DossierInfo | None = None) -> DossierSettings:
    """The profile and appointment date (flags, then dossier.yaml, then `today`) and the dates given."""
    info = info if info is not None else read_dossier_file(folder)
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
    # A date given on the command line wins over the same file's date in dossier.yaml.
    merged = {(g.file, g.field): g for g in (*(info.dates if info else ()), *given)}
    return DossierSettings(folder=folder, profile_id=profile_id, reference_date=date, info=info,
                           given=tuple(merged.values()))


def load_checked_profile(profile_id: str) -> Profile:
    try:
        return load_profile(profile_id)
    except ProfileError as exc:
        raise UsageError(str(exc)) from None


def check_given_files(given: Iterable[GivenDate], files: Iterable[str]) -> None:
    """Every date given names a file of the dossier: a typo must not leave a date silently unused."""
    known = list(files)
    names = set(known) | {f.rsplit("/", 1)[-1] for f in known}
    for item in given:
        if file_of_name(item.file) in names:
            continue
        close = difflib.get_close_matches(item.file, sorted(names), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f"; the files are: {', '.join(sorted(known))}"
        raise UsageError(f"a date was given for {item.file!r}, which is not a file of this dossier{hint}")


def _applies(item: GivenDate, document: Document) -> bool:
    if item.file in (document.name, document.file):
        return True
    return "/" not in item.file and document.file.rsplit("/", 1)[-1] == item.file and document.part is None


def apply_given(documents: Sequence[Document], given: Sequence[GivenDate]) -> tuple[Document, ...]:
    """Documents with the dates the applicant gave put first among their dates (marked `given`)."""
    out = []
    for document in documents:
        mine = [g for g in given if _applies(g, document)]
        if mine:
            typed = tuple(DateField(value=g.value, raw=GIVEN_LABEL, page=0, field=g.field, label=GIVEN_LABEL,
                                    source="given") for g in mine)
            document = dataclasses.replace(document, dates=typed + document.dates)
        out.append(document)
    return tuple(out)


def check_documents(settings: DossierSettings, documents: Sequence[Document], lang: str
                    ) -> tuple[tuple[RequirementResult, ...], tuple[Deadline, ...]]:
    """Apply the profile's requirements; without a profile there is nothing to check against."""
    if settings.profile_id is None:
        return (), ()
    profile = load_checked_profile(settings.profile_id)
    context = DossierContext.build(settings.reference_date, settings.info, lang)
    results, deadlines = evaluate(profile, documents, context, lang=lang)
    return tuple(results), tuple(deadlines)


def check_readings(settings: DossierSettings, readings: Sequence[FileReading], skipped: Sequence[Skipped],
                   lang: str, options: ReadOptions | None = None,
                   ahead: Mapping[str, tuple[Document, ...]] | None = None) -> Report:
    """The one path from a dossier's readings to its Report: analyse, add the given dates, check, report.

    `check`, `batch` and the local page all come through here; `ahead`: files analysed while the others
    were read (see pipeline.documents.AnalysedAhead).
    """
    documents = documents_of(readings, settings.reference_date, options or ReadOptions(), ahead)
    analysed = pair_translations(documents, settings.reference_date)
    documents = apply_given(analysed, settings.given)
    requirements, deadlines = check_documents(settings, documents, lang)
    return Report(
        tool_version=__version__,
        dossier=str(settings.folder),
        profile=settings.profile_id,
        reference_date=settings.reference_date,
        documents=tuple(sorted(documents, key=lambda d: (d.file, d.part or (0, 0)))),
        skipped=tuple(sorted(skipped, key=lambda s: s.file)),
        requirements=requirements,
        deadlines=deadlines,
        total_bytes=sum(d.size for d in documents),
        lang=lang,
    )
