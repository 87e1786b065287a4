"""A restore killed at any file operation leaves the old practice or the restored one,
whole; never no file, and never a journal of the old file applied to the new one."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from _kill_points import sweep
from alembic import command

from _children import kill_after_commit
from practice.cli import main
from practice.db import migrate
from practice.db.engine import Database, make_engine
from practice.services import backup, clients, restore
from practice.services.clients import ClientInput

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")

OLD = {"Amara", "Bao"}  # the current practice; Bao's commit is only in its -wal
NEW = {"Amara"}  # the backup


def _first_names(path: Path) -> set[str]:
    """The clients as the next start sees them: a read-write open, as the app's."""
    conn = sqlite3.connect(path)
    try:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise sqlite3.DatabaseError("integrity check failed")
        return {row[0] for row in conn.execute("SELECT first_name FROM clients")}
    finally:
        conn.close()


@pytest.fixture
def crashed_practice(db: Database, db_path: Path, tmp_path: Path) -> tuple[Path, Path]:
    """(folder with the practice and its -wal, a backup with one client fewer)."""
    with db.session() as s:
        clients.create(s, ClientInput(first_name="Amara", last_name="Okafor"))
    made = backup.make_backup(db_path, tmp_path / "backups", kind="manual")
    db.dispose()
    kill_after_commit(db_path, "Bao")
    pristine = tmp_path / "pristine"
    pristine.mkdir()
    for name in (db_path.name, f"{db_path.name}-wal"):
        shutil.copy2(db_path.with_name(name), pristine / name)
    return pristine, made.path


def test_a_restore_killed_at_any_file_operation_leaves_a_whole_practice(
    crashed_practice: tuple[Path, Path], tmp_path: Path, capsys
) -> None:
    # Given a practice whose last commit is only in its -wal, and a backup from before it
    pristine, made = crashed_practice
    work = tmp_path / "work"
    target = work / "practice.sqlite3"

    def reset() -> None:
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(pristine, work)

    left_copies = 0

    def check() -> list[str]:
        nonlocal left_copies
        if not target.is_file():
            return ["there is no practice file"]
        try:
            names = _first_names(target)
        except sqlite3.DatabaseError as exc:
            return [f"the practice cannot be read: {exc}"]
        if names not in (OLD, NEW):
            return [f"neither the old practice nor the backup: {sorted(names)}"]
        if Path(f"{target}.restoring").exists():  # the next open removes the half-made copy
            left_copies += 1
            assert main(["clients", "--db", str(target)]) == 0
            if Path(f"{target}.restoring").exists():
                return ["the copy of the interrupted restore stayed after the next open"]
        return []

    # When `practice restore` is killed before each of its file operations in turn
    result = sweep(work, ["restore", str(made), "--db", str(target)], reset=reset, check=check)

    # Then after every kill the practice was whole: the old one or the backup
    assert result.broken == [], result.broken[:5]
    assert result.kills >= 10 and left_copies >= 1, (result.kills, left_copies)
    # and the run that was not killed restored the backup, the old file kept aside with Bao
    assert result.finished_with == 0
    assert _first_names(target) == NEW
    [aside] = work.glob("practice.before-restore-*.sqlite3")
    assert _first_names(aside) == OLD
    capsys.readouterr()


def test_the_wal_of_the_old_file_is_folded_into_the_copy_kept_aside(
    crashed_practice: tuple[Path, Path], tmp_path: Path
) -> None:
    # Given a practice whose last commit is only in its -wal (a killed app)
    pristine, made = crashed_practice
    target = pristine / "practice.sqlite3"

    # When the backup is restored over it
    aside = restore.restore(target, made)

    # Then no journal of the old file is left beside the restored one
    assert aside is not None
    for suffix in ("-wal", "-shm", "-journal"):
        companion = Path(f"{target}{suffix}")
        assert not companion.exists() or companion.stat().st_size == 0
    # and the restored file holds the backup, the file kept aside the old practice whole
    assert _first_names(target) == NEW
    assert _first_names(aside) == OLD


def test_a_backup_from_an_older_schema_is_upgraded_before_it_takes_the_files_place(
    tmp_path: Path, capsys
) -> None:
    # Given a practice at the first schema revision, upgraded after its pre-migration backup
    path = tmp_path / "old.sqlite3"
    engine = make_engine(path, foreign_keys=False)
    with engine.connect() as conn:
        config = migrate.alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "0001_initial")
        conn.exec_driver_sql(
            "INSERT INTO clients (first_name, last_name, sort_name, identity_key, language,"
            " literacy_level, large_print, preferred_modality, reminder_channel,"
            " cannot_postpone, status, created_at, updated_at) VALUES ('Ines', 'Ferreira',"
            " 'ferreira ines', 'ines ferreira|', 'es', 'easy', 0, 'paper', 'none', 0, 'active',"
            " '2026-01-01 10:00:00', '2026-01-01 10:00:00')"
        )
        conn.commit()
    engine.dispose()
    assert main(["migrate", "--db", str(path)]) == 0
    [old] = backup.list_backups(backup.default_backup_dir(path), "old")
    assert old.kind == "pre-migration"

    # When that backup is restored
    assert main(["restore", old.path.name, "--db", str(path)]) == 0

    # Then the practice is at this version's schema, whole, with the backup's client
    assert migrate.inspect(path).at_head
    assert _first_names(path) == {"Ines"}
    assert not Path(f"{path}.restoring").exists()
    capsys.readouterr()
