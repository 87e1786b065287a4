"""Every answer a client wrote on a returned fillable sheet, kept with its review."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from practice.db.base import Base, utcnow


class SheetAnswer(Base):
    """One answered field (``d2.mood``, ``e1.symptoms.3``, ``d3.h07.activity``).

    ``raw`` is what the client typed or ticked, as found; ``value`` and ``number``
    what it was read as; ``problem`` says why a value was flagged for the therapist
    (out of range, not a clock time …), None when it reads as valid.
    """

    __tablename__ = "sheet_answers"
    __table_args__ = (
        UniqueConstraint("review_id", "name"),
        Index("ix_sheet_answers_assignment_id", "assignment_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("homework_reviews.id", ondelete="CASCADE"))
    assignment_id: Mapped[int] = mapped_column(
        ForeignKey("homework_assignments.id", ondelete="CASCADE")
    )
    name: Mapped[str] = mapped_column(String(120))  # the form field's full name
    block: Mapped[str] = mapped_column(String(8))  # d1..dN (days), e1..eN (entries)
    slot: Mapped[str | None] = mapped_column(String(16))  # h07, afternoon2: a grid row
    field_key: Mapped[str] = mapped_column(String(64))
    option: Mapped[int | None]  # index of a ticked option of a checkbox group
    kind: Mapped[str] = mapped_column(String(16))  # the field's kind (FieldKind)
    scale_max: Mapped[int | None]  # ratings: the top of the scale the sheet printed
    label: Mapped[str] = mapped_column(String(300))  # the field's English label
    raw: Mapped[str] = mapped_column(Text)
    value: Mapped[str] = mapped_column(Text)
    number: Mapped[int | None]  # ratings, numbers; clock times in minutes after midnight
    problem: Mapped[str | None] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
