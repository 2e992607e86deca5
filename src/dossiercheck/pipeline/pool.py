"""The worker processes that read pages: one pool per run, shared by every file and every dossier.

Pages, not files, are the unit of work, so one long PDF does not leave a core idle. Pages are always
read in worker processes, even one at a time: a renderer that crashes or loops on a hostile file then
costs a worker, never the run. A crash takes every page in flight with it, so those are retried one at
a time and only the culprit (crashing again on its second try) is reported.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import Generic, TypeVar

from dossiercheck.errors import strict

T = TypeVar("T")  # a task
R = TypeVar("R")  # its result


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


class PagePool(Generic[T, R]):
    """Run `work(task)` for every task in worker processes; `failed(task, why)` stands in for a lost result."""

    def __init__(self, work: Callable[[T], R], failed: Callable[[T, str], R], jobs: int,
                 initializer: Callable[[], None] | None = None) -> None:
        self.work, self.failed, self.jobs, self.initializer = work, failed, jobs, initializer

    def _start(self, workers: int) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
        return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=self.initializer)

    def run(self, tasks: Sequence[T], done: Callable[[T, R], None]) -> None:
        """Every task's result handed to `done` as it comes, in completion order."""
        if not tasks:
            return
        try:
            pool = self._start(min(self.jobs, len(tasks)))
        except (OSError, NotImplementedError, ImportError):  # no processes here (some sandboxes): read inline
            for task in tasks:
                done(task, self.work(task))
            return
        lost: list[T] = []
        with pool:
            futures: dict[Future[R], T] = {pool.submit(self.work, task): task for task in tasks}
            for future in as_completed(futures):
                task = futures[future]
                try:
                    done(task, future.result())
                except BrokenProcessPool:
                    lost.append(task)
                except Exception as exc:  # noqa: BLE001 - a bug in a worker: loud in tests, one page's loss here
                    if strict():
                        raise
                    done(task, self.failed(task, f"it could not be read ({type(exc).__name__})"))
        self._retry(lost, done)

    def _retry(self, lost: list[T], done: Callable[[T, R], None]) -> None:
        retry: ProcessPoolExecutor | None = None
        for task in lost:
            retry = retry or self._start(1)
            try:
                done(task, retry.submit(self.work, task).result())
            except BrokenProcessPool:
                retry.shutdown(wait=True)
                retry = None
                done(task, self.failed(task, "the reader crashed or took too long on this page and was stopped"))
        if retry is not None:
            retry.shutdown(wait=True)
