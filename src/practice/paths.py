"""Where Practice finds its files: the user's data folder, and the files it ships."""

from __future__ import annotations

import os
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "Practice"
DB_FILENAME = "practice.sqlite3"


def data_dir() -> Path:
    """The data folder (``PRACTICE_DATA_DIR`` overrides the platform's default)."""
    override = os.environ.get("PRACTICE_DATA_DIR")
    return Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def resource_dir(*parts: str) -> Traversable:
    """A folder of the shipped data files (``resources/`` in the repository).

    The one place that knows where they are: installed, editable or frozen, they are
    the package ``practice.resources``.
    """
    return resources.files("practice.resources").joinpath(*parts)


def migrations_dir() -> Traversable:
    """The Alembic environment and its ``versions/`` (``migrations/`` in the repository)."""
    return resources.files("practice.migrations")
