"""``practice export`` and ``practice import-clients``, run in-process through main()."""

from __future__ import annotations

import csv
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from practice.cli import main
from practice.db.lock import DatabaseLock
from practice.services import clients
from practice.services.clients import ClientInput

GOOD = "first_name,last_name,birth_date,language\nÍñigo,Muñoz,1984-03-25,es\nTamsin,Okafor,,\n"


def _names(db_path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT first_name, last_name FROM clients ORDER BY id").fetchall()
    finally:
        conn.close()


@pytest.fixture
def csv_file(tmp_path: Path):
    def write(text: str, name: str = "clients.csv") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


def test_help_lists_both_commands(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "export" in out and "import-clients" in out


def test_import_then_export(db_path, csv_file, tmp_path, capsys):
    # Given a good file, When it is imported
    assert main(["import-clients", "--db", str(db_path), str(csv_file(GOOD))]) == 0
    out = capsys.readouterr().out
    assert out.strip().splitlines()[-1].startswith("imported 2 clients")
    assert _names(db_path) == [("Íñigo", "Muñoz"), ("Tamsin", "Okafor")]
    # And the practice is exported
    target = tmp_path / "export"
    assert main(["export", "--db", str(db_path), "-o", str(target)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    # Then the folder is printed last and the clients come back with their accents
    assert lines[-1] == str(target.resolve())
    assert "clients: 2" in lines
    with (target / "clients.csv").open(encoding="utf-8", newline="") as f:
        assert [r["last_name"] for r in csv.DictReader(f)] == ["Muñoz", "Okafor"]
    assert not list(target.glob("psychotherapy_notes.*"))


def test_export_with_psychotherapy_notes(db_path, tmp_path, capsys):
    target = tmp_path / "all"
    args = ["export", "--db", str(db_path), "-o", str(target), "--include-psychotherapy-notes"]
    assert main(args) == 0
    assert "psychotherapy_notes: 0" in capsys.readouterr().out
    assert (target / "psychotherapy_notes.csv").exists()


def test_export_errors(db_path, tmp_path, capsys):
    missing = tmp_path / "nothing.sqlite3"
    assert main(["export", "--db", str(missing), "-o", str(tmp_path / "out")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not missing.exists() and not (tmp_path / "out").exists()
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "x").write_text("x")
    assert main(["export", "--db", str(db_path), "-o", str(busy)]) == 1
    assert "is not empty" in capsys.readouterr().err


def test_a_bad_file_is_refused_with_line_and_field(db_path, csv_file, capsys):
    bad = csv_file(GOOD + "Bea,Santos,1980-13-01,xx\nCruz,,,\n")
    assert main(["import-clients", "--db", str(db_path), str(bad)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert "line 4: birth_date: '1980-13-01' is not a real date." in err
    assert any(
        line.startswith("line 4: language: 'xx' is not one of: English, Spanish") for line in err
    )
    assert "line 5: last_name: Last name is required." in err
    assert err[-1] == "practice: nothing imported: 2 rows with errors."
    assert _names(db_path) == []


def test_a_malformed_file_is_refused(db_path, tmp_path, capsys):
    path = tmp_path / "latin1.csv"
    path.write_bytes("first_name,last_name\nAna,Muñoz\n".encode("latin-1"))
    assert main(["import-clients", "--db", str(db_path), str(path)]) == 1
    err = capsys.readouterr().err
    assert "not UTF-8 text" in err and "Traceback" not in err
    assert main(["import-clients", "--db", str(db_path), str(tmp_path / "absent.csv")]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_dry_run_writes_nothing(db_path, csv_file, tmp_path, capsys):
    before = db_path.read_bytes()
    assert main(["import-clients", "--db", str(db_path), "--dry-run", str(csv_file(GOOD))]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "line 2: would import: Muñoz, Íñigo",
        "line 3: would import: Okafor, Tamsin",
        "dry run: 2 clients would be imported; nothing written",
    ]
    assert _names(db_path) == [] and db_path.read_bytes() == before
    # A dry run never creates a database either: a missing one is refused, as by the import
    fresh = tmp_path / "fresh.sqlite3"
    assert main(["import-clients", "--db", str(fresh), "--dry-run", str(csv_file(GOOD))]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not fresh.exists()
    # And a dry run of a bad file fails as the import would
    bad = csv_file("first_name\nAna\n", "bad.csv")
    assert main(["import-clients", "--db", str(db_path), "--dry-run", str(bad)]) == 1
    assert "Required column missing: last_name." in capsys.readouterr().err


def test_duplicates_block_unless_skipped(db, db_path, csv_file, capsys):
    with db.session() as s:
        existing = clients.create(
            s, ClientInput(first_name="Íñigo", last_name="Muñoz", birth_date=date(1984, 3, 25))
        ).id
    path = str(csv_file(GOOD))
    assert main(["import-clients", "--db", str(db_path), path]) == 1
    err = capsys.readouterr().err.splitlines()
    assert f"line 2: duplicate: same name and birth date as client {existing}" in err
    assert "--skip-duplicates" in err[-1]
    assert len(_names(db_path)) == 1
    assert (
        main(["import-clients", "--db", str(db_path), "--dry-run", "--skip-duplicates", path]) == 0
    )
    assert "line 2: would skip (duplicate): Muñoz, Íñigo" in capsys.readouterr().out
    assert main(["import-clients", "--db", str(db_path), "--skip-duplicates", path]) == 0
    out = capsys.readouterr().out
    assert "skipped 1 duplicate: line 2" in out and "imported 1 client (id 2)" in out
    assert _names(db_path) == [("Íñigo", "Muñoz"), ("Tamsin", "Okafor")]


def test_writing_commands_respect_the_lock(db_path, csv_file, tmp_path, capsys):
    with DatabaseLock(db_path, program="practice-gui"):
        assert main(["import-clients", "--db", str(db_path), str(csv_file(GOOD))]) == 1
        assert "practice-gui" in capsys.readouterr().err
        assert main(["export", "--db", str(db_path), "-o", str(tmp_path / "e")]) == 1
        capsys.readouterr()
        # a dry run only reads
        assert main(["import-clients", "--db", str(db_path), "--dry-run", str(csv_file(GOOD))]) == 0
    assert _names(db_path) == [] and not (tmp_path / "e").exists()
