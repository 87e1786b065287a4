"""A bug in the app is logged and shown in one dialog, never printed (``ui.crash``)."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QPushButton
from sqlalchemy.orm import Session

from practice import logs
from practice.db.engine import Database
from practice.services import clients
from practice.services.clients import ClientInput
from practice.ui import crash
from practice.ui.actions import run_action

SECRET = "Secretname"


def _crash_dialogs() -> list[crash.CrashDialog]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, crash.CrashDialog) and w.isVisible()
    ]


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch, qapp):  # type: ignore[no-untyped-def]
    """The crash report as the app installs it at start; the hooks are put back after."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    logs.setup_logging()
    yield crash.install  # called in the test itself: pytest sets its own hooks per phase
    for dialog in _crash_dialogs():
        dialog.close()


def _buggy_work(s: Session) -> None:
    """A user action with a bug whose message holds the client's name."""
    clients.create(s, ClientInput(first_name="Ana", last_name=SECRET))
    raise LookupError(f"no sheet for 'Ana {SECRET}'")


@pytest.mark.qt_no_exception_capture
def test_a_bug_after_a_real_click_shows_one_dialog_and_writes_the_log(
    qtbot, db: Database, installed
) -> None:
    # Given the crash report installed, and a button whose action has a bug
    installed()
    button = QPushButton("Save")
    button.clicked.connect(lambda: run_action(button, db, _buggy_work))
    qtbot.addWidget(button)

    # When the button is clicked
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    # Then one dialog says so and names the log file
    [dialog] = _crash_dialogs()
    assert dialog.windowTitle() == "Practice hit an unexpected problem"
    assert str(logs.log_path()) in dialog.message.text()
    # and the log holds the traceback, without the client's name
    text = logs.log_path().read_text(encoding="utf-8")
    assert "Traceback (most recent call last):" in text and "_buggy_work" in text
    assert "LookupError: <message hidden: 29 characters>" in text and SECRET not in text
    # "Copy details" puts the same traceback on the clipboard, still without the name
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Traceback (most recent call last):")
    assert copied.rstrip().endswith("LookupError: <message hidden: 29 characters>")
    assert SECRET not in copied
    # and the action's unit of work was rolled back
    with db.session() as s:
        assert clients.list_rows(s) == []


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_a_background_thread_is_shown_by_the_window_thread(qtbot, installed) -> None:
    # Given the crash report installed
    installed()

    # When a background task fails
    def task() -> None:
        raise RuntimeError(f"backup of '{SECRET}' failed")

    worker = threading.Thread(target=task, name="practice-test")
    worker.start()
    worker.join()

    # Then the window's thread shows the dialog, and the log has the traceback
    qtbot.waitUntil(lambda: len(_crash_dialogs()) == 1, timeout=5000)
    text = logs.log_path().read_text(encoding="utf-8")
    assert "unexpected error in a background task" in text
    assert "RuntimeError: <message hidden: 29 characters>" in text and SECRET not in text


@pytest.fixture
def qt_messages(installed):  # type: ignore[no-untyped-def]
    """The crash report installed with Qt's messages going to the log; pytest-qt's own
    message handler is put back after."""
    from PySide6.QtCore import qInstallMessageHandler

    previous = qInstallMessageHandler(None)
    qInstallMessageHandler(previous)
    installed()
    yield
    qInstallMessageHandler(previous)


@pytest.mark.qt_no_exception_capture
def test_a_qt_critical_message_reaches_the_log_and_the_crash_dialog(qtbot, qt_messages) -> None:
    from PySide6.QtCore import qCritical

    # When Qt says something critical (a real qCritical, as Qt's own code calls it)
    qCritical(f"QSqlDatabase: cannot open '{SECRET}.db'")

    # Then the crash dialog shows it, once Qt's call has returned
    qtbot.waitUntil(lambda: len(_crash_dialogs()) == 1, timeout=5000)
    [dialog] = _crash_dialogs()
    assert str(logs.log_path()) in dialog.message.text()
    assert "QSqlDatabase: cannot open '…'" in dialog.details and SECRET not in dialog.details
    # and the log holds it as an error, the value scrubbed
    text = logs.log_path().read_text(encoding="utf-8")
    assert "ERROR practice: Qt reported a critical problem" in text
    assert "QtCriticalError: Qt: QSqlDatabase: cannot open '…'" in text
    assert SECRET not in text


@pytest.mark.qt_no_exception_capture
def test_qt_warnings_are_logged_and_known_noise_stays_at_debug(qtbot, qt_messages) -> None:
    from PySide6.QtCore import qWarning

    # When Qt warns about something real, and about something harmless
    qWarning(f"QFile::remove: cannot remove '{SECRET}.pdf'")
    qWarning("This plugin does not support propagateSizeHints()")
    qtbot.wait(50)

    # Then the real warning is in the log (its value scrubbed), the noise is not,
    # and no dialog opens for a warning
    text = logs.log_path().read_text(encoding="utf-8")
    assert "WARNING practice.qt: Qt: QFile::remove: cannot remove '…'" in text
    assert SECRET not in text
    assert "propagateSizeHints" not in text
    assert _crash_dialogs() == []
