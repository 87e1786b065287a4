"""The audit trail on two computers (issue 17, point 3): every event says which
computer and which database user wrote it; on PostgreSQL two computers appending at
once never fork the chain, and both verify it with the key kept on the server; a
practice on PostgreSQL never takes the SQLite lock file."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import select, text

import _postgres
from practice.cli.base import open_practice
from practice.db.audit_secret import audit_key_path, key_id, write_audit_key
from practice.db.computer import NAME_VARIABLE, os_user
from practice.db.engine import Database
from practice.db.location import parse
from practice.db.models import AuditEvent, AuditKey, PracticeMeta
from practice.domain.audit_chain import MARKER_KEY, Segment, event_hash, format_marker
from practice.services import audit
from practice.services.export import export_all

THREADS, EVENTS = 2, 50


def _events(db: Database, n: int, what: str = "client") -> None:
    with db.session() as s:
        for i in range(1, n + 1):
            audit.record(s, what, i, "view", f"{what} {i} opened")


def test_every_event_records_its_computer_and_database_user(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given the office computer writes two events and the laptop one
    monkeypatch.setenv(NAME_VARIABLE, "office-pc")
    _events(db, 2)
    monkeypatch.setenv(NAME_VARIABLE, "laptop")
    _events(db, 1, "appointment")
    # Then each event names its computer and database user, and the chain is intact
    with db.session() as s:
        rows = s.execute(select(AuditEvent.computer, AuditEvent.db_user).order_by(AuditEvent.id))
        user = "postgres" if db.location.is_postgresql else os_user()
        assert rows.all() == [("office-pc", user), ("office-pc", user), ("laptop", user)]
        newest = audit.list_events(s, limit=1)[0]  # what the audit browser shows
        assert (newest.computer, newest.db_user) == ("laptop", user)
        assert audit.verify_chain(s) == []


def test_who_wrote_an_event_is_covered_by_its_hash(db: Database) -> None:
    # Given an intact chain
    _events(db, 3)
    # When the computer of event 2 is changed behind the app's back
    with db.engine.connect() as conn:
        if db.location.is_postgresql:
            conn.exec_driver_sql("ALTER TABLE audit_events DISABLE TRIGGER USER")
        else:
            conn.exec_driver_sql("DROP TRIGGER audit_events_no_update")
        conn.exec_driver_sql("UPDATE audit_events SET computer = 'elsewhere' WHERE id = 2")
        conn.commit()
    # Then the check finds it
    with db.session() as s:
        assert audit.verify_chain(s) == ["audit event 2: content was changed"]


@pytest.fixture
def server_url(postgres_databases: _postgres.Databases, postgres_template: str) -> str:
    name = postgres_databases.create(template=postgres_template)
    yield postgres_databases.url(name)  # type: ignore[misc]
    postgres_databases.drop(name)


def _computer(url: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Database:
    """Practice on one computer: its own data folder, opening the practice at ``url``."""
    monkeypatch.setenv("PRACTICE_DATA_DIR", str(folder))
    return Database(parse(url))


def test_two_computers_appending_at_once_never_fork_the_chain(
    server_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given two computers on one practice, each with its own connections
    computers = [_computer(server_url, tmp_path / f"pc{n}", monkeypatch) for n in (1, 2)]
    errors: list[BaseException] = []
    start = threading.Barrier(THREADS)

    def append(database: Database, who: int) -> None:
        try:
            start.wait()
            for i in range(EVENTS):  # one unit of work per event, as the app does
                with database.session() as s:
                    audit.record(s, "client", who, "view", f"computer {who} event {i}")
        except BaseException as exc:  # noqa: BLE001  (reported below)
            errors.append(exc)

    # When both append 50 events at the same time
    threads = [
        threading.Thread(target=append, args=(database, n)) for n, database in enumerate(computers)
    ]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    took = time.perf_counter() - began
    # Then every event is there, in one chain that verifies from either computer
    assert errors == []
    for database in computers:
        with database.session() as s:
            assert audit.event_count(s) == THREADS * EVENTS
            assert audit.verify_chain(s) == []
            ids = s.scalars(select(AuditEvent.id).order_by(AuditEvent.id)).all()
            assert ids == list(range(1, THREADS * EVENTS + 1))
        database.dispose()
    print(f"{THREADS} computers x {EVENTS} events appended at once in {took:.2f} s")


def test_two_data_folders_on_one_server_share_the_audit_key(
    server_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given the office computer writes the first events
    office = _computer(server_url, tmp_path / "office", monkeypatch)
    _events(office, 3)
    # When the laptop (another data folder, no key file of its own) opens the practice
    laptop = _computer(server_url, tmp_path / "laptop", monkeypatch)
    # Then it verifies the keyed chain and appends to it, and the office verifies that
    with laptop.session() as s:
        assert audit.verify_chain(s) == []
    _events(laptop, 2, "appointment")
    with office.session() as s:
        assert audit.verify_chain(s) == []
        assert audit.event_count(s) == 5
        assert len(s.scalars(select(AuditKey)).all()) == 1
    # and the key is kept on the server only: no key file on either computer
    assert list(tmp_path.rglob("*.audit-key")) == []
    office.dispose()
    laptop.dispose()


def test_another_role_on_the_server_cannot_read_the_audit_key(
    server_url: str, postgres_databases: _postgres.Databases
) -> None:
    # Given a practice with a keyed chain, and a role that may read its audit events
    database = Database(parse(server_url))
    _events(database, 1)
    database.dispose()
    role = f"reader_{Path(server_url).name}"
    admin = server_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN")  # type: ignore[arg-type]
        conn.execute(f"GRANT SELECT ON audit_events TO {role}")  # type: ignore[arg-type]
    try:
        other = admin.replace("postgres@", f"{role}@", 1)
        # Then that role reads the events but not the key
        with psycopg.connect(other, autocommit=True) as conn:
            assert conn.execute("SELECT count(*) FROM audit_events").fetchone() == (1,)
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("SELECT secret FROM audit_keys")
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"REVOKE ALL ON audit_events FROM {role}")  # type: ignore[arg-type]
            conn.execute(f"DROP ROLE {role}")  # type: ignore[arg-type]


def test_a_postgresql_practice_never_takes_the_lock_file(server_url: str, tmp_path: Path) -> None:
    # Given the same writing command on an SQLite practice and on a server
    sqlite = tmp_path / "practice.sqlite3"
    with open_practice(sqlite, writer="practice test", create=True) as s:
        audit.record(s, "database", None, "test", "a write")
        assert list(tmp_path.rglob("*.lock")) != []  # SQLite: one writer, the lock file
    # Then on the server no lock file is made anywhere: the database keeps order
    with open_practice(parse(server_url), writer="practice test") as s:
        audit.record(s, "database", None, "test", "a write")
        assert list(tmp_path.rglob("*.lock")) == []


def test_a_key_file_from_before_the_server_kept_the_key_is_put_on_the_server(
    server_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given events the office keyed with a key file of its own (before migration 0010)
    office = _computer(server_url, tmp_path / "office", monkeypatch)
    secret = b"k" * 32
    write_audit_key(audit_key_path(office.path), secret)
    at = "2026-01-05 10:00:00.000000"
    digest = event_hash(
        None, event_id=1, at=at, entity="client", entity_id=1, action="view",
        summary="client 1 opened", secret=secret,
    )  # fmt: skip
    with office.session() as s:
        s.add(PracticeMeta(key=MARKER_KEY, value=format_marker([Segment(1, key_id(secret))])))
        s.execute(
            text(
                "INSERT INTO audit_events (id, at, entity, entity_id, action, summary, hash)"
                " VALUES (1, :at, 'client', 1, 'view', 'client 1 opened', :hash)"
            ),
            {"at": at, "hash": digest},
        )
    laptop = _computer(server_url, tmp_path / "laptop", monkeypatch)
    with laptop.session() as s:  # the laptop cannot verify them: the key is elsewhere
        assert "cannot be verified" in " ".join(audit.verify_chain(s))
    # When the office next writes an event
    _events(office, 1)
    # Then its key is on the server, and the laptop verifies the whole chain
    with laptop.session() as s:
        assert audit.verify_chain(s) == []
        assert s.scalars(select(AuditKey.kid)).all() == [key_id(secret)]
    office.dispose()
    laptop.dispose()


def test_the_server_audit_key_is_never_exported(db: Database, tmp_path: Path) -> None:
    # Given a practice whose chain is keyed (on a server: the key is in audit_keys)
    _events(db, 2)
    with db.session() as s:
        secrets = [row.secret for row in s.scalars(select(AuditKey))]
    assert len(secrets) == (1 if db.location.is_postgresql else 0)
    # When everything is exported
    with db.session() as s:
        export_all(s, tmp_path / "export")
    # Then the key is in none of the files
    assert not (tmp_path / "export" / "audit_keys.csv").exists()
    for path in (tmp_path / "export").iterdir():
        assert all(secret not in path.read_text(encoding="utf-8") for secret in secrets)
