"""What a command reports: CliError, the exit statuses, and the one place that turns
errors into a line on stderr and a status."""

from __future__ import annotations

import sys
from collections.abc import Callable

EXIT_OK, EXIT_ERROR = 0, 1
EXIT_INTERRUPTED = 130  # the shell's status for Ctrl+C


class CliError(Exception):
    """A problem to report on stderr."""


def report_errors(run: Callable[[], int]) -> int:
    """Run a command; a CliError becomes ``practice: message`` on stderr and status 1."""
    try:
        return run()
    except CliError as exc:
        print(f"practice: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
