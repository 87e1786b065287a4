"""The client's personal goals (the idiographic measure): up to three, each rated 0–10
in sessions, with which end of the scale is better (docs/clinical.md, Outcome measures).

Saved with ``measures.set_goals``: a goal whose text and direction are unchanged keeps
its ratings; a changed or removed one is retired (its ratings stay in the record).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from practice.db.engine import Database
from practice.domain.measures import GOALS_MAX
from practice.services import measures
from practice.services.measures import GOAL_TEXT_MAX, GoalInput, GoalView
from practice.ui import i18n, theme
from practice.ui.actions import run_action
from practice.ui.session_steps import heading, intro
from practice.ui.unsaved import EditTracker, may_leave
from practice.ui.widgets import error_label

COUNT_FROM = 40  # the counter shows this many characters before the limit


@dataclass
class GoalFields:
    text: QLineEdit
    direction: QComboBox
    error: QLabel
    count: QLabel  # "180 of 200", shown near the limit and red past it

    @property
    def higher_is_better(self) -> bool:
        return bool(self.direction.currentData())


class GoalsTab(QWidget):
    """Emits ``saved`` after the goals were saved."""

    saved = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = database
        self.client_id: int | None = None
        self.goals: list[GoalView] = []
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.rows: list[GoalFields] = []
        for i in range(GOALS_MAX):
            number = i + 1
            # no maxLength: a pasted longer text would be cut without a word; the counter
            # turns red past the limit and the save is refused, keeping every letter
            text = QLineEdit()
            text.setPlaceholderText(
                self.tr("For example: sleep through the night") if i == 0 else ""
            )
            text.setAccessibleName(self.tr("Goal {number}").format(number=number))
            direction = QComboBox()
            direction.addItem(self.tr("Higher is better"), True)
            direction.addItem(self.tr("Lower is better"), False)
            # the open list as wide as its longest item and the tick before it, never cut
            # (the themes' item size leaves the tick's room out)
            metrics = direction.fontMetrics()
            longest = max(
                metrics.horizontalAdvance(direction.itemText(k)) for k in range(direction.count())
            )
            direction.view().setMinimumWidth(longest + 3 * metrics.height() + 8)
            direction.setAccessibleName(
                self.tr("Which end is better for goal {number}").format(number=number)
            )
            error = error_label()
            count = QLabel()
            # the counter's line is kept even while it is empty: the rows below never move
            # when it appears
            count.setMinimumHeight(count.fontMetrics().height())
            text.textChanged.connect(lambda _t, i=i: self._count(i))
            text.textEdited.connect(lambda _t, i=i: self._edited(i))
            grid.addWidget(QLabel(self.tr("Goal {number}").format(number=number)), 2 * i, 0)
            grid.addWidget(text, 2 * i, 1)
            grid.addWidget(direction, 2 * i, 2)
            grid.addWidget(error, 2 * i + 1, 1)
            grid.addWidget(count, 2 * i + 1, 2, Qt.AlignmentFlag.AlignRight)
            self.rows.append(GoalFields(text, direction, error, count))
        self.error = error_label()
        self.status = QLabel()
        theme.set_role(self.status, "success")
        self.save_button = QPushButton(self.tr("Save goals"))
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Personal goals")))
        layout.addWidget(
            intro(
                self.tr(
                    "Up to three goals or problems in the client's own words. Each is rated "
                    "from 0 to 10 in the session panel's Measures step; say which end is better."
                )
            )
        )
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.tracker = EditTracker(self)

    @property
    def is_dirty(self) -> bool:
        """True when a goal or its direction differs from what was loaded or saved."""
        return self.tracker.dirty

    def may_leave(self) -> bool:
        """Ask Save / Discard / Cancel when typed goals would be lost; True when the
        user may go on (nothing changed, saved, or discarded)."""
        if not may_leave(self, self.is_dirty, self._saved_ok, self.tr("the goals")):
            return False
        if self.is_dirty:  # discarded: the saved goals back
            self._fill(self.goals)
        return True

    def _saved_ok(self) -> bool:
        self.save()
        return not self.is_dirty

    def show_client(self, client_id: int | None) -> None:
        if client_id == self.client_id and self.is_dirty:
            return  # the same client again (a refresh): the typed goals stay
        self.client_id = client_id
        self.status.clear()
        goals = (
            run_action(self, self._db, lambda s: measures.goals_for(s, client_id))
            if client_id is not None
            else []
        )
        self._fill(goals or [])

    def reload(self, client_id: int) -> None:
        """Read the goals again, typed ones or not (a save refused: changed elsewhere)."""
        self.client_id = None
        self.show_client(client_id)

    def _fill(self, goals: list[GoalView]) -> None:
        self.goals = goals
        self._show_errors({})
        for i, row in enumerate(self.rows):
            goal = goals[i] if i < len(goals) else None
            row.text.setText(goal.text if goal else "")
            row.direction.setCurrentIndex(0 if goal is None or goal.higher_is_better else 1)
        self.tracker.mark_clean()

    def _count(self, i: int) -> None:
        """Show goal ``i``'s length against the limit once it is near (red past it)."""
        row = self.rows[i]
        length = len(row.text.text().strip())
        near = length >= GOAL_TEXT_MAX - COUNT_FROM
        row.count.setText(  # far from the limit: its line stays, empty
            self.tr("{count} of {limit} characters").format(count=length, limit=GOAL_TEXT_MAX)
            if near
            else ""
        )
        theme.set_role(row.count, "danger" if length > GOAL_TEXT_MAX else "muted")

    def _edited(self, i: int) -> None:
        """A goal's text changed: its message (and the general one) no longer applies."""
        row = self.rows[i]
        row.error.clear()
        row.error.hide()
        self.error.clear()
        self.error.hide()
        self.status.clear()

    def save(self) -> None:
        if self.client_id is None:
            return
        client_id = self.client_id
        filled = [i for i, row in enumerate(self.rows) if row.text.text().strip()]
        # a goal row left empty between two others is said, not skipped silently
        upto = (max(filled) + 1) if filled else 0
        chosen = list(range(upto))
        goals = [GoalInput(self.rows[i].text.text(), self.rows[i].higher_is_better) for i in chosen]
        self.status.clear()
        loaded = list(self.goals)  # as the user saw them: refused when changed meanwhile
        saved = run_action(
            self,
            self._db,
            lambda s: measures.set_goals(s, client_id, goals, loaded=loaded),
            on_validation=self._show_errors,
            kept_input=True,
            on_reload=lambda: self.reload(client_id),
            typed=lambda: "\n".join(g.text for g in goals if g.text.strip()),
            keep=self.tracker,
        )
        if saved is None:
            return
        self._fill(saved)
        self.status.setText(self.tr("Goals saved."))
        self.saved.emit()

    def _show_errors(self, errors: dict[str, str]) -> None:
        for i, row in enumerate(self.rows):
            message = i18n.translated(errors.get(f"goals[{i}]", ""))
            row.error.setText(message)
            row.error.setVisible(bool(message))
        general = i18n.translated(errors.get("goals", ""))
        self.error.setText(general)
        self.error.setVisible(bool(general))
