"""Dates and numbers as the GUI shows them ("Tue 4 Mar"), in the GUI language's locale.

Every date the GUI shows goes through these helpers (a test reads the GUI's source
for any other date formatting): "Tue 4 Mar" / "4 Mar 2025" for days (the one short
format), "Tuesday 4 March 2025" (the one long format), "Tue 4 Mar 2025, 14:05" for
moments, 24-hour times, and date fields with a calendar pop-up (``date_field``).

The locale is the default ``QLocale()``, which ``practice.ui.i18n.install`` sets to
the GUI's language (US English or Latin-American Spanish), whatever the computer's
own: month and day names, the first day of the week in calendars and the decimal
point of numbers (``decimal_text``) follow it. In Spanish: "mar 4 mar",
"martes, 4 de marzo de 2025".
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime
from PySide6.QtWidgets import QCalendarWidget, QDateEdit, QDateTimeEdit

ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
# The one long format of each language (the short family is the same pattern in both:
# "ddd d MMM yyyy" reads "Tue 4 Mar 2025" / "mar 4 mar 2025").
LONG_FORMATS = {
    QLocale.Language.Spanish: "dddd, d 'de' MMMM 'de' yyyy",
}
LONG_FORMAT = "dddd d MMMM yyyy"


def locale() -> QLocale:
    """The GUI language's locale (the default one ``i18n.install`` set)."""
    return QLocale()


def qdate(d: date) -> QDate:
    """``d`` as a QDate (for date edits and ``locale()``)."""
    return QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> date:
    """A date edit's QDate as a ``date``."""
    return date(q.year(), q.month(), q.day())


def short_date(d: date, *, year: bool = False) -> str:
    """ "3 Mar", or "3 Mar 2025" with the year."""
    return locale().toString(qdate(d), "d MMM yyyy" if year else "d MMM")


def day_text(d: date, *, year: bool = False) -> str:
    """ "Tue 4 Mar", or "Tue 4 Mar 2025" with the year."""
    return locale().toString(qdate(d), "ddd d MMM yyyy" if year else "ddd d MMM")


def weekday_text(d: date) -> str:
    """ "Mon 30" ("lun 30"): a day within a week shown, as the Agenda heads its columns."""
    return locale().toString(qdate(d), "ddd d")


def long_date(d: date) -> str:
    """ "Tuesday 4 March 2025" ("martes, 4 de marzo de 2025"): the one long format."""
    here = locale()
    return here.toString(qdate(d), LONG_FORMATS.get(here.language(), LONG_FORMAT))


def month_text(d: date, *, year: bool = False) -> str:
    """ "Mar", or "Mar 2025" with the year."""
    return locale().toString(qdate(d), "MMM yyyy" if year else "MMM")


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
    return QCoreApplication.translate("dates", "{day} at {time}").format(
        day=day_text(moment.date()), time=time_text(moment)
    )


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
TYPED_NUMERIC = {QLocale.Language.Spanish: ("d/M/yyyy", "d-M-yyyy")}  # 4/3/2025: 4 March
FILLER_WORDS = {"de", "del"}  # "4 de marzo de 2025"


def parse_day(text: str) -> date | None:
    """A typed day: "4 Mar 2025" (as the GUI writes it, also "4 March 2025" or with
    the weekday), in the GUI's language or English ("martes, 4 de marzo de 2025",
    "4 mar. 2025", and "4/3/2025" in Spanish), or "2025-03-04"; '' -> None; anything
    else raises ValueError."""
    words = text.replace(",", " ").replace(".", " ").split()
    text = " ".join(w for w in words if w.lower() not in FILLER_WORDS)
    if not text:
        return None
    here = locale()
    for where in (here, ENGLISH):
        shapes = TYPED_FORMATS + TYPED_NUMERIC.get(where.language(), ())
        for shape in shapes:
            typed = where.toDate(text, shape)
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
    a calendar pop-up starting on the locale's first day of the week, the GUI's locale,
    "Tue 4 Mar 2025" (with "  14:05" for a time)."""
    edit.setLocale(locale())
    edit.setCalendarPopup(True)
    calendar(edit.calendarWidget())
    edit.setDisplayFormat(date_field_format(with_time=not isinstance(edit, QDateEdit)))
    edit.setMinimumDate(FIRST_DATE)  # the calendar the app books in (1900–2200)
    edit.setMaximumDate(LAST_DATE)
    edit.setMinimumWidth(_widest_date_width(edit))
    return edit


def _widest_date_width(edit: QDateTimeEdit) -> int:
    """The width ``edit`` needs to show its longest date in the locale whole (Qt sizes a
    date field by its first and last dates only: "lun 1 ene 1900" is shorter than
    "mié 24 sept 2025")."""
    metrics = edit.fontMetrics()
    here, shape = edit.locale(), edit.displayFormat()
    sample = QDateTime(QDate(2025, 1, 22), QTime(23, 58))  # two-digit days

    def width(moment: QDateTime) -> int:
        return metrics.horizontalAdvance(here.toString(moment, shape))

    days = [sample.addDays(offset) for offset in range(7)]  # every weekday
    months = [sample.addMonths(m) for m in range(12)]  # every month
    widest = max(width(moment) for moment in days + months)
    # the field's frame, padding and calendar button: what Qt adds to its own widest text
    own = max(width(edit.minimumDateTime()), width(edit.maximumDateTime()))
    return edit.sizeHint().width() - own + widest + 2


def calendar(widget: QCalendarWidget) -> QCalendarWidget:
    """A calendar in the GUI's locale: its month and day names, and its weeks starting
    on the locale's first day (Monday in Spanish, Sunday in US English)."""
    here = locale()
    widget.setLocale(here)
    widget.setFirstDayOfWeek(here.firstDayOfWeek())
    return widget


def decimal_text(value: float, decimals: int = 1) -> str:
    """A number as the GUI's locale writes it, to at most ``decimals`` places, trailing
    zeros dropped: "2.5", "3" (a decimal comma where the locale has one: "2,5")."""
    text = locale().toString(float(value), "f", decimals)
    point = locale().decimalPoint()
    if point in text:
        text = text.rstrip("0").rstrip(point)
    return text


def fixed_text(value: float, decimals: int = 1) -> str:
    """A number with exactly ``decimals`` places in the GUI's locale: "1.5" ("1,5")."""
    return locale().toString(float(value), "f", decimals)
