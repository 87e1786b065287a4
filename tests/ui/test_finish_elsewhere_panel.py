"""The session panel when something it would save changed meanwhile on another
computer (issue 17, point 3), through real clicks: finishing over a note the laptop
wrote and signed, over an observation it edited, discarding a draft it took over,
updating a PHQ-9 it changed. Each is refused in the conflict box naming the laptop;
nothing typed here is lost (the draft is still saved), nothing there is overwritten.
The computer's name is set with ``PRACTICE_COMPUTER_NAME`` (``practice.db.computer``).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from _boxes import Answer
from _homework_data import click, last_week_homework
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import func, select

from practice.db.computer import NAME_VARIABLE
from practice.db.models import HomeworkReview, ResistanceObservation
from practice.domain.inputs import NoteInput, ObservationInput
from practice.domain.vocabulary import AppointmentStatus, NoteFormat, ResistanceKind
from practice.services import appointments, measures, notes, observations, session_flow
from practice.ui.risk_alert_dialog import RiskAlertDialog

LEFT = Qt.MouseButton.LeftButton
SHOTS = Path("/work/shots/finish17")


def _as(monkeypatch: pytest.MonkeyPatch, computer: str) -> None:
    monkeypatch.setenv(NAME_VARIABLE, computer)


def _finish(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    panel.go_to(5)
    qtbot.mouseClick(panel.next_button, LEFT)  # Finish session


def test_finishing_over_a_note_signed_meanwhile_elsewhere_is_refused_and_loses_nothing(
    qtbot, main_window, db, monkeypatch
):  # type: ignore[no-untyped-def]
    data = last_week_homework(db)
    _as(monkeypatch, "office-pc")
    panel = main_window.open_session(data.today)
    qtbot.waitExposed(panel)
    form = panel.review_step.forms[0]
    click(qtbot, form.brought_yes)
    click(qtbot, form.completion.button(4))
    qtbot.mouseClick(panel.next_button, LEFT)
    qtbot.keyClicks(panel.note_step.section_edits["Subjective"], "Office words.")
    # Meanwhile the laptop writes this session's note and signs it
    _as(monkeypatch, "laptop")
    with db.session() as s:
        appointments.mark(s, data.today, AppointmentStatus.ATTENDED)
        note = notes.save_note(
            s, data.today, NoteInput(NoteFormat.SOAP, {"Subjective": "Laptop words."})
        )
        notes.sign(s, note.id)
    _as(monkeypatch, "office-pc")

    # Finish here: refused, naming the laptop; Cancel keeps the panel as it is
    answer = Answer(qtbot, "changedElsewhere", "Cancel", shot=SHOTS / "finish_refused.png")
    _finish(qtbot, panel)
    assert "changed on laptop" in answer.text
    assert {"Cancel", "Reload"} <= set(answer.buttons)
    assert data.today in main_window.session_panels  # not closed
    panel.go_to(1, save=False)
    assert panel.note_step.section_edits["Subjective"].toPlainText() == "Office words."
    assert "laptop" in panel.status.text()
    with db.session() as s:
        saved = session_flow.load_draft(s, data.today)  # what was typed is kept, saved
        assert saved is not None and saved.note.sections["Subjective"] == "Office words."
        assert saved.reviews[0].completion == 4
        assert s.scalar(select(func.count()).select_from(HomeworkReview)) == 0  # nothing
        kept = notes.note_for_appointment(s, data.today)
        assert kept is not None and kept.signed
        assert kept.current_sections["Subjective"] == "Laptop words."

    # Finish again and Reload: the laptop's signed note shows; the words typed here are
    # on the clipboard; the review entered here stays
    answer = Answer(qtbot, "changedElsewhere", "Reload")
    _finish(qtbot, panel)
    qtbot.waitUntil(lambda: bool(answer.text))
    assert "Office words." in QApplication.clipboard().text()
    assert panel.status.text() == "Reloaded what changed on laptop. Check it, then finish again."
    panel.go_to(1, save=False)
    subjective = panel.note_step.section_edits["Subjective"]
    assert subjective.toPlainText() == "Laptop words." and subjective.isReadOnly()
    assert panel.review_step.forms[0].completion.checkedId() == 4
    if SHOTS.is_dir():
        for size in ((1366, 768), (1024, 600)):
            panel.resize(*size)
            panel.grab().save(str(SHOTS / f"reloaded_{size[0]}.png"))

    # Now it finishes: the review is written, the signed note is left as the laptop signed it
    _finish(qtbot, panel)
    qtbot.waitUntil(lambda: data.today not in main_window.session_panels or panel.handed_over)
    with db.session() as s:
        assert s.scalars(select(HomeworkReview.completion)).all() == [4]
        kept = notes.note_for_appointment(s, data.today)
        assert kept is not None and kept.current_sections["Subjective"] == "Laptop words."


def test_raising_an_item_edited_meanwhile_elsewhere_is_refused(qtbot, main_window, db, monkeypatch):  # type: ignore[no-untyped-def]
    data = last_week_homework(db)
    _as(monkeypatch, "office-pc")
    panel = main_window.open_session(data.today)
    qtbot.waitExposed(panel)
    click(qtbot, panel.review_step.forms[0].skip)
    panel.go_to(2)
    click(qtbot, panel.resistance_step.raised[data.flagged])
    panel.go_to(1)
    qtbot.keyClicks(panel.note_step.section_edits["Subjective"], "Talked about it.")
    _as(monkeypatch, "laptop")  # the laptop unflags it meanwhile
    with db.session() as s:
        data_in = ObservationInput(ResistanceKind.MINIMAL_DISCLOSURE, "Not an issue", False)
        observations.update_observation(s, data.flagged, data_in)
    _as(monkeypatch, "office-pc")

    answer = Answer(qtbot, "changedElsewhere", "Cancel")
    _finish(qtbot, panel)
    assert "changed on laptop" in answer.text
    with db.session() as s:
        row = s.get(ResistanceObservation, data.flagged)
        assert row is not None and row.raised_at is None and row.text == "Not an issue"
        assert appointments.get(s, data.today).status is AppointmentStatus.SCHEDULED
        assert notes.note_for_appointment(s, data.today) is None  # nothing written


def test_discarding_a_draft_taken_over_meanwhile_elsewhere_is_refused(
    qtbot, main_window, db, monkeypatch
):  # type: ignore[no-untyped-def]
    data = last_week_homework(db)
    _as(monkeypatch, "office-pc")
    panel = main_window.open_session(data.today)
    qtbot.waitExposed(panel)
    panel.go_to(1)
    qtbot.keyClicks(panel.note_step.section_edits["Subjective"], "Office words.")
    qtbot.keyClick(panel, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # saved here
    _as(monkeypatch, "laptop")  # the laptop takes the draft over and writes in it
    with db.session() as s:
        draft = session_flow.load_draft(s, data.today)
        assert draft is not None
        note = replace(draft.note, plan="The laptop's plan.")
        session_flow.save_draft(s, replace(draft, note=note), take_over=True)
    _as(monkeypatch, "office-pc")

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    answer = Answer(qtbot, "changedElsewhere", "Close")
    qtbot.mouseClick(panel.discard_button, LEFT)
    assert "changed on laptop" in answer.text
    assert data.today in main_window.session_panels  # not closed
    with db.session() as s:
        kept = session_flow.load_draft(s, data.today)
        assert kept is not None and kept.note.plan == "The laptop's plan."
    # Closing: the draft is the laptop's now, so closing asks, and leaves it as it is
    looked = Answer(qtbot, "draftElsewhere", "Open read-only")
    Answer(qtbot, "draftNotSaved", "Close")  # "close anyway?"
    panel.close()
    assert "being written on laptop" in looked.text
    with db.session() as s:
        kept = session_flow.load_draft(s, data.today)
        assert kept is not None and kept.note.plan == "The laptop's plan."


def test_a_phq9_changed_meanwhile_elsewhere_is_not_overwritten(qtbot, main_window, db, monkeypatch):  # type: ignore[no-untyped-def]
    data = last_week_homework(db)
    _as(monkeypatch, "office-pc")
    panel = main_window.open_session(data.today)
    qtbot.waitExposed(panel)
    click(qtbot, panel.review_step.forms[0].skip)
    panel.go_to(1)
    qtbot.keyClicks(panel.note_step.section_edits["Subjective"], "Office words.")
    panel.go_to(4)
    step = panel.measures_step
    # Question 9 answered "Several days": the PHQ-9 is recorded at once, the alert left
    left: list[str] = []
    when_alert_shows(lambda d: qtbot.mouseClick(d.later_button, LEFT), left)
    click(qtbot, step.phq9.rows[8].buttons[1])
    assert left == ["shown"]
    with db.session() as s:
        [measure] = measures.measures_for(s, data.client_id)
    _as(monkeypatch, "laptop")  # the laptop corrects that PHQ-9 meanwhile
    with db.session() as s:
        measures.update_measure(s, measure.id, [1, 1, 1, 1, 1, 1, 1, 1, 1])
    _as(monkeypatch, "office-pc")

    # A correction of question 9 here is refused: the laptop's answers stay
    answer = Answer(qtbot, "changedElsewhere", "Cancel")
    click(qtbot, step.phq9.rows[8].buttons[2])
    qtbot.waitUntil(lambda: bool(answer.text))
    assert "changed on laptop" in answer.text
    # and so is Finish (it would update the same PHQ-9): nothing is written
    answer = Answer(qtbot, "changedElsewhere", "Cancel")
    _finish(qtbot, panel)
    assert "changed on laptop" in answer.text
    with db.session() as s:
        [kept] = measures.measures_for(s, data.client_id)
        assert kept.answers == (1, 1, 1, 1, 1, 1, 1, 1, 1)  # not overwritten
        assert notes.note_for_appointment(s, data.today) is None


def when_alert_shows(act, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    """When the risk alert dialog is the active modal window, run ``act`` on it."""
    tries = [0]

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RiskAlertDialog):
            tries[0] += 1
            if tries[0] < 250:
                QTimer.singleShot(20, check)
            return
        seen.append("shown")
        act(dialog)

    QTimer.singleShot(0, check)


def test_finishing_refused_then_reloaded_in_spanish(qtbot, spanish, main_window, db, monkeypatch):  # type: ignore[no-untyped-def]
    data = last_week_homework(db)
    _as(monkeypatch, "office-pc")
    panel = main_window.open_session(data.today)
    qtbot.waitExposed(panel)
    click(qtbot, panel.review_step.forms[0].skip)
    qtbot.mouseClick(panel.next_button, LEFT)
    qtbot.keyClicks(panel.note_step.section_edits["Subjective"], "Hablamos de su semana.")
    _as(monkeypatch, "laptop")
    with db.session() as s:
        appointments.mark(s, data.today, AppointmentStatus.ATTENDED)
        notes.save_note(s, data.today, NoteInput(NoteFormat.SOAP, {"Subjective": "Del portátil."}))
    _as(monkeypatch, "office-pc")

    answer = Answer(qtbot, "changedElsewhere", "Cancelar", shot=SHOTS / "finish_refused_es.png")
    _finish(qtbot, panel)
    assert "No se guardó tu cambio" in answer.text and "laptop" in answer.text
    assert panel.status.text() == "Sin terminar: algo de esta sesión cambió en laptop."
    answer = Answer(qtbot, "changedElsewhere", "Recargar")
    _finish(qtbot, panel)
    assert panel.status.text() == (
        "Se volvió a cargar lo que cambió en laptop. Revísalo y vuelve a terminar."
    )
    panel.go_to(1, save=False)
    assert panel.note_step.section_edits["Subjective"].toPlainText() == "Del portátil."
    assert QApplication.clipboard().text() == "Hablamos de su semana."
    if SHOTS.is_dir():
        for size in ((1366, 768), (1024, 600)):
            panel.resize(*size)
            panel.grab().save(str(SHOTS / f"reloaded_es_{size[0]}.png"))


def test_finishing_a_session_taken_over_meanwhile_elsewhere_asks_and_writes_nothing(
    qtbot, main_window, db, monkeypatch
):  # type: ignore[no-untyped-def]
    # Given the office's panel on today's session, its draft saved there
    data = last_week_homework(db)
    _as(monkeypatch, "office-pc")
    panel = main_window.open_session(data.today)
    qtbot.waitExposed(panel)
    form = panel.review_step.forms[0]
    click(qtbot, form.brought_yes)
    click(qtbot, form.completion.button(4))
    qtbot.mouseClick(panel.next_button, LEFT)
    qtbot.keyClicks(panel.note_step.section_edits["Subjective"], "Office words.")
    panel.go_to(5)  # the last step (the draft is saved here, the office's)
    # and the laptop takes the draft over meanwhile
    _as(monkeypatch, "laptop")
    with db.session() as s:
        session_flow.save_draft(s, session_flow.start(s, data.today), take_over=True)
    _as(monkeypatch, "office-pc")
    try:
        # When the office finishes the session: the draft's owner is asked about; Cancel
        asked = Answer(qtbot, "draftElsewhere", "Cancel")
        qtbot.mouseClick(panel.next_button, LEFT)  # Finish session
        qtbot.waitUntil(lambda: bool(asked.text))
        # Then it says where the draft is written, nothing was finished, and what the
        # office typed is still in its panel
        assert "being written on laptop" in asked.text
        with db.session() as s:
            assert appointments.get(s, data.today).status == AppointmentStatus.SCHEDULED
            assert notes.note_for_appointment(s, data.today) is None
            assert session_flow.draft_elsewhere(s, data.today) is not None
        assert panel.isVisible()
        assert panel.note_step.section_edits["Subjective"].toPlainText() == "Office words."
    finally:
        panel._closing_without_save = True
