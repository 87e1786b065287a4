"""After ``upgrade head`` the schema is the models' on both engines; the audit trail is
append-only on both; a newer or foreign database is refused on both."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from _old_practice import OldPractice
from practice.db import migrate
from practice.db.base import Base
from practice.db.engine import Database
from practice.db.models import *  # noqa: F403  (registers every table)
from practice.services import audit

EVENT = (
    "INSERT INTO audit_events (id, at, entity, entity_id, action, summary) VALUES"
    " (1, '2026-01-01 10:00:00', 'client', 1, 'create', 'client 1 created')"
)


def test_the_schema_after_upgrade_head_matches_the_models(old_practice: OldPractice) -> None:
    migrate.upgrade(old_practice.target)
    with old_practice.engine() as engine, engine.connect() as conn:
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


def test_0002_chains_the_events_written_before_it(old_practice: OldPractice) -> None:
    # Given a practice at the first revision with unchained events
    old_practice.alembic("upgrade", "0001_initial")
    with old_practice.connect() as conn:
        for i in (1, 2, 3):
            conn.execute(
                "INSERT INTO audit_events (at, entity, entity_id, action, summary) VALUES "
                f"('2026-01-0{i} 10:00:00.000000', 'client', {i}, 'create', 'client {i} created')"
            )
    # When it is upgraded
    migrate.upgrade(old_practice.target, copy_aside=False)
    # Then the old events are chained, and a new one continues the chain
    database = Database(old_practice.target)
    try:
        with database.session() as s:
            audit.record(s, "client", 1, "update", "fields changed: phone")
        with database.session() as s:
            assert audit.verify_chain(s) == []
    finally:
        database.dispose()
    with old_practice.connect() as conn:
        hashes = conn.execute("SELECT prev_hash, hash FROM audit_events ORDER BY id").fetchall()
    assert len(hashes) == 4 and all(h for _, h in hashes)
    assert [p for p, _ in hashes[1:]] == [h for _, h in hashes[:-1]]
