"""``practice --db postgresql://…``: check, migrate, seed-demo and clients on a real
PostgreSQL server (the test server of tests/conftest.py); a password never shows."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest
from alembic import command
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from practice.cli import main
from practice.db import migrate
from practice.db.engine import Database
from practice.db.location import parse


def _with_password(url: str, role: str, password: str) -> str:
    """The same database reached as ``role`` with ``password`` (made by the admin; the
    role is named after the database too, as roles belong to the whole server)."""
    base = make_url(url)
    role = f"{role}_{base.database}"
    admin = Database(parse(url))
    try:
        with admin.engine.connect() as conn:
            conn.execute(text(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'"))
            conn.execute(text(f"GRANT ALL ON SCHEMA public TO {role}"))
            conn.commit()
    finally:
        admin.dispose()
    return base.set(drivername="postgresql", username=role, password=password).render_as_string(
        hide_password=False
    )


def test_check_of_an_empty_database_says_so_and_creates_nothing(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _with_password(postgres_url, "therapist_check", "Sekret-4711")
    # When `practice check` looks at an empty database
    assert main(["--db", url, "check"]) == 1
    captured = capsys.readouterr()
    # Then it says the database is not a practice yet and how to make one, never
    # showing the password, and nothing was created (a later move into it still works)
    shown = f"postgresql://{make_url(url).username}:***@"
    assert f"{shown}" in captured.err and "empty: not a practice yet" in captured.err
    assert "`practice migrate --db postgresql://" in captured.err
    assert "`practice move --to postgresql://" in captured.err
    assert "Nothing was created." in captured.err
    assert "Sekret-4711" not in captured.out + captured.err
    assert not migrate.inspect(parse(url)).exists
    engine = create_engine(postgres_url)
    try:
        with engine.connect() as conn:
            tables = conn.execute(
                text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
            ).scalar_one()
    finally:
        engine.dispose()
    assert tables == 0
    # and once made a practice (migrate), check reports the server, schema and trail
    assert main(["--db", url, "migrate"]) == 0
    capsys.readouterr()
    assert main(["--db", url, "check"]) == 0
    out = capsys.readouterr().out
    head = migrate.known_revisions()[1]
    assert "server: PostgreSQL 1" in out
    assert f"schema: {head} (this version: {head})" in out
    assert "audit trail: ok (0 events" in out
    assert out.rstrip().endswith("result: ok")
    assert "Sekret-4711" not in out and f"{make_url(url).username}:***@" in out


def test_seed_demo_then_clients_then_check_on_the_server(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    assert main(["--db", url, "seed-demo"]) == 0
    assert "14 clients" in capsys.readouterr().out
    assert main(["--db", url, "clients"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) == 14 and all(len(r.split("\t")) == 6 for r in rows)
    # a second demo is refused: the database already holds a practice
    assert main(["--db", url, "seed-demo"]) == 1
    assert "already holds a practice" in capsys.readouterr().err
    assert main(["--db", url, "check"]) == 0
    out = capsys.readouterr().out
    assert "audit trail: ok (" in out and "keyed hash chain intact" in out
    assert "(0 events" not in out


def test_a_newer_schema_on_the_server_is_refused_untouched(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    assert main(["--db", url, "migrate"]) == 0
    database = Database(parse(url))
    try:
        with database.engine.connect() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '0099_later'"))
            conn.commit()
    finally:
        database.dispose()
    for name in ("check", "clients", "migrate"):
        assert main(["--db", url, name]) == 1
        assert "newer version of Practice (schema 0099_later)" in capsys.readouterr().err


def test_a_server_that_does_not_answer_is_reported_without_the_password(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Given an address with a password, on a local port where no server listens
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"postgresql://therapist:Never-Shown-9@127.0.0.1:{port}/practice"
    # When a command opens it, Then it fails plainly and the password is nowhere
    assert main(["--db", url, "check"]) == 1
    err = capsys.readouterr().err
    assert "Cannot use postgresql://therapist:***@127.0.0.1" in err
    assert "Never-Shown-9" not in err


def test_commands_for_files_only_say_so_for_a_server(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    assert main(["--db", url, "encrypt"]) == 1
    err = capsys.readouterr().err
    assert "on a server, encryption at rest is the server's job" in err
    # (the app window takes a server: tests/ui/test_server_window.py)


def test_another_kind_of_address_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--db", "mysql://someone@somewhere/practice", "check"])
    assert "give a file path or a postgresql:// address" in capsys.readouterr().err


def test_without_the_driver_the_command_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a copy of Practice without psycopg (its import fails)
    monkeypatch.setitem(sys.modules, "psycopg", None)
    # When a command opens a practice on a server, Then it says what to install
    assert main(["--db", "postgresql://therapist@127.0.0.1:1/practice", "check"]) == 1
    assert "pip install 'practice[postgresql]'" in capsys.readouterr().err


def test_an_older_schema_on_the_server_is_reported_then_upgraded(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a practice on the server at revision 0008 with a client
    engine = create_engine(postgres_url)
    try:
        with engine.connect() as conn:
            config = migrate.alembic_config()
            config.attributes["connection"] = conn
            command.upgrade(config, "0008_appointment_series")
            conn.commit()
    finally:
        engine.dispose()
    url = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    # When it is checked, Then the older schema is a problem and nothing is changed
    assert main(["--db", url, "check"]) == 1
    captured = capsys.readouterr()
    assert "schema: 0008_appointment_series" in captured.out
    assert "run `practice migrate`" in captured.err
    assert migrate.inspect(parse(url)).revision == "0008_appointment_series"
    # and `migrate` brings it to head
    assert main(["--db", url, "migrate"]) == 0
    assert "upgraded from 0008_appointment_series to" in capsys.readouterr().out
    assert migrate.inspect(parse(url)).at_head


def test_three_computers_starting_at_once_on_an_empty_database_all_succeed(
    postgres_url: str,
) -> None:
    # Given an empty database, When three `practice migrate` start at the same moment
    url = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "practice", "--db", url, "migrate"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    # Then one makes the practice, the others wait and find it made; none fails
    assert [run.returncode for run in runs] == [0, 0, 0], outputs
    said = [out for out, _ in outputs]
    assert sum("created a new practice" in out for out in said) == 1, said
    assert sum("already at schema" in out for out in said) == 2, said
    assert migrate.inspect(parse(url)).at_head


def test_two_demos_written_at_once_on_an_empty_database_one_wins_the_other_says_so(
    postgres_url: str,
) -> None:
    # Given an empty database, When two `practice seed-demo` start at the same moment
    url = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "practice", "--db", url, "seed-demo"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    # Then one writes the demo, and the other says the database holds a practice now
    # (never "an unexpected problem")
    assert sorted(run.returncode for run in runs) == [0, 1], outputs
    errors = "".join(err for _, err in outputs)
    assert "already holds a practice" in errors, outputs
    assert "unexpected problem" not in errors and "Traceback" not in errors, outputs
    assert sum("14 clients" in out for out, _ in outputs) == 1, outputs
    # and the practice holds the one demo, its audit trail intact
    assert main(["--db", url, "check"]) == 0


def _tables_of(url: str) -> list[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
            )
            return [str(r[0]) for r in rows]
    finally:
        engine.dispose()


def _alembic_database(url: str, revision: str) -> None:
    """``alembic_version`` holding ``revision``, beside a table that is not Practice's."""
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)"))
            conn.execute(text("INSERT INTO alembic_version VALUES (:r)"), {"r": revision})
            conn.execute(text("CREATE TABLE invoices (id integer PRIMARY KEY, total numeric)"))
    finally:
        engine.dispose()


def test_a_database_at_our_head_without_our_tables_is_not_a_whole_practice(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a database whose alembic_version says this version's head, but whose tables
    # are someone else's
    _alembic_database(postgres_url, migrate.known_revisions()[1])
    url = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    # When the practice's commands open it, Then each says what it is, and none crashes
    for name in ("clients", "seed-demo", "check", "migrate"):
        assert main(["--db", url, name]) == 1, name
        err = capsys.readouterr().err
        assert "is not a whole Practice database: some of its tables are missing (" in err, err
        assert "appointments, " in err and "It was not changed." in err
        assert "unexpected problem" not in err
    # and nothing was added to it
    assert _tables_of(postgres_url) == ["alembic_version", "invoices"]


def test_another_applications_alembic_database_is_not_taken_for_a_newer_practice(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given another application's database, kept with Alembic too (a revision not ours)
    _alembic_database(postgres_url, "3f2a9c1d7b4e")
    url = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    # When the practice's commands open it, Then it is not a Practice database (not a
    # newer one: that is kept for our tables under an unknown revision, see above)
    for name in ("check", "clients", "migrate", "seed-demo"):
        assert main(["--db", url, name]) == 1, name
        err = capsys.readouterr().err
        assert "holds another application's database (its schema 3f2a9c1d7b4e" in err, err
        assert "not a Practice database. It was not changed." in err
        assert "newer version" not in err
    assert _tables_of(postgres_url) == ["alembic_version", "invoices"]
