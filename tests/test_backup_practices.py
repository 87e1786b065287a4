"""Two practices whose files share a stem, in one folder: each keeps to its own backups.

The CLI runs in a child process (``python -m practice``), as a therapist would run it.
See ``practice.services.backup.backups_of`` for how a practice's backups are found.
"""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

from practice.db import migrate
from practice.db.identity import read_practice_id
from practice.services import backup

PAGE = 4096


def _practice(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "practice", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )


def _ok(folder: Path, *args: str) -> str:
    done = _practice(folder, *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _made(stdout: str) -> Path:
    return Path(stdout.splitlines()[-1])


def _clients(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM clients").fetchone()[0])
    finally:
        conn.close()


def _damage_every_page_but_the_first(path: Path) -> None:
    """Overwrite the bytes of every page after the header page: nothing reads, not
    even the practice id."""
    size = path.stat().st_size
    with open(path, "r+b") as f:
        f.seek(PAGE)
        f.write(b"\xa5" * (size - PAGE))


def _two_practices(tmp_path: Path) -> tuple[Path, Path]:
    """The attacker's folder: an empty clinic.sqlite3 and a demo clinic.db, each backed up
    (clinic.db last), both into ``backups`` as ``clinic.<time>.manual.sqlite3``."""
    _ok(tmp_path, "--db", "clinic.sqlite3", "migrate", "--create")
    own = _made(_ok(tmp_path, "--db", "clinic.sqlite3", "backup"))
    _ok(tmp_path, "--db", "clinic.db", "migrate", "--create")
    _ok(tmp_path, "--db", "clinic.db", "seed-demo")
    other = _made(_ok(tmp_path, "--db", "clinic.db", "backup"))
    assert own.parent == other.parent and own.name < other.name
    assert _clients(own) == 0 and _clients(other) > 0
    return own, other


def test_a_damaged_practice_is_offered_its_own_backup_not_a_namesakes(tmp_path):
    # Given two practices named clinic.* backed up into one folder, the other one last
    own, other = _two_practices(tmp_path)
    # When clinic.sqlite3 is damaged and opened
    _damage_every_page_but_the_first(tmp_path / "clinic.sqlite3")
    done = _practice(tmp_path, "--db", "clinic.sqlite3", "clients")
    # Then the hint names its own backup, never clinic.db's
    assert done.returncode != 0
    assert f"The latest good backup is {own.name}" in done.stderr
    assert other.name not in done.stderr
    # and restoring clinic.db's backup over it is refused as another practice's
    damaged = hashlib.sha256((tmp_path / "clinic.sqlite3").read_bytes()).hexdigest()
    done = _practice(tmp_path, "restore", other.name, "--db", "clinic.sqlite3")
    assert done.returncode != 0
    assert "clinic.sqlite3 cannot be read" in done.stderr and "another practice" in done.stderr
    assert "Nothing was restored" in done.stderr and "--other-practice" in done.stderr
    assert hashlib.sha256((tmp_path / "clinic.sqlite3").read_bytes()).hexdigest() == damaged
    # while its own backup restores
    _ok(tmp_path, "restore", own.name, "--db", "clinic.sqlite3")


def test_restoring_another_practices_backup_is_refused_unless_asked_for(tmp_path):
    # Given two practices named clinic.*, both readable
    _own, other = _two_practices(tmp_path)
    target = tmp_path / "clinic.sqlite3"
    before = hashlib.sha256(target.read_bytes()).hexdigest()
    # When clinic.db's backup is restored over clinic.sqlite3
    done = _practice(tmp_path, "restore", other.name, "--db", "clinic.sqlite3")
    # Then it is refused, saying why and how to insist, and nothing changed
    assert done.returncode != 0
    assert f"{other.name} is a backup of another practice" in done.stderr
    assert "--other-practice" in done.stderr
    assert hashlib.sha256(target.read_bytes()).hexdigest() == before
    assert not list(tmp_path.glob("clinic.before-restore-*"))
    assert _clients(target) == 0
    # and with --other-practice it is done, and the folder now knows the file holds it
    _ok(tmp_path, "restore", other.name, "--db", "clinic.sqlite3", "--other-practice")
    assert _clients(target) == _clients(other)
    assert backup.remembered_practice_id(other.parent, target) == read_practice_id(other)


def test_a_file_named_backups_in_the_way_is_named(tmp_path):
    _ok(tmp_path, "--db", "p.sqlite3", "migrate", "--create")
    (tmp_path / "backups").write_text("not a folder\n")

    done = _practice(tmp_path, "--db", "p.sqlite3", "backup")

    assert done.returncode != 0
    assert "there is a file named backups in" in done.stderr
    assert "Move or rename that file" in done.stderr
    assert "Errno" not in done.stderr
    assert (tmp_path / "backups").read_text() == "not a folder\n"


def test_latest_good_backup_and_daily_check_keep_to_the_practices_own(tmp_path):
    # Given a.sqlite3 backed up yesterday, and another practice a.db backed up just now
    from datetime import UTC, datetime, timedelta

    folder = tmp_path / "backups"
    mine, theirs = tmp_path / "a.sqlite3", tmp_path / "a.db"
    migrate.upgrade(mine)
    migrate.upgrade(theirs)
    now = datetime.now(UTC)
    old = backup.make_backup(mine, folder, audit=False, now=now - timedelta(hours=30)).path
    new = backup.make_backup(theirs, folder, audit=False, now=now).path
    # Then a.sqlite3's latest backup is its own, its daily backup is still due,
    assert backup.latest_good_backup(folder, mine) == old
    assert backup.daily_backup_due(folder, mine, now=now)
    # and each lists only its own backups
    assert [b.path for b in backup.backups_of(folder, mine)] == [old]
    assert [b.path for b in backup.backups_of(folder, theirs)] == [new]


def test_a_damaged_practice_without_a_record_is_never_guessed(tmp_path):
    # Given two practices' backups under one stem, and no record of which is which
    folder = tmp_path / "backups"
    mine, theirs = tmp_path / "a.sqlite3", tmp_path / "a.db"
    migrate.upgrade(mine)
    migrate.upgrade(theirs)
    backup.make_backup(mine, folder, audit=False)
    backup.make_backup(theirs, folder, audit=False)
    (folder / backup.IDS_FILE).unlink()
    # When a.sqlite3 cannot be read
    _damage_every_page_but_the_first(mine)
    # Then no backup is taken for it
    assert backup.latest_good_backup(folder, mine) is None
