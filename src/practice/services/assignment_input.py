"""What the therapist sets for one assignment: the input of ``homework.assign`` and
``homework.update``, prefilled by ``homework_prefill.defaults_for``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from practice.domain.vocabulary import Frequency, Language, LiteracyLevel, Modality, ReminderChannel


@dataclass(frozen=True)
class AssignmentInput:
    """Everything the therapist sets for one assignment (see ``homework.defaults_for``)."""

    template_key: str
    title: str
    level: LiteracyLevel
    language: Language
    instructions: str | None = None  # client-facing
    rationale: str | None = None  # "why this helps you", client-facing
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
