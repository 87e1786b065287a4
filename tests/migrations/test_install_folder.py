"""Practice installed in a folder whose name has characters configparser treats
specially (Alembic keeps its settings in a ConfigParser): "%" above all."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from practice.db import migrate
from practice.paths import migrations_dir

pytestmark = pytest.mark.sqlite_only  # about the installed scripts and a file, not an engine


@pytest.mark.parametrize("folder", ["100% sure", "R&D $HOME", "a%(x)s b"])
def test_a_new_practice_is_made_when_the_install_folder_has_odd_characters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    # Given the migration scripts installed under a folder with such a name
    installed = tmp_path / folder / "migrations"
    shutil.copytree(Path(str(migrations_dir())), installed)
    monkeypatch.setattr(migrate, "migrations_dir", lambda: installed)
    # When a new practice is made
    migrate.upgrade(tmp_path / "p.sqlite3", copy_aside=False)
    # Then it is at the newest revision
    state = migrate.inspect(tmp_path / "p.sqlite3")
    assert state.exists and state.at_head, state
