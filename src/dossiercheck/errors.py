"""Exit codes and the exceptions that carry one.

The library raises these; the CLI turns them into one plain line and an exit code.
Rule failures are never exceptions: they are findings in the report.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    COMPLETE = 0
    INCOMPLETE = 1
    ERROR = 2  # usage error or a run that could not finish


class DossierCheckError(Exception):
    """A run that cannot go on. The message says what happened and what to do."""

    exit_code = ExitCode.ERROR


class UsageError(DossierCheckError):
    """The command was asked for something it cannot do (bad folder, bad date, unknown profile)."""


class MissingProgramError(DossierCheckError):
    """An external program the tool needs is not installed."""


STRICT_ENV = "DOSSIERCHECK_STRICT"


def strict() -> bool:
    """Whether an unexpected error in a stage should stop the run (the test suite sets it).

    For a user, a bug met on one page costs that page, reported in plain words, and the rest of the
    dossier is still checked; in the tests the same bug must fail loudly.
    """
    import os

    return os.environ.get(STRICT_ENV, "") not in ("", "0")
