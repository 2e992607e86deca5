"""Where the data that ships with the package lives (schemas, fonts, templates)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def schemas_dir() -> Path:
    """The `schemas/` folder: doctypes, profiles and JSON Schemas, installed with the package."""
    return Path(str(resources.files("dossiercheck") / "schemas"))
