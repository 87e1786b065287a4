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


@pytest.fixture(autouse=True)
def _english_gui(qapp: object) -> Iterator[None]:
    """Every UI test starts in English (the tests read English words) unless it asks for
    ``spanish``; the locale is US English whatever the machine's."""
    from practice.ui import i18n

    i18n.install("en")
    yield
    i18n.install("en")


@pytest.fixture(autouse=True)
def _plain_theme(qapp: object) -> Iterator[None]:
    """Every UI test starts on the plain app (a test or ``run_gui`` may apply a theme)."""
    yield
    from practice.ui import theme

    theme.reset()


@pytest.fixture(autouse=True)
def _no_window_left(qapp: object) -> Iterator[None]:
    """Windows a test leaves open are deleted after it: every live widget makes each later
    stylesheet, theme or language change slower (the suite grew quadratic)."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        widget.hide()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def spanish(_english_gui: None) -> Iterator[None]:
    """The GUI in Spanish for this test (windows made after it asks for this)."""
    from practice.ui import i18n

    i18n.install("es")
    yield


class Warnings(list[tuple[str, str]]):
    """Warnings shown with ``QMessageBox.warning``: (title, text), in order."""

    expected = False


@pytest.fixture(autouse=True)
def _no_modal_warnings(monkeypatch: pytest.MonkeyPatch) -> Iterator[Warnings]:
    """Record warnings instead of showing a modal box (which would hang offscreen); a
    test that did not ask for ``message_boxes`` fails if one was shown."""
    from PySide6.QtWidgets import QMessageBox

    shown = Warnings()

    def warning(_parent: object, title: str, text: str, *_: object) -> QMessageBox.StandardButton:
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    yield shown
    if shown and not shown.expected:
        pytest.fail(f"unexpected message box: {shown}")


@pytest.fixture
def message_boxes(_no_modal_warnings: Warnings) -> Warnings:
    """The warnings shown during the test, for it to check."""
    _no_modal_warnings.expected = True
    return _no_modal_warnings


@pytest.fixture
def main_window(qtbot, db: Database, templates):  # type: ignore[no-untyped-def]
    from practice.ui.main_window import MainWindow

    window = MainWindow(db, templates)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window
