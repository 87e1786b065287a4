"""Step 4: zero or more new assignments, each with the assignment form.

On Finish, a new assignment of a template the client already has running asks
(``ui.running_homework``) whether it replaces the running one or both run; the
answer stays on the card, so finishing again does not ask again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from practice.domain.inputs import AssignmentInput
from practice.domain.session_draft import SessionDraft
from practice.domain.vocabulary import StageOfChange
from practice.services.homework import AssignmentView, RunningChoice
from practice.sheets.templates import TemplateLibrary
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import i18n, theme
from practice.ui.assignment_form import AssignmentForm
from practice.ui.reminder_defaults import with_practice_reminder
from practice.ui.running_homework import ask_about_running
from practice.ui.session_steps import StepPage, heading, intro

CARD_TITLE_STYLE = "font-weight: 600; font-size: 12pt;"
# and the "warning_box" role
RUNNING_STYLE = "padding: 4px 6px; border-radius: 3px;"  # not translated: a style sheet


class AssignmentCard(QGroupBox):
    def __init__(self, templates: TemplateLibrary, on_remove: Callable[[AssignmentCard], None]):
        super().__init__()
        self.heading = QLabel()
        self.heading.setStyleSheet(CARD_TITLE_STYLE)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Do not set this homework"))
        self.remove_button.clicked.connect(lambda: on_remove(self))
        self.form = AssignmentForm(templates)
        self.running_choice: RunningChoice | None = None  # asked on Finish
        self.running_label = QLabel()
        self.running_label.setWordWrap(True)
        self.running_label.setStyleSheet(RUNNING_STYLE)
        theme.set_role(self.running_label, "warning_box")
        self.running_label.hide()
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.remove_button)
        layout = self._layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.running_label)
        layout.addWidget(self.form)
        QWidget.setTabOrder(self.form.value_discussed, self.remove_button)

    def fit_width(self, width: int) -> None:
        """The form's two columns side by side when ``width`` holds them, else the texts
        below the task (the panel wraps on a small or scaled screen, never scrolls sideways)."""
        columns = self.form.layout()
        if not isinstance(columns, QBoxLayout):
            return
        items = [columns.itemAt(i) for i in range(columns.count())]
        parts = [item.minimumSize().width() for item in items if item is not None]
        margins = self.contentsMargins().left() + self.contentsMargins().right()
        margins += self._layout.contentsMargins().left() + self._layout.contentsMargins().right()
        wide = width >= sum(parts) + columns.spacing() * (len(parts) - 1) + margins
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if columns.direction() != direction:
            columns.setDirection(direction)


class AssignStep(StepPage):
    title = QT_TRANSLATE_NOOP("AssignStep", "Assign homework")
    error_prefixes = ("assignments[",)

    def __init__(
        self,
        templates: TemplateLibrary,
        defaults: Callable[[str], AssignmentInput],
        default_template: str,
    ) -> None:
        super().__init__()
        self._templates = templates
        self._defaults = defaults
        self._default_template = default_template
        self.cards: list[AssignmentCard] = []

        self.stage_hint = intro("")
        self.add_button = QPushButton(self.tr("Add homework  (Alt+A)"))
        self.add_button.clicked.connect(lambda: self.add_assignment())
        shortcut = QShortcut(QKeySequence("Alt+A"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda: self.add_assignment())
        self.none_label = intro(
            self.tr("No new homework yet. Add one, or go on to Done to finish without setting any.")
        )
        self.cards_column = QVBoxLayout()
        inner = QWidget()
        column = self._column = QVBoxLayout(inner)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Next homework")))
        top.addStretch(1)
        top.addWidget(self.add_button)
        column.addLayout(top)
        column.addWidget(self.stage_hint)
        column.addWidget(
            intro(
                self.tr(
                    "Level, language, large print and way to record come from the client's "
                    "profile; change them here for this task. The due date is the next "
                    "appointment."
                )
            )
        )
        column.addWidget(self.none_label)
        column.addLayout(self.cards_column)
        column.addStretch(1)
        self.scroller = QScrollArea()
        self.scroller.setAccessibleName(self.tr("Next homework"))
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroller)

    def set_stage(self, stage: StageOfChange | None) -> None:
        self.stage_hint.setVisible(stage is not None)
        if stage is None:
            self.stage_hint.setText("")
        else:
            self.stage_hint.setText(
                self.tr("Stage of change: <b>{stage}</b>. Homework that fits: {fits}").format(
                    stage=i18n.translated(stage.label),
                    fits=i18n.translated(stage.fitting_homework),
                )
            )

    def add_assignment(self, data: AssignmentInput | None = None) -> AssignmentCard:
        card = AssignmentCard(self._templates, self._remove)
        card.form.load(
            data
            if data is not None
            else with_practice_reminder(self._defaults(self._default_template))
        )
        self.cards.append(card)
        self.cards_column.addWidget(card)
        card.fit_width(self._card_width())
        self._renumber()
        card.form.focus_first()
        QTimer.singleShot(0, lambda: self.scroller.ensureWidgetVisible(card))
        return card

    def _card_width(self) -> int:
        """The width a card gets, leaving room for a vertical scroll bar."""
        width = self.scroller.width() - self.scroller.verticalScrollBar().sizeHint().width()
        margins = self._column.contentsMargins()
        return width - margins.left() - margins.right()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        for card in self.cards:
            card.fit_width(self._card_width())

    def _remove(self, card: AssignmentCard) -> None:
        self.cards.remove(card)
        card.setParent(None)
        card.deleteLater()
        self._renumber()
        self.add_button.setFocus()

    def _renumber(self) -> None:
        for i, card in enumerate(self.cards, start=1):
            card.heading.setText(self.tr("New homework {number}").format(number=i))
        self.none_label.setVisible(not self.cards)
        previous: QWidget = self.add_button
        for card in self.cards:
            QWidget.setTabOrder(previous, card.form.template)
            previous = card.remove_button

    # ----- StepPage ---------------------------------------------------------------
    def load(self, draft: SessionDraft) -> None:
        for card in list(self.cards):
            self.cards.remove(card)
            card.setParent(None)
            card.deleteLater()
        for data in draft.assignments:
            self.add_assignment(data)
        self._renumber()
        self.set_stage(draft.note.stage_of_change)

    def apply(self, draft: SessionDraft) -> SessionDraft:
        return replace(draft, assignments=tuple(card.form.read()[0] for card in self.cards))

    def parse_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        for i, card in enumerate(self.cards):
            for name, message in card.form.read()[1].items():
                errors[f"assignments[{i}].{name}"] = message
        return errors

    def show_errors(self, errors: dict[str, str]) -> int:
        shown = 0
        for i, card in enumerate(self.cards):
            prefix = f"assignments[{i}]."
            shown += card.form.show_errors(
                {k.removeprefix(prefix): v for k, v in errors.items() if k.startswith(prefix)}
            )
        return shown

    def decide_running(
        self, running: Mapping[int, AssignmentView | None]
    ) -> dict[int, RunningChoice] | None:
        """For each card (by index) whose template is running, ask Replace / Keep both;
        None when the therapist cancelled (that card is shown)."""
        choices: dict[int, RunningChoice] = {}
        for i, card in enumerate(self.cards):
            found = running.get(i)
            if found is None:
                card.running_choice = None
                card.running_label.hide()
                continue
            choice = card.running_choice
            if choice is None or choice.running_id != found.id:
                self.scroller.ensureWidgetVisible(card)
                choice = ask_about_running(self, found)
                if choice is None:
                    card.form.focus_first()
                    return None
                card.running_choice = choice
            said = (
                self.tr("Replaces the running {title} (code {code}).")
                if choice.replace
                else self.tr("Runs beside the running {title} (code {code}).")
            )
            card.running_label.setText(said.format(title=found.title, code=found.code))
            card.running_label.show()
            choices[i] = choice
        return choices

    def focus_first(self) -> None:
        if self.cards:
            self.cards[0].form.focus_first()
        else:
            self.add_button.setFocus()
