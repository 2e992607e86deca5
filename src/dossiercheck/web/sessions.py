"""Page sessions: each open page has a private folder (mode 0700) that holds its uploads, and nothing else.

All the folders live under one root made when the server starts, so stopping the server removes every
upload at once (`SessionStore.close`), whatever state the pages were in. A page's folder goes when the page
ends (an explicit end or the unload beacon), when it has not been heard from for `idle_seconds`, or when
the server stops. Uploads are streamed straight into the session's folder, never through a spool file in
the system's temporary folder.
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
import threading
import time
import unicodedata
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Names the library reads as the dossier's own description: an upload of one fills the form instead.
DOSSIER_FILE_NAMES = ("dossier.yaml", "dossier.yml")
MAX_DOSSIER_FILE_BYTES = 64 * 1024
MAX_NAME_CHARS = 255
MAX_PATH_CHARS = 1024


@dataclass(frozen=True)
class UploadLimits:
    """Bounds on what one page session may upload; each has a message that says which and how to fix it."""

    max_file_bytes: int = 50 * 1024 * 1024
    max_files: int = 100
    max_total_bytes: int = 500 * 1024 * 1024
    max_pages: int = 200  # per file, as `check --max-pages`: the rest are reported, not read


class Refused(Exception):
    """A request the page will not serve; `key` names the page's words for it, `values` fill them in."""

    def __init__(self, key: str, status: int = 400, **values: Any) -> None:
        super().__init__(key)
        self.key, self.status, self.values = key, status, values


def clean_path(raw: str) -> str:
    """A relative '/'-separated path for an uploaded file, or Refused('bad_name').

    Browsers send the file's name, or its path inside a chosen or dropped folder: never let one climb out
    of the session folder ('..', absolute paths, backslashes) or carry control characters.
    """
    text = unicodedata.normalize("NFC", raw.replace("\\", "/"))
    parts = [p for p in text.split("/") if p not in ("", ".")]
    if (not parts or len(text) > MAX_PATH_CHARS or any(p == ".." or len(p) > MAX_NAME_CHARS for p in parts)
            or any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in text)):
        raise Refused("bad_name", file=raw[:80])
    return "/".join(parts)


@dataclass
class Session:
    """One open page: its folder of uploads and what the applicant typed in it."""

    id: str
    folder: Path  # private, 0700; `documents` inside it is the dossier folder that is checked
    limits: UploadLimits
    last_seen: float = field(default_factory=time.monotonic)
    lock: threading.Lock = field(default_factory=threading.Lock)
    described: dict[str, Any] = field(default_factory=dict)  # an uploaded dossier.yaml, as its mapping
    job: Any = None  # the last check (web.checking.CheckJob)
    ended: bool = False

    @property
    def documents(self) -> Path:
        return self.folder / "documents"

    def touch(self) -> None:
        self.last_seen = time.monotonic()

    def files(self) -> list[dict[str, Any]]:
        """The uploaded documents, by relative path, with their sizes."""
        out = []
        for path in sorted(self.documents.rglob("*")):
            if path.is_file() and path.parent == self.documents and path.name in DOSSIER_FILE_NAMES:
                continue  # written by the check from the form, not an upload
            if path.is_file():
                out.append({"path": path.relative_to(self.documents).as_posix(), "size": path.stat().st_size})
        return out

    def target(self, rel: str) -> Path:
        path = self.documents / rel
        if not path.resolve().is_relative_to(self.documents.resolve()):
            raise Refused("bad_name", file=rel)
        return path

    async def save(self, rel: str, chunks: AsyncIterator[bytes], declared: int | None) -> None:
        """Stream one upload into the session's folder within the limits; a file of that path is replaced."""
        target = self.target(rel)
        existing = {f["path"]: f["size"] for f in self.files()}
        if rel not in existing and len(existing) >= self.limits.max_files:
            raise Refused("too_many", 413, file=rel, n=self.limits.max_files)
        room = self.limits.max_total_bytes - sum(s for p, s in existing.items() if p != rel)
        if declared is not None:
            self._check_size(rel, declared, room)
        # Written beside the documents, then moved in: a half-written file is never part of the dossier.
        partial = self.folder / f"incoming-{secrets.token_hex(8)}"
        size = 0
        try:
            with open(partial, "xb") as handle:
                os.chmod(partial, 0o600)
                async for chunk in chunks:
                    size += len(chunk)
                    self._check_size(rel, size, room)
                    handle.write(chunk)
            if target.exists() and target.is_dir():
                raise Refused("bad_name", file=rel)
            target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)

    def _check_size(self, rel: str, size: int, room: int) -> None:
        if size > self.limits.max_file_bytes:
            raise Refused("too_big", 413, file=rel, mb=self.limits.max_file_bytes // (1024 * 1024))
        if size > room:
            raise Refused("too_much", 413, file=rel, mb=self.limits.max_total_bytes // (1024 * 1024))

    def remove(self, rel: str) -> bool:
        target = self.target(rel)
        if not target.is_file():
            return False
        target.unlink()
        # Folders left empty by the removal go too (the library reports an empty folder otherwise).
        parent = target.parent
        while parent != self.documents and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent
        return True

    def close(self) -> None:
        self.ended = True
        shutil.rmtree(self.folder, ignore_errors=True)


class SessionStore:
    """Every page session of one server run, under one private root folder."""

    def __init__(self, limits: UploadLimits, idle_seconds: float = 1800, max_sessions: int = 50,
                 parent: Path | None = None) -> None:
        self.limits, self.idle_seconds, self.max_sessions = limits, idle_seconds, max_sessions
        # mkdtemp makes the folder 0700 and unguessable; `parent` only for tests.
        self.root = Path(tempfile.mkdtemp(prefix="dossiercheck-serve-", dir=parent))
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()
        self.closed = False

    def create(self) -> Session:
        with self._lock:
            if self.closed:
                raise Refused("server_stopping", 503)
            if len(self._sessions) >= self.max_sessions:
                self._drop_oldest()
            session_id = secrets.token_urlsafe(12)
            folder = self.root / session_id
            folder.mkdir(mode=0o700)
            (folder / "documents").mkdir(mode=0o700)
            session = Session(session_id, folder, self.limits)
            self._sessions[session_id] = session
            return session

    def _drop_oldest(self) -> None:
        idle = [s for s in self._sessions.values() if not _busy(s)]
        if idle:
            oldest = min(idle, key=lambda s: s.last_seen)
            self._sessions.pop(oldest.id).close()

    def get(self, session_id: str) -> Session | None:
        with self._lock:
            session = self._sessions.get(session_id)
        if session is not None:
            session.touch()
        return session

    def end(self, session_id: str) -> bool:
        with self._lock:
            session = self._sessions.pop(session_id, None)
        if session is None:
            return False
        session.close()
        return True

    def reap(self, now: float | None = None) -> list[str]:
        """End the sessions not heard from for `idle_seconds` (a check still running keeps its session)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            gone = [s for s in self._sessions.values() if now - s.last_seen > self.idle_seconds and not _busy(s)]
            for session in gone:
                del self._sessions[session.id]
        for session in gone:
            session.close()
        return [s.id for s in gone]

    def close(self) -> None:
        """Remove every session and the root: the server is stopping. Safe to call more than once."""
        with self._lock:
            self.closed = True
            sessions = list(self._sessions.values())
            self._sessions.clear()
        for session in sessions:
            session.close()
        shutil.rmtree(self.root, ignore_errors=True)

    def __len__(self) -> int:
        return len(self._sessions)


def _busy(session: Session) -> bool:
    return session.job is not None and session.job.running
