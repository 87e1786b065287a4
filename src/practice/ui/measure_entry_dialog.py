""" "Enter a returned form…": a client's paper PHQ-9, GAD-7 or goals form, by its code.

The therapist types the code printed on the form; the dialog shows the form's questions
(the validated wording, in the form's language) with the answers 0–3, as the session
panel shows them (``answer_row.AnswerRow``: none ticked, or "Clear", is "not answered",
never read as 0), or the client's goals with a rating 0–10. Recording goes through
``services.measure_forms.record_paper_form`` (source PAPER); an answer above 0 on question
9 says before recording that it raises a risk alert. A form of another client, an
unknown code and a form already recorded are refused; nothing is lost.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from practice.db.engine import Database
from practice.domain.measures import QUESTIONNAIRES, RATING_MAX, RISK_ITEM, MeasureKind, score
from practice.services import measure_forms, measures
from practice.services.measure_forms import MeasureFormView
from practice.services.measures import GoalView, MeasureView, RiskAlertView
from practice.ui import i18n, theme
from practice.ui.actions import run_action
from practice.ui.answer_row import AnswerRow
from practice.ui.dates import date_field, pydate, qdate
from practice.ui.widgets import fit_to_screen


class MeasureEntryDialog(QDialog):
    """``client_id``: the client open in the app (another client's form is refused)."""

    def __init__(
        self, database: Database, parent: QWidget | None = None, *, client_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self._db = database
        self.client_id = client_id
        self.form: MeasureFormView | None = None
        self.goals: list[GoalView] = []
        self.answer_rows: list[AnswerRow] = []
        self.difficulty: AnswerRow | None = None
        self.ratings: list[QComboBox] = []
        self.result_measure: MeasureView | None = None
        self.result_alert: RiskAlertView | None = None
        self.setWindowTitle(self.tr("Enter a returned form"))

        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("The code printed on the form"))
        self.code.setAccessibleName(self.tr("Form code"))
        self.code.setMaxLength(16)
        self.code.returnPressed.connect(self.find_form)
        self.find_button = QPushButton(self.tr("Find the form"))
        self.find_button.clicked.connect(self.find_form)
        self.found_label = QLabel()
        self.found_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        theme.set_role(self.error_label, "danger_box")
        self.error_label.hide()
        self.total_label = QLabel()  # the form's "for the therapist: total" box, live
        self.total_label.setWordWrap(True)
        self.total_label.setStyleSheet("font-weight: 600; padding: 4px 0;")
        self.total_label.setAccessibleName(self.tr("Total"))
        self.total_label.hide()
        self.risk_label = QLabel()
        self.risk_label.setWordWrap(True)
        theme.set_role(self.risk_label, "warning_box")
        self.risk_label.hide()
        self.taken_on = date_field(QDateEdit())
        self.taken_on.setDate(qdate(date.today()))
        self.taken_on.setMaximumDate(qdate(date.today()))
        self.taken_on.setAccessibleName(self.tr("Day the form was filled in"))

        self.answers_area = QScrollArea()
        self.answers_area.setWidgetResizable(True)
        self.answers_area.setWidget(QWidget())

        self.record_button = QPushButton(self.tr("Record the measure"))
        self.record_button.setEnabled(False)
        self.record_button.clicked.connect(self.record)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Code")))
        top.addWidget(self.code, 1)
        top.addWidget(self.find_button)
        day = QHBoxLayout()
        day.addWidget(QLabel(self.tr("Filled in on")))
        day.addWidget(self.taken_on)
        day.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.record_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addWidget(self.found_label)
        layout.addLayout(day)
        layout.addWidget(self.answers_area, 1)
        layout.addWidget(self.total_label)
        layout.addWidget(self.risk_label)
        layout.addLayout(buttons)
        self.resize(760, 680)
        fit_to_screen(self)

    # ---- finding the form ---------------------------------------------------------------
    def find_form(self) -> None:
        self.error_label.hide()
        code = self.code.text()
        found = run_action(
            self, self._db, lambda s: _form_and_goals(s, code), on_problem=self._error
        )
        if found is None:
            self._show_form(None)
            return
        form, goals = found
        if self.client_id is not None and form.client_id != self.client_id:
            self._error(
                self.tr(
                    "This form (code {code}) was printed for another client. Open that "
                    "client to enter it."
                ).format(code=form.code)
            )
            self._show_form(None)
            return
        self.goals = goals if form.kind is MeasureKind.GOALS else []
        self._show_form(form)

    def _error(self, text: str) -> None:
        self.error_label.setText(
            self.tr("<b>Nothing was recorded.</b> {problem}").format(problem=i18n.translated(text))
        )
        self.error_label.show()

    def _show_form(self, form: MeasureFormView | None) -> None:
        self.form = form
        self.answer_rows, self.ratings, self.difficulty = [], [], None
        page = QWidget()
        column = QVBoxLayout(page)

        def add_row(label: QLabel, answer: QWidget) -> None:
            label.setWordWrap(True)
            column.addWidget(label)
            column.addWidget(answer, 0, Qt.AlignmentFlag.AlignLeft)
            column.addSpacing(6)

        self.record_button.setEnabled(form is not None)
        self.risk_label.hide()
        self.total_label.hide()
        if form is None:
            self.found_label.clear()
            self.answers_area.setWidget(page)
            return
        instrument = form.kind.instrument
        if instrument is None:
            self.found_label.setText(
                self.tr("<b>Personal goals</b>, code {code}").format(code=form.code)
            )
            for number, goal in enumerate(self.goals, start=1):
                box = QComboBox()
                box.addItem(self.tr("not rated"), None)
                for value in range(RATING_MAX + 1):
                    box.addItem(str(value), value)
                box.setAccessibleName(self.tr("Goal {number}").format(number=number))
                better = self.tr("higher is better") if goal.higher_is_better else self.tr(
                    "lower is better")  # fmt: skip
                label = QLabel(
                    self.tr("{number}. {goal} ({better})").format(
                        number=number, goal=goal.text, better=better
                    )
                )
                label.setTextFormat(Qt.TextFormat.PlainText)
                add_row(label, box)
                self.ratings.append(box)
        else:
            wording = QUESTIONNAIRES[instrument].wording[form.language]
            self.found_label.setText(
                self.tr("<b>{name}</b>, code {code}: tick what the client ticked.").format(
                    name=QUESTIONNAIRES[instrument].name, code=form.code
                )
            )
            for number, item in enumerate(wording.items, start=1):
                answer = AnswerRow(number, item, wording.options)
                answer.answered.connect(self._check_risk)
                answer.answered.connect(self._show_total)
                column.addWidget(answer)
                self.answer_rows.append(answer)
            self.difficulty = AnswerRow(None, wording.difficulty, wording.difficulty_options)
            column.addWidget(self.difficulty)
            self._show_total()
        column.addStretch(1)
        self.answers_area.setWidget(page)

    def _show_total(self) -> None:
        """The total and band as the answers are ticked, as the form's therapist box."""
        instrument = self.form.kind.instrument if self.form else None
        if instrument is None:
            self.total_label.hide()
            return
        form = QUESTIONNAIRES[instrument]
        answers = [row.value for row in self.answer_rows]
        self.total_label.show()
        if all(a is None for a in answers):
            self.total_label.setText(self.tr("Total: tick the answers to see it."))
            theme.set_role(self.total_label, "muted")
            return
        scored = score(instrument, answers)
        missing = len(scored.unanswered)
        if scored.total is None:
            text = QCoreApplication.translate(
                "MeasureEntryDialog",
                "No total: too many unanswered to score (%n question(s) unanswered)",
                None,
                missing,
            )
            theme.set_role(self.total_label, "danger")
        else:
            band = i18n.translated(scored.band.name) if scored.band else ""
            text = self.tr("Total {total} of {maximum} · {band}").format(
                total=scored.total, maximum=form.maximum, band=band
            )
            if scored.prorated:
                text += "  " + QCoreApplication.translate(
                    "MeasureEntryDialog", "(prorated for %n unanswered)", None, missing
                )
            theme.set_role(self.total_label, "text")
        self.total_label.setText(text)

    def _check_risk(self) -> None:
        if self.form is None or self.form.kind is not MeasureKind.PHQ9:
            return
        answer = self.answer_rows[RISK_ITEM - 1].value
        # question 9 left blank (others answered) is said before saving, never silently
        blank = answer is None and any(row.value is not None for row in self.answer_rows)
        self.risk_label.setVisible(bool(answer) or blank)
        if answer:
            self.risk_label.setText(
                self.tr(
                    "<b>Question 9 was answered {answer}.</b> Recording this form raises a "
                    "risk alert to acknowledge with what was done."
                ).format(answer=answer)
            )
        elif blank:
            self.risk_label.setText(
                self.tr(
                    "<b>Question 9 is not answered: ask the client about it.</b> If it "
                    "was really left blank, the form is recorded with question 9 not "
                    "answered, and the Measures tab says so."
                )
            )

    # ---- recording ------------------------------------------------------------------------
    def record(self) -> None:
        form = self.form
        if form is None:
            return
        self.error_label.hide()
        taken_on = pydate(self.taken_on.date())
        answers = [row.value for row in self.answer_rows]
        difficulty = self.difficulty.value if self.difficulty else None
        ratings = [
            (goal.id, int(box.currentData()))
            for goal, box in zip(self.goals, self.ratings, strict=True)
            if box.currentData() is not None
        ]
        done = run_action(
            self,
            self._db,
            lambda s: measure_forms.record_paper_form(
                s,
                form.code,
                taken_on=taken_on,
                answers=answers,
                difficulty=difficulty,
                ratings=ratings,
                client_id=self.client_id,
            ),  # fmt: skip
            on_validation=lambda errors: self._error(
                " ".join(i18n.translated(e) for e in errors.values())
            ),
            on_problem=self._error,
        )
        if done is None:
            return
        self.result_measure, self.result_alert = done
        self.accept()


def enter_returned_form(
    database: Database, parent: QWidget | None = None, *, client_id: int | None = None
) -> MeasureView | None:
    """Run the dialog; the measure recorded, or None."""
    dialog = MeasureEntryDialog(database, parent, client_id=client_id)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.result_measure
    return None


def _form_and_goals(db: Session, code: str) -> tuple[MeasureFormView, list[GoalView]]:
    form = measure_forms.form_by_code(db, code)
    return form, measures.goals_for(db, form.client_id)
