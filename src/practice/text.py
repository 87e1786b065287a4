"""Words the GUI shows, written here in English and translated by Qt when shown.

The layers below the GUI (``domain``, ``db``, ``services``) never import Qt, yet what
they say to the therapist (a refused save, a label, a suggestion) must reach the
screen in the GUI's language. They mark it with :func:`QT_TRANSLATE_NOOP` (the name
Qt's ``lupdate`` looks for, so the text lands in ``resources/translations``):

    raise ServiceError(QT_TRANSLATE_NOOP("appointments", "{name} has no session then.")
                       .format(name=client.display_name))

The result is still a ``str`` in English (the command line and the log use it as
is); it also remembers its context, its template and its values, so that
``practice.ui.i18n.translated`` can translate the template and fill in the values.
Values may be marked text themselves; they are translated in turn. A day or a time
inside a message is passed through :func:`shown_date`: it reads as the English the
service wrote ("4 Mar 2025") and is written in the GUI's locale when translated.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any


class Marked(str):
    """Marked text before its values: ``QT_TRANSLATE_NOOP(context, source)``."""

    context: str

    def __new__(cls, context: str, source: str) -> Marked:
        template = super().__new__(cls, source)
        template.context = context
        return template

    def format(self, *args: object, **values: Any) -> Text:  # noqa: D102 (str.format)
        if args:
            raise TypeError("marked text takes named values only: {name}, not {}")
        return Text(self, values)


class Text(str):
    """Marked text with its values filled in: English as a ``str``, translatable later."""

    template: Marked
    values: dict[str, Any]

    def __new__(cls, template: Marked, values: dict[str, Any]) -> Text:
        text = super().__new__(cls, str.format(template, **values))
        text.template = template
        text.values = dict(values)
        return text


class Joined(str):
    """Several marked texts in a row (``", "`` between), each translated when shown."""

    items: tuple[str, ...]
    separator: str
    lowered: bool

    def __new__(cls, items: Iterable[str], separator: str = ", ", *, lower: bool = False) -> Joined:
        listed = tuple(items)
        text = super().__new__(cls, separator.join(i.lower() if lower else i for i in listed))
        text.items, text.separator, text.lowered = listed, separator, lower
        return text


def joined(items: Iterable[str], separator: str = ", ", *, lower: bool = False) -> Joined:
    """``items`` one after another, each still translatable (``lower``: in lower case,
    as inside a sentence); ``", ".join`` would leave them English."""
    return Joined(items, separator, lower=lower)


class Numeric(str):
    """Numbers written the English way ("1.3 \u2192 2.7", "\u22120.5"): the command line and
    the PDFs use them as they are; ``practice.ui.i18n.translated`` writes them with the
    GUI locale's decimal point ("1,3 \u2192 2,7" in Spanish)."""


def numeric(text: str) -> Numeric:
    """Mark ``text`` (digits, signs, decimal points, arrows only) as numbers to show."""
    return Numeric(text)


def QT_TRANSLATE_NOOP(context: str, source: str) -> Marked:  # noqa: N802 (Qt's name)
    """Mark ``source`` for translation in ``context``; it stays English until shown."""
    return Marked(context, source)


class _ShownDate(date):
    """A day that formats as its English text (``str.format``) and stays a ``date``."""

    english_format: str

    def __format__(self, spec: str) -> str:
        plain = date(self.year, self.month, self.day)
        return format(plain, spec) if spec else self.english_format.format(plain)

    def __str__(self) -> str:
        return format(self, "")


class _ShownDateTime(datetime):
    """A moment that formats as its English text (``str.format``) and stays a ``datetime``."""

    english_format: str

    def __format__(self, spec: str) -> str:
        plain = datetime.combine(self.date(), self.timetz())
        return format(plain, spec) if spec else self.english_format.format(plain)

    def __str__(self) -> str:
        return format(self, "")


def shown_date(value: date, english_format: str) -> date:
    """``value`` for a marked message: ``{day}`` in it reads as ``english_format`` (a
    ``str.format`` pattern with the date as ``{0}``, e.g. ``"{0:%d %b %Y}"`` or
    ``"{0:%a} {0.day} {0:%b}"``) in English, and ``practice.ui.i18n.translated``
    writes it in the GUI's locale instead."""
    if isinstance(value, datetime):
        moment = _ShownDateTime(
            value.year, value.month, value.day, value.hour, value.minute, value.second,
            value.microsecond, value.tzinfo, fold=value.fold,
        )  # fmt: skip
        moment.english_format = english_format
        return moment
    day = _ShownDate(value.year, value.month, value.day)
    day.english_format = english_format
    return day
