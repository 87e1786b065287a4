"""The Today page's risk-alert card says when question 9 was changed after the alert was
raised, in the same words as the prep banner, the alert dialog and the Measures tab
(issue 16 re-check: it kept saying only "Several days (1)")."""

from __future__ import annotations

from pathlib import Path

from _homework_data import last_week_homework
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_measures_panel import _to_measures, click, when_alert_shows

from practice.services import measures

LEFT = Qt.MouseButton.LeftButton
SHOTS = Path("/work/shots/last16a")
CHANGED = "question 9 was Several days (1) when the alert was raised; now Not at all (0)"


def test_the_today_card_says_the_answer_changed_since_the_alert(qtbot, main_window, db):
    data = last_week_homework(db)
    main_window.show_page(main_window.today)
    panel = main_window.open_session(data.today)
    qtbot.waitExposed(panel)
    step = _to_measures(qtbot, panel)
    seen: list[str] = []
    when_alert_shows(lambda d: qtbot.mouseClick(d.later_button, LEFT), seen)
    # Given question 9 answered "Several days" (the alert raised, left for later)
    click(qtbot, step.phq9.rows[8].buttons[1])
    assert seen == ["shown"]
    cards = main_window.today.alert_cards
    assert [c.text.text() for c in cards.cards][0].endswith("PHQ-9 question 9: Several days (1)")
    # When the therapist changes the answer to "Not at all" in the session panel
    click(qtbot, step.phq9.rows[8].buttons[0])
    with db.session() as s:
        [alert] = measures.open_alerts(s, data.client_id)
        assert (alert.answer, alert.current_answer) == (1, 0)
    # Then the Today card says the answer it was raised with and the answer now
    panel.hide()
    main_window.show_page(main_window.today)
    QApplication.processEvents()
    [card] = main_window.today.alert_cards.cards
    assert CHANGED in card.text.text(), card.text.text()
    assert card.isVisible()
    SHOTS.mkdir(parents=True, exist_ok=True)
    for w, h in ((1366, 768), (1024, 600)):
        main_window.resize(w, h)
        QApplication.processEvents()
        main_window.grab().save(str(SHOTS / f"today_alert_changed_{w}.png"))
