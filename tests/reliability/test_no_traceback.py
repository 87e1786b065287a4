"""No traceback reaches a user of the command line: every failure is one line on stderr
and a non-zero status, with no client data; the details of a bug go to the log file.

The commands run as child processes on real faults: a closed pipe, Ctrl+C, a small
full disk (a tmpfs, as root), a read-only file or folder.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from _faults import practice, read_only, small_disk
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError

from practice.db import migrate
from practice.db.engine import Database
from practice.db.models import Client
from practice.logs import log_path
from practice.services import demo

SECRET = "Secretname"


def _csv(path: Path, rows: int) -> Path:
    lines = [f"Ana{i},{SECRET}{i},ana{i}@example.org" for i in range(rows)]
    path.write_text("first_name,last_name,email\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def _single_file(path: Path) -> Path:
    """Fold the WAL into the file, so that the file alone is the practice."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    return path


def _one_clear_line(done: subprocess.CompletedProcess[str]) -> str:
    """The one line a failed command printed; it fails the test on a traceback."""
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("practice: "), done.stderr
    return lines[0]


@pytest.fixture
def demo_db(db: Database, db_path: Path) -> Path:
    with db.session() as s:
        demo.seed_demo(s)
    db.dispose()
    return db_path


# ---- pipes, Ctrl+C, bugs -------------------------------------------------------------


def test_a_closed_pipe_ends_quietly(demo_db: Path) -> None:
    # Given a reader that has gone away, as `practice clients | head -0` leaves it
    read_end, write_end = os.pipe()
    os.close(read_end)

    # When the client list is written into it
    try:
        done = practice("--db", str(demo_db), "clients", stdout=write_end)
    finally:
        os.close(write_end)

    # Then the command stops without a word on stderr (Python's advice for SIGPIPE)
    assert done.stderr == ""
    assert done.returncode == 1


def _as_from_a_terminal() -> None:
    """Ctrl+C as a terminal delivers it: a suite started in the background (``cmd &``)
    hands its children SIGINT ignored, and Python then keeps ignoring it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_is_one_line_and_status_130(tmp_path: Path) -> None:
    # Given a command interrupted by a real SIGINT while it runs
    probe = (
        "import os, signal, time\n"
        "from practice.cli.errors import report_errors\n"
        "def command():\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    time.sleep(30)\n"
        "    return 0\n"
        "raise SystemExit(report_errors(command))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False,
        preexec_fn=_as_from_a_terminal,
    )  # fmt: skip

    # Then it says so in one line, with the shell's status for Ctrl+C
    assert done.returncode == 130
    assert _one_clear_line(done) == "practice: interrupted."


def test_ctrl_c_while_the_command_still_loads_is_one_line(tmp_path: Path) -> None:
    # Given the command started as users start it, interrupted while its code loads
    # (a real SIGINT, from the moment the interpreter runs: before main() exists)
    probe = (
        "import os, signal, sys\n"
        "class InterruptWhileLoading:\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name == 'practice.cli.entry':\n"
        "            os.kill(os.getpid(), signal.SIGINT)\n"
        "sys.meta_path.insert(0, InterruptWhileLoading())\n"
        "from practice.launch import run\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe + "run()\n"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=_as_from_a_terminal,
    )
    # Then no traceback: one line and the status for Ctrl+C
    assert done.returncode == 130, done.stderr[-500:]
    assert _one_clear_line(done) == "practice: interrupted."


def test_a_name_that_would_drive_the_terminal_is_shown_escaped(db: Database, db_path) -> None:
    # Given a client whose name carries an escape sequence, a bell and a tab
    with db.session() as s:
        s.execute(
            insert(Client).values(
                first_name="Zelda\x1b]0;pwned\x07",
                last_name="Quin\ttanilla\x1b[2J",
                sort_name="quintanilla zelda",
                identity_key="zelda quintanilla|",
            )
        )
    db.dispose()
    # When the clients are listed
    done = practice("--db", str(db_path), "clients")
    # Then the characters are shown, not obeyed, and the line keeps its six columns
    assert done.returncode == 0, done.stderr
    [line] = done.stdout.splitlines()
    assert "\x1b" not in line and "\x07" not in line
    assert "Quin\\u0009tanilla\\u001b[2J, Zelda\\u001b]0;pwned\\u0007" in line
    assert len(line.split("\t")) == 6


def test_a_bug_is_one_line_and_its_traceback_goes_to_the_private_log(demo_db: Path) -> None:
    # Given a command that meets a bug whose message holds a client's name
    probe = (
        "import sys\n"
        "from practice.services import clients\n"
        "def broken(db):\n"
        f"    raise ValueError(\"no row for 'Ana {SECRET}'\")\n"
        "clients.list_rows = broken\n"
        "from practice.cli import main\n"
        "raise SystemExit(main(sys.argv[1:]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, "--db", str(demo_db), "clients"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    # Then the user reads one line naming the log file
    log = log_path()
    line = _one_clear_line(done)
    assert line == f"practice: Practice hit an unexpected problem; details are in {log}"
    # and the log has the traceback without the name, readable by the user only
    text = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last):" in text
    assert "ValueError: <message hidden: 27 characters>" in text and SECRET not in text
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700


def test_statement_parameters_never_reach_an_error_message(db: Database) -> None:
    # Given a client row that the database refuses (it lacks its sort name)
    row = insert(Client).values(first_name="Ana", last_name=SECRET, email="ana@example.org")

    # When it is written
    with pytest.raises(IntegrityError) as failed, db.session() as s:
        s.execute(row)

    # Then the error names the statement but none of its values
    assert "NOT NULL constraint failed" in str(failed.value)
    assert SECRET not in str(failed.value) and "ana@example.org" not in str(failed.value)


# ---- full disk, read-only file or folder (finding 19) ----------------------------------


def test_a_full_disk_during_import_clients_is_one_line(tmp_path: Path) -> None:
    # Given a practice on a small disk (room for the empty practice and a little more),
    # and more clients than fit on it
    empty = tmp_path / "empty.sqlite3"
    migrate.upgrade(empty)
    size_kib = _single_file(empty).stat().st_size // 1024
    with small_disk(tmp_path / "disk", size_kib + 300) as disk:
        path = disk / "practice.sqlite3"
        shutil.copyfile(empty, path)
        path.chmod(0o600)  # as the app makes it

        # When they are imported
        done = practice("--db", str(path), "import-clients", str(_csv(tmp_path / "c.csv", 6000)))

        # Then one line says the disk is full, with no client data; nothing was imported
        line = _one_clear_line(done)
        assert "disk is full" in line and SECRET not in done.stderr
        conn = sqlite3.connect(path)
        assert conn.execute("SELECT count(*) FROM clients").fetchone() == (0,)
        conn.close()


def test_a_full_disk_during_encrypt_is_one_line(tmp_path: Path) -> None:
    # Given a practice of 3000 clients on a disk with room for less than a second copy
    big = tmp_path / "big.sqlite3"
    migrate.upgrade(big)
    assert (
        practice("--db", str(big), "import-clients", str(_csv(tmp_path / "c.csv", 3000))).returncode
        == 0
    )
    size_kib = _single_file(big).stat().st_size // 1024
    with small_disk(tmp_path / "disk", size_kib + 150) as disk:
        path = disk / "practice.sqlite3"
        shutil.copyfile(big, path)

        # When it is encrypted
        done = practice(
            "--db", str(path), "encrypt", PRACTICE_NEW_PASSPHRASE="a long enough passphrase"
        )

        # Then one line says the disk is full; the practice is still the plain one
        assert "disk is full" in _one_clear_line(done)
        assert path.read_bytes() == big.read_bytes()


def test_a_read_only_database_file_is_one_line_without_client_data(
    db_path: Path, tmp_path: Path
) -> None:
    # Given a practice whose file cannot be written (its folder can)
    _single_file(db_path)
    with read_only(db_path):
        # When clients are imported into it
        done = practice("--db", str(db_path), "import-clients", str(_csv(tmp_path / "c.csv", 3)))

    # Then one line says it is read-only, and no client's name is printed
    line = _one_clear_line(done)
    assert "read-only" in line and SECRET not in done.stderr


@pytest.mark.parametrize("command", ["import-clients", "export"])
def test_a_read_only_folder_is_one_line(tmp_path: Path, command: str) -> None:
    # Given a practice in a folder that cannot be written
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "practice.sqlite3"
    migrate.upgrade(path)
    _single_file(path)
    args = (
        [str(_csv(tmp_path / "c.csv", 3))]
        if command == "import-clients"
        else ["-o", str(tmp_path / "out")]
    )
    with read_only(folder):
        # When a command that writes runs on it
        done = practice("--db", str(path), command, *args)

    # Then one line says what cannot be written, and that it is read-only
    line = _one_clear_line(done)
    assert "read-only" in line and SECRET not in done.stderr


def test_a_file_name_too_long_for_the_disk_is_its_own_line(tmp_path: Path) -> None:
    # Given a practice path whose file name is longer than the file system allows
    long = tmp_path / ("x" * 300 + ".sqlite3")
    # When a command is given it
    done = practice("--db", str(long), "clients")
    # Then one line says so (not "an unexpected problem"), and nothing was made
    assert _one_clear_line(done) == (
        "practice: a file name is too long for this disk; choose a shorter name. "
        "Nothing was changed."
    )
    assert list(tmp_path.iterdir()) == []


def _fill(disk: Path, leave: int) -> None:
    """Fill ``disk`` until only about ``leave`` bytes are free."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as out:
        try:
            while True:
                out.write(b"\0" * 4096)
        except OSError:
            pass
    with filler.open("r+b") as out:
        out.truncate(max(0, filler.stat().st_size - leave))


@pytest.mark.parametrize("command", [["check"], ["clients"], ["today"]])
def test_a_disk_too_full_to_open_the_practice_says_so_not_damaged(
    tmp_path: Path, command: list[str]
) -> None:
    # Given a practice on a full disk: no room for SQLite's index file (-shm)
    demo = tmp_path / "demo.sqlite3"
    assert practice("--db", str(demo), "seed-demo", "--create").returncode == 0
    size_kib = _single_file(demo).stat().st_size // 1024
    conn = sqlite3.connect(demo)  # as the app leaves it on a local disk: WAL, which
    conn.execute("PRAGMA journal_mode = WAL")  # needs an index file (-shm) to be read
    conn.close()
    with small_disk(tmp_path / "disk", size_kib + 200) as disk:
        path = disk / "practice.sqlite3"
        shutil.copyfile(demo, path)
        shutil.copyfile(
            demo.with_name(demo.name + ".audit-key"), disk / "practice.sqlite3.audit-key"
        )
        path.chmod(0o600)
        before = path.read_bytes()
        _fill(disk, 0)

        # When a command opens it
        done = practice("--db", str(path), *command)

        # Then it says the disk is full, not that the practice is damaged; nothing changed
        said = (done.stdout + done.stderr).replace(str(tmp_path), "")
        assert "the disk is full" in said, said
        assert "damaged" not in said.lower()
        assert done.returncode != 0, said
        assert path.read_bytes() == before
