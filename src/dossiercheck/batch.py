"""Many client dossiers in one run: one worker pool and one OCR cache for all of them.

Each sub-folder of the clients folder is one dossier. Every client's files are read through a
single `read_sources` call (identical files across clients are read once), then each client is
analysed and checked on its own, so one broken folder becomes an error row, never a stopped run.
A client whose key (its files, dossier.yaml, profile, date, tool and rules) matches the previous
run's manifest is not read or checked again: its row comes from the manifest.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from dossiercheck import __version__
from dossiercheck.checking import DossierSettings, resolve_dossier
from dossiercheck.errors import DossierCheckError, UsageError
from dossiercheck.ingest import DOSSIER_FILE_NAMES, OWN_OUTPUT_PREFIX, SourceFile, discover
from dossiercheck.models import Deadline, Document, Report, Skipped
from dossiercheck.pipeline import ReadOptions, analyse_documents, read_sources
from dossiercheck.reporters.wording import words_for

BatchVerdict = Literal["complete", "incomplete", "error"]
MANIFEST_VERSION = 1


@dataclass
class ClientResult:
    """One client's row: what the summary, the index and the calendar show."""

    name: str
    folder: Path
    profile: str | None = None
    reference_date: dt.date | None = None
    verdict: BatchVerdict = "error"
    blocking: tuple[str, ...] = ()  # requirement ids that fail or are missing
    warnings: tuple[str, ...] = ()  # requirement ids with status warn
    deadlines: tuple[Deadline, ...] = ()
    error: str = ""
    report: Report | None = None  # None when reused from the manifest or in error
    key: str = ""  # what decides whether the last run's reports are still valid
    reused: bool = False

    @property
    def nearest_deadline(self) -> Deadline | None:
        """The first deadline on or after the appointment date, else the latest one passed."""
        ordered = sorted(self.deadlines, key=lambda d: (d.date, d.requirement))
        ahead = [d for d in ordered if self.reference_date is None or d.date >= self.reference_date]
        return ahead[0] if ahead else (ordered[-1] if ordered else None)


@dataclass
class BatchResult:
    clients_dir: Path
    clients: list[ClientResult] = field(default_factory=list)

    @property
    def reused(self) -> int:
        return sum(c.reused for c in self.clients)

    def count(self, verdict: str) -> int:
        return sum(c.verdict == verdict for c in self.clients)

    def failed(self, fail_on: str) -> bool:
        """Whether the run should exit 1: any dossier not complete, or with fail_on="warn" any warning."""
        return any(c.verdict != "complete" or (fail_on == "warn" and c.warnings) for c in self.clients)


def find_clients(clients_dir: Path) -> list[Path]:
    """The client folders: every visible sub-folder that is not the tool's own output."""
    if not clients_dir.is_dir():
        raise UsageError(f"{clients_dir} is not a folder: give the folder that holds one sub-folder per client")
    folders = sorted(p for p in clients_dir.iterdir()
                     if p.is_dir() and not p.name.startswith((".", OWN_OUTPUT_PREFIX)))
    if not folders:
        raise UsageError(f"{clients_dir} has no sub-folders: put each client's dossier in a folder of its own")
    return folders


def check_batch(
    clients_dir: Path,
    profile: str | None = None,
    reference_date: dt.date | None = None,
    today: dt.date | None = None,
    options: ReadOptions | None = None,
    lang: str = "en",
    previous: Mapping[str, Any] | None = None,
    key_extra: Mapping[str, Any] | None = None,
) -> BatchResult:
    """Check every client folder of `clients_dir`; `previous` is the last run's manifest (see manifest()).

    `profile` and `reference_date` are defaults for folders whose dossier.yaml lacks them; `today`
    is the last resort for the date (passed by the caller, never read here). `key_extra` holds the
    output settings (formats, masking) that also decide whether old reports can be reused.
    """
    options = options or ReadOptions()
    previous = previous or {}
    previous_clients = previous.get("clients", {}) if previous.get("version") == MANIFEST_VERSION else {}
    result = BatchResult(clients_dir)
    pending: list[tuple[ClientResult, DossierSettings, list[SourceFile], list[Skipped]]] = []
    for folder in find_clients(clients_dir):
        client = ClientResult(name=folder.name, folder=folder)
        result.clients.append(client)
        try:
            settings = resolve_client(folder, profile, reference_date, today, lang)
            client.profile, client.reference_date = settings.profile_id, settings.reference_date
            sources, skipped = discover(folder, options.settings.limits)
            client.key = client_key(folder, sources, skipped, settings.profile_id, settings.reference_date,
                                    lang, key_extra or {})
        except DossierCheckError as exc:
            client.error = str(exc)
            continue
        except OSError as exc:
            client.error = words_for(lang)["batch_error_unreadable"].format(reason=exc.strerror or exc)
            continue
        old = previous_clients.get(client.name)
        if old and old.get("key") == client.key:
            _restore(client, old)
            continue
        pending.append((client, settings, sources, skipped))

    documents, unread = _read_unique([s for _, _, sources, _ in pending for s in sources], options)
    for client, settings, sources, skipped in pending:
        try:
            client.report = _check_client(client, settings, sources, skipped, documents, unread, lang)
        except DossierCheckError as exc:
            client.error = str(exc)
        except Exception as exc:  # noqa: BLE001 - one client's trouble must not stop the others
            client.error = words_for(lang)["batch_error_crashed"].format(reason=f"{type(exc).__name__}: {exc}")
        else:
            _summarise(client, client.report)
    return result


def resolve_client(folder: Path, profile: str | None, reference_date: dt.date | None,
                   today: dt.date | None, lang: str = "en") -> DossierSettings:
    """Flags are defaults here: a client's own dossier.yaml wins over them."""
    from dossiercheck.dossier_file import DossierFileError, load_dossier_file

    try:
        info = load_dossier_file(folder)
    except DossierFileError as exc:
        raise UsageError(str(exc)) from None
    own_profile = info.profile if info else None
    own_date = info.appointment_date if info else None
    if own_profile is None and profile is None:
        w = words_for(lang)
        raise UsageError(w["batch_error_no_profile"].format(
            where=w["batch_error_no_profile_key" if info else "batch_error_no_file"]))
    return resolve_dossier(folder, own_profile or profile, own_date or reference_date, today, require_profile=True)


def _read_unique(sources: list[SourceFile], options: ReadOptions) -> tuple[dict[str, Document], dict[str, str]]:
    """Read each distinct file content once, for every client at once: (documents, reasons not read) by sha256."""
    unique: dict[str, SourceFile] = {}
    for source in sources:
        unique.setdefault(source.sha256, dataclasses.replace(source, rel=source.sha256))
    if not unique:
        return {}, {}
    documents, skipped = read_sources(list(unique.values()), [], options)
    return {d.sha256: d for d in documents}, {s.file: s.reason for s in skipped}


def _check_client(client: ClientResult, settings: DossierSettings, sources: list[SourceFile], skipped: list[Skipped],
                  read: dict[str, Document], unread: dict[str, str], lang: str) -> Report:
    from dossiercheck.checking import evaluate_dossier

    documents: list[Document] = []
    skipped = list(skipped)
    for source in sources:
        if source.sha256 in unread:
            skipped.append(Skipped(source.rel, unread[source.sha256]))
            continue
        shared = read[source.sha256]
        # Pages are frozen and can be shared; what analysis fills in is per client.
        documents.append(Document(file=source.rel, sha256=source.sha256, mime=source.mime, size=source.size,
                                  pages=list(shared.pages), problems=list(shared.problems)))
    documents = analyse_documents(documents, settings.reference_date)
    requirements, deadlines = evaluate_dossier(settings, documents, lang)
    return Report(
        tool_version=__version__,
        dossier=str(client.folder),
        profile=settings.profile_id,
        reference_date=settings.reference_date,
        documents=sorted(documents, key=lambda d: d.file),
        skipped=sorted(skipped, key=lambda s: s.file),
        requirements=requirements,
        deadlines=deadlines,
        total_bytes=sum(d.size for d in documents),
    )


def _summarise(client: ClientResult, report: Report) -> None:
    client.verdict = report.verdict
    client.blocking = tuple(r.id for r in report.requirements if r.status in ("fail", "missing"))
    client.warnings = tuple(r.id for r in report.requirements if r.status == "warn")
    client.deadlines = tuple(sorted(report.deadlines, key=lambda d: (d.date, d.requirement)))


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
        "tool": __version__,
        "rules": schemas_digest(),
        "extra": dict(extra),
    }
    return hashlib.sha256(json.dumps(plain, sort_keys=True).encode()).hexdigest()


@lru_cache(maxsize=1)
def schemas_digest() -> str:
    """Profiles and document types are data: a change to them must invalidate old reports too."""
    from dossiercheck.resources import schemas_dir

    digest = hashlib.sha256()
    root = schemas_dir()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


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


def _restore(client: ClientResult, old: Mapping[str, Any]) -> None:
    client.reused = True
    client.verdict = old["verdict"]
    client.blocking = tuple(old.get("blocking", ()))
    client.warnings = tuple(old.get("warnings", ()))
    client.deadlines = tuple(Deadline(dt.date.fromisoformat(d["date"]), d["what"], d["requirement"])
                             for d in old.get("deadlines", ()))
