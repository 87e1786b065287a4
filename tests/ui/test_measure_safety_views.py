"""Issue 16 recheck, in the windows: question 9 left unanswered is said before a paper
form is saved and wherever the measure shows afterwards; an alert whose measure was
corrected says the answer it was raised with and the answer now; two goals with the
same text are refused with what was typed kept."""

from __future__ import annotations

import html
from datetime import date, timedelta
from pathlib import Path

from _homework_data import last_week_homework
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QWidget
from test_measure_alerts_goals import _click_tab, _open_client
from test_measure_entry_dialog import find, printed
from test_measures_panel import when_alert_shows

from practice.domain.measures import MeasureKind, MeasureSource
from practice.services import measures
from practice.services.measures import MeasureInput
from practice.ui.dates import day_text
from practice.ui.measure_entry_dialog import MeasureEntryDialog
from practice.ui.risk_alert_dialog import RiskAlertDialog

LEFT = Qt.MouseButton.LeftButton
SHOTS = Path("/work/shots/safety16")
TODAY = date.today()
CHANGED = "question 9 was Several days (1) when the alert was raised; now Not at all (0)"


def shoot(widget: QWidget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for w, h in ((1366, 768), (1024, 600)):
        widget.resize(w, h)
        QApplication.processEvents()  # the layout settles (wrapped rows) before the grab
        widget.grab().save(str(SHOTS / f"{name}-{w}x{h}.png"))


def _record(db, client_id: int, days_ago: int, answers: list[int | None]) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        view, _ = measures.record_measure(
            s,
            MeasureInput(
                client_id,
                MeasureKind.PHQ9,
                TODAY - timedelta(days=days_ago),
                MeasureSource.PAPER,
                answers=answers,
            ),  # fmt: skip
        )
    return view.id


def test_the_entry_dialog_says_question_9_is_not_answered_before_saving(qtbot, db):
    client, code = printed(db, MeasureKind.PHQ9)
    dialog = MeasureEntryDialog(db, None, client_id=client)
    qtbot.addWidget(dialog)
    dialog.show()
    find(qtbot, dialog, code)
    for row in dialog.answer_rows[:8]:
        qtbot.mouseClick(row.button(1), LEFT)
    assert dialog.risk_label.isVisible()
    assert "Question 9 is not answered: ask the client about it." in dialog.risk_label.text()
    dialog.resize(760, 700)
    SHOTS.mkdir(parents=True, exist_ok=True)
    for w, h in ((1366, 768), (1024, 600)):
        dialog.resize(min(w - 40, 760), h - 60)
        dialog.grab().save(str(SHOTS / f"entry-q9-blank-{w}x{h}.png"))
    # answered after asking: the warning goes, the alert one comes
    qtbot.mouseClick(dialog.answer_rows[8].button(0), LEFT)
    assert not dialog.risk_label.isVisible()


def test_the_measures_tab_and_the_prep_view_say_question_9_was_not_answered(qtbot, main_window, db):
    client_id = last_week_homework(db).client_id
    _record(db, client_id, 3, [1, 1, 1, 1, 1, 1, 1, 1, None])
    workspace = _open_client(qtbot, main_window, "Ficticia, Lucía")
    tab = workspace.measures
    _click_tab(qtbot, workspace, tab)
    t = tab.table
    row = [t.item(0, c).text() for c in range(t.columnCount())]
    assert row[2] == "9 (prorated)"
    assert row[-1] == "Question 9 not answered: ask about it"
    shoot(main_window, "measures-tab-q9-blank")
    prep = workspace.prep
    _click_tab(qtbot, workspace, prep)
    day = day_text(TODAY - timedelta(days=3), year=True)
    assert f"The last PHQ-9 ({day}): question 9 not answered; ask about it." in (
        prep.measure_text.text()
    )
    shoot(main_window, "prep-q9-blank")


def test_a_corrected_answer_shows_beside_the_alert_everywhere(qtbot, main_window, db):
    client_id = last_week_homework(db).client_id
    measure_id = _record(db, client_id, 1, [1, 1, 1, 1, 1, 1, 1, 1, 1])
    with db.session() as s:
        measures.update_measure(s, measure_id, [1, 1, 1, 1, 1, 1, 1, 1, 0])
    # Today's card
    today = main_window.today
    today.refresh()
    [card] = today.alert_cards.cards
    assert card.text.text().endswith(f"PHQ-9 question 9: Several days (1) ({CHANGED})")
    shoot(main_window, "today-alert-changed")
    # the alert's dialog, opened from the card
    seen: list[str] = []

    def look(dialog: RiskAlertDialog) -> None:
        seen.append(dialog.answer.text())
        dialog.resize(700, 560)
        dialog.grab().save(str(SHOTS / "alert-dialog-changed.png"))
        qtbot.mouseClick(dialog.later_button, LEFT)

    when_alert_shows(look, seen)
    qtbot.mouseClick(card.button, LEFT)
    assert seen[1] == (f"Answer: Several days (1)\nThe measure was changed since: {CHANGED}.")
    # the prep banner and the Measures tab
    workspace = _open_client(qtbot, main_window, "Ficticia, Lucía")
    prep = workspace.prep
    _click_tab(qtbot, workspace, prep)
    [banner] = prep.alert_banner.cards
    assert banner.text.text().endswith(f"Several days (1) ({CHANGED})")
    tab = workspace.measures
    _click_tab(qtbot, workspace, tab)
    t = tab.table
    cell = t.item(0, t.columnCount() - 1)
    assert cell.text() == "Open · raised with 1; now 0"
    assert cell.toolTip() == "Q" + CHANGED[1:]
    shoot(main_window, "measures-tab-alert-changed")


def test_two_goals_with_the_same_text_are_refused_and_kept_as_typed(qtbot, main_window, db):
    data = last_week_homework(db)
    workspace = _open_client(qtbot, main_window, "Ficticia, Lucía")
    goals = workspace.goals
    _click_tab(qtbot, workspace, goals)
    qtbot.keyClicks(goals.rows[0].text, "Walk to the shop")
    qtbot.keyClicks(goals.rows[1].text, "walk to the  Shop")
    qtbot.mouseClick(goals.save_button, LEFT)
    assert goals.rows[1].error.isVisible()
    assert goals.rows[1].error.text() == "Goal 2 is the same as goal 1: name each goal once."
    assert goals.rows[1].text.text() == "walk to the  Shop"  # nothing lost
    shoot(main_window, "goals-duplicate")
    with db.session() as s:
        assert measures.goals_for(s, data.client_id) == []


def test_in_spanish_question_9_unanswered_and_a_corrected_alert_read_spanish(
    qtbot, spanish, main_window, db
):
    client_id = last_week_homework(db).client_id
    measure_id = _record(db, client_id, 2, [1, 1, 1, 1, 1, 1, 1, 1, 1])
    with db.session() as s:
        measures.update_measure(s, measure_id, [1, 1, 1, 1, 1, 1, 1, 1, None])
    _record(db, client_id, 1, [1, 1, 1, 1, 1, 1, 1, 1, None])
    today = main_window.today
    today.refresh()
    [card] = today.alert_cards.cards
    assert card.text.text().endswith(
        "(la pregunta 9 era Varios días (1) cuando se abrió la alerta; ahora es sin responder)"
    )
    workspace = _open_client(qtbot, main_window, "Ficticia, Lucía")
    tab = workspace.measures
    _click_tab(qtbot, workspace, tab)
    t = tab.table
    risk = [t.item(r, t.columnCount() - 1).text() for r in range(t.rowCount())]
    assert risk[0] == "Pregunta 9 sin responder: pregunta por ella"
    assert risk[1] == "Abierta · se abrió con 1; ahora sin responder"
    shoot(main_window, "measures-tab-es")
    goals = workspace.goals
    _click_tab(qtbot, workspace, goals)
    qtbot.keyClicks(goals.rows[0].text, "Dormir bien")
    qtbot.keyClicks(goals.rows[1].text, "dormir  BIEN")
    qtbot.mouseClick(goals.save_button, LEFT)
    assert goals.rows[1].error.text() == (
        "La meta 2 es igual a la meta 1: nombra cada meta una sola vez."
    )
    shoot(main_window, "goals-duplicate-es")


def test_the_import_dialog_refuses_a_form_with_an_unreadable_answer_and_says_which(
    qtbot, db, tmp_path, monkeypatch
):
    from test_measure_form_import import LIBRARY, choose, returned_form

    from practice.db.models import Measure
    from practice.ui.filled_import_dialog import FilledImportDialog

    values = {f"q{n}": "/1" for n in range(1, 9)} | {"q9": "/7"}
    client, back = returned_form(db, tmp_path, values)
    dialog = FilledImportDialog(db, LIBRARY, client_id=client)
    qtbot.addWidget(dialog)
    dialog.show()
    choose(qtbot, monkeypatch, dialog, back)
    said = html.unescape(dialog.error_label.text())
    assert "Some answers on this form cannot be read: question 9: '7' is not one of 0–3." in said
    assert "enter the form's answers by hand" in said
    assert not dialog.confirm_button.isEnabled()
    dialog.resize(760, 560)
    dialog.grab().save(str(SHOTS / "import-unreadable.png"))
    with db.session() as s:
        assert s.query(Measure).count() == 0


def test_the_entry_dialog_refuses_a_day_before_the_form_was_printed(qtbot, db):
    from practice.db.models import Measure

    client, code = printed(db, MeasureKind.PHQ9)
    dialog = MeasureEntryDialog(db, None, client_id=client)
    qtbot.addWidget(dialog)
    dialog.show()
    find(qtbot, dialog, code)
    for row in dialog.answer_rows:
        qtbot.mouseClick(row.button(0), LEFT)
    dialog.taken_on.setFocus()
    dialog.taken_on.setCurrentSection(QDateTimeEdit.Section.DaySection)
    qtbot.keyClick(dialog.taken_on, Qt.Key.Key_Down)  # the day before: before printing
    assert dialog.taken_on.date().toPython() == TODAY - timedelta(days=1)
    qtbot.mouseClick(dialog.record_button, LEFT)
    assert dialog.error_label.isVisible()
    assert "so it cannot have been filled in on" in dialog.error_label.text()
    assert dialog.isVisible()  # kept open, nothing lost
    assert [row.value for row in dialog.answer_rows] == [0] * 9
    with db.session() as s:
        assert s.query(Measure).count() == 0


def test_the_session_panel_alert_follows_a_higher_answer_and_says_a_lower_one(
    qtbot, main_window, db
):
    from test_measures_panel import _to_measures, click

    data = last_week_homework(db)
    panel = main_window.open_session(data.today)
    qtbot.waitExposed(panel)
    step = _to_measures(qtbot, panel)
    seen: list[str] = []
    when_alert_shows(lambda d: qtbot.mouseClick(d.later_button, LEFT), seen)
    click(qtbot, step.phq9.rows[8].buttons[1])  # "Several days": the alert, left for later
    assert seen == ["shown"]
    click(qtbot, step.phq9.rows[8].buttons[3])  # corrected up: the open alert follows
    with db.session() as s:
        [alert] = measures.open_alerts(s, data.client_id)
        assert (alert.answer, alert.current_answer) == (3, 3)
    click(qtbot, step.phq9.rows[8].buttons[0])  # corrected down: the alert stays, says so
    shown: list[str] = []

    def look(dialog: RiskAlertDialog) -> None:
        shown.append(dialog.answer.text())
        qtbot.mouseClick(dialog.later_button, LEFT)

    when_alert_shows(look, shown)
    qtbot.mouseClick(step.alert_button, LEFT)
    assert shown[1] == (
        "Answer: Nearly every day (3)\nThe measure was changed since: question 9 was "
        "Nearly every day (3) when the alert was raised; now Not at all (0)."
    )
