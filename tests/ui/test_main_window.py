"""The main window as a user meets it: search, create, validate."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from practice.db.models import Client
from practice.services import clients
from practice.services.clients import ClientInput


def _names(window) -> list[str]:  # type: ignore[no-untyped-def]
    proxy = window.clients_page.client_list.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def test_typing_in_search_narrows_the_list(qtbot, db, templates):
    # Given three clients
    with db.session() as s:
        for first, last in (("Ana", "Núñez"), ("Dale", "Whitcombe"), ("Dana", "Whitfield")):
            clients.create(s, ClientInput(first_name=first, last_name=last))
    from practice.ui.main_window import MainWindow

    window = MainWindow(db, templates)
    qtbot.addWidget(window)
    window.show()
    client_list = window.clients_page.client_list
    assert len(_names(window)) == 3
    # When the therapist types "whit"
    qtbot.keyClicks(client_list.search, "whit")
    # Then only the two Whit... clients remain, and the counter says so
    assert _names(window) == ["Whitcombe, Dale", "Whitfield, Dana"]
    assert client_list.count_label.text() == "2 of 3 clients"
    qtbot.keyClicks(client_list.search, "c")
    assert _names(window) == ["Whitcombe, Dale"]


def test_creating_a_client_through_the_form_lists_it(qtbot, main_window, db):
    page = main_window.clients_page
    qtbot.mouseClick(page.client_list.new_button, Qt.MouseButton.LeftButton)
    form = page.workspace.form
    qtbot.keyClicks(form.first_name, "Marisol")
    qtbot.keyClicks(form.last_name, "Quintero")
    qtbot.keyClicks(form.birth_date, "1988-05-02")
    form.language.setCurrentIndex(form.language.findText("Spanish"))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert _names(main_window) == ["Quintero, Marisol"]
    assert form.heading.text() == "Quintero, Marisol"
    with db.session() as s:
        saved = clients.list_rows(s)
    assert [(r.name, r.language.value) for r in saved] == [("Quintero, Marisol", "es")]


def test_invalid_input_shows_messages_by_the_fields_and_saves_nothing(qtbot, main_window, db):
    form = main_window.clients_page.workspace.form
    qtbot.keyClicks(form.first_name, "Dale")
    qtbot.keyClicks(form.email, "dale-at-example")
    qtbot.keyClicks(form.birth_date, "2999-01-01")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form._errors["last_name"].text() == "Last name is required."
    assert "name@example.org" in form._errors["email"].text()
    assert "future" in form._errors["birth_date"].text()
    assert form._errors["last_name"].isVisibleTo(form)
    assert "nothing was saved" in form.form_message.text()
    with db.session() as s:
        assert s.scalar(select(func.count(Client.id))) == 0
    # Fixing the fields lets it save and clears the messages
    qtbot.keyClicks(form.last_name, "Whitcombe")
    form.email.setText("dale@example.org")
    form.birth_date.setText("1979-11-30")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form._errors["email"].isVisibleTo(form)
    assert _names(main_window) == ["Whitcombe, Dale"]


def test_an_unparseable_date_gets_a_message(qtbot, main_window, db):
    form = main_window.clients_page.workspace.form
    qtbot.keyClicks(form.first_name, "Dale")
    qtbot.keyClicks(form.last_name, "Whitcombe")
    qtbot.keyClicks(form.birth_date, "30/11/1979")
    qtbot.keyClicks(form.reminder_time, "soon")
    assert form.save() is False
    assert "YYYY-MM-DD" in form._errors["birth_date"].text()
    assert "HH:MM" in form._errors["reminder_time"].text()


def test_pause_and_discharge_from_the_profile(qtbot, main_window, db, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    with db.session() as s:
        view = clients.create(s, ClientInput(first_name="Ana", last_name="Núñez"))
    page = main_window.clients_page
    page.refresh()
    page.client_list.select(view.id)
    form = page.workspace.form
    assert form.heading.text() == "Núñez, Ana"
    qtbot.mouseClick(form.pause_button, Qt.MouseButton.LeftButton)
    assert "Paused" in form.status_label.text()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(form.discharge_button, Qt.MouseButton.LeftButton)
    with db.session() as s:
        assert clients.get(s, view.id).status.value == "discharged"
    # The list followed the client to the "All clients" filter so it stays visible
    assert _names(main_window) == ["Núñez, Ana"]


def test_window_geometry_is_remembered(qtbot, db, templates):
    from practice.ui.main_window import MainWindow

    first = MainWindow(db, templates)
    qtbot.addWidget(first)
    first.resize(1100, 700)
    first.show()
    first.close()
    second = MainWindow(db, templates)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (1100, 700)
