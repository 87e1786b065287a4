"""Dates as the GUI shows them ("Tue 4 Mar"), through one QLocale.

Every date the GUI shows goes through these helpers (a test reads the GUI's source
for any other date formatting): "Tue 4 Mar" / "4 Mar 2025" for days,
"Tue 4 Mar 2025, 14:05" for moments, and date fields with a calendar pop-up
(``date_field``).

The GUI speaks English, so its dates do too, whatever the computer's own locale;
changing ``LOCALE`` changes every date these helpers write.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TypeVar

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit

LOCALE = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def qdate(d: date) -> QDate:
    """``d`` as a QDate (for date edits and ``LOCALE``)."""
    return QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> date:
    """A date edit's QDate as a ``date``."""
    return date(q.year(), q.month(), q.day())


def short_date(d: date, *, year: bool = False) -> str:
    """ "3 Mar", or "3 Mar 2025" with the year."""
    return LOCALE.toString(qdate(d), "d MMM yyyy" if year else "d MMM")


def day_text(d: date, *, year: bool = False) -> str:
    """ "Tue 4 Mar", or "Tue 4 Mar 2025" with the year."""
    return LOCALE.toString(qdate(d), "ddd d MMM yyyy" if year else "ddd d MMM")


def month_text(d: date, *, year: bool = False) -> str:
    """ "Mar", or "Mar 2025" with the year."""
    return LOCALE.toString(qdate(d), "MMM yyyy" if year else "MMM")


def time_text(t: time | datetime) -> str:
    """ "14:05" (a ``datetime`` as it is given: make it local first)."""
    return f"{t.hour:02d}:{t.minute:02d}"


def local(moment: datetime) -> datetime:
    """An aware moment on the user's local clock (a naive one is taken as local)."""
    return moment.astimezone()


def date_time_text(moment: datetime, *, year: bool = True, seconds: bool = False) -> str:
    """ "Tue 4 Mar 2025, 14:05" on the local clock (``year=False``: "Tue 4 Mar, 14:05";
    ``seconds``: "14:05:09")."""
    moment = local(moment)
    clock = time_text(moment) + (f":{moment.second:02d}" if seconds else "")
    return f"{day_text(moment.date(), year=year)}, {clock}"


def day_at(moment: datetime) -> str:
    """ "Tue 4 Mar at 14:05": a moment on the local clock, as a sentence names it."""
    moment = local(moment)
    return f"{day_text(moment.date())} at {time_text(moment)}"


def moment_day(moment: datetime, *, year: bool = True) -> str:
    """The local day of an aware moment, "Tue 4 Mar 2025"."""
    return day_text(local(moment).date(), year=year)


def week_text(monday: date) -> str:
    """ "3–9 Mar 2025", "28 Apr – 4 May 2025", "29 Dec 2025 – 4 Jan 2026"."""
    sunday = monday + timedelta(days=6)
    if monday.year != sunday.year:
        return f"{short_date(monday, year=True)} – {short_date(sunday, year=True)}"
    if monday.month != sunday.month:
        return f"{short_date(monday)} – {short_date(sunday, year=True)}"
    return f"{monday.day}–{short_date(sunday, year=True)}"


def file_date(d: date | datetime, *, clock: bool = False) -> str:
    """ "2025-03-04" (``clock``: "2025-03-04 1405") for file names, which sort by it."""
    day = f"{d.year:04d}-{d.month:02d}-{d.day:02d}"
    return f"{day} {d.hour:02d}{d.minute:02d}" if clock and isinstance(d, datetime) else day


def sort_key(moment: datetime) -> str:
    """A text that sorts as the moments do (for a table's sort role, never shown)."""
    return f"{moment.timestamp():020.3f}"


def axis_format(*, months: bool) -> str:
    """A chart's date axis: "4 Mar", or "Mar 2025" over a long span (``months``)."""
    return "MMM yyyy" if months else "d MMM"


TYPED_FORMATS = ("d MMM yyyy", "d MMMM yyyy", "ddd d MMM yyyy", "dddd d MMMM yyyy")


def parse_day(text: str) -> date | None:
    """A typed day: "4 Mar 2025" (as the GUI writes it, also "4 March 2025" or with
    the weekday) or "2025-03-04"; '' -> None; anything else raises ValueError."""
    text = " ".join(text.replace(",", " ").split())
    if not text:
        return None
    for shape in TYPED_FORMATS:
        typed = LOCALE.toDate(text, shape)
        if typed.isValid():
            return pydate(typed)
    return date.fromisoformat(text)


DATE_FIELD_FORMAT = "ddd d MMM yyyy"
DATE_TIME_FIELD_FORMAT = "ddd d MMM yyyy  HH:mm"


def date_field_format(*, with_time: bool = False) -> str:
    """The display format of date (and date-and-time) fields: "Tue 4 Mar 2025"."""
    return DATE_TIME_FIELD_FORMAT if with_time else DATE_FIELD_FORMAT


E = TypeVar("E", bound=QDateTimeEdit)
FIRST_DATE = QDate(1900, 1, 1)
LAST_DATE = QDate(2200, 12, 31)


def date_field(edit: E) -> E:
    """Make ``edit`` (a QDateEdit or QDateTimeEdit) a date field like every other:
    a calendar pop-up, the GUI's locale, "Tue 4 Mar 2025" (with "  14:05" for a time)."""
    edit.setCalendarPopup(True)
    edit.setLocale(LOCALE)
    edit.setDisplayFormat(date_field_format(with_time=not isinstance(edit, QDateEdit)))
    edit.setMinimumDate(FIRST_DATE)  # the calendar the app books in (1900–2200)
    edit.setMaximumDate(LAST_DATE)
    return edit
