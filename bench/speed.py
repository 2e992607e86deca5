"""Speed and memory: the tool cold and cached against the bare `tesseract` program on the same pages.

The floor is the fastest way anyone can run Tesseract on a page: the `tesseract` program, serially, with
`OMP_THREAD_LIMIT=1` (OpenMP as built is ~2.3x slower per page on these 2-core machines), the same four
languages, the same pages. Pages of PDFs and multi-page TIFFs are rendered to PNG beforehand and not timed.
The as-built figure (OpenMP on) is printed beside it. Memory is the peak resident memory of the whole
process tree (parent, every worker, every child), sampled every 50 ms.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from dossiercheck.ingest import Limits, count_pages, discover, read_page, render_pdf_page

ROOT = Path(__file__).resolve().parent.parent
DOSSIERCHECK = [sys.executable, "-m", "dossiercheck"]
LANGUAGES = "eng+fra+nld+deu"
SINGLE_PICTURES = ("image/jpeg", "image/png", "image/webp", "image/bmp", "image/x-ms-bmp")


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


def page_images(folders: list[Path], work: Path) -> list[Path]:
    """Every page of the folders as a picture `tesseract` reads (PDF and TIFF pages rendered first)."""
    images: list[Path] = []
    for folder in folders:
        files, _ = discover(folder)
        for source in files:
            pages = count_pages(source).pages
            if source.mime in SINGLE_PICTURES and pages == 1:
                images.append(source.path)
                continue
            for index in range(pages):
                page = read_page(source.path, source.mime, index)
                image = page.image if page.image is not None else render_pdf_page(source.path, index, 200, Limits())
                out = work / f"{len(images):04d}.png"
                image.save(out)
                images.append(out)
    return images


def bare_seconds(images: list[Path], omp_one: bool) -> float:
    """`tesseract IMAGE - -l eng+fra+nld+deu` on every page, one after the other."""
    env = {k: v for k, v in os.environ.items() if k != "OMP_THREAD_LIMIT"}
    if omp_one:
        env["OMP_THREAD_LIMIT"] = "1"
    start = time.perf_counter()
    for image in images:
        subprocess.run(["tesseract", str(image), "-", "-l", LANGUAGES], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


@dataclass
class ToolRun:
    seconds: float = 0.0
    peak_kib: int = 0


def run_tool(folders: list[Path], env: dict[str, str]) -> ToolRun:
    """`dossiercheck check` on each folder in turn, as a user would run it; the peak is the highest of them."""
    total = ToolRun()
    for folder in folders:
        seconds, peak, _ = timed_run([*DOSSIERCHECK, "check", str(folder), "--format", "json", "--date",
                                      "2027-01-15", "--profile", "visa-d/employee"], env)
        total.seconds += seconds
        total.peak_kib = max(total.peak_kib, peak)
    return total


def run_batch(folders: list[Path], env: dict[str, str], out: Path) -> ToolRun:
    """`dossiercheck batch` over the folders' common parent: every dossier in one run, one worker, one pool.

    It writes every report format, HTML with a picture of every page included, as an adviser gets them.
    """
    seconds, peak, _ = timed_run([*DOSSIERCHECK, "batch", str(folders[0].parent), "--output-dir", str(out),
                                  "--date", "2027-01-15", "--profile", "visa-d/employee"], env)
    return ToolRun(seconds, peak)


def bench_speed(folders: list[Path], label: str, results: Path | None = None) -> dict[str, float]:
    """Floor and as-built bare Tesseract, the tool cold and cached, in one run; printed and returned."""
    cache = Path(tempfile.mkdtemp(prefix="dossiercheck-bench-cache-"))
    env = dict(os.environ, DOSSIERCHECK_CACHE_DIR=str(cache))
    env.pop("OMP_THREAD_LIMIT", None)  # the tool must be fast without it (Makefile sets it for tests)
    try:
        with tempfile.TemporaryDirectory() as work:
            images = page_images(folders, Path(work))
            floor = bare_seconds(images, omp_one=True)
            built = bare_seconds(images, omp_one=False)
        cold = run_tool(folders, env)
        cached = run_tool(folders, env)
        batch_cold = batch_cached = None
        if len(folders) > 1 and len({f.parent for f in folders}) == 1:
            shutil.rmtree(cache, ignore_errors=True)
            with tempfile.TemporaryDirectory() as out:
                batch_cold = run_batch(folders, env, Path(out) / "1")
                batch_cached = run_batch(folders, env, Path(out) / "2")  # a new output folder: nothing reused
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    pages = len(images)
    figures = {"pages": pages, "floor": floor, "as_built": built, "cold": cold.seconds, "cached": cached.seconds,
               "cold_peak_mib": cold.peak_kib / 1024, "cached_peak_mib": cached.peak_kib / 1024}
    print(f"\n## Speed: {label} ({pages} pages, {len(folders)} dossier(s), {os.cpu_count()} cores)")
    print("| run | seconds | per page | peak memory (process tree) |")
    print("|---|---:|---:|---:|")
    print(f"| bare tesseract, serial, OMP_THREAD_LIMIT=1 (the floor) | {floor:.1f} | {floor / pages:.2f} | |")
    print(f"| bare tesseract, serial, OpenMP as built | {built:.1f} | {built / pages:.2f} | |")
    print(f"| dossiercheck, cold | {cold.seconds:.1f} | {cold.seconds / pages:.2f} | {cold.peak_kib / 1024:.0f} MiB |")
    print(f"| dossiercheck, cached | {cached.seconds:.2f} | {cached.seconds / pages:.3f} | "
          f"{cached.peak_kib / 1024:.0f} MiB |")
    if batch_cold is not None and batch_cached is not None:
        n = len(folders)
        for name, run in (("cold", batch_cold), ("cached", batch_cached)):
            print(f"| dossiercheck batch, all {n} in one run, {name} | {run.seconds:.1f} | {run.seconds / pages:.2f} | "
                  f"{run.peak_kib / 1024:.0f} MiB |")
            figures[f"batch_{name}"] = run.seconds
            figures[f"batch_{name}_peak_mib"] = run.peak_kib / 1024
        print(f"batch: cold / floor = {batch_cold.seconds / floor:.2f}; {n / batch_cold.seconds * 60:.1f} dossiers "
              f"per minute cold, {n / batch_cached.seconds * 60:.0f} cached")
    print(f"cold / floor = {cold.seconds / floor:.2f} (target <= 0.5); cold / as built = {cold.seconds / built:.2f}; "
          f"cached / cold = {cached.seconds / cold.seconds:.1%} (target <= 2%); "
          f"tree peak {cold.peak_kib / 1024:.0f} MiB (target <= 400)")
    if results is not None:
        results.parent.mkdir(parents=True, exist_ok=True)
        results.write_text(json.dumps(figures, indent=1))
    return figures
