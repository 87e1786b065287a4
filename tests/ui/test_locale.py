"""Dates, times, the first day of the week and numbers follow the GUI language's
locale (``QLocale()``, set by ``practice.ui.i18n.install``): one short and one long
date format per language, typed dates read in both languages (docs/ issue 13)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QTableView

from practice.ui import dates

TUESDAY = date(2025, 3, 4)


def test_english_keeps_its_short_and_long_formats():
    assert dates.day_text(TUESDAY) == "Tue 4 Mar"
    assert dates.day_text(TUESDAY, year=True) == "Tue 4 Mar 2025"
    assert dates.short_date(TUESDAY, year=True) == "4 Mar 2025"
    assert dates.long_date(TUESDAY) == "Tuesday 4 March 2025"
    assert dates.day_at(datetime(2025, 3, 4, 14, 5).astimezone()) == "Tue 4 Mar at 14:05"


def test_spanish_dates_have_spanish_names_and_the_spanish_long_format(spanish):
    assert dates.day_text(TUESDAY) == "mar 4 mar"
    assert dates.day_text(date(2025, 1, 8), year=True) == "mié 8 ene 2025"
    assert dates.short_date(date(2025, 12, 24), year=True) == "24 dic 2025"
    assert dates.month_text(date(2025, 8, 1), year=True) == "ago 2025"
    assert dates.long_date(TUESDAY) == "martes, 4 de marzo de 2025"
    assert dates.week_text(date(2025, 4, 28)) == "28 abr – 4 may 2025"
    moment = datetime(2025, 3, 4, 14, 5).astimezone()
    assert dates.date_time_text(moment) == "mar 4 mar 2025, 14:05"  # 24 h in both
    assert dates.day_at(moment) == "mar 4 mar a las 14:05"


@pytest.mark.parametrize(
    "typed",
    [
        "4 mar 2025",
        "4 Mar. 2025",
        "4 de marzo de 2025",
        "martes, 4 de marzo de 2025",
        "mar 4 mar 2025",
        "4/3/2025",
        "2025-03-04",
        "4 March 2025",  # English is still understood
    ],
)
def test_typed_spanish_dates_are_read(spanish, typed):
    assert dates.parse_day(typed) == TUESDAY


def test_typed_english_dates_are_read_and_nonsense_is_refused():
    for typed in ("4 Mar 2025", "Tuesday 4 March 2025", "Tue, 4 Mar 2025", "2025-03-04"):
        assert dates.parse_day(typed) == TUESDAY
    with pytest.raises(ValueError):
        dates.parse_day("4/3/2025")  # ambiguous in US English: not guessed
    with pytest.raises(ValueError):
        dates.parse_day("someday")


def _first_column_header(edit: QDateEdit | QDateTimeEdit) -> str:
    """The weekday heading the calendar pop-up shows in its first column."""
    calendar = edit.calendarWidget()
    view = calendar.findChild(QTableView)
    return view.model().index(0, 0).data(Qt.ItemDataRole.DisplayRole)


def test_a_spanish_date_field_speaks_spanish_and_its_calendar_starts_on_monday(qtbot, spanish):
    edit = dates.date_field(QDateEdit())
    qtbot.addWidget(edit)
    edit.setDate(dates.qdate(TUESDAY))
    assert edit.text() == "mar 4 mar 2025"
    assert edit.calendarWidget().firstDayOfWeek() == Qt.DayOfWeek.Monday
    assert _first_column_header(edit) == "lun"
    # the arrow key on the month moves to April, shown in Spanish
    edit.show()
    edit.setFocus()
    edit.setSelectedSection(QDateTimeEdit.Section.MonthSection)
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    assert edit.text() == "vie 4 abr 2025"


def test_an_english_date_field_calendar_starts_on_sunday(qtbot):
    edit = dates.date_field(QDateTimeEdit())
    qtbot.addWidget(edit)
    assert edit.calendarWidget().firstDayOfWeek() == Qt.DayOfWeek.Sunday
    assert _first_column_header(edit) == "Sun"


def test_numbers_follow_the_locale():
    from practice.ui.prep_sections import completion

    assert dates.decimal_text(2.5) == "2.5"
    assert dates.decimal_text(3.0) == "3"
    assert completion(2.5) == "2.5 of 4"
    # a locale with a decimal comma writes one (Latin-American Spanish, es_419, writes
    # a point as Mexico does; Argentina and Spain write a comma)
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Argentina))
    assert dates.decimal_text(2.5) == "2,5"
    assert dates.decimal_text(2.04) == "2"
    assert dates.fixed_text(1.25 * 4) == "5,0"
    assert completion(2.5).startswith("2,5 ")


def test_a_spanish_birth_date_is_typed_in_spanish_and_the_calendar_starts_monday(
    qtbot, spanish, db, templates
):
    from practice.services import clients
    from practice.services.clients import ClientInput
    from practice.ui.main_window import MainWindow

    with db.session() as s:
        client_id = clients.create(
            s, ClientInput(first_name="Nacida", last_name="Ejemplo", birth_date=date(1980, 3, 4))
        ).id
    window = MainWindow(db, templates)
    qtbot.addWidget(window)
    window.show()
    window.clients_page.refresh()
    window.show_client(client_id, "Profile")
    form = window.clients_page.workspace.form
    # Then the birth date reads in Spanish
    assert form.birth_date.text() == "4 mar 1980"
    # and its calendar button opens a Spanish calendar whose weeks start on Monday
    qtbot.mouseClick(form.birth_picker, Qt.MouseButton.LeftButton)
    assert form.birth_picker.calendar.isVisible()
    assert form.birth_picker.calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday
    form.birth_picker.calendar.hide()
    # When the therapist types a day the Spanish way and saves
    form.birth_date.selectAll()
    qtbot.keyClicks(form.birth_date, "12 de mayo de 1979")
    assert form.save() is True
    with db.session() as s:
        assert clients.get(s, client_id).birth_date == date(1979, 5, 12)


def test_the_agenda_heads_its_days_in_the_gui_language(qtbot, spanish, db):
    from practice.ui.agenda import AgendaPage

    # Given the Agenda in Spanish on the week of Monday 3 March 2025
    page = AgendaPage(db)
    qtbot.addWidget(page)
    page.show()
    page.show_week(date(2025, 3, 3))
    # Then its columns are headed with Spanish weekdays
    assert page.day_labels[0].text().startswith("<b>lun 3</b>")
    assert page.day_labels[6].text().startswith("<b>dom 9</b>")
    # and a screen reader hears each day in full, the Spanish long format
    assert page.day_lists[1].accessibleName() == "martes, 4 de marzo de 2025"


def test_the_today_page_titles_its_day_with_the_long_format(qtbot, spanish, db):
    from practice.ui.today_page import TodayPage

    page = TodayPage(db, day=TUESDAY)
    qtbot.addWidget(page)
    page.show()
    assert page.title.text() == "martes, 4 de marzo de 2025"
    assert page.date_edit.text() == "mar 4 mar 2025"


@pytest.mark.parametrize(
    ("lang", "locale", "number"),
    [
        ("es_AR.UTF-8", "es_AR", "2,5"),
        ("es_ES.UTF-8", "es_ES", "2,5"),
        ("es_MX.UTF-8", "es_MX", "2.5"),
        ("C.UTF-8", "es_419", "2.5"),  # no Spanish region: neutral Latin-American
        ("en_GB.UTF-8", "es_419", "2.5"),
    ],
)
def test_spanish_numbers_follow_the_computers_spanish_region(
    lang: str, locale: str, number: str, tmp_path
) -> None:
    import os
    import subprocess
    import sys

    script = (
        "from PySide6.QtCore import QLocale\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from practice.ui import dates, i18n\n"
        "app = QApplication([])\n"
        "i18n.install('es')\n"
        "print(QLocale().name(), dates.decimal_text(2.5))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update(LANG=lang, LANGUAGE="", QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    shown = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert shown.stdout.split() == [locale, number]
