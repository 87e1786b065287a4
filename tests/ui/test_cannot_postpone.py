"""Safety first: the "cannot postpone treatment" flag is shown in full wherever the client
appears, turning conditional sessions on for them needs who was consulted and a second
confirmation, and their session is not cancelled for a missing self-record without that
override (docs/clinical.md, Conditional sessions)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QScrollArea
from sqlalchemy import select

from practice.db.models import Appointment, AuditEvent, Client, ConditioningPeriod
from practice.domain.risk import Override, split_override
from practice.domain.vocabulary import AppointmentStatus, CallDecision, CallOutcome
from practice.services import appointments, conditional
from practice.services.demo import seed_demo

DEMO_TODAY = date(2025, 3, 12)  # Rocío, flagged after an overdose, comes on Monday the 17th
SUNDAY = date(2025, 3, 16)
DEMO_TODAY_END = datetime(2025, 12, 31, tzinfo=UTC)  # after the whole demo
LEFT = Qt.MouseButton.LeftButton
REASON = (
    "Recent crisis: seen in the emergency department after an overdose shortly before "
    "intake. Sessions must not be postponed while the safety plan is in place."
)
FLAG = f"⚠ Rocío cannot postpone treatment: {REASON}"
CONSULTED = "Dr A. Ruiz, clinical supervisor"
TUESDAY = ("Quintero", "Arriaga")  # the demo's Tuesday 18 March clients


@pytest.fixture
def demo(db):  # type: ignore[no-untyped-def]
    with db.session() as s:
        return seed_demo(s, today=DEMO_TODAY)


def _open_period(db, client_id: int, override: str) -> None:  # type: ignore[no-untyped-def]
    """A period as stored by any version (the old one took any 15 characters)."""
    with db.session() as s:
        s.add(
            ConditioningPeriod(
                client_id=client_id,
                starts_on=DEMO_TODAY,
                ends_on=None,
                reason="Agreed a four-week trial.",
                agreed_on=DEMO_TODAY,
                override_reason=override,
            )
        )


def _actions(db, entity: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return {
            e.action: e.summary
            for e in s.scalars(select(AuditEvent).where(AuditEvent.entity == entity))
        }


def _status(db, appointment_id: int) -> AppointmentStatus:  # type: ignore[no-untyped-def]
    with db.session() as s:
        row = s.get(Appointment, appointment_id)
        assert row is not None
        return row.status


def choose(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, LEFT, pos=QPoint(6, button.height() // 2))


def override_on(s, client_id: int, today: date) -> None:  # type: ignore[no-untyped-def]
    """Conditional sessions on for a cannot-postpone client, with an override naming who
    was consulted and the risk confirmed (as the conditional dialog records it)."""
    conditional.open_period(
        s,
        client_id,
        reason="Agreed a four-week trial.",
        agreed_on=today,
        override_reason="Safety plan stable for six weeks; reviewed with her.",
        consulted=CONSULTED,
        risk_confirmed=True,
        today=today,
    )


def _today_on_sunday(qtbot, db, size=(1366, 768)):  # type: ignore[no-untyped-def]
    from practice.ui.today_page import TodayPage

    page = TodayPage(db, day=date(2025, 3, 15))
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.mouseClick(page.next_button, LEFT)  # Saturday -> Sunday: Rocío is tomorrow
    assert page.day == SUNDAY
    return page


# ---- Today, the agenda, the session panel --------------------------------------------


def test_today_shows_the_flag_and_its_reason_in_full_at_1024x600(qtbot, main_window, db, demo):
    # Given the main window on a 1024x600 screen, Today on the day before Rocío's session,
    # with her day-before call to make as well
    _open_period(db, demo.cannot_postpone_id, "Safety plan stable.\nConsulted: " + CONSULTED)
    main_window.resize(1024, 600)
    page = main_window.today
    page.set_day(date(2025, 3, 15))
    qtbot.mouseClick(page.next_button, LEFT)
    # Then the flag and its whole reason are shown, wrapped, not cut: above the
    # appointments and on the call
    [flag] = page.risk_flags.flags
    assert flag.text() == FLAG and flag.toolTip() == FLAG
    qtbot.waitUntil(flag.fits, timeout=2000)
    [call] = page.call_rows
    assert call.risk_flag is not None and call.risk_flag.text() == FLAG
    qtbot.waitUntil(call.risk_flag.fits, timeout=2000)
    # And the row in the tree starts with the flag, whole in its column, the reason in
    # its tooltip (it was "⚠ cannot post…" at the end of the row)
    item = next(
        page.tree.topLevelItem(i)
        for i in range(page.tree.topLevelItemCount())
        if page.tree.entry(page.tree.topLevelItem(i)) is not None
    )
    assert item.text(3).startswith("⚠ cannot postpone treatment")
    words = page.tree.fontMetrics().horizontalAdvance("⚠ cannot postpone treatment")
    assert words < page.tree.columnWidth(3)
    assert item.toolTip(3) == FLAG


def test_many_flags_on_a_small_screen_scroll_rather_than_being_cut(qtbot, main_window, db, demo):
    # Given three flagged clients on Monday and Tuesday, on a 1024x600 screen, the two
    # on Tuesday under conditional sessions (two day-before calls to make on Monday)
    with db.session() as s:
        tuesday = s.scalars(select(Client).where(Client.last_name.in_(TUESDAY))).all()
        for client in tuesday:
            client.cannot_postpone = True
            client.cannot_postpone_reason = "Severe depression; weekly sessions agreed with the GP."
        ids = [c.id for c in tuesday]
    for client_id in ids:
        _open_period(db, client_id, "Reviewed.\nConsulted: " + CONSULTED)
    main_window.resize(1024, 600)
    page = main_window.today
    page.set_day(SUNDAY)
    qtbot.mouseClick(page.next_button, LEFT)  # Monday 17 March
    # Then every flag is whole
    assert len(page.risk_flags.flags) == 3 and len(page.call_rows) == 2
    for flag in page.risk_flags.flags + [row.risk_flag for row in page.call_rows]:
        assert flag is not None
        qtbot.waitUntil(flag.fits, timeout=2000)
    # And what is below them can still be reached: the column scrolls, nothing is cut
    last = page.missing_rows[-1]
    scroll = next(
        (w for w in _ancestors(last) if isinstance(w, QScrollArea)),
        None,
    )
    if scroll is not None:
        scroll.ensureWidgetVisible(last)
    bottom = last.mapTo(page, last.rect().bottomLeft()).y()
    assert 0 <= bottom <= page.height()
    assert main_window.height() <= 600  # and the window did not grow off the screen


def _ancestors(widget):  # type: ignore[no-untyped-def]
    while (widget := widget.parentWidget()) is not None:
        yield widget


def test_the_agenda_names_the_flag_on_the_session_and_its_reason_below(qtbot, db, demo):
    from practice.ui.agenda import AgendaPage

    page = AgendaPage(db)
    qtbot.addWidget(page)
    page.resize(1024, 600)
    page.show()
    page.show_week(date(2025, 3, 10))
    qtbot.mouseClick(page.next_button, LEFT)  # to the week of Monday 17 March
    [item] = page.appointment_items(0)
    assert item.text() == "11:00  Benavides, Rocío\n⚠ Cannot postpone treatment"
    assert REASON in item.toolTip()
    [flag] = page.risk_flags.flags
    assert flag.text() == f"⚠ Benavides, Rocío cannot postpone treatment: {REASON}"
    qtbot.waitUntil(flag.fits, timeout=2000)


def test_the_session_panel_shows_the_flag_above_every_step(qtbot, main_window, demo):
    page = main_window.today
    page.set_day(SUNDAY)
    qtbot.mouseClick(page.next_button, LEFT)  # Monday: Rocío today
    item = next(
        page.tree.topLevelItem(i)
        for i in range(page.tree.topLevelItemCount())
        if page.tree.entry(page.tree.topLevelItem(i)) is not None
    )
    page.tree.setCurrentItem(item)
    qtbot.mouseClick(page.session_button, LEFT)
    [panel] = main_window.session_panels.values()
    qtbot.waitExposed(panel)
    assert panel.risk_flag is not None and panel.risk_flag.text() == FLAG
    qtbot.waitUntil(panel.risk_flag.fits, timeout=2000)


# ---- the day-before call --------------------------------------------------------------


def test_the_call_dialog_and_its_cancel_prompt_name_the_flag_under_an_override(
    qtbot, db, demo, monkeypatch
):
    # Given conditional sessions on for Rocío with an override naming who was consulted
    with db.session() as s:
        override_on(s, demo.cannot_postpone_id, DEMO_TODAY)
    page = _today_on_sunday(qtbot, db)
    [row] = page.call_rows
    assert row.risk_flag is not None and row.risk_flag.text() == FLAG
    # When the therapist logs "not done, cancel"
    qtbot.mouseClick(row.log_button, LEFT)
    dialog = page.call_dialog
    assert dialog.risk_flag is not None and dialog.risk_flag.text() == FLAG
    assert CONSULTED in dialog.override_label.text()
    asked: list[tuple[str, QMessageBox.StandardButton]] = []

    def answer(reply):  # type: ignore[no-untyped-def]
        def question(_parent, _title, text, _buttons, default):  # type: ignore[no-untyped-def]
            asked.append((text, default))
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    choose(qtbot, dialog.button_for(CallOutcome.NOT_DONE))
    choose(qtbot, dialog.button_for(CallDecision.CANCEL))
    appointment_id = dialog.call.appointment.id
    qtbot.mouseClick(dialog.save_button, LEFT)
    # Then the prompt names the flag, its reason and who was consulted; No is its default
    [(text, default)] = asked
    assert text.startswith(FLAG) and f"consulting {CONSULTED}" in text
    assert default is QMessageBox.StandardButton.No
    assert _status(db, appointment_id) is AppointmentStatus.SCHEDULED
    # And a Yes cancels it, audited as a cancellation under the override
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(dialog.save_button, LEFT)
    assert _status(db, appointment_id) is AppointmentStatus.CANCELLED_NO_SELF_RECORD
    assert CONSULTED in _actions(db, "appointment")["cancel-under-override"]


def test_without_an_active_override_the_session_is_not_cancelled(qtbot, db, demo, monkeypatch):
    # Given the period: turned on after "any 15 characters", nobody named
    _open_period(db, demo.cannot_postpone_id, "ok with supervisor agreement")
    page = _today_on_sunday(qtbot, db)
    qtbot.mouseClick(page.call_rows[0].log_button, LEFT)
    dialog = page.call_dialog
    assert dialog.risk_flag is not None and dialog.risk_flag.text() == FLAG
    assert "cannot be cancelled" in dialog.override_label.text()

    def no_question(*_: object) -> QMessageBox.StandardButton:
        raise AssertionError("nothing to confirm: the cancellation is refused")

    monkeypatch.setattr(QMessageBox, "question", no_question)
    choose(qtbot, dialog.button_for(CallOutcome.NOT_DONE))
    choose(qtbot, dialog.button_for(CallDecision.CANCEL))
    qtbot.keyClicks(dialog.note, "Nothing written.")
    appointment_id = dialog.call.appointment.id
    # When the therapist tries to cancel in the two clicks of the issue
    qtbot.mouseClick(dialog.save_button, LEFT)
    # Then it is refused in plain words, the dialog stays with what was typed, the session
    # stays, and the refused attempt is in the audit trail
    assert dialog.isVisible() and dialog.result_call is None
    assert "Not cancelled" in dialog.error.text()
    assert "cannot postpone treatment" in dialog.error.text()
    assert dialog.note.toPlainText() == "Nothing written."
    assert _status(db, appointment_id) is AppointmentStatus.SCHEDULED
    assert "refused" in _actions(db, "appointment")["cancel-refused"]
    # And keeping the session still works
    choose(qtbot, dialog.button_for(CallDecision.KEEP))
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.result_call is not None
    assert dialog.result_call.appointment_status is AppointmentStatus.SCHEDULED


# ---- turning conditional sessions on ----------------------------------------------------


def _answer_risk_box(qtbot, dialog, action):  # type: ignore[no-untyped-def]
    """Click Confirm; ``action(box)`` answers the second confirmation when it shows."""
    seen: list[tuple[str, str]] = []

    def handle() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, handle)
            return
        seen.append((box.text(), box.defaultButton().text()))
        action(box)

    QTimer.singleShot(0, handle)
    qtbot.mouseClick(dialog.confirm_button, LEFT)
    return seen


def test_turning_them_on_needs_who_was_consulted_and_a_second_confirmation(qtbot, db, demo):
    from practice.ui.conditional_dialog import ConditionalDialog

    dialog = ConditionalDialog(db, demo.cannot_postpone_id, today=DEMO_TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.risk_flag is not None and dialog.risk_flag.text() == FLAG
    # Given what got past the old check: any 15 characters
    qtbot.keyClicks(dialog.reason_edit, "Agreed to try for four weeks.")
    qtbot.keyClicks(dialog.override_edit, "ok with supervisor agreement")
    # Then Confirm waits for who was consulted, a name, not just anything
    assert not dialog.confirm_button.isEnabled()
    assert "Say who was consulted" in dialog.consulted_hint.text()
    qtbot.keyClicks(dialog.consulted_edit, "ok")
    assert not dialog.confirm_button.isEnabled()
    assert "Name the colleague or supervisor" in dialog.consulted_hint.text()
    dialog.consulted_edit.clear()
    qtbot.keyClicks(dialog.consulted_edit, CONSULTED)
    assert dialog.confirm_button.isEnabled()
    # When Confirm is clicked, a second question names the risk; Enter takes its safe
    # default and nothing is turned on
    seen = _answer_risk_box(qtbot, dialog, lambda box: qtbot.keyClick(box, Qt.Key.Key_Return))
    [(text, default)] = seen
    assert text.startswith(FLAG) and "cancels Rocío's session" in text
    assert default == "Cancel"
    assert dialog.isVisible()
    with db.session() as s:
        assert conditional.periods_for(s, demo.cannot_postpone_id) == []
    # And only the explicit "Turn on despite the risk" turns them on, audited with who
    # was consulted
    seen = _answer_risk_box(
        qtbot,
        dialog,
        lambda box: qtbot.mouseClick(
            next(b for b in box.buttons() if b.text() == "Turn on despite the risk"), LEFT
        ),
    )
    assert len(seen) == 1
    assert dialog.result() == dialog.DialogCode.Accepted
    with db.session() as s:
        [period] = conditional.periods_for(s, demo.cannot_postpone_id)
    assert split_override(period.override_reason) == Override(
        "ok with supervisor agreement", CONSULTED
    )
    assert f"consulted: {CONSULTED}" in _actions(db, "conditioning_period")["risk-override"]


def test_the_open_period_shows_the_flag_and_who_was_consulted(qtbot, db, demo):
    from practice.ui.conditional_dialog import ConditionalDialog

    _open_period(db, demo.cannot_postpone_id, "Safety plan stable.\nConsulted: " + CONSULTED)
    dialog = ConditionalDialog(db, demo.cannot_postpone_id, today=DEMO_TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.risk_flag is not None and dialog.risk_flag.text() == FLAG
    assert f"<b>Consulted:</b> {CONSULTED}" in dialog.period_label.text()


def test_the_conditional_dialog_fits_a_1024x600_screen_with_the_flag_in_view(qtbot, db, demo):
    from practice.ui.conditional_dialog import ConditionalDialog
    from practice.ui.widgets import fit_to_screen

    dialog = ConditionalDialog(db, demo.cannot_postpone_id, today=DEMO_TODAY)
    qtbot.addWidget(dialog)
    fit_to_screen(dialog, QRect(0, 0, 1024, 600))
    dialog.show()
    qtbot.waitExposed(dialog)
    # The form scrolls; the flag above it and the buttons below stay in view
    assert dialog.height() <= 600
    assert dialog.layout().minimumSize().height() <= dialog.height()
    assert dialog.risk_flag is not None
    qtbot.waitUntil(dialog.risk_flag.fits, timeout=2000)
    for widget in (dialog.risk_flag, dialog.confirm_button):
        corner = widget.mapTo(dialog, QPoint(widget.width() - 1, widget.height() - 1))
        assert dialog.rect().contains(corner)


def test_after_the_call_cancels_a_flagged_clients_session_another_time_is_offered(
    qtbot, db, demo, monkeypatch
):
    # Given Rocío (cannot postpone) under conditional sessions with an override
    with db.session() as s:
        override_on(s, demo.cannot_postpone_id, DEMO_TODAY)
    page = _today_on_sunday(qtbot, db)
    [row] = page.call_rows
    qtbot.mouseClick(row.log_button, LEFT)
    dialog = page.call_dialog
    asked: list[str] = []

    def question(_parent, title, text, _buttons, _default):  # type: ignore[no-untyped-def]
        asked.append(title)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    choose(qtbot, dialog.button_for(CallOutcome.NOT_DONE))
    choose(qtbot, dialog.button_for(CallDecision.CANCEL))
    appointment_id = dialog.call.appointment.id
    # When the cancellation is confirmed
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert _status(db, appointment_id) is AppointmentStatus.CANCELLED_NO_SELF_RECORD
    # Then "Book another time for Rocío?" is asked right away, and Yes opens the
    # appointment dialog for her, on her usual day and time
    assert asked == ["Cancel the session?", "Book another time?"]
    rebook = page.rebook_dialog
    assert rebook is not None and rebook.isVisible()
    assert rebook.client_id() == demo.cannot_postpone_id
    with db.session() as s:
        slot = appointments.usual_slot(s, demo.cannot_postpone_id)
    assert slot is not None
    start = rebook.wall_start()
    assert (start.weekday(), start.time()) == (slot.weekday, slot.start)
    # And Save books it
    qtbot.mouseClick(rebook.save_button, LEFT)
    with db.session() as s:
        booked = s.scalars(
            select(Appointment).where(
                Appointment.client_id == demo.cannot_postpone_id,
                Appointment.status == AppointmentStatus.SCHEDULED,
                Appointment.starts_at > DEMO_TODAY_END,
            )
        ).all()
    assert [b.starts_at.astimezone().replace(tzinfo=None) for b in booked] == [start]
    assert "Booked:" in page.message.text()


def test_the_flag_shows_in_the_list_profile_homework_and_prep(qtbot, main_window, db):
    from tests.ui._unsaved import click_client

    from practice.services import clients
    from practice.services.clients import ClientInput
    from practice.ui.client_table import COL_NAME

    reason = "Recent crisis; weekly contact agreed with the GP"
    with db.session() as s:
        flagged = clients.create(
            s,
            ClientInput(
                first_name="Rocío",
                last_name="Ibarra",
                cannot_postpone=True,
                cannot_postpone_reason=reason,
            ),
        ).id
    main_window.clients_page.refresh()
    # When the therapist clicks the flagged client in the Clients list
    click_client(qtbot, main_window, flagged)
    client_list = main_window.clients_page.client_list
    row = client_list.proxy.mapFromSource(
        client_list.model.index(client_list.model.row_of(flagged), COL_NAME)
    )
    # Then the list marks the name and says why in its tooltip
    assert row.data().endswith("⚠")
    assert reason in row.data(Qt.ItemDataRole.ToolTipRole)
    workspace = main_window.clients_page.workspace
    tabs = workspace.tabBar()

    def click_tab(title: str) -> None:
        index = next(i for i in range(workspace.count()) if workspace.tabText(i) == title)
        qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(index).center())
        assert workspace.currentIndex() == index

    # The Profile header, the Homework tab and Prep each show it in full
    click_tab("Profile")
    assert workspace.form.risk_flag.isVisible() and reason in workspace.form.risk_flag.text()
    click_tab("Homework")
    assert workspace.homework.risk_flag.isVisible()
    assert reason in workspace.homework.risk_flag.text()
    click_tab("Prep")
    assert workspace.prep.cannot_postpone_reason.isVisible()
    assert reason in workspace.prep.cannot_postpone_reason.text()
