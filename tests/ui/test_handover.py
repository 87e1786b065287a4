"""Setting homework the client already has running, and handing the new sheet over
at the end of the session (issue 12, points 9 and 10)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from _homework_data import answer_running, click, last_week_homework
from icalendar import Calendar
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from practice.db.models import AuditEvent, HomeworkAssignment
from practice.domain.vocabulary import AssignmentStatus, Language, LiteracyLevel
from practice.sheets.templates import load_templates

LEFT = Qt.MouseButton.LeftButton
SIZES = {"a4": (595, 842), "letter": (612, 792)}


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def assignments(db, client_id: int) -> list[HomeworkAssignment]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        rows = s.scalars(
            select(HomeworkAssignment)
            .where(HomeworkAssignment.client_id == client_id)
            .order_by(HomeworkAssignment.id)
        ).all()
        s.expunge_all()
        return list(rows)


def audit_actions(db, entity_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return list(
            s.scalars(
                select(AuditEvent.action).where(
                    AuditEvent.entity == "homework_assignment", AuditEvent.entity_id == entity_id
                )
            )
        )


# ---- point 9: the Homework tab ------------------------------------------------------------


@pytest.fixture
def tab(qtbot, db, templates):  # type: ignore[no-untyped-def]
    from practice.ui.homework_tab import HomeworkTab

    data = last_week_homework(db)  # Lucía: a mood log running since last week
    widget = HomeworkTab(db, templates)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    widget.show_client(data.client_id)
    return widget, data


def assign_mood_log_from_tab(qtbot, tab, monkeypatch, button: str) -> tuple[list[str], list]:  # type: ignore[no-untyped-def]
    """Click Assign…, choose the mood log, click Assign, answer ``button``."""
    from practice.ui.assignment_dialog import AssignmentDialog

    seen: list[str] = []
    dialogs: list[AssignmentDialog] = []

    def run(dialog: AssignmentDialog) -> int:
        dialog.show()
        dialogs.append(dialog)
        form = dialog.form
        form.template.setFocus()
        form.template.setCurrentIndex(form.template.findData("mood_log"))
        answer_running(qtbot, button, seen)
        qtbot.mouseClick(dialog.save_button, LEFT)
        return int(dialog.result() == dialog.DialogCode.Accepted)

    monkeypatch.setattr(AssignmentDialog, "exec", run)
    qtbot.mouseClick(tab.assign_button, LEFT)
    return seen, dialogs


def test_assigning_a_running_template_from_the_tab_can_replace_it(qtbot, db, tab, monkeypatch):
    widget, data = tab
    seen, _ = assign_mood_log_from_tab(qtbot, widget, monkeypatch, "Replace")
    # The therapist was asked about the running mood log, with the day it started
    assert len(seen) == 1 and seen[0].startswith("Replace the running Mood log (since ")
    old, new = assignments(db, data.client_id)
    assert old.id == data.mood_log and old.status is AssignmentStatus.REPLACED
    assert new.status is AssignmentStatus.ACTIVE and new.replaces_id == old.id
    assert "replace" in audit_actions(db, old.id)
    # one mood log is active, so one reminder a day
    assert [a.status for a in assignments(db, data.client_id)].count(AssignmentStatus.ACTIVE) == 1


def test_keep_both_is_a_knowing_choice_in_the_audit_trail(qtbot, db, tab, monkeypatch):
    widget, data = tab
    assign_mood_log_from_tab(qtbot, widget, monkeypatch, "Keep both")
    old, new = assignments(db, data.client_id)
    assert old.status is new.status is AssignmentStatus.ACTIVE
    assert audit_actions(db, new.id) == ["assign", "keep_both"]


def test_cancel_saves_nothing_and_keeps_the_form(qtbot, db, tab, monkeypatch):
    widget, data = tab
    seen, dialogs = assign_mood_log_from_tab(qtbot, widget, monkeypatch, "Cancel")
    assert len(seen) == 1
    assert [a.id for a in assignments(db, data.client_id)] == [data.mood_log]
    assert dialogs[0].isVisible() and dialogs[0].form.template.currentData() == "mood_log"


# ---- points 9 and 10: the session panel ----------------------------------------------------


def test_a_session_replaces_the_running_log_and_hands_over_sheet_card_and_alarm(
    qtbot, main_window, db, tmp_path, monkeypatch
):
    from test_session_workflow import _open_client_and_start

    data = last_week_homework(db)
    panel = _open_client_and_start(qtbot, main_window, data.client_id, data.today)
    # Review skipped, a short note, then: the mood log again, at the easy level
    [form] = panel.review_step.forms
    click(qtbot, form.skip)
    qtbot.mouseClick(panel.next_button, LEFT)
    qtbot.keyClicks(panel.note_step.section_edits["Subjective"], "Better week.")
    qtbot.mouseClick(panel.next_button, LEFT)
    qtbot.mouseClick(panel.next_button, LEFT)
    assign = panel.assign_step
    qtbot.mouseClick(assign.add_button, LEFT)
    homework_form = assign.cards[0].form
    assert homework_form.template.currentData() == "mood_log"  # the running one's template
    homework_form.level.setCurrentIndex(homework_form.level.findData(LiteracyLevel.EASY))
    qtbot.mouseClick(panel.next_button, LEFT)
    qtbot.mouseClick(panel.next_button, LEFT)  # past the optional Measures

    # When Finish is clicked, the therapist is asked and chooses Replace
    seen: list[str] = []
    answer_running(qtbot, "Replace", seen)
    qtbot.mouseClick(panel.next_button, LEFT)
    assert len(seen) == 1 and "Replace the running Mood log" in seen[0]
    old, new = assignments(db, data.client_id)
    assert old.status is AssignmentStatus.REPLACED and new.replaces_id == old.id
    assert new.assigned_in_id == data.today and new.level is LiteracyLevel.EASY

    # Then the panel stays on Done, offering the new sheet, its card and its alarm
    done = panel.done_step
    assert panel.stack.currentWidget() is done and panel.handed_over
    assert done.handover.isVisible()
    [row] = done.rows
    assert row.assignment.id == new.id
    assert panel.next_button.text() == "Close" and not panel.back_button.isEnabled()
    # on the paper the therapist picks (the other size than the default)
    other = "letter" if done.paper_box.currentData() == "a4" else "a4"
    done.paper_box.setFocus()
    qtbot.keyClick(done.paper_box, Qt.Key.Key_Down if other == "letter" else Qt.Key.Key_Up)
    assert done.paper_box.currentData() == other

    sheet = tmp_path / "sheet.pdf"
    save_to(monkeypatch, sheet)
    qtbot.mouseClick(row.save_button, LEFT)
    reader = PdfReader(io.BytesIO(sheet.read_bytes()))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == SIZES[other]
    words = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    easy = load_templates().get("mood_log").text(LiteracyLevel.EASY, Language.ES)
    assert "Lucía" in words and new.code in words.replace(" ", "")
    assert easy.title in words and "Saved" in done.handover_message.text()

    card = tmp_path / "card.pdf"
    save_to(monkeypatch, card)
    qtbot.mouseClick(row.card_button, LEFT)
    card_text = " ".join(p.extract_text() or "" for p in PdfReader(card).pages)
    assert easy.title.split()[-1] in card_text
    with db.session() as s:
        assert s.get(HomeworkAssignment, new.id).reminder_card_printed is True

    alarm = tmp_path / "alarm.ics"
    save_to(monkeypatch, alarm)
    qtbot.mouseClick(row.alarm_button, LEFT)
    events = list(Calendar.from_ical(alarm.read_bytes()).walk("VEVENT"))
    assert events and all(e.get("SUMMARY") for e in events)

    # And Close closes the panel (the session is saved; no draft is left)
    qtbot.mouseClick(panel.next_button, LEFT)
    assert data.today not in main_window.session_panels


def test_cancel_on_finish_saves_nothing_and_shows_the_assign_step(qtbot, main_window, db):
    from test_session_workflow import _open_client_and_start

    data = last_week_homework(db)
    panel = _open_client_and_start(qtbot, main_window, data.client_id, data.today)
    click(qtbot, panel.review_step.forms[0].skip)
    qtbot.mouseClick(panel.next_button, LEFT)
    qtbot.keyClicks(panel.note_step.section_edits["Subjective"], "Quiet week.")
    panel.go_to(3)
    qtbot.mouseClick(panel.assign_step.add_button, LEFT)
    panel.go_to(5)
    seen: list[str] = []
    answer_running(qtbot, "Cancel", seen)
    qtbot.mouseClick(panel.next_button, LEFT)
    assert len(seen) == 1
    assert panel.stack.currentWidget() is panel.assign_step and not panel.handed_over
    assert [a.id for a in assignments(db, data.client_id)] == [data.mood_log]
    assert "Nothing was saved" in panel.status.text()
