"""The session panel as a therapist uses it: a whole session, drafts, errors, keyboard."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from _homework_data import answer_running, click, last_week_homework
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from sqlalchemy import func, select, text

from practice.db.models import HomeworkAssignment, HomeworkReview, SessionNote
from practice.domain.session_draft import FlowStep
from practice.domain.vocabulary import (
    AppointmentStatus,
    Barrier,
    Language,
    LiteracyLevel,
    NoteFormat,
    ResistanceKind,
    StageOfChange,
    Strategy,
)
from practice.services import appointments, session_flow
from practice.sheets.templates import load_templates

LEFT = Qt.MouseButton.LeftButton


def _open_client_and_start(qtbot, window, client_id: int, appointment_id: int):  # type: ignore[no-untyped-def]
    """Select the client in the list, the appointment in Sessions, click Start session."""
    page = window.clients_page
    window.show_page(page)  # Today is the home page; go to Clients first
    page.refresh()
    table = page.client_list.table
    row = next(
        r
        for r in range(page.client_list.proxy.rowCount())
        if page.client_list.proxy.index(r, 0).data() == "Ficticia, Lucía"
    )
    cell = table.visualRect(page.client_list.proxy.index(row, 0)).center()
    qtbot.mouseClick(table.viewport(), LEFT, pos=cell)
    assert page.workspace.form.heading.text() == "Ficticia, Lucía"
    workspace = page.workspace
    qtbot.mouseClick(
        workspace.tabBar(),
        LEFT,
        pos=workspace.tabBar().tabRect(workspace.indexOf(workspace.sessions)).center(),
    )
    sessions = workspace.sessions
    row = next(
        r for r in range(sessions.model.rowCount()) if sessions.model.row_at(r).id == appointment_id
    )
    qtbot.mouseClick(
        sessions.table.viewport(),
        LEFT,
        pos=sessions.table.visualRect(sessions.model.index(row, 0)).center(),
    )
    assert sessions.selected().id == appointment_id
    qtbot.mouseClick(sessions.start_button, LEFT)
    panel = window.session_panels[appointment_id]
    qtbot.waitExposed(panel)
    return panel


def test_a_whole_session_from_the_client_view(qtbot, main_window, db):
    data = last_week_homework(db)
    panel = _open_client_and_start(qtbot, main_window, data.client_id, data.today)
    assert panel.step_list.currentRow() == 0

    # Given last week's mood log is up for review, with its anchor words visible
    [form] = panel.review_step.forms
    assert form.heading.text() == "Mood log"
    anchors = [form.completion.button(i).text() for i in range(5)]
    assert anchors[0] == "0  not tried" and anchors[4] == "4  all as agreed"
    assert form.strategies[Strategy.ADAPT_MATERIAL].text() == "4. Adapt the material"
    # When the therapist reviews it: not brought, completion 1, two barriers, one strategy
    click(qtbot, form.brought_no)
    click(qtbot, form.completion.button(1))
    click(qtbot, form.barriers[Barrier.FORGOT])
    click(qtbot, form.barriers[Barrier.WRITING_HARD])
    click(qtbot, form.strategies[Strategy.ADAPT_MATERIAL])
    qtbot.mouseClick(panel.next_button, LEFT)

    # And writes a SOAP note (the format comes from last week's note)
    note = panel.note_step
    assert panel.stack.currentWidget() is note
    assert note.current_format is NoteFormat.SOAP
    assert list(note.section_edits) == ["Subjective", "Objective", "Assessment", "Plan"]
    assert all(isinstance(e, QPlainTextEdit) for e in note.section_edits.values())
    qtbot.keyClicks(note.section_edits["Subjective"], "Forgot the log; writing feels hard.")
    qtbot.keyClicks(note.section_edits["Assessment"], "Ambivalent about change.")
    qtbot.keyClicks(note.section_edits["Plan"], "Simpler sheet, in Spanish.")
    qtbot.keyClicks(note.plan, "Ask about her doubts openly.")
    qtbot.keyClicks(note.private_note, "I felt defensive about my age.")
    qtbot.mouseClick(panel.next_button, LEFT)

    # And records stage and resistance, raising last week's flagged item
    res = panel.resistance_step
    res.stage.setCurrentIndex(res.stage.findData(StageOfChange.CONTEMPLATION))
    assert "Tip the balance" in res.stance.text()
    assert "One-word answers" in res.raised[data.flagged].text()
    click(qtbot, res.raised[data.flagged])
    age = res.rows[ResistanceKind.DOUBTS_AGE]
    click(qtbot, age.observed)
    qtbot.keyClicks(age.text, "Asked how old I am")
    click(qtbot, age.raise_next)
    qtbot.mouseClick(panel.next_button, LEFT)

    # And assigns a thought record at level easy, in Spanish
    assign = panel.assign_step
    assert "Monitoring; pros and cons" in assign.stage_hint.text()
    qtbot.mouseClick(assign.add_button, LEFT)
    homework_form = assign.cards[0].form
    homework_form.template.setCurrentIndex(homework_form.template.findData("thought_record"))
    homework_form.level.setCurrentIndex(homework_form.level.findData(LiteracyLevel.EASY))
    homework_form.language.setCurrentIndex(homework_form.language.findData(Language.ES))
    spanish = load_templates().get("thought_record").text(LiteracyLevel.EASY, Language.ES)
    assert homework_form.title.text() == spanish.title
    assert homework_form.instructions.toPlainText() == spanish.instruction_text
    assert homework_form.rationale.toPlainText() == spanish.why_it_helps
    next_week = date.today() + timedelta(days=7)
    assert homework_form.due_date.date().toPython() == next_week
    click(qtbot, homework_form.teach_back)
    qtbot.mouseClick(panel.next_button, LEFT)
    assert panel.stack.currentWidget() is panel.measures_step  # optional: passed by
    qtbot.mouseClick(panel.next_button, LEFT)

    # Then Done summarises it all, and Finish writes it
    summary = panel.done_step.summary.toPlainText()
    assert "Mood log: not brought, completion 1 (started)" in summary
    assert "Forgot, Writing is hard or anxious" in summary
    assert "Doubts therapist's age (attitude): Asked how old I am — raise next session" in summary
    assert spanish.title in summary
    assert not panel.done_step.problems.isVisible()
    assert panel.next_button.text().startswith("Finish session")
    qtbot.mouseClick(panel.next_button, LEFT)
    # (the Done step now hands the new sheet over; Close closes the panel)
    assert panel.handed_over and panel.next_button.text() == "Close"
    qtbot.mouseClick(panel.next_button, LEFT)
    assert data.today not in main_window.session_panels

    # The database holds the session
    with db.session() as s:
        q = lambda sql: s.execute(text(sql)).all()  # noqa: E731
        assert q(f"SELECT status FROM appointments WHERE id = {data.today}") == [("attended",)]
        assert q(
            "SELECT assignment_id, appointment_id, brought, completion FROM homework_reviews"
        ) == [(data.mood_log, data.today, 0, 1)]
        assert sorted(q("SELECT barrier FROM review_barriers")) == [("forgot",), ("writing_hard",)]
        assert q("SELECT strategy FROM review_strategies") == [("adapt_material",)]
        saved = s.scalars(select(SessionNote).where(SessionNote.appointment_id == data.today)).one()
        assert saved.format is NoteFormat.SOAP
        assert saved.sections == {
            "Subjective": "Forgot the log; writing feels hard.",
            "Assessment": "Ambivalent about change.",
            "Plan": "Simpler sheet, in Spanish.",
        }
        assert saved.stage_of_change is StageOfChange.CONTEMPLATION
        assert saved.plan == "Ask about her doubts openly."
        assert saved.signed_at is None
        assert q(
            "SELECT kind, text, raise_next_session FROM resistance_observations "
            f"WHERE note_id = {saved.id}"
        ) == [("doubts_age", "Asked how old I am", 1)]
        assert q(
            f"SELECT raised_at IS NOT NULL FROM resistance_observations WHERE id = {data.flagged}"
        ) == [(1,)]
        assert q(f"SELECT text FROM psychotherapy_notes WHERE appointment_id = {data.today}") == [
            ("I felt defensive about my age.",)
        ]
        new = s.scalars(
            select(HomeworkAssignment).where(HomeworkAssignment.assigned_in_id == data.today)
        ).one()
        assert (new.template_key, new.level, new.language) == (
            "thought_record",
            LiteracyLevel.EASY,
            Language.ES,
        )
        assert new.title == spanish.title and new.due_date == next_week
        assert new.teach_back_done is True
        assert session_flow.load_draft(s, data.today) is None

    # And the client view shows it: the Homework tab and the note in Sessions
    workspace = main_window.clients_page.workspace
    tab = workspace.homework
    workspace.setCurrentWidget(tab)
    assert tab.model.item(0, 0).text() == spanish.title
    mood_row = next(
        r for r in range(tab.model.rowCount()) if tab.model.item(r, 0).text() == "Mood log"
    )
    review_text = tab.model.item(mood_row, 0).child(0, 0).text()
    assert "not brought" in review_text and "completion 1 (started)" in review_text
    assert "Forgot, Writing is hard or anxious" in review_text
    assert "4. Adapt the material" in review_text
    assert not tab.missing_label.isVisibleTo(tab)
    sessions = workspace.sessions
    workspace.setCurrentWidget(sessions)
    assert sessions.selected().id == data.today
    shown = sessions.note_view.toPlainText()
    assert "Forgot the log; writing feels hard." in shown
    assert "Stage of change: Contemplation" in shown
    assert "Doubts therapist's age" in shown and "raise next session" in shown
    assert "I felt defensive" not in shown  # the private note stays private
    assert workspace.form.stage_of_change.currentText() == "Contemplation"


def test_closing_halfway_keeps_the_draft_and_start_resumes_it(qtbot, main_window, db):
    data = last_week_homework(db)
    panel = _open_client_and_start(qtbot, main_window, data.client_id, data.today)
    assert not panel.resumed_label.isVisible()
    form = panel.review_step.forms[0]
    click(qtbot, form.brought_yes)
    click(qtbot, form.completion.button(2))
    click(qtbot, form.barriers[Barrier.NO_TIME])
    qtbot.keyClicks(form.note, "Did three days, then a busy week.")
    qtbot.mouseClick(panel.next_button, LEFT)
    qtbot.keyClicks(panel.note_step.section_edits["Subjective"], "Busy week at work.")
    qtbot.mouseClick(panel.next_button, LEFT)
    click(qtbot, panel.resistance_step.raised[data.flagged])
    # When the window is closed halfway
    panel.close()
    assert data.today not in main_window.session_panels
    # Then the draft is kept and nothing clinical was written
    with db.session() as s:
        draft = session_flow.load_draft(s, data.today)
        assert s.scalar(select(func.count(HomeworkReview.id))) == 0
        assert appointments.get(s, data.today).status is AppointmentStatus.SCHEDULED
    assert draft is not None and draft.step is FlowStep.RESISTANCE
    assert draft.reviews[0].completion == 2
    assert draft.raised_ids == (data.flagged,)
    # And Start session on the same appointment resumes it where it was left
    sessions = main_window.clients_page.workspace.sessions
    qtbot.mouseClick(sessions.start_button, LEFT)
    again = main_window.session_panels[data.today]
    assert again is not panel
    assert again.resumed_label.isVisible()
    assert again.stack.currentWidget() is again.resistance_step
    assert again.note_step.section_edits["Subjective"].toPlainText() == "Busy week at work."
    form = again.review_step.forms[0]
    assert form.completion.checkedId() == 2
    assert form.barriers[Barrier.NO_TIME].isChecked()
    assert form.note.toPlainText() == "Did three days, then a busy week."
    assert again.resistance_step.raised[data.flagged].isChecked()
    again.close()


def test_an_unfinished_review_blocks_finish_and_saves_nothing(qtbot, main_window, db):
    data = last_week_homework(db)
    panel = main_window.open_session(data.today)
    qtbot.waitExposed(panel)
    # Given homework to assign and a note, but the review's completion never chosen
    panel.go_to(1)
    qtbot.keyClicks(panel.note_step.section_edits["Subjective"], "Came on time.")
    panel.go_to(3)
    qtbot.mouseClick(panel.assign_step.add_button, LEFT)
    panel.go_to(5)
    assert "Completion is required" in panel.done_step.problems.text()
    # When Finish is pressed
    qtbot.mouseClick(panel.next_button, LEFT)
    # Then the panel stays open on the review, with the message by the field
    assert panel.isVisible()
    assert panel.stack.currentWidget() is panel.review_step
    message = panel.review_step.forms[0]._errors["completion"]
    assert message.isVisible() and message.text() == "Completion is required (0-4)."
    assert panel.step_list.item(0).text() == "1   Review homework  (2)"  # brought, completion
    assert panel.step_list.item(0).foreground().color().name() == "#b3261e"
    assert "Nothing was saved" in panel.status.text()
    with db.session() as s:
        assert s.scalar(select(func.count(HomeworkReview.id))) == 0
        assert s.scalar(select(func.count(SessionNote.id))) == 1  # only last week's
        assert s.scalar(select(func.count(HomeworkAssignment.id))) == 1  # only the mood log
        assert appointments.get(s, data.today).status is AppointmentStatus.SCHEDULED
    # When the therapist marks it "not reviewed this session", Finish goes through
    click(qtbot, panel.review_step.forms[0].skip)
    panel.go_to(5)
    assert not panel.done_step.problems.isVisible()
    assert panel.step_list.item(0).text() == "1   Review homework"
    seen: list[str] = []
    answer_running(qtbot, "Keep both", seen)  # the new homework is a second mood log
    qtbot.mouseClick(panel.next_button, LEFT)
    assert len(seen) == 1
    qtbot.mouseClick(panel.next_button, LEFT)  # Close, after the handover
    assert data.today not in main_window.session_panels
    with db.session() as s:
        assert s.scalar(select(func.count(HomeworkReview.id))) == 0
        assert s.scalar(select(func.count(HomeworkAssignment.id))) == 2


def test_keyboard_only_navigation(qtbot, main_window, db):
    data = last_week_homework(db)
    panel = main_window.open_session(data.today)
    panel.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    # The review starts on "brought" (not chosen yet); Space, arrows and Tab work it
    form = panel.review_step.forms[0]
    assert QApplication.focusWidget() is form.brought_yes
    assert not form.brought_yes.isChecked() and not form.brought_no.isChecked()
    qtbot.keyClick(form.brought_yes, Qt.Key.Key_Space)
    assert form.brought_yes.isChecked()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.completion.button(0)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert form.completion.checkedId() == 1
    # Alt+N goes on to the note, where typing lands in the first section and Tab moves on
    qtbot.keyClick(panel, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert panel.stack.currentWidget() is panel.note_step
    first, second = list(panel.note_step.section_edits.values())[:2]
    assert QApplication.focusWidget() is first
    qtbot.keyClicks(first, "Came on time.")
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is second
    assert first.toPlainText() == "Came on time."
    # Alt+B back, Ctrl+3 jump, Ctrl+Enter next, Ctrl+S save, Ctrl+6 to Done
    qtbot.keyClick(panel, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert panel.stack.currentWidget() is panel.review_step
    qtbot.keyClick(panel, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert panel.stack.currentWidget() is panel.resistance_step
    assert QApplication.focusWidget() is panel.resistance_step.stage
    qtbot.keyClick(panel, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert panel.stack.currentWidget() is panel.assign_step
    qtbot.keyClick(panel, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert len(panel.assign_step.cards) == 1
    qtbot.keyClick(panel, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "Draft saved" in panel.status.text()
    with db.session() as s:
        saved = session_flow.load_draft(s, data.today)
    assert saved is not None and saved.step is FlowStep.ASSIGN and len(saved.assignments) == 1
    qtbot.keyClick(panel, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert panel.stack.currentWidget() is panel.done_step
    assert panel.next_button.text() == "Finish session  (Ctrl+Enter)"
    # Ctrl+Enter on Done finishes the session (Keep both: the new one is a mood log
    # too), and Ctrl+Enter again closes it after the handover
    seen: list[str] = []
    answer_running(qtbot, "Keep both", seen)
    qtbot.keyClick(panel, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(seen) == 1 and panel.handed_over
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    qtbot.keyClick(panel, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert data.today not in main_window.session_panels
    with db.session() as s:
        review = s.scalars(select(HomeworkReview)).one()
    assert (review.brought, review.completion) == (True, 1)


def test_a_cancelled_appointment_cannot_start_a_session(qtbot, main_window, db, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    data = last_week_homework(db)
    with db.session() as s:
        appointments.mark(s, data.today, AppointmentStatus.CANCELLED_BY_CLIENT)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, message: warnings.append(message))
    assert main_window.open_session(data.today) is None
    assert "cancelled by client" in warnings[0]


def test_closing_the_main_window_keeps_an_open_session_draft(qtbot, main_window, db):
    data = last_week_homework(db)
    panel = main_window.open_session(data.today)
    assert main_window.open_session(data.today) is panel  # one panel per appointment
    click(qtbot, panel.review_step.forms[0].completion.button(3))
    main_window.close()
    with db.session() as s:
        draft = session_flow.load_draft(s, data.today)
    assert draft is not None and draft.reviews[0].completion == 3


def test_a_signed_session_reopens_with_its_review_and_a_locked_note(qtbot, main_window, db):
    data = last_week_homework(db)
    panel = main_window.open_session(data.today)
    click(qtbot, panel.review_step.forms[0].brought_yes)
    click(qtbot, panel.review_step.forms[0].completion.button(4))
    panel.go_to(1)
    qtbot.keyClicks(panel.note_step.section_edits["Subjective"], "Did every day.")
    click(qtbot, panel.note_step.sign)
    panel.go_to(5)
    assert "The note will be signed and locked." in panel.done_step.summary.toPlainText()
    assert panel.finish() is True
    # Reopening the attended session shows what was saved; the signed note is locked
    again = main_window.open_session(data.today)
    assert again.review_step.forms[0].completion.checkedId() == 4
    again.go_to(1)
    subjective = again.note_step.section_edits["Subjective"]
    assert subjective.toPlainText() == "Did every day." and subjective.isReadOnly()
    assert again.note_step.signed_notice.isVisible()
    assert not again.note_step.sign.isVisible()
    assert not again.resistance_step.stage.isEnabled()
    # Changing the review and finishing again updates it (no second review)
    again.go_to(0)
    click(qtbot, again.review_step.forms[0].completion.button(3))
    assert again.finish() is True
    with db.session() as s:
        assert s.execute(text("SELECT completion FROM homework_reviews")).all() == [(3,)]


def test_finishing_a_saved_draft_records_no_discard(qtbot, main_window, db):
    """The draft becomes the session record: the audit trail must not say it was discarded."""
    from practice.db.models import AuditEvent

    data = last_week_homework(db)
    panel = main_window.open_session(data.today)
    qtbot.waitExposed(panel)
    click(qtbot, panel.review_step.forms[0].skip)
    panel.go_to(1)
    qtbot.keyClicks(panel.note_step.section_edits["Subjective"], "Came on time.")
    qtbot.keyClick(panel, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with db.session() as s:
        assert session_flow.load_draft(s, data.today) is not None  # a real draft was kept
    panel.go_to(5)
    qtbot.mouseClick(panel.next_button, LEFT)  # Finish session (no homework: it closes)
    assert data.today not in main_window.session_panels
    with db.session() as s:
        assert session_flow.load_draft(s, data.today) is None
        assert appointments.get(s, data.today).status is AppointmentStatus.ATTENDED
        actions = set(tuple(row) for row in s.execute(select(AuditEvent.entity, AuditEvent.action)))
    assert ("session_draft", "discard") not in actions
    assert ("session_note", "create") in actions


def test_done_names_a_free_text_note_in_words(qtbot, main_window, db):
    data = last_week_homework(db)
    panel = _open_client_and_start(qtbot, main_window, data.client_id, data.today)
    [form] = panel.review_step.forms
    click(qtbot, form.brought_yes)
    click(qtbot, form.completion.button(4))
    qtbot.mouseClick(panel.next_button, LEFT)
    # Given the therapist switches the note to free text (typing its name on the list)
    note = panel.note_step
    note.format.setFocus()
    qtbot.keyClicks(note.format, "Free")
    assert note.current_format is NoteFormat.FREE
    qtbot.keyClicks(note.section_edits["Note"], "Talked about the week.")
    # When she goes on to Done
    for _ in range(4):
        qtbot.mouseClick(panel.next_button, LEFT)
    assert panel.stack.currentWidget() is panel.done_step
    # Then the summary names the note as she knows it, not by an internal code
    summary = panel.done_step.summary.toPlainText()
    assert "Free text note:" in summary and "FREE" not in summary


def test_the_flagged_box_shows_only_when_something_was_flagged(qtbot, main_window, db):
    data = last_week_homework(db)

    def resistance_of(appointment_id: int):  # type: ignore[no-untyped-def]
        panel = main_window.open_session(appointment_id)
        qtbot.waitExposed(panel)
        steps = panel.step_list
        qtbot.mouseClick(steps.viewport(), LEFT, pos=steps.visualItemRect(steps.item(2)).center())
        assert panel.stack.currentWidget() is panel.resistance_step
        return panel.resistance_step

    # Today's session: last week's "one-word answers" is in the yellow box
    today = resistance_of(data.today)
    assert today.raise_box.isVisible() and data.flagged in today.raised
    # A client with nothing flagged last time: there is no box at all
    from practice.services import clients
    from practice.services.clients import ClientInput

    with db.session() as s:
        other = clients.create(s, ClientInput(first_name="Bao", last_name="Lindqvist")).id
        when = datetime.combine(date.today(), time(11)).astimezone()
        other_today = appointments.schedule(s, other, when).appointment.id
    later = resistance_of(other_today)
    assert not later.raised
    assert not later.raise_box.isVisible()
