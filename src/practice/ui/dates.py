"""Dates as the GUI shows them ("Tue 4 Mar"), through one QLocale.

The GUI speaks English, so its dates do too, whatever the computer's own locale;
changing ``LOCALE`` changes every date these helpers write.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale

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
