"""What a damaged install, a hand-edited settings file, a second running copy or a
flood of Qt warnings must not do: stop the app, lose settings, or put client data
in the log (ui.i18n, ui.auto_lock, ui.preferences, practice.logs, ui.crash, ui.app_menus)."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication, QPushButton
from sqlalchemy.orm import Session
from tests.ui.test_preferences import _choose, _open_preferences, _type

from practice import logs
from practice.db.engine import Database
from practice.paths import data_dir
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import crash, help_window, i18n, theme
from practice.ui.actions import run_action
from practice.ui.auto_lock import MINUTES_KEY
from practice.ui.backups_dialog import backup_folder, remember_folder
from practice.ui.reminder_defaults import TIME_KEY
from practice.ui.sheet_preview import LAST_PAPER_KEY

NAMES = ("Consuelo", "Brien", "Connie", "Dolores", "Ramírez")


def _window(qtbot, db: Database, templates):  # type: ignore[no-untyped-def]
    from practice.ui.main_window import MainWindow

    window = MainWindow(db, templates)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def _log_text() -> str:
    path = logs.log_path()
    return path.read_text(encoding="utf-8") if path.exists() else ""


# ---- 1. a missing or damaged Spanish translation ------------------------------------
@pytest.mark.parametrize("damage", ["missing", "empty", "garbage"])
def test_a_missing_or_damaged_translation_starts_in_english_and_says_so_in_the_log(
    qtbot, db, templates, tmp_path, monkeypatch, damage
):
    # Given an install whose Spanish .qm is missing, empty or not a .qm at all
    folder = tmp_path / "translations"
    folder.mkdir()
    if damage == "empty":
        (folder / f"{i18n.QM_STEM}.qm").write_bytes(b"")
    elif damage == "garbage":
        (folder / f"{i18n.QM_STEM}.qm").write_bytes(b"this is not a translation\x00\xff" * 40)
    monkeypatch.setattr(i18n, "translations_folder", lambda: folder)
    logs.setup_logging()

    # When the GUI is asked to speak Spanish
    language = i18n.install("es")

    # Then it speaks English, with the English locale, and the log says why, once
    assert language == "en" and i18n.current_language() == "en"
    assert QLocale().language() == QLocale.Language.English
    warnings = [line for line in _log_text().splitlines() if "WARNING" in line]
    assert len(warnings) == 1 and "translation is missing or damaged" in warnings[0]
    # and the main window is built, in English
    window = _window(qtbot, db, templates)
    menus = [action.text() for action in window.menuBar().actions()]
    assert "&File" in menus, menus


# ---- 2. a huge auto-lock value in the settings -------------------------------------
@pytest.mark.parametrize(
    ("written", "minutes"), [("99999", 240), ("1e300", 240), ("inf", 5), ("nan", 5), ("0.001", 1)]
)
def test_any_auto_lock_value_in_the_settings_opens_the_practice(
    qtbot, db, templates, written, minutes
):
    # Given a settings file edited by hand
    QSettings().setValue(MINUTES_KEY, written)
    # When the practice opens
    window = _window(qtbot, db, templates)
    # Then it opens, with the minutes kept within what Preferences offers
    assert window.auto_lock.timer.interval() == minutes * 60_000
    dialog = _open_preferences(qtbot, window)
    assert dialog.minutes.value() == minutes
    dialog.close()


# ---- 3. no client data in the log or the crash details ----------------------------
@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch, qapp):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    logs.setup_logging()
    yield crash.install
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, crash.CrashDialog):
            widget.close()


def _marked_error() -> Exception:
    message = QT_TRANSLATE_NOOP("tests", "{name} has no session with {other}.")
    return LookupError(message.format(name="Consuelo O'Brien", other="Dolores Ramírez"))


BUGS = {
    "apostrophe": (
        KeyError('Consuelo O\'Brien "Connie"'),
        "KeyError: <message hidden: 28 characters>",
    ),
    "unquoted": (
        ValueError("no sheet for Dolores Ramírez"),
        "ValueError: <message hidden: 28 characters>",
    ),
    "note": (
        RuntimeError("Connie's week: slept badly.\nDolores's visit went 'fine'"),
        "RuntimeError: <message hidden: 55 characters>",
    ),
    "marked": (_marked_error(), "LookupError: {name} has no session with {other}."),
    "sqlite": (
        sqlite3.IntegrityError("UNIQUE constraint failed: clients.email"),
        "IntegrityError: UNIQUE constraint failed: clients.email",
    ),
    "import": (  # what a bundle that misses a module says: only the module's name
        ModuleNotFoundError("No module named 'reportlab.graphics.barcode.qr'", name="qr"),
        "ModuleNotFoundError: No module named 'qr'",
    ),
}


@pytest.mark.qt_no_exception_capture
@pytest.mark.parametrize("bug", list(BUGS))
def test_the_log_and_copy_details_never_hold_a_message_that_may_name_a_client(
    qtbot, db: Database, installed, bug
) -> None:
    error, kept = BUGS[bug]

    def work(s: Session) -> None:
        raise error

    # Given the crash report installed and a button whose action fails with ``error``
    installed()
    button = QPushButton("Save")
    button.clicked.connect(lambda: run_action(button, db, work))
    qtbot.addWidget(button)
    # When it is clicked and "Copy details" too
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    [dialog] = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, crash.CrashDialog) and w.isVisible()
    ]
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    # Then the log and the copy keep the traceback and only what is safe of the message
    text = _log_text()
    for where in (text, dialog.details, copied):
        assert "Traceback (most recent call last):" in where and ", in work" in where
        assert kept in where, where
        assert not [name for name in NAMES if name in where], where
    assert "hold no client data" in dialog.message.text()


def test_library_errors_keep_their_words_but_not_the_values() -> None:
    def details(error: BaseException) -> str:
        try:
            raise error
        except BaseException as raised:
            return logs.crash_details(raised)

    # An OSError keeps the system's reason, not the file's name
    text = details(PermissionError(13, "Permission denied", "/home/t/Consuelo O'Brien.pdf"))
    assert (
        text.endswith("PermissionError: [Errno 13] Permission denied\n") and "Consuelo" not in text
    )
    # A SQLAlchemy error keeps its words when its parameters are hidden, else not
    from sqlalchemy.exc import IntegrityError

    orig = sqlite3.IntegrityError("NOT NULL constraint failed: clients.sort_name")
    hidden = IntegrityError(
        "INSERT INTO clients", {"last_name": "Ramírez"}, orig, hide_parameters=True
    )
    shown = IntegrityError("INSERT INTO clients", {"last_name": "Ramírez"}, orig)
    assert "NOT NULL constraint failed: clients.sort_name" in details(hidden)
    assert "Ramírez" not in details(hidden) and "Ramírez" not in details(shown)
    assert "<message hidden:" in details(shown)


# ---- 4. a second running copy's settings -------------------------------------------
def test_save_writes_only_what_was_changed_and_keeps_another_copys_settings(
    qtbot, main_window, applied_themes, tmp_path
):
    # Given Preferences open
    dialog = _open_preferences(qtbot, main_window)
    db_path = main_window.auto_lock.database.path
    # and another running copy of Practice that saves its settings meanwhile
    other = QSettings()
    other.setValue(i18n.LANGUAGE_KEY, "es")
    other.setValue(theme.THEME_KEY, "dark")
    other.setValue(LAST_PAPER_KEY, "letter")
    other.setValue(MINUTES_KEY, 30.0)
    other.sync()
    remember_folder(db_path, tmp_path / "elsewhere")
    # When only the reminder is changed here and saved
    _choose(qtbot, dialog.reminder_channel, "Phone alarm")
    _type(qtbot, dialog.reminder_time, "07:45")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    # Then the reminder is kept and the other copy's settings stay as it saved them
    assert not dialog.isVisible()
    settings = QSettings()
    assert settings.value(TIME_KEY) == "07:45"
    assert settings.value(i18n.LANGUAGE_KEY) == "es"
    assert settings.value(theme.THEME_KEY) == "dark" and applied_themes == []
    assert settings.value(LAST_PAPER_KEY) == "letter"
    assert float(settings.value(MINUTES_KEY)) == 30.0
    assert backup_folder(db_path) == tmp_path / "elsewhere"


@pytest.fixture
def applied_themes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = theme.apply

    def spy(choice: str | None = None) -> str:
        seen.append(choice or "")
        return real(choice)

    monkeypatch.setattr(theme, "apply", spy)
    return seen


# ---- 5. the backups folder ----------------------------------------------------------
@pytest.mark.parametrize(
    ("place", "said"),
    [
        ("practice", "This is the folder of the practice file itself."),
        ("logs", "This is the folder of Practice's log."),
        ("newline", "line break or a hidden character"),
        ("tab", "line break or a hidden character"),
    ],
)
def test_the_backups_folder_cannot_be_a_bad_place(qtbot, main_window, tmp_path, place, said):
    db_path = main_window.auto_lock.database.path
    folder = {
        "practice": str(db_path.parent),
        "logs": str(data_dir() / "logs"),
        "newline": str(tmp_path / "back") + "\nups",
        "tab": str(tmp_path / "back\tups"),
    }[place]
    before = backup_folder(db_path)
    dialog = _open_preferences(qtbot, main_window)
    dialog.folder.setFocus()
    dialog.folder.selectAll()
    qtbot.keyClick(dialog.folder, Qt.Key.Key_Delete)
    dialog.folder.insert(folder)  # a pasted path (a QLineEdit keeps a tab or a newline)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.folder_error.isVisible()
    assert said in dialog.folder_error.text()
    assert backup_folder(db_path) == before
    assert not (data_dir() / "logs").exists()
    dialog.close()


def test_checking_the_folder_makes_nothing_and_save_makes_it_private(qtbot, main_window, tmp_path):
    dialog = _open_preferences(qtbot, main_window)
    chosen = tmp_path / "usb" / "practice backups"
    # When a new folder is typed but another field is wrong, Save refuses
    _type(qtbot, dialog.folder, str(chosen))
    _choose(qtbot, dialog.reminder_channel, "Phone alarm")
    _type(qtbot, dialog.reminder_time, "25:99")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    # Then nothing was made while checking
    assert dialog.isVisible() and not (tmp_path / "usb").exists()
    # When the time is corrected, Save makes the folder, readable by the user only
    _type(qtbot, dialog.reminder_time, "08:15")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert stat.S_IMODE(chosen.stat().st_mode) == 0o700
    assert stat.S_IMODE(chosen.parent.stat().st_mode) == 0o700


def test_the_log_makes_a_new_data_folder_private(tmp_path: Path) -> None:
    # Given a first start: no data folder yet, and the usual umask
    assert not data_dir().exists()
    old = os.umask(0o022)
    try:
        logs.setup_logging()
        logs.log.warning("first line")
    finally:
        os.umask(old)
    # Then the data folder and the log's folder are the user's only
    assert stat.S_IMODE(data_dir().stat().st_mode) == 0o700
    assert stat.S_IMODE(logs.log_path().parent.stat().st_mode) == 0o700


# ---- 6. a flood of Qt warnings ------------------------------------------------------
@pytest.fixture
def qt_messages(installed, monkeypatch):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import qInstallMessageHandler

    previous = qInstallMessageHandler(None)
    qInstallMessageHandler(previous)
    flood = crash._Flood() if hasattr(crash, "_Flood") else None
    if flood is not None:  # a fresh count, over a short minute
        flood.WINDOW = 1.0
        monkeypatch.setattr(crash, "_flood", flood)
    installed()
    yield
    qInstallMessageHandler(previous)
    if flood is not None:
        flood.flush()


@pytest.mark.qt_no_exception_capture
def test_a_flood_of_qt_warnings_leaves_the_tracebacks_in_the_log(qtbot, qt_messages) -> None:
    from PySide6.QtCore import qWarning

    # Given a traceback in the log
    try:
        raise ValueError("earlier bug")
    except ValueError as error:
        logs.log_unexpected(error, "the earlier problem")
    # When Qt says the same thing 10,000 times
    for _ in range(10_000):
        qWarning("QPainter::begin: Paint device returned engine == 0, type: 1")
    # Then a few lines say it, and the traceback is still there
    lines = _log_text().splitlines()
    assert len(lines) < 50, len(lines)
    assert any("ERROR practice: the earlier problem" in line for line in lines)
    assert sum("QPainter::begin" in line for line in lines) == crash.REPEATS_PER_MINUTE
    # and once the minute is over one line counts what was left out
    qtbot.waitUntil(lambda: "repeated 9997 times" in _log_text(), timeout=5000)


# ---- 7. a copy without its help ------------------------------------------------------
def test_f1_without_the_help_installed_says_so_plainly(
    qtbot, main_window, tmp_path, monkeypatch, message_boxes
):
    monkeypatch.setattr(help_window, "help_folder", lambda: tmp_path / "no help here")
    main_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main_window)
    qtbot.keyClick(main_window, Qt.Key.Key_F1)
    assert main_window.app_menus.help_window is None
    [(title, text)] = message_boxes
    assert title == "Practice help"
    assert text.startswith("The help is not installed with this copy of Practice.")


# ---- in Spanish ----------------------------------------------------------------------
def test_the_new_messages_in_spanish(
    qtbot, spanish, db, templates, tmp_path, monkeypatch, message_boxes
):
    window = _window(qtbot, db, templates)
    dialog = _open_preferences(qtbot, window)
    _type(qtbot, dialog.folder, str(window.auto_lock.database.path.parent))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.folder_error.text().startswith("Esta es la carpeta del archivo de la consulta")
    _type(qtbot, dialog.folder, str(data_dir() / "logs"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.folder_error.text().startswith("Esta es la carpeta del registro de Practice")
    dialog.folder.selectAll()
    dialog.folder.insert(str(tmp_path) + "\ncopias")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.folder_error.text().startswith("El nombre de la carpeta tiene un salto de línea")
    dialog.close()
    # and F1 without the help installed
    monkeypatch.setattr(help_window, "help_folder", lambda: tmp_path / "sin ayuda")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    [(title, text)] = message_boxes
    assert title == "Ayuda de Practice"
    assert text.startswith("La ayuda no está instalada en esta copia de Practice.")
