"""Conditional sessions: the guarded last resort, and its day-before calls."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from practice.db.base import Base, str_enum, utcnow
from practice.domain.vocabulary import CallDecision, CallOutcome


class ConditioningPeriod(Base):
    __tablename__ = "conditioning_periods"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(
        ForeignKey("clients.id", ondelete="RESTRICT"), index=True
    )
    starts_on: Mapped[date]
    ends_on: Mapped[date | None]
    reason: Mapped[str] = mapped_column(Text)
    agreed_on: Mapped[date]
    # Required when the client is marked "cannot postpone treatment".
    override_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class DayBeforeCheck(Base):
    __tablename__ = "day_before_checks"

    id: Mapped[int] = mapped_column(primary_key=True)
    appointment_id: Mapped[int] = mapped_column(
        ForeignKey("appointments.id", ondelete="RESTRICT"), index=True
    )
    called_at: Mapped[datetime]
    outcome: Mapped[CallOutcome] = mapped_column(str_enum(CallOutcome))
    decision: Mapped[CallDecision] = mapped_column(str_enum(CallDecision))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
