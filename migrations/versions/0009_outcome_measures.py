"""outcome measures: PHQ-9, GAD-7 and personal goals, their forms, risk alerts

* ``measure_forms``: a printed or fillable form, found again by its ``code``.
* ``measures``: one completed measure (kind, day, how it came in, answers as JSON with
  null for an unanswered item, the functional question, total or NULL, prorated).
* ``client_goals``: up to three goals or problems a client names (position 1–3), with
  which end of the 0–10 scale is better; ``goal_ratings``: their ratings in a measure.
* ``risk_alerts``: raised by PHQ-9 item 9 above 0, open until acknowledged with a note.

No existing row changes: older practices simply have no measures yet.

Revision ID: 0009_outcome_measures
Revises: 0008_appointment_series
Create Date: 2026-12-05 23:09:54.243935
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_outcome_measures"
down_revision: str | None = "0008_appointment_series"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "client_goals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("higher_is_better", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("retired_on", sa.Date(), nullable=True),
        sa.CheckConstraint("position BETWEEN 1 AND 3", name=op.f("ck_client_goals_position")),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_client_goals_client_id_clients"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client_goals")),
    )
    with op.batch_alter_table("client_goals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_client_goals_client_id"), ["client_id"], unique=False)

    op.create_table(
        "measure_forms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "phq9",
                "gad7",
                "goals",
                name="measurekind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "language",
            sa.Enum(
                "en", "es", name="language", native_enum=False, create_constraint=True, length=32
            ),
            nullable=False,
        ),
        sa.Column("large_print", sa.Boolean(), nullable=False),
        sa.Column("fillable", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_measure_forms_client_id_clients"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measure_forms")),
        sa.UniqueConstraint("code", name=op.f("uq_measure_forms_code")),
    )
    with op.batch_alter_table("measure_forms", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_measure_forms_client_id"), ["client_id"], unique=False)

    op.create_table(
        "measures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "phq9",
                "gad7",
                "goals",
                name="measurekind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column(
            "source",
            sa.Enum(
                "session",
                "paper",
                "fillable",
                name="measuresource",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("form_id", sa.Integer(), nullable=True),
        sa.Column("appointment_id", sa.Integer(), nullable=True),
        sa.Column("answers", sa.Text(), nullable=True),
        sa.Column("difficulty", sa.Integer(), nullable=True),
        sa.Column("total", sa.Integer(), nullable=True),
        sa.Column("prorated", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "difficulty IS NULL OR difficulty BETWEEN 0 AND 3", name=op.f("ck_measures_difficulty")
        ),
        sa.ForeignKeyConstraint(
            ["appointment_id"],
            ["appointments.id"],
            name=op.f("fk_measures_appointment_id_appointments"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_measures_client_id_clients"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["form_id"],
            ["measure_forms.id"],
            name=op.f("fk_measures_form_id_measure_forms"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measures")),
    )
    with op.batch_alter_table("measures", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_measures_appointment_id"), ["appointment_id"], unique=False
        )
        batch_op.create_index("ix_measures_client_taken", ["client_id", "taken_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_measures_form_id"), ["form_id"], unique=False)

    op.create_table(
        "goal_ratings",
        sa.Column("measure_id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.CheckConstraint("rating BETWEEN 0 AND 10", name=op.f("ck_goal_ratings_rating")),
        sa.ForeignKeyConstraint(
            ["goal_id"],
            ["client_goals.id"],
            name=op.f("fk_goal_ratings_goal_id_client_goals"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measures.id"],
            name=op.f("fk_goal_ratings_measure_id_measures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("measure_id", "goal_id", name=op.f("pk_goal_ratings")),
    )
    op.create_table(
        "risk_alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measure_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("answer", sa.Integer(), nullable=False),
        sa.Column("raised_at", sa.DateTime(), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=True),
        sa.Column("action_note", sa.Text(), nullable=True),
        sa.Column("flag_set", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_risk_alerts_client_id_clients"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measures.id"],
            name=op.f("fk_risk_alerts_measure_id_measures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_risk_alerts")),
        sa.UniqueConstraint("measure_id", name=op.f("uq_risk_alerts_measure_id")),
    )
    with op.batch_alter_table("risk_alerts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_risk_alerts_client_id"), ["client_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("risk_alerts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_risk_alerts_client_id"))

    op.drop_table("risk_alerts")
    op.drop_table("goal_ratings")
    with op.batch_alter_table("measures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_measures_form_id"))
        batch_op.drop_index("ix_measures_client_taken")
        batch_op.drop_index(batch_op.f("ix_measures_appointment_id"))

    op.drop_table("measures")
    with op.batch_alter_table("measure_forms", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_measure_forms_client_id"))

    op.drop_table("measure_forms")
    with op.batch_alter_table("client_goals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_client_goals_client_id"))

    op.drop_table("client_goals")
