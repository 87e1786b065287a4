"""Verified backups with the SQLite backup API, their rotation, and restore."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from practice.db import migrate
from practice.db.engine import Database
from practice.db.identity import read_practice_id
from practice.domain.vocabulary import Barrier
from practice.services import audit, backup, clients, restore
from practice.services.backup import BackupError, BackupFile
from practice.services.clients import ClientInput

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)  # a Thursday


def _add(db: Database, first: str, last: str = "Okafor") -> int:
    with db.session() as s:
        return clients.create(s, ClientInput(first_name=first, last_name=last)).id


def _fill(db: Database, n: int) -> None:
    with db.session() as s:
        for i in range(n):
            clients.create(s, ClientInput(first_name=f"Name{i}", last_name="Lindqvist" * 5))


def _names(db_path: Path) -> list[tuple[int, str, str]]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT id, first_name, last_name FROM clients ORDER BY id").fetchall()
    finally:
        conn.close()


def _garble(path: Path, offset: int, size: int = 4096) -> None:
    with open(path, "r+b") as f:
        f.seek(offset)
        f.write(os.urandom(size))


def test_backup_is_verified_private_and_counts_every_table(db: Database, tmp_path: Path) -> None:
    for name in ("Amara", "Bao", "Chidi"):
        _add(db, name)

    result = backup.make_backup(db.path, tmp_path / "backups", kind="manual")

    assert result.verified and result.problems == []
    assert result.path.parent == tmp_path / "backups"
    assert result.path.name.startswith("practice.") and result.path.name.endswith(".manual.sqlite3")
    assert stat.S_IMODE(result.path.stat().st_mode) == 0o600
    assert result.row_counts["clients"] == 3 and result.row_counts["audit_events"] == 3
    assert _names(result.path) == _names(db.path)
    assert backup.verify(result.path, result.row_counts) == []
    # a single-file copy: no WAL beside it
    assert not Path(str(result.path) + "-wal").exists()
    with db.session() as s:
        assert audit.list_events(s, action="backup")[0].summary.endswith("verified")


def test_restore_brings_back_the_data_and_keeps_the_current_file(
    db: Database, tmp_path: Path
) -> None:
    # Given a backup of two clients, then a change made after it
    _add(db, "Amara")
    _add(db, "Bao")
    before = _names(db.path)
    made = backup.make_backup(db.path, tmp_path / "backups")
    with db.session() as s:
        clients.update(s, 1, ClientInput(first_name="Amara", last_name="Changed"))
    _add(db, "Chidi")
    after = _names(db.path)
    db.dispose()

    # When the backup is restored
    aside = restore.restore(db.path, made.path)

    # Then the data reads back as it was, the replaced file is kept, the trail says so
    assert _names(db.path) == before
    assert aside is not None and _names(aside) == after
    assert stat.S_IMODE(db.path.stat().st_mode) == 0o600
    restored = Database(db.path)
    with restored.session() as s:
        last = audit.list_events(s, limit=1)[0]
        assert audit.verify_chain(s) == []
    restored.dispose()
    assert last.action == "restore" and made.path.name in last.summary
    assert aside.name in last.summary


def test_a_garbled_backup_fails_verification(db: Database, tmp_path: Path) -> None:
    _fill(db, 300)
    made = backup.make_backup(db.path, tmp_path)
    assert made.verified

    _garble(made.path, 4096 * 3, 4096 * 4)

    problems = backup.verify(made.path, made.row_counts)
    assert problems, "a garbled backup must not verify"


def test_a_copy_that_lost_rows_is_reported_and_not_counted_good(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a copy step that silently loses a row
    _add(db, "Amara")
    _add(db, "Bao")
    real_copy = backup._copy

    def lossy_copy(source: sqlite3.Connection, target: Path, key: bytes | None = None) -> None:
        real_copy(source, target, key)
        conn = sqlite3.connect(target)
        conn.execute("DELETE FROM clients WHERE id = 2")
        conn.commit()
        conn.close()

    monkeypatch.setattr(backup, "_copy", lossy_copy)

    result = backup.make_backup(db.path, tmp_path / "b")

    assert not result.verified
    assert "table clients: 1 rows, the source had 2" in result.problems
    assert result.path.name.endswith(".sqlite3.failed")
    assert backup.latest_good_backup(tmp_path / "b", db.path) is None
    with db.session() as s:
        assert audit.list_events(s, action="backup")[0].summary.endswith("FAILED verification")


def test_a_backup_in_the_second_of_a_killed_one_takes_the_next_name(
    db: Database, tmp_path: Path
) -> None:
    # Given a backup killed this second: its .partial copy is still in the folder
    folder = tmp_path / "backups"
    first = backup.make_backup(db.path, folder, now=NOW)
    killed = first.path.with_name(first.path.name + ".partial")
    first.path.rename(killed)
    # When the next backup is made in that same second
    again = backup.make_backup(db.path, folder, now=NOW)
    # Then it is made and verified under the next free name, the leftover untouched
    assert again.problems == []
    assert again.path.name.endswith("Z-2.manual.sqlite3")
    assert killed.exists()


def test_latest_good_backup_skips_a_damaged_newer_one(db: Database, tmp_path: Path) -> None:
    _fill(db, 200)
    folder = tmp_path / "b"
    older = backup.make_backup(db.path, folder, now=NOW - timedelta(days=1))
    newer = backup.make_backup(db.path, folder, now=NOW)
    _garble(newer.path, 4096 * 2, 4096 * 6)

    assert backup.latest_good_backup(folder, db.path) == older.path


def test_restore_refuses_a_damaged_backup_and_changes_nothing(db: Database, tmp_path: Path) -> None:
    _fill(db, 200)
    made = backup.make_backup(db.path, tmp_path)
    _garble(made.path, 4096 * 2, 4096 * 6)
    db.dispose()
    current = db.path.read_bytes()

    with pytest.raises(BackupError, match="failed verification"):
        restore.restore(db.path, made.path)

    assert db.path.read_bytes() == current
    assert not list(tmp_path.glob("*before-restore*"))


def test_restore_refuses_a_backup_from_a_newer_version(db: Database, tmp_path: Path) -> None:
    _add(db, "Amara")
    made = backup.make_backup(db.path, tmp_path)
    conn = sqlite3.connect(made.path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    db.dispose()
    current = db.path.read_bytes()

    with pytest.raises(BackupError, match="newer version"):
        restore.restore(db.path, made.path)

    assert db.path.read_bytes() == current


def _copy_as(made: Path, folder: Path, when: datetime, kind: str = "daily") -> Path:
    """A real backup file (a hard link to ``made``) under the name of a backup taken then."""
    path = folder / f"practice.{when.strftime('%Y%m%dT%H%M%SZ')}.{kind}.sqlite3"
    os.link(made, path)
    return path


def test_rotation_keeps_48_hours_last_10_then_14_daily_8_weekly_12_monthly(
    db: Database, tmp_path: Path
) -> None:
    # Given real backups of this practice, one a day at 03:00 from June 2025 to today,
    # plus one early today, one dated in the future, and a backup of another practice
    made = backup.make_backup(db.path, tmp_path / "one", audit=False, rotate_after=False).path
    folder = tmp_path / "b"
    folder.mkdir()
    day = datetime(2025, 6, 1, 3, 0, tzinfo=UTC)
    while day <= NOW:
        _copy_as(made, folder, day)
        day += timedelta(days=1)
    early_today = _copy_as(made, folder, datetime(2026, 11, 26, 1, 0, tzinfo=UTC), "manual")
    future = _copy_as(made, folder, datetime(2026, 12, 24, 3, 0, tzinfo=UTC))  # a wrong clock
    other = tmp_path / "other" / "practice.sqlite3"
    other.parent.mkdir()
    migrate.upgrade(other)
    when = datetime(2025, 6, 1, 3, 0, tzinfo=UTC)
    other_db = backup.make_backup(other, folder, audit=False, rotate_after=False, now=when).path
    newest = folder / "practice.20261126T030000Z.daily.sqlite3"

    # When this practice's backups are rotated
    deleted = backup.rotate(folder, read_practice_id(db.path), now=NOW, newest_good=newest)

    # Then the thinning kept the same days as ever, and everything of the last 48 hours
    kept = {
        b.taken_at.date().isoformat() for b in backup.list_backups(folder) if b.path != other_db
    }
    daily = {f"2026-11-{d:02d}" for d in range(13, 27)}
    weekly = {"2026-11-08", "2026-11-01", "2026-10-25", "2026-10-18", "2026-10-11"}  # Sundays
    monthly = {
        "2026-10-31", "2026-09-30", "2026-08-31", "2026-07-31", "2026-06-30", "2026-05-31",
        "2026-04-30", "2026-03-31", "2026-02-28", "2026-01-31", "2025-12-31",
    }  # fmt: skip
    assert kept == daily | weekly | monthly | {"2026-12-24"}
    assert len(backup.list_backups(folder)) == 14 + 5 + 11 + 1 + 1 + 1  # + early today, other
    assert early_today.exists() and early_today not in deleted
    assert future.exists() and other_db.exists() and newest.exists()


def _break_foreign_key(path: Path) -> None:
    """A row that refers to a missing parent: the file no longer verifies, its id still reads."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(
        "INSERT INTO review_barriers (review_id, barrier) VALUES (999, ?)", (list(Barrier)[0],)
    )
    conn.commit()
    conn.close()


def test_rotation_never_deletes_the_newest_good_backup(db: Database, tmp_path: Path) -> None:
    # Given a good backup three months ago and backups since that no longer verify
    _add(db, "Amara")
    good = backup.make_backup(db.path, tmp_path, now=NOW - timedelta(days=90))
    bad = []
    for days in (60, 30, 1):
        copy = backup.make_backup(db.path, tmp_path, now=NOW - timedelta(days=days))
        _break_foreign_key(copy.path)
        bad.append(copy.path)

    # When rotation keeps only the newest backup
    backup.rotate(
        tmp_path, read_practice_id(db.path), now=NOW, keep_daily=1, keep_weekly=0,
        keep_monthly=0, keep_within=timedelta(0), keep_last=1,
    )  # fmt: skip

    # Then the good one survives beside the newest file; the others went
    assert good.path.exists() and bad[-1].exists()
    assert not bad[0].exists() and not bad[1].exists()
    assert backup.latest_good_backup(tmp_path, db.path) == good.path


def test_backups_to_keep_counts_periods_that_have_backups() -> None:
    # A practice closed for two years keeps its last backups
    old = [
        BackupFile(Path(f"p{i}"), "p", datetime(2023, 3, 1, tzinfo=UTC) + timedelta(days=i), "exit")
        for i in range(30)
    ]

    keep = backup.backups_to_keep(old, now=NOW)

    assert Path("p29") in keep and len(keep) >= 14


def test_daily_backup_is_due_after_24_hours(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "b"
    assert backup.daily_backup_due(folder, db.path, now=NOW)
    backup.make_backup(db.path, folder, kind="exit", now=NOW - timedelta(hours=2))

    assert not backup.daily_backup_due(folder, db.path, now=NOW)
    assert backup.daily_backup_due(folder, db.path, now=NOW + timedelta(hours=23))
    assert backup.daily_backup_due(folder, Path("other.sqlite3"), now=NOW)


def test_default_folder_is_in_the_users_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from platformdirs import user_data_dir

    monkeypatch.delenv("PRACTICE_DATA_DIR", raising=False)
    assert backup.default_backup_dir() == Path(user_data_dir("Practice", appauthor=False)) / (
        "backups"
    )
    # the data folder's override moves the backups with it
    monkeypatch.setenv("PRACTICE_DATA_DIR", str(tmp_path))
    assert backup.default_backup_dir() == tmp_path / "backups"


def test_failed_backups_are_listed_only_when_asked(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    good = backup.make_backup(db.path, folder, kind="manual", now=NOW)
    bad = good.path.with_name(good.path.name.replace("T120000Z", "T130000Z") + ".failed")
    bad.write_bytes(b"not a database")

    assert [b.path for b in backup.list_backups(folder, "practice")] == [good.path]
    listed = backup.list_backups(folder, "practice", include_failed=True)
    assert [(b.path, b.verified) for b in listed] == [(good.path, True), (bad, False)]


def test_backup_of_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="no database"):
        backup.make_backup(tmp_path / "nowhere.sqlite3", tmp_path)


def test_rotation_never_removes_a_pre_migration_backup(db: Database, tmp_path: Path) -> None:
    # Given a backup taken before an upgrade, then more backups the same day and later
    folder = tmp_path / "b"
    before_upgrade = backup.make_backup(
        db.path, folder, kind="pre-migration", audit=False, now=NOW - timedelta(days=40)
    )
    for days in range(40, -1, -1):
        when = NOW - timedelta(days=days)
        backup.make_backup(db.path, folder, kind="exit", audit=False, now=when)

    # Then the rotation kept it: it is the way back to the previous version's file
    kinds = [b.kind for b in backup.list_backups(folder, "practice")]
    assert before_upgrade.path.exists() and kinds.count("pre-migration") == 1
    assert len(kinds) < 42  # the others were rotated
