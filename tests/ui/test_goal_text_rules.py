"""A goal longer than the limit, or holding a control character, is refused with a
message and kept as typed: nothing is cut or lost silently (issue 16)."""

from __future__ import annotations

from _homework_data import last_week_homework
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_measure_alerts_goals import _click_tab, _open_client

from practice.services import measures
from practice.services.measures import GOAL_TEXT_MAX

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier


def _paste(qtbot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    QApplication.clipboard().setText(text)
    qtbot.keyClick(field, Qt.Key.Key_V, CTRL)


def _goals_tab(qtbot, main_window, db):  # type: ignore[no-untyped-def]
    data = last_week_homework(db)
    workspace = _open_client(qtbot, main_window, "Ficticia, Lucía")
    goals = workspace.goals
    _click_tab(qtbot, workspace, goals)
    return data.client_id, goals


def test_a_long_goal_is_counted_refused_and_kept_whole(qtbot, main_window, db):
    client_id, goals = _goals_tab(qtbot, main_window, db)
    row = goals.rows[0]
    # Typing near the limit shows the count
    qtbot.keyClicks(row.text, "x" * (GOAL_TEXT_MAX - 30))
    assert row.count.isVisible() and row.count.text() == "170 of 200 characters"
    # When the therapist pastes a longer text (250 characters in all)
    _paste(qtbot, row.text, "y" * 80)
    # Then the field keeps every character and the count says it is over
    assert len(row.text.text()) == 250
    assert row.count.text() == "250 of 200 characters" and row.count.property("role") == "danger"
    goals.resize(1366, 768)
    goals.grab().save("/work/shots/small16/goals_over_limit_1366.png")
    # And saving is refused with a message, the text still whole
    qtbot.mouseClick(goals.save_button, LEFT)
    assert row.error.isVisible()
    assert row.error.text() == "Goal 1 is too long (250 characters; at most 200)."
    assert len(row.text.text()) == 250 and goals.status.text() == ""
    with db.session() as s:
        assert measures.goals_for(s, client_id) == []
    # Shortened to the limit, it saves
    row.text.selectAll()
    qtbot.keyClicks(row.text, "z" * GOAL_TEXT_MAX)
    assert row.count.property("role") == "muted"
    qtbot.mouseClick(goals.save_button, LEFT)
    assert goals.status.text() == "Goals saved." and not row.error.isVisible()
    with db.session() as s:
        assert [g.text for g in measures.goals_for(s, client_id)] == ["z" * GOAL_TEXT_MAX]


def test_a_goal_with_a_control_character_is_refused_and_kept(qtbot, main_window, db):
    client_id, goals = _goals_tab(qtbot, main_window, db)
    qtbot.keyClicks(goals.rows[0].text, "Sleep through the night")
    # When a tab and a right-to-left override are pasted into the second goal
    _paste(qtbot, goals.rows[1].text, "Worry\tless \u202eabout work")
    kept = goals.rows[1].text.text()
    assert "\u202e" in kept
    qtbot.mouseClick(goals.save_button, LEFT)
    # Then nothing is saved, the row says why, and what was typed is there
    error = goals.rows[1].error
    assert error.isVisible()
    assert error.text() == (
        "Goal 2 holds an invisible control character (a tab, a line break or a direction "
        "code); type it again."
    )
    assert goals.rows[1].text.text() == kept
    assert goals.rows[0].text.text() == "Sleep through the night"
    with db.session() as s:
        assert measures.goals_for(s, client_id) == []
    goals.resize(1024, 600)
    goals.grab().save("/work/shots/small16/goals_control_1024.png")


def test_in_spanish_the_count_and_the_refusal_read_spanish(qtbot, spanish, db, templates):  # type: ignore[no-untyped-def]
    from practice.ui.main_window import MainWindow

    window = MainWindow(db, templates)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    data = last_week_homework(db)
    workspace = _open_client(qtbot, window, "Ficticia, Lucía")
    goals = workspace.goals
    _click_tab(qtbot, workspace, goals)
    _paste(qtbot, goals.rows[0].text, "a" * 201)
    assert goals.rows[0].count.text() == "201 de 200 caracteres"
    qtbot.mouseClick(goals.save_button, LEFT)
    assert goals.rows[0].error.text().startswith("La meta 1 ")
    goals.rows[0].text.setText("Dormir\ttoda la noche")
    qtbot.mouseClick(goals.save_button, LEFT)
    assert "carácter de control invisible" in goals.rows[0].error.text()
    with db.session() as s:
        assert measures.goals_for(s, data.client_id) == []
    window.grab().save("/work/shots/small16/goals_es_1366.png")
