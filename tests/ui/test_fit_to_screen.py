"""Every window and dialog fits the screen: at 1366x768 and 1024x600, also at a scale
factor of 1.5 (911x512 and 683x400 logical pixels), its content fits or scrolls
inside and its buttons stay on screen, whole, in English and in Spanish (20-30 %
longer). A new dialog class fails here until it has a factory below (and so is
checked)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import QByteArray, QPoint, QRect, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QWidget,
)

import practice.ui
from practice.db.engine import Database
from practice.services import appointments, clients
from practice.services.clients import ClientInput
from practice.services.demo import DemoSummary, seed_demo
from practice.sheets.templates import load_templates
from practice.ui.widgets import SCREEN_MARGIN, WINDOW_FRAME, fit_to_screen, screen_room

LIBRARY = load_templates()
DEMO_TODAY = date(2025, 3, 12)
SMALL = QRect(0, 0, 1024, 600)
LAPTOP = QRect(0, 0, 1366, 768)
SCREENS = {
    "1366x768": LAPTOP,
    "1024x600": SMALL,
    "1366x768 at 150%": QRect(0, 0, 911, 512),
    "1024x600 at 150%": QRect(0, 0, 683, 400),
}


def test_fit_to_screen_clamps_and_centres_a_window_in_the_available_rect(qtbot):
    # Given a window bigger than a 1024x600 screen
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(900, 980)
    # When it is fitted to that screen
    fit_to_screen(window, SMALL)
    # Then it is as tall as the screen less the margins and its frame, as wide as it was
    frame_height = WINDOW_FRAME.top() + WINDOW_FRAME.bottom()
    assert (window.width(), window.height()) == (900, 600 - 2 * SCREEN_MARGIN - frame_height)
    # and centred with its frame (title bar and borders), which stays on the screen
    outer = _framed(window)
    assert SMALL.contains(outer), outer
    centre = outer.center()
    assert abs(centre.x() - SMALL.center().x()) <= 1 and abs(centre.y() - SMALL.center().y()) <= 1


def _framed(window: QWidget) -> QRect:
    """Where the window is on screen with a window manager's frame: its position is its
    frame's (offscreen there is none, so a typical title bar and borders are added)."""
    return (
        QRect(window.pos(), window.size())
        .marginsAdded(WINDOW_FRAME)
        .translated(WINDOW_FRAME.left(), WINDOW_FRAME.top())
    )


@dataclass
class Practice:
    db: Database
    demo: DemoSummary

    @property
    def client(self) -> int:
        return self.demo.improver_id

    def appointment(self) -> int:
        with self.db.session() as s:
            week = appointments.week_agenda(s, DEMO_TODAY)
        return next(a.id for a in week if a.client_id == self.client)


def _assign(p: Practice) -> QWidget:
    from practice.ui.assignment_dialog import open_assignment_dialog

    with p.db.session() as s:
        client = clients.create(s, ClientInput(first_name="Fit", last_name="Ejemplo")).id
    dialog = open_assignment_dialog(None, p.db, LIBRARY, client)  # type: ignore[arg-type]
    assert dialog is not None
    return dialog


def _preview(p: Practice) -> QWidget:
    """The Sheets window of a client's homework: its fillable-form box and paper size
    (the longest row of controls, in Spanish above all)."""
    from practice.services import homework
    from practice.ui.sheet_preview import show_sheet_for_assignment

    with p.db.session() as s:
        assignment = homework.active_for_client(s, p.client)[0].id
    dialog = show_sheet_for_assignment(p.db, LIBRARY, assignment)
    assert dialog is not None and dialog.fillable_box.isVisibleTo(dialog)
    return dialog


def _call(p: Practice) -> QWidget:
    from practice.services import today
    from practice.ui.call_dialog import CallDialog

    with p.db.session() as s:
        call = today.build_today(s, DEMO_TODAY).calls[0]
    return CallDialog(p.db, call)


def _recovery_key(p: Practice) -> QWidget:
    from practice.ui.security_settings import RecoveryKeyDialog

    return RecoveryKeyDialog("ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789", p.db.path)


def _session(p: Practice) -> QWidget:
    from practice.ui.session_panel import PANEL_SIZE, SessionPanel, load_context

    with p.db.session() as s:
        context = load_context(s, p.appointment(), LIBRARY)
    panel = SessionPanel(p.db, LIBRARY, context)
    panel.resize(*PANEL_SIZE)
    fit_to_screen(panel)  # as MainWindow.open_session does
    return panel


def _amend(p: Practice) -> QWidget:
    from practice.services import notes
    from practice.ui.amend_note_dialog import AmendNoteDialog

    with p.db.session() as s:
        note = notes.notes_for_client(s, p.client)[0]
    return AmendNoteDialog(p.db, note)


def _risk_alert(p: Practice) -> QWidget:
    from practice.domain.measures import MeasureKind, MeasureSource
    from practice.services import measures
    from practice.ui.risk_alert_dialog import RiskAlertDialog, alert_client

    with p.db.session() as s:
        _measure, alert = measures.record_measure(
            s,
            measures.MeasureInput(
                p.client, MeasureKind.PHQ9, DEMO_TODAY, MeasureSource.PAPER, answers=[1] * 9
            ),
        )
        assert alert is not None
        client = alert_client(s, p.client)
    return RiskAlertDialog(p.db, alert, client)


def _measure_entry(p: Practice) -> QWidget:
    from practice.domain.measures import MeasureKind
    from practice.services import measure_forms
    from practice.ui.measure_entry_dialog import MeasureEntryDialog

    with p.db.session() as s:  # a PHQ-9 form found by its code: the dialog at its largest
        form, _pdf = measure_forms.print_form(s, p.client, MeasureKind.PHQ9)
    dialog = MeasureEntryDialog(p.db, client_id=p.client)
    dialog.code.setText(form.code)
    dialog.find_form()
    return dialog


def _measure_print(p: Practice) -> QWidget:
    from practice.domain.vocabulary import Language
    from practice.ui.measure_print_dialog import MeasurePrintDialog

    return MeasurePrintDialog(p.db, p.client, language=Language.ES, large_print=True)


def _main(p: Practice) -> QWidget:
    from practice.ui.main_window import MainWindow

    return MainWindow(p.db, LIBRARY)


def _help(p: Practice) -> QWidget:
    from practice.ui.help_window import HelpWindow

    return HelpWindow(_main(p))


def _factories() -> dict[str, Callable[[Practice], QWidget]]:
    from practice.ui.about_dialog import AboutDialog
    from practice.ui.appointment_dialog import AppointmentDialog
    from practice.ui.backups_dialog import BackupsDialog
    from practice.ui.conditional_dialog import ConditionalDialog
    from practice.ui.crash import CrashDialog
    from practice.ui.export_dialogs import ClientExportDialog, ExportAllDialog
    from practice.ui.filled_import_dialog import FilledImportDialog
    from practice.ui.folders import FolderPathDialog
    from practice.ui.import_dialog import ImportClientsDialog
    from practice.ui.preferences import PreferencesDialog
    from practice.ui.security_settings import SecuritySettingsDialog
    from practice.ui.server_connect import ServerConnectDialog
    from practice.ui.unlock_dialog import RecoveryDialog, UnlockDialog
    from practice.ui.week_sheets_dialog import WeekSheetsDialog

    return {
        "AssignmentDialog": _assign,
        "SheetPreview": _preview,
        "WeekSheetsDialog": lambda p: WeekSheetsDialog(p.db, LIBRARY),
        "FilledImportDialog": lambda p: FilledImportDialog(p.db, LIBRARY),
        "FolderPathDialog": lambda p: FolderPathDialog(p.db.path.parent / "Copias de seguridad"),
        "ImportClientsDialog": lambda p: ImportClientsDialog(p.db),
        "BackupsDialog": lambda p: BackupsDialog(p.db.path, p.db.path.parent),
        "AppointmentDialog": lambda p: AppointmentDialog(p.db, p.client),
        "CallDialog": _call,
        "ConditionalDialog": lambda p: ConditionalDialog(p.db, p.client, today=DEMO_TODAY),
        "CrashDialog": lambda p: CrashDialog("Traceback (most recent call last):\n" * 40, None),
        "ExportAllDialog": lambda p: ExportAllDialog(p.db),
        "ClientExportDialog": lambda p: ClientExportDialog(p.db, p.client),
        "RecoveryKeyDialog": _recovery_key,
        "SecuritySettingsDialog": lambda p: SecuritySettingsDialog(p.db),
        "RecoveryDialog": lambda p: RecoveryDialog(p.db.path),
        "UnlockDialog": lambda p: UnlockDialog(p.db.path),
        "SessionPanel": _session,
        "AmendNoteDialog": _amend,
        "RiskAlertDialog": _risk_alert,
        "MeasureEntryDialog": _measure_entry,
        "MeasurePrintDialog": _measure_print,
        "MainWindow": _main,
        "PreferencesDialog": lambda p: PreferencesDialog(p.db.path),
        "AboutDialog": lambda p: AboutDialog(p.db.path),
        "HelpWindow": _help,
        "ServerConnectDialog": lambda p: ServerConnectDialog(),
    }


FACTORIES = _factories()


def _windows_in_ui() -> set[str]:
    """Every dialog and main-window class in practice.ui, and every widget class that
    makes itself a window (``Qt.WindowType.Window`` in its module's source)."""
    found: set[str] = set()
    for module_info in pkgutil.walk_packages(practice.ui.__path__, "practice.ui."):
        module = importlib.import_module(module_info.name)
        for value in vars(module).values():
            if not isinstance(value, type) or value.__module__ != module.__name__:
                continue
            if issubclass(value, QMessageBox):
                continue  # Qt sizes and places its own message boxes when they are shown
            if issubclass(value, (QDialog, QMainWindow)) or (
                issubclass(value, QWidget) and _makes_window(value)
            ):
                found.add(value.__name__)
    return found


def _makes_window(cls: type) -> bool:
    try:
        return "Qt.WindowType.Window)" in inspect.getsource(cls.__init__)
    except (OSError, TypeError):
        return False


def test_every_window_and_dialog_class_is_checked_here():
    # Given every window and dialog class in the GUI's source
    found = _windows_in_ui()
    # Then each has a factory in this test (a new one must be added, and so checked)
    assert found - set(FACTORIES) == set(), "add a factory for these to FACTORIES"
    assert set(FACTORIES) - found == set()


@pytest.fixture
def caseload(db) -> Practice:  # type: ignore[no-untyped-def]
    with db.session() as s:
        demo = seed_demo(s, today=DEMO_TODAY)
    return Practice(db, demo)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("name", FACTORIES)
def test_each_window_fits_small_and_scaled_screens_with_its_buttons_visible(
    qtbot, caseload, name, language, request
):
    if language == "es":
        request.getfixturevalue("spanish")  # before the window is made
    for screen_name, screen in SCREENS.items():
        # Given the window as it opens
        window = FACTORIES[name](caseload)
        qtbot.addWidget(window)
        available = QGuiApplication.primaryScreen().availableGeometry()
        assert window.width() <= available.width() and window.height() <= available.height()
        # fitted (and so centred, with its frame) on its screen as it was built
        centre = _framed(window).center()
        assert abs(centre.x() - available.center().x()) <= 1, (name, window.geometry())
        assert abs(centre.y() - available.center().y()) <= 1, (name, window.geometry())
        # When it is fitted to a small or scaled screen and shown
        fit_to_screen(window, screen)
        window.show()
        qtbot.waitExposed(window)
        _assert_fits(name, f"{screen_name} {language}", window, screen)
        window.hide()


def _assert_fits(name: str, screen_name: str, window: QWidget, screen: QRect) -> None:
    """No bigger than the screen, its content needs no more room than that (taller
    content scrolls inside), and every visible button of its own lies inside it."""
    where = (name, screen_name)
    assert window.width() <= screen.width() and window.height() <= screen.height(), where
    # with its frame (a title bar above, borders) it stays whole on the screen
    assert screen.contains(_framed(window)), (where, _framed(window))
    if screen in (LAPTOP, SMALL):  # unscaled: nothing is cut on the right, no sideways scrolling
        QApplication.processEvents()  # the scroll bars as laid out
        sideways = [
            area.widget().objectName() or type(area.widget()).__name__
            for area in window.findChildren(QScrollArea)
            if area.window() is window and area.horizontalScrollBar().isVisible()
        ]
        assert sideways == [], where
    needed = window.layout().minimumSize()
    assert needed.height() <= window.height() and needed.width() <= window.width(), (
        where,
        needed,
    )
    buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisibleTo(window)]
    for button in buttons:
        if button.window() is not window or button.inherits("QToolButton"):
            continue
        corner = button.mapTo(window, QPoint(button.width() - 1, button.height() - 1))
        top = button.mapTo(window, QPoint(0, 0))
        inside = window.rect().contains(corner) and window.rect().contains(top)
        # a button in a scroll area may be scrolled out of view; the window's own may not
        assert inside or _in_scroll_area(button), (where, button.text(), corner)
        # and a push button's words are whole: never narrower than its text
        if button.inherits("QPushButton"):
            words = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
            assert words <= button.width(), (where, button.text(), button.width())


def _in_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent.inherits("QScrollArea") or parent.inherits("QAbstractItemView"):
            return True
        parent = parent.parentWidget()
    return False


def test_a_remembered_size_larger_than_the_screen_is_fitted(qtbot, db):
    # Given a main window remembered at a size larger than this screen
    from practice.ui.main_window import MainWindow

    big = QMainWindow()
    qtbot.addWidget(big)
    available = QGuiApplication.primaryScreen().availableGeometry()
    big.resize(available.width() + 600, available.height() + 400)
    big.show()
    QSettings().setValue("main_window/geometry", big.saveGeometry())
    # When the app opens its window again
    window = MainWindow(db, LIBRARY)
    qtbot.addWidget(window)
    # Then it fits the screen with the margin kept free
    assert isinstance(QSettings().value("main_window/geometry"), QByteArray)
    room = screen_room(available)
    assert window.width() <= room.width() and window.height() <= room.height()
