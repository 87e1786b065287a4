"""One family of dates in the whole GUI ("Tue 4 Mar", "4 Mar 2025", "Tue 4 Mar 2025,
14:05"): every date shown goes through ``ui/dates.py``. The first test reads the
GUI's source for any other date formatting, so a new format fails here."""

from __future__ import annotations

import ast
import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit

import practice.ui
from practice.sheets.templates import load_templates
from practice.ui import dates

UI = Path(practice.ui.__file__).parent
STRFTIME = re.compile(r"%-?[aAbBdmyYHMSjpIe]")
QT_FORMAT = re.compile(r"\b(d{1,4} ?MMM|MMM+|yyyy|yy-MM|MM-dd|HH:mm|hh:mm)\b")
FORBIDDEN_CALLS = {"strftime", "isoformat", "setDisplayFormat", "setCalendarPopup"}
DATE_EDITS = {"QDateEdit", "QDateTimeEdit"}


def _problems(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    wrapped: set[int] = set()  # date_field(QDateEdit(...)) calls, format specs' insides
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "date_field":
            wrapped.update(id(arg) for arg in node.args)
        if isinstance(node, ast.FormattedValue) and node.format_spec is not None:
            wrapped.update(id(inner) for inner in ast.walk(node.format_spec))
    name_of = str(path.relative_to(UI)) if path.is_relative_to(UI) else path.name
    found = []
    for node in ast.walk(tree):
        if id(node) in wrapped and not isinstance(node, ast.FormattedValue):
            continue  # a date edit made by date_field, or the inside of a format spec
        where = f"{name_of}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", "")
            if name in FORBIDDEN_CALLS:
                found.append(f"{where} .{name}()")
            if name in DATE_EDITS and id(node) not in wrapped:
                found.append(f"{where} {name} not made by dates.date_field")
        elif isinstance(node, ast.FormattedValue) and node.format_spec is not None:
            spec = ast.unparse(node.format_spec)
            if STRFTIME.search(spec):
                found.append(f"{where} f-string date format {spec}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if STRFTIME.search(node.value) and "%" in node.value:
                found.append(f"{where} date format string {node.value!r}")
            elif QT_FORMAT.search(node.value):
                found.append(f"{where} Qt date format {node.value!r}")
    return found


def test_no_date_is_formatted_outside_ui_dates():
    # Given every source file of the GUI but ui/dates.py itself
    found = []
    for path in sorted(UI.rglob("*.py")):
        if path.name != "dates.py":
            found += _problems(path)
    # Then none formats a date (or a time) itself
    assert found == []


def test_the_checker_sees_each_kind_of_date_format(tmp_path):
    # The check above catches every way dates were written before (so it can fail)
    sample = tmp_path / "sample.py"
    sample.write_text(
        "a = f'{d:%d %b %y}'\n"
        "b = d.strftime('%Y-%m-%d')\n"
        "c = d.isoformat()\n"
        "e = QDateEdit()\n"
        "e.setDisplayFormat('yyyy-MM-dd')\n"
        "g = date_field(QDateEdit())\n"
        "h = f'{t:%H:%M}'\n",
        encoding="utf-8",
    )
    found = _problems(sample)
    assert len(found) == 8, found  # g is fine; line 2 and 5 count twice (call, string)
    assert not any(":6 " in f for f in found)


@pytest.mark.parametrize(
    ("monday", "text"),
    [
        (date(2025, 3, 3), "3–9 Mar 2025"),
        (date(2025, 4, 28), "28 Apr – 4 May 2025"),
        (date(2025, 12, 29), "29 Dec 2025 – 4 Jan 2026"),
    ],
)
def test_week_text(monday, text):
    assert dates.week_text(monday) == text


def test_date_time_text_is_on_the_local_clock():
    moment = datetime(2025, 3, 4, 14, 5, 9).astimezone()
    assert dates.date_time_text(moment) == "Tue 4 Mar 2025, 14:05"
    assert dates.date_time_text(moment, year=False) == "Tue 4 Mar, 14:05"
    assert dates.date_time_text(moment, seconds=True) == "Tue 4 Mar 2025, 14:05:09"


def test_a_date_field_has_a_calendar_and_the_family_format(qtbot):
    day, moment = dates.date_field(QDateEdit()), dates.date_field(QDateTimeEdit())
    for edit in (day, moment):
        qtbot.addWidget(edit)
        assert edit.calendarPopup()
    day.setDate(dates.qdate(date(2025, 3, 4)))
    assert day.text() == "Tue 4 Mar 2025"
    moment.setDateTime(datetime(2025, 3, 4, 14, 5))
    assert moment.text() == "Tue 4 Mar 2025  14:05"


# ---- the visible text of real widgets ------------------------------------------------


def _client_with_tasks(db):  # type: ignore[no-untyped-def]
    """A client with a daily mood log set 14 weeks ago, due 13 weeks ago and still
    running, a second task due next week, and a session booked in 3 days."""
    from _homework_data import local, mood_log

    from practice.domain.vocabulary import Frequency
    from practice.services import appointments, clients, homework
    from practice.services.clients import ClientInput

    today = date.today()
    with db.session() as s:
        client_id = clients.create(s, ClientInput(first_name="Fecha", last_name="Ejemplo")).id
        start = today - timedelta(weeks=14)
        homework.assign(s, client_id, mood_log(start, due_date=start + timedelta(days=7)))
        homework.assign(
            s,
            client_id,
            mood_log(
                today,
                title="Walks",
                frequency=Frequency.PER_WEEK,
                times_per_week=3,
                due_date=today + timedelta(days=7),
            ),
        )
        appointments.schedule(s, client_id, local(today + timedelta(days=3), 10))
    return client_id, today


def test_the_homework_due_column_says_when_a_running_task_is_next_due(qtbot, db, templates):
    from practice.ui.homework_tab import COLUMNS, HomeworkTab

    # Given a client whose mood log runs on, months after its first bring-on day
    client_id, today = _client_with_tasks(db)
    tab = HomeworkTab(db, templates)
    qtbot.addWidget(tab)
    tab.show()
    # When the therapist opens the client's Homework tab
    tab.show_client(client_id)
    due = COLUMNS.index("Due")
    cells = {
        tab.model.item(r, 0).text(): tab.model.item(r, due).text()
        for r in range(tab.model.rowCount())
    }
    # Then the running task reads as due at the next session, not months overdue
    session = today + timedelta(days=3)
    shown = dates.day_text(session, year=session.year != today.year)
    assert cells["Mood log"] == f"every day, next due {shown}"
    # and the task due next week shows that day, "Tue 9 Dec"
    next_week = today + timedelta(days=7)
    assert cells["Walks"] == dates.day_text(next_week, year=next_week.year != today.year)
    assert re.fullmatch(r"\w{3} \d{1,2} \w{3}( \d{4})?", cells["Walks"])


def test_the_profile_shows_and_reads_birth_dates_as_days(qtbot, main_window, db):
    from practice.services import clients
    from practice.services.clients import ClientInput

    # Given a client born on 4 March 1980, opened in the profile
    with db.session() as s:
        client_id = clients.create(
            s, ClientInput(first_name="Nacida", last_name="Ejemplo", birth_date=date(1980, 3, 4))
        ).id
    main_window.clients_page.refresh()
    main_window.show_client(client_id, "Profile")
    form = main_window.clients_page.workspace.form
    # Then the birth date reads "4 Mar 1980", not 1980-03-04
    assert form.birth_date.text() == "4 Mar 1980"
    # When the therapist types another day the way it is shown, and saves
    form.birth_date.selectAll()
    qtbot.keyClicks(form.birth_date, "12 May 1979")
    assert form.save() is True
    # Then it is saved as that day
    with db.session() as s:
        assert clients.get(s, client_id).birth_date == date(1979, 5, 12)


def test_the_agenda_week_and_the_date_fields_are_in_the_family(qtbot, db):
    from practice.ui.agenda import week_label
    from practice.ui.week_sheets_dialog import WeekSheetsDialog

    assert week_label(date(2025, 3, 3)) == "Week of 3–9 Mar 2025"
    dialog = WeekSheetsDialog(db, load_templates())
    qtbot.addWidget(dialog)
    for edit in (dialog.from_edit, dialog.to_edit):
        assert edit.calendarPopup()
        assert edit.text() == dates.day_text(dates.pydate(edit.date()), year=True)
