"""The audit chain resists a forger who edits the file by hand: it is keyed with a secret
kept outside the database, and each backup holds its head, so ``practice check`` finds
a rewritten trail, a removed key marker and removed newest events; malformed rows are
reported, not raised."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from practice.cli import main
from practice.db.audit_secret import audit_key_path, key_id, read_audit_key
from practice.db.engine import Database
from practice.domain.audit_chain import MARKER_KEY, event_hash
from practice.services import audit, backup, clients, restore
from practice.services.clients import ClientInput


def _clients(db: Database, n: int) -> None:
    for i in range(n):
        with db.session() as s:
            clients.create(s, ClientInput(first_name=f"Ines{i}", last_name="Doe"))


def _check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["check", "--db", str(path)])
    out, err = capsys.readouterr()
    return status, out, err


def _by_hand(path: Path) -> sqlite3.Connection:
    """The file opened as a forger would, the protecting triggers dropped."""
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    conn.execute("DROP TRIGGER audit_events_no_update")
    conn.execute("DROP TRIGGER audit_events_no_delete")
    return conn


def _rehash_from(conn: sqlite3.Connection, first: int) -> None:
    """Recompute every hash from event ``first`` on with the published SHA-256 formula."""
    rows = conn.execute(
        "SELECT id, at, entity, entity_id, action, summary FROM audit_events "
        "WHERE id >= ? ORDER BY id",
        (first,),
    ).fetchall()
    prev = conn.execute("SELECT hash FROM audit_events WHERE id = ?", (first - 1,)).fetchone()
    prev_hash = prev[0] if prev else None
    for event_id, at, entity, entity_id, action, summary in rows:
        digest = event_hash(
            prev_hash,
            event_id=event_id,
            at=at,
            entity=entity,
            entity_id=entity_id,
            action=action,
            summary=summary,
        )
        conn.execute(
            "UPDATE audit_events SET prev_hash = ?, hash = ? WHERE id = ?",
            (prev_hash, digest, event_id),
        )
        prev_hash = digest


def _restore_triggers(conn: sqlite3.Connection, db_path: Path, original: Path) -> None:
    """Recreate the triggers exactly as they were (their SQL read from ``original``)."""
    source = sqlite3.connect(original)
    sql = [r[0] for r in source.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'")]
    source.close()
    for statement in sql:
        conn.execute(statement)
    conn.close()


@pytest.fixture
def keyed(db: Database, db_path: Path, tmp_path: Path) -> Path:
    """A practice with 4 keyed events, its engine closed; a pristine copy beside it."""
    _clients(db, 4)
    db.dispose()
    pristine = tmp_path / "pristine" / "p.sqlite3"
    pristine.parent.mkdir()
    src, dst = sqlite3.connect(db_path), sqlite3.connect(pristine)
    src.backup(dst)
    src.close()
    dst.close()
    return db_path


def test_a_rehashed_forgery_with_the_triggers_put_back_is_found(keyed, tmp_path, capsys) -> None:
    # Given a forger who drops the triggers, edits event 2, recomputes every hash after it
    # with the published formula and puts the triggers back
    conn = _by_hand(keyed)
    conn.execute("UPDATE audit_events SET summary = 'client 9 created' WHERE id = 2")
    _rehash_from(conn, 2)
    _restore_triggers(conn, keyed, tmp_path / "pristine" / "p.sqlite3")

    # When the practice is checked
    status, out, err = _check(keyed, capsys)

    # Then the edit is found: without the secret the keyed hashes cannot be made
    assert status == 1
    assert "problem: audit trail: audit event 2: content was changed" in err
    assert "result: PROBLEMS FOUND" in out


def test_removing_the_key_marker_as_well_is_found(keyed, tmp_path, capsys) -> None:
    # Given the same forgery, and the marker that says the chain is keyed deleted
    conn = _by_hand(keyed)
    conn.execute("UPDATE audit_events SET summary = 'client 9 created' WHERE id = 2")
    _rehash_from(conn, 1)
    conn.execute("DELETE FROM practice_meta WHERE key = ?", (MARKER_KEY,))
    _restore_triggers(conn, keyed, tmp_path / "pristine" / "p.sqlite3")

    status, _out, err = _check(keyed, capsys)

    assert status == 1
    assert "the audit trail's key marker was removed" in err


def test_removing_marker_and_key_file_is_found_against_the_latest_backup(keyed, capsys) -> None:
    # Given a backup, then a forger who rewrites the whole trail with SHA-256, deletes the
    # marker and the audit key file beside the database (the backup folder keeps a copy)
    made = backup.make_backup(keyed, audit=False)
    conn = _by_hand(keyed)
    conn.execute("UPDATE audit_events SET summary = 'client 9 created' WHERE id = 2")
    _rehash_from(conn, 1)
    conn.execute("DELETE FROM practice_meta WHERE key = ?", (MARKER_KEY,))
    conn.close()
    audit_key_path(keyed).unlink()

    status, _out, err = _check(keyed, capsys)

    # Then the latest backup's head no longer matches the trail
    assert status == 1
    assert (
        f"audit event 4 differs from the same event in the latest backup ({made.path.name})" in err
    )


def test_removed_newest_events_are_found_against_the_latest_backup(keyed, capsys) -> None:
    # Given a backup holding events 1..4 (its own event is 5), then the newest two removed
    made = backup.make_backup(keyed)
    conn = _by_hand(keyed)
    conn.execute("DELETE FROM audit_events WHERE id >= 4")
    conn.close()

    status, out, err = _check(keyed, capsys)

    # Then the shorter chain is intact, but the backup says what is missing
    assert status == 1
    assert (
        f"the newest audit events are missing: the latest backup ({made.path.name}) holds "
        "events up to 4, this file only up to 3"
    ) in err


def test_an_intact_practice_matches_its_latest_backup(keyed, capsys) -> None:
    made = backup.make_backup(keyed)
    status, out, _err = _check(keyed, capsys)
    assert status == 0
    assert f"keyed hash chain intact; matches the latest backup {made.path.name}" in out


def test_a_restore_from_an_older_backup_is_not_taken_for_a_loss(keyed, capsys) -> None:
    # Given an older backup, more events and a newer backup, then the older one restored
    older = backup.make_backup(keyed)
    database = Database(keyed)
    _clients(database, 2)
    database.dispose()
    backup.make_backup(keyed)
    restore.restore(keyed, older.path)

    # Then the check is content: the restore explains why the newer events are gone
    status, out, _err = _check(keyed, capsys)
    assert status == 0, out


@pytest.mark.parametrize(
    ("column", "value", "found"),
    [
        ("at", "not a date", "audit event 2: is malformed (a bad date"),
        ("hash", "é" * 64, "audit event 2: its hash is malformed"),
        ("hash", "g" * 64, "audit event 2: its hash is malformed"),
    ],
)
def test_malformed_audit_rows_are_reported_not_raised(keyed, capsys, column, value, found) -> None:
    # Given an audit row made malformed by hand
    conn = _by_hand(keyed)
    conn.execute(f"UPDATE audit_events SET {column} = ? WHERE id = 2", (value,))
    conn.close()

    # When the practice is checked, and the app verifies the trail
    status, _out, err = _check(keyed, capsys)
    database = Database(keyed)
    with database.session() as s:
        in_app = audit.verify_chain(s)
    database.dispose()

    # Then both report the row instead of crashing
    assert status == 1
    assert found in err
    assert any(p.startswith(found) for p in in_app)


def test_an_older_sha256_chain_still_verifies_and_is_keyed_from_then_on(
    db: Database, db_path: Path, capsys
) -> None:
    # Given events chained with plain SHA-256 by an earlier Practice (no marker)
    conn = sqlite3.connect(db_path)
    prev = None
    for i in (1, 2, 3):
        at = f"2026-01-0{i} 10:00:00.000000"
        digest = event_hash(
            prev,
            event_id=i,
            at=at,
            entity="client",
            entity_id=i,
            action="create",
            summary=f"client {i} created",
        )
        conn.execute(
            "INSERT INTO audit_events (id, at, entity, entity_id, action, summary, prev_hash, "
            "hash) VALUES (?, ?, 'client', ?, 'create', ?, ?, ?)",
            (i, at, i, f"client {i} created", prev, digest),
        )
        prev = digest
    conn.commit()
    conn.close()
    assert not audit_key_path(db_path).exists()

    # When this version writes the next event
    _clients(db, 1)

    # Then the chain is keyed from event 4 on, with a secret in an owner-only file
    secret = read_audit_key(audit_key_path(db_path))
    assert secret is not None
    assert stat.S_IMODE(audit_key_path(db_path).stat().st_mode) == 0o600
    assert secret not in db_path.read_bytes() and secret.hex().encode() not in db_path.read_bytes()
    with db.session() as s:
        assert audit.verify_chain(s) == []
    db.dispose()
    conn = sqlite3.connect(db_path)
    [(marker,)] = conn.execute("SELECT value FROM practice_meta WHERE key = ?", (MARKER_KEY,))
    conn.close()
    assert marker == f"hmac-v1 4:{key_id(secret)}"
    status, out, _err = _check(db_path, capsys)
    assert status == 0 and "audit trail: ok (4 events, keyed hash chain intact" in out


def test_the_audit_key_goes_with_the_backups_and_comes_back(keyed, capsys) -> None:
    # Given a backup, then the audit key file beside the database lost
    made = backup.make_backup(keyed)
    secret = read_audit_key(audit_key_path(keyed))
    copies = [p for p in made.path.parent.glob("*.audit-key") if read_audit_key(p) == secret]
    assert len(copies) == 1 and stat.S_IMODE(copies[0].stat().st_mode) == 0o600
    audit_key_path(keyed).unlink()

    # When the practice is checked, and written to again
    status, _out, _err = _check(keyed, capsys)
    database = Database(keyed)
    _clients(database, 1)
    database.dispose()

    # Then the copy verifies the chain, and is put back beside the database
    assert status == 0
    assert read_audit_key(audit_key_path(keyed)) == secret
    assert _check(keyed, capsys)[0] == 0


def test_a_lost_audit_key_is_reported_and_a_new_one_chains_on(keyed, capsys) -> None:
    # Given the audit key file lost with no copy anywhere
    audit_key_path(keyed).unlink()

    # When the practice is written to, then checked
    database = Database(keyed)
    _clients(database, 1)
    database.dispose()
    status, _out, err = _check(keyed, capsys)

    # Then the events of the lost key cannot be verified, and the replacement is said
    assert status == 1
    assert "audit events 1..4 cannot be verified: the audit key they were chained with" in err
    assert "the audit key was replaced at event 5" in err
