"""Conditional sessions, the guarded last resort (docs/clinical.md, Conditional sessions).

Turning them on shows what has been tried (each ladder step with the sessions where
it was recorded), warns when fewer than three steps were tried, and for a client who
cannot postpone treatment shows the flag and its reason in full and refuses until a
written override reason of at least ``conditional.OVERRIDE_MIN`` characters and who
was consulted (a colleague or supervisor, by name and role) are given: the Confirm
button stays disabled until then. Confirming then asks a second time, naming the risk
and the flag's reason; "Cancel" is that question's default. When a period is already
on, the dialog shows it (with the override and who was consulted) and offers to end it
in one action. The services audit every step.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from practice.db.engine import Database
from practice.domain.risk import consulted_problem, split_override
from practice.domain.text import clean
from practice.domain.views import PeriodView
from practice.domain.vocabulary import Strategy
from practice.services import clients, conditional
from practice.services.conditional import OVERRIDE_MIN, LadderRecord
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import i18n, theme
from practice.ui.actions import run_action
from practice.ui.dates import date_field, pydate, qdate
from practice.ui.prep_sections import day
from practice.ui.risk_flag import RiskFlag, risk_text
from practice.ui.unsaved import DialogGuard
from practice.ui.user_text import for_title
from practice.ui.widgets import error_label, fit_to_screen, scrolling, text_field

WARNING_STYLE = "warning_box"  # theme roles
REFUSAL_STYLE = "danger_box"
PERIOD_STYLE = "caution_box"
MUTED_SPAN = '<span style="color:{muted};">{text}</span>'  # rich text, muted
INTRO = QT_TRANSLATE_NOOP(
    "ConditionalDialog",
    "The last step of the ladder: the day before each session you phone the client and ask "
    "whether the self-record is done; if it is not, the session is cancelled. Use it only "
    "when the other steps have been tried, and only as agreed with the client.",
)


def ladder_html(ladder: LadderRecord, today: date) -> str:
    rows, muted = [], theme.hex_of("muted")
    for step in ladder.steps:
        if step.strategy is Strategy.CONDITIONAL_SESSIONS and not step.tried:
            continue
        if step.tried:
            mark, when = "✓", ", ".join(day(d, today) for d in step.dates)
        else:
            not_recorded = QCoreApplication.translate("ConditionalDialog", "not recorded")
            mark, when = "—", MUTED_SPAN.format(muted=muted, text=not_recorded)
        weight = "font-weight:600;" if step.tried else f"color:{muted};"
        label = escape(i18n.translated(step.label))
        rows.append(
            f'<tr><td style="{weight}">{mark}&nbsp;</td>'  # not translated: markup
            f'<td style="{weight}">{step.step}. {label}&nbsp;&nbsp;</td>'
            f"<td>{when}</td></tr>"
        )
    return f'<table cellspacing="0" cellpadding="2">{"".join(rows)}</table>'


class ConditionalDialog(QDialog):
    """Emits ``changed`` after a period was opened or ended."""

    changed = Signal()

    def __init__(
        self,
        database: Database,
        client_id: int,
        *,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        today = today or date.today()
        with database.session() as s:  # before the widget exists: a failure leaves none
            client = clients.get(s, client_id)
            check = conditional.check_opening(s, client_id, today=today)
        super().__init__(parent)
        self._db = database
        self.client_id = client_id
        self.today = today
        self.check = check
        self.result_period: PeriodView | None = None
        self.name = client.preferred_name or client.first_name
        self.setWindowTitle(
            self.tr("Conditional sessions — {name}").format(name=for_title(client.display_name))
        )
        self.setMinimumWidth(620)
        self.error = error_label()
        layout = QVBoxLayout(self)
        heading = QLabel(
            self.tr("Conditional sessions — {name}").format(name=escape(client.display_name))
        )
        heading.setStyleSheet("font-size: 13pt; font-weight: 700;")
        layout.addWidget(heading)
        self.buttons = QDialogButtonBox()
        self.risk_flag: RiskFlag | None = None
        if self.check.blocked_without_override:  # the client cannot postpone treatment
            self.risk_flag = RiskFlag(self.check.cannot_postpone_reason, self.name)
            layout.addWidget(self.risk_flag)
        self.risk_box: QMessageBox | None = None
        body = QWidget()  # the flag above stays in view; the rest scrolls on a small screen
        content = QVBoxLayout(body)
        content.setContentsMargins(0, 0, 0, 0)
        if self.check.open_period is not None:
            self._build_open(content, self.check.open_period)
        else:
            self._build_opening(content)
        content.addStretch(1)
        area = scrolling(body)
        layout.addWidget(area, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        # Esc, the X and Cancel ask before a written reason is lost (see ui.unsaved)
        self.guard = DialogGuard(
            self, self._confirm_asked, self.tr("the conditional sessions form")
        )
        grow = max(body.sizeHint().height() - area.sizeHint().height(), 0)
        self.resize(self.sizeHint().width(), self.sizeHint().height() + grow)
        fit_to_screen(self)

    def _leave(self) -> None:
        self.guard.reject()

    def _confirm_asked(self) -> bool:
        if self.check.open_period is None:
            self.confirm()  # closes the dialog when saved
        return False

    # ---- a period is on: show it, offer to end it --------------------------------
    def _build_open(self, layout: QVBoxLayout, period: PeriodView) -> None:
        on = (
            self.tr(
                "<b>Conditional sessions are on since {day}</b> "
                "(agreed with the client on {agreed})."
            )
            if period.starts_on <= self.today
            else self.tr(
                "<b>Conditional sessions are on from {day}</b> "
                "(agreed with the client on {agreed})."
            )
        )
        lines = [
            on.format(
                day=day(period.starts_on, self.today), agreed=day(period.agreed_on, self.today)
            ),
            self.tr("<b>Reason:</b> {reason}").format(reason=escape(period.reason)),
        ]
        override = split_override(period.override_reason)
        if override is not None:
            lines.append(
                self.tr("<b>Override (cannot postpone):</b> {reason}").format(
                    reason=escape(override.reason)
                )
            )
            lines.append(
                self.tr("<b>Consulted:</b> {who}").format(who=escape(override.consulted))
                if override.consulted
                else self.tr(
                    "<b>Consulted:</b> not recorded — a missing self-record does not cancel "
                    "this client's sessions until conditional sessions are turned on again "
                    "with who was consulted."
                )
            )
        self.period_label = QLabel("<br>".join(lines))
        self.period_label.setTextFormat(Qt.TextFormat.RichText)
        self.period_label.setWordWrap(True)
        theme.set_role(self.period_label, PERIOD_STYLE)
        layout.addWidget(self.period_label)
        after = QLabel(
            self.tr(
                "Ending them takes effect today: Today stops listing the day-before call for "
                "{name}, and the history strip shows where they ended."
            ).format(name=escape(self.name))
        )
        after.setWordWrap(True)
        layout.addWidget(after)
        self.end_button = QPushButton(self.tr("End conditional sessions"))
        self.end_button.clicked.connect(self.end_period)
        self.buttons.addButton(self.end_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self._leave)

    def end_period(self) -> None:
        period = self.check.open_period
        assert period is not None
        on = max(self.today, period.starts_on)
        if self._write(lambda s: conditional.end_period(s, period.id, on, version=period.version)):
            self.accept()

    # ---- turning them on -------------------------------------------------------------
    def _build_opening(self, layout: QVBoxLayout) -> None:
        intro = QLabel(i18n.translated(INTRO))
        intro.setWordWrap(True)
        theme.set_role(intro, "muted")
        layout.addWidget(intro)
        steps = self.check.ladder.steps
        before = sum(1 for s in steps if s.strategy is not Strategy.CONDITIONAL_SESSIONS)
        self.tried_heading = QLabel(  # the ladder has several steps: never one
            self.tr("What has been tried ({tried} of the {count} steps before this one)").format(
                tried=self.check.tried, count=before
            )
        )
        self.tried_heading.setStyleSheet("font-weight: 700; margin-top: 6px;")
        layout.addWidget(self.tried_heading)
        self.ladder_label = QLabel(ladder_html(self.check.ladder, self.today))
        self.ladder_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.ladder_label)

        flagged = "cannot postpone"  # not translated: the service's English; the flag says it
        warnings = [w for w in self.check.warnings if flagged not in w]
        self.warnings_label = QLabel(
            "<br>".join(f"⚠ {escape(i18n.translated(w))}" for w in warnings)
        )
        self.warnings_label.setTextFormat(Qt.TextFormat.RichText)
        self.warnings_label.setWordWrap(True)
        theme.set_role(self.warnings_label, WARNING_STYLE)
        self.warnings_label.setVisible(bool(warnings))
        layout.addWidget(self.warnings_label)

        blocked = self.check.blocked_without_override
        self.refusal_label = QLabel(
            self.tr(
                "<b>Refused unless overridden.</b> Conditional sessions could cancel sessions "
                "{name} needs. They are turned on only with a written reason for "
                "the override, the name of who you consulted, and a second confirmation."
            ).format(name=escape(self.name))
        )
        self.refusal_label.setTextFormat(Qt.TextFormat.RichText)
        self.refusal_label.setWordWrap(True)
        theme.set_role(self.refusal_label, REFUSAL_STYLE)
        self.refusal_label.setVisible(blocked)
        layout.addWidget(self.refusal_label)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.override_edit = text_field()
        self.override_edit.setPlaceholderText(
            self.tr(
                "Why conditional sessions are right for this client despite the risk, and how "
                "the risk is managed."
            )
        )
        self.override_edit.setFixedHeight(70)
        override_widget, self.override_hint = _with_hint(self.override_edit)
        form.addRow(self.tr("Override reason\n(required)"), override_widget)
        form.setRowVisible(override_widget, blocked)
        self.consulted_edit = QLineEdit()
        self.consulted_edit.setPlaceholderText(
            self.tr("Name and role, e.g. Dr A. Ruiz, clinical supervisor")
        )
        self.consulted_edit.setAccessibleName(self.tr("Who was consulted"))
        consulted_widget, self.consulted_hint = _with_hint(self.consulted_edit)
        form.addRow(self.tr("Who was consulted\n(required)"), consulted_widget)
        form.setRowVisible(consulted_widget, blocked)
        self.reason_edit = text_field()
        self.reason_edit.setPlaceholderText(
            self.tr("Why they are needed now, and what was agreed with the client.")
        )
        self.reason_edit.setFixedHeight(70)
        form.addRow(self.tr("Reason and agreement"), self.reason_edit)
        self.agreed_edit = date_field(QDateEdit())
        today = qdate(self.today)
        self.agreed_edit.setMaximumDate(today)
        self.agreed_edit.setDate(today)
        form.addRow(self.tr("Agreed with the client on"), self.agreed_edit)
        layout.addLayout(form)

        self.confirm_button = QPushButton(self.tr("Turn conditional sessions on"))
        self.confirm_button.clicked.connect(self.confirm)
        self.buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self._leave)
        self.override_edit.textChanged.connect(self._update)
        self.consulted_edit.textChanged.connect(self._update)
        self.reason_edit.textChanged.connect(self._update)
        self._update()

    def override_missing(self) -> int:
        """Characters still needed in the override reason (0 when enough or not needed)."""
        if not self.check.blocked_without_override:
            return 0
        written = clean(self.override_edit.toPlainText()) or ""
        return max(OVERRIDE_MIN - len(written), 0)

    def consulted_missing(self) -> str | None:
        """What is wrong with "who was consulted" (None when fine or not needed)."""
        if not self.check.blocked_without_override:
            return None
        problem = consulted_problem(clean(self.consulted_edit.text()))
        return None if problem is None else i18n.translated(problem)

    def confirm_risk(self) -> bool:
        """The second, explicit confirmation: names the risk; "Cancel" is the default."""
        reason = self.check.cannot_postpone_reason
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Turn conditional sessions on despite the risk?"))
        box.setText(
            self.tr(
                "{risk}\n\n"
                "With conditional sessions on, a missing self-record cancels {name}'s "
                "session. A client who cannot postpone treatment may then go without a session "
                "they need."
            ).format(risk=risk_text(reason, self.name), name=self.name)
        )
        box.setInformativeText(
            self.tr("Consulted: {who}.\nTurn conditional sessions on anyway?").format(
                who=clean(self.consulted_edit.text())
            )
        )
        yes = box.addButton(self.tr("Turn on despite the risk"), QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        self.risk_box = box
        box.exec()
        self.risk_box = None
        return box.clickedButton() is yes

    def _update(self) -> None:
        missing = self.override_missing()
        self.override_hint.setText(
            QCoreApplication.translate(
                "ConditionalDialog",
                "Characters still needed for the override reason: %n.",
                None,
                missing,
            )
            if missing
            else ""
        )
        who = self.consulted_missing()
        self.consulted_hint.setText(who or "")
        for hint in (self.override_hint, self.consulted_hint):
            _keep_room(hint)
        has_reason = bool(clean(self.reason_edit.toPlainText()))
        self.confirm_button.setEnabled(has_reason and not missing and not who)
        if missing:
            self.confirm_button.setToolTip(self.tr("A written override reason is required first."))
        elif who:
            self.confirm_button.setToolTip(self.tr("Say who was consulted first."))
        elif not has_reason:
            self.confirm_button.setToolTip(self.tr("Write the reason and what was agreed first."))
        else:
            self.confirm_button.setToolTip("")

    def confirm(self) -> None:
        if not self.confirm_button.isEnabled():
            return
        q = self.agreed_edit.date()
        agreed = pydate(q)
        reason = self.reason_edit.toPlainText()
        blocked = self.check.blocked_without_override
        override = self.override_edit.toPlainText() if blocked else None
        consulted = self.consulted_edit.text() if blocked else None
        if blocked and not self.confirm_risk():
            return
        if self._write(
            lambda s: conditional.open_period(
                s,
                self.client_id,
                reason=reason,
                agreed_on=agreed,
                override_reason=override,
                consulted=consulted,
                risk_confirmed=blocked,
                today=self.today,
            )
        ):
            self.accept()

    # ---- writing ----------------------------------------------------------------------
    def _write(self, action: Callable[[Session], PeriodView]) -> bool:
        self.error.hide()
        period = run_action(
            self,
            self._db,
            action,
            on_validation=lambda errors: self._say(
                " ".join(i18n.translated(m) for m in errors.values())
            ),
            kept_input=True,
            title=self.tr("Conditional sessions were not changed"),
        )
        if period is None:
            return False
        self.result_period = period
        self.changed.emit()
        return True

    def _say(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


def _with_hint(field: QWidget) -> tuple[QWidget, QLabel]:
    """``field`` with a red hint line under it (what is still missing), for a form row."""
    hint = QLabel()
    theme.set_role(hint, "danger")
    hint.setWordWrap(True)
    box = QVBoxLayout()
    box.setContentsMargins(0, 0, 0, 0)
    box.addWidget(field)
    box.addWidget(hint)
    _keep_room(hint)
    row = QWidget()
    row.setLayout(box)
    return row, hint


def _keep_room(hint: QLabel) -> None:
    """The hint keeps its line(s) when it empties (at least one line, and never less
    than it has needed), so the fields below do not jump up under the mouse."""
    if hint.text() and hint.width() > 0:
        needed = hint.heightForWidth(hint.width())
    else:
        needed = hint.fontMetrics().lineSpacing()
    hint.setMinimumHeight(max(hint.minimumHeight(), needed))
