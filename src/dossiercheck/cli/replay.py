"""`check` run again on the same input answers with what it wrote the first time.

A re-run is what an applicant does after fixing one file and what an adviser's script does every
morning; most change nothing. The per-file caches (pipeline.cache) spare the OCR and the analysis, but a
re-run that uses them still imports the library, its data and the reporters: ~0.3 s, 4% of a 14-page
dossier's cold run on two cores. So the command's whole output (each format's text, the exit code) is
also kept, under a digest of everything it depends on:

- every entry under the folder as `discover` would meet it: each file's path, type and SHA-256 (even a
  file too large to be read: hashing is cheap next to a stale answer), links' targets, hidden files'
  names, folders; `dossier.yaml` is one of these files;
- the options that change the output, the folder as it was typed (the report names it), today's date
  (the default appointment date) and whether the text goes to a terminal (colour);
- the tool's code, its `schemas/`, and the installation (`installation_digest`).

Anything else gives a new digest: a mismatch can only cost a normal run, never a stale answer. The
digest is taken again after the run, and the output kept only when the folder did not change meanwhile
and no reading was stopped by a time limit or a crash (`settled`).
Nothing is kept with `--no-cache`, nor an HTML report: it holds the pages' pictures, and the cache
holds no image (only text, like the readings, in the user's private cache folder).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossiercheck.installation import installation_digest
from dossiercheck.version import code_digest

_CHUNK = 1 << 20
# Names `discover` never reads (hidden, and the tool's own output): a test keeps them the same as its own.
UNREAD_PREFIXES = (".", "dossiercheck-")
_KIND = "reports"


@dataclass(frozen=True)
class KeptOutput:
    """What a run wrote: each format's text, and its exit code."""

    texts: dict[str, str]
    exit_code: int


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def folder_entries(folder: Path) -> list[str]:
    """One line per entry under the folder: never opening what is not a regular file, never following
    a link, not walking into hidden folders or the tool's own output (their names are enough)."""
    root = folder.resolve()
    lines: list[str] = []

    def cannot_open(error: OSError) -> None:
        lines.append(f"unopened {error.filename} {error.errno}")

    for dirpath, dirnames, filenames in os.walk(root, onerror=cannot_open, followlinks=False):
        here = Path(dirpath)
        rel_dir = here.relative_to(root).as_posix()
        lines.append(f"dir {rel_dir} {len(dirnames)} {len(filenames)}")
        for name in sorted(dirnames):
            path = here / name
            if name.startswith(UNREAD_PREFIXES) or path.is_symlink():
                lines.append(f"unwalked {rel_dir}/{name} {path.is_symlink()}")
        dirnames[:] = sorted(d for d in dirnames
                             if not d.startswith(UNREAD_PREFIXES) and not (here / d).is_symlink())
        for name in sorted(filenames):
            lines.append(_file_line(here / name, f"{rel_dir}/{name}"))
    return lines


def _file_line(path: Path, rel: str) -> str:
    try:
        info = path.lstat()
        if path.name.startswith(UNREAD_PREFIXES):
            return f"named {rel}"
        if stat.S_ISLNK(info.st_mode):
            target = os.readlink(path)
            return f"link {rel} {target} {path.exists()} {path.is_file()}"
        if not stat.S_ISREG(info.st_mode):
            return f"special {rel} {stat.S_IFMT(info.st_mode)}"
        return f"file {rel} {info.st_size} {_sha256(path)}"
    except OSError as exc:
        return f"unreadable {rel} {exc.errno}"


def output_key(folder: Path, options: dict[str, Any]) -> str:
    """The digest of everything the output depends on (see the module's docstring)."""
    from dossiercheck.knowledge.files import schemas_digest

    plain = {"folder": folder.as_posix(), "entries": folder_entries(folder), "options": options,
             "code": code_digest(), "schemas": schemas_digest(), "installation": installation_digest()}
    return hashlib.sha256(json.dumps(plain, sort_keys=True, default=str).encode(errors="surrogateescape")).hexdigest()


# Words of the reasons a page or file was not read because a time limit or a crash stopped it (ocr.page,
# ingest.pages, pipeline.pool): on another run, or another machine, it may be read. Such a report is not kept.
_UNSETTLED = ("took too long", "crashed")


def settled(reasons: Iterable[str]) -> bool:
    """Whether a report whose files' and pages' problems are `reasons` would come out the same on a re-run:
    not when a time limit or a crash stopped a reading (the readings cache does not keep such a file either)."""
    return not any(word in reason for reason in reasons for word in _UNSETTLED)


def _path(key: str) -> Path:
    from dossiercheck.knowledge.files import cache_root

    return cache_root() / _KIND / key[:2] / f"{key}.json"


def load(key: str) -> KeptOutput | None:
    """The output kept under `key`, if any (a damaged or foreign file counts as none)."""
    try:
        plain = json.loads(_path(key).read_text(encoding="utf-8"))
        texts, code = plain["texts"], plain["exit_code"]
        if isinstance(texts, dict) and all(isinstance(t, str) for t in texts.values()) and isinstance(code, int):
            return KeptOutput(dict(texts), code)
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None


def keep(key: str, output: KeptOutput) -> None:
    """Keep the output for the next run; a cache that cannot be written only costs time."""
    from dossiercheck.knowledge.files import write_private

    try:
        write_private(_path(key), json.dumps({"texts": output.texts, "exit_code": output.exit_code},
                                             ensure_ascii=False))
    except OSError:
        pass
