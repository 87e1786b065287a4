"""Appointments and what is written about them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column

from practice.db.base import Base, str_enum, utcnow
from practice.db.versions import Versioned
from practice.domain.vocabulary import (
    AppointmentStatus,
    NoteFormat,
    ResistanceKind,
    StageOfChange,
)


class AppointmentSeries(Base):
    """A repeating booking ("every week on Tuesdays at 10:00 until 3 Mar").

    Its appointments are ordinary rows with ``series_id`` set; a skipped date has no
    row, a moved date is a row at another time. ``weekday`` (0 = Monday) and
    ``start_time`` ("HH:MM", the therapist's local clock) are those of the latest
    "this and following" change.
    """

    __tablename__ = "appointment_series"
    __table_args__ = (
        CheckConstraint("interval_weeks >= 1", name="positive_interval"),
        CheckConstraint("weekday >= 0 AND weekday <= 6", name="weekday_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="RESTRICT"))
    weekday: Mapped[int]
    start_time: Mapped[str] = mapped_column(Text)
    duration_minutes: Mapped[int]
    interval_weeks: Mapped[int] = mapped_column(default=1)
    first_day: Mapped[date]
    until: Mapped[date]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Appointment(Versioned, Base):
    __tablename__ = "appointments"
    __table_args__ = (
        Index("ix_appointments_client_start", "client_id", "starts_at"),
        Index("ix_appointments_start", "starts_at"),
        Index("ix_appointments_series_id", "series_id"),
        CheckConstraint("duration_minutes > 0", name="positive_duration"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="RESTRICT"))
    starts_at: Mapped[datetime]
    duration_minutes: Mapped[int] = mapped_column(default=50)
    status: Mapped[AppointmentStatus] = mapped_column(
        str_enum(AppointmentStatus), default=AppointmentStatus.SCHEDULED
    )
    status_reason: Mapped[str | None] = mapped_column(Text)
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("appointment_series.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class SessionNote(Versioned, Base):
    """The session record of an attended appointment (one per appointment)."""

    __tablename__ = "session_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    appointment_id: Mapped[int] = mapped_column(
        ForeignKey("appointments.id", ondelete="RESTRICT"), unique=True
    )
    format: Mapped[NoteFormat] = mapped_column(str_enum(NoteFormat), default=NoteFormat.FREE)
    # Section name -> text, in the order of the format's sections.
    sections: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    stage_of_change: Mapped[StageOfChange | None] = mapped_column(str_enum(StageOfChange))
    plan: Mapped[str | None] = mapped_column(Text)
    signed_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class NoteAmendment(Versioned, Base):
    """A change to a signed note; the original stays as it was signed."""

    __tablename__ = "note_amendments"

    id: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[int] = mapped_column(
        ForeignKey("session_notes.id", ondelete="RESTRICT"), index=True
    )
    sections: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    plan: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PsychotherapyNote(Versioned, Base):
    """The therapist's private process note, kept apart from the session record."""

    __tablename__ = "psychotherapy_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    appointment_id: Mapped[int] = mapped_column(
        ForeignKey("appointments.id", ondelete="RESTRICT"), unique=True
    )
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ResistanceObservation(Versioned, Base):
    __tablename__ = "resistance_observations"

    id: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[int] = mapped_column(
        ForeignKey("session_notes.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[ResistanceKind] = mapped_column(str_enum(ResistanceKind))
    text: Mapped[str | None] = mapped_column(Text)
    raise_next_session: Mapped[bool] = mapped_column(default=False)
    raised_at: Mapped[datetime | None]
    # Set when the observation was added to a signed note through an amendment.
    amendment_id: Mapped[int | None] = mapped_column(
        ForeignKey("note_amendments.id", ondelete="RESTRICT"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


__all__ = [
    "Appointment",
    "NoteAmendment",
    "PsychotherapyNote",
    "ResistanceObservation",
    "SessionNote",
]
