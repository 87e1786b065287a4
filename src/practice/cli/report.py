"""``practice report what-works``: the "what works in my practice" report as PDF.

It only reads the practice. The PDF is written to a temporary file beside the target
and moved into place, so a failed run leaves nothing half-written.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from practice.cli.base import (
    Subcommands,
    add_command,
    existing_db,
    force_option,
    open_practice,
    output_file,
    recent_day,
    write_atomically,
)
from practice.cli.errors import EXIT_OK
from practice.domain.paper import system_paper
from practice.sheets.glyph_report import counting_missing_glyphs, glyph_message


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
    cmd.add_argument("-o", "--out", type=Path, required=True, metavar="FILE", help="PDF to write")
    force_option(cmd)
    cmd.add_argument(
        "--paper",
        choices=("a4", "letter"),
        default=None,
        help="paper size (default: from the system locale)",
    )
    cmd.add_argument("--date", type=recent_day, default=None, metavar="YYYY-MM-DD",
                     help="the day printed as prepared (default: today)")  # fmt: skip


def cmd_what_works(args: argparse.Namespace) -> int:
    # deferred: start-up speed (the report service and ReportLab)
    from practice.services.what_works import build_what_works
    from practice.sheets.what_works_pdf import WhatWorksPdf

    out = output_file(args, Path(args.out))
    with open_practice(existing_db(args)) as db:
        report = build_what_works(db)
    with counting_missing_glyphs() as missing:
        pdf = WhatWorksPdf(
            report, today=args.date or date.today(), paper=args.paper or system_paper()
        ).generate()
    write_atomically(out, pdf)
    if missing.missing:
        print(f"practice: warning: {glyph_message(missing.missing)}", file=sys.stderr)
    print(args.out)
    return EXIT_OK
