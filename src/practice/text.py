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
Values may be marked text themselves; they are translated in turn.
"""

from __future__ import annotations

from typing import Any


class Template(str):
    """Marked text before its values: ``QT_TRANSLATE_NOOP(context, source)``."""

    context: str

    def __new__(cls, context: str, source: str) -> Template:
        template = super().__new__(cls, source)
        template.context = context
        return template

    def format(self, *args: object, **values: Any) -> Text:  # noqa: D102 (str.format)
        if args:
            raise TypeError("marked text takes named values only: {name}, not {}")
        return Text(self, values)


class Text(str):
    """Marked text with its values filled in: English as a ``str``, translatable later."""

    template: Template
    values: dict[str, Any]

    def __new__(cls, template: Template, values: dict[str, Any]) -> Text:
        text = super().__new__(cls, str.format(template, **values))
        text.template = template
        text.values = dict(values)
        return text


def QT_TRANSLATE_NOOP(context: str, source: str) -> Template:  # noqa: N802 (Qt's name)
    """Mark ``source`` for translation in ``context``; it stays English until shown."""
    return Template(context, source)
