"""Longer Spanish words are never cut: the client Profile needs no sideways scrolling at
laptop sizes (its two columns stack sooner), a date field is as wide as its longest date,
the note's format list as its longest format, the client search as its placeholder."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QStyle,
    QStyleOptionComboBox,
    QVBoxLayout,
    QWidget,
)

from practice.services.demo import seed_demo

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(params=["en", "es"])
def language(request):  # type: ignore[no-untyped-def]
    if request.param == "es":
        request.getfixturevalue("spanish")
    return request.param


@pytest.mark.parametrize("size", [(1366, 768), (1200, 700)])
def test_the_profile_never_scrolls_sideways(qtbot, language, db, templates, size) -> None:  # type: ignore[no-untyped-def]
    from practice.ui.main_window import MainWindow
    from practice.ui.risk_flag import cut_sideways

    # Given the demo's cannot-postpone client in a 1366x768 (or 1200x700) window
    with db.session() as s:
        demo = seed_demo(s, today=date.today())
    window = MainWindow(db, templates)
    qtbot.addWidget(window)
    window.show()
    window.resize(*size)
    window.show_client(demo.cannot_postpone_id)
    # When the therapist clicks the Profile tab
    workspace = window.clients_page.workspace
    form = workspace.form
    bar = workspace.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(workspace.indexOf(form)).center())
    QApplication.processEvents()
    assert workspace.currentWidget() is form and form.cannot_postpone.isChecked()
    # Then nothing scrolls sideways and nothing is cut at the right edge
    assert form.scroll_area.horizontalScrollBar().maximum() == 0
    assert workspace.parentWidget().parentWidget().horizontalScrollBar().maximum() == 0
    for widget in (
        form.presenting_problem,
        form.cannot_postpone,
        form.cannot_postpone_reason,
        form.pause_button,
        form.email,
    ):
        assert not cut_sideways(widget), (language, size, widget.objectName() or widget)
    # and the words fit their widgets: the check box's, the diagnosis placeholder
    box = form.cannot_postpone
    assert box.width() >= box.sizeHint().width()
    problem = form.presenting_problem
    needs = problem.fontMetrics().horizontalAdvance(problem.placeholderText())
    assert problem.viewport().width() >= needs + 8


def _text_room(combo: QComboBox) -> int:
    """The width of a combo box's text area (its frame and arrow left out)."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return field.width()


@pytest.mark.parametrize("name", ["light", "dark", "high-contrast"])
def test_the_repeat_until_date_is_whole_in_spanish(qtbot, spanish, db, name) -> None:  # type: ignore[no-untyped-def]
    from practice.ui import theme
    from practice.ui.appointment_dialog import AppointmentDialog

    theme.choose_theme(name)  # the themes' fields have a padding and a thicker focus frame
    dialog = AppointmentDialog(db, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.repeat, LEFT)
    until = dialog.until
    assert until.isVisible()
    dialog.resize(dialog.minimumSizeHint())  # as narrow as the dialog goes
    qtbot.mouseClick(until.lineEdit(), LEFT)  # typing in it: its focus frame is thicker
    until.setFocus()
    qtbot.waitUntil(until.hasFocus)
    metrics = until.lineEdit().fontMetrics()
    # every weekday and every month, with a two-digit day: "dom 24 ene 2027", "mié 22 sept…"
    days = [QDate(2027, 1, 24).addDays(n) for n in range(7)]
    days += [QDate(2027, m, 22) for m in range(1, 13)]
    for day in days:
        until.setDate(day)
        QApplication.processEvents()
        needs = metrics.horizontalAdvance(until.text())
        # the text and the line edit's own 2 px margins each side
        assert until.lineEdit().width() >= needs + 4, (until.text(), until.lineEdit().width())


def test_the_note_format_list_shows_its_longest_format_in_spanish(qtbot, spanish) -> None:  # type: ignore[no-untyped-def]
    from practice.ui.session_steps.note_step import NoteStep

    step = NoteStep()
    holder = QWidget()
    qtbot.addWidget(holder)
    QVBoxLayout(holder).addWidget(step)
    holder.resize(1000, 700)
    holder.show()
    combo = step.format
    for index in range(combo.count()):
        combo.setCurrentIndex(index)
        QApplication.processEvents()
        needs = combo.fontMetrics().horizontalAdvance(combo.currentText())
        assert _text_room(combo) >= needs, combo.currentText()
    assert any(combo.itemText(i).startswith("SOAP  (Subjetivo") for i in range(combo.count()))


@pytest.mark.parametrize("name", ["light", "high-contrast"])
def test_the_client_search_placeholder_is_whole(qtbot, language, db, templates, name) -> None:  # type: ignore[no-untyped-def]
    from practice.ui import theme
    from practice.ui.main_window import MainWindow

    theme.choose_theme(name)  # the themes' fields have a padding

    with db.session() as s:
        seed_demo(s, today=date.today())  # names in the list: its columns take room
    window = MainWindow(db, templates)
    qtbot.addWidget(window)
    window.show()
    # the therapist clicks Clients in the navigation rail
    pages = range(window.nav.count())
    row = next(i for i in pages if window.pages.widget(i) is window.clients_page)
    rect = window.nav.visualItemRect(window.nav.item(row))
    qtbot.mouseClick(window.nav.viewport(), LEFT, pos=rect.center())
    assert window.pages.currentWidget() is window.clients_page
    for size in ((1366, 768), (1024, 600)):
        window.resize(*size)
        QApplication.processEvents()
        search = window.clients_page.client_list.search
        text = search.placeholderText()
        assert text.startswith("Buscar cliente" if language == "es" else "Search clients")
        # the text area: the field less its frame, padding and the clear button's room
        room = search.width() - 2 * 4 - 2 - search.height()
        assert room >= search.fontMetrics().horizontalAdvance(text), (size, text, search.width())
