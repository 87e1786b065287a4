"""The audit trail's keyed hash chain on both engines: intact after real writes, and an
edit or a deletion made behind the app's back (triggers switched off, as the
database's owner could) is found."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from practice.db.engine import Database
from practice.services import audit


def _events(db: Database, n: int) -> None:
    with db.session() as s:
        for i in range(1, n + 1):
            audit.record(s, "client", i, "view", f"client {i} opened")


def _behind_the_app(db: Database, statement: str) -> None:
    """Run ``statement`` with the append-only triggers out of the way."""
    with db.engine.connect() as conn:
        if db.location.is_postgresql:
            conn.execute(text("ALTER TABLE audit_events DISABLE TRIGGER USER"))
        else:
            conn.execute(text("DROP TRIGGER audit_events_no_update"))
            conn.execute(text("DROP TRIGGER audit_events_no_delete"))
        conn.execute(text(statement))
        conn.commit()


def test_the_chain_is_intact_after_writes_in_several_units_of_work(db: Database) -> None:
    _events(db, 3)
    _events(db, 2)
    with db.session() as s:
        assert audit.verify_chain(s) == []
        assert audit.event_count(s) == 5


@pytest.mark.parametrize(
    ("statement", "found"),
    [
        (
            "UPDATE audit_events SET summary = 'client 9 opened' WHERE id = 2",
            "audit event 2: content was changed",
        ),
        ("DELETE FROM audit_events WHERE id = 2", "audit events 2..2 are missing"),
    ],
)
def test_a_change_behind_the_apps_back_is_found(db: Database, statement: str, found: str) -> None:
    # Given four events
    _events(db, 4)
    # When one is edited or deleted with the triggers out of the way
    _behind_the_app(db, statement)
    # Then the chain says where
    with db.session() as s:
        problems = audit.verify_chain(s)
    assert problems and problems[0].startswith(found), problems


def test_the_database_itself_refuses_to_change_an_event(db: Database) -> None:
    _events(db, 2)
    for statement in ("UPDATE audit_events SET summary = 'x'", "DELETE FROM audit_events"):
        with pytest.raises(Exception, match="append-only"), db.engine.connect() as conn:
            conn.execute(text(statement))
    with db.session() as s:
        assert audit.event_count(s) == 2 and audit.verify_chain(s) == []
