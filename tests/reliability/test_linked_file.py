"""A practice file reached through a symbolic link or a hard link (``--db``).

A link is followed to the real file, so the lock, the audit key and the backups are
those of the real file whichever name opened it; a hard-linked file is refused before
anything is written. Real ``python -m practice`` processes on real files.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from _app_process import APP_ANSWERING_BOXES, app_window
from _lock_holder import lock_held_by_child
from practice.db import file_access, migrate


def practice(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "practice", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def _listing(*folders: Path) -> dict[str, str]:
    """Every file under ``folders`` with the digest of its bytes (a link: its target)."""
    found = {}
    for folder in folders:
        for item in sorted(folder.rglob("*")):
            if item.is_symlink():
                found[str(item)] = "-> " + os.readlink(item)
            elif item.is_file():
                found[str(item)] = hashlib.sha256(item.read_bytes()).hexdigest()
            else:
                found[str(item)] = "folder"
    return found


@pytest.fixture
def linked(tmp_path: Path) -> tuple[Path, Path]:
    """``real/p.sqlite3`` (a practice) and ``other/p.sqlite3``, a symlink to it."""
    (tmp_path / "real").mkdir()
    (tmp_path / "other").mkdir()
    real = tmp_path / "real" / "p.sqlite3"
    migrate.upgrade(real)
    link = tmp_path / "other" / "p.sqlite3"
    link.symlink_to(real)
    return real, link


def test_the_lock_taken_through_a_symlink_is_the_real_files(linked):
    real, link = linked
    with lock_held_by_child(real):
        done = practice("backup", "--db", link)
        assert done.returncode == 1, done.stdout
        assert "in use" in done.stderr or "is open" in done.stderr, done.stderr
    holder = subprocess.Popen(  # the GUI's way in: the path as given, then resolved
        [
            sys.executable,
            "-c",
            "import sys\nfrom pathlib import Path\nfrom practice.db.file_access import "
            "practice_file\nfrom practice.db.lock import DatabaseLock\n"
            "l = DatabaseLock(practice_file(Path(sys.argv[1])), program='Practice').acquire()\n"
            "print('held', flush=True)\nsys.stdin.readline()\nl.release()\n",
            str(link),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert not (link.parent / "p.sqlite3.lock").exists()
        done = practice("backup", "--db", real)
        assert done.returncode == 1 and "in use" in done.stderr, done.stderr
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=10)


def test_a_backup_through_a_symlink_keeps_one_audit_key_and_check_clean(linked):
    real, link = linked
    assert practice("backup", "--db", real).returncode == 0
    done = practice("backup", "--db", link)
    assert done.returncode == 0, done.stderr

    assert sorted(p.name for p in link.parent.iterdir()) == ["p.sqlite3"]  # the link only
    assert (real.parent / "p.sqlite3.audit-key").is_file()
    assert len(list((real.parent / "backups").glob("p.*.manual.sqlite3"))) == 2
    for name in (real, link):
        check = practice("check", "--db", name)
        assert check.returncode == 0, check.stdout + check.stderr
        assert "PROBLEMS" not in check.stdout and "replaced" not in check.stdout


def test_a_restore_through_a_symlink_replaces_the_real_file_and_keeps_the_link(linked):
    real, link = linked
    made = practice("backup", "--db", real)
    assert made.returncode == 0, made.stderr
    source = Path(made.stdout.splitlines()[-1])
    assert practice("seed-demo", "--db", real).returncode == 0  # changed after the backup

    done = practice("restore", str(source), "--db", link)
    assert done.returncode == 0, done.stderr

    assert link.is_symlink() and link.resolve() == real.resolve()
    assert real.is_file() and not real.is_symlink()
    clients = practice("clients", "--db", link)
    assert clients.returncode == 0 and clients.stdout == "", clients.stdout  # the backup's
    kept = [p for p in real.parent.iterdir() if p.name.startswith("p.") and "before" in p.name]
    assert kept and all(p.is_file() and not p.is_symlink() for p in kept)
    assert sorted(p.name for p in link.parent.iterdir()) == ["p.sqlite3"]


@pytest.mark.parametrize("command", ["backup", "check", "migrate", "clients"])
def test_a_hard_linked_practice_is_refused_and_nothing_is_written(tmp_path, command):
    (tmp_path / "real").mkdir()
    (tmp_path / "other").mkdir()
    real = tmp_path / "real" / "p.sqlite3"
    migrate.upgrade(real)
    other = tmp_path / "other" / "p.sqlite3"
    os.link(real, other)
    before = _listing(tmp_path)

    for name in (other, real):
        done = practice(command, "--db", name)
        assert done.returncode == 1, done.stdout
        assert "another name" in done.stderr and "one name only" in done.stderr, done.stderr
        assert "Nothing was changed" in done.stderr

    assert _listing(tmp_path) == before


def test_with_the_app_open_on_the_real_file_commands_through_the_link_are_refused(linked, tmp_path):
    real, link = linked
    made = practice("backup", "--db", real)
    assert made.returncode == 0, made.stderr
    source = Path(made.stdout.splitlines()[-1])
    log = tmp_path / "data" / "logs" / "practice.log"
    with app_window(["--db", str(real)], os.environ, log) as app:
        assert app.poll() is None, app.communicate()[0]
        before = _listing(tmp_path / "real", tmp_path / "other")

        for args in (
            ["backup", "--db", link],
            ["restore", source, "--other-practice", "--db", link],
        ):
            done = practice(*args)
            assert done.returncode == 1, done.stdout
            assert "in use" in done.stderr, done.stderr

        assert link.is_symlink() and sorted(p.name for p in link.parent.iterdir()) == ["p.sqlite3"]
        assert _listing(tmp_path / "other") == {
            k: v for k, v in before.items() if k.startswith(str(tmp_path / "other"))
        }


def test_the_app_refuses_a_hard_linked_practice_and_writes_nothing(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "other").mkdir()
    real = tmp_path / "real" / "p.sqlite3"
    migrate.upgrade(real)
    other = tmp_path / "other" / "p.sqlite3"
    os.link(real, other)
    before = _listing(tmp_path / "real", tmp_path / "other")

    done = subprocess.run(
        [sys.executable, "-c", APP_ANSWERING_BOXES, str(other)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert done.returncode != 0
    assert f"BOX: {other} has another name" in done.stdout, done.stdout + done.stderr
    assert "one name only" in done.stdout
    assert _listing(tmp_path / "real", tmp_path / "other") == before


def test_the_copy_a_killed_restore_keeps_is_not_taken_for_another_name(tmp_path):
    # Given a practice and the hard link a restore makes of it before putting the
    # restored copy in place (killed there, so both names remain)
    path = tmp_path / "p.sqlite3"
    migrate.upgrade(path)
    os.link(path, file_access.before_restore_name(path, "20261205T230000Z"))
    # When a command opens it
    done = practice("check", "--db", path)
    # Then it opens: the second name is the restore's own copy, not another practice
    assert done.returncode == 0, done.stderr
    # but a third name anywhere else is refused
    os.link(path, tmp_path / "elsewhere.sqlite3")
    refused = practice("check", "--db", path)
    assert refused.returncode == 1 and "has another name" in refused.stderr
