"""Values of an exported client record (``domain.record_model``) as words.

The record holds values as JSON does: timestamps ISO 8601 in UTC, dates
``YYYY-MM-DD``, fixed choices their stored strings. These helpers turn them into what
the therapist reads (local times, "12 Nov 2026", the vocabulary's labels) and make any
text safe for ReportLab's Paragraph markup. No value makes them raise.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from enum import StrEnum
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth

from practice.domain.record_model import (
    AssignmentRecord,
    ClientProfile,
    DayBeforeCheckRecord,
    ObservationRecord,
    ReviewRecord,
)
from practice.domain.vocabulary import (
    COMPLETION_ANCHORS,
    ClientStatus,
    Frequency,
    Language,
    LiteracyLevel,
    Modality,
    ReminderChannel,
    ResistanceKind,
    StageOfChange,
)
from practice.sheets.wording import day_text, short_date

OUTCOME_WORDS = {
    "done": "self-record done",
    "partly": "self-record partly done",
    "not_done": "self-record not done",
    "not_reached": "client not reached",
}
DECISION_WORDS = {"keep": "session kept", "cancel": "session cancelled",
                  "reschedule": "session moved"}  # fmt: skip

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


# ---- values ---------------------------------------------------------------------


def safe(text: object) -> str:
    """``text`` as Paragraph markup: escaped, printable, line breaks kept."""
    s = str(text).encode("utf-8", "replace").decode("utf-8")  # lone surrogates -> "?"
    s = _CONTROL.sub("", s.replace("\r\n", "\n").replace("\r", "\n"))
    return escape(s).replace("\n", "<br/>")


def moment(value: object) -> datetime | None:
    """A stored ISO timestamp in local time (naive ones are taken as they are)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed.astimezone() if parsed.tzinfo else parsed


def sort_key(value: object) -> float:
    """A timestamp to sort by (naive or aware alike); a missing one sorts first."""
    at = moment(value)
    return at.timestamp() if at is not None else float("-inf")


def fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with "…" to fit ``width`` on one line."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def when_text(value: object, *, weekday: bool = False) -> str:
    at = moment(value)
    if at is None:
        return str(value or "")
    day = f"{day_text(at.date())} {at.year}" if weekday else short_date(at.date(), year=True)
    return f"{day}, {at:%H:%M}"


def date_text(value: object) -> str:
    if not isinstance(value, str) or not value:
        return ""
    try:
        return short_date(date.fromisoformat(value[:10]), year=True)
    except ValueError:
        return value


def label(kind: type[StrEnum], value: object) -> str:
    """The vocabulary's label for a stored value (an unknown value as it is)."""
    try:
        member = kind(str(value))
    except ValueError:
        return str(value)
    return str(getattr(member, "label", member.value.replace("_", " ").capitalize()))


def completion_text(value: object) -> str:
    if not isinstance(value, int):
        return "not rated"
    words = COMPLETION_ANCHORS.get(value)
    return f"{value} — {words}" if words else str(value)


def client_name(client: ClientProfile) -> str:
    name = f"{client.last_name or ''}, {client.first_name or ''}".strip(" ,")
    preferred = client.preferred_name
    return f"{name} ({preferred})" if preferred else name


def call_text(check: DayBeforeCheckRecord) -> str:
    """'called 15 Oct 2026, 17:29: self-record done; session kept. <note>'"""
    outcome, decision = check.outcome, check.decision
    text = (
        f"called {when_text(check.called_at)}: "
        f"{OUTCOME_WORDS.get(outcome, outcome)}; {DECISION_WORDS.get(decision, decision)}"
    )
    return f"{text}. {check.note}" if check.note else text


def _time(value: object) -> str:
    return f" at {str(value)[:5]}" if value else ""


def profile_rows(c: ClientProfile) -> list[tuple[str, object]]:
    """The client's profile as (label, value) lines."""
    status = label(ClientStatus, c.status)
    if c.ended_on:
        status += f" since {date_text(c.ended_on)}"
    stage = c.stage_of_change
    sheets = f"{label(LiteracyLevel, c.literacy_level)} level"
    rows: list[tuple[str, object]] = [
        ("Birth date", date_text(c.birth_date) or "not recorded"),
        ("Phone", c.phone or "—"),
        ("E-mail", c.email or "—"),
        ("Language", label(Language, c.language)),
        ("Sheets", sheets + (", large print" if c.large_print else "")),
        ("Preferred way to record", label(Modality, c.preferred_modality)),
        ("Reminders", label(ReminderChannel, c.reminder_channel) + _time(c.reminder_time)),
        ("Stage of change", label(StageOfChange, stage) if stage else "not assessed"),
        ("Status", status),
        ("Client since", date_text(c.started_on) or "—"),
    ]
    if c.cannot_postpone:
        rows.append(("Cannot postpone treatment", c.cannot_postpone_reason or "yes"))
    if c.notes:
        rows.append(("Notes", c.notes))
    return rows


def observation_text(obs: ObservationRecord, amendment_numbers: Mapping[int, int]) -> str:
    """A resistance observation in one line; ``amendment_numbers``: id -> 1, 2, ..."""
    parts = [label(ResistanceKind, obs.kind)]
    if obs.text:
        parts[0] += f" — {obs.text}"
    if obs.raise_next_session:
        raised = obs.raised_at
        parts.append(f"raised {when_text(raised)}" if raised else "to raise next session")
    if obs.amendment_id is not None and obs.amendment_id in amendment_numbers:
        parts.append(f"added with amendment {amendment_numbers[obs.amendment_id]}")
    return "; ".join(parts)


def sheet_text(hw: AssignmentRecord) -> str:
    """An assignment's sheet, way to record, frequency and dates in one line."""
    often = label(Frequency, hw.frequency).lower()
    if hw.frequency == Frequency.PER_WEEK and hw.times_per_week:
        often = f"{hw.times_per_week} times a week"
    span = f"from {date_text(hw.start_date)}"
    if hw.due_date:
        span += f" to {date_text(hw.due_date)}"
    template = hw.template_key.replace("_", " ").capitalize()
    return (
        f"{template}, {label(LiteracyLevel, hw.level).lower()} level, "
        f"{label(Language, hw.language)}"
        + (", large print" if hw.large_print else "")
        + f"; {label(Modality, hw.modality).lower()}, {often}, {span}"
    )


def reminders_text(hw: AssignmentRecord) -> str:
    """The assignment's reminder channel and what its reminder log holds."""
    text = label(ReminderChannel, hw.reminder_channel) + _time(hw.reminder_time)
    log = hw.reminder_log
    if log:
        sent = sum(1 for r in log if r.sent_at)
        days = sorted(r.on_date for r in log)
        text += (
            f"; {sent} of {len(log)} logged reminders sent "
            f"({date_text(days[0])} – {date_text(days[-1])})"
        )
    return text


def review_summary(review: ReviewRecord) -> str:
    """Completion with its anchor words, the client's rating, quality, days recorded."""
    parts = [f"completion {completion_text(review.completion)}"]
    if review.client_rating is not None:
        parts.append(f"client's own rating {completion_text(review.client_rating)}")
    if review.quality is not None:
        parts.append(f"quality {review.quality} of 4")
    brought = "record brought" if review.brought else "record not brought"
    if review.days_recorded is not None:
        brought += f", {review.days_recorded} days recorded"
    return "; ".join([*parts, brought])
