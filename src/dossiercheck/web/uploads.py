"""One uploaded file into a session: a document streamed into its folder, or a dossier.yaml read into the form.

A dossier.yaml at the top of what was dropped is the folder describing itself (as for `check`): its facts
fill the form, and the check writes the form back as the session's dossier.yaml, so what the applicant
sees on the page is what is checked.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from starlette.requests import Request

from dossiercheck.knowledge.dossier_file import DossierFileError, parse_dossier_text
from dossiercheck.knowledge.files import read_yaml_text
from dossiercheck.web.sessions import DOSSIER_FILE_NAMES, MAX_DOSSIER_FILE_BYTES, Refused, Session, clean_path

# A refused body is still read (and thrown away) up to this much, so that the sender, still sending, gets
# the refusal's message; a server that stops reading makes the sender see only a broken connection.
MAX_DISCARDED_BYTES = 2 * 1024 * 1024 * 1024


async def save_upload(session: Session, raw_path: str, request: Request) -> dict[str, Any] | None:
    """Store the request's body as `raw_path` in the session; for a dossier.yaml, the form's values it gives."""
    chunks = request.stream()
    try:
        rel = clean_path(raw_path)
        if rel in DOSSIER_FILE_NAMES:
            body = b""
            async for chunk in chunks:
                body += chunk
                if len(body) > MAX_DOSSIER_FILE_BYTES:
                    raise Refused("bad_yaml", 413, message=f"larger than {MAX_DOSSIER_FILE_BYTES // 1024} KB")
            return read_described(session, body)
        declared = request.headers.get("content-length")
        await session.save(rel, chunks, int(declared) if declared and declared.isdigit() else None)
        return None
    except Refused:
        await discard(chunks)
        raise


async def discard(chunks: AsyncIterator[bytes]) -> None:
    """Read what is left of a refused body, up to MAX_DISCARDED_BYTES."""
    thrown = 0
    async for chunk in chunks:
        thrown += len(chunk)
        if thrown > MAX_DISCARDED_BYTES:
            return


def read_described(session: Session, body: bytes) -> dict[str, Any]:
    """Validate an uploaded dossier.yaml as `check` would, keep its facts, and return what fills the form."""
    text = body.decode("utf-8", "replace")
    try:
        parse_dossier_text(text, "dossier.yaml")
        data = read_yaml_text(text, "dossier.yaml") or {}
    except (DossierFileError, ValueError) as exc:
        raise Refused("bad_yaml", message=str(exc)) from None
    if not isinstance(data, dict):
        raise Refused("bad_yaml", message="it is not a mapping of names to values")
    session.described = data
    applicant = data.get("applicant") or {}
    given = [{"file": file, "field": name, "value": str(value)}
             for file, dates in (data.get("dates") or {}).items() for name, value in dates.items()]
    return {"profile": data.get("profile", ""), "appointment_date": str(data.get("appointment_date") or ""),
            "name": applicant.get("name", ""), "birth_date": str(applicant.get("birth_date") or ""),
            "arrival_date": str(data.get("arrival_date") or ""), "given": given}
