"""``practice prep`` (the one-page session-prep PDF) and ``practice today`` (Today as text).

Both only read the practice. The PDF is written to a temporary file beside the
target and moved into place, so a failed run leaves nothing half-written.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path

from practice.cli import EXIT_OK, CliError, db_path, open_database
from practice.cli_sheets import write_atomically
from practice.services.errors import ServiceError


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], db_option: Callable[..., None]
) -> None:
    help_text = "write the one-page session-prep summary of a client as PDF"
    cmd = sub.add_parser("prep", help=help_text, description=help_text)
    db_option(cmd)
    cmd.add_argument("--client", type=int, required=True, metavar="ID", help="the client's id")
    cmd.add_argument("-o", "--out", type=Path, required=True, metavar="FILE", help="PDF to write")
    cmd.add_argument(
        "--weeks",
        type=_positive,
        default=26,
        metavar="N",
        help="weeks of history in the strip (default 26; the page shows at most 26)",
    )
    cmd.add_argument("--paper", choices=("a4", "letter"), default="a4")
    cmd.add_argument("--date", type=_day, default=None, metavar="YYYY-MM-DD",
                     help="prepare as of this day (default: today)")  # fmt: skip
    cmd.set_defaults(handler=cmd_prep)

    help_text = "print the Today view: appointments, reminders, calls, missing reviews"
    cmd = sub.add_parser("today", help=help_text, description=help_text)
    db_option(cmd)
    cmd.add_argument("--date", type=_day, default=None, metavar="YYYY-MM-DD",
                     help="the day to show (default: today)")  # fmt: skip
    cmd.set_defaults(handler=cmd_today)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from exc
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _existing(args: argparse.Namespace) -> Path:
    path = db_path(args)
    if not path.exists():
        raise CliError(f"{path} does not exist.")
    return path


def cmd_prep(args: argparse.Namespace) -> int:
    from practice.services.prep import build_prep
    from practice.sheets.prep_summary import PrepSummaryPdf

    database = open_database(_existing(args))
    try:
        with database.session() as session:
            data = build_prep(session, args.client, today=args.date, weeks=args.weeks)
    except ServiceError as exc:
        raise CliError(str(exc)) from exc
    finally:
        database.dispose()
    pdf = PrepSummaryPdf(data, paper=args.paper).generate()
    write_atomically(Path(args.out), pdf)
    print(args.out)
    return EXIT_OK


def cmd_today(args: argparse.Namespace) -> int:
    from practice.services.today import build_today, render_text

    database = open_database(_existing(args))
    try:
        with database.session() as session:
            data = build_today(session, args.date or date.today())
    except ServiceError as exc:
        raise CliError(str(exc)) from exc
    finally:
        database.dispose()
    print(render_text(data), end="")
    return EXIT_OK
