"""What each document is: cue scores from `schemas/doctypes`, and where a file holding several splits."""

from __future__ import annotations

from dossiercheck.classify.decide import INFORMATION, UNKNOWN, classify
from dossiercheck.classify.split import page_runs, split_pages

__all__ = ["INFORMATION", "UNKNOWN", "classify", "page_runs", "split_pages"]
