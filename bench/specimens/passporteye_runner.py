"""Read specimen images with PassportEye, one JSON line per image. Runs INSIDE .cache/bench-venv/passporteye.

Usage: .cache/bench-venv/passporteye/bin/python bench/specimens/passporteye_runner.py LIST
(LIST: a file of image paths, one a line.)

PassportEye is imported once and warmed up on the first image (untimed); each image's seconds are the
wall time of one `read_mrz(path)` call in this one process, as a user calling the library would see it
(Tesseract runs as a subprocess, so CPU time of this process alone would undercount).
PassportEye is used as a new user would: default settings, no EXIF handling of its own.
"""

from __future__ import annotations

import json
import sys
import time
import warnings
from pathlib import Path

warnings.filterwarnings("ignore")

from passporteye import read_mrz  # noqa: E402

FIELDS = ("mrz_type", "type", "country", "number", "date_of_birth", "expiration_date", "nationality", "sex",
          "valid_number", "valid_date_of_birth", "valid_expiration_date", "valid_composite", "valid_personal_number",
          "valid_score", "valid")


def read(path: str) -> dict:
    start = time.perf_counter()
    try:
        mrz = read_mrz(path)
        error = None
    except Exception as exc:  # noqa: BLE001 - one image's failure is that image's result
        mrz, error = None, f"{type(exc).__name__}: {exc}"
    seconds = time.perf_counter() - start
    found = {name: getattr(mrz, name, None) for name in FIELDS} if mrz is not None else None
    if found is not None:
        found = {k: (bool(v) if k.startswith("valid") and k != "valid_score" and v is not None else v)
                 for k, v in found.items()}
        found["valid_check_digits"] = [bool(v) for v in (getattr(mrz, "valid_check_digits", None) or [])]
        found["lines"] = [line for line in (getattr(mrz, "aux", {}) or {}).get("text", "").splitlines() if line]
    return {"path": path, "mrz": found, "seconds": round(seconds, 3), "error": error}


def main() -> None:
    paths = [line.strip() for line in Path(sys.argv[1]).read_text().splitlines() if line.strip()]
    if paths:
        read(paths[0])  # warm-up: imports, first Tesseract start; not counted
    for path in paths:
        print(json.dumps(read(path)), flush=True)


if __name__ == "__main__":
    main()
