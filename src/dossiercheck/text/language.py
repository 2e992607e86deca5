"""The language a document is written in, for the translation rules (FR/NL/DE/EN accepted as they are).

py3langid because it runs offline with its model inside the wheel (no download, no network at run time),
is fast (a page in about a millisecond once loaded) and gives normalised probabilities, so "not sure" can
be answered with None. It is restricted to the four Belgian-procedure languages plus the languages
dossiers most often arrive in, so a Spanish or Turkish certificate is reported as such instead of being
forced into the nearest of fr/nl/en/de.

Identity documents print every label in two or three languages ("Date of birth / Date de naissance");
those labels say nothing about the document's language, so they are removed first and, when nothing but
labels and the MRZ is left, the answer is None.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import tempfile
from pathlib import Path
from typing import Any

LANGUAGES = ("fr", "nl", "en", "de", "es", "it", "pt", "ar", "ary", "tr", "pl", "ro", "ru", "uk", "sq",
             "fa", "zh", "vi", "tl", "id", "sw", "hi", "ur", "bn")  # fmt: skip
MIN_LETTERS = 40  # shorter than this (after removing labels) is too little to tell
MIN_PROBABILITY = 0.80
_MAX_CHARS = 5000

_MRZ_LINE = re.compile(r"^[A-Z0-9<]{20,}$")
# Bilingual label lines: "Surname / Nom", "Date of birth/Geboortedatum/Date de naissance".
_BILINGUAL = re.compile(r"^[^\d/]{2,40}(?:\s?/\s?[^\d/]{2,40}){1,3}$")
_LABELS = re.compile(
    r"\b(?:surname|given names?|nationality|date of (?:birth|issue|expiry)|place of birth|sex|authority|"
    r"passport|type|code|nom|pr[ée]noms?|nationalit[ée]|date de (?:naissance|d[ée]livrance)|date d'expiration|"
    r"lieu de naissance|sexe|autorit[ée]|passeport|naam|voornamen|nationaliteit|geboortedatum|geboorteplaats|"
    r"geslacht|vervaldatum|paspoort|name|vornamen|staatsangeh[öo]rigkeit|geburtsdatum|geburtsort|"
    r"geschlecht|g[üu]ltig bis|reisepass)\b",
    re.IGNORECASE,
)


# Where the model restricted to LANGUAGES is kept between runs (see `keep_model_in`); None: nowhere.
_STORE: list[Path | None] = [None]
_ARRAYS = ("ptc", "pc", "classes", "nextmove", "row", "output")


def model_key() -> str:
    """What the kept model depends on: py3langid's version and the languages kept."""
    from importlib.metadata import version

    return f"py3langid-{version('py3langid')}-" + "-".join(dict.fromkeys(LANGUAGES))


def keep_model_in(folder: Path | None) -> None:
    """Keep the model, restricted to LANGUAGES, in `folder` (a private folder of the user's cache, named
    by `model_key`), and open it from there next time.

    py3langid unpacks its whole model (97 languages, xz-compressed) at every start: ~0.6 s and ~90 MB,
    paid by every `check`. Kept as plain arrays, the restricted model opens in a few milliseconds, mapped
    from the file rather than read, so that the pages the walk never touches cost no memory.
    """
    _STORE[0] = folder
    _identifier.cache_clear()


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    folder = _STORE[0]
    if folder is not None and (folder / "output.npy").is_file():
        try:
            return _opened(LanguageIdentifier, folder)
        except (OSError, ValueError, KeyError):  # a kept copy damaged or of another layout: made again
            pass
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(dict.fromkeys(LANGUAGES)))
    if folder is not None:
        with contextlib.suppress(OSError):
            _keep(identifier, folder)
    return identifier


def load_model() -> None:
    """Open the model now (it is otherwise opened by the first page whose language is asked)."""
    _identifier()


def _opened(kind: Any, folder: Path) -> Any:
    import numpy as np

    arrays = {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in _ARRAYS}
    return kind(arrays["ptc"], np.asarray(arrays["pc"]), [str(c) for c in arrays["classes"]], arrays["nextmove"],
                arrays["output"].tolist(), norm_probs=True, tk_row=arrays["row"].tolist())


def _keep(identifier: Any, folder: Path) -> None:
    """The restricted model's arrays, each written to a private file and moved into place whole."""
    import numpy as np

    values = {"ptc": np.asarray(identifier.nb_ptc), "pc": np.asarray(identifier.nb_pc),
              "classes": np.asarray(identifier.nb_classes, dtype="U8"),
              "nextmove": np.frombuffer(identifier.tk_nextmove, dtype=np.uint32),
              "row": np.frombuffer(identifier.tk_row, dtype=np.uint16),
              "output": np.asarray(identifier.tk_output, dtype=np.int32)}
    for name in _ARRAYS:  # output.npy last: its presence says the set is whole
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".part")
        with os.fdopen(handle, "wb") as out:
            np.save(out, values[name], allow_pickle=False)
        os.replace(temporary, folder / f"{name}.npy")


def body_text(text: str) -> str:
    """The text without MRZ lines, bilingual label lines and known field labels."""
    kept: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or _MRZ_LINE.match(line.replace(" ", "")) or _BILINGUAL.match(line):
            continue
        kept.append(_LABELS.sub(" ", line))
    return "\n".join(kept)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language ("fr", "nl", "en", "de", "es", ...), or None when unsure."""
    body = body_text(text[:_MAX_CHARS])
    letters = sum(c.isalpha() for c in body)
    if letters < MIN_LETTERS:
        return None
    language, probability = _identifier().classify(body)
    if probability < MIN_PROBABILITY:
        return None
    return "ar" if language == "ary" else str(language)
