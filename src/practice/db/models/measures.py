"""Outcome measures taken by a client, their printed forms, personal goals, risk alerts.

docs/clinical.md, Outcome measures. A :class:`Measure` is one completed PHQ-9, GAD-7 or
personal-goals rating; its answers are kept as given (``None`` for an unanswered
item), its total as scored when it was recorded. A :class:`MeasureForm` is a printed or
fillable form whose code leads back to the client and the measure it asks for.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from practice.db.base import Base, str_enum, utcnow
from practice.db.versions import Versioned
from practice.domain.measures import MeasureKind, MeasureSource
from practice.domain.vocabulary import Language


class MeasureForm(Base):
    """A form printed (or made fillable) for a client, found again by its code."""

    __tablename__ = "measure_forms"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    client_id: Mapped[int] = mapped_column(
        ForeignKey("clients.id", ondelete="RESTRICT"), index=True
    )
    kind: Mapped[MeasureKind] = mapped_column(str_enum(MeasureKind))
    language: Mapped[Language] = mapped_column(str_enum(Language))
    large_print: Mapped[bool] = mapped_column(default=False)
    fillable: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Measure(Versioned, Base):
    """One completed measure."""

    __tablename__ = "measures"
    __table_args__ = (
        Index("ix_measures_client_taken", "client_id", "taken_on"),
        CheckConstraint("difficulty IS NULL OR difficulty BETWEEN 0 AND 3", name="difficulty"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="RESTRICT"))
    kind: Mapped[MeasureKind] = mapped_column(str_enum(MeasureKind))
    taken_on: Mapped[date]
    source: Mapped[MeasureSource] = mapped_column(str_enum(MeasureSource))
    form_id: Mapped[int | None] = mapped_column(
        ForeignKey("measure_forms.id", ondelete="SET NULL"), index=True
    )
    appointment_id: Mapped[int | None] = mapped_column(
        ForeignKey("appointments.id", ondelete="SET NULL"), index=True
    )
    # PHQ-9 / GAD-7: the answers in item order as JSON, null for an unanswered item
    answers: Mapped[str | None] = mapped_column(Text)
    difficulty: Mapped[int | None]  # the functional question, 0–3, when answered
    total: Mapped[int | None]  # None: too many unanswered items to score
    prorated: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ClientGoal(Versioned, Base):
    """One of up to three goals or problems a client names, rated 0–10."""

    __tablename__ = "client_goals"
    __table_args__ = (CheckConstraint("position BETWEEN 1 AND 3", name="position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(
        ForeignKey("clients.id", ondelete="RESTRICT"), index=True
    )
    position: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    higher_is_better: Mapped[bool]  # printed on the page beside the scale
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    retired_on: Mapped[date | None]  # no longer rated (replaced or reached)


class GoalRating(Base):
    __tablename__ = "goal_ratings"
    __table_args__ = (CheckConstraint("rating BETWEEN 0 AND 10", name="rating"),)

    measure_id: Mapped[int] = mapped_column(
        ForeignKey("measures.id", ondelete="CASCADE"), primary_key=True
    )
    goal_id: Mapped[int] = mapped_column(
        ForeignKey("client_goals.id", ondelete="RESTRICT"), primary_key=True
    )
    rating: Mapped[int]


class RiskAlert(Versioned, Base):
    """Raised at once by an answer above 0 on PHQ-9 item 9; open until acknowledged with
    a note of what was done."""

    __tablename__ = "risk_alerts"

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(
        ForeignKey("measures.id", ondelete="CASCADE"), unique=True
    )
    client_id: Mapped[int] = mapped_column(
        ForeignKey("clients.id", ondelete="RESTRICT"), index=True
    )
    answer: Mapped[int]  # item 9's answer, 1–3
    raised_at: Mapped[datetime] = mapped_column(default=utcnow)
    acknowledged_at: Mapped[datetime | None]
    action_note: Mapped[str | None] = mapped_column(Text)  # what was done
    flag_set: Mapped[bool] = mapped_column(default=False)  # "cannot postpone" set then
