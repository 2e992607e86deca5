"""The page pool: results for every task, and the parent's own work done while the worker reads."""

from __future__ import annotations

import os
import threading

from dossiercheck.pipeline.pool import PagePool, close_kept_workers


def _square(task: int) -> tuple[int, int]:
    return task * task, os.getpid()


def _failed(task: int, why: str) -> tuple[int, int]:
    return -1, 0


def test_every_task_is_read_outside_this_process_and_meanwhile_runs_once_in_it() -> None:
    results: dict[int, int] = {}
    where: set[int] = set()
    ran: list[str] = []

    def done(task: int, result: tuple[int, int]) -> None:
        results[task] = result[0]
        where.add(result[1])

    def meanwhile() -> None:
        ran.append(threading.current_thread().name)

    PagePool(_square, _failed, 2).run(list(range(6)), done, meanwhile)
    assert results == {i: i * i for i in range(6)}
    assert os.getpid() not in where  # read in the worker
    assert ran == ["meanwhile"]  # once, on its own thread of this process, finished before run returned


def test_a_failing_meanwhile_costs_no_result() -> None:
    results: dict[int, int] = {}

    def meanwhile() -> None:
        raise RuntimeError("the language model is missing")

    PagePool(_square, _failed, 2).run([3, 4], lambda task, result: results.__setitem__(task, result[0]), meanwhile)
    assert results == {3: 9, 4: 16}


def _pid(task: int) -> int:
    return os.getpid()


def _die(task: int) -> int:
    os._exit(3)


def test_a_kept_worker_serves_the_next_run_and_a_dead_one_is_replaced() -> None:
    def pids(pool: PagePool[int, int], tasks: list[int]) -> set[int]:
        seen: set[int] = set()
        pool.run(tasks, lambda task, pid: seen.add(pid))
        return seen

    try:
        first = pids(PagePool(_pid, lambda task, why: 0, 2, keep=True), [1, 2, 3])
        assert len(first) == 1 and os.getpid() not in first
        assert pids(PagePool(_pid, lambda task, why: 0, 2, keep=True), [4]) == first  # the same process
        assert pids(PagePool(_pid, lambda task, why: 0, 2), [5]) != first  # not kept: a worker of its own
        killed = next(iter(first))
        os.kill(killed, 9)  # the kept worker dies between runs: the next run reads every page all the same
        again = pids(PagePool(_pid, lambda task, why: 0, 2, keep=True), [6, 7])
        assert again and 0 not in again and killed not in again
    finally:
        close_kept_workers()


def test_a_worker_that_died_in_a_run_is_not_kept() -> None:
    try:
        results: list[int] = []
        PagePool(_die, lambda task, why: -1, 1, keep=True).run([1], lambda task, r: results.append(r))
        assert results == [-1]  # the page is reported lost, the run goes on
        seen: set[int] = set()
        PagePool(_pid, lambda task, why: 0, 1, keep=True).run([2], lambda task, pid: seen.add(pid))
        assert len(seen) == 1 and 0 not in seen
    finally:
        close_kept_workers()
