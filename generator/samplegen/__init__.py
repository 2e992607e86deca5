"""Synthetic dossiers and document corpora of fictitious people, with the truth beside them.

The documents are rendered as a scanner or a phone would deliver them, so the whole tool can be
tested and benchmarked with the real Tesseract without any personal data.
"""

from __future__ import annotations

from .corpus import main_make, make_corpus, plan_dossiers
from .dossier import FAULTS, PROFILES, applicable_faults, make_dossier
from .render import DOC_TYPES

__all__ = [
    "DOC_TYPES",
    "FAULTS",
    "PROFILES",
    "applicable_faults",
    "main_make",
    "make_corpus",
    "make_dossier",
    "plan_dossiers",
]
