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
