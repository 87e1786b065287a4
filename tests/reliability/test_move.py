"""``practice move --to``: a practice copied from a file to a real PostgreSQL server and
back (the test server of tests/conftest.py), verified, the source untouched, a used
target refused, and a move killed midway never leaving a practice that opens as whole."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from _faults import needs_strace, small_disk
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from _lock_holder import lock_held_by_child
from practice.cli import main
from practice.db import migrate
from practice.db.engine import Database
from practice.db.location import parse
from practice.services.move import COPIED

PASSWORD = "Sekret-4711"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _plain(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


@pytest.fixture
def demo_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A seeded demo practice in a file (the move's source)."""
    path = tmp_path / "office.sqlite3"
    assert main(["--db", str(path), "seed-demo", "--create"]) == 0
    capsys.readouterr()
    return path


def _counts(place: str | Path) -> dict[str, int]:
    database = Database(parse(place))
    try:
        with database.engine.connect() as conn:
            return {
                t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
                for t in COPIED
            }
    finally:
        database.dispose()


def _checksums(url: str) -> dict[str, str]:
    """Each table's rows on the server, as a hash of their text (a change shows)."""
    database = Database(parse(url))
    try:
        with database.engine.connect() as conn:
            return {
                t.name: str(
                    conn.execute(
                        text(
                            f"SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) "  # noqa: S608
                            f'FROM "{t.name}" x'
                        )
                    ).scalar_one()
                )
                for t in COPIED
            }
    finally:
        database.dispose()


def _tables(url: str) -> list[str]:
    database = Database(parse(url))
    try:
        with database.engine.connect() as conn:
            rows = conn.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
            )
            return [str(r[0]) for r in rows]
    finally:
        database.dispose()


@pytest.fixture
def password_url(postgres_url: str) -> Iterator[str]:
    """The test's database reached as a role of its own with :data:`PASSWORD` (the
    role is dropped again: roles are the whole server's)."""
    role = f"therapist_move_{uuid.uuid4().hex[:8]}"
    admin = Database(parse(postgres_url))
    try:
        with admin.engine.connect() as conn:
            conn.execute(text(f"CREATE ROLE {role} LOGIN PASSWORD '{PASSWORD}'"))
            conn.execute(text(f"GRANT ALL ON SCHEMA public TO {role}"))
            conn.commit()
        yield (
            make_url(postgres_url)
            .set(drivername="postgresql", username=role, password=PASSWORD)
            .render_as_string(hide_password=False)
        )
        with admin.engine.connect() as conn:
            conn.execute(text(f"DROP OWNED BY {role}"))
            conn.execute(text(f"DROP ROLE {role}"))
            conn.commit()
    finally:
        admin.dispose()


def _check_ok(place: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--db", place, "check"]) == 0, capsys.readouterr()
    out = capsys.readouterr().out
    assert out.rstrip().endswith("result: ok")
    return out


def test_file_to_server_to_file_keeps_every_row_and_the_audit_chain(
    demo_file: Path, password_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = password_url
    before = _sha256(demo_file)
    source_counts = _counts(demo_file)
    events = source_counts["audit_events"]
    assert events > 0 and source_counts["clients"] == 14

    # When the demo practice is moved from its file to the empty server database
    assert main(["--db", str(demo_file), "move", "--to", url]) == 0
    captured = capsys.readouterr()
    # Then the table of what was copied is printed, the chain verified, no password shown
    assert f"audit chain verified: {events} events" in captured.out
    assert any(line.split() == ["clients", "14"] for line in captured.out.splitlines())
    assert PASSWORD not in captured.out + captured.err
    assert f"{make_url(url).username}:***@" in captured.out
    # and the server holds the same rows as the file, and checks clean (audit chain too)
    assert _counts(url) == source_counts
    assert f"audit trail: ok ({events} events, keyed hash chain intact)" in _check_ok(url, capsys)
    # and the source file is byte for byte what it was
    assert _sha256(demo_file) == before

    # When it is moved back from the server into a new file
    server_sums = _checksums(url)
    back = tmp_path / "home" / "back.sqlite3"
    back.parent.mkdir()
    assert main(["--db", url, "move", "--to", str(back)]) == 0
    out = capsys.readouterr().out
    assert f"audit chain verified: {events} events" in out
    # Then the new file has the same rows, its own audit key beside it, and checks clean
    assert _counts(back) == source_counts
    assert (back.parent / "back.sqlite3.audit-key").is_file()
    assert f"audit trail: ok ({events} events, keyed hash chain intact)" in _check_ok(
        str(back), capsys
    )
    assert not list(back.parent.glob("*.moving*"))
    # and the server source was left as it was
    assert _checksums(url) == server_sums
    # and the moved practice goes on working: a new client is audited on the chain
    assert main(["--db", url, "clients"]) == 0
    capsys.readouterr()


def test_the_moved_server_practice_takes_new_rows_after_the_copied_ids(
    demo_file: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from practice.services import clients
    from practice.services.clients import ClientInput

    url = _plain(postgres_url)
    assert main(["--db", str(demo_file), "move", "--to", url]) == 0
    capsys.readouterr()
    database = Database(parse(url))
    try:
        with database.session() as db:
            created = clients.create(db, ClientInput(first_name="Noor", last_name="Haddad"))
    finally:
        database.dispose()
    assert created.id == 15  # the sequence went past the 14 copied clients
    _check_ok(url, capsys)


def test_a_target_that_is_not_new_is_refused_and_nothing_is_written(
    demo_file: Path, postgres_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _plain(postgres_url)
    # A server database holding any table is refused, untouched
    database = Database(parse(url))
    with database.engine.connect() as conn:
        conn.execute(text("CREATE TABLE invoices (id integer PRIMARY KEY)"))
        conn.commit()
    database.dispose()
    assert main(["--db", str(demo_file), "move", "--to", url]) == 1
    err = capsys.readouterr().err
    assert "already holds tables" in err and "Nothing was written" in err
    assert _tables(url) == ["invoices"]

    # An existing file is refused, byte for byte unchanged
    existing = tmp_path / "existing.sqlite3"
    assert main(["--db", str(existing), "seed-demo", "--create"]) == 0
    capsys.readouterr()
    database = Database(parse(url))
    with database.engine.connect() as conn:
        conn.execute(text("DROP TABLE invoices"))
        conn.commit()
    database.dispose()
    assert main(["--db", str(demo_file), "move", "--to", url]) == 0
    capsys.readouterr()
    before = _sha256(existing)
    assert main(["--db", url, "move", "--to", str(existing)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert _sha256(existing) == before

    # A practice already on the server is refused too (nothing added to it)
    counts = _counts(url)
    assert main(["--db", str(demo_file), "move", "--to", url]) == 1
    assert "already holds tables" in capsys.readouterr().err
    assert _counts(url) == counts

    # and file to file, or server to server, is not a move
    assert main(["--db", str(demo_file), "move", "--to", str(tmp_path / "copy.sqlite3")]) == 1
    assert "both a file" in capsys.readouterr().err
    assert not (tmp_path / "copy.sqlite3").exists()


def test_a_source_file_in_use_is_not_moved(
    demo_file: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _plain(postgres_url)
    # Given the app holds the practice file (its one-writer lock)
    with lock_held_by_child(demo_file):
        # When it is moved meanwhile, the move is refused and nothing is written
        assert main(["--db", str(demo_file), "move", "--to", url]) == 1
    assert "in use" in capsys.readouterr().err
    assert _tables(url) == []


def test_a_full_disk_midway_leaves_nothing_at_the_target_file(
    demo_file: Path, postgres_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _plain(postgres_url)
    assert main(["--db", str(demo_file), "move", "--to", url]) == 0
    capsys.readouterr()
    # Given a disk with room for the empty practice but not for its rows
    with small_disk(tmp_path / "stick", 400) as stick:
        target = stick / "practice.sqlite3"
        # When the practice is moved onto it
        assert main(["--db", url, "move", "--to", str(target)]) == 1
        err = capsys.readouterr().err
        # Then the move says it stopped, and nothing is left there (no temporary copy)
        assert "The move stopped" in err and "Nothing usable was left" in err
        assert sorted(p.name for p in stick.iterdir()) == []


def _practice_killed(args: list[str], syscall: str, n: int) -> int:
    """``practice ARGS`` as a child process, SIGKILLed at its ``n``th ``syscall``."""
    command = [
        "strace", "-f", "-qq", "-o", os.devnull, "-e", f"trace={syscall}",
        "-e", f"inject={syscall}:signal=KILL:when={n}",
        sys.executable, "-m", "practice", *args,
    ]  # fmt: skip
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(command, env=env, capture_output=True, check=False, timeout=180)
    return done.returncode


def _syscalls(args: list[str], syscall: str) -> int:
    """How many times ``practice ARGS`` makes ``syscall`` in a whole run."""
    log = Path(os.environ["PRACTICE_DATA_DIR"]).parent / f"{syscall}.trace"
    command = ["strace", "-f", "-qq", "-o", str(log), "-e", f"trace={syscall}",
               sys.executable, "-m", "practice", *args]  # fmt: skip
    done = subprocess.run(command, capture_output=True, check=False, timeout=180)
    assert done.returncode == 0, done.stderr
    return sum(1 for line in log.read_text().splitlines() if f"{syscall}(" in line)


KILLED = (-signal.SIGKILL, 128 + signal.SIGKILL)


@needs_strace
def test_a_move_killed_midway_into_a_server_leaves_the_database_empty(
    demo_file: Path, postgres_databases: object, capsys: pytest.CaptureFixture[str]
) -> None:
    databases = postgres_databases
    reference = _plain(databases.url(databases.create()))  # type: ignore[attr-defined]
    total = _syscalls(["--db", str(demo_file), "move", "--to", reference], "sendto")
    assert total > 20
    before = _sha256(demo_file)
    for n in (3, total // 4, total // 2, 3 * total // 4):
        url = _plain(databases.url(databases.create()))  # type: ignore[attr-defined]
        # When the move is killed at its nth message to the server
        assert (
            _practice_killed(["--db", str(demo_file), "move", "--to", url], "sendto", n) in KILLED
        )
        # Then the database holds nothing: no half practice, and it is still a valid target
        assert _tables(url) == [], n
        assert not migrate.inspect(parse(url)).exists
    assert _sha256(demo_file) == before
    # and a move after the kill goes through
    assert main(["--db", str(demo_file), "move", "--to", url]) == 0
    assert "audit chain verified" in capsys.readouterr().out


@needs_strace
def test_a_move_killed_midway_into_a_file_leaves_no_practice_there(
    demo_file: Path, postgres_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _plain(postgres_url)
    assert main(["--db", str(demo_file), "move", "--to", url]) == 0
    capsys.readouterr()
    target = tmp_path / "laptop.sqlite3"
    args = ["--db", url, "move", "--to", str(target)]
    kills = [("rename", n) for n in (1, 2, 3)] + [("pwrite64", n) for n in (5, 40, 120)]
    for syscall, n in kills:
        # When the move into a new file is killed at its nth rename or write
        assert _practice_killed(args, syscall, n) in KILLED, (syscall, n)
        # Then no practice is at the target name (the temporary copy is not one)
        assert not target.exists(), (syscall, n)
        assert main(["--db", str(target), "check"]) == 1
        capsys.readouterr()
    # and the next move removes what the killed ones left, and completes
    assert main(args) == 0
    capsys.readouterr()
    assert _counts(target) == _counts(demo_file)
    assert not list(tmp_path.glob("*.moving*"))


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("A" * 150, "its first_name is 150 characters long, and the server takes at most 100"),
        ("Ana\x00Lucía", "its first_name holds a NUL character"),
    ],
)
def test_a_text_a_server_does_not_store_names_its_row_and_nothing_is_written(
    demo_file: Path, postgres_url: str, value: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _plain(postgres_url)
    # Given a client whose first name SQLite kept but a server refuses (too long: SQLite
    # does not enforce VARCHAR lengths; or a NUL character), written with raw SQL
    database = Database(parse(str(demo_file)))
    with database.engine.connect() as conn:
        conn.execute(text("UPDATE clients SET first_name = :v WHERE id = 7"), {"v": value})
        conn.commit()
    database.dispose()
    # When the practice is moved to the server
    assert main(["--db", str(demo_file), "move", "--to", url]) == 1
    err = capsys.readouterr().err
    # Then it says which table, row and column, and what to do; nothing was written
    assert "The clients row with id 7 cannot go to a server" in err, err
    assert said in err
    assert "then move again. Nothing was written." in err
    assert _tables(url) == []
