"""The adherence strip in words: what happened in a week, for the cell's tooltip.

"Week of 3 Mar: completion 4 (all as agreed) — Thought record; tried: adapt the
material." The cell (``practice.domain.adherence.WeekCell``) holds the facts; this
module only says them.
"""

from __future__ import annotations

from datetime import date

from practice.domain.adherence import CellKind, SessionReview, WeekCell
from practice.domain.vocabulary import COMPLETION_ANCHORS, Barrier, CallDecision, Strategy
from practice.ui.dates import day_text, short_date

DECISION_TEXT = {
    CallDecision.KEEP: "session kept",
    CallDecision.CANCEL: "session cancelled",
    CallDecision.RESCHEDULE: "session to be moved",
}


def week_tooltip(cell: WeekCell, today: date) -> str:
    """What happened in the cell's week, with its day-before calls, in one paragraph."""
    week = cell.week_start
    text = f"Week of {short_date(week, year=week.year != today.year)}: "
    text += _what_happened(cell, today)
    days = {s.id: s.day for s in cell.sessions}
    extra = [
        f"Day-before call for {day_text(days[call.appointment_id])}: "
        f"{call.outcome.value.replace('_', ' ')}, {DECISION_TEXT[call.decision]}"
        for call in cell.calls
    ]
    if cell.conditional:
        extra.insert(0, "Conditional sessions on")
    if extra:
        text += ". " + ". ".join(extra)
    return text + "."


def _what_happened(cell: WeekCell, today: date) -> str:
    first = cell.deciding[0] if cell.deciding else None
    if cell.kind is CellKind.REVIEW and cell.completion is not None:
        anchor = COMPLETION_ANCHORS[cell.completion]
        return f"completion {cell.completion} ({anchor}) — {_reviews_text(cell.reviews)}"
    if first is None:
        return "no session"
    if cell.kind is CellKind.NOT_REVIEWED:
        titles = ", ".join(cell.open_homework)
        return f"session on {day_text(first.day)}; the homework ({titles}) was not reviewed"
    if cell.kind is CellKind.NO_HOMEWORK:
        return f"session on {day_text(first.day)}; no homework was open"
    if cell.kind is CellKind.NO_SESSION:
        if first.day >= today:
            return f"next session on {day_text(first.day)}"
        return f"the session on {day_text(first.day)} is not marked yet"
    when = ", ".join(day_text(s.day) for s in cell.deciding)
    return f"{first.status.label.lower()} ({when})"


def _reviews_text(reviews: tuple[SessionReview, ...]) -> str:
    if len(reviews) == 1:
        text = reviews[0].title
    else:
        text = ", ".join(f"{r.title} {r.completion}" for r in reviews)
    seen_b = {b for r in reviews for b in r.barriers}
    seen_s = {s for r in reviews for s in r.strategies}
    barriers = [b for b in Barrier if b in seen_b]
    strategies = [s for s in Strategy if s in seen_s]
    ratings = [r.client_rating for r in reviews if r.client_rating is not None]
    if barriers:
        text += "; barriers: " + ", ".join(b.label.lower() for b in barriers)
    if strategies:
        text += "; tried: " + ", ".join(s.label.lower() for s in strategies)
    if ratings:
        text += "; client's own rating " + ", ".join(str(v) for v in ratings)
    if not any(r.brought for r in reviews):
        text += "; record not brought"
    return text
