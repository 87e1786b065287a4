"""Rotation keeps today's restore points and touches only the practice's own backups."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command

from practice.db import migrate
from practice.db.identity import read_practice_id
from practice.services import backup

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
A_YEAR_AGO = datetime(2025, 11, 3, 8, 0, tzinfo=UTC)


def _backups_at(db_path: Path, folder: Path, times: list[datetime]) -> list[Path]:
    """Real verified backups of ``db_path``, as if taken at ``times`` (no rotation)."""
    return [
        backup.make_backup(db_path, folder, "manual", now=t, audit=False, rotate_after=False).path
        for t in times
    ]


def _hours(start: datetime, n: int) -> list[datetime]:
    return [start + timedelta(hours=h) for h in range(n)]


def _practice(folder: Path, revision: str = "head") -> Path:
    path = folder / "practice.sqlite3"
    folder.mkdir(parents=True)
    if revision == "head":
        migrate.upgrade(path)
    else:
        config = migrate.alembic_config()
        config.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
        command.upgrade(config, revision)
    return path


def test_back_up_now_before_a_risky_change_survives_the_exit_backup(
    db_path: Path, tmp_path: Path
) -> None:
    # Given backups yesterday and the day before, and "Back up now" this morning
    folder = tmp_path / "backups"
    earlier = _backups_at(db_path, folder, [NOW - timedelta(hours=47), NOW - timedelta(hours=30)])
    [before_change] = _backups_at(db_path, folder, [NOW - timedelta(hours=2)])

    # When the app backs up on exit the same day
    exit_backup = backup.make_backup(db_path, folder, "exit", now=NOW, audit=False)

    # Then every backup of the last 48 hours is still there
    kept = [b.path for b in backup.list_backups(folder)]
    assert kept == [*earlier, before_change, exit_backup.path]


def test_the_last_ten_backups_are_kept_whatever_their_age(db_path: Path, tmp_path: Path) -> None:
    # Given a practice closed for a year whose last 12 backups were all taken on one day
    folder = tmp_path / "backups"
    old = _backups_at(db_path, folder, _hours(A_YEAR_AGO, 12))

    # When it is opened again and backed up
    new = backup.make_backup(db_path, folder, "exit", now=NOW, audit=False)

    # Then the ten newest are kept (the new one and nine of that day), the two oldest went
    assert [b.path for b in backup.list_backups(folder)] == [*old[3:], new.path]
    assert not old[0].exists() and not old[1].exists() and not old[2].exists()


def test_rotation_never_deletes_a_backup_of_another_practice(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Given two practices, both named practice.sqlite3, backed up into one folder, plus
    # a backup from before practices had ids and a damaged file named like a backup
    folder = tmp_path / "shared backups"
    mine = _practice(tmp_path / "mine")
    theirs = _practice(tmp_path / "theirs")
    old_file = _practice(tmp_path / "old", revision="0003_homework_loop")
    my_old = _backups_at(mine, folder, _hours(A_YEAR_AGO, 12))
    their_old = _backups_at(theirs, folder, _hours(A_YEAR_AGO + timedelta(minutes=30), 12))
    [no_id] = _backups_at(old_file, folder, [A_YEAR_AGO - timedelta(days=1)])
    damaged = folder / "practice.20251101T080000Z.daily.sqlite3"
    damaged.write_bytes(b"not a database " * 400)
    assert read_practice_id(mine) != read_practice_id(theirs)

    # When my practice is backed up
    with caplog.at_level(logging.INFO, logger="practice.services.backup"):
        new = backup.make_backup(mine, folder, "exit", now=NOW, audit=False)

    # Then only my backups were thinned out; theirs and the unreadable ones are all there
    left = {b.path for b in backup.list_backups(folder)}
    assert left == {*my_old[3:], new.path, *their_old, no_id, damaged}
    # and the log says what was left alone, without a file name or a folder
    [line] = [r.getMessage() for r in caplog.records if "left alone" in r.getMessage()]
    assert line == (
        "rotation left alone 12 backups of other practices and 2 whose practice could not be read"
    )


def test_a_backup_without_an_id_is_not_rotated_and_rotates_nothing(
    tmp_path: Path,
) -> None:
    # Given a file from before practices had ids, with old backups of it
    folder = tmp_path / "backups"
    old_file = _practice(tmp_path / "old", revision="0003_homework_loop")
    old = _backups_at(old_file, folder, _hours(A_YEAR_AGO, 12))

    # When it is backed up again (as before its upgrade)
    new = backup.make_backup(old_file, folder, "pre-migration", now=NOW, audit=False)

    # Then nothing was deleted: whose backups these are cannot be told
    assert [b.path for b in backup.list_backups(folder)] == [*old, new.path]
