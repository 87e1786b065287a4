"""The command line, run in-process through practice.cli.main."""

from __future__ import annotations

import hashlib
import importlib.metadata
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from practice.cli import main
from practice.db import migrate
from practice.services import clients
from practice.services.clients import ClientInput


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def newer_db(db_path: Path) -> Path:
    """A database stamped by a (pretend) newer Practice."""
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.execute("PRAGMA journal_mode = DELETE")  # fold the WAL in: one file to compare
    conn.close()
    return db_path


def test_help_lists_the_subcommands(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    for command in ("seed-demo", "migrate", "check", "clients"):
        assert command in out


def test_migrate_creates_then_reports_head(tmp_path, capsys):
    path = tmp_path / "new.sqlite3"
    assert main(["migrate", "--create", "--db", str(path)]) == 0
    assert "created a new practice" in capsys.readouterr().out
    assert main(["migrate", "--db", str(path)]) == 0
    assert "already at schema" in capsys.readouterr().out
    assert migrate.inspect(path).at_head


def test_check_prints_revision_and_integrity(db_path, capsys):
    assert main(["check", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    head = migrate.inspect(db_path).head
    assert f"schema: {head}" in out
    assert "integrity: ok" in out


def test_check_names_each_broken_reference_once(db_path, capsys):
    # Given two appointments whose client was deleted behind the app's back
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        for day in (3, 4):
            conn.execute(
                "INSERT INTO appointments (client_id, starts_at, duration_minutes, status,"
                " created_at, updated_at) VALUES (999, ?, 50, 'scheduled',"
                " '2026-01-01 10:00:00', '2026-01-01 10:00:00')",
                (f"2026-03-0{day} 10:00:00",),
            )
    conn.close()
    # When check runs
    assert main(["check", "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    # Then each broken reference is one problem line, not two
    lines = [line for line in err.splitlines() if "foreign key" in line]
    assert len(lines) == 2, lines
    assert all("appointments" in line and "clients" in line for line in lines)


def test_check_fails_on_a_damaged_file(tmp_path, capsys):
    path = tmp_path / "damaged.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    assert main(["check", "--db", str(path)]) == 1
    assert "damaged" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["migrate", "check", "clients"])
def test_every_command_refuses_a_newer_database_and_leaves_it_untouched(newer_db, command, capsys):
    before = _digest(newer_db)
    assert main([command, "--db", str(newer_db)]) == 1
    err = capsys.readouterr().err
    assert "newer version of Practice" in err
    assert _digest(newer_db) == before
    assert not list(newer_db.parent.glob("*.before-*"))


def test_db_option_works_before_or_after_the_command(db, db_path, capsys):
    with db.session() as s:
        clients.create(s, ClientInput(first_name="Ana", last_name="Núñez"))
    assert main(["--db", str(db_path), "clients"]) == 0
    first = capsys.readouterr().out
    assert main(["clients", "--db", str(db_path)]) == 0
    assert capsys.readouterr().out == first
    assert first.startswith("1\tNúñez, Ana\tactive")


def test_foreign_sqlite_file_is_refused(tmp_path, capsys):
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    before = _digest(path)
    assert main(["clients", "--db", str(path)]) == 1
    assert "not a Practice database" in capsys.readouterr().err
    assert _digest(path) == before


def test_upgrade_copies_the_old_file_aside_first(tmp_path):
    path = tmp_path / "old.sqlite3"
    config = migrate.alembic_config()
    from alembic import command

    from practice.db.engine import make_engine

    engine = make_engine(path, foreign_keys=False)
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001_initial")
        conn.exec_driver_sql(
            "INSERT INTO clients (first_name, last_name, sort_name, identity_key, language,"
            " literacy_level, large_print, preferred_modality, reminder_channel,"
            " cannot_postpone, status, created_at, updated_at) VALUES ('Ana', 'Núñez',"
            " 'nunez ana', 'ana núñez|', 'es', 'easy', 0, 'paper', 'none', 0, 'active',"
            " '2026-01-01 10:00:00', '2026-01-01 10:00:00')"
        )
        conn.commit()
    engine.dispose()
    state = migrate.upgrade(path)
    if state.revision == state.head:
        pytest.skip("no migration after the initial one yet")
    copies = list(tmp_path.glob("old.before-*"))
    assert len(copies) == 1
    assert migrate.inspect(copies[0]).revision == "0001_initial"
    assert migrate.inspect(path).at_head


def test_python_dash_m_runs_the_same_cli(db_path):
    done = subprocess.run(
        [sys.executable, "-m", "practice", "check", "--db", str(db_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "integrity: ok" in done.stdout


def test_version_is_the_installed_distributions(capsys):
    # When asked for its version
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    # Then it prints the version pip installed, and exits 0
    assert done.value.code == 0
    assert capsys.readouterr().out == f"practice {importlib.metadata.version('practice')}\n"


def test_the_command_line_loads_no_gui_no_reportlab_no_alembic():
    # Given a fresh interpreter that builds the parser of every command, as `practice` does
    probe = (
        "import sys\n"
        "from practice.cli.entry import build_parser\n"
        "build_parser().parse_args(['clients'])\n"
        "heavy = ('PySide6', 'reportlab', 'alembic', 'practice.ui', 'practice.sheets.sheet')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    # When it has parsed a command
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    # Then none of the heavy libraries was imported (they load only when a command needs them)
    assert done.stdout.strip() == "[]"


def test_known_revisions_agree_with_alembic():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    revisions, head = migrate.known_revisions()
    assert head == script.get_current_head()
    assert revisions == {rev.revision for rev in script.walk_revisions()}
