"""The page pool: results for every task, and the parent's own work done while the worker reads."""

from __future__ import annotations

import os
import threading

from dossiercheck.pipeline.pool import PagePool


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
