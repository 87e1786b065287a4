"""What the therapist enters, as plain frozen values: an assignment, a review, a note
and a resistance observation.

The services check them (``validate``) and write them (``practice.services.homework``,
``reviews``, ``notes``, ``observations``); the session draft
(``practice.domain.session_draft``) holds them while a session is under way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time

from practice.domain.vocabulary import (
    Barrier,
    Frequency,
    Language,
    LiteracyLevel,
    Modality,
    NoteFormat,
    ReminderChannel,
    ResistanceKind,
    StageOfChange,
    Strategy,
)


@dataclass(frozen=True)
class AssignmentInput:
    """Everything the therapist sets for one assignment
    (``practice.services.homework_prefill.defaults_for`` prefills it)."""

    template_key: str
    title: str
    level: LiteracyLevel
    language: Language
    instructions: str | None = None  # client-facing
    rationale: str | None = None  # "why this helps you", client-facing
    target: str | None = None  # the behaviour or task printed at the top (ABC, exposure)
    large_print: bool = False
    modality: Modality = Modality.PAPER
    frequency: Frequency = Frequency.DAILY
    times_per_week: int | None = None  # required (1-21) for PER_WEEK, ignored otherwise
    start_date: date | None = None  # None: today
    due_date: date | None = None  # usually the next appointment's day
    reminder_channel: ReminderChannel = ReminderChannel.NONE
    reminder_time: time | None = None
    alarm_set_in_session: bool = False
    reminder_card_printed: bool = False
    teach_back_done: bool = False
    value_discussed: bool = False


@dataclass(frozen=True)
class ReviewInput:
    brought: bool
    completion: int  # 0 not tried … 4 all as agreed (COMPLETION_ANCHORS)
    client_rating: int | None = None  # the client's own 0-4
    quality: int | None = None  # 0-4
    days_recorded: int | None = None
    barriers: frozenset[Barrier] = frozenset()
    strategies: frozenset[Strategy] = frozenset()  # ladder steps applied now
    note: str | None = None


@dataclass(frozen=True)
class NoteInput:
    format: NoteFormat = NoteFormat.FREE
    # Section name (one of the format's NOTE_SECTIONS) -> text; missing sections are empty.
    sections: Mapping[str, str] = field(default_factory=dict)
    stage_of_change: StageOfChange | None = None
    plan: str | None = None  # plan for next time (beside the format's own sections)


@dataclass(frozen=True)
class ObservationInput:
    kind: ResistanceKind
    text: str | None = None
    raise_next_session: bool = False
