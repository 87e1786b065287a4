"""No output overwrites the practice: every ``-o`` refuses the practice, its own files and
its backups (by path, through links), and replaces another file only with ``--force``."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from practice import files
from practice.cli import main
from practice.db import migrate
from practice.db.engine import Database
from practice.services import backup, demo, homework

DAY = date(2025, 3, 12)
Argv = Callable[[Path], list[str]]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, int]]]:
    path = tmp_path_factory.mktemp("cli_outputs") / "seeded.sqlite3"
    migrate.upgrade(path)
    database = Database(path)
    with database.session() as s:
        summary = demo.seed_demo(s, today=DAY)
        ids = {
            "client": summary.improver_id,
            "assignment": homework.active_for_client(s, summary.improver_id)[0].id,
        }
    database.dispose()
    yield path, ids


@pytest.fixture
def practice(seeded: tuple[Path, dict[str, int]], tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the demo practice, and its backups folder (the default one) with a backup."""
    path = tmp_path / "practice.sqlite3"
    shutil.copyfile(seeded[0], path)
    made = backup.make_backup(path, backup.default_backup_dir(path), audit=False)
    return path, made.path


def _commands(ids: dict[str, int]) -> dict[str, Argv]:
    client, assignment = str(ids["client"]), str(ids["assignment"])
    return {
        "prep": lambda t: ["prep", "--client", client, "-o", str(t)],
        "sheet": lambda t: [
            "sheet",
            "--template",
            "mood_log",
            "--level",
            "plain",
            "--lang",
            "en",
            "-o",
            str(t),
        ],  # fmt: skip
        "sheet --assignment": lambda t: ["sheet", "--assignment", assignment, "-o", str(t)],
        "week-sheets": lambda t: [
            "week-sheets",
            "--from",
            "2025-03-10",
            "--to",
            "2025-03-16",
            "-o",
            str(t),
        ],  # fmt: skip
        "reminder-card": lambda t: ["reminder-card", "--assignment", assignment, "-o", str(t)],
        "alarm": lambda t: ["alarm", "--assignment", assignment, "-o", str(t)],
        "encrypt --recovery-pdf": lambda t: ["encrypt", "--recovery-pdf", str(t)],
        "export": lambda t: ["export", "-o", str(t)],
        "report what-works": lambda t: ["report", "what-works", "-o", str(t)],
    }


COMMANDS = list(_commands({"client": 0, "assignment": 0}))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _state(path: Path, backup_path: Path) -> tuple[str, list[str], str]:
    folder = backup_path.parent
    return _digest(path), sorted(p.name for p in folder.iterdir()), _digest(backup_path)


def test_the_one_check_protects_the_practice_its_files_and_its_backups(tmp_path: Path) -> None:
    # Given a practice, its backups folder with a backup, and links to both
    practice, backups = tmp_path / "data" / "practice.sqlite3", tmp_path / "data" / "backups"
    backups.mkdir(parents=True)
    practice.write_bytes(b"a practice")
    kept = backups / "practice.20261126T101500Z.daily.sqlite3"
    kept.write_bytes(b"a backup")
    (tmp_path / "link").symlink_to(practice)
    (tmp_path / "folder-link").symlink_to(practice.parent)
    os.link(practice, tmp_path / "hard.pdf")
    os.link(kept, tmp_path / "hard-backup.pdf")
    (tmp_path / "other.pdf").write_bytes(b"mine")
    elsewhere = tmp_path / "elsewhere" / "backups"
    elsewhere.mkdir(parents=True)

    def refused(target: Path) -> bool:
        return files.protected_reason(target, practice, backups) is not None

    # Then the practice, each companion, the backups folder and anything in it are refused,
    # also through a symbolic link or a hard link
    for suffix in ("", "-wal", "-shm", "-journal", ".lock", ".key.json", ".audit-key"):
        assert refused(Path(f"{practice}{suffix}")), suffix
    assert refused(backups) and refused(kept) and refused(backups / "new.pdf")
    assert refused(backups / "sub" / "new.pdf")
    assert refused(tmp_path / "link") and refused(tmp_path / "folder-link" / "practice.sqlite3")
    assert refused(tmp_path / "hard.pdf") and refused(tmp_path / "hard-backup.pdf")
    assert refused(practice.parent / "." / "practice.sqlite3")
    # and other files, new or existing, are not: a file of the same name elsewhere included
    assert not refused(tmp_path / "other.pdf") and not refused(tmp_path / "new.pdf")
    assert not refused(tmp_path / "practice.sqlite3") and not refused(elsewhere / "x.pdf")
    assert not refused(practice.parent / "practice.sqlite3.pdf")


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("where", ["the practice", "a hard link to it", "the backups folder"])
def test_no_command_writes_over_the_practice_or_its_backups(
    seeded: tuple[Path, dict[str, int]],
    practice: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    where: str,
) -> None:
    # Given a practice with a backup, and an output path that is one of its files
    path, kept = practice
    monkeypatch.setenv("PRACTICE_NEW_PASSPHRASE", "correct horse battery")
    if where == "the practice":
        target = path
    elif where == "a hard link to it":
        target = tmp_path / "output.pdf"
        os.link(path, target)
    else:
        target = kept.parent / "output.pdf"
    before = _state(path, kept)

    # When the command is told to write there, even with --force
    argv = ["--db", str(path), *_commands(seeded[1])[command](target), "--force"]
    status = main(argv)

    # Then it refuses, says why, and the practice and its backups are as they were (a
    # practice with a second name is refused before any command: it would have two locks)
    assert status == 1
    err = capsys.readouterr().err
    if where == "a hard link to it":
        assert "has another name on this disk (a hard link)" in err and "Nothing was changed" in err
    else:
        assert "nothing was written" in err
        assert any(w in err for w in ("the practice file", "backups folder"))
    assert _state(path, kept) == before
    assert not (kept.parent / "output.pdf").exists()


FILE_COMMANDS = [c for c in COMMANDS if c != "export"]


@pytest.mark.parametrize("command", FILE_COMMANDS)
def test_an_existing_file_is_replaced_only_with_force(
    seeded: tuple[Path, dict[str, int]],
    practice: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: str,
) -> None:
    # Given a file of the user's where the output would go
    path, _ = practice
    monkeypatch.setenv("PRACTICE_NEW_PASSPHRASE", "correct horse battery")
    target = tmp_path / "mine.out"
    target.write_bytes(b"the user's own file")
    argv = ["--db", str(path), *_commands(seeded[1])[command](target)]

    # When the command runs without --force, Then it refuses and the file is unchanged
    assert main(argv) == 1
    assert "already exists; use --force" in capsys.readouterr().err
    assert target.read_bytes() == b"the user's own file"

    # When it runs with --force, Then the file is replaced by the output
    assert main([*argv, "--force"]) == 0
    assert target.read_bytes().startswith((b"%PDF-1.", b"BEGIN:VCALENDAR"))


def test_export_into_a_folder_with_files_needs_force_and_spares_the_practice(
    practice: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a folder with a letter and an old export's clients.csv
    path, _ = practice
    out = tmp_path / "exports"
    out.mkdir()
    (out / "letter.txt").write_text("kept")
    (out / "clients.csv").write_text("old")

    # When exported there without --force, Then it refuses and nothing changes
    assert main(["--db", str(path), "export", "-o", str(out)]) == 1
    assert "--force" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["clients.csv", "letter.txt"]

    # When with --force, Then the export's files are written and the letter is kept
    assert main(["--db", str(path), "export", "-o", str(out), "--force"]) == 0
    assert (out / "letter.txt").read_text() == "kept"
    assert (out / "clients.csv").read_text().startswith("id,first_name")
    assert (out / "README.txt").exists() and not [p for p in out.iterdir() if p.name[0] == "."]

    # Given a clients.csv that is another name of the practice file
    hard = tmp_path / "tricky"
    hard.mkdir()
    os.link(path, hard / "clients.csv")
    before = _digest(path)
    # When exported there with --force, Then it refuses and the practice is untouched
    assert main(["--db", str(path), "export", "-o", str(hard), "--force"]) == 1
    assert "has another name on this disk (a hard link)" in capsys.readouterr().err
    assert _digest(path) == before and sorted(p.name for p in hard.iterdir()) == ["clients.csv"]
