"""The services tests run on both engines: every test using ``db`` runs once on an
SQLite file and once on a PostgreSQL database, unless marked ``sqlite_only`` (a test
about SQLite files by nature: backup, restore, lock, encryption, file checks)."""

from __future__ import annotations

import pytest

from _postgres import ENGINE_KINDS


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine_kind" not in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("sqlite_only"):
        return
    metafunc.parametrize("engine_kind", ENGINE_KINDS)
