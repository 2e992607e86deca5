"""Dossiers shared by the sample-generator tests, made once per session (generation takes ~1-2 s each)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from samplegen import make_dossier

REF = dt.date(2027, 1, 15)


@pytest.fixture(scope="session")
def dossier_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("dossiers")


@pytest.fixture(scope="session")
def employee(dossier_root: Path) -> Path:
    return make_dossier(dossier_root / "employee", "visa-d/employee", REF, seed=7)
