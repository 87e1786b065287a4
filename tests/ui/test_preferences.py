"""Preferences (File → Preferences…, Ctrl+,): each setting is kept with QSettings,
comes back when the dialog opens again, and takes effect (ui.preferences)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog
from tests.ui._unsaved import DISCARD, Answerer

from practice import logs
from practice.db.engine import Database
from practice.domain.vocabulary import ReminderChannel
from practice.services import clients
from practice.services.clients import ClientInput
from practice.ui import i18n, theme
from practice.ui.assignment_dialog import AssignmentDialog
from practice.ui.auto_lock import MINUTES_KEY
from practice.ui.backups_dialog import backup_folder
from practice.ui.preferences import PreferencesDialog
from practice.ui.reminder_defaults import CHANNEL_KEY, TIME_KEY
from practice.ui.sheet_preview import LAST_PAPER_KEY, SheetPreview, SheetSource


def _open_preferences(qtbot, window) -> PreferencesDialog:  # type: ignore[no-untyped-def]
    """Press Ctrl+, in the main window, as the therapist does."""
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.app_menus.preferences
    assert isinstance(dialog, PreferencesDialog) and dialog.isVisible()
    return dialog


def _choose(qtbot, combo: QComboBox, text: str) -> None:  # type: ignore[no-untyped-def]
    """Pick ``text`` in ``combo`` with the keyboard (focus, Home, Down until it shows)."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text, [combo.itemText(i) for i in range(combo.count())]


def _type(qtbot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


@pytest.fixture
def applied(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The themes applied (the real ui.theme.apply still runs)."""
    seen: list[str] = []
    real = theme.apply

    def spy(choice: str | None = None) -> str:
        seen.append(choice or "")
        return real(choice)

    monkeypatch.setattr(theme, "apply", spy)
    return seen


def test_every_setting_round_trips_and_takes_effect(qtbot, main_window, tmp_path, applied):
    # Given the Preferences opened with Ctrl+,
    dialog = _open_preferences(qtbot, main_window)
    folder = tmp_path / "usb" / "practice backups"
    # When each setting is changed with the keyboard and Save is clicked
    _choose(qtbot, dialog.language, "Español")
    _choose(qtbot, dialog.theme, "Dark")
    _choose(qtbot, dialog.paper, "US Letter")
    _choose(qtbot, dialog.reminder_channel, "Text message")
    _type(qtbot, dialog.reminder_time, "19:30")
    _type(qtbot, dialog.folder, str(folder))
    _type(qtbot, dialog.minutes, "12")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    # Then the dialog closed and each setting is in QSettings
    assert not dialog.isVisible()
    settings = QSettings()
    assert settings.value(i18n.LANGUAGE_KEY) == "es"
    assert settings.value(theme.THEME_KEY) == "dark"
    assert settings.value(LAST_PAPER_KEY) == "letter"
    assert settings.value(CHANNEL_KEY) == "text" and settings.value(TIME_KEY) == "19:30"
    assert backup_folder(main_window.auto_lock.database.path) == folder and folder.is_dir()
    assert float(settings.value(MINUTES_KEY)) == 12.0
    # and they took effect: the theme at once, the window's auto-lock timer now
    assert applied == ["dark"]
    assert main_window.auto_lock.timer.interval() == 12 * 60_000
    # and the language waits for the next start (the window still speaks English)
    assert i18n.current_language() == "en"

    # When the Preferences open again, they show what was saved
    again = _open_preferences(qtbot, main_window)
    assert again is not dialog
    assert again.language.currentData() == "es" and again.theme.currentData() == "dark"
    assert again.paper.currentData() == "letter"
    assert again.reminder_channel.currentData() == "text"
    assert again.reminder_time.text() == "19:30"
    assert Path(again.folder.text()) == folder and again.minutes.value() == 12
    again.close()


def test_the_chosen_paper_is_where_the_sheet_preview_starts(qtbot, main_window):
    dialog = _open_preferences(qtbot, main_window)
    start = dialog.paper.currentData()
    other = "US Letter" if start == "a4" else "A4"
    _choose(qtbot, dialog.paper, other)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    preview = SheetPreview(
        [SheetSource("Sheet", b"", "sheet")], practice=main_window.auto_lock.database.path
    )
    qtbot.addWidget(preview)
    assert preview.paper_box.currentText() == other


def test_new_homework_starts_with_the_default_reminder(qtbot, main_window, db: Database):
    # Given a client with no reminder of their own, and one reminded by email
    with db.session() as s:
        plain = clients.create(s, ClientInput(first_name="Noa", last_name="Ejemplo")).id
        own = clients.create(
            s,
            ClientInput(
                first_name="Eli", last_name="Ejemplo", reminder_channel=ReminderChannel.EMAIL
            ),
        ).id
    main_window.clients_page.refresh()
    # and Preferences saying: remind by phone call at 18:00
    dialog = _open_preferences(qtbot, main_window)
    _choose(qtbot, dialog.reminder_channel, "Phone call")
    _type(qtbot, dialog.reminder_time, "18:00")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    def assign_form_for(client_id: int) -> tuple[str, str]:
        """Click Assign… on the client's Homework tab; what the form starts with."""
        main_window.show_client(client_id)
        tab = main_window.clients_page.workspace.homework
        main_window.clients_page.workspace.setCurrentWidget(tab)
        qtbot.waitUntil(lambda: tab.client_id == client_id)
        seen: list[tuple[str, str]] = []

        def read_and_close() -> None:
            modal = QApplication.activeModalWidget()
            if not isinstance(modal, AssignmentDialog):
                QTimer.singleShot(20, read_and_close)
                return
            form = modal.form
            seen.append((form.reminder_channel.currentData(), form.reminder_time.text()))
            modal.reject()

        QTimer.singleShot(0, read_and_close)
        qtbot.mouseClick(tab.assign_button, Qt.MouseButton.LeftButton)
        return seen[0]

    # Then new homework for the first starts with the practice's reminder
    assert assign_form_for(plain) == ("phone_call", "18:00")
    # and the other client's own way of being reminded wins
    assert assign_form_for(own)[0] == "email"


def test_a_folder_that_cannot_be_written_is_refused_and_nothing_is_saved(
    qtbot, main_window, tmp_path, applied, monkeypatch
):
    dialog = _open_preferences(qtbot, main_window)
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    _choose(qtbot, dialog.theme, "High contrast")
    _type(qtbot, dialog.folder, str(blocker / "backups"))
    _choose(qtbot, dialog.reminder_channel, "Phone alarm")
    _type(qtbot, dialog.reminder_time, "25:99")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    # Then the dialog stays open, says what is wrong by each field, and keeps nothing
    assert dialog.isVisible()
    assert dialog.folder_error.isVisible()
    assert "cannot write in this folder" in dialog.folder_error.text()
    assert dialog.time_error.text() == "Write the reminder time as HH:MM (24-hour)."
    assert QSettings().value(theme.THEME_KEY) is None and applied == []
    assert backup_folder(main_window.auto_lock.database.path) != blocker / "backups"

    # When the folder is chosen with Browse… and the time corrected, Save keeps them
    good = tmp_path / "chosen"
    good.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(good))
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert dialog.folder.text() == str(good)
    _type(qtbot, dialog.reminder_time, "08:15")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert backup_folder(main_window.auto_lock.database.path) == good
    assert applied == ["high-contrast"]


def test_cancel_asks_and_discards_the_changes(qtbot, main_window, applied):
    dialog = _open_preferences(qtbot, main_window)
    _choose(qtbot, dialog.theme, "Dark")
    _type(qtbot, dialog.minutes, "30")
    # When Cancel is clicked, the unsaved-changes question comes; Discard changes
    answer = Answerer(qtbot)
    answer.will(DISCARD)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    # Then nothing was kept or applied
    assert answer.asked and not dialog.isVisible()
    assert QSettings().value(theme.THEME_KEY) is None and applied == []
    assert QSettings().value(MINUTES_KEY) is None
    assert main_window.auto_lock.timer.interval() == 5 * 60_000


def test_the_log_folder_is_shown_and_opened(qtbot, main_window, monkeypatch):
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog = _open_preferences(qtbot, main_window)
    assert dialog.log_path.text() == str(logs.log_path()) and dialog.log_path.isReadOnly()
    qtbot.mouseClick(dialog.open_log_button, Qt.MouseButton.LeftButton)
    assert [Path(url.toLocalFile()) for url in opened] == [logs.log_path().parent]
    dialog.close()


def test_preferences_in_spanish(qtbot, spanish, db, templates):
    from practice.ui.main_window import MainWindow

    window = MainWindow(db, templates)
    qtbot.addWidget(window)
    window.show()
    dialog = _open_preferences(qtbot, window)
    assert dialog.windowTitle() == "Preferencias"
    assert [dialog.theme.itemText(i) for i in range(dialog.theme.count())] == [
        "Como el sistema",
        "Claro",
        "Oscuro",
        "Alto contraste",
    ]
    _type(qtbot, dialog.folder, "")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.folder_error.text() == "Elige una carpeta para las copias de seguridad."
    dialog.close()


def test_the_backups_folder_chosen_is_the_one_the_app_backs_up_to(qtbot, db_path, tmp_path):
    from practice.ui.app_controller import AppController
    from practice.ui.backups_dialog import BackupsDialog

    # Given the app started on a practice
    controller = AppController(db_path)
    assert controller.start() is None
    window = controller.window
    assert window is not None
    qtbot.addWidget(window)
    controller.wait_for_backup()
    try:
        # When a new backups folder is saved in Preferences
        dialog = _open_preferences(qtbot, window)
        chosen = tmp_path / "external drive"
        _type(qtbot, dialog.folder, str(chosen))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        # Then File → Restore from backup… lists that folder
        seen: list[Path] = []

        def read_and_close() -> None:
            modal = QApplication.activeModalWidget()
            if not isinstance(modal, BackupsDialog):
                QTimer.singleShot(20, read_and_close)
                return
            seen.append(modal.folder)
            modal.reject()

        QTimer.singleShot(0, read_and_close)
        window.restore_action.trigger()
        assert seen == [chosen]
        # and Back up now writes there
        window.backup_action.trigger()
        controller.wait_for_backup()
        assert any(chosen.glob("*")), "no backup in the chosen folder"
    finally:
        controller.wait_for_backup()
        if controller.lock.held:
            controller.shutdown()


def test_homework_added_in_a_session_starts_with_the_default_reminder(qtbot, main_window, db):
    from _homework_data import last_week_homework

    # Given Preferences saying: remind by text message at 20:15
    dialog = _open_preferences(qtbot, main_window)
    _choose(qtbot, dialog.reminder_channel, "Text message")
    _type(qtbot, dialog.reminder_time, "20:15")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    # When homework is added in a session, for a client with no reminder of their own
    data = last_week_homework(db)
    panel = main_window.open_session(data.today)
    qtbot.waitExposed(panel)
    panel.go_to(3)
    qtbot.mouseClick(panel.assign_step.add_button, Qt.MouseButton.LeftButton)
    # Then its form starts with the practice's reminder
    form = panel.assign_step.cards[-1].form
    assert form.reminder_channel.currentData() == "text"
    assert form.reminder_time.text() == "20:15"
    panel.close()


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_lock_minutes_read_right_for_one_minute(qtbot, request, language, db, templates):
    # Given Preferences opened with Ctrl+, (in English or in Spanish)
    if language == "es":
        request.getfixturevalue("spanish")
    from practice.ui.main_window import MainWindow

    window = MainWindow(db, templates)
    qtbot.addWidget(window)
    window.show()
    dialog = _open_preferences(qtbot, window)
    # When the therapist types 1, then 2, in "Lock after"
    _type(qtbot, dialog.minutes, "1")
    # Then it reads "1 min" (never "1 minutes" / "1 minutos"), and "2 min"
    assert dialog.minutes.text() == "1 min"
    _type(qtbot, dialog.minutes, "2")
    assert dialog.minutes.text() == "2 min"
    dialog.close()


@pytest.mark.parametrize("language", ["en", "es"])
def test_after_a_time_error_no_text_in_preferences_is_squeezed(
    qtbot, request, language, db, templates
):
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QLabel

    from practice.ui.main_window import MainWindow
    from practice.ui.widgets import fit_to_screen

    # Given Preferences on a 1024x600 screen
    if language == "es":
        request.getfixturevalue("spanish")
    window = MainWindow(db, templates)
    qtbot.addWidget(window)
    window.show()
    dialog = _open_preferences(qtbot, window)
    fit_to_screen(dialog, QRect(0, 0, 1024, 600))
    QApplication.processEvents()
    # When a wrong reminder time is saved (the error appears above the hint)
    dialog.reminder_channel.setFocus()
    qtbot.keyClick(dialog.reminder_channel, Qt.Key.Key_End)
    _type(qtbot, dialog.reminder_time, "25:99")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    # Then the error shows and every label is as tall as its wrapped text needs
    assert dialog.time_error.isVisible()
    squeezed = [
        (label.text(), label.height(), label.heightForWidth(label.width()))
        for label in dialog.findChildren(QLabel)
        if label.isVisible() and label.height() < label.heightForWidth(label.width())
    ]
    assert squeezed == []
    assert dialog.height() <= 600 - 2 * 24  # still on the screen
    dialog.close()


def _window_on(qtbot, database: Database, templates):  # type: ignore[no-untyped-def]
    from practice.ui.main_window import MainWindow

    window = MainWindow(database, templates)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def test_a_practice_opened_by_a_relative_path_saves_a_language_change(
    qtbot, db_path, templates, monkeypatch
):
    # Given a practice outside the data folder, opened from its own folder with
    # ``practice --db practice.sqlite3`` (a relative path)
    monkeypatch.chdir(db_path.parent)
    database = Database(Path(db_path.name))
    try:
        window = _window_on(qtbot, database, templates)
        dialog = _open_preferences(qtbot, window)
        # Then the backups folder shows the whole path the backups go to
        assert dialog.folder.text() == str(db_path.parent / "backups")
        # When only the language is changed and Save is clicked
        _choose(qtbot, dialog.language, "Español")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        # Then it is saved, with no complaint about the folder
        assert not dialog.folder_error.isVisible(), dialog.folder_error.text()
        assert not dialog.isVisible()
        assert QSettings().value(i18n.LANGUAGE_KEY) == "es"
    finally:
        database.dispose()


def test_a_relative_backups_folder_kept_earlier_is_shown_whole_and_typed_is_refused(
    qtbot, db, db_path, templates, tmp_path, monkeypatch
):
    import json

    from practice.ui.backups_dialog import OTHER_FOLDERS_KEY

    # Given a relative backups folder kept for this practice by an older version
    QSettings().setValue(OTHER_FOLDERS_KEY, json.dumps({str(db_path.resolve()): "old backups"}))
    place = tmp_path / "started here"
    place.mkdir()
    monkeypatch.chdir(place)
    window = _window_on(qtbot, db, templates)
    dialog = _open_preferences(qtbot, window)
    # Then Preferences show where those backups really went, as a whole path
    assert dialog.folder.text() == str(place / "old backups")
    # and changing only the theme saves
    _choose(qtbot, dialog.theme, "Dark")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and QSettings().value(theme.THEME_KEY) == "dark"

    # When the therapist types a relative folder, it is still refused, clearly
    again = _open_preferences(qtbot, window)
    _type(qtbot, again.folder, "backups")
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert again.isVisible() and again.folder.text() == "backups"
    assert again.folder_error.text() == "Give the whole path of the folder, from the top."
    assert backup_folder(db_path) == place / "old backups"
    again.close()
