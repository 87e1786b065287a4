"""The migration tests run on both engines (``engine_kind``): an SQLite file and a real
PostgreSQL database. ``old_practice`` is the practice a test builds, upgrades and reads:
the same test text for both, through plain SQL (booleans written TRUE/FALSE, which
SQLite reads as 1/0). Tests about files and installation are marked ``sqlite_only``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine

from _old_practice import OldPractice
from _postgres import ENGINE_KINDS
from practice.db.engine import make_engine


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine_kind" not in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("sqlite_only"):
        return
    metafunc.parametrize("engine_kind", ENGINE_KINDS)


@pytest.fixture
def practice_factory(request: pytest.FixtureRequest, engine_kind: str, tmp_path: Path) -> Any:
    """``practice_factory(name)``: a new, empty place for a practice on the engine."""

    def make(name: str) -> OldPractice:
        if engine_kind == "postgresql":
            databases = request.getfixturevalue("postgres_databases")
            db_name = databases.create()
            request.addfinalizer(lambda: databases.drop(db_name))
            return OldPractice(engine_kind, databases.url(db_name))
        return OldPractice(engine_kind, tmp_path / f"{name}.sqlite3")

    return make


@pytest.fixture
def old_practice(practice_factory: Any) -> OldPractice:
    return practice_factory("old")  # type: ignore[no-any-return]


# pytest-alembic's built-in tests (test_alembic_builtin.py) on both engines
@pytest.fixture
def alembic_engine(  # type: ignore[no-untyped-def]
    request: pytest.FixtureRequest, engine_kind: str, tmp_path: Path
):
    if engine_kind == "postgresql":
        engine = create_engine(request.getfixturevalue("postgres_url"))
    else:
        engine = make_engine(tmp_path / "alembic.sqlite3", foreign_keys=False)
    yield engine
    engine.dispose()
