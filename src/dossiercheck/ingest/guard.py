"""Bounds that keep one pathological file from sinking a run: size and page limits, time limits,
and C code run in a child process it may crash or hang without taking the run along."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import faulthandler
import functools
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO


@dataclass(frozen=True)
class Limits:
    """Bounds that keep one pathological file from sinking a run."""

    max_pages: int = 200  # pages read per file; the rest are reported, not read
    max_file_bytes: int = 500 * 1024 * 1024
    max_page_pixels: int = 40_000_000  # larger pages are downscaled to this, not refused
    open_seconds: float = 60.0  # to count a file's pages, or to open and render one page; 0: no limit


DEFAULT_LIMITS = Limits()


class TooSlow(Exception):
    """Opening a file or a page took longer than Limits.open_seconds."""


class UnreadableFile(Exception):
    """The file (or page) could not be opened; the message is for the applicant."""


class LockedFile(UnreadableFile):
    """The file is protected by a password."""


@contextlib.contextmanager
def decoding(message: str) -> Iterator[None]:
    """Around a third-party decoder (pypdf, Pillow, PDFium) fed the dossier's untrusted bytes.

    Decoders raise every kind of error on hostile input (the fuzz corpora of pypdf and Pillow show
    KeyError, struct.error, ZeroDivisionError, ...): whatever comes out of one is the file's problem,
    reported with `message`. This is the only place such a broad catch is right, so it has a name;
    our own code runs outside it, and its errors are not hidden.
    """
    try:
        yield
    except (UnreadableFile, TooSlow):
        raise
    except RecursionError as exc:
        raise UnreadableFile("the file's structure loops back on itself or is nested too deeply: "
                             "export or scan it again") from exc
    except Exception as exc:  # noqa: BLE001 - see the docstring: a decoder of hostile bytes
        raise UnreadableFile(f"{message} ({type(exc).__name__})") from exc


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TooSlow in this thread after `seconds` of pure-Python work (pypdf on a hostile PDF).

    It uses SIGALRM, so it only works in the main thread of a POSIX process; elsewhere it does
    nothing. C code that never returns (a renderer stuck in a loop) is left to the watchdog of
    the OCR workers, which ends the worker process.
    """
    usable = (seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TooSlow(f"took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def isolated(function: Callable[[Path], int], path: Path, seconds: float) -> int | None:
    """function(path) in a child process; None when it fails, crashes or takes over `seconds`."""
    try:
        context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
        receive, send = context.Pipe(duplex=False)
        child = context.Process(  # type: ignore[attr-defined]
            target=_send_result, args=(function, path, send), daemon=True)
        child.start()
    except (OSError, ValueError):
        return None
    send.close()
    try:
        if receive.poll(seconds):
            result = receive.recv()
            return result if isinstance(result, int) else None
        return None
    except (EOFError, OSError):  # the child died without a word
        return None
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join()


def _send_result(function: Callable[[Path], int], path: Path, send: Any) -> None:
    try:
        send.send(function(path))
    except Exception:  # noqa: BLE001 - a child of its own: the parent only needs to know it failed
        send.send(None)


# Set in worker processes only: there a page stuck for good ends its own process.
_hard_limits = False
_watchdog_out: TextIO | None = None


def use_hard_time_limits() -> None:
    """Called when a worker process starts (never in the main process, which it would end).

    A page that never returns, e.g. a renderer looping in C code on a hostile PDF where no Python
    signal can reach it, then ends the worker; the pool retries the page once and reports it, and the
    run goes on. The worker's own stderr goes to /dev/null: the C libraries (leptonica) print their
    complaints about odd pictures there, which mean nothing to an applicant.
    """
    global _hard_limits, _watchdog_out
    _hard_limits = True
    _watchdog_out = open(os.devnull, "w")  # noqa: SIM115 - kept open for the worker's life
    with contextlib.suppress(OSError, ValueError):
        os.dup2(_watchdog_out.fileno(), 2)
    threading.Thread(target=_watch, name="watchdog", daemon=True).start()


# Deadlines of the blocks running under a watchdog, by thread: a worker reads pages on several threads.
_deadlines: dict[int, float] = {}
_deadlines_lock = threading.Lock()
_WATCH_EVERY = 0.25  # seconds between looks at the deadlines


def _watch() -> None:
    """End the worker process when any thread's block outlives its deadline."""
    while True:
        time.sleep(_WATCH_EVERY)
        with _deadlines_lock:
            late = any(deadline < time.monotonic() for deadline in _deadlines.values())
        if late:
            with contextlib.suppress(Exception):
                faulthandler.dump_traceback(file=_watchdog_out or sys.stderr, all_threads=True)
            os._exit(1)


@contextlib.contextmanager
def watchdog(seconds: float) -> Iterator[None]:
    """In a worker: end the process when the block takes longer than `seconds` (C code Python cannot stop).

    Per thread (faulthandler's own timer is one per process, and a worker reads pages on several threads).
    """
    if not _hard_limits or seconds <= 0:
        yield
        return
    key = threading.get_ident()
    with _deadlines_lock:
        previous = _deadlines.get(key)
        _deadlines[key] = time.monotonic() + seconds
    try:
        yield
    finally:
        with _deadlines_lock:
            if previous is None:
                _deadlines.pop(key, None)
            else:
                _deadlines[key] = previous


@functools.lru_cache(maxsize=1)
def libc() -> Any:
    """glibc, for the memory calls Python does not offer (None where there is none)."""
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None


def release_memory() -> None:
    """Give freed memory back to the system: glibc keeps it for reuse otherwise, so a worker grows to the
    size of its largest page plus what fragmentation leaves (tens of MB), and a process about to fork
    would hand its leftovers to the child."""
    found = libc()
    if found is not None and hasattr(found, "malloc_trim"):
        found.malloc_trim(0)
