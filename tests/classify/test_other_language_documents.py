"""Certificates, leases and information pages in Spanish, Portuguese, Italian, Turkish, Polish and Romanian.

The texts of other_language_documents.txt were written for this test in the usual form of each kind (a
doctor's certificate with the public-health formula, a lease naming its parties, a page on how to get a
certificate), not copied from the real-wording corpus (bench/real measures that): they keep the instance
and description evidence of these six languages from falling behind that of English, French, Dutch and German.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dossiercheck.classify import classify
from dossiercheck.models import Page

HERE = Path(__file__).parent


def _documents() -> list[tuple[str, str]]:
    text = (HERE / "other_language_documents.txt").read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    return [(part.split("\n", 1)[0].strip(), part.split("\n", 1)[1]) for part in body.split("\n===\n")]


@pytest.mark.parametrize(("expected", "text"), _documents(), ids=lambda v: v.splitlines()[0][:40])
def test_the_type_is_recognised(expected: str, text: str) -> None:
    found = classify((Page(index=0, width=1000, height=1400, text=text, faces=0),), None)
    assert found.type == expected, found.cues
