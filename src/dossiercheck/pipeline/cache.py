"""OCR results kept between runs, keyed by the file's content hash and the OCR settings.

Only what later stages need is stored (page text, word boxes, MRZ lines, face counts), never
an image. The folder is per user and created with mode 0700: these are passports and criminal
records. `--no-cache` leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from dossiercheck.models import Page, to_plain
from dossiercheck.ocr.page import page_from_plain

CACHE_ENV = "DOSSIERCHECK_CACHE_DIR"


def default_cache_dir() -> Path:
    override = os.environ.get(CACHE_ENV)
    return Path(override) if override else Path(platformdirs.user_cache_dir("dossiercheck"))


@dataclass
class CachedFile:
    pages: list[Page]
    problems: list[str]


class OcrCache:
    """A folder of JSON files, one per (file content, OCR settings)."""

    def __init__(self, root: Path | None, settings_key: str) -> None:
        self.root = root
        self.settings_key = settings_key
        self.hits = 0
        self.misses = 0

    @classmethod
    def disabled(cls) -> OcrCache:
        return cls(None, "")

    def _path(self, sha256: str) -> Path:
        assert self.root is not None
        return self.root / "ocr" / self.settings_key / sha256[:2] / f"{sha256}.json"

    def get(self, sha256: str) -> CachedFile | None:
        if self.root is None:
            return None
        try:
            plain = json.loads(self._path(sha256).read_text(encoding="utf-8"))
            found = CachedFile([page_from_plain(p) for p in plain["pages"]], list(plain.get("problems", [])))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):  # missing, or damaged: read again
            self.misses += 1
            return None
        self.hits += 1
        return found

    def put(self, sha256: str, pages: list[Page], problems: list[str]) -> None:
        if self.root is None:
            return
        path = self._path(sha256)
        try:
            make_private_dir(path.parent)
            payload = json.dumps({"pages": to_plain(pages), "problems": problems}, ensure_ascii=False)
            # Write then rename, so a killed run never leaves half a file that a later run trusts.
            handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(payload)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written only costs time


def make_private_dir(path: Path) -> None:
    """Create the folder and its missing parents readable by this user only."""
    missing = []
    current = path
    while not current.exists():
        missing.append(current)
        current = current.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)  # whatever the umask, and even if another process made it a moment ago


def cache_info(root: Path) -> tuple[int, int]:
    """Number of cached files and their total size in bytes."""
    count = size = 0
    readings = root / "ocr"
    if readings.is_dir():
        for path in readings.rglob("*.json"):
            count += 1
            size += path.stat().st_size
    return count, size


def clear_cache(root: Path) -> None:
    """Delete the cached readings, and the cache folder if nothing else is in it.

    Only what the tool wrote goes: DOSSIERCHECK_CACHE_DIR pointed at a folder of other things
    (by mistake, at the home folder) must not lose them.
    """
    readings = root / "ocr"
    if readings.is_dir() and not readings.is_symlink():
        shutil.rmtree(readings)
    with contextlib.suppress(OSError):
        root.rmdir()  # only when empty
