"""Batch throughput: dossiers per minute over generated client folders, cold, cached and unchanged.

cold: a fresh OCR cache and output folder; cached: OCR results cached, every report rendered
again; unchanged: the same output folder again, so every client is reused from the manifest.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

from samplegen import main_make

from bench.speed import timed_run

REFERENCE_DATE = dt.date(2027, 1, 15)


def batch_command() -> list[str]:
    """`dossiercheck batch`, or the command module itself until cli.py registers it."""
    from dossiercheck.cli import main

    if "batch" in getattr(main, "commands", {}):
        return [sys.executable, "-m", "dossiercheck", "batch"]
    return [sys.executable, "-c", "from dossiercheck.cli.batch import batch; batch()"]


def clients_folder(cache_root: Path, count: int) -> Path:
    """Generate the client folders once; a finished set is marked by a file beside it."""
    folder = cache_root / f"batch-{count}"
    done = cache_root / f"batch-{count}.done"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        print(f"generating {folder.name} ...", flush=True)
        main_make(folder, "dossiers", count, 3, False, REFERENCE_DATE)
        done.write_text("generated\n")
    return folder


def bench_batch(cache_root: Path, quick: bool) -> None:
    count = 20 if quick else 40
    folder = clients_folder(cache_root, count)
    dossiers = sum(1 for p in folder.iterdir() if p.is_dir())
    work = Path(tempfile.mkdtemp(prefix="dossiercheck-bench-batch-"))
    env = dict(os.environ, DOSSIERCHECK_CACHE_DIR=str(work / "ocr-cache"))
    base = [*batch_command(), str(folder)]
    rows = []
    try:
        for label, out in (
            ("cold (fresh OCR cache)", "out-1"),
            ("cached OCR, all reports rendered", "out-2"),
            ("unchanged folders, reports reused", "out-2"),
        ):
            seconds, peak_kib, _, code = timed_run([*base, "--output-dir", str(work / out)], env)
            if code not in (0, 1):
                print(f"batch run failed with exit code {code}")
                return
            rows.append((label, seconds, peak_kib))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    cold = rows[0][1]
    print(f"\n## Batch: {dossiers} generated dossiers ({os.cpu_count()} cores)")
    print("| run | seconds | dossiers per minute | peak memory |")
    print("|---|---:|---:|---:|")
    for label, seconds, peak_kib in rows:
        print(f"| {label} | {seconds:.1f} | {dossiers / seconds * 60:.0f} | {peak_kib / 1024:.0f} MiB |")
    print(f"cached / cold = {rows[1][1] / cold:.1%}; unchanged / cold = {rows[2][1] / cold:.1%} (target < 5%)")
