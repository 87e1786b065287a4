"""Step 5 (optional): the client's answers to a PHQ-9, a GAD-7 and their goal ratings.

Each question shows its exact validated wording (docs/clinical.md, Outcome measures)
in the GUI's language, with its four answers as radio buttons (Tab to the question,
arrow keys or Space to answer, "Clear" to leave it unanswered again). The total, the
band and what is missing are shown as the answers come. A question left unanswered
stays unanswered (never 0). An answer above 0 to PHQ-9 question 9 emits
``risk_answer``: the panel records the PHQ-9 at once and opens the risk alert. The
form stays open: the other answers, and corrections, update that same PHQ-9 (question 9
at once, ``risk_changed``; the rest when the session finishes), never a second one. A
preparation draft (before the appointment's day) takes no measures: the client is
not there, so the step says so and shows no form.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from practice.domain.measures import (
    GAD7,
    PHQ9,
    RATING_MAX,
    RISK_ITEM,
    MeasureKind,
    Questionnaire,
    score,
)
from practice.domain.session_draft import MeasuresDraft, SessionDraft
from practice.services.measures import GoalView
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import i18n, theme
from practice.ui.answer_row import ITEM_STYLE, AnswerRow
from practice.ui.risk_alert_dialog import gui_language
from practice.ui.session_steps import StepPage, heading, intro
from practice.ui.widgets import error_label

GOAL_SHOWN = 40  # characters of a goal's text in the Done step's summary
SCORE_STYLE = "font-size: 11pt; font-weight: 600; padding: 4px 0;"  # not translated: a style sheet


def summary_html(measures: MeasuresDraft, goals: Sequence[GoalView] = ()) -> str:
    """The Done step's lines about the measures taken ("" when none was); each goal
    rated with its number (its place in ``goals``, the client's goals) and rating."""
    lines = []
    for form, answers in ((PHQ9, measures.phq9), (GAD7, measures.gad7)):
        if not answers:
            continue
        scored = score(form.instrument, answers)
        if scored.total is None:
            missing = len(scored.unanswered)
            line = QCoreApplication.translate(
                "MeasuresStep", "{name}: no total (%n question(s) unanswered)", None, missing
            ).format(name=form.name)
        else:
            band = i18n.translated(scored.band.name) if scored.band else ""
            line = (
                QCoreApplication.translate(
                    "MeasuresStep", "{name}: {total} of {maximum}, {band} (prorated)"
                )
                if scored.prorated
                else QCoreApplication.translate(
                    "MeasuresStep", "{name}: {total} of {maximum}, {band}"
                )
            ).format(name=form.name, total=scored.total, maximum=form.maximum, band=band)
        if form.instrument.value in measures.recorded:
            line += " — " + QCoreApplication.translate(
                "MeasuresStep", "recorded already, with the risk alert"
            )
        lines.append(line)
    by_id = {goal.id: goal for goal in goals}
    for goal_id, rating in sorted(
        measures.goal_ratings, key=lambda pair: by_id[pair[0]].position if pair[0] in by_id else 99
    ):
        goal = by_id.get(goal_id)
        if goal is None:  # not one of the client's goals now: its rating still said
            lines.append(
                QCoreApplication.translate("MeasuresStep", "A goal: {rating} of {maximum}").format(
                    rating=rating, maximum=RATING_MAX
                )
            )
            continue
        text = goal.text if len(goal.text) <= GOAL_SHOWN else goal.text[: GOAL_SHOWN - 1] + "…"
        lines.append(
            QCoreApplication.translate(
                "MeasuresStep", "Goal {number}: {rating} of {maximum} ({goal})"
            ).format(number=goal.position, rating=rating, maximum=RATING_MAX, goal=text)
        )
    if not lines:
        return ""
    heading = QCoreApplication.translate("MeasuresStep", "Measures")
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return f"<h3>{escape(heading)}</h3><ul>{items}</ul>"


class QuestionnaireBox(QGroupBox):
    """A PHQ-9 or GAD-7: stem, questions, the difficulty question, and the score live."""

    changed = Signal()

    def __init__(self, form: Questionnaire) -> None:
        super().__init__(form.name)
        self.form = form
        wording = form.wording[gui_language()]
        layout = QVBoxLayout(self)
        stem = QLabel(wording.stem)
        stem.setWordWrap(True)
        stem.setStyleSheet("font-weight: 600;")
        layout.addWidget(stem)
        self.rows = [
            AnswerRow(number, text, wording.options)
            for number, text in enumerate(wording.items, start=1)
        ]
        for row in self.rows:
            layout.addWidget(row)
            row.answered.connect(lambda _value: self._changed())
        self.difficulty = AnswerRow(None, wording.difficulty, wording.difficulty_options)
        self.difficulty.answered.connect(lambda _value: self.changed.emit())
        layout.addWidget(self.difficulty)
        self.score_label = QLabel()
        self.score_label.setWordWrap(True)
        self.score_label.setStyleSheet(SCORE_STYLE)
        self.score_label.setAccessibleName(
            self.tr("{name} score").format(name=form.name)  # not the wording: a label
        )
        layout.addWidget(self.score_label)
        self.risk_prompt = QLabel()
        self.risk_prompt.setWordWrap(True)
        self.risk_prompt.setStyleSheet("font-weight: 600; padding: 4px 8px;")
        theme.set_role(self.risk_prompt, "warning_box")
        self.risk_prompt.hide()
        layout.addWidget(self.risk_prompt)
        self.recorded_label = QLabel(
            self.tr(
                "Recorded at once with the risk alert. You can still answer the other "
                "questions or correct one: the same PHQ-9 is updated."
            )
        )
        self.recorded_label.setWordWrap(True)
        theme.set_role(self.recorded_label, "muted")
        self.recorded_label.hide()
        layout.addWidget(self.recorded_label)
        self.show_score()

    @property
    def answers(self) -> tuple[int | None, ...]:
        """Empty when nothing is answered (the questionnaire was not taken)."""
        values = tuple(row.value for row in self.rows)
        return values if any(v is not None for v in values) else ()

    def load(self, answers: Sequence[int | None], difficulty: int | None) -> None:
        for i, row in enumerate(self.rows):
            row.set_value(answers[i] if i < len(answers) else None)
        self.difficulty.set_value(difficulty)
        self.show_score()

    def set_recorded(self, recorded: bool) -> None:
        self.recorded_label.setVisible(recorded)

    def _changed(self) -> None:
        self.show_score()
        self.changed.emit()

    def show_score(self) -> None:
        answers = self.answers
        is_phq9 = self.form is PHQ9
        if not answers:
            self.score_label.setText(self.tr("Not taken in this session."))
            theme.set_role(self.score_label, "muted")
            self.risk_prompt.hide()
            return
        scored = score(self.form.instrument, answers)
        missing = len(scored.unanswered)
        if scored.total is None:
            text = QCoreApplication.translate(
                "MeasuresStep",
                "Too many unanswered: %n question(s) left — ask about questions {numbers}",
                None,
                missing,
            ).format(numbers=", ".join(str(n) for n in scored.unanswered))
            theme.set_role(self.score_label, "danger")
        else:
            band = i18n.translated(scored.band.name) if scored.band else ""
            text = self.tr("Total {total} of {maximum} · {band}").format(
                total=scored.total, maximum=self.form.maximum, band=band
            )
            if scored.prorated:
                text += "  " + QCoreApplication.translate(
                    "MeasuresStep",
                    "(prorated: %n question(s) unanswered — {numbers})",
                    None,
                    missing,
                ).format(numbers=", ".join(str(n) for n in scored.unanswered))
            theme.set_role(self.score_label, "text")
        self.score_label.setText(text)
        if is_phq9 and scored.risk_item_unanswered:
            self.risk_prompt.setText(self.tr("Item 9 not answered: ask"))
            self.risk_prompt.show()
        elif is_phq9 and scored.raises_risk_alert:
            self.risk_prompt.setText(self.tr("Item 9 answered above 0: a risk alert was raised."))
            self.risk_prompt.show()
        else:
            self.risk_prompt.hide()


class GoalRow(QWidget):
    """One personal goal: its text, which end is better, and a rating 0–10 (or none)."""

    def __init__(self, goal: GoalView) -> None:
        super().__init__()
        self.goal = goal
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        text = QLabel(f"{goal.position}.  {goal.text}")
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        text.setStyleSheet(ITEM_STYLE)
        better = QLabel(
            self.tr("0 to 10 — higher is better")
            if goal.higher_is_better
            else self.tr("0 to 10 — lower is better")
        )
        theme.set_role(better, "muted")
        self.rating = QSpinBox()
        self.rating.setRange(-1, RATING_MAX)
        self.rating.setSpecialValueText(self.tr("Not rated"))
        self.rating.setValue(-1)
        self.rating.setMinimumWidth(110)
        self.rating.setAccessibleName(
            self.tr("Rating of goal {number}").format(number=goal.position)
        )
        layout.addWidget(text, 0, 0, 1, 2)
        layout.addWidget(self.rating, 1, 0)
        layout.addWidget(better, 1, 1)
        layout.setColumnStretch(1, 1)

    @property
    def value(self) -> int | None:
        return None if self.rating.value() < 0 else self.rating.value()


class MeasuresStep(StepPage):
    """Emits ``risk_answer`` when PHQ-9 question 9 gets an answer above 0."""

    title = QT_TRANSLATE_NOOP("MeasuresStep", "Measures")
    error_prefixes = ("measures.",)
    risk_answer = Signal()
    risk_changed = Signal()  # question 9 changed after the PHQ-9 was recorded at once
    acknowledge_requested = Signal()

    def __init__(self, goals: Sequence[GoalView] = (), *, preparation: bool = False) -> None:
        super().__init__()
        self.preparation = preparation
        self._recorded: tuple[str, ...] = ()
        self._phq9_measure_id: int | None = None
        self.phq9 = QuestionnaireBox(PHQ9)
        self.gad7 = QuestionnaireBox(GAD7)
        self.phq9.rows[RISK_ITEM - 1].answered.connect(self._risk_item_clicked)

        self.goals_box = QGroupBox(self.tr("Personal goals"))
        goals_layout = QVBoxLayout(self.goals_box)
        self.goal_rows = [GoalRow(g) for g in goals]
        for row in self.goal_rows:
            goals_layout.addWidget(row)
        if not self.goal_rows:
            goals_layout.addWidget(
                intro(self.tr("No personal goals yet: name them in the client's Goals tab."))
            )

        self.alert_row = QFrame()
        theme.set_role(self.alert_row, "warning_box")
        alert_layout = QHBoxLayout(self.alert_row)
        self.alert_text = QLabel(
            self.tr("A risk alert is open: acknowledge it with what was done.")
        )
        self.alert_text.setWordWrap(True)
        self.alert_text.setStyleSheet("font-weight: 600;")
        self.alert_button = QPushButton(self.tr("Acknowledge…"))
        self.alert_button.clicked.connect(self.acknowledge_requested.emit)
        alert_layout.addWidget(self.alert_text, 1)
        alert_layout.addWidget(self.alert_button)
        self.alert_row.hide()
        self.error = error_label()

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 8, 0)
        column.addWidget(
            intro(
                self.tr(
                    "Optional. Read each question to the client as written and tick their "
                    "answer; leave a question unticked when it was not answered."
                )
            )
        )
        column.addWidget(self.alert_row)
        column.addWidget(self.error)
        column.addWidget(self.phq9)
        column.addWidget(self.gad7)
        column.addWidget(self.goals_box)
        column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(content)
        self.scroll_area.setAccessibleName(self.tr("Measures"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Measures")))
        self.preparation_note = intro(
            self.tr("Measures are taken in the session itself, with the client.")
        )
        layout.addWidget(self.preparation_note)
        layout.addWidget(self.scroll_area, 1)
        self.preparation_note.setVisible(preparation)
        self.scroll_area.setVisible(not preparation)
        if preparation:
            layout.addStretch(1)

    # ---- the risk item --------------------------------------------------------------
    def _risk_item_clicked(self, value: int | None) -> None:
        if MeasureKind.PHQ9.value in self._recorded:
            self.risk_changed.emit()  # a correction: the same PHQ-9 is updated
        elif value:
            self.risk_answer.emit()

    def set_recorded(self, kind: MeasureKind, measure_id: int | None = None) -> None:
        if kind.value not in self._recorded:
            self._recorded = (*self._recorded, kind.value)
        if kind is MeasureKind.PHQ9:
            self._phq9_measure_id = measure_id
            self.phq9.set_recorded(True)

    def show_open_alert(self, shown: bool) -> None:
        self.alert_row.setVisible(shown)

    # ---- the draft ------------------------------------------------------------------
    def load(self, draft: SessionDraft) -> None:
        m = draft.measures
        self._recorded = m.recorded
        self._phq9_measure_id = m.phq9_measure_id
        self.phq9.load(m.phq9, m.phq9_difficulty)
        self.gad7.load(m.gad7, m.gad7_difficulty)
        ratings = dict(m.goal_ratings)
        for row in self.goal_rows:
            row.rating.setValue(ratings.get(row.goal.id, -1))
        self.phq9.set_recorded(MeasureKind.PHQ9.value in m.recorded)
        self.gad7.set_recorded(MeasureKind.GAD7.value in m.recorded)

    def apply(self, draft: SessionDraft) -> SessionDraft:
        if self.preparation:
            return draft  # no measures in a preparation: the client is not there
        ratings = tuple((row.goal.id, row.value) for row in self.goal_rows if row.value is not None)
        return replace(
            draft,
            measures=MeasuresDraft(
                phq9=self.phq9.answers,
                phq9_difficulty=self.phq9.difficulty.value,
                gad7=self.gad7.answers,
                gad7_difficulty=self.gad7.difficulty.value,
                goal_ratings=ratings,
                recorded=self._recorded,
                phq9_measure_id=self._phq9_measure_id,
                phq9_measure_version=draft.measures.phq9_measure_version,  # as recorded
            ),
        )

    def show_errors(self, errors: dict[str, str]) -> int:
        mine = [i18n.translated(v) for k, v in errors.items() if self.owns(k)]
        self.error.setText("\n".join(mine))
        self.error.setVisible(bool(mine))
        return len(mine)

    def focus_first(self) -> None:
        if self.preparation:
            self.focusNextChild()
            return
        first = self.phq9.rows[0]
        target = next((b for b in first.buttons if b.isChecked()), first.buttons[0])
        if target.isEnabled():
            target.setFocus()
        else:
            self.focusNextChild()
