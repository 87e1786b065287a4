"""Unsaved edits: notice them and ask Save / Discard / Cancel before they would be lost.

Every editor (the client profile, the appointment and homework dialogs, security
settings, ...) uses the same two pieces:

* :class:`EditTracker` remembers what the editable fields under a widget held when
  the editor was filled (:meth:`EditTracker.mark_clean`) and says whether anything
  differs now (:attr:`EditTracker.dirty`);
* :func:`ask_unsaved` asks the one question, :func:`may_leave` asks it only when
  something changed and runs the editor's save when the answer is Save;
* :class:`DialogGuard` does both for a dialog: Esc, the window's X and the buttons
  it is given (Cancel, Close) ask before the dialog's fields are thrown away. A
  dialog closed by the program (the auto-lock, a test) is not asked about.

Cancel always keeps the user where they were, with the edits intact.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from practice.text import QT_TRANSLATE_NOOP
from practice.ui.i18n import translated

TITLE = QT_TRANSLATE_NOOP("unsaved", "Unsaved changes")
THIS_FORM = QT_TRANSLATE_NOOP("unsaved", "this form")


class Choice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved(
    parent: QWidget | None, what: str = THIS_FORM, default: Choice = Choice.SAVE
) -> Choice:
    """Ask what to do with unsaved changes to ``what``; Esc or closing the box is Cancel.
    Enter picks ``default``: Save, except after the user's own Revert, where it is
    Discard (they asked to throw the edits away). ``what`` may be marked text
    (``QT_TRANSLATE_NOOP``) or already translated."""
    box = QMessageBox(parent)
    box.setObjectName("unsavedChanges")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translated(TITLE))
    box.setText(
        QCoreApplication.translate(
            "unsaved", "You changed {what} and have not saved the changes yet."
        ).format(what=translated(what))
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "unsaved", "Save them now, discard them, or go back and keep editing?"
        )
    )
    save = box.addButton(
        QCoreApplication.translate("unsaved", "Save"), QMessageBox.ButtonRole.AcceptRole
    )
    discard = box.addButton(
        QCoreApplication.translate("unsaved", "Discard changes"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    cancel = box.addButton(
        QCoreApplication.translate("unsaved", "Keep editing"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton({Choice.SAVE: save, Choice.DISCARD: discard}.get(default, cancel))
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return Choice.SAVE
    if clicked is discard:
        return Choice.DISCARD
    return Choice.CANCEL


def may_leave(
    parent: QWidget | None, dirty: bool, save: Callable[[], bool], what: str = THIS_FORM
) -> bool:
    """True when the editor may be left: nothing changed, the changes were saved, or the
    user chose to discard them. False (stay, edits kept) on Cancel or a failed save."""
    if not dirty:
        return True
    choice = ask_unsaved(parent, what)
    if choice is Choice.SAVE:
        return save()
    return choice is Choice.DISCARD


def editable_fields(root: QWidget) -> list[QWidget]:
    """Every editable field under ``root`` (hidden ones too), in a stable order."""
    fields: list[QWidget] = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)) and widget.isReadOnly():
            continue  # shown, not edited
        if isinstance(widget, QLineEdit):
            if isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
                continue  # the combo or spin box's own value counts
            fields.append(widget)
        elif isinstance(widget, (QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox)) or (
            isinstance(widget, QAbstractButton) and widget.isCheckable()
        ):
            fields.append(widget)
    return fields


def value_of(widget: QWidget) -> Any:
    """What one editable field holds now."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTime()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    return None


def field_values(root: QWidget) -> tuple[Any, ...]:
    """What every editable field under ``root`` holds now (hidden ones too)."""
    return tuple(value_of(widget) for widget in editable_fields(root))


class EditTracker:
    """Whether the fields under ``root`` changed since :meth:`mark_clean`."""

    def __init__(self, root: QWidget) -> None:
        self.root = root
        self._clean: tuple[Any, ...] = field_values(root)

    def mark_clean(self) -> None:
        self._clean = field_values(self.root)

    @property
    def clean_values(self) -> tuple[Any, ...]:
        """What the fields held when the form was last loaded or saved."""
        return self._clean

    @property
    def dirty(self) -> bool:
        return field_values(self.root) != self._clean


class DialogGuard(QObject):
    """Ask before a dialog's changed fields are lost (Esc, the window's X, :meth:`reject`).

    ``save`` is what Save in the question does; it returns True when the dialog
    should then close (it saved in place), False when it stays open or closed
    itself (accepted). ``is_dirty`` defaults to "a field under ``root`` (the
    dialog) changed since the guard was made or :meth:`mark_clean`".
    """

    def __init__(
        self,
        dialog: QDialog,
        save: Callable[[], bool],
        what: str,
        *,
        root: QWidget | None = None,
        is_dirty: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.save = save
        self.what = what
        self.tracker = EditTracker(root or dialog)
        self._is_dirty = is_dirty
        dialog.installEventFilter(self)

    def mark_clean(self) -> None:
        self.tracker.mark_clean()

    @property
    def dirty(self) -> bool:
        if self._is_dirty is not None:
            return self._is_dirty()
        return self.tracker.dirty

    def may_leave(self) -> bool:
        """True: the dialog may close now; False: it stays (or closed itself on save)."""
        if not self.dirty:
            return True
        choice = ask_unsaved(self.dialog, self.what)
        if choice is Choice.CANCEL:
            return False
        if choice is Choice.DISCARD:
            return True
        return self.save() and self.dialog.isVisible()

    def reject(self) -> None:
        """For a Cancel or Close button: ask, then reject the dialog."""
        if self.may_leave():
            self.dialog.reject()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The event type first: while a dialog is destroyed it still gets events, after
        # this guard's Python half is gone (its attributes with it).
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.Close):
            return False
        if watched is not self.dialog:
            return False
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape and not event.modifiers():
                self.reject()
                return True
        elif event.type() == QEvent.Type.Close and event.spontaneous() and not self.may_leave():
            event.ignore()  # the window's X, and Keep editing (or a failed save)
            return True
        return False
