"""``practice backup`` and ``practice restore`` on a PostgreSQL server (issue 17, point 5):
a verified ``pg_dump``, the file backups' rotation, and a restore that goes through a
new database and switches only when it checks out (the real test server)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

import _postgres
from practice.cli import main
from practice.db import migrate
from practice.db.computer import NAME_VARIABLE
from practice.db.engine import Database
from practice.db.location import Location, parse
from practice.services import backup, clients, server_backup
from practice.services.clients import ClientInput

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def _names(url: str) -> set[str]:
    database = Database(parse(url))
    try:
        with database.session() as db:
            return {row.name for row in clients.list_rows(db)}
    finally:
        database.dispose()


def _databases(admin: _postgres.Databases, base: str) -> set[str]:
    with psycopg.connect(admin.admin_url, autocommit=True) as conn:
        rows = conn.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", (base + "%",))
        return {str(r[0]) for r in rows}


@pytest.fixture
def practice_url(postgres_databases: _postgres.Databases) -> Iterator[str]:
    """A practice at head with Amara and Bao on the test server (libpq's URL form); every
    database named after it (kept aside by a restore) is dropped after the test."""
    name = postgres_databases.create()
    url = postgres_databases.url(name)
    migrate.upgrade(parse(url))
    database = Database(parse(url))
    with database.session() as db:
        for first in ("Amara", "Bao"):
            clients.create(db, ClientInput(first_name=first, last_name="Okafor"))
    database.dispose()
    yield url.replace("postgresql+psycopg://", "postgresql://")
    for left in _databases(postgres_databases, name):
        postgres_databases.drop(left)


def _base(url: str) -> str:
    return str(make_url(url).database)


def _delete_bao(url: str) -> None:
    database = Database(parse(url))
    try:
        with database.engine.begin() as conn:
            conn.execute(text("DELETE FROM clients WHERE first_name = 'Bao'"))
    finally:
        database.dispose()


def _check(url: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--db", url, "check"]) == 0, capsys.readouterr()
    return capsys.readouterr().out


def test_backup_then_restore_brings_back_a_deleted_client(
    practice_url: str, postgres_databases: _postgres.Databases, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a practice on the server, backed up with `practice backup`
    assert main(["--db", practice_url, "backup"]) == 0
    out = capsys.readouterr().out.splitlines()
    dump = Path(out[-1])
    assert out[1].startswith("verified: pg_restore read all of it")
    # into the data folder's per-server folder, as a custom-format dump private to the user
    location = parse(practice_url)
    assert dump.parent == location.local_path.parent / "backups"
    assert dump.name.startswith(location.local_path.stem) and dump.name.endswith(".manual.pgdump")
    assert dump.read_bytes()[:5] == b"PGDMP" and dump.stat().st_mode & 0o077 == 0
    assert not list(dump.parent.glob("*.partial"))
    # When a client is deleted afterwards, and the backup restored (by its bare name)
    _delete_bao(practice_url)
    assert _names(practice_url) == {"Okafor, Amara"}
    assert main(["--db", practice_url, "restore", dump.name]) == 0
    said = capsys.readouterr().out
    # Then the client is back, the practice checks out, and the restore is in its trail
    assert _names(practice_url) == {"Okafor, Amara", "Okafor, Bao"}
    assert "audit trail: ok" in _check(practice_url, capsys)
    database = Database(location)
    with database.session() as db:
        actions = db.execute(text("SELECT action, summary FROM audit_events ORDER BY id")).all()
    database.dispose()
    assert actions[-1][0] == "restore" and dump.name in actions[-1][1]
    # and the database used before is kept on the server, Bao deleted in it
    base = _base(practice_url)
    [aside] = _databases(postgres_databases, base) - {base}
    assert aside.startswith(f"{base}_before_restore_") and aside in said
    assert _names(postgres_databases.url(aside)) == {"Okafor, Amara"}


@pytest.mark.parametrize("where", ["user:password@", "?password="])
def test_the_password_goes_to_pg_dump_in_its_environment_never_on_its_command_line(
    where: str, practice_url: str, tmp_path: Path
) -> None:
    if shutil.which("strace") is None:
        pytest.skip("strace is needed to see the command lines")
    if where == "?password=":  # libpq's own way to give it in the address
        url = f"{practice_url}?password=Sekret-4711"
    else:
        url = make_url(practice_url).set(password="Sekret-4711").render_as_string(False)
    trace = tmp_path / "trace"
    done = subprocess.run(
        [
            "strace",
            "-f",
            "-qq",
            "-v",
            "-s",
            "4096",
            "-e",
            "trace=execve",
            "-o",
            str(trace),
            sys.executable,
            "-m",
            "practice",
            "--db",
            url,
            "backup",
        ],  # fmt: skip
        capture_output=True,
        text=True,
        check=False,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    children = [  # the programs run by practice: pg_dump, pg_restore (their --version too)
        line
        for line in trace.read_text().splitlines()
        if "execve(" in line and "/pg_" in line.split(",")[0]
    ]
    runs = [line for line in children if "--format=custom" in line]  # the dump itself
    assert runs, children
    for line in children:
        command_line = line.split("], [")[0]
        assert "Sekret-4711" not in command_line
    assert all("PGPASSWORD=Sekret-4711" in line for line in runs)
    # what the command says hides it, and it warns that the address shows it (ps)
    assert "backed up postgresql://postgres:***@" in done.stdout
    assert "Sekret-4711" not in done.stdout + done.stderr
    assert "can be seen by other users of this computer (ps)" in done.stderr


def test_rotation_keeps_the_same_backups_as_for_a_file(
    practice_url: str, db_path: Path, tmp_path: Path
) -> None:
    # Given the same history of backups of a file and of a practice on the server: the
    # last two days, a day for three weeks, then one a month for a year and a half
    times = [NOW - timedelta(hours=h) for h in (2, 20, 40)]
    times += [NOW - timedelta(days=d, hours=1) for d in range(2, 23)]
    times += [NOW - timedelta(days=30 * m) for m in range(1, 19)]
    location = parse(practice_url)
    files, dumps = tmp_path / "file backups", tmp_path / "server backups"
    for t in times:
        backup.make_backup(db_path, files, "daily", now=t, audit=False, rotate_after=False)
        server_backup.make_backup(location, dumps, "daily", now=t, audit=False, rotate_after=False)
    assert len(server_backup.backups_of(location, dumps)) == len(times)

    # When each is backed up once more now (with the rotation)
    backup.make_backup(db_path, files, "exit", now=NOW, audit=False)
    made = server_backup.make_backup(location, dumps, "exit", now=NOW, audit=False)

    # Then the server's keeps the very backups the file's keep, and the new one
    kept_files = [b.taken_at for b in backup.list_backups(files)]
    kept_dumps = [b.taken_at for b in server_backup.backups_of(location, dumps)]
    assert kept_dumps == kept_files
    assert len(times) + 1 - len(kept_dumps) >= 10  # many were thinned out
    assert made.verified and made.path.exists()


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        ("cut in the middle", "cannot be read as a PostgreSQL backup"),
        # its table of contents still reads (`pg_restore --list` is content with it):
        # only reading every block finds the missing end
        ("its end missing", "is damaged: pg_restore: error: could not read from input file"),
        ("zero bytes", "is empty (0 bytes)"),
    ],
)
def test_a_damaged_dump_is_refused_and_the_practice_left_untouched(
    practice_url: str,
    postgres_databases: _postgres.Databases,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    damage: str,
    problem: str,
) -> None:
    # Given a good dump, then Bao deleted, and the dump damaged
    location = parse(practice_url)
    good = server_backup.make_backup(location, tmp_path / "b", audit=False)
    assert good.verified
    _delete_bao(practice_url)
    damaged = tmp_path / "damaged.pgdump"
    data = good.path.read_bytes()
    cut = {"cut in the middle": len(data) // 2, "its end missing": len(data) - 300}
    damaged.write_bytes(data[: cut.get(damage, 0)])
    # When verified, Then it is not good, saying why
    pg_restore = server_backup.find_tool("pg_restore", server_backup.server_major(location))
    [found] = server_backup.verify(damaged, pg_restore)
    assert problem in found
    # When it is restored, Then it is refused, plainly, and the practice is as it was
    assert main(["--db", practice_url, "restore", str(damaged)]) == 1
    err = capsys.readouterr().err
    assert "failed verification and was not restored" in err
    assert "The practice was left as it was." in err
    assert _names(practice_url) == {"Okafor, Amara"}
    assert _databases(postgres_databases, _base(practice_url)) == {_base(practice_url)}
    _check(practice_url, capsys)


def test_a_dump_made_damaged_by_pg_dump_is_kept_as_failed_not_counted(
    practice_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a pg_dump that writes only the start of the dump (a full disk, a crash)
    location = parse(practice_url)
    real = server_backup._run

    def short(program: Path, args: list[str], url: object) -> subprocess.CompletedProcess[str]:
        done = real(program, args, url)  # type: ignore[arg-type]
        if "--format=custom" in args:
            out = Path(args[args.index("--file") + 1])
            out.write_bytes(out.read_bytes()[:200])
        return done

    monkeypatch.setattr(server_backup, "_run", short)
    # When it backs up, Then the copy is kept as failed and not listed as good
    result = server_backup.make_backup(location, tmp_path / "b", audit=False)
    assert not result.verified and result.path.name.endswith(".pgdump.failed")
    assert [b.verified for b in server_backup.backups_of(location, tmp_path / "b")] == [False]


def test_a_restore_while_another_computer_is_connected_is_refused_cleanly(
    practice_url: str,
    postgres_databases: _postgres.Databases,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Given a dump, Bao deleted since, and Practice on the home laptop still connected
    location = parse(practice_url)
    dump = server_backup.make_backup(location, tmp_path / "b", audit=False).path
    _delete_bao(practice_url)
    monkeypatch.setenv(NAME_VARIABLE, "home-laptop")
    laptop = Database(location)
    other = laptop.engine.connect()
    monkeypatch.setenv(NAME_VARIABLE, "office-pc")
    try:
        # When the dump is restored on the office computer
        assert main(["--db", practice_url, "restore", str(dump)]) == 1
        err = capsys.readouterr().err
    finally:
        other.close()
        laptop.dispose()
    # Then it says the practice is still in use, on which computer, and what to do
    assert "is still in use (Practice on home-laptop)" in err
    assert "Close Practice on the other computers" in err
    # and everything is as it was: the same database, no new one left behind
    assert _names(practice_url) == {"Okafor, Amara"}
    assert _databases(postgres_databases, _base(practice_url)) == {_base(practice_url)}
    # and once the other computer has closed, the restore goes through
    assert main(["--db", practice_url, "restore", str(dump)]) == 0
    assert _names(practice_url) == {"Okafor, Amara", "Okafor, Bao"}


def test_a_dump_of_a_newer_version_is_refused_untouched(
    practice_url: str, postgres_databases: _postgres.Databases, tmp_path: Path, capsys
) -> None:
    # Given a dump of a practice written by a newer version of Practice
    location = parse(practice_url)
    database = Database(location)
    with database.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099_later'"))
    database.dispose()
    dump = server_backup.make_backup(location, tmp_path / "b", audit=False).path
    with Database(location).engine.begin() as conn:
        conn.execute(text(f"UPDATE alembic_version SET version_num = '{migrate.RELEASED_HEAD}'"))
    # When it is restored, Then it is refused after its check and nothing changes
    assert main(["--db", practice_url, "restore", str(dump)]) == 1
    err = capsys.readouterr().err
    assert "failed its check and was not used" in err and "newer version" in err
    assert "Practice.." not in err and "Please update Practice. The practice was left" in err
    assert _databases(postgres_databases, _base(practice_url)) == {_base(practice_url)}
    assert migrate.inspect(location).at_head


def test_missing_or_too_old_pg_dump_is_said_plainly(
    practice_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    # Given no PostgreSQL programs anywhere this computer looks
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(server_backup, "TOOL_FOLDERS", str(tmp_path / "none" / "*"))
    assert main(["--db", practice_url, "backup"]) == 1
    err = capsys.readouterr().err
    assert "pg_dump is not installed on this computer" in err and "postgresql-client" in err
    # Given only a pg_dump older than the server
    old = tmp_path / "pg_dump"
    old.write_text("#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.6.24'\n")
    old.chmod(0o755)
    assert main(["--db", practice_url, "backup"]) == 1
    err = capsys.readouterr().err
    assert "pg_dump on this computer is version 9, older than the server" in err
    assert not list(server_backup.backup_folder(parse(practice_url)).glob("*.pgdump*"))


def test_location_of_a_server_backup_is_the_per_server_folder() -> None:
    location = parse("postgresql://therapist@db.example.org:5433/practice")
    assert isinstance(location, Location)
    folder = server_backup.backup_folder(location)
    assert folder == Path(os.environ["PRACTICE_DATA_DIR"]) / "servers" / "backups"
    assert server_backup.stem(location) == "db.example.org-5433-practice"


def test_an_empty_database_is_not_backed_up(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    assert main(["--db", url, "backup"]) == 1
    assert "holds no practice yet; no backup was made" in capsys.readouterr().err
    assert not server_backup.backups_of(parse(url))


def test_a_dump_of_an_older_schema_is_upgraded_in_the_new_database_before_the_switch(
    practice_url: str, postgres_databases: _postgres.Databases, tmp_path: Path, capsys
) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    # Given a dump of a practice at revision 0008 (an older version's) holding Ines
    old_name = postgres_databases.create()
    old_url = postgres_databases.url(old_name)
    engine = create_engine(old_url)
    try:
        with engine.connect() as conn:
            config = migrate.alembic_config()
            config.attributes["connection"] = conn
            command.upgrade(config, "0008_appointment_series")
            conn.commit()
    finally:
        engine.dispose()
    database = Database(parse(old_url))
    with database.session() as db:
        db.execute(
            text(
                "INSERT INTO clients (first_name, last_name, sort_name, identity_key, language,"
                " literacy_level, large_print, preferred_modality, reminder_channel,"
                " cannot_postpone, status, created_at, updated_at) VALUES ('Ines', 'Ferreira',"
                " 'ferreira ines', 'ines ferreira|', 'es', 'easy', false, 'paper', 'none', false,"
                " 'active', now(), now())"
            )
        )
    database.dispose()
    dump = server_backup.make_backup(parse(old_url), tmp_path / "b", audit=False)
    postgres_databases.drop(old_name)
    assert dump.verified
    # When it is restored over the practice at head (another practice: said so)
    assert main(["--db", practice_url, "restore", str(dump.path), "--other-practice"]) == 0
    capsys.readouterr()
    # Then the practice is at this version's schema, with the backup's client, and checks out
    assert migrate.inspect(parse(practice_url)).at_head
    assert _names(practice_url) == {"Ferreira, Ines"}
    assert "audit trail: ok" in _check(practice_url, capsys)


def test_pg_dump_reaches_another_computer_only_over_verified_tls() -> None:
    # pg_dump and pg_restore get the address as libpq reads it: to another computer it
    # carries sslmode=verify-full, as the app's own connections do, and no password
    from practice.services.server_backup import _libpq_url

    remote = parse("postgresql://ana:s3cret@office-pc.lan/practice").url
    local = parse("postgresql://ana:s3cret@127.0.0.1/practice").url
    assert remote is not None and local is not None
    assert _libpq_url(remote) == "postgresql://ana@office-pc.lan/practice?sslmode=verify-full"
    assert _libpq_url(local) == "postgresql://ana@127.0.0.1/practice"


def test_a_password_left_in_the_query_still_goes_to_pg_dump_in_its_environment() -> None:
    # an address not read by parse() (which moves it) may still carry ?password=
    from practice.services.server_backup import _child_env, _libpq_url

    url = make_url("postgresql://ana@127.0.0.1/practice?password=s3cret&connect_timeout=5")
    assert _libpq_url(url) == "postgresql://ana@127.0.0.1/practice?connect_timeout=5"
    assert _child_env(url)["PGPASSWORD"] == "s3cret"


# --- issue 17 review: who owns the restored practice, whose dump, what it holds, at once


def _as(url: str, user: str) -> str:
    return make_url(url).set(username=user).render_as_string(hide_password=False)


@pytest.fixture
def own_role(postgres_databases: _postgres.Databases) -> Iterator[Callable[[str], str]]:
    """Make login roles named after a test database (no CREATEDB, not superuser); every
    one made is dropped at the end, with the databases it owns."""
    made: list[str] = []
    admin = psycopg.connect(postgres_databases.admin_url, autocommit=True)

    def make(name: str) -> str:
        admin.execute(f'CREATE ROLE "{name}" LOGIN')  # type: ignore[arg-type]
        made.append(name)
        return name

    yield make
    for role in made:
        owned = admin.execute(
            "SELECT datname FROM pg_database WHERE datdba = "
            "(SELECT oid FROM pg_roles WHERE rolname = %s)",
            (role,),
        ).fetchall()
        for (name,) in owned:
            postgres_databases.drop(str(name))
        admin.execute(f'DROP ROLE IF EXISTS "{role}"')  # type: ignore[arg-type]
    admin.close()


def _owned_practice(postgres_databases: _postgres.Databases, role: str, name: str) -> str:
    """A practice in database ``name`` of ``role``, made by ``role`` (as the small-practice
    setup does), with Amara and Bao; its libpq URL as ``role``."""
    with psycopg.connect(postgres_databases.admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}" OWNER "{role}"')  # type: ignore[arg-type]
    url = _as(postgres_databases.url(name), role)
    migrate.upgrade(parse(url))
    database = Database(parse(url))
    with database.session() as db:
        for first in ("Amara", "Bao"):
            clients.create(db, ClientInput(first_name=first, last_name="Okafor"))
    database.dispose()
    return url.replace("postgresql+psycopg://", "postgresql://")


def test_a_restore_by_the_admin_leaves_the_practice_to_its_own_role(
    postgres_databases: _postgres.Databases,
    own_role: Callable[[str], str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Given a practice made by its own role (no CREATEDB), backed up, Bao deleted since
    base = f"{postgres_databases.create()}_own"
    role = own_role(f"t2_{base}")
    url = _owned_practice(postgres_databases, role, base)
    dump = server_backup.make_backup(parse(url), tmp_path / "b", audit=False).path
    _delete_bao(url)
    # When the server's administrator restores it
    admin_url = _as(url, "postgres")
    assert main(["--db", admin_url, "restore", str(dump)]) == 0, capsys.readouterr()
    capsys.readouterr()
    # Then the practice's own role can still use it: it checks out, and writes
    assert "audit trail: ok" in _check(url, capsys)
    assert _names(url) == {"Okafor, Amara", "Okafor, Bao"}
    database = Database(parse(url))
    with database.session() as db:
        clients.create(db, ClientInput(first_name="Chidi", last_name="Okafor"))
    database.dispose()
    # and the new database and all in it are the role's, not the administrator's
    with psycopg.connect(url) as conn:
        owner = conn.execute(
            "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"
        ).fetchone()
        others = conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner <> %s",
            (role,),
        ).fetchall()
        setting = conn.execute("SELECT current_user").fetchone()
    assert owner == (role,) and others == []
    assert setting == (role,)  # the restore's own role setting was taken off again


def test_a_user_who_cannot_act_as_the_owner_is_refused_before_anything_changes(
    postgres_databases: _postgres.Databases,
    own_role: Callable[[str], str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Given a practice of one role, and another role that may create databases
    base = f"{postgres_databases.create()}_own"
    role = own_role(f"t2_{base}")
    url = _owned_practice(postgres_databases, role, base)
    dump = server_backup.make_backup(parse(url), tmp_path / "b", audit=False).path
    _delete_bao(url)
    stranger = own_role(f"t3_{base}")
    with psycopg.connect(postgres_databases.admin_url, autocommit=True) as admin:
        admin.execute(f'ALTER ROLE "{stranger}" CREATEDB')  # type: ignore[arg-type]
    # When that other role restores the practice
    assert main(["--db", _as(url, stranger), "restore", str(dump)]) == 1
    err = capsys.readouterr().err
    # Then it is refused, saying whose the practice is, and nothing changed
    assert f"the practice belongs to the user {role}" in err and "Nothing was changed." in err
    assert _names(url) == {"Okafor, Amara"}
    assert _databases(postgres_databases, base) == {base}


def test_a_dump_of_another_practice_is_refused_unless_said_so(
    practice_url: str,
    postgres_databases: _postgres.Databases,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Given a dump of another practice (Ines's), made on the same server
    other = postgres_databases.create()
    other_url = postgres_databases.url(other)
    migrate.upgrade(parse(other_url))
    database = Database(parse(other_url))
    with database.session() as db:
        clients.create(db, ClientInput(first_name="Ines", last_name="Ferreira"))
    database.dispose()
    dump = server_backup.make_backup(parse(other_url), tmp_path / "b", audit=False).path
    postgres_databases.drop(other)
    # When it is restored over this practice, Then it is refused, as for a file
    assert main(["--db", practice_url, "restore", str(dump)]) == 1
    err = capsys.readouterr().err
    assert "is a backup of another practice" in err and "add --other-practice" in err
    assert _names(practice_url) == {"Okafor, Amara", "Okafor, Bao"}
    assert _databases(postgres_databases, _base(practice_url)) == {_base(practice_url)}
    # and with --other-practice it is restored
    assert main(["--db", practice_url, "restore", str(dump), "--other-practice"]) == 0
    assert _names(practice_url) == {"Ferreira, Ines"}


def test_a_dump_holding_a_foreign_function_and_table_is_refused_unrun(
    practice_url: str,
    postgres_databases: _postgres.Databases,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Given a dump of this practice to which someone added a function that runs a program,
    # called by a CHECK of an extra table holding a row (restoring the row runs it)
    marker = Path("/tmp") / f"{_base(practice_url)}-ran"  # where the server may write
    marker.unlink(missing_ok=True)
    with psycopg.connect(practice_url, autocommit=True) as conn:
        conn.execute(
            "CREATE FUNCTION sneaky() RETURNS boolean LANGUAGE plpgsql AS $f$ BEGIN "
            f"COPY (SELECT 1) TO PROGRAM 'touch {marker}'; RETURN true; END $f$"
        )
        conn.execute("CREATE TABLE extra (i int CHECK (sneaky()))")
        conn.execute("INSERT INTO extra VALUES (1)")
    marker.unlink()
    dump = server_backup.make_backup(parse(practice_url), tmp_path / "b", audit=False).path
    with psycopg.connect(practice_url, autocommit=True) as conn:
        conn.execute("DROP TABLE extra")
        conn.execute("DROP FUNCTION sneaky()")
    _delete_bao(practice_url)
    # When it is restored
    assert main(["--db", practice_url, "restore", str(dump)]) == 1
    err = capsys.readouterr().err
    # Then it is refused, naming what is foreign, and none of it ran
    assert "not part of a Practice database" in err
    assert "FUNCTION sneaky()" in err and "TABLE extra" in err
    assert not marker.exists()
    assert _names(practice_url) == {"Okafor, Amara"}
    assert _databases(postgres_databases, _base(practice_url)) == {_base(practice_url)}


def test_a_dump_of_a_fresh_practice_holds_nothing_foreign(
    practice_url: str, tmp_path: Path
) -> None:
    location = parse(practice_url)
    dump = server_backup.make_backup(location, tmp_path / "b", audit=False).path
    pg_restore = server_backup.find_tool("pg_restore", server_backup.server_major(location))
    listing = subprocess.run(
        [str(pg_restore), "--list", str(dump)], capture_output=True, text=True, check=True
    ).stdout
    assert "FUNCTION public audit_keys_keep()" in listing
    assert server_backup.foreign_entries(listing) == []
    assert server_backup.foreign_entries(listing + "300; 3079 1 EXTENSION - dblink \n") == [
        "EXTENSION - dblink"
    ]


def test_leftovers_of_a_practice_with_a_long_name_are_dropped(
    postgres_databases: _postgres.Databases, tmp_path: Path
) -> None:
    # Given a practice whose database name is longer than a restore's names leave room for
    base = f"{postgres_databases.create()}_a_rather_long_practice_name"
    assert len(base.encode()) > 34
    with psycopg.connect(postgres_databases.admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{base}"')  # type: ignore[arg-type]
    try:
        url = postgres_databases.url(base)
        migrate.upgrade(parse(url))
        dump = server_backup.make_backup(parse(url), tmp_path / "b", audit=False).path
        # and a database a killed restore left, named (shortened) as a restore names it
        leftover, _ = server_backup._names(base, "20261101120000")
        assert not leftover.startswith(base)
        with psycopg.connect(postgres_databases.admin_url, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{leftover}"')  # type: ignore[arg-type]
        # When the practice is restored
        server_backup.restore(parse(url), dump)
        # Then the leftover is gone, and the one kept aside is counted
        short = leftover.split("_restore_")[0]
        names = _databases(postgres_databases, short)
        assert leftover not in names
        assert len(server_backup.kept_copies(parse(url))) == 1
    finally:
        with psycopg.connect(postgres_databases.admin_url, autocommit=True) as admin:
            rows = admin.execute(
                "SELECT datname FROM pg_database WHERE datname LIKE %s", (base[:30] + "%",)
            ).fetchall()
        for (name,) in rows:
            postgres_databases.drop(f'"{name}"')


def test_two_restores_at_once_the_second_is_refused(
    practice_url: str,
    postgres_databases: _postgres.Databases,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Given a dump, and a first restore held inside its pg_restore
    location = parse(practice_url)
    dump = server_backup.make_backup(location, tmp_path / "b", audit=False).path
    _delete_bao(practice_url)
    inside, go_on = threading.Event(), threading.Event()
    real = server_backup._run

    def held(program: Path, args: list[str], url: object) -> subprocess.CompletedProcess[str]:
        if "--single-transaction" in args and threading.current_thread().name == "first":
            inside.set()
            go_on.wait(60)
        return real(program, args, url)  # type: ignore[arg-type]

    monkeypatch.setattr(server_backup, "_run", held)
    outcome: list[object] = []

    def first() -> None:
        try:
            outcome.append(server_backup.restore(location, dump))
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            outcome.append(exc)

    thread = threading.Thread(target=first, name="first")
    thread.start()
    try:
        assert inside.wait(60)
        # When a second restore of the practice starts meanwhile (a later second)
        with pytest.raises(backup.BackupError, match="Another restore of this practice is"):
            server_backup.restore(location, dump, now=datetime.now(UTC) + timedelta(seconds=5))
    finally:
        go_on.set()
        thread.join(120)
    # Then the first one finished undisturbed
    assert isinstance(outcome[0], str), outcome
    assert _names(practice_url) == {"Okafor, Amara", "Okafor, Bao"}


def test_a_killed_pg_dump_is_said_with_its_signal(
    practice_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    # Given a pg_dump that is killed (SIGKILL) as it starts
    location = parse(practice_url)
    real = server_backup.find_tool("pg_dump", server_backup.server_major(location))
    tools = tmp_path / "bin"
    tools.mkdir()
    (tools / "pg_dump").write_text(
        f'#!/bin/sh\n[ "$1" = --version ] && exec {real} --version\nkill -9 $$\n'
    )
    (tools / "pg_dump").chmod(0o755)
    restore_tool = server_backup.find_tool("pg_restore", server_backup.server_major(location))
    (tools / "pg_restore").symlink_to(restore_tool)
    monkeypatch.setenv("PATH", f"{tools}:{os.environ['PATH']}")
    monkeypatch.setattr(server_backup, "TOOL_FOLDERS", str(tmp_path / "none" / "*"))
    # When the practice is backed up, Then the message says how pg_dump stopped
    assert main(["--db", practice_url, "backup", "--to", str(tmp_path / "b")]) == 1
    err = capsys.readouterr().err
    assert "pg_dump stopped (killed by signal 9). No backup was made." in err, err
    assert not list((tmp_path / "b").iterdir())


def test_a_stale_partial_dump_of_this_practice_is_removed_at_the_next_backup(
    practice_url: str, tmp_path: Path
) -> None:
    # Given what a backup killed at its rename left (a whole dump, unencrypted), a
    # partial of another practice, and one of a backup still being written
    location = parse(practice_url)
    folder = tmp_path / "b"
    folder.mkdir()
    stale = folder / f"{server_backup.stem(location)}.20261101T120000Z.daily.pgdump.partial"
    running = folder / f"{server_backup.stem(location)}.20261206T050000Z.exit.pgdump.partial"
    theirs = folder / "db.example.org-5432-other.20261101T120000Z.daily.pgdump.partial"
    for left in (stale, running, theirs):
        left.write_bytes(b"PGDMP client data")
    old = time.time() - 3600
    for left in (stale, theirs):
        os.utime(left, (old, old))
    # When the practice is backed up
    assert server_backup.make_backup(location, folder, audit=False).verified
    # Then this practice's stale partial is gone; the others are not touched
    assert not stale.exists()
    assert running.exists() and theirs.exists()


def test_pg_dump_meeting_an_upgrade_is_said_plainly() -> None:
    done = subprocess.CompletedProcess(
        ["pg_dump"],
        1,
        "",
        "pg_dump: error: query failed: ERROR:  deadlock detected\nDETAIL:  Process 1 waits",
    )
    said = server_backup._dump_problem(done)
    assert said == "the practice was being changed (an upgrade?): try again in a minute"


def test_restores_kept_aside_are_counted_and_how_to_drop_them_said(
    practice_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = server_backup.make_backup(parse(practice_url), tmp_path / "b", audit=False).path
    assert main(["--db", practice_url, "restore", str(dump)]) == 0
    assert "kept on the server: 1 " in capsys.readouterr().out
    server_backup.restore(parse(practice_url), dump, now=datetime.now(UTC) - timedelta(hours=1))
    assert main(["--db", practice_url, "restore", str(dump)]) == 0
    out = capsys.readouterr().out
    assert "earlier copies of this practice kept on the server: 3 " in out
    assert "Practice never deletes them" in out and "DROP DATABASE" in out


def test_the_practices_own_role_with_createdb_restores_it(
    postgres_databases: _postgres.Databases,
    own_role: Callable[[str], str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Given a practice of its own role, which was given CREATEDB (docs/small-practice.md)
    base = f"{postgres_databases.create()}_own"
    role = own_role(f"t2_{base}")
    url = _owned_practice(postgres_databases, role, base)
    with psycopg.connect(postgres_databases.admin_url, autocommit=True) as admin:
        admin.execute(f'ALTER ROLE "{role}" CREATEDB')  # type: ignore[arg-type]
    dump = server_backup.make_backup(parse(url), tmp_path / "b", audit=False).path
    _delete_bao(url)
    # When the role restores it itself, Then Bao is back and the practice checks out
    assert main(["--db", url, "restore", str(dump)]) == 0, capsys.readouterr()
    capsys.readouterr()
    assert _names(url) == {"Okafor, Amara", "Okafor, Bao"}
    assert "audit trail: ok" in _check(url, capsys)


def test_a_dump_whose_audit_function_was_changed_is_refused_unrun(
    practice_url: str,
    postgres_databases: _postgres.Databases,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Given a dump of this practice whose audit keys' guard was made to run a program
    with psycopg.connect(practice_url, autocommit=True) as conn:
        conn.execute(
            "CREATE OR REPLACE FUNCTION audit_keys_keep() RETURNS trigger LANGUAGE plpgsql "
            "AS $f$ BEGIN COPY (SELECT 1) TO PROGRAM 'true'; RETURN NEW; END $f$"
        )
    dump = server_backup.make_backup(parse(practice_url), tmp_path / "b", audit=False).path
    # When it is restored, Then it is refused, naming the function
    assert main(["--db", practice_url, "restore", str(dump)]) == 1
    err = capsys.readouterr().err
    assert "not part of a Practice database (FUNCTION public.audit_keys_keep() (changed))" in err
    assert _databases(postgres_databases, _base(practice_url)) == {_base(practice_url)}


def test_a_backup_a_restore_would_refuse_is_not_called_good(
    practice_url: str, tmp_path: Path
) -> None:
    # Given a practice's database where someone put a table of another program
    with psycopg.connect(practice_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE zz_other (i int)")
    # When it is backed up, Then the backup is not verified, saying why, so that the
    # therapist hears it now and not on the day a restore refuses it
    result = server_backup.make_backup(parse(practice_url), tmp_path / "b", audit=False)
    assert not result.verified
    assert any("TABLE zz_other" in p and "restore refuses" in p for p in result.problems)


def test_two_long_practice_names_with_one_start_keep_apart() -> None:
    # restores name their databases after a cut of the practice's name: two practices
    # whose names share their first 33 bytes must still have names of their own
    north = "therapy_practice_of_doctor_someone_north_clinic"
    south = "therapy_practice_of_doctor_someone_south_clinic"
    stamp = "20261206120000"
    names = {*server_backup._names(north, stamp), *server_backup._names(south, stamp)}
    assert len(names) == 4
    assert all(len(name.encode()) <= 63 for name in names)
    assert server_backup._names("practice", stamp) == (
        f"practice_restore_{stamp}",
        f"practice_before_restore_{stamp}",
    )


def test_the_first_backup_of_a_server_makes_the_data_folder_private(
    practice_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a computer whose data folder does not exist yet (a new laptop), and a umask
    # that makes folders readable by others
    data = tmp_path / "home" / "Practice"
    monkeypatch.setenv("PRACTICE_DATA_DIR", str(data))
    old = os.umask(0o022)
    try:
        # When the server's practice is backed up into its default folder
        assert server_backup.make_backup(parse(practice_url), audit=False).verified
    finally:
        os.umask(old)
    # Then every folder made on the way is the user's only (no warning at the next start)
    for folder in (data, data / "servers", data / "servers" / "backups"):
        assert folder.is_dir() and folder.stat().st_mode & 0o077 == 0, folder
