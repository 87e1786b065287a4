"""The Goals tab keeps what the therapist typed (issue 16): choosing another client asks
Save / Discard / Keep editing, as the profile does (ui/unsaved.py); a message goes once
the text is changed; the counter's line is kept so the rows never move; the open
"Higher/Lower is better" list shows its items whole."""

from __future__ import annotations

from pathlib import Path

from _homework_data import last_week_homework
from PySide6.QtCore import Qt
from test_measure_alerts_goals import _click_tab, _open_client
from tests.ui._unsaved import CANCEL, DISCARD, SAVE, Answerer, click_client, highlighted_clients

from practice.services import clients, measures
from practice.services.clients import ClientInput
from practice.ui import theme

LEFT = Qt.MouseButton.LeftButton
SHOTS = Path("/work/shots/gui16")


def _two_clients(db) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    first = last_week_homework(db).client_id  # Ficticia, Lucía
    with db.session() as s:
        other = clients.create(s, ClientInput(first_name="Bruno", last_name="Ejemplo")).id
    return first, other


def test_typed_goals_are_asked_about_before_another_client_is_opened(qtbot, main_window, db):
    first, other = _two_clients(db)
    answers = Answerer(qtbot)
    main_window.clients_page.refresh()  # the clients made after the window
    click_client(qtbot, main_window, first)
    workspace = main_window.clients_page.workspace
    goals = workspace.goals
    _click_tab(qtbot, workspace, goals)
    qtbot.keyClicks(goals.rows[0].text, "Sleep through the night")
    # When the therapist clicks another client and chooses Keep editing
    answers.will(CANCEL)
    click_client(qtbot, main_window, other)
    # Then they were asked, and stay on Lucía's goals with the text kept
    assert answers.asked == ["You changed the goals and have not saved the changes yet."]
    assert workspace.currentWidget() is goals and goals.client_id == first
    assert goals.rows[0].text.text() == "Sleep through the night"
    assert main_window.clients_page.client_list.current_client_id() == first
    # And the list highlights Lucía again, not the client clicked (issue 16 re-check)
    qtbot.waitUntil(lambda: highlighted_clients(main_window) == [first], timeout=2000)
    main_window.grab().save(str(SHOTS.parent / "last16a" / "goals_keep_editing.png"))
    # When they click the other client again and choose Save
    answers.will(SAVE)
    click_client(qtbot, main_window, other)
    # Then Lucía's goal is saved, and Bruno's (empty) goals are shown
    with db.session() as s:
        assert [g.text for g in measures.goals_for(s, first)] == ["Sleep through the night"]
    assert goals.client_id == other and goals.rows[0].text.text() == ""
    assert not goals.is_dirty
    # Discard throws the typing away, as asked
    _click_tab(qtbot, workspace, goals)
    qtbot.keyClicks(goals.rows[0].text, "Walk the dog")
    answers.will(DISCARD)
    click_client(qtbot, main_window, first)
    assert len(answers.asked) == 3 and goals.client_id == first
    with db.session() as s:
        assert measures.goals_for(s, other) == []
    # Nothing typed: a client is opened without a question
    click_client(qtbot, main_window, other)
    assert len(answers.asked) == 3 and goals.client_id == other
    # The list refreshed (a change elsewhere) while goals are typed: nothing asked, kept
    qtbot.keyClicks(goals.rows[0].text, "Cook once a week")
    answers.will(CANCEL)  # would answer a wrong question (and fail below)
    main_window.clients_page.refresh()
    assert len(answers.asked) == 3
    assert goals.client_id == other and goals.rows[0].text.text() == "Cook once a week"


def test_a_goal_message_goes_once_the_text_is_changed_and_the_rows_stay_put(qtbot, main_window, db):
    last_week_homework(db)
    workspace = _open_client(qtbot, main_window, "Ficticia, Lucía")
    goals = workspace.goals
    _click_tab(qtbot, workspace, goals)
    qtbot.keyClicks(goals.rows[1].text, "Worry less about work")
    qtbot.mouseClick(goals.save_button, LEFT)
    assert goals.rows[0].error.isVisible() and goals.rows[0].error.text() == "Goal 1 is empty."
    # When the therapist types the first goal, the message about it goes
    qtbot.keyClicks(goals.rows[0].text, "S")
    assert not goals.rows[0].error.isVisible()
    # The counter appearing near the limit moves no row down
    goals.layout().activate()
    qtbot.wait(10)
    below = goals.rows[1].text.mapTo(goals, goals.rows[1].text.rect().topLeft()).y()
    qtbot.keyClicks(goals.rows[0].text, "leep " * 34)  # 171 characters
    assert goals.rows[0].count.text() == "170 of 200 characters"
    goals.layout().activate()
    qtbot.wait(10)
    assert goals.rows[1].text.mapTo(goals, goals.rows[1].text.rect().topLeft()).y() == below
    main_window.resize(1024, 600)
    main_window.grab().save(str(SHOTS / "goals_counter_1024.png"))


def test_the_open_direction_list_shows_its_items_whole(qtbot, main_window, db):
    theme.apply("light")  # the themes draw a tick before the chosen item
    last_week_homework(db)
    main_window.resize(1366, 768)
    main_window.clients_page.refresh()
    workspace = _open_client(qtbot, main_window, "Ficticia, Lucía")
    goals = workspace.goals
    _click_tab(qtbot, workspace, goals)
    combo = goals.rows[0].direction
    qtbot.mouseClick(combo, LEFT)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    view.window().grab().save(str(SHOTS / "goals_direction_open.png"))
    metrics = view.fontMetrics()
    for row in range(combo.count()):
        # the item's text, the tick's column before it (two lines' height) and a margin
        wanted = metrics.horizontalAdvance(combo.itemText(row)) + 2 * metrics.height() + 8
        assert view.viewport().width() >= wanted, combo.itemText(row)
    combo.hidePopup()
