"""Where Practice keeps its files: the user's data folder unless told otherwise."""

from __future__ import annotations

import os
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
