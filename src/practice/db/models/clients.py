"""The client profile."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from practice.db.base import Base, str_enum, utcnow
from practice.db.versions import Versioned
from practice.domain.vocabulary import (
    ClientStatus,
    Language,
    LiteracyLevel,
    Modality,
    ReminderChannel,
    StageOfChange,
)


class Client(Versioned, Base):
    __tablename__ = "clients"
    __table_args__ = (
        Index("ix_clients_status_sort", "status", "sort_name"),
        Index("ix_clients_identity_key", "identity_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    preferred_name: Mapped[str | None] = mapped_column(String(100))
    # Case-folded "last first preferred" for search and ordering.
    sort_name: Mapped[str] = mapped_column(String(320))
    # Case-folded, NFC-normalised name plus birth date, to flag duplicates.
    identity_key: Mapped[str] = mapped_column(String(320))
    birth_date: Mapped[date | None]
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(40))
    address: Mapped[str | None] = mapped_column(Text)
    emergency_contact: Mapped[str | None] = mapped_column(Text)
    # Optional working diagnosis or presenting problem; private, never logged.
    presenting_problem: Mapped[str | None] = mapped_column(Text)
    language: Mapped[Language] = mapped_column(str_enum(Language), default=Language.EN)
    literacy_level: Mapped[LiteracyLevel] = mapped_column(
        str_enum(LiteracyLevel), default=LiteracyLevel.PLAIN
    )
    large_print: Mapped[bool] = mapped_column(default=False)
    preferred_modality: Mapped[Modality] = mapped_column(str_enum(Modality), default=Modality.PAPER)
    reminder_channel: Mapped[ReminderChannel] = mapped_column(
        str_enum(ReminderChannel), default=ReminderChannel.NONE
    )
    reminder_time: Mapped[time | None]
    stage_of_change: Mapped[StageOfChange | None] = mapped_column(str_enum(StageOfChange))
    cannot_postpone: Mapped[bool] = mapped_column(default=False)
    cannot_postpone_reason: Mapped[str | None] = mapped_column(Text)
    status: Mapped[ClientStatus] = mapped_column(
        str_enum(ClientStatus), default=ClientStatus.ACTIVE
    )
    started_on: Mapped[date | None]
    ended_on: Mapped[date | None]
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
