"""A new practice is made only when asked (``--create``); a wrong path creates nothing."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from practice.cli import main
from practice.db import migrate


def _everything(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def _commands(out: Path) -> dict[str, list[str]]:
    """Every command that needs a practice, with arguments that would otherwise work."""
    csv = out / "clients.csv"
    csv.write_text("first_name,last_name\nNoor,Haddad\n", encoding="utf-8")
    return {
        "clients": ["clients"],
        "check": ["check"],
        "today": ["today"],
        "prep": ["prep", "--client", "1", "-o", str(out / "prep.pdf")],
        "sheet": ["sheet", "--assignment", "1", "-o", str(out / "sheet.pdf")],
        "week-sheets": ["week-sheets", "--from", "2026-03-02", "--to", "2026-03-08", "-o", "w.pdf"],
        "alarm": ["alarm", "--assignment", "1", "-o", str(out / "a.ics")],
        "import-sheet": ["import-sheet", str(out / "filled.pdf")],
        "measure-sheet": ["measure-sheet", "--client", "1", "--measure", "phq9", "-o", "m.pdf"],
        "enter-form": ["enter-form", "K7Q2MB", "--answers", "0,0,0,0,0,0,0,0,0"],
        "reminder-card": ["reminder-card", "--assignment", "1", "-o", str(out / "c.pdf")],
        "export": ["export", "-o", str(out / "export")],
        "import-clients --dry-run": ["import-clients", "--dry-run", str(csv)],
        "import-clients": ["import-clients", str(csv)],
        "backup": ["backup"],
        "migrate": ["migrate"],
        "seed-demo": ["seed-demo"],
    }


COMMANDS = [
    "clients",
    "check",
    "today",
    "prep",
    "sheet",
    "week-sheets",
    "alarm",
    "import-sheet",
    "measure-sheet",
    "enter-form",
    "reminder-card",
    "export",
    "import-clients --dry-run",
    "import-clients",
    "backup",
    "migrate",
    "seed-demo",
]


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("name", COMMANDS)
def test_a_mistyped_folder_creates_nothing(tmp_path, out, capsys, name):
    # Given a path whose folders do not exist
    typo = tmp_path / "typo" / "dir" / "x.sqlite3"

    # When a command is run on it
    status = main([*_commands(out)[name], "--db", str(typo)])

    # Then it fails with a clear line, and no folder, file or lock was made
    err = capsys.readouterr().err
    assert status == 1 and "Traceback" not in err
    assert "does not exist" in err
    assert not (tmp_path / "typo").exists()
    assert _everything(out) == ["clients.csv"]


@pytest.mark.parametrize("name", COMMANDS)
def test_a_missing_file_is_not_made_without_create(tmp_path, out, capsys, name):
    # Given an existing folder without a practice in it
    folder = tmp_path / "practice"
    folder.mkdir()
    path = folder / "practice.sqlite3"

    # When a command is run on the missing file
    status = main([*_commands(out)[name], "--db", str(path)])

    # Then it refuses, names the way to create one, and leaves the folder empty
    err = capsys.readouterr().err
    assert status == 1 and "Traceback" not in err
    assert f"practice migrate --create --db {path}" in err
    assert _everything(folder) == []
    assert _everything(out) == ["clients.csv"]


@pytest.mark.parametrize("command", ["migrate", "seed-demo"])
def test_create_makes_a_private_practice_in_an_existing_folder(tmp_path, capsys, command):
    # Given an existing folder
    path = tmp_path / "new.sqlite3"

    # When the command is asked to create the practice
    assert main([command, "--create", "--db", str(path)]) == 0

    # Then there is a whole practice, readable by the user only, and nothing else (the
    # demo's audit trail is keyed with a secret kept beside the file, owner-only too)
    made = ["new.sqlite3"] + (["new.sqlite3.audit-key"] if command == "seed-demo" else [])
    assert _everything(tmp_path) == made
    assert {stat.S_IMODE((tmp_path / name).stat().st_mode) for name in made} == {0o600}
    assert migrate.inspect(path).at_head
    capsys.readouterr()


def test_create_still_refuses_a_missing_folder(tmp_path, capsys):
    path = tmp_path / "no-such-folder" / "new.sqlite3"

    assert main(["migrate", "--create", "--db", str(path)]) == 1

    assert "does not exist" in capsys.readouterr().err
    assert not path.parent.exists()


def test_create_at_the_default_place_makes_the_private_data_folder(tmp_path, capsys):
    # Given no data folder yet (the first run: PRACTICE_DATA_DIR is tmp_path/data)
    data = tmp_path / "data"
    assert not data.exists()

    # When a practice is created at the default place
    assert main(["migrate", "--create"]) == 0

    # Then the data folder is made, private, with the practice in it
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert migrate.inspect(data / "practice.sqlite3").at_head
    capsys.readouterr()


def test_a_start_killed_while_creating_leaves_no_practice_file(tmp_path, capsys):
    # Given a creation interrupted before the new file was moved into place
    path = tmp_path / "new.sqlite3"
    leftover = tmp_path / "new.sqlite3.creating"
    leftover.write_bytes(b"SQLite format 3\x00" + b"\0" * 100)

    # When it is created again
    assert main(["migrate", "--create", "--db", str(path)]) == 0

    # Then the leftover is gone and the practice is whole
    assert not leftover.exists()
    assert migrate.inspect(path).at_head
    capsys.readouterr()
