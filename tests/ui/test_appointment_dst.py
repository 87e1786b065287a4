"""Issue 12, Scheduling: a time the clocks skip (daylight saving begins) is refused in
the appointment dialog in words, typed with real keys; the date field keeps 1900–2200."""

from __future__ import annotations

import time as clocks
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateTimeEdit, QDialogButtonBox

from practice.services import appointments, clients
from practice.services.clients import ClientInput
from practice.ui.appointment_dialog import AppointmentDialog
from practice.ui.dates import date_field


@pytest.fixture
def berlin(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TZ", "Europe/Berlin")
    clocks.tzset()
    yield
    monkeypatch.undo()
    clocks.tzset()


def test_a_skipped_time_typed_in_the_dialog_is_refused_in_words(qtbot, db, berlin):
    with db.session() as s:
        client = clients.create(s, ClientInput(first_name="Ines", last_name="Vela")).id
    dialog = AppointmentDialog(db, client)
    qtbot.addWidget(dialog)
    dialog.show()
    # When the therapist types Sun 30 Mar 2025 02:30 (the night the clocks go forward)
    field = dialog.starts_at
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    field.setFocus()
    field.setDate(QDate(2025, 3, 30))  # the day (its calendar pop-up); the time by keys
    for section, keys in (
        (QDateTimeEdit.Section.HourSection, "02"),
        (QDateTimeEdit.Section.MinuteSection, "30"),
    ):
        field.setSelectedSection(section)
        qtbot.keyClicks(field, keys)
    assert field.text().endswith("30 Mar 2025  02:30")  # kept as typed, not shifted
    gone = (
        "02:30 does not exist on Sun 30 Mar 2025: the clocks go forward. "
        "Choose another time or skip that date."
    )
    # Then the dialog says so at once
    assert dialog.message.text() == gone
    for size in ((1366, 768), (1024, 600)):
        dialog.resize(*size)
        dialog.grab().save(f"/work/shots/fixs/dst_{size[0]}.png")
    # And Save books nothing and leaves the dialog open
    buttons = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(
        buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert dialog.isVisible()
    assert dialog.message.text() == gone
    with db.session() as s:
        assert appointments.list_for_client(s, client) == []


def test_date_fields_keep_to_1900_to_2200(qtbot):
    edit = date_field(QDateTimeEdit())
    qtbot.addWidget(edit)
    edit.setDate(QDate(9999, 12, 30))
    assert edit.date() == QDate(2200, 12, 31)
    edit.setDate(QDate(1, 1, 1))
    assert edit.date() == QDate(1900, 1, 1)
    assert date(1900, 1, 1) == appointments.EARLIEST_DAY
