"""The client's returned fillable sheets as short lines for the printed prep summary:
the same answers and sleep efficiency the prep view shows (``sheet_answers``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy.orm import Session

from practice.services.sheet_answers import ReturnedSheet, StoredAnswer, returned_sheets

MAX_ANSWERS = 12  # per sheet on the one-page summary


def _answer(a: StoredAnswer) -> str:
    words = f" (“{a.own_words}”)" if a.own_words else ""
    flag = f" [FLAGGED: {a.problem}]" if a.problem else ""
    return f"{a.where} — {a.label}: {a.value or a.raw}{words}{flag}"


def _hours(minutes: int) -> str:
    return f"{minutes // 60} h {minutes % 60:02d}"


def returned_lines(sheets: Iterable[ReturnedSheet], today: date) -> tuple[str, ...]:
    """Per sheet: its title and session date, the answers (flagged ones marked) and,
    for a sleep diary, the efficiency of each night and their mean."""
    lines: list[str] = []
    for sheet in sheets:
        on = sheet.session_at.astimezone().date()
        flagged = f", {sheet.flagged} flagged" if sheet.flagged else ""
        when = f"{on:%a %d %b %Y}" if on.year != today.year else f"{on:%a %d %b}"
        lines.append(
            f"{sheet.assignment_title} — came back at the session of {when}: "
            f"{len(sheet.answers)} answers{flagged}"
        )
        if sheet.nights:
            mean = sheet.mean_efficiency
            nights = "; ".join(
                f"day {n.block[1:]} {n.efficiency.percent} % "
                f"({_hours(n.efficiency.time_asleep)} asleep of "
                f"{_hours(n.efficiency.time_in_bed)} in bed)"
                for n in sheet.nights
            )
            count = len(sheet.nights)
            lines.append(
                f"Sleep efficiency: mean {mean} % over {count} night{'s' if count != 1 else ''}"
                f" — {nights}"
            )
        if sheet.nights_left_out:
            left = sheet.nights_left_out
            lines.append(f"{left} night{'s' if left != 1 else ''} left out: times do not add up.")
        shown = [a for a in sheet.answers if a.problem] + [
            a for a in sheet.answers if not a.problem
        ]
        lines.extend(_answer(a) for a in shown[:MAX_ANSWERS])
        if len(shown) > MAX_ANSWERS:
            lines.append(f"… and {len(shown) - MAX_ANSWERS} more answers (in the prep view).")
    return tuple(lines)


def returned_for(db: Session, client_id: int, today: date) -> tuple[str, ...]:
    """The lines of the client's latest returned sheets."""
    return returned_lines(returned_sheets(db, client_id), today)
