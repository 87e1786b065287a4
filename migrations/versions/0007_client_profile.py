"""client profile: address, emergency contact and presenting problem

* ``clients.address``: nullable text, the postal address (several lines).
* ``clients.emergency_contact``: nullable text, who to call in an emergency and how.
* ``clients.presenting_problem``: nullable text, an optional working diagnosis or
  presenting problem. Private: it is never logged.

Older clients keep NULL in all three.

Revision ID: 0007_client_profile
Revises: 0006_assignment_target
Create Date: 2026-12-05 16:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_client_profile"
down_revision: str | None = "0006_assignment_target"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("address", "emergency_contact", "presenting_problem")


def upgrade() -> None:
    with op.batch_alter_table("clients", schema=None) as batch_op:
        for name in COLUMNS:
            batch_op.add_column(sa.Column(name, sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("clients", schema=None) as batch_op:
        for name in reversed(COLUMNS):
            batch_op.drop_column(name)
