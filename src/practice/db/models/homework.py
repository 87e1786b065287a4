"""Homework assignments, their reviews and the reminders sent for them."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from practice.db.base import Base, str_enum, utcnow
from practice.db.versions import Versioned
from practice.domain.vocabulary import (
    AssignmentStatus,
    Barrier,
    Frequency,
    Language,
    LiteracyLevel,
    Modality,
    ReminderChannel,
    Strategy,
)


class HomeworkAssignment(Versioned, Base):
    __tablename__ = "homework_assignments"
    __table_args__ = (
        Index("ix_homework_assignments_client_status", "client_id", "status"),
        CheckConstraint(
            "times_per_week IS NULL OR times_per_week BETWEEN 1 AND 21", name="times_per_week"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Short code printed on the sheet (text and QR) that leads back to this row.
    code: Mapped[str] = mapped_column(String(16), unique=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="RESTRICT"))
    assigned_in_id: Mapped[int | None] = mapped_column(
        ForeignKey("appointments.id", ondelete="SET NULL"), index=True
    )
    template_key: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(200))
    instructions: Mapped[str | None] = mapped_column(Text)
    rationale: Mapped[str | None] = mapped_column(Text)
    target: Mapped[str | None] = mapped_column(Text)  # printed at the top (ABC, exposure)
    level: Mapped[LiteracyLevel] = mapped_column(str_enum(LiteracyLevel))
    language: Mapped[Language] = mapped_column(str_enum(Language))
    large_print: Mapped[bool] = mapped_column(default=False)
    modality: Mapped[Modality] = mapped_column(str_enum(Modality), default=Modality.PAPER)
    frequency: Mapped[Frequency] = mapped_column(str_enum(Frequency), default=Frequency.DAILY)
    times_per_week: Mapped[int | None]
    start_date: Mapped[date]
    due_date: Mapped[date | None]
    reminder_channel: Mapped[ReminderChannel] = mapped_column(
        str_enum(ReminderChannel), default=ReminderChannel.NONE
    )
    reminder_time: Mapped[time | None]
    alarm_set_in_session: Mapped[bool] = mapped_column(default=False)
    reminder_card_printed: Mapped[bool] = mapped_column(default=False)
    teach_back_done: Mapped[bool] = mapped_column(default=False)
    value_discussed: Mapped[bool] = mapped_column(default=False)
    status: Mapped[AssignmentStatus] = mapped_column(
        str_enum(AssignmentStatus), default=AssignmentStatus.ACTIVE
    )
    status_reason: Mapped[str | None] = mapped_column(Text)
    replaces_id: Mapped[int | None] = mapped_column(
        ForeignKey("homework_assignments.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class HomeworkReview(Versioned, Base):
    """How an assignment went, reviewed in the session where it was discussed."""

    __tablename__ = "homework_reviews"
    __table_args__ = (
        UniqueConstraint("assignment_id", "appointment_id"),
        CheckConstraint("completion BETWEEN 0 AND 4", name="completion_range"),
        CheckConstraint(
            "client_rating IS NULL OR client_rating BETWEEN 0 AND 4", name="client_rating_range"
        ),
        CheckConstraint("quality IS NULL OR quality BETWEEN 0 AND 4", name="quality_range"),
        CheckConstraint(
            "days_recorded IS NULL OR days_recorded BETWEEN 0 AND 366", name="days_recorded_range"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(
        ForeignKey("homework_assignments.id", ondelete="RESTRICT")
    )
    appointment_id: Mapped[int] = mapped_column(
        ForeignKey("appointments.id", ondelete="RESTRICT"), index=True
    )
    brought: Mapped[bool] = mapped_column(default=False)
    completion: Mapped[int]
    client_rating: Mapped[int | None]
    quality: Mapped[int | None]
    days_recorded: Mapped[int | None]
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ReviewBarrier(Base):
    __tablename__ = "review_barriers"

    review_id: Mapped[int] = mapped_column(
        ForeignKey("homework_reviews.id", ondelete="CASCADE"), primary_key=True
    )
    barrier: Mapped[Barrier] = mapped_column(str_enum(Barrier), primary_key=True)


class ReviewStrategy(Base):
    __tablename__ = "review_strategies"

    review_id: Mapped[int] = mapped_column(
        ForeignKey("homework_reviews.id", ondelete="CASCADE"), primary_key=True
    )
    strategy: Mapped[Strategy] = mapped_column(str_enum(Strategy), primary_key=True)


class ReminderLog(Base):
    __tablename__ = "reminder_log"
    __table_args__ = (UniqueConstraint("assignment_id", "on_date", "channel"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(
        ForeignKey("homework_assignments.id", ondelete="RESTRICT")
    )
    on_date: Mapped[date]
    channel: Mapped[ReminderChannel] = mapped_column(str_enum(ReminderChannel))
    sent_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
