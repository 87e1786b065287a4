"""The words of the prep view: each section of a ``PrepData`` as rich text for a QLabel.

Plain functions (no widgets), so the prep view only lays out and the wording is in one
place. Every piece of text that came from the database is escaped; words from the
layers below are shown with ``i18n.translated`` (context of our own: ``prep_sections``).
"""

from __future__ import annotations

from datetime import date, datetime
from html import escape

from PySide6.QtCore import QCoreApplication

from practice.domain.audit_words import dates_in_words
from practice.domain.prep_model import LastNote, PrepAgenda, PrepData, PrepHeader
from practice.domain.suggestions import Suggestion
from practice.domain.views import AppointmentView
from practice.domain.vocabulary import COMPLETION_ANCHORS, Frequency, Strategy
from practice.ui import i18n, theme
from practice.ui.dates import day_text, decimal_text, short_date, time_text
from practice.ui.wording import section_name

MUTED = theme.Ink("muted")


def _muted(text: str) -> str:
    """``text`` (already translated) in the muted colour."""
    return f'<span style="color:{MUTED};">{text}</span>'  # not translated: markup


def none_yet() -> str:
    return _muted(QCoreApplication.translate("prep_sections", "None recorded."))


def day(d: date | datetime, today: date) -> str:
    """ "Tue 18 Mar", with the year when it is not this year."""
    if isinstance(d, datetime):
        d = d.astimezone().date()
    return day_text(d, year=d.year != today.year)


def _day(d: date) -> str:
    return day_text(d, year=True)  # a stored day in a suggestion's reasons


def number(value: float) -> str:
    return decimal_text(value)  # "2.5" in the GUI locale's own way


def completion(value: float) -> str:
    """ "3 of 4 (most)"; a mean: "2.5 of 4" """
    if float(value).is_integer() and 0 <= value <= 4:
        return QCoreApplication.translate("prep_sections", "{value} of 4 ({anchor})").format(
            value=int(value), anchor=i18n.translated(COMPLETION_ANCHORS[int(value)])
        )
    return QCoreApplication.translate("prep_sections", "{value} of 4").format(value=number(value))


def weeks_text(weeks: int | None) -> str:
    if weeks is None:
        return QCoreApplication.translate("prep_sections", "all weeks")
    return QCoreApplication.translate("prep_sections", "the last {weeks} weeks").format(weeks=weeks)


# ---- header -------------------------------------------------------------------------


def next_text(appointment: AppointmentView | None, today: date) -> str:
    if appointment is None:
        return QCoreApplication.translate("prep_sections", "No session scheduled")
    at = appointment.starts_at.astimezone()
    days = (at.date() - today).days
    if days == 0:
        when = QCoreApplication.translate("prep_sections", "today")
    elif days == 1:
        when = QCoreApplication.translate("prep_sections", "tomorrow")
    else:
        when = QCoreApplication.translate("prep_sections", "in {days} days").format(days=days)
    return QCoreApplication.translate(
        "prep_sections", "Next session: {day}, {time} ({when})"
    ).format(day=day(at, today), time=time_text(at), when=when)


def header_html(header: PrepHeader, today: date) -> str:
    lines = [f"<b>{escape(next_text(header.next_appointment, today))}</b>"]
    if header.stage is not None:
        stage = QCoreApplication.translate("prep_sections", "Stage of change: {stage}").format(
            stage=i18n.translated(header.stage.label)
        )
        fits = QCoreApplication.translate("prep_sections", "Homework that fits: {homework}").format(
            homework=escape(i18n.translated(header.fitting_homework or ""))
        )
        lines.append(
            f"<b>{stage}</b> — {escape(i18n.translated(header.stance or ''))}<br>{_muted(fits)}"
        )
    else:
        lines.append(
            _muted(QCoreApplication.translate("prep_sections", "Stage of change not recorded."))
        )
    level = QCoreApplication.translate("prep_sections", "{language} · {level} level").format(
        language=i18n.translated(header.language.label),
        level=i18n.translated(header.literacy_level.label).lower(),
    )
    lines.append(_muted(level))
    return "<br>".join(lines)


def summary_text(data: PrepData, weeks: int | None) -> str:
    """One line over the strip: the figures that tell the story."""
    t = data.totals
    parts = []
    if t.shown_mean is not None:
        mean = number(t.shown_mean)
        figure = (
            QCoreApplication.translate(
                "prep_sections", "All weeks: mean completion {mean} of 4"
            ).format(mean=mean)
            if weeks is None
            else QCoreApplication.translate(
                "prep_sections", "Last {weeks} weeks: mean completion {mean} of 4"
            ).format(weeks=weeks, mean=mean)
        )
        first_week = data.weeks[0].week_start if data.weeks else None
        before = [p.completion for p in data.trend if first_week and p.on < first_week]
        if before:
            earlier = sum(before) / len(before)
            change = t.shown_mean - earlier
            if abs(change) < 0.5:
                then = QCoreApplication.translate(
                    "prep_sections", "about the same as the weeks before ({earlier})"
                )
            elif change > 0:
                then = QCoreApplication.translate(
                    "prep_sections", "up from {earlier} in the weeks before"
                )
            else:
                then = QCoreApplication.translate(
                    "prep_sections", "down from {earlier} in the weeks before"
                )
            figure += " — " + then.format(earlier=number(earlier))
        parts.append(f"<b>{figure}</b>")
    if t.mean_completion is not None and weeks is not None:
        parts.append(
            QCoreApplication.translate("prep_sections", "reviews in all: {count}").format(
                count=t.reviews
            )
        )
    if t.first_session is not None:
        parts.append(
            QCoreApplication.translate("prep_sections", "sessions since {day}: {count}").format(
                count=t.attended, day=short_date(t.first_session, year=True)
            )
        )
    missed = []
    if t.no_shows:
        missed.append(
            QCoreApplication.translate("prep_sections", "no-shows: {count}").format(
                count=t.no_shows
            )
        )
    if t.cancelled:
        missed.append(
            QCoreApplication.translate("prep_sections", "cancelled: {count}").format(
                count=t.cancelled
            )
        )
    if t.cancelled_no_self_record:
        missed.append(
            QCoreApplication.translate(
                "prep_sections", "cancelled for a missing self-record: {count}"
            ).format(count=t.cancelled_no_self_record)
        )
    if missed:
        parts.append(", ".join(missed))
    return (
        " · ".join(parts)
        if parts
        else QCoreApplication.translate("prep_sections", "No sessions yet.")
    )


# ---- what to do next ----------------------------------------------------------------


def suggestion_html(s: Suggestion) -> str:
    out = [
        f'<div style="font-size:13pt; font-weight:700;">{escape(i18n.translated(s.headline))}'
        "</div>",
        f"<p>{escape(i18n.translated(s.guidance))}</p>",
    ]
    for note in s.extra:
        if note.key == "stage":  # the header already shows the stage and its stance
            continue
        out.append(
            f"<p><b>{escape(i18n.translated(note.title))}.</b> "
            f"{escape(i18n.translated(note.text))}</p>"
        )
    if s.reasons:
        items = "".join(
            f"<li>{escape(dates_in_words(i18n.translated(r), _day))}</li>" for r in s.reasons
        )
        why = QCoreApplication.translate("prep_sections", "Why:")
        out.append(
            f'<div style="color:{MUTED};">{why}</div>'  # not translated: markup
            f'<ul style="margin-top:0; margin-left:-20px; color:{MUTED};">{items}</ul>'
        )
    return "".join(out)


# ---- history lists --------------------------------------------------------------------


def barriers_html(data: PrepData, weeks: int | None) -> str:
    if not data.barriers:
        return none_yet()
    rows = []
    for b in data.barriers:
        recent = ""
        if weeks is not None:
            recent = QCoreApplication.translate("prep_sections", ", {count} in {weeks}").format(
                count=b.recent_count, weeks=weeks_text(weeks)
            )
        last = QCoreApplication.translate("prep_sections", "last {day}").format(
            day=day(b.last_seen, data.today)
        )
        label = escape(i18n.translated(b.label))
        rows.append(
            f"<tr><td><b>{label}</b></td>"  # not translated: markup
            f"<td>&nbsp;{b.count}×{recent}</td>"
            f'<td style="color:{MUTED};">&nbsp;· {last}</td></tr>'
        )
    return f'<table cellspacing="0" cellpadding="2">{"".join(rows)}</table>'


def strategies_html(data: PrepData) -> str:
    rows = []
    for st in data.strategies:
        dates = ", ".join(day(u.on, data.today) for u in st.uses)
        if st.followed_mean is None:
            after = _muted(QCoreApplication.translate("prep_sections", "no review since"))
        elif len(st.uses) == 1:
            after = QCoreApplication.translate("prep_sections", "next review {completion}").format(
                completion=completion(st.followed_mean)
            )
        else:
            after = QCoreApplication.translate(
                "prep_sections", "next reviews {mean} of 4 on average"
            ).format(mean=number(st.followed_mean))
        label = escape(i18n.translated(st.label))
        rows.append(
            f"<tr><td>{st.step}.&nbsp;</td><td><b>{label}</b><br>"  # not translated: markup
            f'<span style="color:{MUTED};">{dates}</span> → {after}</td></tr>'
        )
    tried = {st.strategy for st in data.strategies}
    untried = [s for s in Strategy if s not in tried and s is not Strategy.CONDITIONAL_SESSIONS]
    out = f'<table cellspacing="0" cellpadding="2">{"".join(rows)}</table>' if rows else none_yet()
    if untried:
        names = ", ".join(f"{s.step}. {escape(i18n.translated(s.label))}" for s in untried)
        not_tried = QCoreApplication.translate("prep_sections", "Not tried yet: {names}.").format(
            names=names
        )
        out += f'<p style="color:{MUTED};">{not_tried}</p>'
    return out


def agenda_html(agenda: PrepAgenda, today: date) -> str:
    out = []
    if agenda.to_raise:
        items = "".join(
            f"<li><b>{escape(i18n.translated(i.observation.label))}</b>"
            f" ({day(i.session_at, today)})"
            + (f": {escape(i.observation.text)}" if i.observation.text else "")
            + "</li>"
            for i in agenda.to_raise
        )
        heading = QCoreApplication.translate("prep_sections", "To raise openly")
        out.append(f'<b>{heading}</b><ul style="margin-top:0;">{items}</ul>')
    else:
        heading = QCoreApplication.translate("prep_sections", "To raise openly:")
        out.append(
            f"<b>{heading}</b> "
            + _muted(QCoreApplication.translate("prep_sections", "nothing flagged."))
        )
    if agenda.last_plan:
        heading = (
            QCoreApplication.translate("prep_sections", "Last plan ({day}):").format(
                day=day(agenda.last_plan_at, today)
            )
            if agenda.last_plan_at
            else QCoreApplication.translate("prep_sections", "Last plan:")
        )
        out.append(f"<p><b>{heading}</b> {escape(agenda.last_plan)}</p>")
    if agenda.open_assignments:
        rows = []
        for a in agenda.open_assignments:
            how = i18n.translated(a.frequency.label).lower()
            if a.frequency is Frequency.PER_WEEK and a.times_per_week:
                how = QCoreApplication.translate("prep_sections", "times a week: {count}").format(
                    count=a.times_per_week
                )
            last = (
                QCoreApplication.translate(
                    "prep_sections", "; last review {day}: {completion}"
                ).format(
                    day=day(a.last_reviewed_on, today), completion=completion(a.last_completion)
                )
                if a.last_reviewed_on is not None and a.last_completion is not None
                else QCoreApplication.translate("prep_sections", "; not reviewed yet")
            )
            line = QCoreApplication.translate(
                "prep_sections", "{how}, {modality}, {level} level"
            ).format(
                how=how,
                modality=i18n.translated(a.modality.label).lower(),
                level=i18n.translated(a.level.label).lower(),
            )
            rows.append(f"<li><b>{escape(a.title)}</b> ({escape(a.code)}) — {line}{last}</li>")
        heading = QCoreApplication.translate("prep_sections", "Open homework")
        out.append(f'<b>{heading}</b><ul style="margin-top:0;">{"".join(rows)}</ul>')
    else:
        heading = QCoreApplication.translate("prep_sections", "Open homework:")
        none = _muted(QCoreApplication.translate("prep_sections", "none."))
        out.append(f"<p><b>{heading}</b> {none}</p>")
    return "".join(out)


def note_html(note: LastNote | None, today: date) -> str:
    if note is None:
        return _muted(QCoreApplication.translate("prep_sections", "No session note yet."))
    if note.signed:
        state = (
            QCoreApplication.translate("prep_sections", "signed, amended")
            if note.amended
            else QCoreApplication.translate("prep_sections", "signed")
        )
    else:
        state = (
            QCoreApplication.translate("prep_sections", "draft, not signed, amended")
            if note.amended
            else QCoreApplication.translate("prep_sections", "draft, not signed")
        )
    when = QCoreApplication.translate("prep_sections", "Session of {day}").format(
        day=day(note.session_at, today)
    )
    head = (
        f'<div style="color:{MUTED};">{when} · '  # not translated: markup
        f"{i18n.translated(note.format.label)} · {state}</div>"
    )
    body = "".join(
        f"<p><b>{escape(section_name(name))}:</b> {escape(text)}</p>"
        for name, text in note.sections.items()
        if text and text.strip()
    )
    return head + body
