"""two computers at once: row versions, who wrote an audit event, the server's audit key

* ``version`` (NOT NULL, server default 1: existing rows start at 1),
  ``changed_by_computer`` and ``changed_at`` (NULL until the row is next changed) on
  every editable table (:data:`VERSIONED`; see ``practice.db.versions``).
* ``audit_events.computer`` and ``audit_events.db_user``: NULL in older events.
* ``audit_keys``: the audit chain's secret of a practice on PostgreSQL (made empty on
  both engines, used on PostgreSQL only). On PostgreSQL nobody but the table's owner
  may read it (``REVOKE ALL … FROM PUBLIC``) and its rows can be neither changed nor
  deleted (triggers, as for the audit events).

On SQLite the columns are added with ``ALTER TABLE ADD COLUMN`` (batch mode adds them
without copying the table, so the audit events' triggers stay) and dropped again with
``ALTER TABLE DROP COLUMN``.

Revision ID: 0010_two_computers
Revises: 0009_outcome_measures
Create Date: 2026-12-06 02:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_two_computers"
down_revision: str | None = "0009_outcome_measures"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VERSIONED = (
    "clients",
    "appointments",
    "session_notes",
    "note_amendments",
    "psychotherapy_notes",
    "resistance_observations",
    "homework_assignments",
    "homework_reviews",
    "measures",
    "client_goals",
    "risk_alerts",
    "session_drafts",
)
KEY_TRIGGERS = (("audit_keys_no_update", "UPDATE"), ("audit_keys_no_delete", "DELETE"))


def upgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1"))
            )
            batch_op.add_column(sa.Column("changed_by_computer", sa.String(64), nullable=True))
            batch_op.add_column(sa.Column("changed_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("computer", sa.String(64), nullable=True))
        batch_op.add_column(sa.Column("db_user", sa.String(64), nullable=True))
    op.create_table(
        "audit_keys",
        sa.Column("kid", sa.String(16), nullable=False),
        sa.Column("secret", sa.String(128), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_computer", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("kid", name=op.f("pk_audit_keys")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("REVOKE ALL ON audit_keys FROM PUBLIC")
        op.execute(
            "CREATE FUNCTION audit_keys_keep() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN RAISE EXCEPTION 'audit keys are never changed or removed' "
            "USING ERRCODE = 'restrict_violation'; END $$"
        )
        for name, what in KEY_TRIGGERS:
            op.execute(
                f"CREATE TRIGGER {name} BEFORE {what} ON audit_keys "
                "FOR EACH ROW EXECUTE FUNCTION audit_keys_keep()"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name, _ in KEY_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON audit_keys")
        op.execute("DROP FUNCTION IF EXISTS audit_keys_keep()")
    op.drop_table("audit_keys")
    # plain ALTER TABLE DROP COLUMN (SQLite 3.35+): a batch copy would drop the
    # audit events' triggers
    op.drop_column("audit_events", "db_user")
    op.drop_column("audit_events", "computer")
    for table in reversed(VERSIONED):
        for column in ("changed_at", "changed_by_computer", "version"):
            op.drop_column(table, column)
