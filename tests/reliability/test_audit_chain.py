"""The audit trail is append-only in the database and hash-chained against tampering."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select

from practice.db import migrate
from practice.db.audit_secret import audit_secret
from practice.db.computer import computer_name, os_user
from practice.db.engine import Database, make_engine
from practice.db.models import AuditEvent
from practice.services import audit, clients
from practice.services.clients import ClientInput


def _clients(db: Database, n: int) -> list[int]:
    ids = []
    for i in range(n):
        with db.session() as s:
            ids.append(clients.create(s, ClientInput(first_name=f"Ines{i}", last_name="Doe")).id)
    return ids


def _tampered_copy(db_path: Path, tmp_path: Path) -> sqlite3.Connection:
    """A copy of the database with the protecting triggers dropped."""
    copy = tmp_path / "copy.sqlite3"
    src, dst = sqlite3.connect(db_path), sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    dst.isolation_level = None
    dst.execute("DROP TRIGGER audit_events_no_update")
    dst.execute("DROP TRIGGER audit_events_no_delete")
    return dst


def _verify(path: Path) -> list[str]:
    database = Database(path)
    try:
        with database.session() as s:
            return audit.verify_chain(s)
    finally:
        database.dispose()


def test_each_event_is_chained_to_the_one_before(db: Database) -> None:
    # Given three clients created, then two events in one unit of work
    ids = _clients(db, 3)
    with db.session() as s:
        audit.record(s, "client", ids[0], "view", "client 1 opened")
        audit.record(s, "client", ids[1], "view", "client 2 opened")

    with db.session() as s:
        rows = s.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
        problems = audit.verify_chain(s)

    assert problems == []
    assert [r.id for r in rows] == [1, 2, 3, 4, 5]
    assert rows[0].prev_hash is None
    for before, after in zip(rows, rows[1:], strict=False):
        assert after.prev_hash == before.hash
    last = rows[-1]
    fields = {
        "event_id": last.id,
        "at": last.at,
        "entity": last.entity,
        "entity_id": last.entity_id,
        "action": last.action,
        "summary": last.summary,
        "computer": last.computer,  # who wrote it is covered too (migration 0010)
        "db_user": last.db_user,
    }
    assert last.computer == computer_name() and last.db_user == os_user()
    # keyed with the practice's secret, which is not in the database file
    assert last.hash == audit.event_hash(last.prev_hash, **fields, secret=audit_secret(db.path))
    assert last.hash != audit.event_hash(last.prev_hash, **fields)


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_events SET summary = 'nothing happened' WHERE id = 1",
        "DELETE FROM audit_events WHERE id = 1",
        "DELETE FROM audit_events",
    ],
)
def test_the_database_refuses_to_change_or_delete_audit_rows(
    db: Database, db_path: Path, statement: str
) -> None:
    _clients(db, 2)
    conn = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute(statement)
    conn.rollback()
    assert conn.execute("SELECT count(*) FROM audit_events").fetchone()[0] == 2
    conn.close()


def test_an_edited_row_is_detected(db: Database, db_path: Path, tmp_path: Path) -> None:
    _clients(db, 4)
    conn = _tampered_copy(db_path, tmp_path)
    conn.execute("UPDATE audit_events SET summary = 'client 9 created' WHERE id = 2")
    conn.close()

    assert _verify(tmp_path / "copy.sqlite3") == ["audit event 2: content was changed"]


def test_a_rehashed_edit_breaks_the_link_to_the_next_event(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    _clients(db, 4)
    conn = _tampered_copy(db_path, tmp_path)
    row = conn.execute(
        "SELECT id, at, entity, entity_id, action, prev_hash FROM audit_events WHERE id = 2"
    ).fetchone()
    forged = audit.event_hash(
        row[5],
        event_id=2,
        at=row[1],
        entity=row[2],
        entity_id=row[3],
        action=row[4],
        summary="forged",
    )
    conn.execute("UPDATE audit_events SET summary = 'forged', hash = ? WHERE id = 2", (forged,))
    conn.close()

    assert _verify(tmp_path / "copy.sqlite3") == [
        "audit event 2: content was changed",  # without the secret the hash cannot match
        "audit event 3: does not follow event 2",
    ]


def test_deleted_rows_are_detected(db: Database, db_path: Path, tmp_path: Path) -> None:
    _clients(db, 5)
    conn = _tampered_copy(db_path, tmp_path)
    conn.execute("DELETE FROM audit_events WHERE id IN (1, 3)")
    conn.close()

    assert _verify(tmp_path / "copy.sqlite3") == [
        "audit event 2: the events before it are missing",
        "audit events 3..3 are missing",
        "audit event 4: does not follow event 2",
    ]


def test_list_events_filters_newest_first(db: Database) -> None:
    ids = _clients(db, 3)
    with db.session() as s:
        clients.update(s, ids[1], ClientInput(first_name="Ines1", last_name="Roe"))
        audit.record(s, "database", None, "backup", "manual backup x.sqlite3 verified")
    now = datetime.now(UTC)

    with db.session() as s:
        everything = audit.list_events(s)
        for_client = audit.list_events(s, entity="client", entity_id=ids[1])
        updates = audit.list_events(s, action="update")
        by_text = audit.list_events(s, text="BACKUP")
        page = audit.list_events(s, limit=2, offset=1)
        future = audit.list_events(s, since=now + timedelta(minutes=1))
        past = audit.list_events(s, until=now + timedelta(minutes=1))
        names = audit.entities(s)

    assert [e.id for e in everything] == [5, 4, 3, 2, 1]
    assert [e.action for e in for_client] == ["update", "create"]
    assert [e.summary for e in updates] == ["fields changed: last_name"]
    assert [e.entity for e in by_text] == ["database"]
    assert [e.id for e in page] == [4, 3]
    assert future == [] and len(past) == 5
    assert names == ["client", "database"]
    assert all(e.at.tzinfo is not None for e in everything)


def test_the_migration_chains_events_written_before_it(tmp_path: Path) -> None:
    # Given a database at the first revision with unchained events
    path = tmp_path / "old.sqlite3"
    engine = make_engine(path, foreign_keys=False)
    with engine.connect() as connection:
        config = migrate.alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "0001_initial")
        for i in (1, 2, 3):
            connection.exec_driver_sql(
                "INSERT INTO audit_events (at, entity, entity_id, action, summary) VALUES "
                f"('2026-01-0{i} 10:00:00.000000', 'client', {i}, 'create', 'client {i} created')"
            )
        connection.commit()
    engine.dispose()

    # When it is upgraded
    migrate.upgrade(path)

    # Then the old events are chained and new ones continue the chain
    database = Database(path)
    with database.session() as s:
        audit.record(s, "client", 1, "update", "fields changed: phone")
    database.dispose()
    conn = sqlite3.connect(path)
    hashes = conn.execute("SELECT prev_hash, hash FROM audit_events ORDER BY id").fetchall()
    conn.close()
    assert len(hashes) == 4 and all(h for _, h in hashes)
    assert _verify(path) == []
