"""After ``upgrade head`` the schema is the models' on both engines; the audit trail is
append-only on both; a newer or foreign database is refused on both."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from _old_practice import OldPractice
from practice.db import migrate
from practice.db.base import Base
from practice.db.models import *  # noqa: F403  (registers every table)

EVENT = (
    "INSERT INTO audit_events (id, at, entity, entity_id, action, summary) VALUES"
    " (1, '2026-01-01 10:00:00', 'client', 1, 'create', 'client 1 created')"
)


def test_the_schema_after_upgrade_head_matches_the_models(old_practice: OldPractice) -> None:
    migrate.upgrade(old_practice.target)
    with old_practice._engine() as engine, engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_the_audit_trail_refuses_update_and_delete(old_practice: OldPractice) -> None:
    # Given a practice with one audit event
    migrate.upgrade(old_practice.target)
    with old_practice.connect() as conn:
        conn.execute(EVENT)
    # Then changing or deleting it is refused by the database itself
    changes = ["UPDATE audit_events SET summary = 'edited'", "DELETE FROM audit_events"]
    if old_practice.kind == "postgresql":
        changes.append("TRUNCATE audit_events")
    for change in changes:
        with (
            pytest.raises(Exception, match="audit events are append-only"),
            old_practice.connect() as conn,
        ):
            conn.execute(change)
    with old_practice.connect() as conn:
        assert conn.execute("SELECT summary FROM audit_events").fetchall() == [
            ("client 1 created",)
        ]


def test_a_newer_schema_is_refused_untouched(old_practice: OldPractice) -> None:
    migrate.upgrade(old_practice.target)
    with old_practice.connect() as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    with pytest.raises(migrate.NewerDatabaseError, match="0099_from_the_future"):
        migrate.upgrade(old_practice.target)
    with old_practice.connect() as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("0099_from_the_future",)
        ]


def test_a_database_of_something_else_is_refused_untouched(old_practice: OldPractice) -> None:
    with old_practice.connect() as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    with pytest.raises(migrate.NotPracticeDatabaseError):
        migrate.upgrade(old_practice.target)
    assert old_practice.tables() == {"invoices"}
