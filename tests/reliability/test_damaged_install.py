"""A copy of Practice whose upgrade scripts are incomplete says so, and touches nothing.

The test runs a real installed-like copy of the package: ``src/practice`` with its
``migrations`` and ``resources`` folders inside it, as a wheel lays them out, put first
on ``PYTHONPATH``; the app finds its scripts there through ``practice.paths.migrations_dir``
as it does when installed. One script is then deleted, emptied, cut in half or made
unreadable, and every way in (commands, the app) must say the copy is damaged.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

import practice
from _app_process import APP_ANSWERING_BOXES
from practice.db import migrate
from practice.paths import migrations_dir, resource_dir

DAMAGED = (
    "This copy of Practice is damaged (its database upgrade scripts are incomplete). "
    "Reinstall Practice. Your practice was not changed."
)
NEWEST = "0010_two_computers.py"


def test_the_released_head_is_the_head_of_the_scripts():
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    assert scripts.get_heads() == [migrate.RELEASED_HEAD]
    assert migrate.known_revisions()[1] == migrate.RELEASED_HEAD


def _copy(tmp_path: Path) -> Path:
    """``site/practice``: the package with its scripts and data files, as installed."""
    site = tmp_path / "site"
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(Path(practice.__file__).parent, site / "practice", ignore=ignore)
    shutil.copytree(str(migrations_dir()), site / "practice" / "migrations", ignore=ignore)
    shutil.copytree(str(resource_dir()), site / "practice" / "resources", ignore=ignore)
    return site


def _run(site: Path, *args: str, script: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site), "QT_QPA_PLATFORM": "offscreen"}
    command = ["-c", script, *args] if script else ["-m", "practice", *args]
    return subprocess.run(
        [sys.executable, *command], env=env, capture_output=True, text=True, timeout=120
    )


def _listing(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        if p.is_file()
        else "folder"
        for p in sorted(folder.rglob("*"))
    }


def _damage(site: Path, how: str) -> None:
    versions = site / "practice" / "migrations" / "versions"
    newest = versions / NEWEST
    if how == "deleted":
        newest.unlink()
    elif how == "emptied":
        newest.write_bytes(b"")
    elif how == "cut in half":
        data = newest.read_bytes()
        newest.write_bytes(data[: len(data) // 2])
    elif how == "unreadable":  # an older one, not valid text (a bad disk block)
        first = versions / "0003_homework_loop.py"
        first.write_bytes(b"\xff\xfe\x00" + first.read_bytes()[3:])
    else:
        raise AssertionError(how)


@pytest.mark.parametrize("how", ["deleted", "emptied", "cut in half", "unreadable"])
def test_incomplete_upgrade_scripts_are_a_damaged_copy_and_nothing_changes(tmp_path, how):
    site = _copy(tmp_path)
    place = tmp_path / "place"
    place.mkdir()
    path = place / "p.sqlite3"
    made = _run(site, "seed-demo", "--create", "--db", str(path))  # the whole copy works
    assert made.returncode == 0, made.stderr
    assert _run(site, "check", "--db", str(path)).returncode == 0
    _damage(site, how)
    before = _listing(place)

    for args in (
        ["check", "--db", str(path)],
        ["clients", "--db", str(path)],
        ["backup", "--db", str(path)],
        ["migrate", "--db", str(path)],
        ["seed-demo", "--create", "--db", str(place / "new.sqlite3")],
    ):
        done = _run(site, *args)
        assert done.returncode == 1, (args, done.stdout)
        assert done.stderr.strip() == f"practice: {DAMAGED}", (args, done.stderr)
        assert "newer version" not in done.stdout + done.stderr

    gui = _run(site, str(path), script=APP_ANSWERING_BOXES)
    assert gui.returncode != 0
    assert f"BOX: {DAMAGED}" in gui.stdout, gui.stdout + gui.stderr
    assert "TITLE: This copy of Practice is damaged" in gui.stdout
    assert "newer version" not in gui.stdout + gui.stderr

    assert _listing(place) == before
