"""``practice import-sheet FILE``: a client's returned fillable sheet into its review.

The same checks as the app's "Import a filled sheet…" (``services.filled_import``):
a damaged, foreign, unsealed, edited or forged file is refused in one line with a
non-zero status. The review goes to the session the sheet was printed for, or to
``--appointment ID``; a session that already reviewed the homework is replaced only
with ``--replace`` (without it, what would change is listed and nothing is
written). Every problem the app's preview shows is printed on stderr. A sheet with
nothing filled in is refused. The completion is the suggested one, or
``--completion N``; for homework done "each time it happens" the sheet cannot say
how often it happened, so ``--completion N`` (asked of the client) is required and
none is made up. Everything is written in one transaction: all of it, or nothing.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from practice.cli.base import Subcommands, add_command, existing_place, open_practice
from practice.cli.errors import EXIT_OK, CliError
from practice.cli.output import terminal_text
from practice.db.location import Location
from practice.domain.views import local_date
from practice.domain.vocabulary import COMPLETION_ANCHORS, Frequency
from practice.sheets.templates import TemplateLibrary, practice_templates

if TYPE_CHECKING:
    from practice.services.filled_import import FilledPreview


def register(sub: Subcommands) -> None:
    cmd = add_command(
        sub,
        "import-sheet",
        cmd_import_sheet,
        "import a client's returned fillable sheet into its homework review",
        "Import a client's returned fillable sheet: every answer is kept with the review "
        "of the session the sheet was printed for (or --appointment ID). Values that do "
        "not fit the sheet are kept and flagged.",
        writes=True,
    )
    cmd.add_argument("file", type=Path, metavar="FILE", help="the filled PDF")
    cmd.add_argument(
        "--appointment", type=int, metavar="ID", help="the session where the sheet came back"
    )
    cmd.add_argument(
        "--replace",
        action="store_true",
        help="replace that session's existing review of the homework (without it, the "
        "changes are listed and nothing is written)",
    )
    cmd.add_argument(
        "--client",
        type=int,
        metavar="ID",
        help="refuse the file unless it is this client's sheet or measure form",
    )
    cmd.add_argument(
        "--completion",
        type=int,
        choices=sorted(COMPLETION_ANCHORS),
        metavar="N",
        help="the completion (0 not tried … 4 all as agreed) you confirmed with the client; "
        "required for homework done each time something happens",
    )


def _library() -> TemplateLibrary:
    library = practice_templates()
    for problem in library.problems:
        print(f"practice: warning: {problem.message}", file=sys.stderr)
    return library


def cmd_import_sheet(args: argparse.Namespace) -> int:
    # deferred: start-up speed (reading answers draws on the sheet renderer, ReportLab)
    from practice.services import filled_import

    path = existing_place(args)
    data = filled_import.read_sheet_file(Path(args.file))
    if _is_measure_form(data):
        return _import_measure_form(args, path, data)
    library = _library()
    with open_practice(path, writer="practice import-sheet", take_over=args.break_lock) as db:
        preview = filled_import.preview_filled(
            db, data, client_id=args.client, templates=library, appointment_id=args.appointment
        )
        if preview.session_id is None:
            choices = ", ".join(
                f"{s.id} ({local_date(s.starts_at).isoformat()})" for s in preview.sessions
            )
            raise CliError(
                f"{preview.session_question} Run again with --appointment ID"
                + (f" (attended sessions: {choices})." if choices else "; there is no attended "
                   "session of this client after the homework was set.")
            )  # fmt: skip
        for problem in preview.problems:
            print(f"practice: warning: {problem}", file=sys.stderr)
        if not preview.answers:
            raise CliError("nothing was filled in on this sheet; nothing was imported.")
        chosen = _completion(args, preview)
        review = replace(preview.suggested, completion=chosen)
        lines = filled_import.changes(db, preview, preview.session_id, review)
        if lines is not None and not args.replace:
            print("That session already reviewed this homework; importing would change:",
                  file=sys.stderr)  # fmt: skip
            for line in lines:
                mark = "  " if line.old == line.new else "* "
                print(f"  {mark}{line.what}: {line.old} -> {line.new}", file=sys.stderr)
            raise CliError(
                "the existing review was not replaced; run again with --replace to replace it."
            )
        view = filled_import.apply_filled(
            db, preview, preview.session_id, review, replace=args.replace
        )
    a = preview.assignment
    print(
        f"Imported {len(preview.answers)} answers ({len(preview.flagged)} flagged) of "
        f"“{terminal_text(a.title)}” (code {a.code}) into review {view.id}, session "
        f"{view.appointment_id} of {local_date(view.session_at).isoformat()}: "
        f"{view.days_recorded} days recorded, completion {view.completion} "
        f"({view.completion_label})."
    )
    for answer in preview.flagged:
        print(
            f"  flagged: {answer.where}, {terminal_text(answer.label)}: "
            f"“{terminal_text(answer.raw[:60])}”: {answer.problem}"
        )
    return EXIT_OK


def _is_measure_form(data: bytes) -> bool:
    from practice.services.measure_forms import is_measure_form  # deferred: start-up speed (pypdf)

    return is_measure_form(data)


def _import_measure_form(args: argparse.Namespace, path: Path | Location, data: bytes) -> int:
    """A returned PHQ-9, GAD-7 or goals form: recorded as a measure (services.measure_forms)."""
    # deferred: start-up speed (the measure forms read PDFs with pypdf)
    from practice.cli.measure_forms import recorded_line, risk_line
    from practice.services import measure_forms

    if args.replace or args.completion is not None:
        raise CliError(
            "this is an outcome-measure form, not a homework sheet: --replace and "
            "--completion do not apply; nothing was imported."
        )
    with open_practice(path, writer="practice import-sheet", take_over=args.break_lock) as db:
        done = measure_forms.import_fillable(
            db, data, client_id=args.client, appointment_id=args.appointment
        )
    for problem in done.problems:
        print(f"practice: warning: {problem}", file=sys.stderr)
    print(recorded_line(done.measure, done.form.code))
    if done.alert is not None:
        print(risk_line(done.alert.answer))
    return EXIT_OK


def _completion(args: argparse.Namespace, preview: FilledPreview) -> int:
    """--completion N, else the suggestion; none is made up for "each time" homework."""
    if args.completion is not None:
        return int(args.completion)
    if preview.assignment.frequency == Frequency.EACH_TIME:
        raise CliError(
            "this homework is done each time something happens, so the sheet cannot say how "
            "much of it was done: the completion needs your confirmation. Ask the client, "
            "then run again with --completion N (0 not tried … 4 all as agreed); nothing "
            "was imported."
        )
    return preview.suggested.completion
