"""What the user changed in a form, kept across a reload (issue 17: a save refused
because the row changed on another computer).

:func:`practice.ui.actions.guarded` takes a snapshot (:func:`changes`) of every field the
user changed: its value now against the value the form was loaded with (the form's
:class:`~practice.ui.unsaved.EditTracker`). Reload then loads the other computer's
version into the form (the form's ``on_reload`` hook, which marks it clean again), and
:meth:`Changes.put_back` sets each changed field back to what the user typed: fields the
user did not touch show the new values, the form is dirty, and the next save is made
over the version just loaded. A field changed on both computers keeps the user's value;
the other computer's value is listed (:attr:`Changes.clashes`) so nothing is lost
silently either way. See docs/small-practice.md, "Nothing is lost".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from practice.ui.notices import BOX_WIDTH_CSS
from practice.ui.unsaved import EditTracker, editable_fields, value_of


def set_value(widget: QWidget, value: Any) -> None:
    """Put ``value`` (as :func:`~practice.ui.unsaved.value_of` read it) back in ``widget``."""
    if isinstance(widget, QLineEdit):
        widget.setText(value)
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        widget.setPlainText(value)
    elif isinstance(widget, QComboBox):
        index, text = value
        found = widget.findText(text)
        if found >= 0:
            widget.setCurrentIndex(found)
        elif widget.isEditable():
            widget.setEditText(text)
        else:
            widget.setCurrentIndex(index)
    elif isinstance(widget, QDateTimeEdit):
        widget.setDateTime(value)
    elif isinstance(widget, QAbstractSpinBox):
        line = widget.findChild(QLineEdit)
        if line is not None:
            line.setText(value)
            widget.interpretText()
    elif isinstance(widget, QAbstractButton):
        widget.setChecked(value)


def shown(value: Any) -> str:
    """A field's value as words for the user."""
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("kept", "Yes")
            if value
            else QCoreApplication.translate("kept", "No")
        )
    if isinstance(value, tuple):  # a combo box: (index, text)
        return str(value[1])
    if hasattr(value, "toString"):  # a QDateTime
        return str(value.toString())
    return str(value)


def label_of(widget: QWidget) -> str:
    """The field's name as the form shows it (its label names it for a screen reader)."""
    name = widget.accessibleName()
    if not name and isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        name = widget.placeholderText()
    return name or widget.toolTip() or QCoreApplication.translate("kept", "A field")


@dataclass
class Changes:
    """The fields the user changed: (widget, value loaded, value typed)."""

    changed: list[tuple[QWidget, Any, Any]] = field(default_factory=list)
    clashes: list[tuple[str, str]] = field(default_factory=list)  # (field, other value)

    def __bool__(self) -> bool:
        return bool(self.changed)

    def described(self) -> str:
        """The user's changes, one per line: "Preferred name: Lori"."""
        return "\n".join(
            QCoreApplication.translate("kept", "{field}: {value}").format(
                field=label_of(w), value=shown(typed)
            )
            for w, _, typed in self.changed
        )

    def put_back(self) -> None:
        """After the reload: each changed field gets the user's value again; a field the
        other computer changed too is listed in :attr:`clashes` with its new value."""
        self.clashes = []
        for widget, loaded, typed in self.changed:
            now = value_of(widget)
            if now != loaded and now != typed:
                self.clashes.append((label_of(widget), shown(now)))
            set_value(widget, typed)


def changes(tracker: EditTracker) -> Changes:
    """The fields under the tracker's form that differ from what the form was loaded with."""
    fields = editable_fields(tracker.root)
    loaded = tracker.clean_values
    if len(fields) != len(loaded):
        return Changes()  # the form was rebuilt since it was loaded: nothing to match
    return Changes(
        [
            (w, was, now)
            for w, was in zip(fields, loaded, strict=True)
            if (now := value_of(w)) != was
        ]
    )


def kept_box(kept: Changes, parent: QWidget | None = None) -> QMessageBox:
    """Said after Reload: the user's changes are back in the form, to check and save."""
    box = QMessageBox(parent)
    box.setObjectName("changesKept")  # not translated: an object name
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("kept", "Your changes are kept"))
    box.setText(
        QCoreApplication.translate(
            "kept", "Your changes are kept in the form; check them and save again."
        )
    )
    if kept.clashes:
        box.setInformativeText(
            QCoreApplication.translate(
                "kept",
                "The other computer changed some of the same fields. The form shows what "
                "you typed; Show Details lists the other computer's values.",
            )
        )
        box.setDetailedText(
            "\n".join(
                QCoreApplication.translate("kept", "{field}: {value}").format(
                    field=name, value=value
                )
                for name, value in kept.clashes
            )
        )
    else:
        box.setInformativeText(
            QCoreApplication.translate(
                "kept", "The fields you did not change show the other computer's version."
            )
        )
    box.setStyleSheet(BOX_WIDTH_CSS)
    box.addButton(QMessageBox.StandardButton.Ok)
    return box
