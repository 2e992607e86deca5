"""Which of the languages a page is read again in (schemas/reading.yaml `languages`) a page reads like.

The first reading is in the procedures' four languages; they read a Turkish, Polish or Spanish page's words
with their letters folded to the nearest plain ones (on the project's test pages 99% of the folded text
right, 86-95% of the exact text), which is enough to tell the language by its commonest short words but
not to show the page's text as printed. This is a count of those words, not a language model: it runs in
the OCR worker, where a model (py3langid, ~90 MB unpacked) would raise every worker's memory, and it only
has to pick among a handful of languages on a page already read.
"""

from __future__ import annotations

from collections import Counter

from dossiercheck.knowledge.settings import ReadAgain
from dossiercheck.text.match import normalise


def own_language(text: str, read_again: ReadAgain) -> str | None:
    """Tesseract's model of the language `text` reads like, among `read_again`'s; None: none of them."""
    words = Counter(normalise(text).split())
    counts = sorted(((sum(words[w] for w in markers), model) for model, markers in read_again.markers), reverse=True)
    (best, model), runner_up = counts[0], counts[1][0] if len(counts) > 1 else 0
    return model if best >= read_again.min_words and best >= 2 * runner_up else None
