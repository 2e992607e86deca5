"""Many client dossiers in one run: one worker pool and one OCR cache for all of them.

Each sub-folder of the clients folder is one dossier. Every client's files are read through a single
`read_sources` call (identical files across clients are read once), then each client goes the one path
from readings to Report (`check_readings`), so one broken folder becomes an error row, never a stopped
run. A client whose key (its files, dossier.yaml, profile, date, tool and rules) matches the previous
run's manifest is not read or checked again: its row comes from the manifest.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossiercheck.errors import DossierCheckError, UsageError, strict
from dossiercheck.ingest import DOSSIER_FILE_NAMES, OWN_OUTPUT_PREFIX, SourceFile, discover
from dossiercheck.installation import installation_digest
from dossiercheck.knowledge.files import schemas_digest
from dossiercheck.knowledge.wording import words_for
from dossiercheck.models import (
    BLOCKING,
    BatchResult,
    ClientResult,
    Deadline,
    Document,
    DossierSettings,
    FileReading,
    Report,
    Skipped,
)
from dossiercheck.pipeline.documents import AnalysedAhead
from dossiercheck.pipeline.dossier import check_readings, read_dossier_file, resolve_dossier
from dossiercheck.pipeline.read import ReadOptions, read_sources, readings_for
from dossiercheck.version import __version__, code_digest

MANIFEST_VERSION = 1


@dataclass(frozen=True)
class _Pending:
    row: ClientResult
    settings: DossierSettings
    sources: list[SourceFile]
    skipped: list[Skipped]


def find_clients(clients_dir: Path) -> list[Path]:
    """The client folders: every visible sub-folder that is not the tool's own output."""
    if not clients_dir.is_dir():
        raise UsageError(f"{clients_dir} is not a folder: give the folder that holds one sub-folder per client")
    folders = sorted(p for p in clients_dir.iterdir()
                     if p.is_dir() and not p.name.startswith((".", OWN_OUTPUT_PREFIX)))
    if not folders:
        raise UsageError(f"{clients_dir} has no sub-folders: put each client's dossier in a folder of its own")
    return folders


def check_batch(clients_dir: Path, profile: str | None = None, reference_date: dt.date | None = None,
                today: dt.date | None = None, options: ReadOptions | None = None, lang: str = "en",
                previous: Mapping[str, Any] | None = None, key_extra: Mapping[str, Any] | None = None) -> BatchResult:
    """Check every client folder of `clients_dir`; `previous` is the last run's manifest (see manifest()).

    `profile` and `reference_date` are defaults for folders whose dossier.yaml lacks them; `today`
    is the last resort for the date (passed by the caller, never read here). `key_extra` holds the
    output settings (formats, masking) that also decide whether old reports can be reused.
    """
    options = options or ReadOptions()
    previous = previous or {}
    old_rows = previous.get("clients", {}) if previous.get("version") == MANIFEST_VERSION else {}
    rows: dict[str, ClientResult] = {}
    pending: list[_Pending] = []
    for folder in find_clients(clients_dir):
        planned = _plan(folder, profile, reference_date, today, options, lang, key_extra or {})
        if isinstance(planned, ClientResult):
            rows[folder.name] = planned
            continue
        old = old_rows.get(folder.name)
        if old and old.get("key") == planned.row.key:
            rows[folder.name] = _restore(planned.row, old)
        else:
            rows[folder.name] = planned.row
            pending.append(planned)
    # Each file analysed as soon as it is read, for every appointment date it is checked against.
    dates_of: dict[str, set[dt.date]] = {}
    for item in pending:
        for source in item.sources:
            dates_of.setdefault(source.sha256, set()).add(item.settings.reference_date)
    ahead = {date: AnalysedAhead(date, options) for date in {item.settings.reference_date for item in pending}}

    def reading_done(reading: FileReading) -> None:
        for date in sorted(dates_of.get(reading.sha256, ())):
            ahead[date](reading)

    results = read_sources([s for p in pending for s in p.sources], dataclasses.replace(options,
                                                                                          reading_done=reading_done))
    for item in pending:
        rows[item.row.name] = _checked(item, results, lang, options, ahead[item.settings.reference_date].done)
    return BatchResult(str(clients_dir), tuple(rows[name] for name in sorted(rows)))


def _plan(folder: Path, profile: str | None, reference_date: dt.date | None, today: dt.date | None,
          options: ReadOptions, lang: str, extra: Mapping[str, Any]) -> _Pending | ClientResult:
    """The client's settings and files, or an error row saying why the folder cannot be checked."""
    row = ClientResult(name=folder.name, folder=str(folder))
    try:
        settings = resolve_client(folder, profile, reference_date, today, lang)
        sources, skipped = discover(folder, options.settings.limits)
    except DossierCheckError as exc:
        return dataclasses.replace(row, error=str(exc))
    except OSError as exc:
        return dataclasses.replace(row, error=words_for(lang)["batch_error_unreadable"].format(
            reason=exc.strerror or exc))
    key = client_key(folder, sources, skipped, settings.profile_id, settings.reference_date, lang, extra)
    row = dataclasses.replace(row, profile=settings.profile_id, reference_date=settings.reference_date, key=key)
    return _Pending(row, settings, sources, skipped)


def _checked(item: _Pending, results: dict[str, FileReading | Skipped], lang: str, options: ReadOptions,
             ahead: Mapping[str, tuple[Document, ...]]) -> ClientResult:
    try:
        readings, unread = readings_for(item.sources, results)
        report = check_readings(item.settings, readings, [*item.skipped, *unread], lang, options, ahead)
    except DossierCheckError as exc:
        return dataclasses.replace(item.row, error=str(exc))
    except Exception as exc:  # noqa: BLE001 - one client's trouble must not stop the others (loud in tests)
        if strict():
            raise
        return dataclasses.replace(item.row, error=words_for(lang)["batch_error_crashed"].format(
            reason=f"{type(exc).__name__}: {exc}"))
    return _summarised(item.row, report)


def resolve_client(folder: Path, profile: str | None, reference_date: dt.date | None,
                   today: dt.date | None, lang: str = "en") -> DossierSettings:
    """Flags are defaults here: a client's own dossier.yaml wins over them."""
    info = read_dossier_file(folder)
    own_profile = info.profile if info else None
    own_date = info.appointment_date if info else None
    if own_profile is None and profile is None:
        w = words_for(lang)
        raise UsageError(w["batch_error_no_profile"].format(
            where=w["batch_error_no_profile_key" if info else "batch_error_no_file"]))
    return resolve_dossier(folder, own_profile or profile, own_date or reference_date, today,
                           require_profile=True, info=info)


def _summarised(row: ClientResult, report: Report) -> ClientResult:
    return dataclasses.replace(
        row, report=report, verdict=report.verdict,
        blocking=tuple(r.id for r in report.requirements if r.status in BLOCKING),
        warnings=tuple(r.id for r in report.requirements if r.status == "warn"),
        deadlines=tuple(sorted(report.deadlines, key=lambda d: (d.date, d.requirement))),
    )


def client_key(folder: Path, sources: list[SourceFile], skipped: list[Skipped], profile: str | None,
               reference_date: dt.date, lang: str, extra: Mapping[str, Any]) -> str:
    """A hash of everything the client's reports depend on."""
    settings_files = {}
    for name in sorted(DOSSIER_FILE_NAMES):
        path = folder / name
        if path.is_file():
            settings_files[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    plain = {
        "files": [[s.rel, s.sha256] for s in sources],
        "skipped": [[s.file, s.reason] for s in skipped],
        "dossier_file": settings_files,
        "profile": profile,
        "reference_date": reference_date.isoformat(),
        "lang": lang,
        "tool": code_digest(),  # an edited checkout keeps its version number
        "installation": installation_digest(),
        "rules": schemas_digest(),
        "extra": dict(extra),
    }
    return hashlib.sha256(json.dumps(plain, sort_keys=True).encode()).hexdigest()


def manifest(result: BatchResult) -> dict[str, Any]:
    """What the next run needs to reuse a client's row without reading it: only checked clients."""
    return {
        "version": MANIFEST_VERSION,
        "tool": __version__,
        "clients": {
            c.name: {
                "key": c.key,
                "profile": c.profile,
                "reference_date": c.reference_date.isoformat() if c.reference_date else None,
                "verdict": c.verdict,
                "blocking": list(c.blocking),
                "warnings": list(c.warnings),
                "deadlines": [{"date": d.date.isoformat(), "what": d.what, "requirement": d.requirement}
                              for d in c.deadlines],
            }
            for c in result.clients
            if c.verdict != "error" and c.key
        },
    }


def _restore(row: ClientResult, old: Mapping[str, Any]) -> ClientResult:
    return dataclasses.replace(
        row, reused=True, verdict=old["verdict"], blocking=tuple(old.get("blocking", ())),
        warnings=tuple(old.get("warnings", ())),
        deadlines=tuple(Deadline(dt.date.fromisoformat(d["date"]), d["what"], d["requirement"])
                        for d in old.get("deadlines", ())),
    )
