"""What the page sends, turned into one call of the library's `check_dossier`, run in a worker thread.

The check is the same as `dossiercheck check` on the session's folder: a dossier.yaml with what the
applicant typed is written beside the uploads, the typed dates go in as given dates, the OCR cache is
the CLI's (so checking again reads only what changed). One check runs at a time in the whole server:
each one already uses every core for OCR.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import secrets
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from dossiercheck.errors import DossierCheckError
from dossiercheck.knowledge.files import load_json_schema
from dossiercheck.models import GivenDate, PagePicture, Report
from dossiercheck.models.document import file_of_name
from dossiercheck.web.sessions import DOSSIER_FILE_NAMES, Refused, Session

LANGUAGES = ("en", "fr", "nl")
YAML_HEADER = ("# What you typed on the dossiercheck page. Put this file in the folder of your documents\n"
               "# (`dossiercheck check FOLDER` reads it), or drop it on the page next time.\n")


@functools.lru_cache(maxsize=1)
def given_fields() -> tuple[str, ...]:
    """The dates a person may give for a document: those dossier.yaml's `dates:` takes (its JSON Schema)."""
    schema = load_json_schema("dossier.schema.json")
    return tuple(schema["properties"]["dates"]["additionalProperties"]["properties"])


@dataclass(frozen=True)
class CheckRequest:
    """The page's form: the procedure, the appointment date and what the applicant typed."""

    profile: str
    appointment_date: dt.date
    lang: str = "en"
    name: str = ""
    birth_date: dt.date | None = None
    arrival_date: dt.date | None = None
    given: tuple[GivenDate, ...] = ()
    folder_name: str = ""  # the name of the folder the files came from, to title the report


def _day(value: Any, key: str) -> dt.date | None:
    """A date typed in a field, YYYY-MM-DD (what an <input type=date> sends); `key` names the field's label."""
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise Refused("bad_date", field=key) from None


def read_given(items: Any) -> tuple[GivenDate, ...]:
    """The dates the applicant typed, [{file, field, value}]; the last typed for a file's date wins."""
    if not isinstance(items, list):
        raise Refused("bad_request")
    given = []
    for item in items:
        if not isinstance(item, Mapping) or item.get("field") not in given_fields() or not item.get("file"):
            raise Refused("bad_request")
        value = _day(item.get("value"), "date_value_label")
        if value is not None:
            given.append(GivenDate(file=str(item["file"]), field=str(item["field"]), value=value))
    return tuple({(g.file, g.field): g for g in given}.values())


def read_request(data: Any) -> CheckRequest:
    """The check form as sent by the page (JSON); Refused with the page's words for what is wrong."""
    if not isinstance(data, Mapping):
        raise Refused("bad_request")
    profile = str(data.get("profile") or "").strip()
    if not profile:
        raise Refused("need_procedure")
    appointment = _day(data.get("appointment_date"), "appointment_label")
    if appointment is None:
        raise Refused("need_date")
    lang = str(data.get("lang") or "en")
    return CheckRequest(
        profile=profile, appointment_date=appointment, lang=lang if lang in LANGUAGES else "en",
        name=str(data.get("name") or "").strip()[:200],
        birth_date=_day(data.get("birth_date"), "birth_label"),
        arrival_date=_day(data.get("arrival_date"), "arrival_label"),
        given=read_given(data.get("given") or []),
        folder_name=str(data.get("folder_name") or "").strip()[:120],
    )


def dossier_mapping(described: Mapping[str, Any], request: CheckRequest, with_dates: bool) -> dict[str, Any]:
    """dossier.yaml as the form says it: an uploaded dossier.yaml's other facts kept, the form's values winning.

    A field left empty on the form is left out (the form was filled from the uploaded file, so emptying
    it means the applicant took it out).
    """
    data: dict[str, Any] = {k: v for k, v in described.items() if k != "dates"}
    data["profile"] = request.profile
    data["appointment_date"] = request.appointment_date.isoformat()
    applicant = {k: v for k, v in dict(data.get("applicant") or {}).items() if k not in ("name", "birth_date")}
    if request.name:
        applicant["name"] = request.name
    if request.birth_date:
        applicant["birth_date"] = request.birth_date.isoformat()
    data.pop("applicant", None)
    if applicant:
        data["applicant"] = applicant
    data.pop("arrival_date", None)
    if request.arrival_date:
        data["arrival_date"] = request.arrival_date.isoformat()
    if with_dates and request.given:
        dates: dict[str, dict[str, str]] = {}
        for item in request.given:
            dates.setdefault(item.file, {})[item.field] = item.value.isoformat()
        data["dates"] = dates
    return data


def dossier_text(described: Mapping[str, Any], request: CheckRequest, with_dates: bool = True) -> str:
    body = yaml.safe_dump(dossier_mapping(described, request, with_dates), sort_keys=False, allow_unicode=True)
    return YAML_HEADER + body


@dataclass(frozen=True)
class CheckSettings:
    """How the server reads pages: the CLI's defaults unless `serve` was told otherwise."""

    jobs: int = 0
    use_cache: bool = True
    max_pages: int = 200


@dataclass
class CheckJob:
    """One check of a session's folder, run in a worker thread; the page polls its progress."""

    session: Session
    request: CheckRequest
    settings: CheckSettings
    ocr_lock: threading.Lock
    id: str = field(default_factory=lambda: secrets.token_hex(6))
    state: str = "waiting"  # waiting, reading, pictures, done, error
    done: int = 0
    total: int = 0
    error: str = ""
    report: Report | None = None
    pictures: dict[tuple[str, int], PagePicture] = field(default_factory=dict)
    finished: threading.Event = field(default_factory=threading.Event)
    rendered: dict[str, str] = field(default_factory=dict)  # result fragments already made, by language

    @property
    def running(self) -> bool:
        return self.state not in ("done", "error")

    def start(self) -> None:
        threading.Thread(target=self.run, name=f"check-{self.id}", daemon=True).start()

    def progress(self, done: int, total: int) -> None:
        self.done, self.total = done, total

    def run(self) -> None:
        """The whole check, in its thread; whatever happens, the page learns how it ended."""
        try:
            with self.ocr_lock:
                if self.session.ended:
                    raise Refused("session_gone")
                self.state = "reading"
                report, pictures = self.check()
            self.report, self.pictures = report, pictures
            self.state = "done"
        except Refused as exc:
            self.error, self.state = exc.key, "error"
        except DossierCheckError as exc:
            self.error, self.state = str(exc), "error"
        except Exception as exc:  # noqa: BLE001 - the top of a request's work: the page must say so, not wait forever
            self.error = f"internal error ({type(exc).__name__}: {exc})"
            self.state = "error"
        finally:
            self.finished.set()

    def check(self) -> tuple[Report, dict[tuple[str, int], PagePicture]]:
        """`dossiercheck check` on the session's folder, with the form's dossier.yaml and typed dates."""
        from dossiercheck import api

        write_dossier_file(self.session, self.request)
        given = [g for g in self.request.given if _present(self.session, g.file)]
        # The page opens one check after another: the reading worker, its engines open, is kept between them.
        options = api.read_options(self.settings.jobs, self.settings.use_cache, self.settings.max_pages,
                                   self.progress, keep_reader=True)
        report = api.check_dossier(
            self.session.documents, reference_date=self.request.appointment_date, profile=self.request.profile,
            options=options, lang=self.request.lang, today=dt.date.today(), require_profile=True, given=given)
        self.state = "pictures"
        pictures = api.page_pictures(self.session.documents, report.documents)
        # The report names the folder the files came from, not the session's private path.
        return dataclasses.replace(report, dossier=self.request.folder_name or "dossier"), pictures


def write_dossier_file(session: Session, request: CheckRequest) -> None:
    """The dossier.yaml the check reads, beside the uploads (the typed dates go in as given dates)."""
    for name in DOSSIER_FILE_NAMES:
        (session.documents / name).unlink(missing_ok=True)
    path = session.documents / DOSSIER_FILE_NAMES[0]
    path.write_text(dossier_text(session.described, request, with_dates=False), encoding="utf-8")
    path.chmod(0o600)


def _present(session: Session, name: str) -> bool:
    """A typed date still names an uploaded file ('scan.pdf (pages 3-4)' names scan.pdf)."""
    return (session.documents / file_of_name(name)).is_file()
