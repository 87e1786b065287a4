"""Open risk alerts on Today and the prep view, and the client's Goals tab (issue 16)."""

from __future__ import annotations

from datetime import date

from _homework_data import last_week_homework
from PySide6.QtCore import QPoint, Qt
from test_measures_panel import when_alert_shows

from practice.domain.measures import MeasureKind, MeasureSource
from practice.services import clients, measures
from practice.services.measures import MeasureInput
from practice.ui.risk_alert_dialog import RiskAlertDialog

LEFT = Qt.MouseButton.LeftButton


def _alert(db, client_id: int, answer: int = 2) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        measures.record_measure(
            s,
            MeasureInput(
                client_id,
                MeasureKind.PHQ9,
                date.today(),
                MeasureSource.PAPER,
                answers=[1, 1, 1, 1, 1, 1, 1, 1, answer],
            ),
        )


def _acknowledge(qtbot, note: str, seen: list[str]):  # type: ignore[no-untyped-def]
    def act(dialog: RiskAlertDialog) -> None:
        seen.append(dialog.flag.text())
        qtbot.keyClicks(dialog.note, note)
        if dialog.flag.isEnabled():  # offered unticked: the therapist ticks it
            assert not dialog.flag.isChecked()
            qtbot.mouseClick(dialog.flag, LEFT, pos=QPoint(8, dialog.flag.height() // 2))
        qtbot.mouseClick(dialog.acknowledge_button, LEFT)

    return act


def _open_client(qtbot, window, name: str):  # type: ignore[no-untyped-def]
    page = window.clients_page
    window.show_page(page)
    page.refresh()
    proxy = page.client_list.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == name)
    cell = page.client_list.table.visualRect(proxy.index(row, 0)).center()
    qtbot.mouseClick(page.client_list.table.viewport(), LEFT, pos=cell)
    return page.workspace


def _click_tab(qtbot, workspace, widget) -> None:  # type: ignore[no-untyped-def]
    bar = workspace.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(workspace.indexOf(widget)).center())
    assert workspace.currentWidget() is widget


def test_today_shows_an_open_alert_until_it_is_acknowledged_from_its_card(qtbot, main_window, db):
    data = last_week_homework(db)
    _alert(db, data.client_id, answer=2)
    today = main_window.today
    today.refresh()
    # Given the alert, at the top of Today: who, when, the answer
    cards = today.alert_cards
    assert cards.isVisible()
    [card] = cards.cards
    assert card.text.text().startswith("Ficticia, Lucía · ")
    assert card.text.text().endswith("PHQ-9 question 9: More than half the days (2)")
    assert card.button.text() == "Acknowledge…"
    # When the therapist clicks Acknowledge…, writes what was done and acknowledges
    seen: list[str] = []
    when_alert_shows(_acknowledge(qtbot, "Called her; safety plan in place.", seen), seen)
    qtbot.mouseClick(card.button, LEFT)
    assert seen == ["shown", "Mark Ficticia, Lucía as 'cannot postpone treatment'"]
    # Then the card is gone and the alert closed
    assert not cards.isVisible() and all(not c.isVisible() for c in cards.cards)
    with db.session() as s:
        assert measures.open_alerts(s) == []
        assert clients.get(s, data.client_id).cannot_postpone


def test_the_prep_view_shows_the_open_alert_and_acknowledges_it(qtbot, main_window, db):
    data = last_week_homework(db)
    _alert(db, data.client_id, answer=1)
    workspace = _open_client(qtbot, main_window, "Ficticia, Lucía")
    prep = workspace.prep
    _click_tab(qtbot, workspace, prep)
    banner = prep.alert_banner
    assert banner.isVisible()
    [card] = banner.cards
    assert card.text.text().startswith("Open risk alert · ")
    assert card.text.text().endswith("PHQ-9 question 9: Several days (1)")
    assert not prep.cannot_postpone_badge.isVisible()
    seen: list[str] = []
    when_alert_shows(_acknowledge(qtbot, "Safety plan reviewed.", seen), seen)
    qtbot.mouseClick(card.button, LEFT)
    assert seen[0] == "shown"
    assert not banner.isVisible()
    assert prep.cannot_postpone_badge.isVisible()  # the flag set with it
    # its reason is a neutral line: the note of what was done is not on this screen
    shown = prep.cannot_postpone_reason.text()
    assert "Risk alert on " in shown and "(PHQ-9 question 9)" in shown
    assert "Safety plan" not in shown


def test_the_goals_tab_says_what_is_wrong_and_saves_up_to_three_goals(qtbot, main_window, db):
    data = last_week_homework(db)
    workspace = _open_client(qtbot, main_window, "Ficticia, Lucía")
    goals = workspace.goals
    _click_tab(qtbot, workspace, goals)
    # Nothing typed: one to three goals are needed
    qtbot.mouseClick(goals.save_button, LEFT)
    assert goals.error.isVisible() and goals.error.text() == "Name one to three goals."
    # A second goal with the first left empty: the first is said to be empty
    qtbot.keyClicks(goals.rows[1].text, "Worry less about work")
    qtbot.mouseClick(goals.save_button, LEFT)
    assert goals.rows[0].error.text() == "Goal 1 is empty."
    assert goals.rows[0].error.isVisible() and not goals.error.isVisible()
    assert goals.rows[1].text.text() == "Worry less about work"  # nothing lost
    # Filled, the second one "lower is better" (chosen with the keyboard)
    qtbot.keyClicks(goals.rows[0].text, "Sleep through the night")
    goals.rows[1].direction.setFocus()
    qtbot.keyClick(goals.rows[1].direction, Qt.Key.Key_Down)
    assert goals.rows[1].direction.currentText() == "Lower is better"
    qtbot.mouseClick(goals.save_button, LEFT)
    assert goals.status.text() == "Goals saved."
    assert not goals.rows[0].error.isVisible()
    with db.session() as s:
        saved = measures.goals_for(s, data.client_id)
    assert [(g.text, g.higher_is_better) for g in saved] == [
        ("Sleep through the night", True),
        ("Worry less about work", False),
    ]


def test_in_spanish_the_alert_its_dialog_and_the_goals_tab_read_spanish(
    qtbot, spanish, main_window, db
):
    data = last_week_homework(db)
    _alert(db, data.client_id, answer=3)
    today = main_window.today
    today.refresh()
    [card] = today.alert_cards.cards
    assert card.text.text().startswith("Ficticia, Lucía · ")
    assert card.text.text().endswith("pregunta 9 del PHQ-9: Casi todos los días (3)")
    assert card.button.text() == "Atender…"
    seen: list[str] = []

    def act(dialog: RiskAlertDialog) -> None:
        seen.extend(
            [dialog.windowTitle(), dialog.question.text(), dialog.answer.text(), dialog.flag.text()]
        )
        qtbot.mouseClick(dialog.acknowledge_button, LEFT)  # no note yet
        seen.append(dialog.note_error.text())
        seen.append(dialog.later_button.text())
        qtbot.mouseClick(dialog.later_button, LEFT)

    when_alert_shows(act, seen)
    qtbot.mouseClick(card.button, LEFT)
    assert seen == [
        "shown",
        "Alerta de riesgo — Ficticia, Lucía",
        "“Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera”",
        "Respuesta: Casi todos los días (3)",
        "Marcar a Ficticia, Lucía como «no puede posponer el tratamiento»",
        "Escribe lo que se hizo ante la respuesta a la pregunta 9.",
        "Más tarde",
    ]
    assert today.alert_cards.isVisible()  # left for later: still there
    # The Goals tab, in Spanish, with its messages
    workspace = _open_client(qtbot, main_window, "Ficticia, Lucía")
    goals = workspace.goals
    assert workspace.tabText(workspace.indexOf(goals)) == "Metas"
    _click_tab(qtbot, workspace, goals)
    assert goals.save_button.text() == "Guardar metas"
    assert goals.rows[0].direction.itemText(1) == "Más bajo es mejor"
    qtbot.keyClicks(goals.rows[2].text, "Salir a caminar")
    qtbot.mouseClick(goals.save_button, LEFT)
    assert goals.rows[0].error.text() == "La meta 1 está vacía."


def test_today_forgets_risk_alert_acknowledged_when_a_new_alert_is_loaded(qtbot, main_window, db):  # type: ignore[no-untyped-def]
    data = last_week_homework(db)
    _alert(db, data.client_id, answer=1)
    today = main_window.today
    today.refresh()
    [card] = today.alert_cards.cards
    seen: list[str] = []
    when_alert_shows(_acknowledge(qtbot, "Called her; she is safe.", seen), seen)
    qtbot.mouseClick(card.button, LEFT)
    # Given the acknowledgement said, and kept after the reload that followed it
    assert today.message.text() == "Risk alert acknowledged."
    assert not today.alert_cards.isVisible()
    # When a new alert is opened and Today loads its alerts again
    _alert(db, data.client_id, answer=3)
    today.refresh()
    # Then the new alert shows, with no stale "acknowledged" under it
    [card] = today.alert_cards.cards
    assert card.isVisible() and card.text.text().endswith("(3)")
    assert "acknowledged" not in today.message.text()
