"""The entry point: the parser of every command, and :func:`main`, which dispatches.

With no command ``practice`` opens the app; otherwise the command's module (one per
family: ``database``, ``move``, ``data``, ``backup``, ``prep``, ``crypto``, ``sheets``,
``filled``, ``report``) runs it.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from practice import __version__, logs
from practice.app import run_gui
from practice.cli import backup, crypto, data, database, filled, move, prep, report, sheets
from practice.cli.base import Handler, app_place, db_option
from practice.cli.errors import report_errors
from practice.db import migrate

# In this order in ``practice --help``.
COMMAND_FAMILIES = (database, move, data, backup, prep, crypto, sheets, filled, report)


def build_parser() -> argparse.ArgumentParser:
    """The ``practice`` parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="practice",
        description="Practice: client records, session notes and homework for therapists. "
        "With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"practice {__version__}")
    db_option(parser, top=True)
    parser.add_argument(
        "--demo", action="store_true", help="open the app on a fresh fictional practice"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for family in COMMAND_FAMILIES:
        family.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``practice`` with ``argv`` (default: the command line); returns the exit status."""
    logs.setup_logging()
    args = build_parser().parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        return report_errors(lambda: run_gui(app_place(args), demo=args.demo))
    return report_errors(lambda: _checked(handler)(args))


def _checked(handler: Handler) -> Handler:
    """``handler`` run only when this copy's upgrade scripts are whole (a damaged
    installation is said as such, before any file is touched)."""

    def run(args: argparse.Namespace) -> int:
        migrate.check_installation()
        return handler(args)

    return run
