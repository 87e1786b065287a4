"""The ``practice`` console script: Ctrl+C is one line even while the code still loads.

The command's own error handling (``practice.cli.errors``) starts only once
``practice.cli`` is imported; an interrupt during that import would otherwise print a
traceback.
"""

from __future__ import annotations

import os
import sys

EXIT_INTERRUPTED = 130


def run() -> None:
    """Import and run the command line; exit with its status."""
    try:
        from practice.cli import main  # deferred: what Ctrl+C may interrupt

        status = main()
    except KeyboardInterrupt:
        sys.stderr.write("practice: interrupted.\n")
        status = EXIT_INTERRUPTED
    raise SystemExit(status)


def run_gui_only() -> None:
    """The ``practice-gui`` script: the app's window, with no console (on Windows it is
    started by ``pythonw``, where there is no stdout or stderr to write to)."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    from practice.cli import main  # deferred: start-up speed (as in run())

    raise SystemExit(main())
