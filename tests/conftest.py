"""Shared fixtures: every test database is a real SQLite file built by the migrations."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Offscreen Qt with a 1920x1080 screen (the plugin's default screen is 800x600).
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    _screen = Path(__file__).with_name("offscreen.json")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"

from practice.db import migrate  # noqa: E402
from practice.db.engine import Database, make_engine  # noqa: E402


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
def db(db_path: Path) -> Iterator[Database]:
    database = Database(db_path)
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
