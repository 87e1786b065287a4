"""A direction code in a client's name (U+202E, the right-to-left override) never turns
the rest of a window title around, an Arabic name still shows in it, and the client
form refuses such a code when it is typed (issue 16)."""

from __future__ import annotations

from _homework_data import last_week_homework
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_measure_alerts_goals import _alert, _open_client
from test_measures_panel import when_alert_shows

from practice.db.models import Client
from practice.services import clients
from practice.ui.client_form import ClientForm
from practice.ui.risk_alert_dialog import RiskAlertDialog
from practice.ui.user_text import FSI, PDI

LEFT = Qt.MouseButton.LeftButton
RLO = "\u202e"
CODES = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def _rename(db, client_id: int, last_name: str) -> None:  # type: ignore[no-untyped-def]
    """A name kept from before the form refused direction codes (written directly)."""
    with db.session() as s:
        s.get(Client, client_id).last_name = last_name


def _unterminated(title: str) -> bool:
    """Whether an embedding, override or isolate is left open at the end of ``title``."""
    depth = 0
    for ch in title:
        if ch in "\u202a\u202b\u202d\u202e\u2066\u2067\u2068":
            depth += 1
        elif ch in "\u202c\u2069" and depth:
            depth -= 1
    return depth > 0


def test_an_override_in_a_name_leaves_the_window_titles_in_order(qtbot, main_window, db):
    data = last_week_homework(db)
    _rename(db, data.client_id, f"Ficticia{RLO}(abc)")
    _alert(db, data.client_id)
    # When the therapist opens the client from the list
    _open_client(qtbot, main_window, f"Ficticia{RLO}(abc), Lucía")
    # Then the main window's title has no open override: " — Practice" reads in order
    title = main_window.windowTitle()
    assert RLO not in title and not _unterminated(title)
    assert title.startswith("Ficticia(abc), Lucía — Practice")
    # And the risk alert dialog, opened from Today's card, says the name the same way
    today = main_window.today
    main_window.show_page(today)
    today.refresh()
    seen: list[str] = []

    def read(dialog: RiskAlertDialog) -> None:
        seen.append(dialog.windowTitle())
        dialog.reject()

    when_alert_shows(read, seen)
    qtbot.mouseClick(today.alert_cards.cards[0].button, LEFT)
    assert seen[0] == "shown"
    assert seen[1] == "Risk alert — Ficticia(abc), Lucía"


def test_an_arabic_name_still_shows_in_the_title_isolated(qtbot, main_window, db):
    data = last_week_homework(db)
    _rename(db, data.client_id, f"{RLO}سارة")
    _open_client(qtbot, main_window, f"{RLO}سارة, Lucía")
    title = main_window.windowTitle()
    # the letters are all there, in an isolate that is closed before " — Practice"
    assert f"{FSI}سارة, Lucía{PDI} — Practice" in title
    assert RLO not in title and not _unterminated(title)


def test_the_client_form_refuses_a_typed_direction_code_and_keeps_the_name(qtbot, db):
    form = ClientForm(db)
    qtbot.addWidget(form)
    form.resize(1366, 768)
    form.show()
    # When the therapist pastes a name holding a right-to-left override (copied from a
    # referral e-mail: how such a code arrives) and saves
    qtbot.keyClicks(form.first_name, "Ana")
    QApplication.clipboard().setText(f"Prueba{RLO}xyz")
    qtbot.keyClick(form.last_name, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(form.save_button, LEFT)
    # Then nothing is saved, the field says why, and what was typed is still there
    assert form.client_id is None
    message = form._errors["last_name"]
    assert message.isVisible()
    assert message.text() == "Last name holds an invisible control character; type it again."
    assert form.last_name.text() == f"Prueba{RLO}xyz"
    with db.session() as s:
        assert clients.list_rows(s) == []
