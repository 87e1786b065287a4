"""After auto-lock and unlock, the client list keeps its selection and filter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from tests.ui._unsaved import click_client

from practice.services import clients
from practice.services.clients import ClientInput
from practice.ui.client_list import STATUS_FILTERS


def test_unlock_brings_back_the_selected_client_and_the_filter(qtbot, db, templates):
    # Given three clients, one paused, and the therapist looking at "Whit..." clients
    # of every status with Dana selected
    with db.session() as s:
        clients.create(s, ClientInput(first_name="Ana", last_name="Núñez"))
        clients.create(s, ClientInput(first_name="Dale", last_name="Whitcombe"))
        dana = clients.create(s, ClientInput(first_name="Dana", last_name="Whitfield")).id
        clients.set_status(s, dana, clients.ClientStatus.PAUSED)
    from practice.ui.main_window import MainWindow

    window = MainWindow(db, templates)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_page(window.clients_page)
    client_list = window.clients_page.client_list
    all_clients = [text for text, _ in STATUS_FILTERS].index("All clients")
    client_list.status_filter.setCurrentIndex(all_clients)
    qtbot.keyClicks(client_list.search, "whit")
    click_client(qtbot, window, dana)
    form = window.clients_page.workspace.form
    assert form.client_id == dana
    qtbot.keyClicks(form.phone, "0123 456 789")  # not saved yet
    # When the window locks itself after idle minutes and the therapist unlocks it
    window.auto_lock.set_minutes(0.002)  # 120 ms
    qtbot.waitUntil(lambda: window.auto_lock.is_locked, timeout=3000)
    assert client_list.model.rowCount() == 0  # nothing shown while locked
    window.auto_lock.set_minutes(5)
    assert window.auto_lock.lock_screen is not None
    qtbot.mouseClick(window.auto_lock.lock_screen.panel.unlock_button, Qt.MouseButton.LeftButton)
    # Then the same client is selected, shown, and the filter and search are as they were
    assert not window.auto_lock.is_locked
    assert client_list.current_client_id() == dana
    assert client_list.table.selectionModel().isRowSelected(client_list.table.currentIndex().row())
    assert form.client_id == dana and form.phone.text() == "0123 456 789"
    assert client_list.search.text() == "whit"
    assert client_list.status_filter.currentIndex() == all_clients
    assert client_list.count_label.text() == "2 of 3 clients"
