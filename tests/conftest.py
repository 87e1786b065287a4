"""Shared fixtures: every test database is built by the migrations: a real SQLite file,
or (``engine_kind`` "postgresql") a database on a real PostgreSQL server.

The server: ``PRACTICE_TEST_POSTGRES_URL`` (an admin URL; ``.ci/run`` starts one), else
a throwaway cluster started for the session (``tests/_postgres.py``). With no
PostgreSQL programs on the machine the PostgreSQL cases are skipped, saying so, unless
``PRACTICE_REQUIRE_POSTGRES=1`` (CI), where they fail. The migrations run once into a
template database; each test gets a copy of it (``CREATE DATABASE … TEMPLATE``).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import _postgres

# Offscreen Qt with a 1920x1080 screen (the plugin's default screen is 800x600).
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    _screen = Path(__file__).with_name("offscreen.json")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"

from practice.db import migrate  # noqa: E402
from practice.db.engine import Database, make_engine  # noqa: E402
from practice.db.location import parse  # noqa: E402


@pytest.fixture(scope="session")
def postgres_databases() -> Iterator[_postgres.Databases]:
    """Databases on a real PostgreSQL server (made for the session unless CI gave one)."""
    given = os.environ.get(_postgres.URL)
    if given:
        databases = _postgres.Databases(given)
        yield databases
        databases.close()
        return
    if _postgres.binaries() is None:
        reason = (
            "PostgreSQL server programs (initdb, pg_ctl) are not installed: the PostgreSQL "
            f"cases need them (Debian: apt-get install postgresql), or set {_postgres.URL}"
        )
        if os.environ.get(_postgres.REQUIRE) == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    folder = Path(tempfile.mkdtemp(prefix=_postgres.PREFIX))
    try:
        server = _postgres.start(folder, owner=os.getpid())  # reaped if pytest is killed
        databases = _postgres.Databases(server.url)
        try:
            yield databases
        finally:
            databases.close()
    finally:
        _postgres.stop(folder)


@pytest.fixture(scope="session")
def postgres_template(postgres_databases: _postgres.Databases) -> Iterator[str]:
    """A database migrated to head once, copied for each test."""
    name = postgres_databases.create()
    migrate.upgrade(parse(postgres_databases.url(name)))
    yield name
    postgres_databases.drop(name)


@pytest.fixture
def postgres_url(postgres_databases: _postgres.Databases) -> Iterator[str]:
    """The URL of a new, empty database on the test server (dropped after the test)."""
    name = postgres_databases.create()
    yield postgres_databases.url(name)
    postgres_databases.drop(name)


@pytest.fixture
def engine_kind() -> str:
    """The engine a test's ``db`` runs on: SQLite unless parametrised (tests/services,
    tests/migrations) with :data:`ENGINE_KINDS`."""
    return "sqlite"


@pytest.fixture(autouse=True)
def _isolated_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Default database and backup folder inside the test's own folder, never the user's;
    the same for the settings (Preferences) of the app a test starts as a process."""
    monkeypatch.setenv("PRACTICE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A fresh database file at the current head revision."""
    path = tmp_path / "practice.sqlite3"
    migrate.upgrade(path)
    return path


@pytest.fixture
def templates():  # type: ignore[no-untyped-def]
    """The app's template library: the built-ins and the (test's own) user folder."""
    from practice.sheets.templates import practice_templates

    return practice_templates()


@pytest.fixture
def db(request: pytest.FixtureRequest, engine_kind: str) -> Iterator[Database]:
    """A practice at head: a fresh SQLite file (``db_path``), or a copy of the PostgreSQL
    template database."""
    if engine_kind == "postgresql":
        databases: _postgres.Databases = request.getfixturevalue("postgres_databases")
        name = databases.create(template=request.getfixturevalue("postgres_template"))
        database = Database(parse(databases.url(name)))
        yield database
        database.dispose()
        databases.drop(name)
        return
    database = Database(request.getfixturevalue("db_path"))
    yield database
    database.dispose()


# pytest-alembic: run its built-in tests against a real file with our pragmas.
@pytest.fixture
def alembic_config():  # type: ignore[no-untyped-def]
    from pytest_alembic.config import Config

    return Config.from_raw_config(
        {"script_location": str(migrate.alembic_config().get_main_option("script_location"))}
    )


@pytest.fixture
def alembic_engine(tmp_path: Path):  # type: ignore[no-untyped-def]
    engine = make_engine(tmp_path / "alembic.sqlite3", foreign_keys=False)
    yield engine
    engine.dispose()
