"""The worker process that reads pages: one per run, shared by every file and every dossier.

Pages, not files, are the unit of work, so one long PDF does not leave a core idle. Pages are always
read outside the main process, even one at a time: a renderer that crashes or loops on a hostile file
then costs a worker, never the run. A crash takes every page in flight with it, so those are retried
one at a time and only the culprit (crashing again on its second try) is reported.

Why one process with a thread per core rather than a process per core: each worker process carries its
own copy of the image libraries and Tesseract (~90 MB before it reads a pixel), and the C libraries that
do the work (Tesseract, OpenCV, Pillow) release the GIL while they run. One process holding one engine
set per thread cut the tree's peak on 50 pages from ~640 to ~450 MiB, and sharing the engines between the
threads (ocr.tesseract) to ~370 MiB PSS; speed against separate processes was within the noise of a
shared machine in interleaved runs. The page
retried alone after a crash is read on the worker's main thread, where the time limit of pure-Python
decoding (SIGALRM) works.
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

from dossiercheck.errors import strict
from dossiercheck.ingest.guard import libc, release_memory

T = TypeVar("T")  # a task
R = TypeVar("R")  # its result


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


# glibc's mallopt parameters (malloc.h): fewer arenas for the worker's threads, big buffers (page images)
# mapped on their own so that freeing one gives it back to the system at once.
_M_ARENA_MAX, _M_MMAP_THRESHOLD = -8, -3
_MMAP_THRESHOLD = 256 * 1024




def _tune_malloc() -> None:
    """One arena per thread (glibc's default, up to 8 per core) leaves each thread's freed page images
    stranded in its own arena; two arenas and mapped big buffers keep the worker near its working size."""
    found = libc()
    if found is not None and hasattr(found, "mallopt"):
        found.mallopt(_M_ARENA_MAX, 2)
        found.mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)


def _quietly(work: Callable[[], None]) -> None:
    with contextlib.suppress(Exception):
        work()


class _Lost(Exception):
    """The worker process died (a crash, or its watchdog ended it) with these tasks in flight."""


def _serve(conn: Connection, work: Callable[[Any], Any], initializer: Callable[[], None] | None,
           threads: int) -> None:
    """The worker's loop: tasks in, (id, ok, result or exception) out, until it is sent None."""
    _tune_malloc()
    if initializer is not None:
        initializer()
    sending = threading.Lock()

    def run(task_id: int, task: Any) -> None:
        try:
            reply: tuple[int, bool, Any] = (task_id, True, work(task))
        except Exception as exc:  # noqa: BLE001 - the parent decides: loud in tests, one page's loss in use
            reply = (task_id, False, exc)
        with sending:
            try:
                conn.send(reply)
            except Exception as exc:  # noqa: BLE001 - an exception or result that does not pickle
                conn.send((task_id, False, RuntimeError(f"{type(exc).__name__}: {exc}")))

    if threads <= 1:
        while (message := conn.recv()) is not None:
            run(*message)
        return
    with ThreadPoolExecutor(threads) as executor:
        while (message := conn.recv()) is not None:
            executor.submit(run, *message)


class _Worker:
    """One worker process and its end of the pipe."""

    def __init__(self, work: Callable[[Any], Any], initializer: Callable[[], None] | None, threads: int) -> None:
        context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
        self.conn, child = context.Pipe(duplex=True)
        self.process = context.Process(  # type: ignore[attr-defined]
            target=_serve, args=(child, work, initializer, threads), daemon=True)
        self.process.start()
        child.close()

    def close(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()

    def alive(self) -> bool:
        return self.process.is_alive()


# Workers kept between runs (`PagePool(keep=True)`), by what they run and on how many threads; closed at exit.
_KEPT: dict[tuple[Callable[[Any], Any], Callable[[], None] | None, int], _Worker] = {}
_KEPT_LOCK = threading.Lock()


@atexit.register
def close_kept_workers() -> None:
    """End the workers kept between runs (and the memory they hold: their engines, their libraries)."""
    with _KEPT_LOCK:
        workers = list(_KEPT.values())
        _KEPT.clear()
    for worker in workers:
        worker.close()


class PagePool(Generic[T, R]):
    """Run `work(task)` for every task in a worker process; `failed(task, why)` stands in for a lost result.

    `jobs` pages are read at once, on as many threads of one worker process. With `keep`, the worker is
    not ended after the run but kept for the next run of a pool doing the same work, with its libraries
    imported and its OCR engines open: a process that reads file after file (the web page, a program
    calling the library per file) then pays for the worker's start and the engines' loading (a few
    tenths of a second) once. A kept worker holds that memory until the process ends
    (`close_kept_workers`); one that died is replaced.
    """

    def __init__(self, work: Callable[[T], R], failed: Callable[[T, str], R], jobs: int,
                 initializer: Callable[[], None] | None = None, keep: bool = False) -> None:
        self.work, self.failed, self.jobs, self.initializer = work, failed, max(1, jobs), initializer
        self.keep = keep

    def _worker(self, pending: int) -> _Worker:
        """A kept worker when there is one alive, else a new one (with all `jobs` threads when it is kept)."""
        if not self.keep:
            return _Worker(self.work, self.initializer, min(self.jobs, pending))
        with _KEPT_LOCK:
            kept = _KEPT.pop(self._kept_key(), None)
        if kept is not None and kept.alive():
            return kept
        if kept is not None:
            kept.close()
        return _Worker(self.work, self.initializer, self.jobs)

    def _kept_key(self) -> tuple[Callable[[Any], Any], Callable[[], None] | None, int]:
        return self.work, self.initializer, self.jobs

    def _done_with(self, worker: _Worker, lost: bool) -> None:
        if not self.keep or lost or not worker.alive():
            worker.close()
            return
        with _KEPT_LOCK:
            other = _KEPT.setdefault(self._kept_key(), worker)
        if other is not worker:  # another run kept one meanwhile
            worker.close()

    def run(self, tasks: Sequence[T], done: Callable[[T, R], None],
            meanwhile: Callable[[], None] | None = None) -> None:
        """Every task's result handed to `done` as it comes, in completion order.

        `meanwhile` runs on a thread of this process once the worker is started (this process only waits
        for results then); it is finished before any other worker is forked, as a fork must not copy a
        thread in the middle of an import or an allocation, and before `run` returns. Its exceptions
        are its own: it is work done ahead of time, which the caller does again when it needs it.
        """
        if not tasks:
            return
        release_memory()  # the worker must not start with the parent's leftovers of counting pages
        pending = deque(tasks)
        lost: list[T] = []
        ahead: threading.Thread | None = None
        while pending:
            if ahead is not None:
                ahead.join()
            try:
                worker = self._worker(len(pending))
            except (OSError, NotImplementedError, ImportError):  # no processes here (some sandboxes): inline
                for task in pending:
                    done(task, self.work(task))
                return
            if meanwhile is not None and ahead is None:
                ahead = threading.Thread(target=_quietly, args=(meanwhile,), name="meanwhile", daemon=True)
                ahead.start()
            died = True
            try:
                self._drive(worker, pending, done, min(self.jobs, len(pending)))
                died = False
            except _Lost as exc:  # the pages in flight are retried alone; the others go on in a new worker
                lost.extend(exc.args[0])
            finally:
                self._done_with(worker, lost=died)
        if ahead is not None:
            ahead.join()
        self._retry(lost, done)

    def _drive(self, worker: _Worker, pending: deque[T], done: Callable[[T, R], None], width: int) -> None:
        """Feed the worker `width` tasks at a time until none is left; _Lost when it dies."""
        flight: dict[int, T] = {}
        next_id = 0
        while pending or flight:
            while pending and len(flight) < width:
                flight[next_id] = pending.popleft()
                try:
                    worker.conn.send((next_id, flight[next_id]))
                except OSError:
                    raise _Lost(list(flight.values())) from None
                next_id += 1
            ready = wait([worker.conn, worker.process.sentinel])
            if worker.conn not in ready:
                raise _Lost(list(flight.values()))
            try:
                task_id, ok, value = worker.conn.recv()
            except (EOFError, OSError):
                raise _Lost(list(flight.values())) from None
            task = flight.pop(task_id)
            if ok:
                done(task, value)
                continue
            if strict():  # a bug in a worker: loud in tests
                raise value
            done(task, self.failed(task, f"it could not be read ({type(value).__name__})"))

    def _retry(self, lost: list[T], done: Callable[[T, R], None]) -> None:
        for task in lost:
            worker = _Worker(self.work, self.initializer, 1)
            try:
                self._drive(worker, deque([task]), done, 1)
            except _Lost:
                done(task, self.failed(task, "the reader crashed or took too long on this page and was stopped"))
            finally:
                worker.close()
