"""`dossiercheck serve` started as the applicant starts it, as a subprocess on a free port, for the page's tests."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "dossiers" / "visa-d-employee"
FAULTY = ROOT / "samples" / "dossiers" / "visa-d-employee-faulty"
ARTEFACTS = ROOT / ".cache" / "test-artefacts"
START_SECONDS = 30


@dataclass
class Served:
    """A running `serve`: its address with the key, the address without it, and the uploads' root folder."""

    url: str
    base: str
    root: Path
    process: subprocess.Popen[str]
    printed: str  # what it printed when it started

    def stop(self) -> int:
        """Ctrl-C, as the applicant stops it; the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=20)


def start_serve(*args: str) -> Served:
    """Start `dossiercheck serve --no-browser` and read the address and the uploads folder it prints."""
    process = subprocess.Popen([sys.executable, "-m", "dossiercheck", "serve", "--no-browser", *args],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=dict(os.environ))
    assert process.stdout is not None
    lines: list[str] = []
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline and not any("Uploads are kept in" in line for line in lines):
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
    text = "".join(lines)
    url = re.search(r"http://\S+\?key=\S+", text)
    root = re.search(r"Uploads are kept in (\S+)", text)
    if url is None or root is None:
        process.kill()
        raise AssertionError(f"serve did not start: {text}{process.stdout.read()}")
    return Served(url.group(0), url.group(0).split("/?")[0], Path(root.group(1)), process, text)


@pytest.fixture()
def served() -> Iterator[Served]:
    server = start_serve()
    try:
        yield server
    finally:
        server.stop()
