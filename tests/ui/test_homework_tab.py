"""The client's Homework tab and the assignment form, used as a therapist would."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from _boxes import Answer
from _homework_data import attended, click, local, mood_log
from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtWidgets import QInputDialog, QMessageBox

from practice.db.computer import computer_name
from practice.domain.inputs import ReviewInput
from practice.domain.vocabulary import (
    AssignmentStatus,
    Frequency,
    Language,
    LiteracyLevel,
    Modality,
)
from practice.services import clients, homework, reviews
from practice.services.clients import ClientInput
from practice.sheets.templates import load_templates

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def history(db):  # type: ignore[no-untyped-def]
    """Dale: a mood log set three weeks ago, reviewed two weeks ago, not in last week's
    session; a sleep diary set outside a session since."""
    today = date.today()
    with db.session() as s:
        client_id = clients.create(
            s,
            ClientInput(
                first_name="Dale",
                last_name="Whitcombe",
                literacy_level=LiteracyLevel.EASY,
                preferred_modality=Modality.PHONE_NOTES,
            ),
        ).id
        first = attended(s, client_id, local(today - timedelta(days=21), 10))
        second = attended(s, client_id, local(today - timedelta(days=14), 10))
        third = attended(s, client_id, local(today - timedelta(days=7), 10))
        log = homework.assign(
            s, client_id, mood_log(today - timedelta(days=21)), appointment_id=first
        )
        reviews.review(s, log.id, second, ReviewInput(brought=True, completion=3, quality=2))
        sleep = homework.assign(
            s,
            client_id,
            mood_log(
                today - timedelta(days=2),
                template_key="sleep_diary",
                title="Sleep diary",
                due_date=today + timedelta(days=5),
            ),
        )
    return {"client": client_id, "log": log.id, "sleep": sleep.id, "third": third}


@pytest.fixture
def tab(qtbot, db, history, templates):  # type: ignore[no-untyped-def]
    from practice.ui.homework_tab import HomeworkTab

    widget = HomeworkTab(db, templates)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    widget.show_client(history["client"])
    return widget


def _titles(tab) -> list[str]:  # type: ignore[no-untyped-def]
    return [tab.model.item(r, 0).text() for r in range(tab.model.rowCount())]


def test_assignments_newest_first_with_reviews_and_missing_ones_on_top(tab, history):
    assert _titles(tab) == ["Sleep diary", "Mood log"]
    mood = tab.model.item(1, 0)
    assert mood.rowCount() == 1
    assert "brought" in mood.child(0, 0).text() and "completion 3 (most)" in mood.child(0, 0).text()
    assert tab.model.item(1, 6).text().startswith("3 most")
    assert tab.model.item(0, 6).text() == "none yet"
    # Last week's session did not review the mood log: it says so at the top
    assert tab.missing_label.isVisible()
    assert "Not yet reviewed:" in tab.missing_label.text()
    assert "Mood log" in tab.missing_label.text()
    # Choosing a review shows it in full
    tab.tree.setCurrentIndex(tab.model.indexFromItem(mood.child(0, 0)))
    assert "Quality" in tab.details.toPlainText() and "3 — most" in tab.details.toPlainText()
    # Only active homework can be changed
    assert tab.replace_button.isEnabled()


def test_the_missing_review_link_starts_that_session(qtbot, tab, history):
    with qtbot.waitSignal(tab.start_session) as started:
        tab.missing_label.linkActivated.emit(f"session:{history['third']}")
    assert started.args == [history["third"]]


def test_change_into_another_task_links_the_new_to_the_old(qtbot, tab, db, history, monkeypatch):
    from practice.ui.assignment_dialog import AssignmentDialog

    tab.select_assignment(history["log"])
    seen: dict[str, object] = {}

    def fill_and_save(dialog: AssignmentDialog) -> int:
        dialog.show()
        form = dialog.form
        seen["level"] = form.level.currentData()
        seen["modality"] = form.modality.currentData()
        # Saving without a reason is refused, with the message by the field
        form.template.setCurrentIndex(form.template.findData("activity_schedule"))
        assert dialog.save() is False
        seen["reason_message"] = dialog.reason_error.text()
        qtbot.keyClicks(dialog.reason, "Too much writing; try the activity schedule.")
        assert dialog.save() is True
        return 1

    monkeypatch.setattr(AssignmentDialog, "exec", fill_and_save)
    qtbot.mouseClick(tab.replace_button, LEFT)
    # The old one's adaptations were kept (plain, paper), not reset to the profile
    assert (seen["level"], seen["modality"]) == ("plain", "paper")
    assert seen["reason_message"] == "Please give a reason for the change."
    with db.session() as s:
        old = homework.get(s, history["log"])
        new = homework.get(s, old.replaced_by_id or 0)
    assert old.status is AssignmentStatus.REPLACED
    assert old.status_reason == "Too much writing; try the activity schedule."
    assert new.replaces_id == old.id and new.template_key == "activity_schedule"
    english_plain = load_templates().get("activity_schedule").text(LiteracyLevel.PLAIN, Language.EN)
    assert new.title == english_plain.title
    # The tab shows the link both ways, and the new one is selected
    assert tab.selected_assignment().id == new.id
    details = tab.details.toPlainText()
    assert "Replaces" in details and f"{old.title} ({old.code})" in details
    old_row = _titles(tab).index("Mood log")
    assert tab.model.item(old_row, 1).text() == f"Replaced by {new.code}"
    tab.select_assignment(old.id)
    assert not tab.replace_button.isEnabled() and not tab.drop_button.isEnabled()
    tab.details.anchorClicked.emit(QUrl(f"assignment:{new.id}"))
    assert tab.selected_assignment().id == new.id


def test_drop_needs_a_reason(qtbot, tab, db, history, monkeypatch):
    tab.select_assignment(history["sleep"])
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("  ", True))
    qtbot.mouseClick(tab.drop_button, LEFT)
    assert warnings == ["Please give a reason for dropping it."]
    with db.session() as s:
        assert homework.get(s, history["sleep"]).status is AssignmentStatus.ACTIVE
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", lambda *a, **k: ("Sleep is fine now.", True)
    )
    qtbot.mouseClick(tab.drop_button, LEFT)
    with db.session() as s:
        dropped = homework.get(s, history["sleep"])
    assert (dropped.status, dropped.status_reason) == (
        AssignmentStatus.DROPPED,
        "Sleep is fine now.",
    )
    assert tab.model.item(0, 1).text() == "Dropped"
    assert "Sleep is fine now." in tab.details.toPlainText()


def test_mark_completed_asks_first(qtbot, tab, db, history, monkeypatch):
    tab.select_assignment(history["sleep"])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    qtbot.mouseClick(tab.complete_button, LEFT)
    with db.session() as s:
        assert homework.get(s, history["sleep"]).status is AssignmentStatus.ACTIVE
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(tab.changed):
        qtbot.mouseClick(tab.complete_button, LEFT)
    with db.session() as s:
        assert homework.get(s, history["sleep"]).status is AssignmentStatus.COMPLETED
    assert tab.model.item(0, 1).text() == "Completed"


def test_assign_from_the_tab_prefills_from_the_client(qtbot, tab, db, history, monkeypatch):
    from practice.ui.assignment_dialog import AssignmentDialog

    def fill_and_save(dialog: AssignmentDialog) -> int:
        dialog.show()
        form = dialog.form
        # Prefilled from Dale's profile: easy level, phone notes
        assert form.level.currentData() == "easy"
        assert form.modality.currentData() == "phone_notes"
        form.frequency.setCurrentIndex(form.frequency.findData(Frequency.PER_WEEK))
        form.times_per_week.setValue(3)
        form.due_date.setDate(QDate(date.today() - timedelta(days=3)))
        assert dialog.save() is False
        assert "before the start" in form._errors["due_date"].text()
        assert "nothing was saved" in dialog.message.text()
        form.due_date.setDate(QDate(date.today() + timedelta(days=7)))
        form.reminder_time.setText("half past eight")
        assert dialog.save() is False
        assert form._errors["reminder_time"].text() == "Write the reminder time as HH:MM (24-hour)."
        form.reminder_time.setText("20:30")
        click(qtbot, form.value_discussed)
        assert dialog.save() is True
        return 1

    monkeypatch.setattr(AssignmentDialog, "exec", fill_and_save)
    qtbot.mouseClick(tab.assign_button, LEFT)
    new = tab.selected_assignment()
    assert new is not None and new.id not in (history["log"], history["sleep"])
    assert new.assigned_in_id is None
    assert (new.frequency, new.times_per_week) == (Frequency.PER_WEEK, 3)
    assert new.reminder_time is not None and new.reminder_time.strftime("%H:%M") == "20:30"
    assert new.value_discussed is True and new.level is LiteracyLevel.EASY


def test_level_and_language_refresh_texts_unless_edited(qtbot, db, history, templates):
    from practice.ui.assignment_form import AssignmentForm

    form = AssignmentForm(templates)
    qtbot.addWidget(form)
    with db.session() as s:
        form.load(homework.defaults_for(s, history["client"], "mood_log", templates=templates))
    mood = templates.get("mood_log")
    assert (
        form.instructions.toPlainText()
        == mood.text(LiteracyLevel.EASY, Language.EN).instruction_text
    )
    # Changing the level takes the template's text at that level
    form.level.setCurrentIndex(form.level.findData(LiteracyLevel.STANDARD))
    standard = mood.text(LiteracyLevel.STANDARD, Language.EN)
    assert form.instructions.toPlainText() == standard.instruction_text
    assert form.title.text() == standard.title
    # An edited text is kept when the language changes; the others follow
    form.rationale.setPlainText("Because you said evenings are hardest.")
    form.language.setCurrentIndex(form.language.findData(Language.ES))
    spanish = mood.text(LiteracyLevel.STANDARD, Language.ES)
    assert form.instructions.toPlainText() == spanish.instruction_text
    assert form.rationale.toPlainText() == "Because you said evenings are hardest."
    assert "kept" in form.texts_hint.text()
    # "Use the template's text" takes it back
    qtbot.mouseClick(form.use_template_text, LEFT)
    assert form.rationale.toPlainText() == spanish.why_it_helps
    assert not form.use_template_text.isEnabled()
    data, errors = form.read()
    assert errors == {} and data.language is Language.ES and data.level is LiteracyLevel.STANDARD


def test_completing_homework_already_completed_elsewhere_says_why(
    qtbot, tab, db, history, monkeypatch
):
    # Given the tab shows the sleep diary active, but it was completed meanwhile elsewhere
    tab.select_assignment(history["sleep"])
    with db.session() as s:
        homework.complete(s, history["sleep"])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)

    # When the therapist clicks "Mark completed" on the stale row
    refused = Answer(qtbot, "changedElsewhere", "Close")
    qtbot.mouseClick(tab.complete_button, LEFT)

    # Then the conflict box says where and when, and nothing changed: the row changed
    # since the tab loaded it (issue 17: the tab passes its version)
    qtbot.waitUntil(lambda: bool(refused.text))
    assert "Your change was not saved." in refused.text
    assert f"This was changed on {computer_name()} at " in refused.text
    with db.session() as s:
        assert homework.get(s, history["sleep"]).status is AssignmentStatus.COMPLETED


def test_a_review_line_says_what_its_ratings_mean(qtbot, tab):
    # When the therapist clicks the mood log's review in the list
    mood = tab.model.item(1, 0)
    index = tab.model.indexFromItem(mood.child(0, 0))
    tab.tree.expand(index.parent())
    rect = tab.tree.visualRect(index)
    qtbot.mouseClick(tab.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    # Then the line and the details say whose rating each number is, and out of what
    line = mood.child(0, 0).text()
    assert "you rated its quality 2 of 4" in line
    details = tab.details.toPlainText()
    assert "Quality (your rating)" in details and "2 of 4" in details
    assert "Client's own rating" in details and "not asked" in details
