"""``practice prep`` (the one-page session-prep PDF) and ``practice today`` (Today as text).

Both only read the practice. The PDF is written to a temporary file beside the
target and moved into place, so a failed run leaves nothing half-written.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from practice.cli.base import (
    Subcommands,
    add_command,
    existing_place,
    open_practice,
    out_option,
    output_file,
    paper_option,
    recent_day,
    write_pdf,
)
from practice.cli.errors import EXIT_OK
from practice.cli.output import terminal_text
from practice.domain.paper import system_paper


def register(sub: Subcommands) -> None:
    cmd = add_command(
        sub, "prep", cmd_prep, "write the one-page session-prep summary of a client as PDF"
    )
    cmd.add_argument("--client", type=int, required=True, metavar="ID", help="the client's id")
    out_option(cmd)
    cmd.add_argument(
        "--weeks",
        type=_positive,
        default=26,
        metavar="N",
        help="weeks of history in the strip (default 26; the page shows at most 26)",
    )
    paper_option(cmd)
    cmd.add_argument("--date", type=recent_day, default=None, metavar="YYYY-MM-DD",
                     help="prepare as of this day (default: today)")  # fmt: skip

    cmd = add_command(
        sub,
        "today",
        cmd_today,
        "print the Today view: appointments, reminders, calls, missing reviews",
    )
    cmd.add_argument("--date", type=recent_day, default=None, metavar="YYYY-MM-DD",
                     help="the day to show (default: today)")  # fmt: skip


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from exc
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def cmd_prep(args: argparse.Namespace) -> int:
    # deferred: start-up speed (120 ms: the prep service, the summary and ReportLab)
    from practice.services.prep import build_prep
    from practice.services.prep_returned import returned_for
    from practice.sheets.prep_summary import PrepSummaryPdf

    out = output_file(args, Path(args.out))
    with open_practice(existing_place(args)) as db:
        data = build_prep(db, args.client, today=args.date, weeks=args.weeks)
        returned = returned_for(db, args.client, data.today)
    paper = args.paper or system_paper()
    write_pdf(out, lambda: PrepSummaryPdf(data, paper=paper, returned=returned).generate())
    print(args.out)
    return EXIT_OK


def cmd_today(args: argparse.Namespace) -> int:
    from practice.services import clients, measures  # deferred: start-up speed
    from practice.services.today import build_today, render_text  # deferred: start-up speed (20 ms)

    with open_practice(existing_place(args)) as db:
        data = build_today(db, args.date or date.today())
        alerts = [(clients.get(db, a.client_id).display_name, a) for a in measures.open_alerts(db)]
    print(terminal_text(render_text(data, alerts), keep=frozenset("\n")), end="")
    return EXIT_OK
