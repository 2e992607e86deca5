"""What the tool finds on this computer besides its own code: where Tesseract's language data is, and a
digest of everything installed that a result depends on.

Kept apart from the OCR stage, and light (no image library, no engine), because a re-run answered from
its kept output (`cli.replay`) and the batch's reused rows need the digest without reading a page.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
from pathlib import Path

TESSDATA_ENV = "TESSDATA_PREFIX"
# Where distributions put the language data, newest first.
TESSDATA_DIRS = ("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                 "/usr/share/tessdata", "/usr/local/share/tessdata", "/opt/homebrew/share/tessdata")
# libmagic's compiled database (it tells the files' types), where Debian, Fedora and Homebrew keep it.
MAGIC_DATABASES = ("/usr/lib/file/magic.mgc", "/usr/share/misc/magic.mgc", "/usr/share/file/magic.mgc",
                   "/opt/homebrew/share/misc/magic.mgc")


def tessdata_candidates() -> tuple[str, ...]:
    """The folders searched for `.traineddata` files, `TESSDATA_PREFIX` first when it is set."""
    override = os.environ.get(TESSDATA_ENV)
    return (override, *TESSDATA_DIRS) if override else TESSDATA_DIRS


def _stat_line(path: Path) -> str:
    try:
        info = path.stat()
    except OSError:
        return f"{path}: none"
    return f"{path}: {info.st_size} {info.st_mtime_ns}"


@functools.lru_cache(maxsize=1)
def installation_digest() -> str:
    """The Python and every package installed (a dist-info folder's name carries its version: tesserocr's
    names the libtesseract inside it), the language data Tesseract can find, and libmagic's database.

    Reading these names costs about a millisecond; anything installed, upgraded or removed changes the
    digest, so nothing made by another installation is reused.
    """
    lines = [sys.version, os.environ.get("MAGIC", "")]
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        lines.extend(f"{entry}/{n}" for n in sorted(names) if n.endswith((".dist-info", ".egg-info", ".pth")))
    for folder in tessdata_candidates():
        try:
            found = sorted(n for n in os.listdir(folder) if n.endswith(".traineddata"))
        except OSError:
            continue
        lines.extend(_stat_line(Path(folder) / n) for n in found)
    lines.extend(_stat_line(Path(p)) for p in MAGIC_DATABASES)
    return hashlib.sha256("\n".join(lines).encode(errors="surrogateescape")).hexdigest()
