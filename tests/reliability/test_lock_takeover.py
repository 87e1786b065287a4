"""A lock left by another computer (or under this computer's former name) is shown with
its host, process and age, and can be taken over with ``--break-lock``; audited."""

from __future__ import annotations

import json
import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from _lock_holder import lock_held_by_child
from practice.cli import main
from practice.db.engine import Database
from practice.db.lock import DatabaseLock, LockedError, lock_path, read_owner, takeovers
from practice.services import audit, clients

THREE_DAYS_AGO = (datetime.now(UTC) - timedelta(days=3, hours=2)).isoformat(timespec="seconds")


def _lock_from(db_path: Path, host: str = "front-desk-pc") -> None:
    """The lock file a Practice on ``host`` left three days ago."""
    lock_path(db_path).write_text(
        json.dumps({"pid": 4242, "host": host, "started": THREE_DAYS_AGO, "program": "Practice"})
    )


def _csv(tmp_path: Path) -> Path:
    path = tmp_path / "new.csv"
    path.write_text("first_name,last_name\nIlse,Brandt\n", encoding="utf-8")
    return path


def _events(db_path: Path, action: str) -> list[str]:
    database = Database(db_path)
    try:
        with database.session() as s:
            return [e.summary for e in audit.list_events(s, action=action)]
    finally:
        database.dispose()


def test_a_lock_from_another_computer_names_host_process_and_age(db_path: Path) -> None:
    # Given a lock left by Practice on another computer three days ago
    _lock_from(db_path)

    # When this computer tries to take it
    with pytest.raises(LockedError) as refused:
        DatabaseLock(db_path).acquire()

    # Then it is refused with the host, the process and the age, and may be taken over
    assert "Practice (process 4242) on front-desk-pc, started 3 days ago" in str(refused.value)
    assert refused.value.can_take_over


def test_a_live_holder_here_is_never_taken_over_whatever_its_lock_file_says(
    db_path: Path,
) -> None:
    # Given a copy running here whose lock file was overwritten to name another computer
    # (a sync tool, a restored folder, a hand edit): same file, its flock still held
    with lock_held_by_child(db_path):
        text = lock_path(db_path).read_text()
        with lock_path(db_path).open("r+") as fh:  # in place: the holder keeps its flock
            fh.write(text.replace(socket.gethostname(), "front-desk-pc", 1).ljust(len(text)))
            fh.truncate()
        assert read_owner(db_path).host == "front-desk-pc"  # type: ignore[union-attr]

        # When another copy starts: it is refused and is not offered a takeover
        with pytest.raises(LockedError) as refused:
            DatabaseLock(db_path).acquire()
        assert not refused.value.can_take_over
        # and a takeover asked for anyway is refused, leaving the holder's lock in place
        with pytest.raises(LockedError):
            DatabaseLock(db_path).take_over()
        assert lock_path(db_path).exists()
        assert main(["migrate", "--db", str(db_path), "--break-lock"]) == 1
        assert takeovers(db_path) == []


def test_a_live_lock_on_this_computer_cannot_be_taken_over(db_path: Path) -> None:
    with lock_held_by_child(db_path) as pid, pytest.raises(LockedError) as refused:
        DatabaseLock(db_path).acquire()
    assert f"process {pid}" in str(refused.value) and socket.gethostname() in str(refused.value)
    assert not refused.value.can_take_over


def test_a_command_offers_break_lock_and_writes_nothing_without_it(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a lock left on another computer
    _lock_from(db_path)

    # When clients are imported without --break-lock
    status = main(["--db", str(db_path), "import-clients", str(_csv(tmp_path))])

    # Then the command names the holder and says how to take over; nothing was written
    err = capsys.readouterr().err
    assert status == 1
    assert "on front-desk-pc, started 3 days ago" in err and "--break-lock" in err
    assert read_owner(db_path) is not None and read_owner(db_path).host == "front-desk-pc"  # type: ignore[union-attr]
    database = Database(db_path)
    with database.session() as s:
        assert clients.list_rows(s) == []
    database.dispose()


def test_break_lock_takes_over_and_the_audit_trail_says_so(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a lock left on another computer
    _lock_from(db_path)

    # When clients are imported with --break-lock
    status = main(["--db", str(db_path), "import-clients", "--break-lock", str(_csv(tmp_path))])

    # Then the import is done, the takeover is said and audited, and the lock released
    err = capsys.readouterr().err
    assert status == 0
    assert "took over the lock of Practice (process 4242) on front-desk-pc" in err
    [event] = _events(db_path, "lock-taken-over")
    assert event.startswith("took over the lock of Practice (process 4242) on front-desk-pc")
    assert takeovers(db_path) == []  # the note beside the database was moved
    assert not lock_path(db_path).exists()


def test_break_lock_never_breaks_a_live_lock_on_this_computer(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with lock_held_by_child(db_path) as pid:
        status = main(["--db", str(db_path), "backup", "--break-lock"])
        owner = read_owner(db_path)
    assert status == 1
    assert f"process {pid}" in capsys.readouterr().err
    assert owner is not None and owner.pid == pid
    assert _events(db_path, "lock-taken-over") == []
