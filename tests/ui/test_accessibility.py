"""Every control has a name a screen reader can say, and every action is reachable by
keyboard: a walk over the widgets of each page and the main dialogs fails on an
interactive widget without an accessible name (as Qt exposes it: its own text, a
buddy label or ``setAccessibleName``), and on a button or menu action no key reaches.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pprint import pformat

from _homework_data import last_week_homework
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDialog,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QScrollBar,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)

from practice.ui.adherence_strip import AdherenceStrip

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QSlider,
    QTabBar,
    AdherenceStrip,
)
# Parts of a compound control, named by the control itself (the line edit inside a
# combo box or a spin box, a line edit's clear button, a calendar pop-up's insides).
COMPOUND = (QComboBox, QAbstractSpinBox, QLineEdit, QCalendarWidget)


def accessible_name(widget: QWidget) -> str:
    """The name Qt gives assistive technology for ``widget``."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return "" if interface is None else interface.text(QAccessible.Text.Name).strip()


def accessible_description(widget: QWidget) -> str:
    """The description Qt gives assistive technology for ``widget``."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return "" if interface is None else interface.text(QAccessible.Text.Description)


def _inside_compound(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, COMPOUND):
            return True
        parent = parent.parentWidget()
    return False


def interactive_widgets(root: QWidget) -> Iterator[QWidget]:
    """The visible widgets of ``root`` a person can act on (focusable or clickable)."""
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or isinstance(widget, QScrollBar | QMenu | QHeaderView):
            continue  # scroll bars and a table's headers are named by their view
        if _inside_compound(widget) or widget.focusProxy() is not None:
            continue  # a tab widget passes its focus to its tab bar, which is checked
        takes_focus = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if isinstance(widget, INTERACTIVE) or (takes_focus and widget.isEnabled()):
            yield widget


def describe(widget: QWidget) -> str:
    """ "QSpinBox in QWidget < AppointmentDialog (tip: ...)": enough to find it."""
    chain, parent = [], widget.parentWidget()
    while parent is not None and len(chain) < 3:
        chain.append(type(parent).__name__)
        parent = parent.parentWidget()
    tip = widget.toolTip() or getattr(widget, "placeholderText", lambda: "")()
    return f"{type(widget).__name__} in {' < '.join(chain)}" + (f" ({tip[:40]})" if tip else "")


def says_something(name: str) -> bool:
    """A name with a word in it ("▶" or "…" alone names nothing)."""
    return any(c.isalnum() for c in name)


def nameless(root: QWidget) -> list[str]:
    """The interactive widgets of ``root`` whose accessible name says nothing."""
    return [
        describe(w) for w in interactive_widgets(root) if not says_something(accessible_name(w))
    ]


def _with_data(db) -> int:  # type: ignore[no-untyped-def]
    """Lucía, with last week's mood log and a note, and a session today."""
    return last_week_homework(db).client_id


def _pages(window) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """Show each page of the rail in turn (and each tab of the client workspace)."""
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        QApplication.processEvents()
        title = window.nav.item(row).text()
        if window.pages.currentWidget() is window.clients_page:
            tabs = window.clients_page.workspace
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                QApplication.processEvents()
                yield f"{title} / {tabs.tabText(index)}"
        else:
            yield title


def test_every_control_on_every_page_has_an_accessible_name(qtbot, main_window, db):
    # Given a practice with a client, her homework, notes and a session today
    client_id = _with_data(db)
    main_window.today.refresh()
    main_window.clients_page.refresh()
    main_window.show_client(client_id)
    # When a screen reader walks every page
    found = {}
    for page in _pages(main_window):
        missing = nameless(main_window)
        if missing:
            found[page] = missing
    # Then every control it can reach says what it is
    assert found == {}, "\n" + pformat(found, width=100)


def test_every_control_of_the_session_panel_and_the_audit_page_has_a_name(qtbot, main_window, db):
    from practice.ui.audit_page import AuditPage

    # Given today's session with Lucía, opened in the session panel
    data = last_week_homework(db)
    panel = main_window.open_session(data.today)
    assert panel is not None
    found = {}
    # When a screen reader walks each step of the session
    for index in range(panel.stack.count()):
        panel.go_to(index, save=False)
        QApplication.processEvents()
        missing = nameless(panel)
        if missing:
            found[f"session step {index + 1}"] = missing
    # and the audit trail page
    audit = AuditPage(db)
    qtbot.addWidget(audit)
    audit.show()
    QApplication.processEvents()
    if missing := nameless(audit):
        found["Audit trail"] = missing
    # Then each control says what it is
    assert found == {}, "\n" + pformat(found, width=100)


def _main_dialogs(window, db, client_id: int, tmp_path) -> Iterator[QDialog]:  # type: ignore[no-untyped-def]
    from practice.ui.appointment_dialog import AppointmentDialog
    from practice.ui.assignment_dialog import open_assignment_dialog
    from practice.ui.backups_dialog import BackupsDialog
    from practice.ui.export_dialogs import ClientExportDialog, ExportAllDialog
    from practice.ui.import_dialog import ImportClientsDialog
    from practice.ui.security_settings import SecuritySettingsDialog
    from practice.ui.week_sheets_dialog import WeekSheetsDialog

    yield AppointmentDialog(db, None, parent=window)
    yield AppointmentDialog(db, client_id, parent=window)
    yield open_assignment_dialog(window, db, window.templates, client_id)
    yield WeekSheetsDialog(db, window.templates, window)
    yield SecuritySettingsDialog(db, window)
    yield ExportAllDialog(db, window)
    yield ClientExportDialog(db, client_id, window)
    yield ImportClientsDialog(db, window)
    yield BackupsDialog(db.path, tmp_path, parent=window)


def test_every_control_in_the_main_dialogs_has_an_accessible_name(qtbot, main_window, db, tmp_path):
    client_id = _with_data(db)
    found = {}
    for dialog in _main_dialogs(main_window, db, client_id, tmp_path):
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        missing = nameless(dialog)
        if missing:
            found[type(dialog).__name__] = missing
        dialog.reject()
    assert found == {}, "\n" + pformat(found, width=100)


def test_the_walk_finds_a_nameless_control(qtbot):
    # The check above can fail: an icon-only button and an unlabelled field are caught
    from PySide6.QtWidgets import QToolButton, QVBoxLayout

    box = QWidget()
    qtbot.addWidget(box)
    layout = QVBoxLayout(box)
    icon_only, arrow, field, named = QToolButton(), QToolButton(), QLineEdit(), QToolButton()
    arrow.setText("▶")
    named.setText("Calendar…")
    for w in (icon_only, arrow, field, named):
        layout.addWidget(w)
    box.show()
    assert len(nameless(box)) == 3


# ---- the keyboard --------------------------------------------------------------------


def _reachable(action_text: str, shortcut: QKeySequence) -> bool:
    return "&" in action_text.replace("&&", "") or not shortcut.isEmpty()


def test_every_menu_action_has_a_mnemonic_or_a_shortcut(main_window):
    unreachable = []
    for top in main_window.menuBar().actions():
        assert _reachable(top.text(), QKeySequence()), top.text()
        menu = top.menu()
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            if not _reachable(action.text(), action.shortcut()):
                unreachable.append(f"{top.text()} > {action.text()}")
    assert unreachable == []


def unreachable_buttons(root: QWidget) -> list[str]:
    """The visible, enabled buttons of ``root`` that neither Tab nor a key reaches."""
    return [
        describe(b)
        for b in root.findChildren(QAbstractButton)
        if b.isVisibleTo(root)
        and b.isEnabled()
        and not _inside_compound(b)
        and not (b.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and b.shortcut().isEmpty()
    ]


def test_every_button_on_the_pages_is_in_the_tab_chain(qtbot, main_window, db):
    client_id = _with_data(db)
    main_window.today.refresh()
    main_window.clients_page.refresh()
    main_window.show_client(client_id)
    found = {}
    for page in _pages(main_window):
        if stuck := unreachable_buttons(main_window):
            found[page] = stuck
    assert found == {}, "\n" + pformat(found, width=100)


def test_the_keyboard_checks_find_what_no_key_reaches(qtbot):
    # The two checks above can fail: a button kept out of the tab chain without a
    # shortcut, and a menu action with neither a mnemonic nor a shortcut
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    box = QWidget()
    qtbot.addWidget(box)
    layout = QVBoxLayout(box)
    stuck, keyed = QPushButton("Mark sent"), QPushButton("New client")
    for button in (stuck, keyed):
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(button)
    keyed.setShortcut(QKeySequence("Ctrl+N"))
    box.show()
    assert len(unreachable_buttons(box)) == 1
    assert not _reachable("Back up now", QKeySequence())
    assert _reachable("&Back up now", QKeySequence())
    assert _reachable("Lock now", QKeySequence("Ctrl+L"))


# ---- the adherence strip: painted weeks a keyboard and a screen reader can read ------


def test_the_adherence_strip_says_each_week_by_keyboard(qtbot, main_window, db):
    from practice.ui import dates

    # Given Lucía's prep page, with her weekly strip
    client_id = _with_data(db)
    main_window.clients_page.refresh()
    main_window.show_client(client_id, "Prep")
    strip = main_window.clients_page.workspace.prep.strip
    qtbot.waitUntil(lambda: len(strip.cells) >= 2)
    this_week, last_week = strip.cells[-1], strip.cells[-2]
    # When the keyboard reaches the strip (it is in the tab chain)
    assert strip.focusPolicy() & Qt.FocusPolicy.TabFocus
    main_window.activateWindow()
    strip.setFocus()
    qtbot.waitUntil(strip.hasFocus)
    # Then a screen reader hears this week, in words
    name = accessible_name(strip)
    assert f"Week of {dates.short_date(this_week.week_start)}" in name
    # and the Left arrow moves to last week, whose review it says
    qtbot.keyClick(strip, Qt.Key.Key_Left)
    name = accessible_name(strip)
    assert f"Week of {dates.short_date(last_week.week_start)}: " in name
    assert name.endswith(strip.tooltip(len(strip.cells) - 2))
    # Home goes to the oldest week, End back to this one
    qtbot.keyClick(strip, Qt.Key.Key_Home)
    assert strip.current == 0
    qtbot.keyClick(strip, Qt.Key.Key_End)
    assert strip.current == len(strip.cells) - 1


def test_the_strip_shows_where_the_keyboard_is(qtbot, main_window, db):
    # Focus is visible: the strip with focus looks different from the strip without
    client_id = _with_data(db)
    main_window.clients_page.refresh()
    main_window.show_client(client_id, "Prep")
    strip = main_window.clients_page.workspace.prep.strip
    qtbot.waitUntil(lambda: len(strip.cells) >= 2)
    main_window.activateWindow()
    main_window.clients_page.client_list.search.setFocus()
    qtbot.waitUntil(lambda: not strip.hasFocus())
    without = strip.grab().toImage()
    strip.setFocus()
    qtbot.waitUntil(strip.hasFocus)
    assert strip.grab().toImage() != without


# ---- Today's cards: buttons with the same words say whose they are -------------------


def test_the_buttons_of_todays_cards_say_whose_card_they_are(qtbot, db):
    from practice.services.demo import seed_demo
    from practice.ui.today_page import TodayPage

    # Given the demo practice's Wednesday: reminders to send, calls to make, reviews missing
    day = date(2025, 3, 12)
    with db.session() as s:
        seed_demo(s, today=day)
    page = TodayPage(db, day=day)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    assert page.reminder_cards and page.call_rows and page.missing_rows
    # Then a screen reader names every control of the page
    assert nameless(page) == []
    # and each "Copy text", "Log call…", "Review in session" says whose it is
    for card in page.reminder_cards:
        for button in (card.copy_button, card.sent_button):
            assert card.reminder.client.name in accessible_description(button)
    for row in page.call_rows:
        assert row.call.appointment.client_name in accessible_description(row.log_button)
    for missing in page.missing_rows:
        said = accessible_description(missing.review_button)
        assert missing.missing.appointment.client_name in said
        assert missing.missing.assignment.title in said
    heard = [accessible_description(c.copy_button) for c in page.reminder_cards]
    assert len(set(heard)) == len(heard)  # two "Copy text" buttons no longer sound alike
