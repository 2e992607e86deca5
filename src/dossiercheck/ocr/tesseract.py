"""The one place that talks to the `tesseract` program.

It checks that tesseract and its language data are there (and says which Debian package to
install when not), builds the arguments, parses TSV word boxes and OSD output, and maps
tesseract's failures to plain messages.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
from dataclasses import dataclass

import pytesseract
from PIL import Image

from dossiercheck.errors import MissingProgramError
from dossiercheck.models import Word

# Tesseract's model for each language a dossier is read in (ISO 639-1 -> Tesseract's code).
MODELS = {"en": "eng", "fr": "fra", "nl": "nld", "de": "deu"}
LANGUAGES = tuple(MODELS.values())
# OpenMP inside tesseract is ~2.3x slower per page on this kind of machine, and we run
# pages in parallel anyway: one thread per tesseract process.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


class OcrTimeout(Exception):
    """Tesseract took longer than the per-page time limit."""


@dataclass(frozen=True)
class OcrResult:
    words: tuple[Word, ...]
    text: str
    mean_conf: float


@functools.lru_cache(maxsize=1)
def tesseract_version() -> str:
    """The installed version, or a MissingProgramError saying what to install."""
    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        raise MissingProgramError(
            "Tesseract OCR is not installed: run `make run` once, or "
            "`sudo apt-get install tesseract-ocr tesseract-ocr-fra tesseract-ocr-nld tesseract-ocr-deu`"
        )
    return str(pytesseract.get_tesseract_version())


def engine_description() -> str:
    """The OCR engine as `--version` shows it; says what to install when it is missing."""
    try:
        return f"Tesseract {tesseract_version()} (command line)"
    except MissingProgramError as exc:
        return f"NOT INSTALLED: {exc}"


def check_languages(languages: tuple[str, ...] = LANGUAGES) -> None:
    """Fail early, naming the packages, when a language's data is missing."""
    tesseract_version()
    try:
        installed = set(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractError, subprocess.SubprocessError, OSError):
        installed = set()
    missing = [lang for lang in (*languages, "osd") if lang not in installed]
    if missing:
        packages = " ".join(f"tesseract-ocr-{lang}" for lang in missing)
        raise MissingProgramError(f"Tesseract language data is missing: `sudo apt-get install {packages}`")


def read_words(image: Image.Image, languages: str, psm: int = 3, timeout: float = 0) -> OcrResult:
    """OCR a page and keep every word with its box and confidence."""
    try:
        data = pytesseract.image_to_data(
            image,
            lang=languages,
            config=f"--psm {psm}",
            output_type=pytesseract.Output.DICT,
            timeout=timeout,
        )
    except RuntimeError as exc:  # pytesseract signals its timeout with RuntimeError
        if "timeout" in str(exc).lower():
            raise OcrTimeout(str(exc)) from exc
        raise
    words: list[Word] = []
    line_ids: dict[tuple[int, int, int], int] = {}
    confs: list[float] = []
    for i, raw in enumerate(data["text"]):
        text = (raw or "").strip()
        conf = float(data["conf"][i])
        if not text or conf < 0:
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        line = line_ids.setdefault(key, len(line_ids))
        words.append(
            Word(
                text=text,
                left=int(data["left"][i]),
                top=int(data["top"][i]),
                width=int(data["width"][i]),
                height=int(data["height"][i]),
                conf=conf,
                line=line,
            )
        )
        confs.append(conf)
    lines: dict[int, list[str]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word.text)
    text = "\n".join(" ".join(ws) for _, ws in sorted(lines.items()))
    mean_conf = sum(confs) / len(confs) if confs else 0.0
    return OcrResult(words=tuple(words), text=text, mean_conf=mean_conf)


_ROTATE_RE = re.compile(r"Rotate:\s*(\d+)")
_CONF_RE = re.compile(r"Orientation confidence:\s*([\d.]+)")


def detect_rotation(image: Image.Image, timeout: float = 0) -> tuple[int, float]:
    """Degrees to rotate the page clockwise to make it upright, and OSD's confidence.

    Returns (0, 0.0) when OSD cannot tell (too little text): the page is read as it is.
    """
    try:
        osd = pytesseract.image_to_osd(image, config="--psm 0 -c min_characters_to_try=20", timeout=timeout)
    except (pytesseract.TesseractError, RuntimeError):
        return 0, 0.0
    rotate = _ROTATE_RE.search(osd)
    conf = _CONF_RE.search(osd)
    return (int(rotate.group(1)) if rotate else 0), (float(conf.group(1)) if conf else 0.0)
