"""The risk alert of PHQ-9 question 9: acknowledged with a note of what was done.

Any answer above 0 on question 9 raises an alert (``services.measures``). This dialog
shows whose it is, the question's exact wording and the answer given, asks what was
done (required), and offers to mark the client "cannot postpone treatment" (ticked
when they are not marked yet). "Acknowledge" calls ``measures.acknowledge_alert``,
which writes the audit trail. The session panel, Today and the prep view all open it
through :func:`acknowledge`; Today and the prep view show the open alerts as
:class:`AlertCards` (docs/clinical.md, Outcome measures).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from practice.db.engine import Database
from practice.domain.measures import PHQ9, RISK_ITEM
from practice.domain.vocabulary import Language
from practice.services import clients, measures
from practice.services.measures import RiskAlertView
from practice.ui import i18n, theme
from practice.ui.actions import run_action
from practice.ui.dates import day_text
from practice.ui.user_text import for_title
from practice.ui.widgets import error_label, fit_to_screen, text_field

TITLE_STYLE = "font-size: 13pt; font-weight: 700;"  # not translated: a style sheet
QUOTE_STYLE = "font-size: 11pt; padding: 6px 10px;"  # not translated: a style sheet


@dataclass(frozen=True)
class AlertClient:
    """What the dialog shows about the alert's client."""

    name: str
    cannot_postpone: bool


def question_text() -> str:
    """PHQ-9 question 9, exactly as validated, in the GUI's language."""
    wording = PHQ9.wording[gui_language()]
    return wording.items[RISK_ITEM - 1]


def answer_text(answer: int) -> str:
    """ "Several days (1)": the option's exact wording and its value."""
    return f"{PHQ9.wording[gui_language()].options[answer]} ({answer})"


def changed_text(alert: RiskAlertView) -> str:
    """When the measure's question 9 was changed since the alert was raised: "question 9
    was Several days (1) when the alert was raised; now Not at all (0)" (else "")."""
    if not alert.answer_changed:
        return ""
    now = (
        answer_text(alert.current_answer)
        if alert.current_answer is not None
        else QCoreApplication.translate("RiskAlertDialog", "not answered")
    )
    return QCoreApplication.translate(
        "RiskAlertDialog", "question 9 was {then} when the alert was raised; now {now}"
    ).format(then=answer_text(alert.answer), now=now)


def gui_language() -> Language:
    return Language.ES if i18n.current_language() == "es" else Language.EN


def alert_client(s: Session, client_id: int) -> AlertClient:
    client = clients.get(s, client_id)
    return AlertClient(client.display_name, client.cannot_postpone)


class RiskAlertDialog(QDialog):
    """After ``accept()``, ``acknowledged`` holds the closed alert."""

    def __init__(
        self,
        database: Database,
        alert: RiskAlertView,
        client: AlertClient,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = database
        self.alert = alert
        self.client = client
        self.acknowledged: RiskAlertView | None = None
        self.setWindowTitle(self.tr("Risk alert — {name}").format(name=for_title(client.name)))
        self.setModal(True)

        title = QLabel(self.tr("Risk alert: PHQ-9 question 9"))
        title.setStyleSheet(TITLE_STYLE)
        theme.set_role(title, "danger")
        said = QLabel(
            self.tr("{name} answered question 9 on {day}:").format(
                name=client.name, day=day_text(alert.taken_on, year=True)
            )
        )
        said.setTextFormat(Qt.TextFormat.PlainText)
        said.setWordWrap(True)
        self.question = QLabel(f"“{question_text()}”")
        self.question.setWordWrap(True)
        self.question.setStyleSheet(QUOTE_STYLE)
        theme.set_role(self.question, "warning_box")
        self.answer = QLabel(self.tr("Answer: {answer}").format(answer=answer_text(alert.answer)))
        if alert.answer_changed:  # corrected since: both said, the alert stays until closed
            self.answer.setText(
                self.tr("Answer: {answer}").format(answer=answer_text(alert.answer))
                + "\n"
                + self.tr("The measure was changed since: {change}.").format(
                    change=changed_text(alert)
                )
            )
        self.answer.setStyleSheet("font-weight: 600;")
        self.answer.setWordWrap(True)
        ask = QLabel(
            self.tr(
                "Before going on, ask about it and act as your safety plan says. Then write "
                "what was done (required):"
            )
        )
        ask.setWordWrap(True)
        self.note = text_field(
            self.tr("For example: asked about plans and means; safety plan reviewed; …")
        )
        self.note.setAccessibleName(self.tr("What was done"))
        self.note.setMinimumHeight(90)
        self.note_error = error_label()
        self.flag = QCheckBox(
            self.tr("Mark {name} as 'cannot postpone treatment'").format(name=client.name)
        )
        self.flag.setChecked(False)  # offered, never pre-ticked: the therapist decides
        if client.cannot_postpone:
            self.flag.setEnabled(False)
            self.flag.setText(
                self.tr("{name} is already marked 'cannot postpone treatment'").format(
                    name=client.name
                )
            )
        self.problem = error_label()
        buttons = QDialogButtonBox()
        self.acknowledge_button = buttons.addButton(
            self.tr("Acknowledge"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.later_button = buttons.addButton(
            self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.later_button.setToolTip(self.tr("The alert stays open on Today and the prep view."))
        self.acknowledge_button.setDefault(True)
        buttons.accepted.connect(self.acknowledge)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        for widget in (title, said, self.question, self.answer, ask, self.note):
            layout.addWidget(widget)
        layout.addWidget(self.note_error)
        layout.addWidget(self.flag)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())
        fit_to_screen(self)
        self.note.setFocus()

    def acknowledge(self) -> None:
        note = self.note.toPlainText()
        self.problem.hide()
        if not note.strip():
            self._show_errors(
                {"action_note": self.tr("Write what was done about the answer to question 9.")}
            )
            return
        alert_id, flag = self.alert.id, self.flag.isEnabled() and self.flag.isChecked()
        version = self.alert.version
        # the flag's reason shows on the prep view, Homework, Today and the printed prep:
        # a neutral line, never the note (that stays in the alert and its record)
        reason = self.tr("Risk alert on {day} (PHQ-9 question 9)").format(
            day=day_text(self.alert.taken_on, year=True)
        )
        done = run_action(
            self,
            self._db,
            lambda s: measures.acknowledge_alert(
                s, alert_id, note, set_cannot_postpone=flag, flag_reason=reason, version=version
            ),
            on_validation=self._show_errors,
            on_problem=self._say,
            kept_input=True,
        )
        if done is None:
            return
        self.acknowledged = done
        self.accept()

    def _show_errors(self, errors: dict[str, str]) -> None:
        note = errors.pop("action_note", "")
        self.note_error.setText(i18n.translated(note))
        self.note_error.setVisible(bool(note))
        if errors:
            self._say("\n".join(i18n.translated(m) for m in errors.values()))
        if note:
            self.note.setFocus()

    def _say(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()


def acknowledge(parent: QWidget | None, database: Database, alert: RiskAlertView) -> bool:
    """Open the alert's dialog (modal); True when it was acknowledged."""
    found = run_action(
        parent,
        database,
        lambda s: (
            alert_client(s, alert.client_id),
            # as it is now: its measure's question 9 may have been corrected since
            measures.alerts_by_measure(s, alert.client_id).get(alert.measure_id, alert),
        ),
    )
    if found is None:
        return False
    client, alert = found
    dialog = RiskAlertDialog(database, alert, client, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted and dialog.acknowledged is not None
    finally:
        dialog.deleteLater()


# ---- open alerts on Today and the prep view -------------------------------------


@dataclass(frozen=True)
class OpenAlert:
    alert: RiskAlertView
    client_name: str


def open_alerts(s: Session, client_id: int | None = None) -> list[OpenAlert]:
    """The risk alerts not yet acknowledged (of one client, if given), with names."""
    names: dict[int, str] = {}
    found = []
    for alert in measures.open_alerts(s, client_id):
        if alert.client_id not in names:
            names[alert.client_id] = clients.get(s, alert.client_id).display_name
        found.append(OpenAlert(alert, names[alert.client_id]))
    return found


def alert_line(found: OpenAlert, *, with_name: bool = True) -> str:
    """ "Lucía Ficticia · 5 Dec 2026 · PHQ-9 question 9: Several days (1)"."""
    values = {
        "name": found.client_name,
        "day": day_text(found.alert.taken_on, year=True),
        "answer": answer_text(found.alert.answer),
    }
    if with_name:
        line = QCoreApplication.translate(
            "RiskAlertDialog", "{name} · {day} · PHQ-9 question 9: {answer}"
        ).format(**values)
    else:
        line = QCoreApplication.translate(
            "RiskAlertDialog", "Open risk alert · {day} · PHQ-9 question 9: {answer}"
        ).format(**values)
    change = changed_text(found.alert)
    if not change:
        return line
    return QCoreApplication.translate("RiskAlertDialog", "{line} ({change})").format(
        line=line, change=change
    )


class AlertCard(QFrame):
    """One open alert with its "Acknowledge…" button; emits ``acknowledged`` after it."""

    acknowledged = Signal()

    def __init__(self, database: Database, found: OpenAlert, *, with_name: bool = True) -> None:
        super().__init__()
        self._db = database
        self.found = found
        self.setObjectName("riskAlertCard")
        theme.set_role(self, "warning_box")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        self.text = QLabel(alert_line(found, with_name=with_name))
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setStyleSheet("font-weight: 600;")
        theme.set_role(self.text, "danger_ink")
        self.button = QPushButton(QCoreApplication.translate("RiskAlertDialog", "Acknowledge…"))
        self.button.setAccessibleName(
            QCoreApplication.translate(
                "RiskAlertDialog", "Acknowledge the risk alert of {name}"
            ).format(name=found.client_name)
        )
        self.button.clicked.connect(self._acknowledge)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)

    def _acknowledge(self) -> None:
        if acknowledge(self, self._db, self.found.alert):
            self.hide()
            self.acknowledged.emit()


class AlertCards(QWidget):
    """The open alerts as cards, one below the other (hidden when there are none)."""

    acknowledged = Signal()

    def __init__(self, database: Database, *, with_name: bool = True) -> None:
        super().__init__()
        self._db = database
        self._with_name = with_name
        self.cards: list[AlertCard] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self.setAccessibleName(QCoreApplication.translate("RiskAlertDialog", "Open risk alerts"))
        self.hide()

    def show_alerts(self, alerts: list[OpenAlert]) -> None:
        for card in self.cards:
            card.hide()
            card.deleteLater()
        self.cards = [AlertCard(self._db, a, with_name=self._with_name) for a in alerts]
        for card in self.cards:
            card.acknowledged.connect(self.acknowledged.emit)
            self._layout.addWidget(card)
        self.setVisible(bool(self.cards))
