"""Conditional sessions, the guarded last resort: refusal, override, warning, ending."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from practice.db.models import AuditEvent, ConditioningPeriod
from practice.services.demo import seed_demo

DEMO_TODAY = date(2025, 3, 12)
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def demo(db):  # type: ignore[no-untyped-def]
    with db.session() as s:
        return seed_demo(s, today=DEMO_TODAY)


@pytest.fixture
def open_dialog(qtbot, db):  # type: ignore[no-untyped-def]
    from practice.ui.conditional_dialog import ConditionalDialog

    def make(client_id: int) -> ConditionalDialog:
        dialog = ConditionalDialog(db, client_id, today=DEMO_TODAY)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


def _periods(db, client_id: int) -> list[ConditioningPeriod]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        rows = s.scalars(
            select(ConditioningPeriod).where(ConditioningPeriod.client_id == client_id)
        ).all()
        s.expunge_all()
        return list(rows)


def test_a_cannot_postpone_client_is_refused_without_a_written_override(
    qtbot, open_dialog, db, demo
):
    # Given the client marked "cannot postpone treatment"
    dialog = open_dialog(demo.cannot_postpone_id)
    # Then the dialog refuses in plain words, with the flag and the client's reason
    assert dialog.refusal_label.isVisible()
    assert "Refused unless overridden." in dialog.refusal_label.text()
    assert dialog.check.cannot_postpone_reason
    assert dialog.risk_flag is not None
    assert dialog.risk_flag.text() == (
        f"⚠ Rocío cannot postpone treatment: {dialog.check.cannot_postpone_reason}"
    )
    # When only the reason is written, Confirm stays disabled
    qtbot.keyClicks(dialog.reason_edit, "Agreed to try for four weeks.")
    assert not dialog.confirm_button.isEnabled()
    assert dialog.override_hint.text() == "Characters still needed for the override reason: 15."
    # A few characters are not enough either
    qtbot.keyClicks(dialog.override_edit, "    risk ok ")
    assert not dialog.confirm_button.isEnabled()
    assert dialog.override_hint.text().endswith("override reason: 8.")
    qtbot.mouseClick(dialog.confirm_button, LEFT)  # a disabled button does nothing
    assert _periods(db, demo.cannot_postpone_id) == []


def test_the_override_with_a_written_reason_opens_the_period(qtbot, open_dialog, db, demo):
    dialog = open_dialog(demo.cannot_postpone_id)
    qtbot.keyClicks(dialog.reason_edit, "Agreed to try for four weeks.")
    qtbot.keyClicks(
        dialog.override_edit, "Crisis resolved; safety plan reviewed with the psychiatrist."
    )
    qtbot.keyClicks(dialog.consulted_edit, "Dr A. Ruiz, clinical supervisor")
    assert dialog.confirm_button.isEnabled()

    def turn_on() -> None:  # the second confirmation, naming the risk
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, turn_on)
            return
        yes = next(b for b in box.buttons() if b.text() == "Turn on despite the risk")
        qtbot.mouseClick(yes, LEFT)

    QTimer.singleShot(0, turn_on)
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.confirm_button, LEFT)
    assert dialog.result() == dialog.DialogCode.Accepted
    [period] = _periods(db, demo.cannot_postpone_id)
    assert period.override_reason.startswith("Crisis resolved")
    assert period.reason == "Agreed to try for four weeks."
    assert (period.starts_on, period.agreed_on, period.ends_on) == (DEMO_TODAY, DEMO_TODAY, None)
    with db.session() as s:
        actions = s.scalars(
            select(AuditEvent.action).where(
                AuditEvent.entity == "conditioning_period", AuditEvent.entity_id == period.id
            )
        ).all()
    assert sorted(actions) == ["open", "risk-override"]


def test_fewer_than_three_steps_tried_warns_and_shows_what_was_tried(open_dialog, demo):
    dialog = open_dialog(demo.cannot_postpone_id)  # two steps recorded
    assert dialog.warnings_label.isVisible()
    assert "Only 2 ladder steps recorded" in dialog.warnings_label.text()
    ladder = dialog.ladder_label.text()
    assert "✓&nbsp;" in ladder and "2. Emphasise its value" in ladder
    assert "1. Re-explain the task" in ladder and "not recorded" in ladder


def test_the_count_of_steps_tried_matches_the_list_below_it(open_dialog, demo):
    dialog = open_dialog(demo.cannot_postpone_id)  # two steps recorded
    rows = dialog.ladder_label.text().count("<tr>")
    assert dialog.tried_heading.text() == (
        f"What has been tried (2 of the {rows} steps before this one)"
    )


def test_a_client_with_enough_steps_opens_without_the_warning(qtbot, open_dialog, db, demo):
    dialog = open_dialog(demo.drifter_id)  # four steps recorded, may postpone
    assert "Only" not in dialog.warnings_label.text()
    assert not dialog.refusal_label.isVisible()
    assert not dialog.override_edit.isVisible()
    assert not dialog.confirm_button.isEnabled()  # the reason comes first
    qtbot.keyClicks(dialog.reason_edit, "Agreed together after two months of empty logs.")
    dialog.agreed_edit.setDate(dialog.agreed_edit.date().addDays(-2))
    qtbot.mouseClick(dialog.confirm_button, LEFT)
    [period] = _periods(db, demo.drifter_id)
    assert (period.agreed_on, period.override_reason) == (date(2025, 3, 10), None)


def test_ending_an_open_period_is_one_action(qtbot, open_dialog, db, demo):
    # Given the client with conditional sessions on
    dialog = open_dialog(demo.conditional_id)
    assert dialog.period_label.isVisible()
    assert "Conditional sessions are on since Fri 24 Jan" in dialog.period_label.text()
    # When the therapist ends them
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.end_button, LEFT)
    # Then the period ends today, audited, and the dialog offers to open a new one
    [period] = _periods(db, demo.conditional_id)
    assert period.ends_on == DEMO_TODAY
    with db.session() as s:
        assert (
            "end"
            in s.scalars(
                select(AuditEvent.action).where(
                    AuditEvent.entity == "conditioning_period", AuditEvent.entity_id == period.id
                )
            ).all()
        )
    again = open_dialog(demo.conditional_id)
    assert again.confirm_button is not None and not hasattr(again, "end_button")
