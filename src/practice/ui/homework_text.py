"""Readable text for assignments and reviews (the Homework tab's list and details)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from html import escape

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
from practice.ui.dates import date_time_text, day_text, moment_day, time_text

RUNNING = {
    Frequency.DAILY: "every day",
    Frequency.PER_WEEK: "every week",
    Frequency.EACH_TIME: "each time it happens",
}


def due_text(a: AssignmentView, today: date, next_session: date | None) -> str:
    """The Due column: "Tue 8 Dec" while the bring-on day is ahead (or the task has
    ended); for a task that runs on past it, "every day, next due Tue 8 Dec" (the
    client's next session), never a date months ago that reads as overdue."""
    if a.due_date is None:
        return "—"
    if not a.is_active or a.due_date >= today:
        return day_text(a.due_date, year=a.due_date.year != today.year)
    running = RUNNING[a.frequency]
    if a.frequency == Frequency.PER_WEEK and a.times_per_week:
        running = f"{a.times_per_week} times a week"
    if next_session is None:
        return f"{running}, due at the next session"
    return f"{running}, next due {day_text(next_session, year=next_session.year != today.year)}"


def status_text(a: AssignmentView, codes: Mapping[int, str]) -> str:
    if a.status == AssignmentStatus.REPLACED and a.replaced_by_id is not None:
        return f"Replaced by {codes.get(a.replaced_by_id, a.replaced_by_id)}"
    return a.status.value.capitalize()


def _ladder(review: ReviewView) -> str:
    steps = sorted(review.strategies, key=lambda s: s.step)
    return ", ".join(f"{s.step}. {s.label}" for s in steps)


def rating_text(value: int) -> str:
    """A 0-4 rating in words: "4 of 4 (all as agreed)"; the anchors are completion's."""
    words = COMPLETION_ANCHORS.get(value)
    return f"{value} of 4 ({words})" if words else f"{value} of 4"


def review_summary(r: ReviewView) -> str:
    """One line: when, brought, completion, ratings, barriers, ladder steps."""
    parts = [
        moment_day(r.session_at),
        "brought" if r.brought else "not brought",
        f"completion {r.completion} ({r.completion_label})",
    ]
    if r.client_rating is not None:
        parts.append(f"the client rated it {rating_text(r.client_rating)}")
    if r.quality is not None:
        parts.append(f"you rated its quality {r.quality} of 4")
    if r.days_recorded is not None:
        parts.append(f"{r.days_recorded} day{'s' if r.days_recorded != 1 else ''} recorded")
    if r.barriers:
        parts.append("barriers: " + ", ".join(sorted(b.label for b in r.barriers)))
    if r.strategies:
        parts.append("ladder: " + _ladder(r))
    return "  ·  ".join(parts)


def review_html(r: ReviewView) -> str:
    rows = [
        ("Session", date_time_text(r.session_at)),
        ("Brought the record", "yes" if r.brought else "no"),
        ("Completion", f"{r.completion} — {r.completion_label}"),
        (
            "Client's own rating",
            "not asked" if r.client_rating is None else rating_text(r.client_rating),
        ),
        ("Quality (your rating)", "not rated" if r.quality is None else f"{r.quality} of 4"),
        ("Days recorded", "—" if r.days_recorded is None else str(r.days_recorded)),
        ("Barriers", ", ".join(sorted(b.label for b in r.barriers)) or "none recorded"),
        ("Strategies applied", _ladder(r) or "none recorded"),
    ]
    table = "".join(
        f"<tr><td style='padding-right:12px'><b>{k}</b></td><td>{escape(v)}</td></tr>"
        for k, v in rows
    )
    note = f"<p><b>Note</b><br>{_para(r.note)}</p>" if r.note else ""
    return f"<h3>Review of {escape(r.assignment_title)}</h3><table>{table}</table>{note}"


def _link(a: AssignmentView | None, ident: int) -> str:
    if a is None:
        return f"assignment {ident}"
    return f"<a href='assignment:{a.id}'>{escape(a.title)} ({a.code})</a>"


def assignment_html(
    a: AssignmentView, others: Mapping[int, AssignmentView], templates: TemplateLibrary
) -> str:
    how_often = a.frequency.label
    if a.frequency == Frequency.PER_WEEK and a.times_per_week:
        how_often = f"{a.times_per_week} times a week"
    reminder = a.reminder_channel.label
    if a.reminder_channel != ReminderChannel.NONE and a.reminder_time:
        reminder += f" at {time_text(a.reminder_time)}"
    extras = [
        label
        for on, label in (
            (a.alarm_set_in_session, "alarm set in session"),
            (a.reminder_card_printed, "reminder card printed"),
            (a.teach_back_done, "teach-back done"),
            (a.value_discussed, "value discussed"),
        )
        if on
    ]
    status = status_text(a, {k: v.code for k, v in others.items()})
    if a.status_reason:
        status += f": {a.status_reason}"
    rows = [
        ("Status", escape(status)),
        ("Code", a.code),
        ("Template", escape(template_name(a.template_key, templates))),
        (
            "Level, language",
            f"{a.level.label}, {a.language.label}" + (", large print" if a.large_print else ""),
        ),
        ("Way to record", a.modality.label),
        ("How often", how_often),
        ("Set", day_text(a.start_date, year=True) if a.start_date else "—"),
        ("Bring by", day_text(a.due_date, year=True) if a.due_date else "no due date"),
        ("Reminder", escape(reminder) + (f" ({', '.join(extras)})" if extras else "")),
    ]
    if a.replaces_id is not None:
        rows.append(("Replaces", _link(others.get(a.replaces_id), a.replaces_id)))
    if a.replaced_by_id is not None:
        rows.append(("Replaced by", _link(others.get(a.replaced_by_id), a.replaced_by_id)))
    table = "".join(
        f"<tr><td style='padding-right:12px'><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows
    )
    parts = [f"<h3>{escape(a.title)}</h3><table>{table}</table>"]
    if a.instructions:
        parts.append(f"<p><b>Instructions</b><br>{_para(a.instructions)}</p>")
    if a.rationale:
        parts.append(f"<p><b>Why this helps you</b><br>{_para(a.rationale)}</p>")
    if a.reviews:
        items = "".join(f"<li>{escape(review_summary(r))}</li>" for r in a.reviews)
        parts.append(f"<p><b>Reviews (newest first)</b></p><ul>{items}</ul>")
    else:
        parts.append("<p><b>Reviews:</b> none yet.</p>")
    return "".join(parts)


def template_name(key: str, templates: TemplateLibrary) -> str:
    return templates.get(key).name(Language.EN) if key in templates else key


def _para(text: str) -> str:
    return escape(text).replace("\n", "<br>")
