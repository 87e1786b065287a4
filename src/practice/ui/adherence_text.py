"""The adherence strip in words: what happened in a week, for the cell's tooltip.

"Week of 3 Mar: completion 4 (all as agreed) — Thought record; tried: adapt the
material." The cell (``practice.domain.adherence.WeekCell``) holds the facts; this
module only says them.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from practice.domain.adherence import CellKind, SessionReview, WeekCell
from practice.domain.vocabulary import (
    COMPLETION_ANCHORS,
    Barrier,
    CallDecision,
    CallOutcome,
    Strategy,
)
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import i18n
from practice.ui.dates import day_text, short_date

DECISION_TEXT = {
    CallDecision.KEEP: QT_TRANSLATE_NOOP("adherence_text", "session kept"),
    CallDecision.CANCEL: QT_TRANSLATE_NOOP("adherence_text", "session cancelled"),
    CallDecision.RESCHEDULE: QT_TRANSLATE_NOOP("adherence_text", "session to be moved"),
}
OUTCOME_TEXT = {
    CallOutcome.DONE: QT_TRANSLATE_NOOP("adherence_text", "done"),
    CallOutcome.PARTLY: QT_TRANSLATE_NOOP("adherence_text", "partly"),
    CallOutcome.NOT_DONE: QT_TRANSLATE_NOOP("adherence_text", "not done"),
    CallOutcome.NOT_REACHED: QT_TRANSLATE_NOOP("adherence_text", "not reached"),
}


def week_tooltip(cell: WeekCell, today: date) -> str:
    """What happened in the cell's week, with its day-before calls, in one paragraph."""
    week = cell.week_start
    text = QCoreApplication.translate("adherence_text", "Week of {day}: {what}").format(
        day=short_date(week, year=week.year != today.year), what=_what_happened(cell, today)
    )
    days = {s.id: s.day for s in cell.sessions}
    extra = [
        QCoreApplication.translate(
            "adherence_text", "Day-before call for {day}: {outcome}, {decision}"
        ).format(
            day=day_text(days[call.appointment_id]),
            outcome=i18n.translated(OUTCOME_TEXT.get(call.outcome, call.outcome.value)),
            decision=i18n.translated(DECISION_TEXT[call.decision]),
        )
        for call in cell.calls
    ]
    if cell.conditional:
        extra.insert(0, QCoreApplication.translate("adherence_text", "Conditional sessions on"))
    if extra:
        text += ". " + ". ".join(extra)
    return text + "."


def _what_happened(cell: WeekCell, today: date) -> str:
    first = cell.deciding[0] if cell.deciding else None
    if cell.kind is CellKind.REVIEW and cell.completion is not None:
        return QCoreApplication.translate(
            "adherence_text", "completion {value} ({words}) — {reviews}"
        ).format(
            value=cell.completion,
            words=i18n.translated(COMPLETION_ANCHORS[cell.completion]),
            reviews=_reviews_text(cell.reviews),
        )
    if first is None:
        return QCoreApplication.translate("adherence_text", "no session")
    day = day_text(first.day)
    if cell.kind is CellKind.NOT_REVIEWED:
        return QCoreApplication.translate(
            "adherence_text", "session on {day}; the homework ({titles}) was not reviewed"
        ).format(day=day, titles=", ".join(cell.open_homework))
    if cell.kind is CellKind.NO_HOMEWORK:
        return QCoreApplication.translate(
            "adherence_text", "session on {day}; no homework was open"
        ).format(day=day)
    if cell.kind is CellKind.NO_SESSION:
        if first.day >= today:
            return QCoreApplication.translate("adherence_text", "next session on {day}").format(
                day=day
            )
        return QCoreApplication.translate(
            "adherence_text", "the session on {day} is not marked yet"
        ).format(day=day)
    when = ", ".join(day_text(s.day) for s in cell.deciding)
    return f"{i18n.translated(first.status.label).lower()} ({when})"


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
        text += "; " + QCoreApplication.translate("adherence_text", "barriers: {list}").format(
            list=", ".join(i18n.translated(b.label).lower() for b in barriers)
        )
    if strategies:
        text += "; " + QCoreApplication.translate("adherence_text", "tried: {list}").format(
            list=", ".join(i18n.translated(s.label).lower() for s in strategies)
        )
    if ratings:
        text += "; " + QCoreApplication.translate(
            "adherence_text", "client's own rating {list}"
        ).format(list=", ".join(str(v) for v in ratings))
    if not any(r.brought for r in reviews):
        text += "; " + QCoreApplication.translate("adherence_text", "record not brought")
    return text
