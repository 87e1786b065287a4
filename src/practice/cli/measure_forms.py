"""``practice measure-sheet`` and ``practice enter-form``: outcome-measure forms.

``measure-sheet`` writes a client's PHQ-9, GAD-7 or personal-goals form (printable, or
fillable with ``--fillable``) and keeps the form's code; the form is committed first and
the file written atomically after, so a run killed or failed midway leaves at most a
code without a file (harmless), never a file whose code the practice does not know.
``enter-form CODE`` records a returned paper form by its code.
A returned fillable form is imported with ``practice
import-sheet`` (``cli/filled.py``), like the self-records.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import NoReturn

from practice.cli.base import (
    Subcommands,
    add_command,
    existing_place,
    open_practice,
    out_option,
    output_file,
    paper_option,
    recent_day,
    write_atomically,
)
from practice.cli.errors import EXIT_OK, CliError
from practice.cli.output import terminal_text
from practice.domain.measures import QUESTIONNAIRES, MeasureKind, score
from practice.domain.vocabulary import Language


def register(sub: Subcommands) -> None:
    cmd = add_command(
        sub,
        "measure-sheet",
        cmd_measure_sheet,
        "write a client's PHQ-9, GAD-7 or personal-goals form as PDF",
        "Write a client's outcome-measure form with its code (printable, or fillable "
        "with --fillable). Language and print size default to the client's own.",
        writes=True,
    )
    cmd.add_argument("--client", type=int, required=True, metavar="ID", help="the client's id")
    cmd.add_argument(
        "--measure", required=True, choices=[k.value for k in MeasureKind], help="which form"
    )
    cmd.add_argument("--lang", choices=[lang.value for lang in Language], help="en or es")
    cmd.add_argument(
        "--large-print", action="store_true", default=None, help="bigger type, the same words"
    )
    cmd.add_argument(
        "--fillable", action="store_true", help="with form fields to fill on a phone or computer"
    )
    paper_option(cmd)
    out_option(cmd)

    cmd = add_command(
        sub,
        "enter-form",
        cmd_enter_form,
        "record a returned paper measure form by its code",
        "Record the answers of a returned paper PHQ-9, GAD-7 or goals form by the code "
        "printed on it. --answers lists the ticked answers in order, '-' or '?' for an "
        "unanswered question (PHQ-9 and GAD-7: 0-3; goals: 0-10 in the printed order). "
        "When the first question is unanswered, write --answers=-,1,… (with '=') or "
        "--answers ?,1,….",
        writes=True,
    )
    cmd.add_argument("code", metavar="CODE", help="the code printed on the form")
    cmd.add_argument(
        "--answers",
        required=True,
        metavar="A,B,…",
        help="e.g. 1,2,0,-,3,1,0,0,1; '-' or '?' for unanswered (first one unanswered: "
        "--answers=-,1,… or --answers ?,1,…)",
    )
    plain_error = cmd.error

    def error(message: str) -> NoReturn:
        if "--answers" in message and "expected one argument" in message:
            message += (
                " (when the first question is unanswered, write --answers=-,1,… with '=', "
                "or mark it '?': --answers ?,1,…)"
            )
        plain_error(message)

    cmd.error = error  # type: ignore[method-assign]
    cmd.add_argument("--difficulty", type=int, choices=range(4), metavar="N", help="0-3")
    cmd.add_argument(
        "--date", type=recent_day, metavar="YYYY-MM-DD", help="the day it was filled in"
    )
    cmd.add_argument("--appointment", type=int, metavar="ID", help="the session it came back at")


def cmd_measure_sheet(args: argparse.Namespace) -> int:
    # deferred: start-up speed (the sheet renderer and ReportLab)
    from practice.services import measure_forms

    output_file(args, Path(args.out))
    with open_practice(
        existing_place(args), writer="practice measure-sheet", take_over=args.break_lock
    ) as db:
        form, pdf = measure_forms.print_form(
            db,
            args.client,
            MeasureKind(args.measure),
            language=Language(args.lang) if args.lang else None,
            large_print=args.large_print,
            fillable=args.fillable,
            paper=args.paper,
        )
    # the form is committed first: a run killed or failed before the file is in place
    # leaves a code without a file (harmless), never a file with a code not kept
    write_atomically(Path(args.out), pdf)
    print(f"{args.out} (code {form.code})")
    return EXIT_OK


def _answers(text: str) -> list[int | None]:
    values: list[int | None] = []
    for part in text.split(","):
        part = part.strip()
        if part in ("-", "?", ""):
            values.append(None)
        elif part.isascii() and part.isdigit() and len(part) <= 3:
            values.append(int(part))
        else:
            shown = terminal_text(part[:20]) + ("…" if len(part) > 20 else "")
            raise CliError(f"--answers: '{shown}' is not a number, '-' or '?'.")
    return values


def cmd_enter_form(args: argparse.Namespace) -> int:
    # deferred: start-up speed (only this command loads the services it uses)
    from practice.services import measure_forms, measures
    from practice.services.appointments import now_utc

    values = _answers(args.answers)
    with open_practice(
        existing_place(args), writer="practice enter-form", take_over=args.break_lock
    ) as db:
        form = measure_forms.form_by_code(db, args.code)
        taken_on = args.date or now_utc().date()
        if form.kind is MeasureKind.GOALS:
            goals = measures.goals_for(db, form.client_id)
            if len(values) > len(goals):
                raise CliError(f"the client has {len(goals)} goals; {len(values)} ratings given.")
            ratings = [(g.id, v) for g, v in zip(goals, values, strict=False) if v is not None]
            view, alert = measure_forms.record_paper_form(
                db, form.code, taken_on=taken_on, ratings=ratings, appointment_id=args.appointment
            )
        else:
            view, alert = measure_forms.record_paper_form(
                db, form.code, taken_on=taken_on, answers=values, difficulty=args.difficulty,
                appointment_id=args.appointment,
            )  # fmt: skip
    print(recorded_line(view, form.code))
    if alert is not None:
        print(risk_line(alert.answer))
    if view.risk_item_unanswered:
        print(RISK_UNANSWERED_LINE)
    return EXIT_OK


def recorded_line(view: object, code: str) -> str:
    """One line saying what was recorded (no client name)."""
    from practice.services.measures import MeasureView  # deferred: start-up speed (ORM)

    assert isinstance(view, MeasureView)
    taken = view.taken_on.isoformat()
    instrument = view.kind.instrument
    if instrument is None:
        return (
            f"Recorded goal ratings (code {code}) as measure {view.id} of client "
            f"{view.client_id}, taken {taken}: {len(view.ratings)} "
            f"{'goal' if len(view.ratings) == 1 else 'goals'} rated."
        )
    name = QUESTIONNAIRES[instrument].name
    scored = score(instrument, view.answers)
    if view.total is None:
        total = f"no total ({len(scored.unanswered)} questions unanswered: ask about them)"
    else:
        band = scored.band.name if scored.band else ""
        total = f"total {view.total} ({band})"
        if view.prorated:
            total += f", prorated for {len(scored.unanswered)} unanswered"
    if view.risk_item_unanswered:
        total += ", question 9 not answered"
    return (
        f"Recorded {name} (code {code}) as measure {view.id} of client {view.client_id}, "
        f"taken {taken}: {total}."
    )


RISK_UNANSWERED_LINE = (
    "Question 9 (thoughts of being better off dead or of hurting yourself) was not "
    "answered: ask about it."
)


def risk_line(answer: int) -> str:
    return f"Risk alert: question 9 answered {answer} — acknowledge it in Practice"
