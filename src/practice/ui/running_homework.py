"""Asking before a task the client already has running is set again.

Two active records of the same template mean two sheets to keep and two reminders
at the same hour, so the therapist chooses knowingly: the new one replaces the
running one (which stops, with its reminders), or both run, or nothing is saved.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from practice.services.homework import AssignmentView, RunningChoice
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import i18n
from practice.ui.dates import short_date

QUESTION_TITLE = QT_TRANSLATE_NOOP("RunningQuestion", "This homework is already running")


class RunningQuestion(QMessageBox):
    """Replace the running <title> (since <date>)? Replace / Keep both / Cancel."""

    def __init__(self, running: AssignmentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.running = running
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(i18n.translated(QUESTION_TITLE))
        if running.start_date:
            question = QCoreApplication.translate(
                "RunningQuestion", "Replace the running {title} (since {day})?"
            ).format(title=running.title, day=short_date(running.start_date))
        else:
            question = QCoreApplication.translate(
                "RunningQuestion", "Replace the running {title}?"
            ).format(title=running.title)
        self.setText(question)
        self.setInformativeText(
            QCoreApplication.translate(
                "RunningQuestion",
                "Replace stops the running one and its reminders; it stays in the history, "
                "marked replaced. Keep both leaves two of this homework active, each with its "
                "own sheet and reminders.",
            )
        )
        self.replace_button = self.addButton(
            QCoreApplication.translate("RunningQuestion", "Replace"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        self.keep_button = self.addButton(
            QCoreApplication.translate("RunningQuestion", "Keep both"),
            QMessageBox.ButtonRole.ActionRole,
        )
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.replace_button)

    def choice(self) -> RunningChoice | None:
        """The button clicked as a choice; None for Cancel (or the box closed)."""
        clicked = self.clickedButton()
        if clicked is self.replace_button:
            return RunningChoice(self.running.id, replace=True)
        if clicked is self.keep_button:
            return RunningChoice(self.running.id, replace=False)
        return None


def ask_about_running(parent: QWidget | None, running: AssignmentView) -> RunningChoice | None:
    """Ask; the choice, or None when the therapist cancelled (nothing is to be saved)."""
    box = RunningQuestion(running, parent)
    box.exec()
    choice = box.choice()
    box.deleteLater()
    return choice
