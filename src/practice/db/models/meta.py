"""Facts about the practice file itself: its id (set at creation), kept as key and value."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from practice.db.base import Base

PRACTICE_ID = "practice_id"  # a random UUID (hex) given when the practice is created
CREATED_AT = "created_at"  # ISO 8601, UTC
SHEET_SEAL_KEY = "sheet_seal_key"  # 64 hex digits: the secret that seals fillable sheets


class PracticeMeta(Base):
    """One fact about this practice file (see the keys above)."""

    __tablename__ = "practice_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
