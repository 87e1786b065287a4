"""Readable text for assignments and reviews (the Homework tab's list and details)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication

from practice.domain.vocabulary import (
    COMPLETION_ANCHORS,
    AssignmentStatus,
    Frequency,
    Language,
    ReminderChannel,
)
from practice.services.homework import AssignmentView
from practice.services.reviews import ReviewView
from practice.sheets.templates import TemplateLibrary
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import i18n
from practice.ui.dates import date_time_text, day_text, moment_day, time_text

RUNNING = {
    Frequency.DAILY: QT_TRANSLATE_NOOP("homework_text", "every day"),
    Frequency.PER_WEEK: QT_TRANSLATE_NOOP("homework_text", "every week"),
    Frequency.EACH_TIME: QT_TRANSLATE_NOOP("homework_text", "each time it happens"),
}
STATUS_WORDS = {
    AssignmentStatus.ACTIVE: QT_TRANSLATE_NOOP("homework_text", "Active"),
    AssignmentStatus.COMPLETED: QT_TRANSLATE_NOOP("homework_text", "Completed"),
    AssignmentStatus.REPLACED: QT_TRANSLATE_NOOP("homework_text", "Replaced"),
    AssignmentStatus.DROPPED: QT_TRANSLATE_NOOP("homework_text", "Dropped"),
}


def _times_a_week(times: int) -> str:
    return QCoreApplication.translate("homework_text", "%n time(s) a week", None, times)


def due_text(a: AssignmentView, today: date, next_session: date | None) -> str:
    """The Due column: "Tue 8 Dec" while the bring-on day is ahead (or the task has
    ended); for a task that runs on past it, "every day, next due Tue 8 Dec" (the
    client's next session), never a date months ago that reads as overdue."""
    if a.due_date is None:
        return "—"
    if not a.is_active or a.due_date >= today:
        return day_text(a.due_date, year=a.due_date.year != today.year)
    running = i18n.translated(RUNNING[a.frequency])
    if a.frequency == Frequency.PER_WEEK and a.times_per_week:
        running = _times_a_week(a.times_per_week)
    if next_session is None:
        return QCoreApplication.translate(
            "homework_text", "{running}, due at the next session"
        ).format(running=running)
    return QCoreApplication.translate("homework_text", "{running}, next due {day}").format(
        running=running, day=day_text(next_session, year=next_session.year != today.year)
    )


def status_text(a: AssignmentView, codes: Mapping[int, str]) -> str:
    if a.status == AssignmentStatus.REPLACED and a.replaced_by_id is not None:
        return QCoreApplication.translate("homework_text", "Replaced by {code}").format(
            code=codes.get(a.replaced_by_id, a.replaced_by_id)
        )
    words = STATUS_WORDS.get(a.status)
    return i18n.translated(words) if words else a.status.value.capitalize()


def _ladder(review: ReviewView) -> str:
    steps = sorted(review.strategies, key=lambda s: s.step)
    return ", ".join(f"{s.step}. {i18n.translated(s.label)}" for s in steps)


def rating_text(value: int) -> str:
    """A 0-4 rating in words: "4 of 4 (all as agreed)"; the anchors are completion's."""
    words = COMPLETION_ANCHORS.get(value)
    if words:
        return QCoreApplication.translate("homework_text", "{value} of 4 ({words})").format(
            value=value, words=i18n.translated(words)
        )
    return QCoreApplication.translate("homework_text", "{value} of 4").format(value=value)


def review_summary(r: ReviewView) -> str:
    """One line: when, brought, completion, ratings, barriers, ladder steps."""
    parts = [
        moment_day(r.session_at),
        QCoreApplication.translate("homework_text", "brought")
        if r.brought
        else QCoreApplication.translate("homework_text", "not brought"),
        QCoreApplication.translate("homework_text", "completion {value} ({words})").format(
            value=r.completion, words=i18n.translated(r.completion_label)
        ),
    ]
    if r.client_rating is not None:
        parts.append(
            QCoreApplication.translate("homework_text", "the client rated it {rating}").format(
                rating=rating_text(r.client_rating)
            )
        )
    if r.quality is not None:
        parts.append(
            QCoreApplication.translate(
                "homework_text", "you rated its quality {value} of 4"
            ).format(value=r.quality)
        )
    if (days := r.days_recorded) is not None:
        parts.append(QCoreApplication.translate("homework_text", "%n day(s) recorded", None, days))
    if r.barriers:
        parts.append(
            QCoreApplication.translate("homework_text", "barriers: {barriers}").format(
                barriers=", ".join(sorted(i18n.translated(b.label) for b in r.barriers))
            )
        )
    if r.strategies:
        parts.append(
            QCoreApplication.translate("homework_text", "ladder: {steps}").format(steps=_ladder(r))
        )
    return "  ·  ".join(parts)


def review_html(r: ReviewView) -> str:
    none_recorded = QCoreApplication.translate("homework_text", "none recorded")
    rows = [
        (QCoreApplication.translate("homework_text", "Session"), date_time_text(r.session_at)),
        (
            QCoreApplication.translate("homework_text", "Brought the record"),
            QCoreApplication.translate("homework_text", "yes")
            if r.brought
            else QCoreApplication.translate("homework_text", "no"),
        ),
        (
            QCoreApplication.translate("homework_text", "Completion"),
            f"{r.completion} — {i18n.translated(r.completion_label)}",
        ),
        (
            QCoreApplication.translate("homework_text", "Client's own rating"),
            QCoreApplication.translate("homework_text", "not asked")
            if r.client_rating is None
            else rating_text(r.client_rating),
        ),
        (
            QCoreApplication.translate("homework_text", "Quality (your rating)"),
            QCoreApplication.translate("homework_text", "not rated")
            if r.quality is None
            else QCoreApplication.translate("homework_text", "{value} of 4").format(
                value=r.quality
            ),
        ),
        (
            QCoreApplication.translate("homework_text", "Days recorded"),
            "—" if r.days_recorded is None else str(r.days_recorded),
        ),
        (
            QCoreApplication.translate("homework_text", "Barriers"),
            ", ".join(sorted(i18n.translated(b.label) for b in r.barriers)) or none_recorded,
        ),
        (
            QCoreApplication.translate("homework_text", "Strategies applied"),
            _ladder(r) or none_recorded,
        ),
    ]
    table = "".join(
        f"<tr><td style='padding-right:12px'><b>{k}</b></td><td>{escape(v)}</td></tr>"
        for k, v in rows
    )
    note_title = QCoreApplication.translate("homework_text", "Note")
    note = f"<p><b>{note_title}</b><br>{_para(r.note)}</p>" if r.note else ""
    heading = QCoreApplication.translate("homework_text", "Review of {title}").format(
        title=escape(r.assignment_title)
    )
    return f"<h3>{heading}</h3><table>{table}</table>{note}"


def _link(a: AssignmentView | None, ident: int) -> str:
    if a is None:
        return QCoreApplication.translate("homework_text", "assignment {number}").format(
            number=ident
        )
    return f"<a href='assignment:{a.id}'>{escape(a.title)} ({a.code})</a>"


def assignment_html(
    a: AssignmentView, others: Mapping[int, AssignmentView], templates: TemplateLibrary
) -> str:
    how_often = i18n.translated(a.frequency.label)
    if a.frequency == Frequency.PER_WEEK and a.times_per_week:
        how_often = _times_a_week(a.times_per_week)
    reminder = i18n.translated(a.reminder_channel.label)
    if a.reminder_channel != ReminderChannel.NONE and a.reminder_time:
        reminder = QCoreApplication.translate("homework_text", "{reminder} at {time}").format(
            reminder=reminder, time=time_text(a.reminder_time)
        )
    extras = [
        i18n.translated(label)
        for on, label in (
            (a.alarm_set_in_session, QT_TRANSLATE_NOOP("homework_text", "alarm set in session")),
            (a.reminder_card_printed, QT_TRANSLATE_NOOP("homework_text", "reminder card printed")),
            (a.teach_back_done, QT_TRANSLATE_NOOP("homework_text", "teach-back done")),
            (a.value_discussed, QT_TRANSLATE_NOOP("homework_text", "value discussed")),
        )
        if on
    ]
    status = status_text(a, {k: v.code for k, v in others.items()})
    if a.status_reason:
        status += f": {i18n.translated(a.status_reason)}"
    level = f"{i18n.translated(a.level.label)}, {i18n.translated(a.language.label)}"
    if a.large_print:
        level = QCoreApplication.translate("homework_text", "{level}, large print").format(
            level=level
        )
    rows = [
        (QCoreApplication.translate("homework_text", "Status"), escape(status)),
        (QCoreApplication.translate("homework_text", "Code"), a.code),
        (
            QCoreApplication.translate("homework_text", "Template"),
            escape(template_name(a.template_key, templates)),
        ),
        (QCoreApplication.translate("homework_text", "Level, language"), level),
        (
            QCoreApplication.translate("homework_text", "Way to record"),
            i18n.translated(a.modality.label),
        ),
        (QCoreApplication.translate("homework_text", "How often"), how_often),
        (
            QCoreApplication.translate("homework_text", "Set"),
            day_text(a.start_date, year=True) if a.start_date else "—",
        ),
        (
            QCoreApplication.translate("homework_text", "Bring by"),
            day_text(a.due_date, year=True)
            if a.due_date
            else QCoreApplication.translate("homework_text", "no due date"),
        ),
        (
            QCoreApplication.translate("homework_text", "Reminder"),
            escape(reminder) + (f" ({', '.join(extras)})" if extras else ""),
        ),
    ]
    if a.replaces_id is not None:
        rows.append(
            (
                QCoreApplication.translate("homework_text", "Replaces"),
                _link(others.get(a.replaces_id), a.replaces_id),
            )
        )
    if a.replaced_by_id is not None:
        rows.append(
            (
                QCoreApplication.translate("homework_text", "Replaced by"),
                _link(others.get(a.replaced_by_id), a.replaced_by_id),
            )
        )
    table = "".join(
        f"<tr><td style='padding-right:12px'><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows
    )
    parts = [f"<h3>{escape(a.title)}</h3><table>{table}</table>"]
    if a.instructions:
        title = QCoreApplication.translate("homework_text", "Instructions")
        parts.append(f"<p><b>{title}</b><br>{_para(a.instructions)}</p>")
    if a.rationale:
        title = QCoreApplication.translate("homework_text", "Why this helps you")
        parts.append(f"<p><b>{title}</b><br>{_para(a.rationale)}</p>")
    if a.reviews:
        items = "".join(f"<li>{escape(review_summary(r))}</li>" for r in a.reviews)
        title = QCoreApplication.translate("homework_text", "Reviews (newest first)")
        parts.append(f"<p><b>{title}</b></p><ul>{items}</ul>")
    else:
        parts.append(
            QCoreApplication.translate("homework_text", "<p><b>Reviews:</b> none yet.</p>")
        )
    return "".join(parts)


def template_name(key: str, templates: TemplateLibrary) -> str:
    language = Language(i18n.current_language())
    return templates.get(key).name(language) if key in templates else key


def _para(text: str) -> str:
    return escape(text).replace("\n", "<br>")
