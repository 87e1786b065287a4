"""One client's whole record, as ``services.export.export_client`` returns it.

The values are those of the JSON export: timestamps ISO 8601 in UTC ending in ``Z``
(:data:`IsoTime`), dates ``YYYY-MM-DD`` (:data:`IsoDate`), clock times ``HH:MM:SS``
(:data:`ClockTime`), fixed choices their stored strings. Each class has the columns of
its table, in the table's order, then what hangs under it (a note's amendments, an
assignment's reviews), so :meth:`ClientRecord.to_json` writes the keys in that order.
The client's derived search keys (``sort_name``, ``identity_key``) are left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

IsoTime = str  # "2024-03-05T14:30:00Z"
IsoDate = str  # "2024-03-05"
ClockTime = str  # "18:30:00"

FORMAT = "practice.client-record"
VERSION = 1


@dataclass(frozen=True, kw_only=True)
class ClientProfile:
    id: int
    first_name: str
    last_name: str
    preferred_name: str | None = None
    birth_date: IsoDate | None = None
    email: str | None = None
    phone: str | None = None
    address: str | None = None
    emergency_contact: str | None = None
    presenting_problem: str | None = None
    language: str
    literacy_level: str
    large_print: bool = False
    preferred_modality: str
    reminder_channel: str
    reminder_time: ClockTime | None = None
    stage_of_change: str | None = None
    cannot_postpone: bool = False
    cannot_postpone_reason: str | None = None
    status: str
    started_on: IsoDate | None = None
    ended_on: IsoDate | None = None
    notes: str | None = None
    created_at: IsoTime
    updated_at: IsoTime


@dataclass(frozen=True, kw_only=True)
class AmendmentRecord:
    id: int
    note_id: int
    sections: Mapping[str, str]
    plan: str | None = None
    reason: str
    created_at: IsoTime


@dataclass(frozen=True, kw_only=True)
class ObservationRecord:
    """A resistance observation."""

    id: int
    note_id: int
    kind: str
    text: str | None = None
    raise_next_session: bool = False
    raised_at: IsoTime | None = None
    amendment_id: int | None = None
    created_at: IsoTime


@dataclass(frozen=True, kw_only=True)
class SessionNoteRecord:
    id: int
    appointment_id: int
    format: str
    sections: Mapping[str, str]
    stage_of_change: str | None = None
    plan: str | None = None
    signed_at: IsoTime | None = None
    created_at: IsoTime
    updated_at: IsoTime
    amendments: tuple[AmendmentRecord, ...] = ()  # oldest first
    resistance_observations: tuple[ObservationRecord, ...] = ()


@dataclass(frozen=True, kw_only=True)
class DayBeforeCheckRecord:
    id: int
    appointment_id: int
    called_at: IsoTime
    outcome: str
    decision: str
    note: str | None = None
    created_at: IsoTime


@dataclass(frozen=True, kw_only=True)
class PsychotherapyNoteRecord:
    id: int
    appointment_id: int
    text: str
    created_at: IsoTime
    updated_at: IsoTime


@dataclass(frozen=True, kw_only=True)
class AppointmentRecord:
    id: int
    client_id: int
    starts_at: IsoTime
    duration_minutes: int
    status: str
    status_reason: str | None = None
    series_id: int | None = None  # one of a repeating series (the agenda's weekly booking)
    created_at: IsoTime
    updated_at: IsoTime
    session_note: SessionNoteRecord | None = None
    day_before_checks: tuple[DayBeforeCheckRecord, ...] = ()
    # Only in a record exported with psychotherapy notes (the JSON has no key otherwise).
    psychotherapy_note: PsychotherapyNoteRecord | None = None


@dataclass(frozen=True, kw_only=True)
class SheetAnswerRecord:
    """One answer of a returned fillable sheet, kept with its review."""

    id: int
    review_id: int
    assignment_id: int
    name: str
    block: str
    slot: str | None = None
    field_key: str
    option: int | None = None
    kind: str
    scale_max: int | None = None
    label: str
    raw: str
    value: str
    number: int | None = None
    problem: str | None = None
    imported_at: IsoTime


@dataclass(frozen=True, kw_only=True)
class ReviewRecord:
    id: int
    assignment_id: int
    appointment_id: int
    brought: bool
    completion: int
    client_rating: int | None = None
    quality: int | None = None
    days_recorded: int | None = None
    note: str | None = None
    created_at: IsoTime
    barriers: tuple[str, ...] = ()
    strategies: tuple[str, ...] = ()
    sheet_answers: tuple[SheetAnswerRecord, ...] = ()  # of a returned fillable sheet


@dataclass(frozen=True, kw_only=True)
class ReminderRecord:
    """A line of an assignment's reminder log."""

    id: int
    assignment_id: int
    on_date: IsoDate
    channel: str
    sent_at: IsoTime | None = None
    created_at: IsoTime


@dataclass(frozen=True, kw_only=True)
class AssignmentRecord:
    id: int
    code: str
    client_id: int
    assigned_in_id: int | None = None
    template_key: str
    title: str
    instructions: str | None = None
    rationale: str | None = None
    target: str | None = None  # the behaviour or practice task printed at the top
    level: str
    language: str
    large_print: bool = False
    modality: str
    frequency: str
    times_per_week: int | None = None
    start_date: IsoDate
    due_date: IsoDate | None = None
    reminder_channel: str
    reminder_time: ClockTime | None = None
    alarm_set_in_session: bool = False
    reminder_card_printed: bool = False
    teach_back_done: bool = False
    value_discussed: bool = False
    status: str
    status_reason: str | None = None
    replaces_id: int | None = None
    created_at: IsoTime
    updated_at: IsoTime
    reviews: tuple[ReviewRecord, ...] = ()
    reminder_log: tuple[ReminderRecord, ...] = ()


@dataclass(frozen=True, kw_only=True)
class PeriodRecord:
    """A conditional-sessions period."""

    id: int
    client_id: int
    starts_on: IsoDate
    ends_on: IsoDate | None = None
    reason: str
    agreed_on: IsoDate
    override_reason: str | None = None
    created_at: IsoTime


@dataclass(frozen=True, kw_only=True)
class GoalRecord:
    """One of the client's personal goals (current, or retired on ``retired_on``)."""

    id: int
    client_id: int
    position: int
    text: str
    higher_is_better: bool
    created_at: IsoTime
    retired_on: IsoDate | None = None


@dataclass(frozen=True, kw_only=True)
class GoalRatingRecord:
    measure_id: int
    goal_id: int
    rating: int


@dataclass(frozen=True, kw_only=True)
class RiskAlertRecord:
    """The alert an answer above 0 on PHQ-9 item 9 raised."""

    id: int
    measure_id: int
    client_id: int
    answer: int
    raised_at: IsoTime
    acknowledged_at: IsoTime | None = None
    action_note: str | None = None
    flag_set: bool = False


@dataclass(frozen=True, kw_only=True)
class MeasureRecord:
    """A completed PHQ-9, GAD-7 or personal-goals rating, with its ratings and alert."""

    id: int
    client_id: int
    kind: str
    taken_on: IsoDate
    source: str
    form_id: int | None = None
    appointment_id: int | None = None
    answers: tuple[int | None, ...] | None = None  # in item order; None: unanswered
    difficulty: int | None = None
    total: int | None = None
    prorated: bool = False
    created_at: IsoTime
    ratings: tuple[GoalRatingRecord, ...] = ()
    risk_alert: RiskAlertRecord | None = None


@dataclass(frozen=True, kw_only=True)
class ClientRecord:
    format: str = FORMAT
    version: int = VERSION
    exported_at: IsoTime
    psychotherapy_notes_included: bool = False
    client: ClientProfile
    appointments: tuple[AppointmentRecord, ...] = ()
    homework_assignments: tuple[AssignmentRecord, ...] = ()
    conditioning_periods: tuple[PeriodRecord, ...] = ()
    goals: tuple[GoalRecord, ...] = ()
    measures: tuple[MeasureRecord, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The record as JSON-ready dicts and lists (``json.dumps`` takes it as is)."""
        data: dict[str, Any] = _plain(self)
        if not self.psychotherapy_notes_included:
            for appointment in data["appointments"]:
                del appointment["psychotherapy_note"]
        return data


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value
