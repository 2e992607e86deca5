"""The one place that talks to Tesseract: through tesserocr, in the worker's own process.

Why tesserocr and not the `tesseract` program: every program start loads ~90 MB of models (about half a
second for four languages) before it reads a pixel, and every call writes the picture to a temporary PNG.
tesserocr (a maintained binding whose manylinux wheel carries libtesseract) keeps one engine per
language set open for the life of a worker and is handed the page's pixels in memory. Its libtesseract
is built without OpenMP, so no thread setting is needed (the `tesseract` program as Debian builds it
runs 2.3x slower per page with OpenMP on). The language data is the system's (Debian's
`tesseract-ocr-<lang>` packages); this module finds it and says which package to install when missing.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image

from dossiercheck.errors import MissingProgramError
from dossiercheck.installation import tessdata_candidates
from dossiercheck.models import Word
from dossiercheck.ocr.settings import LANGUAGES

_IDLE_ENGINES = 4  # engines kept open between readings, for all threads (see _Engines): 10-90 MB each
# Word lists off (they are loaded when an engine starts): they pull letters towards words, which an MRZ,
# and the names, numbers and dates of an identity document's page, are not. One such English engine
# reads the MRZ (with the MRZ's alphabet set per reading) and the rest of an identity page.
NO_DICTIONARIES = {"load_system_dawg": "0", "load_freq_dawg": "0"}
# What a reading without settings of its own must find, on an engine another reading set up.
_PLAIN = {"tessedit_char_whitelist": "", "tessedit_do_invert": "1"}


class OcrTimeout(Exception):
    """Tesseract took longer than the per-page time limit."""


@dataclass(frozen=True)
class OcrResult:
    words: tuple[Word, ...]
    text: str
    mean_conf: float


def _tesserocr() -> Any:
    try:
        import tesserocr
    except ImportError as exc:
        raise MissingProgramError(f"the OCR engine cannot be loaded ({exc}): reinstall dossiercheck "
                                  "(`make run`, or `pip install tesserocr`)") from None
    return tesserocr


@functools.lru_cache(maxsize=1)
def tessdata_dir() -> str:
    """The folder holding the `.traineddata` files; MissingProgramError saying what to install when none."""
    for folder in tessdata_candidates():
        if (Path(folder) / "eng.traineddata").is_file():
            return folder if folder.endswith("/") else folder + "/"
    raise MissingProgramError(
        "Tesseract's language data is not installed: run `make run` once, or `sudo apt-get install "
        "tesseract-ocr-eng tesseract-ocr-fra tesseract-ocr-nld tesseract-ocr-deu tesseract-ocr-osd "
        "tesseract-ocr-spa tesseract-ocr-por tesseract-ocr-ita tesseract-ocr-tur tesseract-ocr-pol tesseract-ocr-ron`"
    )


@functools.lru_cache(maxsize=1)
def tesseract_version() -> str:
    """libtesseract's version inside tesserocr ("5.5.4"), part of the cache key."""
    first = str(_tesserocr().tesseract_version()).split()
    return first[1] if len(first) > 1 else "?"


def engine_description() -> str:
    """The OCR engine as `--version` shows it; says what to install when it is missing."""
    try:
        return f"Tesseract {tesseract_version()} (tesserocr), language data in {tessdata_dir()}"
    except MissingProgramError as exc:
        return f"NOT READY: {exc}"


def installed_languages() -> set[str]:
    return {p.stem for p in Path(tessdata_dir()).glob("*.traineddata")}


def check_languages(languages: tuple[str, ...] = LANGUAGES) -> None:
    """Fail early, naming the packages, when a language's data is missing."""
    missing = [lang for lang in (*languages, "osd") if lang not in installed_languages()]
    if missing:
        packages = " ".join(f"tesseract-ocr-{lang}" for lang in missing)
        raise MissingProgramError(f"Tesseract language data is missing: `sudo apt-get install {packages}`")


class _Engines:
    """The engines open in this process, shared by its threads, by (languages, init-only settings).

    An engine reads one picture at a time, so a thread takes an idle engine of the languages it needs
    (opening one when none is idle) and gives it back once it has its words. Shared rather than one set
    per thread: a four-language engine takes ~0.45 s to open, and with a set per thread each of the
    worker's threads opened its own copy of every engine it met (on a 4-page dossier, two four-language
    and two English engines for two threads, a second of CPU before reading a pixel). Beyond
    `_IDLE_ENGINES` idle engines, the least recently used is closed (10-90 MB each).
    """

    def __init__(self) -> None:
        self.idle: OrderedDict[tuple[str, tuple[tuple[str, str], ...]], list[Any]] = OrderedDict()
        self.lock = threading.Lock()

    @contextlib.contextmanager
    def engine(self, languages: str, settings: Mapping[str, str]) -> Iterator[Any]:
        key = (languages, tuple(sorted(settings.items())))
        with self.lock:
            waiting = self.idle.get(key)
            api = waiting.pop() if waiting else None
            if waiting is not None and not waiting:
                del self.idle[key]  # no key without an idle engine: the least recently used key has one to close
        if api is None:  # opened outside the lock: the other threads go on reading meanwhile
            api = _tesserocr().PyTessBaseAPI(path=tessdata_dir(), lang=languages, init=True,
                                             variables=dict(settings), set_only_non_debug_params=False)
        try:
            yield api
        finally:
            with self.lock:
                self.idle.setdefault(key, []).append(api)
                self.idle.move_to_end(key)
                closing = self._beyond_limit()
            for old in closing:
                old.End()

    def _beyond_limit(self) -> list[Any]:
        closing = []
        while sum(len(v) for v in self.idle.values()) > _IDLE_ENGINES:
            key, engines = next(iter(self.idle.items()))
            closing.append(engines.pop(0))
            if not engines:
                del self.idle[key]
        return closing


_ENGINES = _Engines()


@functools.lru_cache(maxsize=1)
def _psm() -> Any:
    return _tesserocr().PSM


@contextlib.contextmanager
def _recognised(image: Image.Image, languages: str, psm: int, timeout: float,
                init: Mapping[str, str] | None = None, variables: Mapping[str, str] | None = None) -> Iterator[Any]:
    """An engine for `languages`, having read `image` (grey, in memory) with page segmentation `psm`:
    its results are taken inside the `with`, before another thread may use it."""
    with _ENGINES.engine(languages, init or {}) as api:
        grey = image if image.mode == "L" else image.convert("L")
        api.SetPageSegMode(psm)
        for name, value in (variables or {}).items():
            api.SetVariable(name, value)
        api.SetImageBytes(grey.tobytes(), grey.width, grey.height, 1, grey.width)
        if not api.Recognize(timeout=int(timeout * 1000) if timeout > 0 else 0):
            raise OcrTimeout(f"took longer than {timeout:g} s")
        yield api


def read_words(image: Image.Image, languages: str, psm: int = 3, timeout: float = 0,
               dictionaries: bool = True) -> OcrResult:
    """OCR a page and keep every word with its box and confidence; `dictionaries` False: see NO_DICTIONARIES."""
    init, variables = ({}, {}) if dictionaries else (NO_DICTIONARIES, _PLAIN)
    with _recognised(image, languages, psm, timeout, init, variables) as api:
        tsv = api.GetTSVText(0)
    return _words(tsv)


def _tsv_rows(tsv: str) -> Iterator[list[str]]:
    for row in tsv.splitlines():
        cells = row.split("\t")
        if len(cells) >= 12 and cells[0] == "5":  # level 5: a word
            yield cells


def _words(tsv: str) -> OcrResult:
    words: list[Word] = []
    line_ids: dict[tuple[str, str, str], int] = {}
    for cells in _tsv_rows(tsv):
        text, conf = cells[11].strip(), float(cells[10])
        if not text or conf < 0:
            continue
        line = line_ids.setdefault((cells[2], cells[3], cells[4]), len(line_ids))
        words.append(Word(text=text, left=int(cells[6]), top=int(cells[7]), width=int(cells[8]),
                          height=int(cells[9]), conf=conf, line=line))
    lines: dict[int, list[str]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word.text)
    text = "\n".join(" ".join(ws) for _, ws in sorted(lines.items()))
    mean_conf = sum(w.conf for w in words) / len(words) if words else 0.0
    return OcrResult(words=tuple(words), text=text, mean_conf=mean_conf)


def read_text(image: Image.Image, languages: str, psm: int, init: Mapping[str, str],
              variables: Mapping[str, str], timeout: float = 0) -> str:
    """Plain text of a picture read with settings of its own (the MRZ's alphabet, no dictionaries)."""
    with _recognised(image, languages, psm, timeout, init, variables) as api:
        return str(api.GetUTF8Text())


@dataclass(frozen=True)
class Osd:
    """OSD's answer: degrees to rotate the page clockwise to make it upright, the script its letters are
    in ("Latin", "Arabic", "Cyrillic", "Han"...), and its confidence in each (0: it could not tell)."""

    rotation: int = 0
    confidence: float = 0.0
    script: str = ""
    script_confidence: float = 0.0


def detect_rotation(image: Image.Image, timeout: float = 0) -> Osd:
    """OSD's answer for the page (see Osd); `Osd()` when it cannot tell (too little text): the page is read
    as it is."""
    # OSD is needed on the few pages that read badly: its engine (~50 MB) is opened for them and closed
    # at once, not kept in every worker.
    grey = image if image.mode == "L" else image.convert("L")
    api = _tesserocr().PyTessBaseAPI(path=tessdata_dir(), lang="osd", init=True,
                                     variables={"min_characters_to_try": "20"})
    try:
        api.SetPageSegMode(_psm().OSD_ONLY)
        api.SetImageBytes(grey.tobytes(), grey.width, grey.height, 1, grey.width)
        found = api.DetectOrientationScript()
    finally:
        api.End()
    if not found:
        return Osd()
    return Osd((360 - int(found["orient_deg"])) % 360, float(found["orient_conf"]), str(found.get("script_name", "")),
               float(found.get("script_conf", 0.0)))
