"""UI fixtures: a real main window on a migrated database, offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from practice.db.engine import Database


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Keep QSettings and the data folder out of the user's real home."""
    from PySide6.QtCore import QSettings

    monkeypatch.setenv("PRACTICE_DATA_DIR", str(tmp_path / "data"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    yield


@pytest.fixture
def main_window(qtbot, db: Database):  # type: ignore[no-untyped-def]
    from practice.ui.main_window import MainWindow

    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window
