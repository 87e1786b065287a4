"""Work in progress: what the session panel has entered so far, kept across closing."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from practice.db.base import Base, utcnow
from practice.db.versions import Versioned


class SessionDraftRow(Versioned, Base):
    """One unfinished session workflow per appointment (JSON, see services.session_flow).

    Kept in the database, not in a file beside it, so that an encrypted practice keeps
    its drafts encrypted too.
    """

    __tablename__ = "session_drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    appointment_id: Mapped[int] = mapped_column(
        ForeignKey("appointments.id", ondelete="CASCADE"), unique=True
    )
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
