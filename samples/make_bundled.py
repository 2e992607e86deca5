"""Regenerates the small dossiers bundled under samples/dossiers/ (run from the repository root).

    .venv/bin/python samples/make_bundled.py

Same code, same seeds, same bytes: a diff after running this means the generator changed.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from samplegen import make_dossier

HERE = Path(__file__).resolve().parent / "dossiers"
REFERENCE_DATE = dt.date(2027, 1, 15)
BUNDLED = (
    # folder, profile, seed, fault
    ("visa-d-employee", "visa-d/employee", 11, None),
    ("visa-d-employee-faulty", "visa-d/employee", 11, "passport_expiring+old_good_conduct"),
)


def main() -> None:
    for folder, profile, seed, fault in BUNDLED:
        out = HERE / folder
        if out.exists():
            shutil.rmtree(out)
        make_dossier(out, profile, REFERENCE_DATE, seed, fault)
        print(f"wrote {out.relative_to(HERE.parent.parent)}")
    total = sum(p.stat().st_size for p in HERE.parent.rglob("*") if p.is_file())
    print(f"samples/ holds {total / 1024 / 1024:.2f} MiB")


if __name__ == "__main__":
    main()
