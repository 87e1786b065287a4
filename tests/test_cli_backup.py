"""``practice backup``, ``restore`` and ``check``, and the one-writer lock of the CLI."""

from __future__ import annotations

import hashlib
import socket
import sqlite3
from pathlib import Path

import pytest
from alembic import command

from _lock_holder import lock_held_by_child
from practice.cli import main
from practice.db import migrate
from practice.db.engine import Database, make_engine
from practice.services import audit, backup, clients
from practice.services.clients import ClientInput


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _add(db: Database, first: str) -> int:
    with db.session() as s:
        return clients.create(s, ClientInput(first_name=first, last_name="Ferreira")).id


def _clients(path: Path) -> list[tuple[int, str]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT id, first_name FROM clients ORDER BY id").fetchall()
    finally:
        conn.close()


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    """A database at the first schema revision, holding one client."""
    path = tmp_path / "old.sqlite3"
    config = migrate.alembic_config()
    engine = make_engine(path, foreign_keys=False)
    with engine.connect() as conn:
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
    return path


# ---- backup -----------------------------------------------------------------------


def test_backup_prints_the_path_of_a_verified_audited_backup_last(db, db_path, tmp_path, capsys):
    _add(db, "Amara")

    assert main(["backup", "--db", str(db_path), "--to", str(tmp_path / "b")]) == 0

    made = Path(capsys.readouterr().out.splitlines()[-1])
    assert made.is_file() and made.parent == (tmp_path / "b").resolve()
    assert made.name.endswith(".manual.sqlite3")
    assert backup.verify(made) == []
    assert _clients(made) == _clients(db_path) == [(1, "Amara")]
    with db.session() as s:
        event = audit.list_events(s, action="backup")[0]
    assert made.name in event.summary and event.summary.endswith("verified")


def test_backup_goes_beside_the_database_by_default(db_path, tmp_path, capsys):
    assert main(["backup", "--db", str(db_path)]) == 0
    made = Path(capsys.readouterr().out.splitlines()[-1])
    assert made.parent == (tmp_path / "backups").resolve()


def test_backup_failing_verification_exits_non_zero_and_says_so(
    db_path, tmp_path, capsys, monkeypatch
):
    monkeypatch.setattr(backup, "verify", lambda *_a, **_k: ["integrity: page 7 is never used"])

    assert main(["backup", "--db", str(db_path), "--to", str(tmp_path / "b")]) == 1

    captured = capsys.readouterr()
    assert "FAILED verification" in captured.err and "page 7 is never used" in captured.err
    assert captured.out == ""
    assert [p.name.endswith(".failed") for p in (tmp_path / "b").iterdir()] == [True]


def test_backup_of_a_missing_database_is_refused(tmp_path, capsys):
    assert main(["backup", "--db", str(tmp_path / "none.sqlite3")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "none.sqlite3").exists()


# ---- restore ----------------------------------------------------------------------


def test_restore_keeps_the_current_file_aside_and_brings_back_the_backup(
    db, db_path, tmp_path, capsys
):
    # Given a backup holding one client, and a database that has a second one since
    _add(db, "Amara")
    assert main(["backup", "--db", str(db_path), "--to", str(tmp_path / "b")]) == 0
    made = Path(capsys.readouterr().out.splitlines()[-1])
    _add(db, "Bao")
    db.dispose()

    # When it is restored
    assert main(["restore", "--db", str(db_path), str(made)]) == 0

    # Then the database holds the backup's data and the old file is kept, as printed
    out = capsys.readouterr().out
    assert _clients(db_path) == _clients(made) == [(1, "Amara")]
    aside = Path(out.split("kept as ", 1)[1].strip())
    assert aside.parent == db_path.parent and "before-restore" in aside.name
    assert _clients(aside) == [(1, "Amara"), (2, "Bao")]


def test_restore_finds_a_bare_name_in_the_default_folder(db, db_path, capsys):
    _add(db, "Amara")
    assert main(["backup", "--db", str(db_path)]) == 0
    made = Path(capsys.readouterr().out.splitlines()[-1])
    _add(db, "Bao")
    db.dispose()

    assert main(["restore", "--db", str(db_path), made.name]) == 0
    assert _clients(db_path) == [(1, "Amara")]


def test_restore_of_a_damaged_backup_changes_nothing(db, db_path, tmp_path, capsys):
    _add(db, "Amara")
    db.dispose()
    bad = tmp_path / "practice.20260101T000000Z.manual.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x5a" * 8000)
    before = _digest(db_path)

    assert main(["restore", "--db", str(db_path), str(bad)]) == 1

    assert "failed verification" in capsys.readouterr().err
    assert _digest(db_path) == before
    assert not list(tmp_path.glob("*before-restore*"))


# ---- one writer -------------------------------------------------------------------


def _write_commands(db_path: Path, tmp_path: Path) -> dict[str, list[str]]:
    csv_file = tmp_path / "new.csv"
    csv_file.write_text("first_name,last_name\nDaria,Kowalczyk\n", encoding="utf-8")
    return {
        "migrate": ["migrate"],
        "seed-demo": ["seed-demo"],
        "backup": ["backup", "--to", str(tmp_path / "b")],
        "restore": ["restore", str(tmp_path / "good.sqlite3")],
        "export": ["export", "-o", str(tmp_path / "out")],
        "import-clients": ["import-clients", str(csv_file)],
    }


@pytest.mark.parametrize(
    "name", ["migrate", "seed-demo", "backup", "restore", "export", "import-clients"]
)
def test_write_commands_refuse_while_another_process_holds_the_file(
    db, db_path, tmp_path, capsys, name
):
    # Given a database held by another live process (as the app holds it)
    _add(db, "Amara")
    backup.make_backup(db_path, tmp_path / "keep").path.rename(tmp_path / "good.sqlite3")
    db.dispose()
    before = _digest(db_path)
    argv = [*_write_commands(db_path, tmp_path)[name], "--db", str(db_path)]

    with lock_held_by_child(db_path) as pid:
        status = main(argv)

    # Then the command refuses, naming the holder, and the file is not touched
    err = capsys.readouterr().err
    assert status == 1
    assert f"process {pid}" in err and socket.gethostname() in err
    assert _digest(db_path) == before
    assert not (tmp_path / "b").exists() and not (tmp_path / "out").exists()
    assert not list(tmp_path.glob("*before-restore*"))


def test_read_commands_work_while_the_app_holds_the_file(db, db_path, capsys):
    _add(db, "Amara")
    with lock_held_by_child(db_path):
        assert main(["clients", "--db", str(db_path)]) == 0
        assert main(["check", "--db", str(db_path)]) == 0
    assert "Ferreira, Amara" in capsys.readouterr().out


def test_a_read_command_does_not_upgrade_a_file_in_use(old_db, capsys):
    before = _digest(old_db)
    with lock_held_by_child(old_db) as pid:
        assert main(["clients", "--db", str(old_db)]) == 1
    assert f"process {pid}" in capsys.readouterr().err
    assert _digest(old_db) == before


def test_migrate_takes_a_verified_pre_migration_backup_into_the_backup_folder(
    old_db, tmp_path, capsys
):
    assert main(["migrate", "--db", str(old_db)]) == 0

    found = backup.list_backups(tmp_path / "backups", "old")
    assert [b.kind for b in found] == ["pre-migration"]
    assert backup.verify(found[0].path) == []
    assert migrate.inspect(found[0].path).revision == "0001_initial"
    assert _clients(found[0].path) == [(1, "Ines")]
    assert migrate.inspect(old_db).at_head
    assert not list(tmp_path.glob("old.before-*"))  # no unverified copy beside the file


def test_migrate_refuses_when_the_pre_migration_backup_fails(old_db, capsys, monkeypatch):
    monkeypatch.setattr(backup, "verify", lambda *_a, **_k: ["integrity: simulated"])
    before = _digest(old_db)

    assert main(["migrate", "--db", str(old_db)]) == 1

    assert "was not upgraded" in capsys.readouterr().err
    assert _digest(old_db) == before


# ---- check ------------------------------------------------------------------------


def test_check_reports_schema_integrity_audit_trail_and_location(db, db_path, capsys):
    _add(db, "Amara")
    assert main(["check", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    head = migrate.inspect(db_path).head
    assert f"schema: {head} (this version: {head})" in out
    assert "integrity: ok" in out
    assert "audit trail: ok (1 events, keyed hash chain intact)" in out
    assert "location: local disk" in out
    assert out[-1] == "result: ok"


def test_check_finds_a_tampered_audit_trail(db, db_path, capsys):
    _add(db, "Amara")
    db.dispose()
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TRIGGER audit_events_no_update")
    conn.execute("UPDATE audit_events SET summary = 'nothing happened'")
    conn.commit()
    conn.close()

    assert main(["check", "--db", str(db_path)]) == 1

    captured = capsys.readouterr()
    assert "audit trail: 1 problems" in captured.out
    assert "content was changed" in captured.err and "not protected" in captured.err


def test_check_warns_about_a_cloud_folder_without_failing(tmp_path, capsys):
    path = tmp_path / "Dropbox" / "practice.sqlite3"
    migrate.upgrade(path)
    assert main(["check", "--db", str(path)]) == 0
    captured = capsys.readouterr()
    assert "Dropbox folder" in captured.err
    assert captured.out.splitlines()[-1] == "result: ok, with warnings"


def test_check_of_an_old_schema_asks_for_migrate_and_changes_nothing(old_db, capsys):
    before = _digest(old_db)
    assert main(["check", "--db", str(old_db)]) == 1
    assert "run `practice migrate`" in capsys.readouterr().err
    assert _digest(old_db) == before
