"""practice meta: an id for each practice file

* ``practice_meta``: facts about the file as key and value. ``practice_id`` is a random
  UUID given when the practice is created (or when an older file is upgraded), so that
  backups of different practices in one folder are never mixed up.

Revision ID: 0004_practice_meta
Revises: 0003_homework_loop
Create Date: 2026-12-05 11:10:00
"""

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0004_practice_meta"
down_revision: str | None = "0003_homework_loop"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    meta = op.create_table(
        "practice_meta",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_practice_meta")),
    )
    op.bulk_insert(
        meta,
        [
            {"key": "practice_id", "value": uuid.uuid4().hex},
            {"key": "created_at", "value": datetime.now(UTC).isoformat(timespec="seconds")},
        ],
    )


def downgrade() -> None:
    op.drop_table("practice_meta")
