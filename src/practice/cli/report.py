"""``practice report what-works``: the "what works in my practice" report as PDF.

It only reads the practice. The PDF is written to a temporary file beside the target
and moved into place, so a failed run leaves nothing half-written.
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
from practice.domain.paper import system_paper


def register(sub: Subcommands) -> None:
    family = sub.add_parser(
        "report",
        help="reports over the whole caseload, as PDF",
        description="Reports over the whole caseload, as PDF.",
    )
    reports = family.add_subparsers(dest="report", metavar="REPORT", required=True)
    cmd = add_command(
        reports,
        "what-works",
        cmd_what_works,
        "homework completion (and PHQ-9/GAD-7) before and after each ladder step and "
        "change of material, over the whole caseload",
    )
    out_option(cmd)
    paper_option(cmd)
    cmd.add_argument("--date", type=recent_day, default=None, metavar="YYYY-MM-DD",
                     help="the day printed as prepared (default: today)")  # fmt: skip


def cmd_what_works(args: argparse.Namespace) -> int:
    # deferred: start-up speed (the report service and ReportLab)
    from practice.services.what_works import build_what_works
    from practice.sheets.what_works_pdf import WhatWorksPdf

    out = output_file(args, Path(args.out))
    with open_practice(existing_place(args)) as db:
        report = build_what_works(db)
    today, paper = args.date or date.today(), args.paper or system_paper()
    write_pdf(out, lambda: WhatWorksPdf(report, today=today, paper=paper).generate())
    print(args.out)
    return EXIT_OK
