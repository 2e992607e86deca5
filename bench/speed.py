"""Speed and memory: the tool cold and cached against the bare `tesseract` program on the same pages.

The floor is the fastest way anyone can run Tesseract on a page: the `tesseract` program, serially, with
`OMP_THREAD_LIMIT=1` (OpenMP as built is ~2.3x slower per page on these 2-core machines), the same four
languages, the same pages. Pages of PDFs and multi-page TIFFs are rendered to PNG beforehand and not timed.
The as-built figure (OpenMP on) is printed beside it. Memory is the peak of the whole process tree
(parent, every worker, every child), sampled every 50 ms, two ways: the sum of resident sizes (RSS, which
counts a page shared by a parent and its forked worker once in each) and the sum of proportional sizes
(PSS, which splits a shared page between the processes sharing it: what the tree really holds).
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
    """Peak memory of a process and all its descendants (RSS sum and PSS sum), sampled every 50 ms."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kib = 0
        self.peak_pss_kib = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            rss, pss = tree_memory_kib(self.pid)
            self.peak_kib, self.peak_pss_kib = max(self.peak_kib, rss), max(self.peak_pss_kib, pss)
            time.sleep(0.05)


def _tree(root: int) -> list[int]:
    """The process and its descendants, from /proc."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                # "pid (name) state ppid ...": the name may hold spaces and parentheses.
                parents[int(entry)] = int(stat.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
    found = []
    for pid in parents:
        current = pid
        while current and current != root:
            current = parents.get(current, 0)
        if current == root:
            found.append(pid)
    return found


def tree_memory_kib(root: int) -> tuple[int, int]:
    """(sum of RSS, sum of PSS) of the tree in KiB, from each process's smaps_rollup."""
    rss = pss = 0
    for pid in _tree(root):
        try:
            with open(f"/proc/{pid}/smaps_rollup") as rollup:
                for line in rollup:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except OSError:
            continue
    return rss, pss


def timed_run(args: list[str], env: dict[str, str], sample_memory: bool = True) -> tuple[float, int, int, int]:
    """Seconds, peak tree memory in KiB (RSS sum, PSS sum; 0 unless `sample_memory`), exit code.

    Sampling costs the run it measures: every 50 ms it reads the stat of every process on the machine
    and the smaps_rollup of the tree's (the kernel walks their page tables), 5-10% of a core over a
    6-dossier run, which bare `tesseract` is not charged. Seconds are therefore taken from runs that
    are not sampled, and the peaks from a run of their own (see `bench_speed`).
    """
    start = time.perf_counter()
    process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    monitor = TreeMemory(process.pid)
    if sample_memory:
        monitor.start()
    _, err = process.communicate()
    seconds = time.perf_counter() - start
    if sample_memory:
        monitor.stop.set()
        monitor.join()
    if process.returncode not in (0, 1):
        sys.stderr.write(err.decode(errors="replace"))
    return seconds, monitor.peak_kib, monitor.peak_pss_kib, process.returncode


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
    peak_pss_kib: int = 0

    def memory(self) -> str:
        return f"{self.peak_kib / 1024:.0f} MiB RSS, {self.peak_pss_kib / 1024:.0f} MiB PSS"


def run_tool(folders: list[Path], env: dict[str, str], sample_memory: bool = False) -> ToolRun:
    """`dossiercheck check` on each folder in turn, as a user would run it; the peak is the highest of them."""
    total = ToolRun()
    for folder in folders:
        seconds, peak, pss, _ = timed_run([*DOSSIERCHECK, "check", str(folder), "--format", "json", "--date",
                                           "2027-01-15", "--profile", "visa-d/employee"], env, sample_memory)
        total.seconds += seconds
        total.peak_kib, total.peak_pss_kib = max(total.peak_kib, peak), max(total.peak_pss_kib, pss)
    return total


def run_batch(folders: list[Path], env: dict[str, str], out: Path, sample_memory: bool = False) -> ToolRun:
    """`dossiercheck batch` over the folders' common parent: every dossier in one run, one worker, one pool.

    It writes every report format, HTML with a picture of every page included, as an adviser gets them.
    """
    seconds, peak, pss, _ = timed_run([*DOSSIERCHECK, "batch", str(folders[0].parent), "--output-dir", str(out),
                                       "--date", "2027-01-15", "--profile", "visa-d/employee"], env, sample_memory)
    return ToolRun(seconds, peak, pss)


def _with_peaks(timed: ToolRun, sampled: ToolRun) -> ToolRun:
    """The seconds of an unsampled run with the peaks of a sampled run of the same work."""
    return ToolRun(timed.seconds, sampled.peak_kib, sampled.peak_pss_kib)


def bench_speed(folders: list[Path], label: str, results: Path | None = None) -> dict[str, float]:
    """Floor and as-built bare Tesseract, the tool cold and cached, in one run; printed and returned."""
    cache = Path(tempfile.mkdtemp(prefix="dossiercheck-bench-cache-"))
    env = dict(os.environ, DOSSIERCHECK_CACHE_DIR=str(cache))
    env.pop("OMP_THREAD_LIMIT", None)  # the tool must be fast without it (Makefile sets it for tests)

    def fresh_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    try:
        with tempfile.TemporaryDirectory() as work:
            images = page_images(folders, Path(work))
            floor = bare_seconds(images, omp_one=True)
            built = bare_seconds(images, omp_one=False)
        # Timed without sampling memory, then the same work again, sampled, from an empty cache (see timed_run).
        cold = run_tool(folders, env)
        cached = run_tool(folders, env)
        fresh_cache()
        cold = _with_peaks(cold, run_tool(folders, env, sample_memory=True))
        cached = _with_peaks(cached, run_tool(folders, env, sample_memory=True))
        batch_cold = batch_cached = None
        if len(folders) > 1 and len({f.parent for f in folders}) == 1:
            with tempfile.TemporaryDirectory() as out:
                runs = []
                for sample in (False, True):
                    fresh_cache()
                    # A new output folder each time: nothing reused.
                    runs.append((run_batch(folders, env, Path(out) / f"cold-{sample}", sample),
                                 run_batch(folders, env, Path(out) / f"cached-{sample}", sample)))
                (timed_cold, timed_cached), (sampled_cold, sampled_cached) = runs
                batch_cold, batch_cached = _with_peaks(timed_cold, sampled_cold), _with_peaks(timed_cached,
                                                                                               sampled_cached)
    finally:
        fresh_cache()
    pages = len(images)
    figures = {"pages": pages, "floor": floor, "as_built": built, "cold": cold.seconds, "cached": cached.seconds,
               "cold_peak_mib": cold.peak_kib / 1024, "cold_peak_pss_mib": cold.peak_pss_kib / 1024,
               "cached_peak_mib": cached.peak_kib / 1024}
    print(f"\n## Speed: {label} ({pages} pages, {len(folders)} dossier(s), {os.cpu_count()} cores)")
    print("| run | seconds | per page | peak memory (process tree) |")
    print("|---|---:|---:|---:|")
    print(f"| bare tesseract, serial, OMP_THREAD_LIMIT=1 (the floor) | {floor:.1f} | {floor / pages:.2f} | |")
    print(f"| bare tesseract, serial, OpenMP as built | {built:.1f} | {built / pages:.2f} | |")
    print(f"| dossiercheck, cold | {cold.seconds:.1f} | {cold.seconds / pages:.2f} | {cold.memory()} |")
    print(f"| dossiercheck, cached | {cached.seconds:.2f} | {cached.seconds / pages:.3f} | {cached.memory()} |")
    if batch_cold is not None and batch_cached is not None:
        n = len(folders)
        for name, run in (("cold", batch_cold), ("cached", batch_cached)):
            print(f"| dossiercheck batch, all {n} in one run, {name} | {run.seconds:.1f} | {run.seconds / pages:.2f} | "
                  f"{run.memory()} |")
            figures[f"batch_{name}"] = run.seconds
            figures[f"batch_{name}_peak_mib"] = run.peak_kib / 1024
        print(f"batch: cold / floor = {batch_cold.seconds / floor:.2f}; {n / batch_cold.seconds * 60:.1f} dossiers "
              f"per minute cold, {n / batch_cached.seconds * 60:.0f} cached")
    print("(seconds from runs whose memory is not sampled; the peaks from the same runs again, sampled every 50 ms)")
    print(f"cold / floor = {cold.seconds / floor:.2f} (target <= 0.5); cold / as built = {cold.seconds / built:.2f}; "
          f"cached / cold = {cached.seconds / cold.seconds:.1%} (target <= 2%); "
          f"tree peak {cold.memory()} (target <= 400 MiB)")
    if results is not None:
        results.parent.mkdir(parents=True, exist_ok=True)
        results.write_text(json.dumps(figures, indent=1))
    return figures
