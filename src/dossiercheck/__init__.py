"""dossiercheck: is a Belgian residence-permit dossier complete and valid? Checked offline.

    from dossiercheck import check_dossier, inspect_file, check_batch, ReadOptions

The entry points live in `dossiercheck.api`; they are imported on first use, so `import dossiercheck`
(and `dossiercheck --version`) loads nothing heavy.
"""

from __future__ import annotations

from typing import Any

from dossiercheck.version import __version__

_API = ("check_dossier", "check_batch", "inspect_file", "Inspection", "ReadOptions")


def __getattr__(name: str) -> Any:
    if name in _API:
        from dossiercheck import api

        return getattr(api, name)
    raise AttributeError(f"module 'dossiercheck' has no attribute {name!r}")


__all__ = ["__version__", *_API]
