"""The words of the prep view: each section of a ``PrepData`` as rich text for a QLabel.

Plain functions (no widgets), so the prep view only lays out and the wording is in one
place. Every piece of text that came from the database is escaped.
"""

from __future__ import annotations

from datetime import date, datetime
from html import escape

from practice.domain.audit_words import dates_in_words
from practice.domain.prep_model import LastNote, PrepAgenda, PrepData, PrepHeader
from practice.domain.suggestions import Suggestion
from practice.domain.views import AppointmentView
from practice.domain.vocabulary import COMPLETION_ANCHORS, Frequency, Strategy
from practice.ui import theme
from practice.ui.dates import day_text, short_date, time_text

MUTED = theme.Ink("muted")
NONE_YET = '<span style="color:{muted};">None recorded.</span>'  # .format(muted=MUTED)


def day(d: date | datetime, today: date) -> str:
    """ "Tue 18 Mar", with the year when it is not this year."""
    if isinstance(d, datetime):
        d = d.astimezone().date()
    return day_text(d, year=d.year != today.year)


def _day(d: date) -> str:
    return day_text(d, year=True)  # a stored day in a suggestion's reasons


def number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def completion(value: float) -> str:
    """ "3 of 4 (most)"; a mean: "2.5 of 4" """
    if float(value).is_integer() and 0 <= value <= 4:
        return f"{int(value)} of 4 ({COMPLETION_ANCHORS[int(value)]})"
    return f"{number(value)} of 4"


def weeks_text(weeks: int | None) -> str:
    return "all weeks" if weeks is None else f"the last {weeks} weeks"


# ---- header -------------------------------------------------------------------------


def next_text(appointment: AppointmentView | None, today: date) -> str:
    if appointment is None:
        return "No session scheduled"
    at = appointment.starts_at.astimezone()
    days = (at.date() - today).days
    when = {0: "today", 1: "tomorrow"}.get(days, f"in {days} days")
    return f"Next session: {day(at, today)}, {time_text(at)} ({when})"


def header_html(header: PrepHeader, today: date) -> str:
    lines = [f"<b>{escape(next_text(header.next_appointment, today))}</b>"]
    if header.stage is not None:
        lines.append(
            f"<b>Stage of change: {header.stage.label}</b> — {escape(header.stance or '')}"
            f'<br><span style="color:{MUTED};">Homework that fits: '
            f"{escape(header.fitting_homework or '')}</span>"
        )
    else:
        lines.append(f'<span style="color:{MUTED};">Stage of change not recorded.</span>')
    lines.append(
        f'<span style="color:{MUTED};">{header.language.label} · '
        f"{header.literacy_level.label.lower()} level</span>"
    )
    return "<br>".join(lines)


def summary_text(data: PrepData, weeks: int | None) -> str:
    """One line over the strip: the figures that tell the story."""
    t = data.totals
    parts = []
    if t.shown_mean is not None:
        span = "All weeks" if weeks is None else f"Last {weeks} weeks"
        figure = f"{span}: mean completion {number(t.shown_mean)} of 4"
        first_week = data.weeks[0].week_start if data.weeks else None
        before = [p.completion for p in data.trend if first_week and p.on < first_week]
        if before:
            earlier = sum(before) / len(before)
            change = t.shown_mean - earlier
            if abs(change) < 0.5:
                figure += f" — about the same as the weeks before ({number(earlier)})"
            else:
                word = "up from" if change > 0 else "down from"
                figure += f" — {word} {number(earlier)} in the weeks before"
        parts.append(f"<b>{figure}</b>")
    if t.mean_completion is not None and weeks is not None:
        parts.append(f"{t.reviews} reviews in all")
    if t.first_session is not None:
        parts.append(f"{t.attended} sessions since {short_date(t.first_session, year=True)}")
    missed = []
    if t.no_shows:
        missed.append(f"{t.no_shows} no-show{'s' if t.no_shows != 1 else ''}")
    if t.cancelled:
        missed.append(f"{t.cancelled} cancelled")
    if t.cancelled_no_self_record:
        missed.append(f"{t.cancelled_no_self_record} cancelled for a missing self-record")
    if missed:
        parts.append(", ".join(missed))
    return " · ".join(parts) if parts else "No sessions yet."


# ---- what to do next ----------------------------------------------------------------


def suggestion_html(s: Suggestion) -> str:
    out = [
        f'<div style="font-size:13pt; font-weight:700;">{escape(s.headline)}</div>',
        f"<p>{escape(s.guidance)}</p>",
    ]
    for note in s.extra:
        if note.key == "stage":  # the header already shows the stage and its stance
            continue
        out.append(f"<p><b>{escape(note.title)}.</b> {escape(note.text)}</p>")
    if s.reasons:
        items = "".join(f"<li>{escape(dates_in_words(r, _day))}</li>" for r in s.reasons)
        out.append(
            f'<div style="color:{MUTED};">Why:</div>'
            f'<ul style="margin-top:0; margin-left:-20px; color:{MUTED};">{items}</ul>'
        )
    return "".join(out)


# ---- history lists --------------------------------------------------------------------


def barriers_html(data: PrepData, weeks: int | None) -> str:
    if not data.barriers:
        return NONE_YET.format(muted=MUTED)
    rows = []
    for b in data.barriers:
        recent = ""
        if weeks is not None:
            recent = f", {b.recent_count} in {weeks_text(weeks)}"
        rows.append(
            f"<tr><td><b>{escape(b.label)}</b></td>"
            f"<td>&nbsp;{b.count}×{recent}</td>"
            f'<td style="color:{MUTED};">&nbsp;· last {day(b.last_seen, data.today)}</td></tr>'
        )
    return f'<table cellspacing="0" cellpadding="2">{"".join(rows)}</table>'


def strategies_html(data: PrepData) -> str:
    rows = []
    for st in data.strategies:
        dates = ", ".join(day(u.on, data.today) for u in st.uses)
        if st.followed_mean is None:
            after = f'<span style="color:{MUTED};">no review since</span>'
        elif len(st.uses) == 1:
            after = f"next review {completion(st.followed_mean)}"
        else:
            after = f"next reviews {number(st.followed_mean)} of 4 on average"
        rows.append(
            f"<tr><td>{st.step}.&nbsp;</td><td><b>{escape(st.label)}</b><br>"
            f'<span style="color:{MUTED};">{dates}</span> → {after}</td></tr>'
        )
    tried = {st.strategy for st in data.strategies}
    untried = [s for s in Strategy if s not in tried and s is not Strategy.CONDITIONAL_SESSIONS]
    out = (
        f'<table cellspacing="0" cellpadding="2">{"".join(rows)}</table>'
        if rows
        else NONE_YET.format(muted=MUTED)
    )
    if untried:
        names = ", ".join(f"{s.step}. {escape(s.label)}" for s in untried)
        out += f'<p style="color:{MUTED};">Not tried yet: {names}.</p>'
    return out


def agenda_html(agenda: PrepAgenda, today: date) -> str:
    out = []
    if agenda.to_raise:
        items = "".join(
            f"<li><b>{escape(i.observation.label)}</b> ({day(i.session_at, today)})"
            + (f": {escape(i.observation.text)}" if i.observation.text else "")
            + "</li>"
            for i in agenda.to_raise
        )
        out.append(f'<b>To raise openly</b><ul style="margin-top:0;">{items}</ul>')
    else:
        out.append(f'<b>To raise openly:</b> <span style="color:{MUTED};">nothing flagged.</span>')
    if agenda.last_plan:
        when = f" ({day(agenda.last_plan_at, today)})" if agenda.last_plan_at else ""
        out.append(f"<p><b>Last plan{when}:</b> {escape(agenda.last_plan)}</p>")
    if agenda.open_assignments:
        rows = []
        for a in agenda.open_assignments:
            how = a.frequency.label.lower()
            if a.frequency is Frequency.PER_WEEK and a.times_per_week:
                how = f"{a.times_per_week} times a week"
            last = (
                f"; last review {day(a.last_reviewed_on, today)}: {completion(a.last_completion)}"
                if a.last_reviewed_on is not None and a.last_completion is not None
                else "; not reviewed yet"
            )
            rows.append(
                f"<li><b>{escape(a.title)}</b> ({escape(a.code)}) — {how}, "
                f"{a.modality.label.lower()}, {a.level.label.lower()} level{last}</li>"
            )
        out.append(f'<b>Open homework</b><ul style="margin-top:0;">{"".join(rows)}</ul>')
    else:
        out.append(f'<p><b>Open homework:</b> <span style="color:{MUTED};">none.</span></p>')
    return "".join(out)


def note_html(note: LastNote | None, today: date) -> str:
    if note is None:
        return f'<span style="color:{MUTED};">No session note yet.</span>'
    state = "signed" if note.signed else "draft, not signed"
    if note.amended:
        state += ", amended"
    head = (
        f'<div style="color:{MUTED};">Session of {day(note.session_at, today)} · '
        f"{note.format.label} · {state}</div>"
    )
    body = "".join(
        f"<p><b>{escape(name)}:</b> {escape(text)}</p>"
        for name, text in note.sections.items()
        if text and text.strip()
    )
    return head + body
