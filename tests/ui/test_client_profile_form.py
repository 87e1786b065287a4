"""The profile form: address, emergency contact, presenting problem; a readable e-mail."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from practice.services import clients

LEFT = Qt.MouseButton.LeftButton
EMAIL = "philippa.arrowsmith-blackwood@example.org"


def _new_client(qtbot, window):  # type: ignore[no-untyped-def]
    window.show_page(window.clients_page)
    qtbot.mouseClick(window.clients_page.client_list.new_button, LEFT)
    form = window.clients_page.workspace.form
    qtbot.keyClicks(form.first_name, "Philippa")
    qtbot.keyClicks(form.last_name, "Arrowsmith-Blackwood")
    return form


def test_the_new_fields_are_typed_saved_and_shown_again(qtbot, main_window, db):
    form = _new_client(qtbot, main_window)
    qtbot.keyClicks(form.email, EMAIL)
    qtbot.keyClicks(form.address, "12 Imaginary Lane")
    qtbot.keyClick(form.address, Qt.Key.Key_Return)
    qtbot.keyClicks(form.address, "Nowhere Town")
    qtbot.keyClicks(form.emergency_contact, "Robin Quill (sister), 07700 900123")
    qtbot.keyClicks(form.presenting_problem, "Fictional: panic on buses")
    qtbot.mouseClick(form.save_button, LEFT)
    with db.session() as s:
        (row,) = clients.list_rows(s)
        saved = clients.get(s, row.id)
    assert saved.email == EMAIL
    assert saved.address == "12 Imaginary Lane\nNowhere Town"
    assert saved.emergency_contact == "Robin Quill (sister), 07700 900123"
    assert saved.presenting_problem == "Fictional: panic on buses"
    # a fresh load shows them (and nothing is left unsaved)
    form.clear()
    form.load(saved)
    assert form.address.toPlainText() == "12 Imaginary Lane\nNowhere Town"
    assert form.presenting_problem.toPlainText() == "Fictional: panic on buses"
    assert not form.is_dirty


def test_a_too_long_address_is_marked_by_its_field_and_nothing_is_saved(qtbot, main_window, db):
    form = _new_client(qtbot, main_window)
    form.address.setPlainText("x" * (clients.ADDRESS_MAX + 1))  # pasted
    qtbot.mouseClick(form.save_button, LEFT)
    assert "Address is too long" in form._errors["address"].text()
    assert form.address.toPlainText() == "x" * (clients.ADDRESS_MAX + 1)
    with db.session() as s:
        assert clients.list_rows(s) == []


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_the_email_field_shows_a_long_address_whole(qtbot, main_window, size):
    main_window.resize(*size)
    form = _new_client(qtbot, main_window)
    QApplication.processEvents()
    needed = form.email.fontMetrics().horizontalAdvance(EMAIL)
    assert form.email.width() >= needed + 8


def _in_view(form, widget) -> bool:  # type: ignore[no-untyped-def]
    viewport = _scroll(form).viewport()
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    return viewport.rect().contains(top_left) and widget.isVisibleTo(form)


def test_new_starts_at_the_top_and_a_failed_save_shows_the_field_in_red(qtbot, main_window, db):
    from PySide6.QtCore import Qt

    from practice.services import clients as client_service
    from practice.services.clients import ClientInput

    with db.session() as s:
        client_service.create(s, ClientInput(first_name="Ada", last_name="Abernethy"))
    main_window.resize(1024, 600)
    page = main_window.clients_page
    main_window.show_page(page)
    qtbot.mouseClick(page.client_list.new_button, Qt.MouseButton.LeftButton)
    form = page.workspace.form
    # Given the form scrolled down to its buttons (as a long profile leaves it)
    _scroll(form).ensureWidgetVisible(form.save_button)
    assert _scroll(form).verticalScrollBar().value() > 0
    # When the therapist clicks New
    qtbot.mouseClick(page.client_list.new_button, Qt.MouseButton.LeftButton)
    # Then the form is at the top with First name in view
    assert _scroll(form).verticalScrollBar().value() == 0 and _in_view(form, form.first_name)
    # When they type only a last name and click Save at the bottom
    qtbot.keyClicks(form.last_name, "Okafor")
    _scroll(form).ensureWidgetVisible(form.save_button)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    # Then the First name field marked in red is scrolled into view
    assert form._errors["first_name"].text()
    assert _in_view(form, form.first_name)


def _scroll(form):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QScrollArea

    return form.findChild(QScrollArea)


def test_birth_date_is_picked_on_a_calendar_and_may_stay_unknown(qtbot, main_window, db):
    from datetime import date

    from PySide6.QtCore import QDate, Qt
    from PySide6.QtWidgets import QTableView

    from practice.services import clients as client_service

    page = main_window.clients_page
    main_window.show_page(page)
    qtbot.mouseClick(page.client_list.new_button, Qt.MouseButton.LeftButton)
    form = page.workspace.form
    qtbot.keyClicks(form.first_name, "Imogen")
    qtbot.keyClicks(form.last_name, "Achterberg")
    # When the therapist opens the birth date's calendar and clicks a day on it
    qtbot.mouseClick(form.birth_picker, Qt.MouseButton.LeftButton)
    calendar = form.birth_picker.calendar
    assert calendar.isVisible()
    calendar.setCurrentPage(1980, 3)  # the month shown (as the arrows would)
    grid = calendar.findChild(QTableView)
    cell = next(
        grid.visualRect(grid.model().index(r, c)).center()
        for r in range(grid.model().rowCount())
        for c in range(grid.model().columnCount())
        if grid.model().index(r, c).data() == 4 and r < 3
    )
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    # Then the field reads the day as every date is shown, and the calendar closes
    assert form.birth_date.text() == "4 Mar 1980"
    assert not calendar.isVisible() and calendar.selectedDate() == QDate(1980, 3, 4)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    with db.session() as s:
        saved = client_service.get(s, form.client_id)
    assert saved.birth_date == date(1980, 3, 4)
    # And a birth date that is not known can still be left empty
    form.birth_date.clear()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    with db.session() as s:
        assert client_service.get(s, form.client_id).birth_date is None


def test_the_birth_date_calendar_stays_on_a_small_screen_at_its_right_edge(qtbot, main_window):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    # Given the window on a small screen, pushed against its right edge
    room = QGuiApplication.primaryScreen().availableGeometry()
    main_window.resize(min(1024, room.width()), min(600, room.height()))
    main_window.move(room.right() + 1 - main_window.frameGeometry().width(), room.top())
    page = main_window.clients_page
    main_window.show_page(page)
    qtbot.mouseClick(page.client_list.new_button, Qt.MouseButton.LeftButton)
    form = page.workspace.form
    # When the therapist opens the birth date's calendar
    qtbot.mouseClick(form.birth_picker, Qt.MouseButton.LeftButton)
    calendar = form.birth_picker.calendar
    assert calendar.isVisible()
    # Then the whole calendar is on the screen, near its button
    assert room.contains(calendar.frameGeometry()), (calendar.frameGeometry(), room)
    button = form.birth_picker.mapToGlobal(form.birth_picker.rect().center())
    assert abs(calendar.frameGeometry().center().y() - button.y()) < calendar.height() + 40
    calendar.close()
