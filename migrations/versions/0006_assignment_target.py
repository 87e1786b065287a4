"""assignment target: the behaviour or practice task printed at the top of a sheet

* ``homework_assignments.target``: nullable text, set by the therapist on ABC and
  exposure records (a template whose text has a ``target_label``). Older
  assignments keep NULL; their sheets take the first line of the instructions.

Revision ID: 0006_assignment_target
Revises: 0005_sheet_answers
Create Date: 2026-12-05 14:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_assignment_target"
down_revision: str | None = "0005_sheet_answers"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("homework_assignments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("target", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("homework_assignments", schema=None) as batch_op:
        batch_op.drop_column("target")
