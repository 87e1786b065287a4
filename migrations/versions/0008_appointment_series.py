"""appointment series: a weekly booking and the appointments it made

* ``appointment_series``: client, weekday, local start time ("HH:MM"), duration,
  interval in weeks, first day and last day (``until``).
* ``appointments.series_id``: nullable; older appointments keep NULL (one-off).
  Deleting a series leaves its appointments as one-offs (SET NULL).

Revision ID: 0008_appointment_series
Revises: 0006_assignment_target
Create Date: 2026-12-05 16:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_appointment_series"
down_revision: str | None = "0007_client_profile"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "appointment_series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("start_time", sa.Text(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("interval_weeks", sa.Integer(), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("until", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "interval_weeks >= 1", name=op.f("ck_appointment_series_positive_interval")
        ),
        sa.CheckConstraint(
            "weekday >= 0 AND weekday <= 6", name=op.f("ck_appointment_series_weekday_range")
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_appointment_series_client_id_clients"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointment_series")),
    )
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("series_id", sa.Integer(), nullable=True))
        batch_op.create_index("ix_appointments_series_id", ["series_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_appointments_series_id_appointment_series"),
            "appointment_series",
            ["series_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_appointments_series_id_appointment_series"), type_="foreignkey"
        )
        batch_op.drop_index("ix_appointments_series_id")
        batch_op.drop_column("series_id")
    op.drop_table("appointment_series")
