"""Readings and analyses kept between runs, keyed by the file's content hash and what produced them.

Only what later stages need is stored (page text, word boxes, MRZ lines, face counts; the documents'
types, dates and MRZs), never an image. The folder is per user and created with mode 0700: these are
passports and criminal records. `--no-cache` leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossiercheck.knowledge.files import cache_root, schemas_digest, write_private
from dossiercheck.models import Document, FileReading, Page, to_plain
from dossiercheck.models.document import document_from_plain, document_to_plain
from dossiercheck.models.reading import page_from_plain
from dossiercheck.version import code_digest


def default_cache_dir() -> Path:
    return cache_root()


@dataclass(frozen=True)
class CachedFile:
    pages: list[Page]
    problems: list[str]


class _JsonStore:
    """A folder of JSON files under `root/<kind>/<key>/`, one per file content; written then renamed."""

    def __init__(self, root: Path | None, kind: str, key: str) -> None:
        self.root, self.kind, self.key = root, kind, key
        self.hits = self.misses = 0

    def _path(self, sha256: str) -> Path:
        assert self.root is not None
        return self.root / self.kind / self.key / sha256[:2] / f"{sha256}.json"

    def load(self, sha256: str) -> Any:
        if self.root is None:
            return None
        try:
            found = json.loads(self._path(sha256).read_text(encoding="utf-8"))
        except (OSError, ValueError):  # missing, or damaged: read again
            self.misses += 1
            return None
        self.hits += 1
        return found

    def save(self, sha256: str, plain: Any) -> None:
        if self.root is None:
            return
        path = self._path(sha256)
        try:
            write_private(path, json.dumps(plain, ensure_ascii=False))
        except OSError:
            pass  # a cache that cannot be written only costs time


class OcrCache(_JsonStore):
    """What OCR read from each file, keyed by its content and the OCR settings."""

    def __init__(self, root: Path | None, settings_key: str) -> None:
        super().__init__(root, "ocr", settings_key)

    @classmethod
    def disabled(cls) -> OcrCache:
        return cls(None, "")

    def get(self, sha256: str) -> CachedFile | None:
        plain = self.load(sha256)
        try:
            return CachedFile([page_from_plain(p) for p in plain["pages"]], list(plain.get("problems", [])))
        except (KeyError, TypeError, AttributeError):
            return None

    def put(self, sha256: str, pages: list[Page], problems: list[str]) -> None:
        self.save(sha256, {"pages": to_plain(pages), "problems": problems})


class AnalysisCache(_JsonStore):
    """What the analysis made of each file's reading: its documents, without their pages.

    Keyed by the reading's key, the reference date (plausibility and the MRZ's century depend on it),
    the tool's code and the shipped schemas, so any change to either reads nothing stale. A cached
    re-run then loads neither the image libraries, nor the OCR engine, nor the language model.
    """

    def __init__(self, root: Path | None, reading_key: str, reference_date: dt.date) -> None:
        key = hashlib.sha256(f"{reading_key}|{reference_date}|{code_digest()}|{schemas_digest()}".encode())
        super().__init__(root, "analysis", key.hexdigest()[:16])

    def get(self, reading: FileReading) -> tuple[Document, ...] | None:
        plain = self.load(reading.sha256)
        if plain is None:
            return None
        try:
            return tuple(document_from_plain(d, reading.pages) for d in plain)
        except (KeyError, TypeError, ValueError, IndexError):
            return None

    def put(self, reading: FileReading, documents: tuple[Document, ...]) -> None:
        self.save(reading.sha256, [document_to_plain(d) for d in documents])


def cache_info(root: Path) -> tuple[int, int]:
    """Number of cached files and their total size in bytes."""
    count = size = 0
    readings = root / "ocr"
    if readings.is_dir():
        for path in readings.rglob("*.json"):
            count += 1
            size += path.stat().st_size
    for kind in ("analysis", "reports"):  # the analyses, and the reports kept for a re-run (cli.replay)
        kept = root / kind
        if kept.is_dir():
            size += sum(p.stat().st_size for p in kept.rglob("*.json"))
    return count, size


def clear_cache(root: Path) -> None:
    """Delete the cached readings, and the cache folder if nothing else is in it.

    Only what the tool wrote goes: DOSSIERCHECK_CACHE_DIR pointed at a folder of other things
    (by mistake, at the home folder) must not lose them.
    """
    for kind in ("ocr", "analysis", "schemas", "reports"):
        readings = root / kind
        if readings.is_dir() and not readings.is_symlink():
            shutil.rmtree(readings)
    with contextlib.suppress(OSError):
        root.rmdir()  # only when empty
