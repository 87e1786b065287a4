"""Health of a database file: damage, foreign keys, audit trail, location, full disk."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from practice.db import file_check, migrate
from practice.db.engine import Database, make_engine
from practice.db.health import (
    DISK_FULL_MESSAGE,
    check_file,
    cloud_service,
    is_disk_full,
    location_warnings,
    mount_fstype,
    network_share,
)
from practice.services import clients
from practice.services.clients import ClientInput


def _fill(db: Database, n: int) -> None:
    with db.session() as s:
        for i in range(n):
            clients.create(s, ClientInput(first_name=f"Name{i}", last_name="Vasquez" * 8))


def _closed_copy(db: Database, tmp_path: Path) -> Path:
    """A single-file copy of the database (checkpointed, no WAL)."""
    db.dispose()
    conn = sqlite3.connect(db.path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(db.path, copy)
    return copy


def test_a_sound_database_is_ok(db: Database) -> None:
    _fill(db, 5)

    report = check_file(db.path)

    assert report.ok and not report.damaged, report.problems
    assert report.revision == report.head
    assert report.lines()[-1] == "result: ok"


def test_garbage_over_some_pages_is_reported_not_raised(db: Database, tmp_path: Path) -> None:
    # Given a copy of a database with pages in its middle overwritten
    _fill(db, 400)
    copy = _closed_copy(db, tmp_path)
    size = copy.stat().st_size
    assert size > 20 * 4096
    with open(copy, "r+b") as f:
        f.seek((size // 4096 // 2) * 4096)
        f.write(os.urandom(4096 * 4))

    report = check_file(copy)

    assert report.damaged and not report.ok
    assert report.problems[0].startswith("The database is damaged")


def test_cleared_cells_of_the_last_page_are_listed_by_quick_check(
    db: Database, tmp_path: Path
) -> None:
    _fill(db, 400)
    copy = _closed_copy(db, tmp_path)
    last_page = copy.stat().st_size // 4096 - 1
    with open(copy, "r+b") as f:
        f.seek(last_page * 4096 + 8)  # keep the page header, clear its cell pointers
        f.write(b"\0" * (4096 - 8))

    report = check_file(copy)

    assert report.damaged
    assert report.problems[0] == "The database is damaged (SQLite quick check failed)."
    details = report.problems[1:]
    assert 1 <= len(details) <= file_check.MAX_PROBLEMS
    assert all(p.startswith("quick check: ") and "\n" not in p for p in details)


def test_a_garbled_header_is_reported_not_raised(db: Database, tmp_path: Path) -> None:
    _fill(db, 5)
    copy = _closed_copy(db, tmp_path)
    with open(copy, "r+b") as f:
        f.write(os.urandom(100))

    report = check_file(copy)

    assert report.damaged and "damaged or is not a database" in report.problems[0]


@pytest.mark.parametrize(
    ("content", "words"),
    [(None, "no Practice database"), (b"%PDF-1.7 " * 500, "not a database")],
)
def test_a_missing_or_foreign_file_is_reported(
    tmp_path: Path, content: bytes | None, words: str
) -> None:
    path = tmp_path / "x.sqlite3"
    if content is not None:
        path.write_bytes(content)

    report = check_file(path)

    assert not report.ok and words in report.problems[0]


def test_a_database_from_a_newer_version_is_reported(db: Database, tmp_path: Path) -> None:
    copy = _closed_copy(db, tmp_path)
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE alembic_version SET version_num = 'zzzz_future'")
    conn.commit()
    conn.close()

    report = check_file(copy)

    assert not report.ok and "newer version" in report.problems[0]


def test_foreign_key_and_audit_problems_are_reported(db: Database, tmp_path: Path) -> None:
    _fill(db, 3)
    copy = _closed_copy(db, tmp_path)
    conn = sqlite3.connect(copy)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(
        "INSERT INTO appointments (client_id, starts_at, duration_minutes, status, created_at,"
        " updated_at) VALUES (99, '2030-01-01 09:00:00', 50, 'scheduled',"
        " '2030-01-01 09:00:00', '2030-01-01 09:00:00')"
    )
    conn.execute("DROP TRIGGER audit_events_no_update")
    conn.execute("UPDATE audit_events SET summary = 'client 7 created' WHERE id = 2")
    conn.commit()
    conn.close()

    report = check_file(copy)

    assert "foreign key: appointments row 1 refers to a missing clients row" in report.problems
    assert "The audit trail is not protected: its triggers were removed." in report.problems
    assert "audit event 2: content was changed" in report.problems


@pytest.mark.parametrize(
    ("path", "service"),
    [
        ("/home/ana/Dropbox/practice.sqlite3", "Dropbox"),
        ("/Users/ana/Dropbox (Personal)/p.sqlite3", "Dropbox"),
        ("C:\\Users\\ana\\OneDrive - Clinic\\p.sqlite3", "OneDrive"),
        ("/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/p.sqlite3", "iCloud Drive"),
        ("/Users/ana/iCloud Drive/p.sqlite3", "iCloud Drive"),
        ("G:\\My Drive\\practice\\p.sqlite3", "Google Drive"),
        ("/Users/ana/Google Drive/p.sqlite3", "Google Drive"),
        ("/Users/ana/GoogleDrive/p.sqlite3", "Google Drive"),
        ("/home/ana/Documents/practice.sqlite3", None),
        ("/home/ana/dropbox-notes-not/p.sqlite3", "Dropbox"),
        ("/home/ana/drivers/p.sqlite3", None),
    ],
)
def test_cloud_folders_are_recognised(path: str, service: str | None) -> None:
    assert cloud_service(path) == service


def test_a_database_in_a_synced_folder_gets_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "OneDrive" / "practice.sqlite3"
    migrate.upgrade(path)

    report = check_file(path)

    assert report.ok
    assert any("OneDrive folder" in w for w in report.warnings)
    assert location_warnings(tmp_path / "local.sqlite3") == []


MOUNTS = """\
/dev/vda / ext4 rw,relatime 0 0
fileserver:/export/home /home/ana/shared nfs4 rw,relatime 0 0
//nas/clinic /mnt/clinic\\040files cifs rw 0 0
"""


def test_network_filesystems_are_recognised_from_the_mount_table() -> None:
    assert mount_fstype(Path("/home/ana/shared/p.sqlite3"), MOUNTS) == "nfs4"
    assert mount_fstype(Path("/mnt/clinic files/p.sqlite3"), MOUNTS) == "cifs"
    assert mount_fstype(Path("/home/ana/sharedother/p.sqlite3"), MOUNTS) == "ext4"
    mac = "//ana@nas/clinic on /Volumes/clinic (smbfs, nodev, nosuid, mounted by ana)\n"
    assert mount_fstype(Path("/Volumes/clinic/p.sqlite3"), mac) == "smbfs"


def test_a_local_folder_is_not_a_network_share(tmp_path: Path) -> None:
    assert network_share(tmp_path / "practice.sqlite3") is None


def test_a_full_disk_fails_the_write_clearly_and_loses_nothing(db_path: Path) -> None:
    # Given a database that may grow by only a few pages (a full disk): the limit is
    # fixed at the first connection (each connection sets it again)
    engine = make_engine(db_path)
    limit: list[int] = []

    @event.listens_for(engine, "connect")
    def _small_disk(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        if not limit:
            limit.append(dbapi_connection.execute("PRAGMA page_count").fetchone()[0] + 20)
        dbapi_connection.execute(f"PRAGMA max_page_count = {limit[0]}")

    db = Database(db_path, engine)
    saved: list[int] = []
    failure: BaseException | None = None

    # When clients are added until the disk is full
    for i in range(500):
        try:
            with db.session() as s:
                view = clients.create(
                    s, ClientInput(first_name=f"Name{i}", last_name="Okonkwo", notes="x" * 900)
                )
            saved.append(view.id)
        except Exception as exc:
            failure = exc
            break
    db.dispose()

    # Then the failing write is recognisable as a full disk
    assert failure is not None and saved, "the write never failed"
    assert is_disk_full(failure)
    assert "disk is full" in DISK_FULL_MESSAGE
    # and every change committed before it is still there, in a sound file
    assert migrate.integrity(db_path) == []
    conn = sqlite3.connect(db_path)
    stored = [r[0] for r in conn.execute("SELECT id FROM clients ORDER BY id")]
    conn.close()
    assert stored == saved


def test_other_errors_are_not_a_full_disk() -> None:
    assert not is_disk_full(ValueError("database or disk"))
    assert not is_disk_full(sqlite3.OperationalError("database is locked"))
    assert is_disk_full(OSError(errno.ENOSPC, "No space left on device"))
    try:
        try:
            raise sqlite3.OperationalError("database or disk is full")
        except sqlite3.Error as inner:
            raise RuntimeError("saving failed") from inner
    except RuntimeError as outer:
        assert is_disk_full(outer)
