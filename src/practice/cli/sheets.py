"""``practice sheet``, ``week-sheets``, ``reminder-card`` and ``alarm``.

``sheet --list`` and a blank ``sheet --template …`` need no database. The others
read one (``reminder-card`` also marks the assignment's card printed, so it holds
the one-writer lock). Every file is written to a temporary file beside the target
and moved into place: a failed run leaves nothing half-written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from practice.cli import measure_forms
from practice.cli.base import (
    Subcommands,
    add_command,
    day,
    existing_place,
    open_practice,
    out_option,
    output_file,
    paper_option,
    warn_missing_glyphs,
    write_atomically,
    write_pdf,
)
from practice.cli.errors import EXIT_OK, CliError
from practice.domain.paper import system_paper
from practice.domain.vocabulary import Language, LiteracyLevel
from practice.services.printing import (
    SheetTextError,
    alarm_for_assignment,
    card_for_assignment,
    sheet_for_assignment,
    variant,
    week_sheets,
)
from practice.sheets.glyph_report import counting_missing_glyphs
from practice.sheets.templates import TemplateLibrary, practice_templates


def register(sub: Subcommands) -> None:
    help_text = "list the sheet templates, or write a blank sheet or an assignment's sheet"
    cmd = add_command(
        sub,
        "sheet",
        cmd_sheet,
        help_text,
        help_text + ". Blank: --template T --level L --lang xx -o FILE; "
        "an assignment's: --assignment ID -o FILE; the picture words: --pictograms -o FILE.",
    )
    cmd.add_argument("--list", action="store_true", help="one template a line, its key first")
    cmd.add_argument(
        "--pictograms",
        action="store_true",
        help="every pictogram with its meaning in English and Spanish, to go through "
        "with the client",
    )
    cmd.add_argument("--template", metavar="T", help="template key (see --list)")
    cmd.add_argument("--level", metavar="L", help="standard, plain, easy or pictorial")
    cmd.add_argument("--lang", metavar="xx", help="language: en or es")
    cmd.add_argument("--large-print", action="store_true", help="body text 18 pt or more")
    cmd.add_argument("--assignment", type=int, metavar="ID", help="the assignment's id")
    cmd.add_argument(
        "--fillable",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="with form fields to fill on a phone or computer (an assignment's sheet: "
        "default from its modality)",
    )
    paper_option(cmd)
    out_option(cmd, required=False)

    cmd = add_command(
        sub,
        "week-sheets",
        cmd_week_sheets,
        "one PDF of every active assignment of clients with appointments in a range",
    )
    cmd.add_argument("--from", dest="first", type=day, required=True, metavar="YYYY-MM-DD")
    cmd.add_argument("--to", dest="last", type=day, required=True, metavar="YYYY-MM-DD")
    paper_option(cmd)
    out_option(cmd)

    cmd = add_command(
        sub,
        "reminder-card",
        cmd_reminder_card,
        "write an assignment's reminder card (A6 or index card) as PDF",
        writes=True,
    )
    cmd.add_argument("--assignment", type=int, required=True, metavar="ID")
    cmd.add_argument("--size", choices=("a6", "index"), default="a6")
    out_option(cmd)

    cmd = add_command(
        sub,
        "alarm",
        cmd_alarm,
        "write an assignment's daily phone alarm as an .ics calendar file",
    )
    cmd.add_argument("--assignment", type=int, required=True, metavar="ID")
    cmd.add_argument(
        "--title",
        metavar="TEXT",
        help="what the phone shows when it rings (default: the neutral "
        "'Time for your sheet' / 'Hora de tu hoja'; it shows on a locked screen)",
    )
    out_option(cmd, what=".ics file to write")

    # the outcome-measure forms: measure-sheet, enter-form (cli/measure_forms.py)
    measure_forms.register(sub)


def _library() -> TemplateLibrary:
    library = practice_templates()
    for problem in library.problems:
        print(f"practice: warning: {problem.message}", file=sys.stderr)
    return library


def _choice(value: str | None, option: str, valid: list[str]) -> str:
    if value is None:
        raise CliError(f"{option} is required for a blank sheet (one of: {', '.join(valid)}).")
    if value not in valid:
        raise CliError(f"unknown {option[2:]} '{value}'; choose one of: {', '.join(valid)}")
    return value


# ---- commands ----------------------------------------------------------------------


def cmd_sheet(args: argparse.Namespace) -> int:
    if args.list:
        for template in _library():
            print(f"{template.key}\t{template.name(Language.EN)}")
        return EXIT_OK
    if args.out is None:
        raise CliError("say where to write the sheet: -o FILE")
    output_file(args, Path(args.out))
    if args.pictograms:
        return _pictogram_sheet(args)
    if args.assignment is not None:
        if args.template or args.level or args.lang or args.large_print:
            raise CliError(
                "an assignment's sheet takes its template, level, language and print size "
                "from the assignment; leave out --template, --level, --lang, --large-print"
            )
        return _assignment_sheet(args)
    return _blank_sheet(args)


def _pictogram_sheet(args: argparse.Namespace) -> int:
    if args.template or args.level or args.lang or args.assignment is not None:
        raise CliError("--pictograms prints the whole vocabulary; leave out the sheet's options")
    # deferred: start-up speed (the sheet renderer and ReportLab)
    from practice.sheets.pictogram_sheet import vocabulary_pdf

    write_atomically(Path(args.out), vocabulary_pdf(args.paper or system_paper()))
    print(args.out)
    return EXIT_OK


def _blank_sheet(args: argparse.Namespace) -> int:
    # deferred: start-up speed (100 ms: the sheet renderer and ReportLab)
    from practice.sheets.sheet import SelfRecordSheet, SheetRequest

    library = _library()
    key = _choice(args.template, "--template", library.keys())
    level = LiteracyLevel(_choice(args.level, "--level", [lv.value for lv in LiteracyLevel]))
    language = Language(_choice(args.lang, "--lang", [lang.value for lang in Language]))
    try:
        text = variant(library.get(key), level, language)
    except SheetTextError as exc:
        raise CliError(str(exc)) from exc
    request = SheetRequest(
        text,
        paper=args.paper or system_paper(),
        large_print=args.large_print,
        fillable=bool(args.fillable),
    )
    write_pdf(Path(args.out), SelfRecordSheet(request).generate)
    print(args.out)
    return EXIT_OK


def _assignment_sheet(args: argparse.Namespace) -> int:
    library = _library()
    with open_practice(existing_place(args)) as db, counting_missing_glyphs() as report:
        pdf = sheet_for_assignment(
            db, args.assignment, paper=args.paper, fillable=args.fillable, templates=library
        )
    write_atomically(Path(args.out), pdf)
    warn_missing_glyphs(report)
    print(args.out)
    return EXIT_OK


def cmd_week_sheets(args: argparse.Namespace) -> int:
    output_file(args, Path(args.out))
    library = _library()
    with open_practice(existing_place(args)) as db, counting_missing_glyphs() as report:
        pdf, summary = week_sheets(db, args.first, args.last, paper=args.paper, templates=library)
    write_atomically(Path(args.out), pdf)
    warn_missing_glyphs(report)
    print(f"{len(summary)} sheet{'s' if len(summary) != 1 else ''}:", file=sys.stderr)
    for line in summary:
        print(f"  {line}", file=sys.stderr)
    print(args.out)
    return EXIT_OK


def cmd_reminder_card(args: argparse.Namespace) -> int:
    output_file(args, Path(args.out))
    library = _library()
    with (
        open_practice(
            existing_place(args), writer="practice reminder-card", take_over=args.break_lock
        ) as db,
        counting_missing_glyphs() as report,
    ):
        pdf = card_for_assignment(db, args.assignment, size=args.size, templates=library)
        # written inside the unit of work: no file, no "card printed" mark
        write_atomically(Path(args.out), pdf)
    warn_missing_glyphs(report)
    print(args.out)
    return EXIT_OK


def cmd_alarm(args: argparse.Namespace) -> int:
    output_file(args, Path(args.out))
    library = _library()
    with open_practice(existing_place(args)) as db:
        ics = alarm_for_assignment(db, args.assignment, title=args.title, templates=library)
    write_atomically(Path(args.out), ics)
    print(args.out)
    return EXIT_OK
