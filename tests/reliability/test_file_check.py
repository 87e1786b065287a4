"""SQLite's checks of a file (db/file_check.py): intact, damaged, empty, foreign, keyed."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from practice.db import crypto, file_check
from practice.db.engine import Database
from practice.services import clients
from practice.services.clients import ClientInput

PAGE = 4096


def _fill(db: Database, n: int) -> None:
    with db.session() as s:
        for i in range(n):
            clients.create(s, ClientInput(first_name=f"Name{i}", last_name="Vasquez" * 8))


def _single_file(db: Database, tmp_path: Path) -> Path:
    """A checkpointed copy of the database (no WAL), safe to damage."""
    db.dispose()
    conn = sqlite3.connect(db.path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(db.path, copy)
    return copy


def _middle_leaf_page(path: Path, table: str) -> int:
    """The middle one of ``table``'s leaf pages (so the damage is in its rows, whatever
    the schema around it)."""
    conn = sqlite3.connect(path)
    pages = [
        n
        for (n,) in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
            (table,),
        )
    ]
    conn.close()
    return pages[len(pages) // 2]


def _direct_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def test_an_intact_file_passes_and_counts_every_table(db: Database, tmp_path: Path) -> None:
    # Given a migrated database with 7 clients
    _fill(db, 7)
    path = _single_file(db, tmp_path)
    # When it is checked, with row counts
    result = file_check.check_file(path, counts=True)
    # Then it is ok, and the counts are those of a direct count(*) of each table
    assert result.ok and not result.damaged and result.readable
    assert result.problems == () and result.omitted == 0
    assert result.summary == "SQLite integrity check: ok."
    assert result.row_counts == _direct_counts(path)
    assert result.row_counts is not None and result.row_counts["clients"] == 7
    assert "alembic_version" in result.row_counts
    assert not any(name.startswith("sqlite_") for name in result.row_counts)


def test_a_damaged_page_is_listed_and_cut_at_the_one_limit(db: Database, tmp_path: Path) -> None:
    # Given a real database whose last page lost its cell pointers (SQLite reports
    # each cell of it: more lines than the limit)
    _fill(db, 400)
    path = _single_file(db, tmp_path)
    last_page = path.stat().st_size // PAGE - 1
    with open(path, "r+b") as f:
        f.seek(last_page * PAGE + 8)  # keep the page header
        f.write(b"\0" * (PAGE - 8))
    for quick, label, name in ((False, "integrity", "integrity"), (True, "quick check", "quick")):
        # When it is checked (integrity, then quick)
        result = file_check.check_file(path, quick=quick, counts=True)
        # Then it is damaged; at most MAX_PROBLEMS single lines are kept, the rest counted
        assert result.damaged and result.readable and not result.ok
        assert result.summary == f"The database is damaged (SQLite {name} check failed)."
        assert len(result.problems) == file_check.MAX_PROBLEMS
        assert result.omitted > 0
        assert all(p.startswith(f"{label}: ") and "\n" not in p for p in result.problems)
        assert any(f"page {last_page + 1}" in p for p in result.problems)
        assert result.row_counts is None  # no counts from damaged pages


def test_flipped_bytes_in_a_table_page_are_found(db: Database, tmp_path: Path) -> None:
    # Given bytes flipped in the middle of a page of the clients table
    _fill(db, 400)
    path = _single_file(db, tmp_path)
    page = _middle_leaf_page(path, "clients") - 1  # dbstat counts pages from 1
    with open(path, "r+b") as f:
        f.seek(page * PAGE)
        data = bytearray(f.read(PAGE))
        for i in range(100, PAGE, 7):
            data[i] ^= 0xFF
        f.seek(page * PAGE)
        f.write(data)
    # When it is checked
    result = file_check.check_file(path)
    # Then the integrity check names the page
    assert result.damaged and result.problems[0] == "integrity: *** in database main ***"
    assert any(f"page {page + 1}" in p for p in result.problems)


def test_a_zero_byte_file_is_an_empty_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()

    result = file_check.check_file(path, counts=True)

    assert result.ok and result.row_counts == {}
    assert path.stat().st_size == 0  # read-only: nothing written


@pytest.mark.parametrize("content", [b"%PDF-1.7 " * 500, b"not a database\n"])
def test_a_file_that_is_not_a_database_is_reported_not_raised(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "letter.sqlite3"
    path.write_bytes(content)

    result = file_check.check_file(path, counts=True)

    assert not result.readable and result.damaged and result.row_counts is None
    assert result.problems == (
        "letter.sqlite3 is damaged or not a database: file is not a database",
    )
    assert result.summary == result.problems[0]
    assert path.read_bytes() == content


def test_a_missing_file_cannot_be_opened(tmp_path: Path) -> None:
    result = file_check.check_file(tmp_path / "gone.sqlite3")

    assert not result.readable and not result.damaged
    assert result.problems[0].startswith("cannot open gone.sqlite3: ")
    assert not (tmp_path / "gone.sqlite3").exists()


def test_orphan_rows_are_foreign_key_problems_cut_at_the_limit(
    db: Database, tmp_path: Path
) -> None:
    # Given 25 appointments of a client that does not exist
    path = _single_file(db, tmp_path)
    conn = sqlite3.connect(path)
    conn.executemany(
        "INSERT INTO appointments (client_id, starts_at, duration_minutes, status, created_at,"
        " updated_at) VALUES (99, ?, 50, 'scheduled', ?, ?)",
        [(f"2030-01-{d:02} 09:00:00",) * 3 for d in range(1, 26)],
    )
    conn.commit()
    conn.close()
    # When it is checked
    result = file_check.check_file(path)
    # Then the pages are sound, but 25 rows refer to a missing client: 20 shown
    assert not result.damaged and not result.ok
    assert result.problems[0] == "foreign key: appointments row 1 refers to a missing clients row"
    assert len(result.problems) == file_check.MAX_PROBLEMS and result.omitted == 5
    assert result.summary == "25 rows refer to missing rows (foreign keys)."


def test_an_encrypted_file_is_checked_with_its_key(tmp_path: Path) -> None:
    # Given an SQLCipher file with two rows
    key = crypto.new_database_key()
    path = tmp_path / "secret.sqlite3"
    conn = crypto.connect(path, key)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.executemany("INSERT INTO notes (text) VALUES (?)", [("a",), ("b",)])
    conn.commit()
    conn.close()
    # When it is checked with its key, with another key and with none
    keyed = file_check.check_file(path, key, counts=True)
    wrong = file_check.check_file(path, crypto.new_database_key())
    plain = file_check.check_file(path)
    # Then only the right key reads it
    assert keyed.ok and keyed.row_counts == {"notes": 2}
    assert not wrong.readable and wrong.problems[0].startswith("cannot open secret.sqlite3")
    assert not plain.readable and "not a database" in plain.problems[0]
