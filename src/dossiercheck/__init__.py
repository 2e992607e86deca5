"""dossiercheck: is a Belgian residence-permit dossier complete and valid? Checked offline."""

from __future__ import annotations

__version__ = "0.1.0"
