"""Unsaved profile edits are never thrown away silently: Save / Discard / Keep editing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from tests.ui._unsaved import CANCEL, DISCARD, SAVE, Answerer, click_client, highlighted_clients

from practice.services import clients
from practice.services.clients import ClientInput


@pytest.fixture
def two_clients(db):  # type: ignore[no-untyped-def]
    with db.session() as s:
        a = clients.create(s, ClientInput(first_name="Ada", last_name="Abernethy")).id
        b = clients.create(s, ClientInput(first_name="Bea", last_name="Blackwood")).id
    return a, b


def _email_of(db, client_id: int) -> str | None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return clients.get(s, client_id).email


def _open_and_edit(qtbot, window, client_id: int):  # type: ignore[no-untyped-def]
    click_client(qtbot, window, client_id)
    form = window.clients_page.workspace.form
    assert form.client_id == client_id
    qtbot.keyClicks(form.email, "ada@example.org")
    return form


def test_cancel_keeps_the_edits_and_the_list_goes_back_to_the_edited_client(
    qtbot, two_clients, main_window, db
):
    a, b = two_clients
    answers = Answerer(qtbot)
    form = _open_and_edit(qtbot, main_window, a)
    # When another client is clicked and the therapist chooses Keep editing
    answers.will(CANCEL)
    click_client(qtbot, main_window, b)
    # Then it was asked once, the edits are still there and the list shows Ada again
    assert len(answers.asked) == 1 and "Abernethy, Ada" in answers.asked[0]
    assert form.client_id == a and form.email.text() == "ada@example.org"
    assert main_window.clients_page.client_list.current_client_id() == a
    qtbot.waitUntil(lambda: highlighted_clients(main_window) == [a], timeout=2000)
    assert form.is_dirty and _email_of(db, a) is None


def test_discard_opens_the_other_client_and_saves_nothing(qtbot, two_clients, main_window, db):
    a, b = two_clients
    answers = Answerer(qtbot)
    form = _open_and_edit(qtbot, main_window, a)
    answers.will(DISCARD)
    click_client(qtbot, main_window, b)
    assert len(answers.asked) == 1
    assert form.client_id == b and form.email.text() == "" and not form.is_dirty
    assert main_window.clients_page.client_list.current_client_id() == b
    assert _email_of(db, a) is None


def test_save_writes_the_edits_then_opens_the_other_client(qtbot, two_clients, main_window, db):
    a, b = two_clients
    answers = Answerer(qtbot)
    _open_and_edit(qtbot, main_window, a)
    answers.will(SAVE)
    click_client(qtbot, main_window, b)
    form = main_window.clients_page.workspace.form
    assert len(answers.asked) == 1 and _email_of(db, a) == "ada@example.org"
    assert form.client_id == b and main_window.clients_page.client_list.current_client_id() == b


def test_a_save_that_fails_validation_stays_on_the_edited_client(
    qtbot, two_clients, main_window, db
):
    a, b = two_clients
    answers = Answerer(qtbot)
    click_client(qtbot, main_window, a)
    form = main_window.clients_page.workspace.form
    qtbot.keyClicks(form.email, "not-an-address")
    answers.will(SAVE)
    click_client(qtbot, main_window, b)
    assert form.client_id == a and form.email.text() == "not-an-address"
    assert form.form_message.isVisibleTo(form) and _email_of(db, a) is None
    assert main_window.clients_page.client_list.current_client_id() == a


def test_clicking_a_client_without_edits_asks_nothing(qtbot, two_clients, main_window):
    a, b = two_clients
    click_client(qtbot, main_window, a)
    click_client(qtbot, main_window, b)  # a question here would block: no answer is set
    assert main_window.clients_page.workspace.form.client_id == b


def test_revert_on_a_half_typed_new_client_asks_first(qtbot, main_window):
    page = main_window.clients_page
    main_window.show_page(page)
    answers = Answerer(qtbot)
    qtbot.mouseClick(page.client_list.new_button, Qt.MouseButton.LeftButton)
    form = page.workspace.form
    qtbot.keyClicks(form.first_name, "Philippa")
    answers.will(CANCEL)
    qtbot.mouseClick(form.revert_button, Qt.MouseButton.LeftButton)
    assert answers.asked and "new client" in answers.asked[0]
    assert form.first_name.text() == "Philippa"
    answers.will(DISCARD)
    qtbot.mouseClick(form.revert_button, Qt.MouseButton.LeftButton)
    assert len(answers.asked) == 2 and form.first_name.text() == ""


def test_new_client_while_editing_asks_and_cancel_stays(qtbot, two_clients, main_window, db):
    a, _ = two_clients
    answers = Answerer(qtbot)
    form = _open_and_edit(qtbot, main_window, a)
    answers.will(CANCEL)
    qtbot.mouseClick(main_window.clients_page.client_list.new_button, Qt.MouseButton.LeftButton)
    assert len(answers.asked) == 1
    assert form.client_id == a and form.email.text() == "ada@example.org"


def test_quitting_with_edits_asks_and_cancel_keeps_the_window_open(
    qtbot, two_clients, main_window, db
):
    a, _ = two_clients
    answers = Answerer(qtbot)
    form = _open_and_edit(qtbot, main_window, a)
    # When File → Quit is chosen (Ctrl+Q) and the therapist keeps editing
    answers.will(CANCEL)
    main_window.quit_action.trigger()
    # Then the window stays open with the edits
    assert len(answers.asked) == 1 and main_window.isVisible()
    assert form.email.text() == "ada@example.org"
    # And Save on the next Quit saves, then closes
    answers.will(SAVE)
    main_window.quit_action.trigger()
    assert len(answers.asked) == 2
    assert not main_window.isVisible() and _email_of(db, a) == "ada@example.org"


def test_a_data_refresh_keeps_the_edits_of_the_open_client(qtbot, two_clients, main_window):
    a, _ = two_clients
    form = _open_and_edit(qtbot, main_window, a)
    main_window.reload_client_data()  # e.g. a session finished or an import
    assert form.client_id == a and form.email.text() == "ada@example.org"
    assert QApplication.activeModalWidget() is None


def test_searching_while_editing_opens_no_other_client(qtbot, two_clients, main_window):
    a, b = two_clients
    form = _open_and_edit(qtbot, main_window, a)
    client_list = main_window.clients_page.client_list
    # When the therapist types a search that hides Ada (a question would block here)
    qtbot.keyClicks(client_list.search, "black")
    # Then Ada's profile stays open with the edits, and no other client is selected
    assert form.client_id == a and form.email.text() == "ada@example.org"
    assert client_list.current_client_id() is None
    # And clearing the search shows Ada selected again
    client_list.search.clear()
    assert client_list.current_client_id() == a and form.email.text() == "ada@example.org"


def test_enter_on_the_question_after_revert_discards(qtbot, main_window):
    from PySide6.QtWidgets import QApplication, QMessageBox

    page = main_window.clients_page
    main_window.show_page(page)
    qtbot.mouseClick(page.client_list.new_button, Qt.MouseButton.LeftButton)
    form = page.workspace.form
    qtbot.keyClicks(form.first_name, "Philippa")
    defaults: list[str] = []

    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press_enter)
            return
        defaults.append(box.defaultButton().text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    # When the therapist presses Revert and then Enter on the question
    QTimer.singleShot(0, press_enter)
    qtbot.mouseClick(form.revert_button, Qt.MouseButton.LeftButton)
    # Then Enter discarded the edits (what Revert asked for), it did not try to save
    assert defaults == ["Discard changes"]
    assert form.first_name.text() == ""
