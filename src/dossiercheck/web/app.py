"""The routes of the local page (Starlette). Each one answers in a few lines and leaves the work to others:

    GET    /                              the page (a new session, or the one named by ?s= after a language switch)
    GET    /bring?profile=ID              what to bring for a procedure (a fragment of the page)
    GET    /s/{session}/files             the uploaded files
    PUT    /s/{session}/files?path=REL    one file, streamed into the session's folder (a dossier.yaml fills the form)
    DELETE /s/{session}/files?path=REL    one file removed
    POST   /s/{session}/check             a check of the session's folder started (JSON form)
    GET    /s/{session}/status            how far the check is (the page polls it for its progress bar)
    GET    /s/{session}/result            the checklist (a fragment of the page)
    GET    /s/{session}/pictures/{job}/{n}  a page picture of that check
    GET    /s/{session}/download/{name}   report.html, report.json or dossier.yaml
    POST   /s/{session}/end               the session's folder deleted (the page's button, or its unload beacon)

The Guard in front of the app has already checked the Host, the key and (for changes) the page's token.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import datetime as dt
import functools
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from dossiercheck.errors import DossierCheckError
from dossiercheck.web.checking import CheckJob, CheckSettings, given_fields, read_request
from dossiercheck.web.messages import LANGUAGE_NAMES, LANGUAGES, page_words, say
from dossiercheck.web.sessions import Refused, Session, SessionStore, UploadLimits
from dossiercheck.web.uploads import save_upload
from dossiercheck.web.view import PictureIndex, ReportView

Handler = Callable[[Request], Awaitable[Response]]
ENV = Environment(loader=PackageLoader("dossiercheck.web", "templates"),
                  autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)
REAP_EVERY_SECONDS = 60


@dataclass
class PageServer:
    """What every route shares during one run of `serve`."""

    store: SessionStore
    settings: CheckSettings
    token: str  # the page's token for requests that change something (the Guard checks it)
    ocr_lock: threading.Lock = field(default_factory=threading.Lock)  # one check at a time: each uses every core

    @property
    def limits(self) -> UploadLimits:
        return self.store.limits


def lang_of(request: Request) -> str:
    lang = request.query_params.get("lang", "en")
    return lang if lang in LANGUAGES else "en"


def answers(handler: Handler) -> Handler:
    """The top of every route: a refusal or an error becomes one clear message in the page's language."""

    @functools.wraps(handler)
    async def wrapper(request: Request) -> Response:
        lang = lang_of(request)
        try:
            return await handler(request)
        except Refused as exc:
            values = dict(exc.values)
            if "field" in values:
                values["field"] = say(lang, str(values["field"]))
            return JSONResponse({"error": say(lang, exc.key, **values)}, status_code=exc.status)
        except DossierCheckError as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        except Exception as exc:  # noqa: BLE001 - the top of a request handler: say it instead of a blank page
            message = say(lang, "check_failed", message=f"internal error ({type(exc).__name__}: {exc})")
            return JSONResponse({"error": message}, status_code=500)

    return wrapper


def session_of(request: Request) -> Session:
    server: PageServer = request.app.state.server
    session = server.store.get(request.path_params["session"])
    if session is None:
        raise Refused("session_gone", 410)
    return session


def idle_session_of(request: Request) -> Session:
    """The session, refusing changes to its files while a check reads them."""
    session = session_of(request)
    if session.job is not None and session.job.running:
        raise Refused("busy", 409)
    return session


def finished_job(session: Session) -> CheckJob:
    job = session.job
    if not isinstance(job, CheckJob) or job.report is None:
        raise Refused("no_result", 404)
    return job


@answers
async def show_page(request: Request) -> Response:
    """The page, in the language asked for; ?s= keeps the session (and its files) across a language switch."""
    from dossiercheck.api import list_profiles

    server: PageServer = request.app.state.server
    lang = lang_of(request)
    session = server.store.get(request.query_params.get("s", "")) or server.store.create()
    profiles = [(p.id, p.title.get(lang) or p.title.get("en") or p.id) for p in list_profiles()]
    html = ENV.get_template("page.html.j2").render(
        w=page_words(lang), lang=lang, languages=LANGUAGE_NAMES, profiles=profiles, session=session.id,
        token=server.token, limits=server.limits, mb=server.limits.max_file_bytes // (1024 * 1024),
        today=dt.date.today().isoformat(), given_fields=given_fields())
    return HTMLResponse(html)


@answers
async def show_bring(request: Request) -> Response:
    """What to bring for a procedure: each requirement by name, whether required, and what to do."""
    from dossiercheck.api import load_profile
    from dossiercheck.reporters.checklist import fill

    lang = lang_of(request)
    profile = load_profile(request.query_params.get("profile", ""))
    items = []
    for requirement in profile.requirements:
        values = {"count": requirement.count, **dict(requirement.options)}
        messages = requirement.messages.get(lang) or requirement.messages.get("en") or {}
        items.append((fill(requirement.names.get(lang) or requirement.names.get("en") or requirement.id, values),
                      requirement.severity, fill(messages.get("action") or messages.get("missing") or "", values)))
    description = profile.description.get(lang) or profile.description.get("en") or ""
    return HTMLResponse(ENV.get_template("bring.html.j2").render(w=page_words(lang), items=items,
                                                                  description=description.strip()))


@answers
async def list_files(request: Request) -> Response:
    return JSONResponse({"files": session_of(request).files()})


@answers
async def put_file(request: Request) -> Response:
    """One uploaded file; a dossier.yaml at the top is read into the form instead of being checked."""
    session = idle_session_of(request)
    described = await save_upload(session, request.query_params.get("path", ""), request)
    answer: dict[str, Any] = {"files": session.files()}
    if described is not None:
        answer["described"] = described
    return JSONResponse(answer)


@answers
async def delete_file(request: Request) -> Response:
    session = idle_session_of(request)
    session.remove(request.query_params.get("path", ""))
    return JSONResponse({"files": session.files()})


@answers
async def start_check(request: Request) -> Response:
    """A check of the session's folder with the form's values, in a worker thread; the page polls `status`."""
    from dossiercheck.api import load_profile

    server: PageServer = request.app.state.server
    session = idle_session_of(request)
    check = read_request(await request.json())
    load_profile(check.profile)  # a misspelt id is refused here, with "did you mean"
    if not session.files():
        raise Refused("need_files")
    job = CheckJob(session, check, server.settings, server.ocr_lock)
    session.job = job
    job.start()
    return JSONResponse({"job": job.id})


@answers
async def show_status(request: Request) -> Response:
    job = session_of(request).job
    if not isinstance(job, CheckJob):
        return JSONResponse({"state": "none"})
    lang = job.request.lang
    error = say(lang, "check_failed", message=say(lang, job.error)) if job.state == "error" else ""
    return JSONResponse({"job": job.id, "state": job.state, "done": job.done, "total": job.total, "error": error})


@answers
async def show_result(request: Request) -> Response:
    """The checklist of the last check, in the language it was checked in (its messages are worded in it)."""

    session = session_of(request)
    job = finished_job(session)
    assert job.report is not None
    lang = job.request.lang
    index = PictureIndex(f"/s/{session.id}/pictures/{job.id}", job.pictures)
    view = ReportView(job.report, index, lang, page_words(lang))
    html = ENV.get_template("result.html.j2").render(
        w=page_words(lang), view=view, summary=view.summary(), requirements=view.requirements(),
        documents=view.documents(), skipped=view.report.skipped, session=session.id, job=job.id,
        given=job.request.given, given_fields=given_fields())
    return HTMLResponse(html)


@answers
async def send_picture(request: Request) -> Response:
    session = session_of(request)
    job = finished_job(session)
    if request.path_params["job"] != job.id:
        raise Refused("not_found", 404)
    picture = PictureIndex("", job.pictures).by_number(int(request.path_params["number"]))
    if picture is None:
        raise Refused("not_found", 404)
    kind, _, data = picture.data_uri.partition(";base64,")
    return Response(base64.b64decode(data), media_type=kind.removeprefix("data:") or "image/png")


@answers
async def send_download(request: Request) -> Response:
    """The report as `check --format html|json` writes it, or dossier.yaml with what the applicant typed."""
    from dossiercheck.reporters import render_report
    from dossiercheck.web.checking import dossier_text

    session = session_of(request)
    job = finished_job(session)
    assert job.report is not None
    name = request.path_params["name"]
    if name == "report.html":
        body = render_report(job.report, "html", thumbnails=job.pictures, lang=job.request.lang)
        kind = "text/html"
    elif name == "report.json":
        body, kind = render_report(job.report, "json"), "application/json"
    elif name == "dossier.yaml":
        body, kind = dossier_text(session.described, job.request), "application/yaml"
    else:
        raise Refused("not_found", 404)
    return Response(body, media_type=kind, headers={"content-disposition": f'attachment; filename="{name}"'})


@answers
async def end_session(request: Request) -> Response:
    server: PageServer = request.app.state.server
    server.store.end(request.path_params["session"])
    return JSONResponse({"ended": True})


def build_app(server: PageServer) -> Starlette:
    """The page's ASGI app; the caller wraps it in the Guard and removes the sessions' root when it stops."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        reaper = asyncio.create_task(reap_idle(server.store))
        try:
            yield
        finally:
            reaper.cancel()
            server.store.close()

    routes = [
        Route("/", show_page),
        Route("/bring", show_bring),
        Route("/s/{session}/files", list_files, methods=["GET"]),
        Route("/s/{session}/files", put_file, methods=["PUT"]),
        Route("/s/{session}/files", delete_file, methods=["DELETE"]),
        Route("/s/{session}/check", start_check, methods=["POST"]),
        Route("/s/{session}/status", show_status),
        Route("/s/{session}/result", show_result),
        Route("/s/{session}/pictures/{job}/{number:int}", send_picture),
        Route("/s/{session}/download/{name}", send_download),
        Route("/s/{session}/end", end_session, methods=["POST"]),
        Mount("/static", StaticFiles(packages=[("dossiercheck.web", "static")])),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.server = server
    return app


async def reap_idle(store: SessionStore) -> None:
    """End the sessions of pages closed without a goodbye (a crashed browser sends no beacon)."""
    while True:
        await asyncio.sleep(REAP_EVERY_SECONDS)
        store.reap()
