"""The day-before call of a conditional-sessions client: what was said, what was decided.

Outcome (done, partly, not done, not reached) and decision (keep, cancel, move) are
both chosen explicitly; "cancel" asks for confirmation, because the service then sets
the appointment to "cancelled — self-record not done" (shown in the history strip).
A self-record that was done cannot lead to a cancellation.

For a client marked "cannot postpone treatment" the dialog shows the flag and its
reason in full, and whether an override naming who was consulted is active; the
cancel prompt names the flag too. Without that override the service refuses the
cancellation (and audits the attempt); the dialog says so and keeps what was typed.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from html import escape

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from practice.db.engine import Database
from practice.domain.vocabulary import CallDecision, CallOutcome
from practice.services import conditional
from practice.services.conditional import CallView, CancelGuard
from practice.services.today import CallDue
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import theme
from practice.ui.actions import run_action
from practice.ui.dates import date_field, date_time_text
from practice.ui.i18n import translated
from practice.ui.risk_flag import RiskFlag, risk_text
from practice.ui.unsaved import DialogGuard
from practice.ui.user_text import for_title
from practice.ui.widgets import error_label, fit_to_screen, text_field

OUTCOME_LABELS = {
    CallOutcome.DONE: QT_TRANSLATE_NOOP("CallDialog", "Done"),
    CallOutcome.PARTLY: QT_TRANSLATE_NOOP("CallDialog", "Partly done"),
    CallOutcome.NOT_DONE: QT_TRANSLATE_NOOP("CallDialog", "Not done"),
    CallOutcome.NOT_REACHED: QT_TRANSLATE_NOOP("CallDialog", "Not reached"),
}
DECISION_LABELS = {
    CallDecision.KEEP: QT_TRANSLATE_NOOP("CallDialog", "Keep the session"),
    CallDecision.CANCEL: QT_TRANSLATE_NOOP(
        "CallDialog", "Cancel the session (self-record not done)"
    ),
    CallDecision.RESCHEDULE: QT_TRANSLATE_NOOP("CallDialog", "Move the session"),
}


class CallDialog(QDialog):
    """After ``accept()``, ``result_call`` holds the logged call."""

    def __init__(self, database: Database, call: CallDue, parent: QWidget | None = None) -> None:
        with database.session() as s:  # before the widget exists: a failure leaves none
            guard = conditional.cancel_guard(s, call.appointment.id)
        super().__init__(parent)
        self.guard: CancelGuard = guard
        self._db = database
        self.call = call
        self.result_call: CallView | None = None
        appointment = call.appointment
        self.starts_at = appointment.starts_at.astimezone()
        self.setWindowTitle(
            self.tr("Day-before call — {name}").format(name=for_title(appointment.client_name))
        )
        self.setMinimumWidth(520)

        heading = QLabel(
            self.tr("Day-before call — {name}").format(name=escape(appointment.client_name))
        )
        heading.setWordWrap(True)
        heading.setStyleSheet("font-size: 13pt; font-weight: 700;")
        what = ", ".join(
            self.tr("“{title}”").format(title=escape(translated(t))) for t in call.homework
        ) or self.tr("the self-record")
        phone = escape(call.phone) if call.phone else self.tr("no phone number on file")
        self.info = QLabel(
            self.tr(
                "<b>Phone:</b> <span style='font-size:12pt;'>{phone}</span><br>"
                "<b>Session:</b> {when}<br>"
                "Ask {name} whether {what} is done."
            ).format(
                phone=phone,
                when=date_time_text(self.starts_at, year=False),
                name=escape(call.preferred_name),
                what=what,
            )
        )
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.risk_flag: RiskFlag | None = None
        self.override_label = QLabel()
        self.override_label.setWordWrap(True)
        self.override_label.setVisible(guard.cannot_postpone)
        if guard.cannot_postpone:
            self.risk_flag = RiskFlag(guard.cannot_postpone_reason, call.preferred_name)
            if guard.may_cancel and guard.override is not None:
                self.override_label.setText(
                    self.tr(
                        "Conditional sessions are on under an override; consulted: "
                        "{consulted}. A cancellation asks you again."
                    ).format(consulted=guard.override.consulted)
                )
            else:
                self.override_label.setText(
                    self.tr(
                        "No override naming who was consulted is active, so this session cannot "
                        "be cancelled for a missing self-record: keep it or move it."
                    )
                )
                self.override_label.setStyleSheet("font-weight: 600;")
                theme.set_role(self.override_label, "danger")

        self.outcomes = QButtonGroup(self)
        outcome_box = QGroupBox(self.tr("Was the self-record done?"))
        outcome_grid = QGridLayout(outcome_box)
        for i, outcome in enumerate(CallOutcome):
            button = QRadioButton(translated(OUTCOME_LABELS[outcome]))
            button.setProperty("value", outcome.value)
            self.outcomes.addButton(button)
            outcome_grid.addWidget(button, i // 2, i % 2)
        self.decisions = QButtonGroup(self)
        decision_box = QGroupBox(self.tr("Decision"))
        decision_layout = QVBoxLayout(decision_box)
        for decision in CallDecision:
            button = QRadioButton(translated(DECISION_LABELS[decision]))
            button.setProperty("value", decision.value)
            self.decisions.addButton(button)
            decision_layout.addWidget(button)
        self.set_time_box = QCheckBox(self.tr("Choose the new time now"))
        self.set_time_box.setChecked(True)
        self.new_time = date_field(QDateTimeEdit())
        moved = self.starts_at + timedelta(days=7)
        self.new_time.setDateTime(QDateTime.fromSecsSinceEpoch(int(moved.timestamp())))
        decision_layout.addWidget(self.set_time_box)
        decision_layout.addWidget(self.new_time)
        self.note = text_field()
        self.note.setPlaceholderText(self.tr("Note (optional): what was said."))
        self.note.setFixedHeight(64)
        self.error = error_label()

        self.save_button = QPushButton(self.tr("Log call"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons = QDialogButtonBox()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.info)
        if self.risk_flag is not None:
            layout.addWidget(self.risk_flag)
        layout.addWidget(self.override_label)
        layout.addWidget(outcome_box)
        layout.addWidget(decision_box)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.outcomes.buttonToggled.connect(self._update)
        self.decisions.buttonToggled.connect(self._update)
        self.set_time_box.toggled.connect(self._update)
        self._update()
        # Esc, the X and Cancel ask before a chosen outcome or note is lost (ui.unsaved)
        self.unsaved = DialogGuard(self, self._save_asked, self.tr("this call"))
        buttons.rejected.connect(self.unsaved.reject)
        fit_to_screen(self)

    def _save_asked(self) -> bool:
        self.save()  # closes the dialog when logged
        return False

    # ---- state ----------------------------------------------------------------------
    def outcome(self) -> CallOutcome | None:
        button = self.outcomes.checkedButton()
        return CallOutcome(button.property("value")) if button else None

    def decision(self) -> CallDecision | None:
        button = self.decisions.checkedButton()
        return CallDecision(button.property("value")) if button else None

    def button_for(self, value: CallOutcome | CallDecision) -> QAbstractButton:
        group = self.outcomes if isinstance(value, CallOutcome) else self.decisions
        return next(b for b in group.buttons() if b.property("value") == value.value)

    def choose(self, outcome: CallOutcome, decision: CallDecision) -> None:
        self.button_for(outcome).setChecked(True)
        self.button_for(decision).setChecked(True)

    def _update(self, *_: object) -> None:
        done = self.outcome() is CallOutcome.DONE
        cancel = self.button_for(CallDecision.CANCEL)
        if done and cancel.isChecked():
            self.decisions.setExclusive(False)
            cancel.setChecked(False)
            self.decisions.setExclusive(True)
        cancel.setEnabled(not done)
        cancel.setToolTip(
            self.tr("The self-record was done: keep the session or move it.") if done else ""
        )
        moving = self.decision() is CallDecision.RESCHEDULE
        self.set_time_box.setVisible(moving)
        self.new_time.setVisible(moving)
        self.new_time.setEnabled(moving and self.set_time_box.isChecked())
        self.save_button.setEnabled(self.outcome() is not None and self.decision() is not None)

    # ---- saving ---------------------------------------------------------------------
    def confirm_cancel(self) -> bool:
        risk = ""
        if self.guard.cannot_postpone and self.guard.override is not None:
            risk = (
                risk_text(self.guard.cannot_postpone_reason, self.call.preferred_name)
                + "\n"
                + self.tr("Overridden after consulting {consulted}.").format(
                    consulted=self.guard.override.consulted
                )
                + "\n\n"
            )
        answer = QMessageBox.question(
            self,
            self.tr("Cancel the session?"),
            risk
            + self.tr(
                "{name}: the session of {when} will be cancelled and marked "
                "“Cancelled — self-record not done”. It shows in the client's history "
                "strip.\n\nCancel the session?"
            ).format(
                name=self.call.appointment.client_name,
                when=date_time_text(self.starts_at, year=False),
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def save(self) -> None:
        outcome, decision = self.outcome(), self.decision()
        if outcome is None or decision is None:
            return
        # Without an active override there is nothing to confirm: the service refuses
        # (and audits the attempt), and the dialog says why.
        if decision is CallDecision.CANCEL and self.guard.may_cancel and not self.confirm_cancel():
            return
        new_start = None
        if decision is CallDecision.RESCHEDULE and self.set_time_box.isChecked():
            chosen = self.new_time.dateTime().toSecsSinceEpoch()
            new_start = datetime.fromtimestamp(chosen).astimezone()
        note = self.note.toPlainText()
        appointment_id, version = self.call.appointment.id, self.call.appointment.version
        self.error.hide()
        logged = run_action(
            self,
            self._db,
            lambda s: conditional.log_call(
                s, appointment_id, outcome, decision, note, new_start=new_start, version=version
            ),
            on_validation=lambda errors: self._say(
                " ".join(translated(e) for e in errors.values())
            ),
            kept_input=True,
            title=self.tr("The call was not logged"),
        )
        if logged is None:
            return
        self.result_call = logged
        self.accept()

    def _say(self, message: str) -> None:
        self.error.setText(translated(message))
        self.error.show()
