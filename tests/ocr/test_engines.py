"""The worker's OCR engines are shared by its threads: one is opened per language set in use at once,
not one per thread, and an engine is never given to two readings at the same time."""

from __future__ import annotations

import threading

from dossiercheck.ocr import tesseract
from tests.conftest import text_page


def test_threads_take_turns_with_one_engine_and_read_the_same() -> None:
    engines = tesseract._Engines()
    opened: list[object] = []
    page = text_page(["CERTIFICAT DE BONNE CONDUITE", "Fait a Namur, le 12 janvier 2027"], size=(900, 300))
    grey = page.convert("L")
    texts: list[str] = []

    def read() -> None:
        with engines.engine("eng", {}) as api:
            opened.append(api)
            api.SetImageBytes(grey.tobytes(), grey.width, grey.height, 1, grey.width)
            texts.append(api.GetUTF8Text())

    for _ in range(3):  # one after the other, each on a thread of its own
        worker = threading.Thread(target=read)
        worker.start()
        worker.join()
    assert len({id(api) for api in opened}) == 1  # the second and third thread took the first one's engine
    assert len(set(texts)) == 1 and "Namur" in texts[0]


def test_an_engine_in_use_is_not_lent_and_idle_ones_are_capped() -> None:
    engines = tesseract._Engines()
    with engines.engine("eng", {}) as first, engines.engine("eng", {}) as second:
        assert first is not second  # in use at once: two engines
    kept = [engines.engine(lang, {}) for lang in ("eng", "fra", "nld", "deu", "eng+fra")]
    for context in kept:
        with context:
            pass
    assert sum(len(v) for v in engines.idle.values()) == tesseract._IDLE_ENGINES
    assert ("eng+fra", ()) in engines.idle  # the least recently used went first


def test_closing_beyond_the_cap_while_an_engine_is_lent() -> None:
    engines = tesseract._Engines()
    with engines.engine("eng", {}):
        pass
    with engines.engine("eng", {}):  # lent: no engine of its languages is idle meanwhile
        for lang in ("fra", "nld", "deu", "eng+fra", "eng+nld"):
            with engines.engine(lang, {}):
                pass
    assert sum(len(v) for v in engines.idle.values()) == tesseract._IDLE_ENGINES
    assert all(engines.idle.values())
