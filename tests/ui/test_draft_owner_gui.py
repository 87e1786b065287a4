"""A session draft another computer is writing, met from the sessions list and on
closing the panel (issue 17, point 3, as a therapist on two computers found it), through
real clicks and keys. One SQLite file; the computer's name is set with
``PRACTICE_COMPUTER_NAME`` before each one writes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime

import pytest
from _boxes import Boxes
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_two_windows import _as, _draft_on_office_pc, _elsewhere, _start_session

from practice.db.engine import Database
from practice.domain.inputs import NoteInput
from practice.domain.vocabulary import AppointmentStatus, NoteFormat
from practice.services import appointments, audit, clients, notes, session_flow
from practice.services.clients import ClientInput

LEFT = Qt.MouseButton.LeftButton
TAKE_OVER = "Take it over"


@pytest.fixture(autouse=True)
def _boxes_stopped() -> Iterator[None]:
    yield
    Boxes.stop_all()


def _note_with_draft_on_home_laptop(db: Database, monkeypatch: pytest.MonkeyPatch) -> int:
    """Amara's session today, attended, its note written and a draft of it saved on
    home-laptop; then this is office-pc. The appointment's id."""
    _as(monkeypatch, "home-laptop")
    starts = datetime.now().astimezone().replace(hour=9, minute=0, second=0, microsecond=0)
    with db.session() as s:
        client_id = clients.create(s, ClientInput(first_name="Amara", last_name="Lindqvist")).id
        appointment_id = appointments.schedule(s, client_id, starts).appointment.id
        appointments.mark(s, appointment_id, AppointmentStatus.ATTENDED)
        notes.save_note(
            s, appointment_id, NoteInput(format=NoteFormat.FREE, sections={"Note": "Slept badly."})
        )
        draft = session_flow.start(s, appointment_id)
        session_flow.save_draft(
            s, replace(draft, note=replace(draft.note, plan="Nightmares: ask about them."))
        )
    _as(monkeypatch, "office-pc")
    return appointment_id


def _sessions_row(qtbot, window, appointment_id: int):  # type: ignore[no-untyped-def]
    """Amara in the list -> Sessions tab -> the appointment's row: the sessions tab."""
    page = window.clients_page
    window.show_page(page)
    page.refresh()
    proxy, table = page.client_list.proxy, page.client_list.table
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == "Lindqvist, Amara")
    qtbot.mouseClick(table.viewport(), LEFT, pos=table.visualRect(proxy.index(row, 0)).center())
    workspace = page.workspace
    tab_bar = workspace.tabBar()
    qtbot.mouseClick(
        tab_bar, LEFT, pos=tab_bar.tabRect(workspace.indexOf(workspace.sessions)).center()
    )
    sessions = workspace.sessions
    row = next(
        r for r in range(sessions.model.rowCount()) if sessions.model.row_at(r).id == appointment_id
    )
    cell = sessions.table.visualRect(sessions.model.index(row, 0)).center()
    qtbot.mouseClick(sessions.table.viewport(), LEFT, pos=cell)
    return sessions


def _signed(db: Database, appointment_id: int) -> bool:
    with db.session() as s:
        note = notes.note_for_appointment(s, appointment_id)
    assert note is not None
    return note.signed


def _take_overs(db: Database) -> list[tuple[str | None, str]]:
    with db.session() as s:
        events = audit.list_events(s, entity="session_draft", action="take_over")
    return [(e.computer, e.summary) for e in events]


def _activate(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    panel.windowHandle().requestActivate()  # the keys go to the panel
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)


def test_a_note_whose_draft_is_written_on_another_computer_is_not_signed_without_asking(
    qtbot, main_window, db, monkeypatch
):  # type: ignore[no-untyped-def]
    appointment_id = _note_with_draft_on_home_laptop(db, monkeypatch)
    sessions = _sessions_row(qtbot, main_window, appointment_id)
    assert sessions.sign_button.isEnabled()

    # Sign note -> Yes -> asked as Start session asks; Cancel: nothing signed or taken
    boxes = Boxes(qtbot, {"": "Yes", "draftElsewhere": "Cancel"})
    qtbot.mouseClick(sessions.sign_button, LEFT)
    boxes.stop()
    assert boxes.names == ["", "draftElsewhere"]
    assert "being written on home-laptop" in boxes.seen[1][1]
    assert not _signed(db, appointment_id)
    assert _take_overs(db) == []
    assert appointment_id not in main_window.session_panels
    assert _elsewhere(db, appointment_id) == "home-laptop"

    # Open read-only: the session panel shows home-laptop's draft; nothing is signed
    boxes = Boxes(qtbot, {"": "Yes", "draftElsewhere": "Open read-only"})
    qtbot.mouseClick(sessions.sign_button, LEFT)
    boxes.stop()
    assert boxes.names == ["", "draftElsewhere"]  # asked once, not again by the panel
    panel = main_window.session_panels[appointment_id]
    assert "Read-only" in panel.resumed_label.text()
    assert "home-laptop" in panel.resumed_label.text()
    panel.go_to(1, save=True)
    assert panel.note_step.plan.toPlainText() == "Nightmares: ask about them."
    assert panel.note_step.plan.isReadOnly()
    assert not _signed(db, appointment_id)
    boxes = Boxes(qtbot, {})
    _activate(qtbot, panel)
    qtbot.keyClick(panel, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: appointment_id not in main_window.session_panels)
    boxes.stop()
    assert boxes.names == []
    assert _elsewhere(db, appointment_id) == "home-laptop"

    # Take it over: the draft is office-pc's (audited, naming home-laptop), then signed
    boxes = Boxes(qtbot, {"": "Yes", "draftElsewhere": TAKE_OVER})
    qtbot.mouseClick(sessions.sign_button, LEFT)
    boxes.stop()
    assert boxes.names == ["", "draftElsewhere"]
    assert _signed(db, appointment_id)
    assert _take_overs(db) == [
        ("office-pc", f"draft of {appointment_id} taken over from home-laptop")
    ]
    assert _elsewhere(db, appointment_id) is None
    assert not sessions.sign_button.isEnabled()  # shown signed
    assert "(signed)" in sessions.model.index(sessions.table.currentIndex().row(), 3).data()


def test_taking_over_says_from_which_computer_and_when_it_was_saved_there(
    qtbot, main_window, db, monkeypatch
):  # type: ignore[no-untyped-def]
    client_id, appointment_id = _draft_on_office_pc(db, monkeypatch)
    with db.session() as s:
        found = session_flow.draft_elsewhere(s, appointment_id)
    assert found is not None and found.saved_at is not None
    saved = found.saved_at.astimezone().strftime("%H:%M")
    boxes = Boxes(qtbot, {"draftElsewhere": TAKE_OVER})
    _start_session(qtbot, main_window, client_id, appointment_id)
    boxes.stop()
    panel = main_window.session_panels[appointment_id]
    assert panel.resumed_label.isVisible()
    assert panel.resumed_label.text() == (
        f"Taken over from office-pc: the draft saved there at {saved}"
    )
    panel.close()


def test_taking_over_in_spanish(qtbot, spanish, main_window, db, monkeypatch):  # type: ignore[no-untyped-def]
    client_id, appointment_id = _draft_on_office_pc(db, monkeypatch)
    with db.session() as s:
        found = session_flow.draft_elsewhere(s, appointment_id)
    assert found is not None and found.saved_at is not None
    saved = found.saved_at.astimezone().strftime("%H:%M")
    boxes = Boxes(qtbot, {"draftElsewhere": "Tomarlo aquí"})
    _start_session(qtbot, main_window, client_id, appointment_id)
    boxes.stop()
    panel = main_window.session_panels[appointment_id]
    assert panel.resumed_label.text() == (
        f"Tomado de office-pc: el borrador guardado allí a las {saved}"
    )
    assert "Retomado" not in panel.resumed_label.text()
    panel.close()


def _laptop_panel(qtbot, main_window, db, monkeypatch):  # type: ignore[no-untyped-def]
    """A session open on the laptop, on its note step (its draft saved: the laptop's)."""
    _as(monkeypatch, "laptop")
    starts = datetime.now().astimezone().replace(hour=9, minute=0, second=0, microsecond=0)
    with db.session() as s:
        client_id = clients.create(s, ClientInput(first_name="Amara", last_name="Lindqvist")).id
        appointment_id = appointments.schedule(s, client_id, starts).appointment.id
    _start_session(qtbot, main_window, client_id, appointment_id)
    panel = main_window.session_panels[appointment_id]
    _activate(qtbot, panel)
    qtbot.mouseClick(
        panel.step_list.viewport(),
        LEFT,
        pos=panel.step_list.visualItemRect(panel.step_list.item(1)).center(),
    )
    return appointment_id, panel


def _office_takes_it_over(db: Database, monkeypatch, appointment_id: int, plan: str) -> None:  # type: ignore[no-untyped-def]
    _as(monkeypatch, "office-pc")
    with db.session() as s:
        draft = session_flow.start(s, appointment_id)
        session_flow.save_draft(
            s, replace(draft, note=replace(draft.note, plan=plan)), take_over=True
        )
    _as(monkeypatch, "laptop")


def _saved_plan(db: Database, appointment_id: int) -> str:
    with db.session() as s:
        draft = session_flow.load_draft(s, appointment_id)
    assert draft is not None
    return draft.note.plan


def test_closing_a_panel_with_nothing_changed_never_asks(qtbot, main_window, db, monkeypatch):  # type: ignore[no-untyped-def]
    appointment_id, panel = _laptop_panel(qtbot, main_window, db, monkeypatch)
    try:
        qtbot.keyClick(panel, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert panel.status.text().startswith("Draft saved at")
        _office_takes_it_over(db, monkeypatch, appointment_id, "Office plan.")
        # Esc with nothing changed here: closed, nothing asked, the office's draft kept
        boxes = Boxes(qtbot, {})
        qtbot.keyClick(panel, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: appointment_id not in main_window.session_panels)
        boxes.stop()
        assert boxes.names == []
        assert _elsewhere(db, appointment_id) == "office-pc"
        assert _saved_plan(db, appointment_id) == "Office plan."
    finally:  # a failed check must not leave a closing question waiting
        panel._closing_without_save = True


def test_a_panel_turned_read_only_says_why_what_was_typed_is_not_saved(
    qtbot, main_window, db, monkeypatch
):  # type: ignore[no-untyped-def]
    appointment_id, panel = _laptop_panel(qtbot, main_window, db, monkeypatch)
    try:
        qtbot.keyClick(panel, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert panel.status.text().startswith("Draft saved at")
        _office_takes_it_over(db, monkeypatch, appointment_id, "Office plan.")
        qtbot.mouseClick(panel.note_step.plan.viewport(), LEFT)
        qtbot.keyClicks(panel.note_step.plan, "Walk after lunch")
        # Esc: asked; Open read-only; then closing asks about what was typed, saying why
        boxes = Boxes(qtbot, {"draftElsewhere": "Open read-only", "draftNotSaved": "Cancel"})
        qtbot.keyClick(panel, Qt.Key.Key_Escape)
        boxes.stop()
        assert boxes.names == ["draftElsewhere", "draftNotSaved"]
        heading = boxes.seen[1][1]
        assert "not saved" in heading and "office-pc" in heading
        assert "Draft saved at" not in heading
        assert panel.isVisible() and panel.note_step.plan.isReadOnly()
        assert panel.note_step.plan.toPlainText() == "Walk after lunch"  # to copy
        # Esc again: the same question (what was typed), never the choice; Close closes
        boxes = Boxes(qtbot, {"draftNotSaved": "Close"})
        _activate(qtbot, panel)
        qtbot.keyClick(panel, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: appointment_id not in main_window.session_panels)
        boxes.stop()
        assert boxes.names == ["draftNotSaved"]
        assert _saved_plan(db, appointment_id) == "Office plan."
    finally:
        panel._closing_without_save = True


def test_cancel_leaves_the_panel_as_it_was_and_esc_then_closes(qtbot, main_window, db, monkeypatch):  # type: ignore[no-untyped-def]
    appointment_id, panel = _laptop_panel(qtbot, main_window, db, monkeypatch)
    try:
        _office_takes_it_over(db, monkeypatch, appointment_id, "Office plan.")
        qtbot.mouseClick(panel.note_step.plan.viewport(), LEFT)
        qtbot.keyClicks(panel.note_step.plan, "Walk after lunch")
        # Save draft: asked; Cancel leaves the panel as it was
        boxes = Boxes(qtbot, {"draftElsewhere": "Cancel"})
        qtbot.keyClick(panel, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert boxes.names == ["draftElsewhere"]
        assert panel.isVisible() and not panel.note_step.plan.isReadOnly()
        assert panel.note_step.plan.toPlainText() == "Walk after lunch"
        assert panel.save_button.isEnabled()
        assert "being written on office-pc" in panel.status.text()
        # another step: not asked again at each step
        qtbot.mouseClick(
            panel.step_list.viewport(),
            LEFT,
            pos=panel.step_list.visualItemRect(panel.step_list.item(2)).center(),
        )
        assert boxes.names == ["draftElsewhere"]
        boxes.stop()
        # Esc: only what was typed is asked about; Close closes, the office's draft kept
        boxes = Boxes(qtbot, {"draftNotSaved": "Close"})
        _activate(qtbot, panel)
        qtbot.keyClick(panel, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: appointment_id not in main_window.session_panels)
        boxes.stop()
        assert boxes.names == ["draftNotSaved"]
        assert _elsewhere(db, appointment_id) == "office-pc"
        assert _saved_plan(db, appointment_id) == "Office plan."
    finally:
        panel._closing_without_save = True


def test_cancel_with_nothing_typed_then_esc_closes_without_a_word(
    qtbot, main_window, db, monkeypatch
):  # type: ignore[no-untyped-def]
    appointment_id, panel = _laptop_panel(qtbot, main_window, db, monkeypatch)
    try:
        _office_takes_it_over(db, monkeypatch, appointment_id, "Office plan.")
        # the next step saves the draft: asked; Cancel
        boxes = Boxes(qtbot, {"draftElsewhere": "Cancel"})
        qtbot.mouseClick(
            panel.step_list.viewport(),
            LEFT,
            pos=panel.step_list.visualItemRect(panel.step_list.item(2)).center(),
        )
        assert boxes.names == ["draftElsewhere"]
        # Esc: nothing of the user's to lose, so nothing asked
        _activate(qtbot, panel)
        qtbot.keyClick(panel, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: appointment_id not in main_window.session_panels)
        boxes.stop()
        assert boxes.names == ["draftElsewhere"]
        assert _saved_plan(db, appointment_id) == "Office plan."
    finally:
        panel._closing_without_save = True
