"""What the therapist types (a client's names, a homework title, a reason) is shown as
typed on every page, tab, the session panel and the main dialogs, in English and in
Spanish: never read as HTML (``<b>`` swallowed, ``&amp;`` turned into ``&``), as a
button's shortcut mark (``&L``), or as a ``{placeholder}``. A right-to-left name keeps
the rest of its line in order (ui.user_text)."""

from __future__ import annotations

from datetime import date, timedelta
from pprint import pformat

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from tests.ui._homework_data import attended, local, mood_log

from practice.db.models import ConditioningPeriod
from practice.services import appointments, clients, homework
from practice.services.clients import ClientInput

FIRST = "<b>Ana</b>&Luz"
LAST = "Ríos &amp; Sol"
PREFERRED = "{title}%s<i>&P</i>"
TITLE = "<u>Walk</u> & {n} %1 days"
REASON = "<s>risk</s> &lt;high&gt; now"
TYPED = {  # a piece that shows some of what was typed: then all of it must show
    "Ana": FIRST,
    "Ríos": LAST,
    "{title}": PREFERRED,
    "Walk": TITLE,
    "risk</s>": REASON,
    "&lt;high": REASON,
}
ISOLATES = dict.fromkeys(map(ord, "\u200e\u200f\u2066\u2067\u2068\u2069"))


@pytest.fixture(params=["en", "es"])
def language(request):  # type: ignore[no-untyped-def]
    if request.param == "es":
        request.getfixturevalue("spanish")
    return request.param


def hostile_client(db) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """The client with markup in her names, a homework and a reason; (client, today's)."""
    today = date.today()
    with db.session() as s:
        client_id = clients.create(
            s,
            ClientInput(
                first_name=FIRST,
                last_name=LAST,
                preferred_name=PREFERRED,
                cannot_postpone=True,
                cannot_postpone_reason=REASON,
            ),
        ).id
        before = attended(s, client_id, local(today - timedelta(days=7), 9))
        homework.assign(
            s, client_id, mood_log(today - timedelta(days=7), title=TITLE), appointment_id=before
        )
        now = appointments.schedule(s, client_id, local(today, 9)).appointment.id
        appointments.schedule(s, client_id, local(today + timedelta(days=1), 10))
        s.add(  # conditional sessions: her day-before call is due today
            ConditioningPeriod(
                client_id=client_id,
                starts_on=today,
                ends_on=None,
                reason=REASON,
                agreed_on=today,
            )
        )
    return client_id, now


def shown(widget: QWidget) -> str:
    """The text a label or button draws, as the therapist reads it."""
    if isinstance(widget, QLabel):
        text = widget.text()
        rich = widget.textFormat() == Qt.TextFormat.RichText or (
            widget.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
        )
        if rich:
            document = QTextDocument()
            document.setHtml(text)
            text = document.toPlainText()
    else:
        assert isinstance(widget, QAbstractButton)
        text = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.translate(ISOLATES)


SEEN: dict[str, set[str]] = {}  # where each whole typed text was seen, by place


def garbled(root: QWidget, place: str = "") -> list[str]:
    """The visible texts in ``root`` that show only part of what was typed."""
    found = []
    for widget in root.findChildren(QLabel) + root.findChildren(QAbstractButton):
        if not widget.isVisibleTo(root):
            continue
        text = shown(widget)
        for whole in (FIRST, LAST, PREFERRED, TITLE, REASON):
            if whole in text:
                SEEN.setdefault(whole, set()).add(place)
        for piece, whole in TYPED.items():
            if piece in text and whole not in text:
                where = type(widget.parentWidget()).__name__
                found.append(f"{where}.{type(widget).__name__}: {text}")
                break
    return found


def test_typed_names_and_titles_show_as_typed_everywhere(qtbot, language, db, templates):
    from practice.services import today as today_service
    from practice.ui.appointment_dialog import AppointmentDialog
    from practice.ui.call_dialog import CallDialog
    from practice.ui.conditional_dialog import ConditionalDialog
    from practice.ui.main_window import MainWindow

    # Given the client whose names, homework and reason hold markup
    SEEN.clear()
    client_id, now = hostile_client(db)
    window = MainWindow(db, templates)
    qtbot.addWidget(window)
    window.show()
    window.resize(1366, 768)
    found: dict[str, list[str]] = {}
    # When the therapist clicks each page (on Clients: her, then each tab)
    for row in range(window.nav.count()):
        rect = window.nav.visualItemRect(window.nav.item(row))
        qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        QApplication.processEvents()
        page = window.nav.item(row).text()
        if window.pages.currentWidget() is window.clients_page:
            window.show_client(client_id)
            tabs = window.clients_page.workspace
            bar = tabs.tabBar()
            for index in range(tabs.count()):
                qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
                QApplication.processEvents()
                if bad := garbled(window, f"{page}/{tabs.tabText(index)}"):
                    found[f"{page}/{tabs.tabText(index)}"] = bad
        elif bad := garbled(window, page):
            found[page] = bad
    # and opens today's session, and the appointment, call and conditional dialogs
    panel = window.open_session(now)
    assert panel is not None
    QApplication.processEvents()
    for index in range(panel.stack.count()):
        panel.go_to(index, save=False)
        QApplication.processEvents()
        if bad := garbled(panel, f"session step {index + 1}"):
            found[f"session step {index + 1}"] = bad
    panel.close()
    with db.session() as s:
        view = appointments.get(s, now)
        calls = today_service.build_today(s, date.today()).calls
    dialogs: dict[str, QWidget] = {
        "new appointment": AppointmentDialog(db, client_id, parent=window),
        "conditional": ConditionalDialog(db, client_id, parent=window),
    }
    dialogs["appointment"] = AppointmentDialog(db, client_id, view, parent=window)
    for call in calls:
        dialogs["call"] = CallDialog(db, call)
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        if bad := garbled(dialog, name):
            found[name] = bad
        dialog.close()
    # Then every label and button shows the names, title and reason exactly as typed
    # (and they were seen: in the Prep header, the session and the appointment dialog)
    assert {"session step 1", "appointment", "new appointment"} <= SEEN[FIRST]
    assert any(place.endswith("/Prep") or place.endswith("/Preparación") for place in SEEN[FIRST])
    assert "session step 1" in SEEN[TITLE] and SEEN[REASON], SEEN
    assert {"call", "conditional"} <= SEEN[PREFERRED] and window.nav.item(0).text() in SEEN[FIRST]
    assert found == {}, pformat(found, width=110)


def test_a_right_to_left_name_keeps_the_call_card_left_to_right(qtbot, language, db):
    from practice.ui.today_page import TodayPage

    # Given a client with an Arabic name and a session tomorrow (a day-before call today)
    today = date.today()
    with db.session() as s:
        client_id = clients.create(s, ClientInput(first_name="سارة", last_name="حداد")).id
        appointments.schedule(s, client_id, local(today + timedelta(days=1), 10))
        s.add(  # conditional sessions: her calls are due the day before
            ConditioningPeriod(
                client_id=client_id,
                starts_on=today,
                ends_on=None,
                reason="Agreed a four-week trial.",
                agreed_on=today,
            )
        )
    page = TodayPage(db)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    QApplication.processEvents()
    # When the Today page shows her call card
    from practice.ui.today_rows import CallRow

    cards = [card for card in page.findChildren(CallRow) if card.isVisibleTo(page)]
    assert len(cards) == 1
    label = cards[0].label
    document = QTextDocument()
    document.setHtml(label.text())
    # Then its lines read left to right (the name does not turn the line around), the
    # name is there whole, and the session line follows it
    first = document.begin()
    assert first.textDirection() == Qt.LayoutDirection.LeftToRight
    assert "حداد, سارة" in first.text().translate(ISOLATES)
    assert document.lastBlock().textDirection() == Qt.LayoutDirection.LeftToRight
