"""Find the dossier's files and decide what each really is from its bytes (libmagic, never the name)."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, replace
from pathlib import Path

import magic

from dossiercheck.ingest.formats import (
    HEIF_MIMES,
    heif_installed,
    heif_unavailable_reason,
    readable,
    unsupported_reason,
)
from dossiercheck.ingest.guard import DEFAULT_LIMITS, Limits
from dossiercheck.models import Skipped

# Files the tool writes itself, and the dossier's own description: not documents.
OWN_OUTPUT_PREFIX = "dossiercheck-"
DOSSIER_FILE_NAMES = {"dossier.yaml", "dossier.yml"}


@dataclass(frozen=True)
class SourceFile:
    """A file of the dossier that the tool can read."""

    path: Path
    rel: str  # '/'-separated path relative to the dossier folder
    size: int
    sha256: str
    mime: str


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sniff(path: Path) -> str:
    """The MIME type from the first bytes, as libmagic sees them."""
    with path.open("rb") as handle:
        head = handle.read(8192)
    try:
        return str(magic.from_buffer(head, mime=True))
    except magic.MagicException:  # libmagic gives up on some byte soups: then nobody knows the type
        return "application/octet-stream"


def display_name(rel: str) -> str:
    """The relative path as the report shows it: bytes that are not UTF-8 and control
    characters (newlines, terminal escapes) written as \\xNN, so no name can break a report."""
    out = []
    for ch in rel:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, as os.fsdecode keeps it
            out.append(f"\\x{code - 0xDC00:02x}")
        elif code < 0x20 or code == 0x7F or 0x80 <= code < 0xA0:
            out.append(f"\\x{code:02x}")
        else:
            out.append(ch)
    return "".join(out)


def discover(folder: Path, limits: Limits = DEFAULT_LIMITS) -> tuple[list[SourceFile], list[Skipped]]:
    """Walk the dossier folder; return readable files and the ones skipped, with why."""
    root = folder.resolve()
    files: list[SourceFile] = []
    skipped: list[Skipped] = []

    def cannot_open(error: OSError) -> None:
        where = Path(error.filename) if error.filename else root
        rel = display_name(where.relative_to(root).as_posix()) if where != root else "."
        skipped.append(Skipped(rel + "/", f"the folder cannot be opened ({error.strerror or error}): "
                                          "check its permissions"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=cannot_open, followlinks=False):
        here = Path(dirpath)
        if here != root and not dirnames and not filenames:
            skipped.append(Skipped(display_name(here.relative_to(root).as_posix()) + "/",
                                   "an empty folder: nothing to read"))
        skipped.extend(_skipped_folders(here, root, dirnames))
        dirnames[:] = sorted(d for d in dirnames if _walked(here / d))
        for name in sorted(filenames):
            entry = examine(here / name, root, limits)
            if isinstance(entry, SourceFile):
                files.append(entry)
            elif entry is not None:
                skipped.append(entry)
    return _unique(sorted(files, key=lambda f: f.rel)), sorted(skipped, key=lambda s: s.file)


def _walked(folder: Path) -> bool:
    return not folder.name.startswith((".", OWN_OUTPUT_PREFIX)) and not folder.is_symlink()


def _skipped_folders(here: Path, root: Path, names: list[str]) -> list[Skipped]:
    out = []
    for name in sorted(names):
        sub = here / name
        rel = display_name(sub.relative_to(root).as_posix())
        if name.startswith("."):
            out.append(Skipped(rel + "/", "hidden folder, not read"))
        elif name.startswith(OWN_OUTPUT_PREFIX):
            out.append(Skipped(rel + "/", "dossiercheck's own output, not read"))
        elif sub.is_symlink():
            out.append(Skipped(rel + "/", "link to a folder, not followed"))
    return out


def _unique(files: list[SourceFile]) -> list[SourceFile]:
    """Two odd names can show the same once escaped: number the later ones, so none is lost."""
    seen: set[str] = set()
    out = []
    for source in files:
        rel, n = source.rel, 1
        while rel in seen:
            n += 1
            rel = f"{source.rel} ({n})"
        seen.add(rel)
        out.append(source if rel == source.rel else replace(source, rel=rel))
    return out


def _link(path: Path, root: Path, rel: str) -> Skipped:
    try:
        target = path.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return Skipped(rel, "broken link: it points to itself through other links")
    if not target.is_relative_to(root):
        return Skipped(rel, "link to a file outside the dossier folder, not followed")
    if not target.is_file():
        return Skipped(rel, "broken link: the file it points to does not exist")
    return Skipped(rel, f"link to {display_name(target.relative_to(root).as_posix())}, which is read on its own")


def examine(path: Path, root: Path, limits: Limits) -> SourceFile | Skipped | None:
    """What one file is: a document to read, a file skipped with why, or None for the dossier.yaml."""
    rel = display_name(path.relative_to(root).as_posix())
    name = path.name
    if name.startswith("."):
        return Skipped(rel, "hidden file, not read")
    if name in DOSSIER_FILE_NAMES and path.parent == root:
        return None  # the dossier's own description, read as settings
    if name.startswith(OWN_OUTPUT_PREFIX):
        return Skipped(rel, "dossiercheck's own output, not read")
    if path.is_symlink():
        return _link(path, root, rel)
    try:
        return _regular_file(path, rel, limits)
    except OSError as exc:
        return Skipped(rel, f"cannot be read ({exc.strerror or exc}): check its permissions")


def _regular_file(path: Path, rel: str, limits: Limits) -> SourceFile | Skipped:
    # lstat, and never open what is not a regular file: opening a named pipe would wait forever.
    info = path.lstat()
    if stat.S_ISDIR(info.st_mode):
        return Skipped(rel, "a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        return Skipped(rel, "not a regular file (a pipe, socket or device): not read")
    if info.st_size == 0:
        return Skipped(rel, "the file is empty (0 bytes): scan or export the document again")
    if info.st_size > limits.max_file_bytes:
        mib = limits.max_file_bytes // (1024 * 1024)
        return Skipped(rel, f"the file is larger than {mib} MiB: save it at a lower resolution")
    mime = sniff(path)
    if not readable(mime):
        return Skipped(rel, unsupported_reason(mime))
    if mime in HEIF_MIMES and not heif_installed():
        # Only whether pillow-heif is there: importing it (~30 ms) waits until a HEIC file is read, which
        # a re-run whose files are all cached never does. A copy that is there but broken is reported
        # when the file is opened (ingest.images), with the same words.
        return Skipped(rel, heif_unavailable_reason())
    return SourceFile(path=path, rel=rel, size=info.st_size, sha256=sha256_of(path), mime=mime)
