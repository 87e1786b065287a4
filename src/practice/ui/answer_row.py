"""One question of a PHQ-9 or GAD-7 and its answers: the session panel's Measures step
and the dialog that enters a returned paper form both show their questions with it.

The question's exact validated wording (docs/clinical.md, Outcome measures) with the
"Clear" button beside it, and below the answers as radio buttons, "0  Not at all" …
"3  Nearly every day" (Tab to the question, arrow keys or Space to answer). No answer is
ticked until one is chosen, and "Clear" leaves the question unanswered again: an
unanswered question is ``None``, never read as 0.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from practice.ui.widgets import FlowLayout

ITEM_STYLE = "font-size: 10.5pt;"  # not translated: a style sheet


class AnswerRow(QWidget):
    """``number``: the question's number (None for the difficulty question).
    ``answered`` is emitted when the therapist ticks an answer (its value) or clears it
    (None); ``set_value`` emits nothing."""

    answered = Signal(object)

    def __init__(
        self,
        number: int | None,
        text: str,
        options: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.number = number
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(2)
        label = QLabel(f"{number}.  {text}" if number else text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setStyleSheet(ITEM_STYLE)
        self.label = label
        self.clear_button = QToolButton()  # as wide as its word, beside the question
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setAutoRaise(True)
        # never narrower than its word: the wording wraps instead (Spanish "Borrar")
        self.clear_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.clear_button.setToolTip(self.tr("Leave this question unanswered"))
        self.clear_button.setAccessibleName(
            self.tr("Clear the answer to question {number}").format(number=number)
            if number
            else self.tr("Clear this answer")
        )
        self.clear_button.clicked.connect(lambda: self.set_value(None, notify=True))
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(label, 1)
        top.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        # the buttons in a widget of their own: arrow keys move among this question's
        # answers only, Tab goes on to the next question
        row = QWidget()
        buttons = FlowLayout(row)  # wraps on a small screen instead of scrolling sideways
        buttons.setContentsMargins(18, 0, 0, 0)
        buttons.setSpacing(10)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[QRadioButton] = []
        for value, option in enumerate(options):
            button = QRadioButton(f"{value}  {option}")
            button.setAccessibleName(
                self.tr("Question {number}: {answer}").format(number=number, answer=option)
                if number
                else option
            )
            self.group.addButton(button, value)
            self.buttons.append(button)
            buttons.addWidget(button)
        self.group.idClicked.connect(self.answered.emit)
        layout.addWidget(row)

    @property
    def value(self) -> int | None:
        checked = self.group.checkedId()
        return None if checked < 0 else checked

    def button(self, value: int | None) -> QAbstractButton:
        """The button that gives ``value``: an answer's, or "Clear" for None."""
        return self.clear_button if value is None else self.buttons[value]

    def set_value(self, value: int | None, *, notify: bool = False) -> None:
        if value is None:
            self.group.setExclusive(False)  # an exclusive group keeps one ticked
            for button in self.buttons:
                button.setChecked(False)
            self.group.setExclusive(True)
        else:
            self.buttons[value].setChecked(True)
        if notify:
            self.answered.emit(value)
