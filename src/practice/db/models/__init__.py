"""Every table of Practice. Import from here."""

from practice.db.models.answers import SheetAnswer
from practice.db.models.audit import AuditEvent, AuditKey
from practice.db.models.clients import Client
from practice.db.models.conditioning import ConditioningPeriod, DayBeforeCheck
from practice.db.models.drafts import SessionDraftRow
from practice.db.models.homework import (
    HomeworkAssignment,
    HomeworkReview,
    ReminderLog,
    ReviewBarrier,
    ReviewStrategy,
)
from practice.db.models.measures import ClientGoal, GoalRating, Measure, MeasureForm, RiskAlert
from practice.db.models.meta import PracticeMeta
from practice.db.models.sessions import (
    Appointment,
    AppointmentSeries,
    NoteAmendment,
    PsychotherapyNote,
    ResistanceObservation,
    SessionNote,
)

__all__ = [
    "Appointment",
    "AppointmentSeries",
    "AuditEvent",
    "AuditKey",
    "Client",
    "ClientGoal",
    "ConditioningPeriod",
    "DayBeforeCheck",
    "GoalRating",
    "HomeworkAssignment",
    "HomeworkReview",
    "Measure",
    "MeasureForm",
    "NoteAmendment",
    "PracticeMeta",
    "PsychotherapyNote",
    "ReminderLog",
    "ResistanceObservation",
    "RiskAlert",
    "ReviewBarrier",
    "ReviewStrategy",
    "SessionDraftRow",
    "SessionNote",
    "SheetAnswer",
]
