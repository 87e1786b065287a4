"""sheet answers: every answer of a returned fillable sheet, and the key that seals sheets

* ``sheet_answers``: one row per answered field of an imported fillable sheet, with
  the review it was imported into, what was typed (``raw``), what it was read as
  (``value``, ``number``) and why it was flagged (``problem``), if it was.
* ``practice_meta`` key ``sheet_seal_key``: a random 256-bit secret that keys the
  HMAC sealing each fillable sheet's code (``practice.services.sheet_seal``).

Revision ID: 0005_sheet_answers
Revises: 0004_practice_meta
Create Date: 2026-12-05 13:31:22
"""

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_sheet_answers"
down_revision: str | None = "0004_practice_meta"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sheet_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("assignment_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("block", sa.String(length=8), nullable=False),
        sa.Column("slot", sa.String(length=16), nullable=True),
        sa.Column("field_key", sa.String(length=64), nullable=False),
        sa.Column("option", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("scale_max", sa.Integer(), nullable=True),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("raw", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("problem", sa.Text(), nullable=True),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["homework_assignments.id"],
            name=op.f("fk_sheet_answers_assignment_id_homework_assignments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["homework_reviews.id"],
            name=op.f("fk_sheet_answers_review_id_homework_reviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sheet_answers")),
        sa.UniqueConstraint("review_id", "name", name=op.f("uq_sheet_answers_review_id")),
    )
    with op.batch_alter_table("sheet_answers", schema=None) as batch_op:
        batch_op.create_index("ix_sheet_answers_assignment_id", ["assignment_id"], unique=False)
    meta = sa.table("practice_meta", sa.column("key", sa.String), sa.column("value", sa.Text))
    op.bulk_insert(meta, [{"key": "sheet_seal_key", "value": secrets.token_hex(32)}])


def downgrade() -> None:
    op.execute("DELETE FROM practice_meta WHERE key = 'sheet_seal_key'")
    with op.batch_alter_table("sheet_answers", schema=None) as batch_op:
        batch_op.drop_index("ix_sheet_answers_assignment_id")
    op.drop_table("sheet_answers")
