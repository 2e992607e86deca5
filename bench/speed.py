"""Speed and memory: a cold run, a cached run and the bare tesseract CLI over the same pages.

The bare CLI is run serially, as built (OpenMP on), with the same four languages: what a person
would get by calling `tesseract` on each page themselves.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from dossiercheck.ingest import count_pages, discover, read_page

ROOT = Path(__file__).resolve().parent.parent
DOSSIERCHECK = [sys.executable, "-m", "dossiercheck"]


class TreeMemory(threading.Thread):
    """Peak resident memory of a process and all its descendants, sampled every 50 ms."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kib = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.peak_kib = max(self.peak_kib, tree_rss_kib(self.pid))
            time.sleep(0.05)


def tree_rss_kib(root: int) -> int:
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as status:
                fields = dict(line.split(":", 1) for line in status if ":" in line)
        except OSError:
            continue
        pid = int(entry)
        parents[pid] = int(fields.get("PPid", "0").strip())
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0]) if "VmRSS" in fields else 0
    total = 0
    for pid in rss:
        current = pid
        while current and current != root:
            current = parents.get(current, 0)
        if current == root:
            total += rss[pid]
    return total


def timed_run(args: list[str], env: dict[str, str]) -> tuple[float, int, int]:
    """Seconds, peak tree memory in KiB, exit code."""
    start = time.perf_counter()
    process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    monitor = TreeMemory(process.pid)
    monitor.start()
    _, err = process.communicate()
    monitor.stop.set()
    monitor.join()
    if process.returncode not in (0, 1):
        sys.stderr.write(err.decode(errors="replace"))
    return time.perf_counter() - start, monitor.peak_kib, process.returncode


def bare_tesseract_seconds(folder: Path, work: Path) -> tuple[float, int]:
    """Time `tesseract` over every page of the folder, one after the other. Pages of PDFs are
    exported as PNG first (not timed), and pages with a text layer are included too."""
    images: list[Path] = []
    files, _ = discover(folder)
    for source in files:
        if source.mime.startswith("image/") and count_pages(source).pages == 1 and source.mime != "image/heic":
            images.append(source.path)
            continue
        for index in range(count_pages(source).pages):
            page = read_page(source.path, source.mime, index)
            if page.image is None:
                from dossiercheck.ingest import Limits, render_pdf_page

                page.image = render_pdf_page(source.path, index, 200, Limits())
            out = work / f"{len(images):04d}.png"
            page.image.save(out)
            images.append(out)
    env = {k: v for k, v in os.environ.items() if k != "OMP_THREAD_LIMIT"}
    start = time.perf_counter()
    for image in images:
        subprocess.run(
            ["tesseract", str(image), "-", "-l", "eng+fra+nld+deu"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
    return time.perf_counter() - start, len(images)


def bench_speed(folder: Path, label: str) -> dict[str, float]:
    cache = Path(tempfile.mkdtemp(prefix="dossiercheck-bench-cache-"))
    env = dict(os.environ, DOSSIERCHECK_CACHE_DIR=str(cache))
    try:
        args = [
            *DOSSIERCHECK,
            "check",
            str(folder),
            "--format",
            "json",
            "--date",
            "2027-01-15",
            "--profile",
            "visa-d/employee",
        ]
        cold, cold_mem, _ = timed_run(args, env)
        cached, cached_mem, _ = timed_run(args, env)
        with tempfile.TemporaryDirectory() as work:
            bare, pages = bare_tesseract_seconds(folder, Path(work))
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    print(f"\n## Speed: {label} ({pages} pages, {os.cpu_count()} cores)")
    print("| run | seconds | per page | peak memory |")
    print("|---|---:|---:|---:|")
    print(f"| bare tesseract CLI, serial | {bare:.1f} | {bare / pages:.2f} | |")
    print(f"| dossiercheck, cold | {cold:.1f} | {cold / pages:.2f} | {cold_mem / 1024:.0f} MiB |")
    print(f"| dossiercheck, cached | {cached:.2f} | {cached / pages:.3f} | {cached_mem / 1024:.0f} MiB |")
    print(
        f"cold / bare = {cold / bare:.2f} (target <= 0.6, aim < 0.5); cached / cold = {cached / cold:.1%} (target < 5%)"
    )
    return {"cold": cold, "cached": cached, "bare": bare, "pages": pages, "peak_mib": cold_mem / 1024}
