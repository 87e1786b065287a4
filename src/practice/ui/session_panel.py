"""The session panel: one window that leads through a whole session.

Review each active assignment -> note -> resistance and stage -> assign next homework
-> measures (optional: PHQ-9, GAD-7, goal ratings) -> done.
The panel works on a ``SessionDraft`` (``services.session_flow``): it is saved
on every step change, on Ctrl+S and when the window closes, so closing halfway keeps
what was entered and "Start session" on the same appointment resumes it. Nothing
clinical is written until Finish, which validates everything first and then calls
``session_flow.finish`` in one unit of work. Finishing with an empty note asks first.

The measures are recorded on Finish, in the same unit of work; but an answer above 0
to PHQ-9 question 9 records the PHQ-9 at once and opens the risk alert
(``ui.risk_alert_dialog``), so the alert exists even if the session is abandoned.

A session started before its appointment's day is a *preparation* draft: starting it
says so (:func:`confirm_preparation`), a banner stays on the panel, and Finish is
refused until that day.

Keyboard: Ctrl+Enter or Alt+N next (finish on the last step), Alt+B back, Ctrl+S save
draft, Ctrl+1..6 jump to a step, Esc close (the draft is kept).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from practice.db.engine import Database
from practice.domain.inputs import AssignmentInput
from practice.domain.measures import PHQ9, MeasureKind, MeasureSource
from practice.domain.session_draft import FlowStep, MeasuresDraft, SessionDraft
from practice.domain.views import AppointmentView, RaiseItem
from practice.domain.vocabulary import AppointmentStatus, StageOfChange
from practice.services import (
    appointments,
    clients,
    homework,
    homework_prefill,
    measures,
    observations,
    session_flow,
    sheet_answers,
)
from practice.services.appointments import now_utc
from practice.services.errors import ValidationError
from practice.services.measures import GoalView, MeasureInput, MeasureView, RiskAlertView
from practice.services.sheet_answers import StoredAnswer
from practice.services.versions import ChangedElsewhereError
from practice.sheets.templates import TemplateLibrary
from practice.ui import conflicts, i18n, theme
from practice.ui.actions import run_action
from practice.ui.dates import date_time_text, day_at, day_text, local, time_text
from practice.ui.risk_alert_dialog import acknowledge
from practice.ui.risk_flag import RiskFlag
from practice.ui.session_steps import StepPage
from practice.ui.session_steps.assign_step import AssignStep
from practice.ui.session_steps.done_step import DoneStep, summary_html
from practice.ui.session_steps.measures_step import MeasuresStep
from practice.ui.session_steps.measures_step import summary_html as measures_summary
from practice.ui.session_steps.note_step import NoteStep
from practice.ui.session_steps.resistance_step import ResistanceStep, raise_item_text
from practice.ui.session_steps.review_step import ReviewStep
from practice.ui.user_text import for_title, isolated, plain_label

STEP_ORDER = (
    FlowStep.REVIEW,
    FlowStep.NOTE,
    FlowStep.RESISTANCE,
    FlowStep.ASSIGN,
    FlowStep.MEASURES,
    FlowStep.DONE,
)
STEP_LIST_STYLE = (
    "QListWidget { font-size: 11pt; border: none; }"  # not translated: a style sheet
    "QListWidget::item { padding: 10px 8px; }"
)  # its colours: the "steps" role (ui/theme.py)
# and the "warning_box" role
RESUMED_STYLE = "padding: 3px 8px; border-radius: 3px;"  # not translated: a style sheet
PREPARATION_STYLE = (  # and the "info_box" role
    "border-radius: 4px; padding: 6px 10px; "  # not translated: a style sheet
    "font-size: 10.5pt; font-weight: 600;"
)
PANEL_SIZE = (1366, 768)


@dataclass(frozen=True)
class PanelContext:
    """Everything the panel reads from the database when it opens."""

    draft: SessionDraft
    resumed: bool
    appointment: AppointmentView
    client_name: str
    details: dict[int, str]  # assignment id -> one line about it
    raise_items: tuple[RaiseItem, ...]
    last_plan: str | None
    next_due: date | None  # the next appointment after this one
    default_template: str
    new_homework: AssignmentInput  # a new assignment's defaults, from the client's profile
    last_stage: StageOfChange | None = None  # the client's stage as last recorded
    preferred_name: str = ""
    # assignment id -> the answers of its returned fillable sheet imported into this session
    answers: dict[int, tuple[StoredAnswer, ...]] = field(default_factory=dict)
    preparation: bool = False  # the appointment is on a later day: it cannot be finished yet
    goals: tuple[GoalView, ...] = ()  # the client's current personal goals
    open_alerts: tuple[RiskAlertView, ...] = ()  # the client's risk alerts not acknowledged
    # the draft is another computer's (issue 17): asked about before the panel opens
    elsewhere: session_flow.DraftElsewhere | None = None
    read_only: bool = False  # opened to look at another computer's draft: nothing is saved
    draft_version: int | None = None  # the saved draft's version (discarding passes it back)
    taken_over: session_flow.DraftElsewhere | None = None  # whose draft it was, taken over

    @property
    def when(self) -> str:
        """ "Tue 9 Dec at 10:00": the appointment, as the panel names it."""
        return day_at(self.appointment.starts_at)


def preparation_text(context: PanelContext) -> str:
    return QCoreApplication.translate(
        "SessionPanel",
        "Preparation — this appointment is on {when}; you can finish it from then",
    ).format(when=context.when)


def confirm_preparation(parent: QWidget, context: PanelContext) -> bool:
    """Before a new draft for a later day: say it is a preparation, and ask."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("SessionPanel", "Prepare this session?"),
        QCoreApplication.translate(
            "SessionPanel",
            "This appointment is on {when}.\n\nWhat you enter now is kept as a "
            "preparation draft. You can finish the session from that day, not before.",
        ).format(when=context.when),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def load_context(s: Session, appointment_id: int, templates: TemplateLibrary) -> PanelContext:
    """Start (or resume) the session of an appointment; ServiceError when it cannot run."""
    resumed = session_flow.load_draft(s, appointment_id) is not None
    draft = session_flow.start(s, appointment_id)
    appointment = appointments.get(s, appointment_id)
    client = clients.get(s, appointment.client_id)
    active = homework.active_for_client(s, client.id)
    agenda = observations.items_to_raise(s, client.id)
    after = max(now_utc(), appointment.starts_at + timedelta(minutes=1))
    following = appointments.next_appointment(s, client.id, now=after)
    default_template = active[0].template_key if active else templates.keys()[0]
    new_homework = homework.defaults_for(s, client.id, default_template, templates=templates)
    details = {a.id: _detail(a) for a in active}
    raise_items = tuple(
        i
        for i in agenda.items
        if i.appointment_id != appointment.id and i.session_at < appointment.starts_at
    )
    shown = {i.observation.id: i.observation.version for i in raise_items}
    draft = session_flow.with_raise_items_shown(
        draft, {i: v for i, v in shown.items() if v is not None}
    )
    return PanelContext(
        draft=draft,
        resumed=resumed,
        appointment=appointment,
        client_name=client.display_name,
        details=details,
        raise_items=raise_items,
        last_plan=agenda.last_plan,
        next_due=following.local_day if following else None,
        default_template=default_template,
        new_homework=replace(new_homework, due_date=following.local_day if following else None),
        last_stage=client.stage_of_change,
        preferred_name=client.preferred_name or client.first_name,
        answers=sheet_answers.for_appointment(s, appointment_id),
        preparation=session_flow.is_preparation(appointment.starts_at),
        goals=tuple(measures.goals_for(s, client.id)),
        open_alerts=tuple(measures.open_alerts(s, client.id)),
        elsewhere=session_flow.draft_elsewhere(s, appointment_id),
        draft_version=session_flow.draft_version(s, appointment_id),
    )


def choose_for_draft_elsewhere(
    parent: QWidget, database: Database, templates: TemplateLibrary, context: PanelContext
) -> PanelContext | None:
    """A draft another computer is writing is never overwritten silently: ask. Open
    read-only (nothing is saved from here), take it over (the service audits it; the
    draft as saved there is read again and becomes this computer's), or Cancel (None)."""
    if context.elsewhere is None:
        return context
    choice = conflicts.ask_draft_elsewhere(context.elsewhere, parent)
    if choice is None:
        return None
    if choice == "read_only":  # not translated: a choice's key
        return replace(context, read_only=True)
    appointment_id = context.appointment.id

    def take_over(s: Session) -> PanelContext:
        session_flow.save_draft(s, session_flow.start(s, appointment_id), take_over=True)
        return replace(load_context(s, appointment_id, templates), taken_over=context.elsewhere)

    return run_action(
        parent,
        database,
        take_over,
        title=QCoreApplication.translate("SessionPanel", "The draft was not taken over"),
    )


def typed_text(draft: SessionDraft) -> str:
    """What was written in the session's texts (the note, the plan, the private note,
    the reviews' notes), for the clipboard when the session is reloaded."""
    texts = [
        *draft.note.sections.values(),
        draft.note.plan,
        draft.note.private_note,
        *(r.note for r in draft.reviews),
        *(o.text for o in draft.observations),
    ]
    return "\n\n".join(t.strip() for t in texts if t.strip())


def resumed_text(context: PanelContext) -> str:
    """The header's note on a draft opened again: left earlier here, or taken over."""
    found = context.taken_over
    if found is None:
        return QCoreApplication.translate("SessionPanel", "Resumed: the draft you left earlier")
    computer = i18n.translated(found.computer)
    if found.saved_at is None:
        return QCoreApplication.translate(
            "SessionPanel", "Taken over from {computer}: the draft saved there"
        ).format(computer=computer)
    saved = local(found.saved_at)
    if saved.date() == datetime.now().astimezone().date():
        return QCoreApplication.translate(
            "SessionPanel", "Taken over from {computer}: the draft saved there at {time}"
        ).format(computer=computer, time=time_text(saved))
    return QCoreApplication.translate(
        "SessionPanel", "Taken over from {computer}: the draft saved there on {when}"
    ).format(computer=computer, when=day_at(saved))


def _detail(a: homework.AssignmentView) -> str:
    values = {
        "code": a.code,
        "level": i18n.translated(a.level.label),
        "language": i18n.translated(a.language.label),
        "way": i18n.translated(a.modality.label).lower(),
        "set": day_text(a.start_date)
        if a.start_date
        else QCoreApplication.translate("SessionPanel", "today"),
    }
    if a.due_date:
        return QCoreApplication.translate(
            "SessionPanel", "code {code} · {level}, {language} · {way} · set {set}, bring by {due}"
        ).format(due=day_text(a.due_date), **values)
    return QCoreApplication.translate(
        "SessionPanel", "code {code} · {level}, {language} · {way} · set {set}"
    ).format(**values)


def _step_keys(number: int) -> str:
    """ "Ctrl+2": the keys that go to step ``number``, as the system writes them."""
    keys = QKeySequence(f"Ctrl+{number}")
    return keys.toString(QKeySequence.SequenceFormat.NativeText)


class SessionPanel(QWidget):
    """Emits ``finished(client_id, appointment_id)`` after a successful Finish and
    ``closed(appointment_id)`` whenever the window closes."""

    finished = Signal(int, int)
    closed = Signal(int)
    alerts_changed = Signal()  # a risk alert raised or acknowledged: Today shows it

    def __init__(
        self,
        database: Database,
        templates: TemplateLibrary,
        context: PanelContext,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._db = database
        self._ctx = context
        self._closing_without_save = False
        self._declined: session_flow.DraftElsewhere | None = None  # "Cancel" to its owner
        self.handed_over = False  # finished; the Done step hands the new homework over
        self._errors_shown = False
        self._service_errors: dict[str, str] = {}  # from finish, owned by no step
        when = context.appointment.starts_at.astimezone()
        self.setWindowTitle(
            self.tr("Session with {name}, {when}").format(
                name=for_title(context.client_name), when=date_time_text(when)
            )
        )
        self.templates = templates
        self.review_step = ReviewStep(context.details, context.last_plan, context.answers)
        self.note_step = NoteStep()
        self.resistance_step = ResistanceStep(context.raise_items, context.last_stage)
        self.assign_step = AssignStep(templates, self._defaults, context.default_template)
        self.measures_step = MeasuresStep(context.goals, preparation=context.preparation)
        self.measures_step.risk_answer.connect(self._risk_answer)
        self.measures_step.risk_changed.connect(self._risk_changed)
        self.measures_step.acknowledge_requested.connect(self._acknowledge_open)
        self.open_alerts = list(context.open_alerts)
        self.done_step = DoneStep()
        self.steps: list[StepPage] = [
            self.review_step,
            self.note_step,
            self.resistance_step,
            self.assign_step,
            self.measures_step,
            self.done_step,
        ]
        self._build(when)
        for page in self.steps:
            page.load(context.draft)
        self.measures_step.show_open_alert(bool(self.open_alerts))
        start = STEP_ORDER.index(context.draft.step) if context.draft.step in STEP_ORDER else 0
        self.go_to(start, save=False)
        self._kept = self.collect()  # what is saved (or, new, nothing of the user's yet)
        if context.read_only:
            self._make_read_only()

    def _make_read_only(self) -> None:
        """Another computer's draft, opened to look at: its texts can be read and copied,
        nothing can be changed, saved, discarded or finished here."""
        for page in self.steps:
            for edit in page.findChildren(QLineEdit) + page.findChildren(QTextEdit):
                edit.setReadOnly(True)
            for plain in page.findChildren(QPlainTextEdit):
                plain.setReadOnly(True)
            for widget in (
                page.findChildren(QAbstractButton)
                + page.findChildren(QComboBox)
                + page.findChildren(QSpinBox)
            ):
                widget.setEnabled(False)
        for button in (self.discard_button, self.save_button, self.next_button):
            button.setEnabled(False)
        found = self._ctx.elsewhere
        computer = i18n.translated(found.computer) if found else ""
        self.resumed_label.setText(
            self.tr("Read-only: this draft is being written on {computer}").format(
                computer=computer
            )
        )
        self.resumed_label.show()

    # ----- layout -----------------------------------------------------------------
    def _build(self, when: datetime) -> None:
        title = plain_label(QLabel())  # the name as typed, never as markup
        title.setText(self.tr("Session with {name}").format(name=isolated(self._ctx.client_name)))
        title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self._when = when
        sub = self.status_label = QLabel()
        self._show_appointment_status(self._ctx.appointment.status)
        sub.setStyleSheet("font-size: 10.5pt;")
        theme.set_role(sub, "muted")
        self.resumed_label = QLabel(resumed_text(self._ctx))
        self.resumed_label.setStyleSheet(RESUMED_STYLE)
        theme.set_role(self.resumed_label, "warning_box")
        self.resumed_label.setVisible(self._ctx.resumed)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addSpacing(14)
        header.addWidget(sub)
        header.addStretch(1)
        header.addWidget(self.resumed_label)
        self.preparation_label = QLabel(preparation_text(self._ctx))
        self.preparation_label.setWordWrap(True)
        self.preparation_label.setStyleSheet(PREPARATION_STYLE)
        theme.set_role(self.preparation_label, "info_box")
        self.preparation_label.setVisible(self._ctx.preparation)
        self.risk_flag: RiskFlag | None = None
        if self._ctx.appointment.cannot_postpone:  # the flag in full, above every step
            reason = self._ctx.appointment.cannot_postpone_reason
            self.risk_flag = RiskFlag(reason, self._ctx.preferred_name or None)

        self.step_list = QListWidget()
        self.step_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.step_list.setAccessibleName(self.tr("Session steps"))
        self.step_list.setStyleSheet(STEP_LIST_STYLE)
        theme.set_role(self.step_list, "steps")
        self.step_list.setFixedWidth(235)
        self.step_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for i, page in enumerate(self.steps, start=1):
            item = QListWidgetItem(f"{i}   {i18n.translated(page.title)}")
            item.setToolTip(_step_keys(i))
            self.step_list.addItem(item)
        self.step_list.itemClicked.connect(lambda item: self.go_to(self.step_list.row(item)))
        keys_hint = QLabel(
            self.tr(
                "Ctrl+Enter  next\nAlt+B  back\nCtrl+1…6  go to step\nCtrl+S  save draft\n"
                "Esc  close (draft kept)"
            )
        )
        keys_hint.setStyleSheet("font-size: 9pt; padding: 6px;")
        theme.set_role(keys_hint, "muted")
        left = QVBoxLayout()
        left.addWidget(self.step_list, 1)
        left.addWidget(keys_hint)

        self.stack = QStackedWidget()
        for page in self.steps:
            self.stack.addWidget(page)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addWidget(self.stack, 1)

        self.discard_button = QPushButton(self.tr("Discard draft…"))
        self.discard_button.clicked.connect(self.discard)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save draft  (Ctrl+S)"))
        self.save_button.clicked.connect(lambda: self.save_draft())
        self.back_button = QPushButton(self.tr("Back  (Alt+B)"))
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton()
        self.next_button.setDefault(True)
        self.next_button.setMinimumWidth(200)
        self.next_button.clicked.connect(self.next_or_finish)
        bottom = QHBoxLayout()
        bottom.addWidget(self.discard_button)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.back_button)
        bottom.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.preparation_label)
        if self.risk_flag is not None:
            layout.addWidget(self.risk_flag)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)

        for keys, slot in (
            ("Ctrl+Return", self.next_or_finish),
            ("Ctrl+Enter", self.next_or_finish),
            ("Alt+N", self.next_or_finish),
            ("Alt+B", self.back),
            ("Ctrl+S", self.save_draft),
            ("Esc", self.close),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)
        for i in range(len(self.steps)):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self)
            shortcut.activated.connect(lambda i=i: self.go_to(i))

    # ----- navigation -------------------------------------------------------------
    @property
    def current(self) -> int:
        return self.stack.currentIndex()

    def go_to(self, index: int, *, save: bool = True) -> None:
        if self.handed_over:  # saved: nothing to go back to
            return
        index = max(0, min(index, len(self.steps) - 1))
        draft = self.collect(step=index)
        if index == STEP_ORDER.index(FlowStep.ASSIGN):
            self.assign_step.set_stage(draft.note.stage_of_change)
        if self._errors_shown:
            self._show_errors(self.validation_errors(draft))
        if index == STEP_ORDER.index(FlowStep.DONE):
            self._refresh_summary(draft)
        self.stack.setCurrentIndex(index)
        self.step_list.setCurrentRow(index)
        last = index == len(self.steps) - 1
        self.back_button.setEnabled(index > 0)
        self.next_button.setText(
            self.tr("Finish session  (Ctrl+Enter)") if last else self.tr("Next  (Alt+N)")
        )
        if save:
            self.save_draft(draft, quiet=True)
        self.steps[index].focus_first()

    def next_or_finish(self) -> None:
        if self._ctx.read_only and self.current == len(self.steps) - 1:
            return  # another computer's draft: it is finished there
        if self.handed_over:
            self.close()
        elif self.current == len(self.steps) - 1:
            self.finish()
        elif self.steps[self.current] is self.review_step and not self._brought_chosen():
            return
        else:
            self.go_to(self.current + 1)

    def _brought_chosen(self) -> bool:
        """Whether "Brought the record" is answered on every review (else say so)."""
        errors = {
            k: v
            for k, v in self.validation_errors(self.collect()).items()
            if k.startswith("reviews.") and k.endswith(".brought")
        }
        if not errors:
            return True
        self.review_step.show_errors(errors)
        self._set_status(
            self.tr(
                "Choose Yes or No for “Brought the record” on each assignment before going on "
                "(or tick “Not reviewed this session”)."
            ),
            error=True,
        )
        return False

    def back(self) -> None:
        if self.current > 0:
            self.go_to(self.current - 1)

    # ----- the draft --------------------------------------------------------------
    def collect(self, step: int | None = None) -> SessionDraft:
        """The draft as it stands on screen (every step applied)."""
        draft = self._ctx.draft
        for page in self.steps:
            draft = page.apply(draft)
        index = self.current if step is None else step
        return replace(draft, step=STEP_ORDER[max(index, 0)])

    def save_draft(
        self,
        draft: SessionDraft | None = None,
        *,
        quiet: bool = False,
        take_over: bool = False,
        ask: bool = True,
    ) -> bool:
        """Keep the draft; False when it was not saved (said on the status line).
        ``ask``: when another computer owns the draft, ask what to do (else only say)."""
        if self.handed_over or self._ctx.read_only:  # read-only: another computer's draft
            return True
        chosen = draft or self.collect()

        def save(s: Session) -> AppointmentStatus | session_flow.DraftElsewhere:
            try:
                session_flow.save_draft(s, chosen, take_over=take_over)
            except session_flow.DraftElsewhereError as exc:  # nothing was written
                return exc.found
            self._keep_draft_version(s)
            return appointments.get(s, self._ctx.appointment.id).status

        status = run_action(
            self,
            self._db,
            save,
            on_problem=lambda message: self._set_status(
                self.tr("The draft could not be saved: {message}").format(
                    message=i18n.translated(message)
                ),
                error=True,
            ),
        )
        if status is None:
            return False
        if isinstance(status, session_flow.DraftElsewhere):
            return self._taken_elsewhere(status, chosen, quiet=quiet, ask=ask)
        self._kept, self._declined = chosen, None
        self._show_appointment_status(status)  # changed elsewhere meanwhile, perhaps
        saved = self.tr("Draft saved at {time}.").format(time=time_text(datetime.now()))
        self._set_status(saved if not quiet else "")
        return True

    def _keep_draft_version(self, s: Session) -> None:
        """After saving the draft: its version now (discarding passes it back)."""
        version = session_flow.draft_version(s, self._ctx.appointment.id)
        self._ctx = replace(self._ctx, draft_version=version)

    def _taken_elsewhere(
        self, found: session_flow.DraftElsewhere, draft: SessionDraft, *, quiet: bool, ask: bool
    ) -> bool:
        """Another computer saved this draft meanwhile (took it over): never overwrite it
        silently. Ask: take it back (audited), keep looking read-only (what was entered
        here stays on screen, to copy), or Cancel (nothing saved; the panel as it is).
        After a Cancel only Save draft asks again, not each step change or closing."""
        if ask and not (quiet and self._declined is not None):
            choice = conflicts.ask_draft_elsewhere(found, self)
            if choice == "take_over":  # not translated: a choice's key
                return self.save_draft(draft, quiet=quiet, take_over=True)
            if choice == "read_only":  # not translated: a choice's key
                self._ctx = replace(self._ctx, read_only=True, elsewhere=found)
                self._make_read_only()  # not saved: closing asks before losing it
            else:
                self._declined = found
        self._set_status(
            self.tr("The draft was not saved: it is being written on {computer}.").format(
                computer=i18n.translated(found.computer)
            ),
            error=True,
        )
        return False

    def discard(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Discard this session's draft"),
            self.tr(
                "Throw away everything entered in this panel? Nothing from it has been saved "
                "to the record yet."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        appointment_id, version = self._ctx.appointment.id, self._ctx.draft_version
        if (
            run_action(
                self,
                self._db,
                lambda s: session_flow.discard_draft(s, appointment_id, version=version),
                title=self.tr("The draft was not discarded"),
            )
            is None
        ):
            return
        self._closing_without_save = True
        self.close()

    def _defaults(self, template_key: str) -> AssignmentInput:
        data = replace(self._ctx.new_homework, template_key=template_key)
        return homework_prefill.with_template_texts(data, templates=self.templates)

    # ----- validating and finishing -----------------------------------------------
    def validation_errors(self, draft: SessionDraft) -> dict[str, str]:
        errors = dict(session_flow.validate_draft(draft))
        for page in self.steps:
            errors.update(page.parse_errors())
        return errors

    def finish(self) -> bool:
        """Validate everything, then write the whole session at once (or nothing)."""
        draft = self.collect()
        if self._ctx.preparation and session_flow.is_preparation(self._ctx.appointment.starts_at):
            self.save_draft(draft, quiet=True)
            message = session_flow.preparation_refusal(self._ctx.appointment.starts_at)
            shown = i18n.translated(message)
            self._set_status(shown, error=True)
            QMessageBox.warning(self, self.tr("Not yet: this is a preparation"), shown)
            return False
        self._service_errors = {}
        errors = self.validation_errors(draft)
        if errors:
            self._fail(errors)
            return False
        if draft.note.is_empty and not draft.note.already_signed and not self._empty_note_ok():
            return False
        running = self._running_choices(draft)
        if running is None:
            return False
        raised: list[RiskAlertView] = []
        refused: list[ChangedElsewhereError] = []
        reloaded: list[bool] = []
        elsewhere: list[session_flow.DraftElsewhere] = []

        def finish_and_record(s: Session) -> session_flow.SessionOutcome | None:
            try:
                done = session_flow.finish(s, draft, running=running)
                raised[:] = self._record_measures(s, draft)
            except ChangedElsewhereError as error:  # nothing was written
                refused.append(error)
                raise
            except session_flow.DraftElsewhereError as taken:  # nothing was written
                elsewhere.append(taken.found)
                return None
            return done

        finished = run_action(
            self,
            self._db,
            finish_and_record,
            on_validation=self._fail,
            kept_input=True,
            title=self.tr("The session could not be saved"),
            on_reload=lambda: reloaded.append(self._reload(draft)),
            typed=lambda: typed_text(draft),
        )
        if finished is None and elsewhere:  # taken over there meanwhile: ask, as a save does
            self._taken_elsewhere(elsewhere[0], draft, quiet=False, ask=True)
            return False
        if finished is None:
            if refused:  # changed on another computer: what was typed stays, as a draft
                self.save_draft(quiet=True)
                said = (
                    self.tr("Reloaded what changed on {computer}. Check it, then finish again.")
                    if any(reloaded)
                    else self.tr("Not finished: something in this session changed on {computer}.")
                )
                computer = i18n.translated(refused[0].computer)
                self._set_status(said.format(computer=computer), error=True)
            return False
        self._closing_without_save = True
        for alert in raised:  # not raised at once (recording it then failed): now
            self._acknowledge(alert)
        self.finished.emit(self._ctx.appointment.client_id, self._ctx.appointment.id)
        if finished.assignments:
            self._hand_over(finished.assignments)
        else:
            self.close()
        return True

    def _reload(self, draft: SessionDraft) -> bool:
        """Reload after finishing was refused: the note, private note, reviews and
        observations as they are now (what was typed is on the clipboard); the new
        homework and measures entered here stay."""
        fresh = run_action(
            self,
            self._db,
            lambda s: session_flow.reloaded(s, draft),
            title=self.tr("The session could not be reloaded"),
        )
        if fresh is None:
            return False
        self._ctx = replace(self._ctx, draft=fresh)
        for page in self.steps:
            page.load(fresh)
        self.measures_step.show_open_alert(bool(self.open_alerts))
        return True

    # ----- measures -----------------------------------------------------------------
    def _measure_inputs(self, draft: SessionDraft) -> list[MeasureInput]:
        """The measures taken in this session and not recorded yet."""
        m = draft.measures
        client_id, appointment_id = self._ctx.appointment.client_id, self._ctx.appointment.id
        taken_on = min(date.today(), now_utc().date())  # never "in the future" in UTC
        found = []
        for kind, answers, difficulty in (
            (MeasureKind.PHQ9, m.phq9, m.phq9_difficulty),
            (MeasureKind.GAD7, m.gad7, m.gad7_difficulty),
            (MeasureKind.GOALS, (), None),
        ):
            ratings = m.goal_ratings if kind is MeasureKind.GOALS else ()
            if (answers or ratings) and kind.value not in m.recorded:
                found.append(
                    MeasureInput(
                        client_id,
                        kind,
                        taken_on,
                        MeasureSource.SESSION,
                        answers=answers,
                        difficulty=difficulty,
                        ratings=ratings,
                        appointment_id=appointment_id,
                    )
                )
        return found

    def _record_measures(self, s: Session, draft: SessionDraft) -> list[RiskAlertView]:
        alerts = []
        m = draft.measures
        for data in self._measure_inputs(draft):
            try:
                _view, alert = measures.record_measure(s, data)
            except ValidationError as error:
                raise ValidationError(
                    {f"measures.{k}": v for k, v in error.errors.items()}
                ) from error
            if alert is not None:
                alerts.append(alert)
        if m.phq9_measure_id is not None:  # recorded at once: the same PHQ-9, updated
            _view, alert = self._update_phq9(s, m)
            if alert is not None:
                alerts.append(alert)
        return alerts

    def _update_phq9(
        self, s: Session, m: MeasuresDraft
    ) -> tuple[MeasureView, RiskAlertView | None]:
        assert m.phq9_measure_id is not None
        answers = m.phq9 or (None,) * PHQ9.item_count  # all cleared: kept, unanswered
        try:
            return measures.update_measure(
                s, m.phq9_measure_id, answers, m.phq9_difficulty, version=m.phq9_measure_version
            )
        except ValidationError as error:
            raise ValidationError({f"measures.{k}": v for k, v in error.errors.items()}) from error

    def _risk_changed(self) -> None:
        """Question 9 changed after the PHQ-9 was recorded at once: update it now."""
        draft = self.collect()
        if draft.measures.phq9_measure_id is None:
            return

        def update(s: Session) -> list[RiskAlertView]:
            nonlocal draft
            view, alert = self._update_phq9(s, draft.measures)
            draft = replace(
                draft, measures=replace(draft.measures, phq9_measure_version=view.version)
            )
            session_flow.save_draft(s, draft)
            self._keep_draft_version(s)
            return [alert] if alert is not None else []

        raised = run_action(
            self,
            self._db,
            update,
            on_validation=self.measures_step.show_errors,
            title=self.tr("The PHQ-9 could not be updated"),
        )
        if raised is None:
            return
        self._ctx = replace(self._ctx, draft=draft)
        if not raised:  # an open alert's answer may have changed: Today says it too
            self.alerts_changed.emit()
        for alert in raised:
            self.open_alerts.append(alert)
            self.measures_step.show_open_alert(True)
            self.alerts_changed.emit()
            self._acknowledge(alert)

    def _risk_answer(self) -> None:
        """PHQ-9 question 9 above 0: record the PHQ-9 now, then open the alert."""
        draft = self.collect()
        phq9 = [d for d in self._measure_inputs(draft) if d.kind is MeasureKind.PHQ9]
        if not phq9:
            return
        recorded = replace(
            draft,
            measures=replace(
                draft.measures,
                recorded=(*draft.measures.recorded, MeasureKind.PHQ9.value),
            ),
        )

        def record(s: Session) -> tuple[int, RiskAlertView | None]:
            nonlocal recorded
            view, alert = measures.record_measure(s, phq9[0])
            recorded = replace(
                recorded,
                measures=replace(
                    recorded.measures, phq9_measure_id=view.id, phq9_measure_version=view.version
                ),
            )
            session_flow.save_draft(s, recorded)
            self._keep_draft_version(s)
            return view.id, alert

        done = run_action(
            self,
            self._db,
            record,
            on_validation=lambda errors: self.measures_step.show_errors(
                {f"measures.{k}": v for k, v in errors.items()}
            ),
            title=self.tr("The PHQ-9 could not be recorded"),
        )
        if done is None:
            return
        measure_id, alert = done
        self._ctx = replace(self._ctx, draft=recorded)
        self.measures_step.set_recorded(MeasureKind.PHQ9, measure_id)
        if alert is None:
            return
        self.open_alerts.append(alert)
        self.measures_step.show_open_alert(True)
        self._set_status(self.tr("The PHQ-9 is recorded and a risk alert raised."))
        self.alerts_changed.emit()
        self._acknowledge(alert)

    def _acknowledge_open(self) -> None:
        if self.open_alerts:
            self._acknowledge(self.open_alerts[0])

    def _acknowledge(self, alert: RiskAlertView) -> None:
        if not acknowledge(self, self._db, alert):
            return
        self.open_alerts = [a for a in self.open_alerts if a.id != alert.id]
        self.measures_step.show_open_alert(bool(self.open_alerts))
        self._set_status(self.tr("Risk alert acknowledged."))
        self.alerts_changed.emit()

    def _empty_note_ok(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Finish without a note?"),
            self.tr(
                "The session note is empty. Finish without a note?\n\n"
                "Choose No to go back and write it."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            return True
        self.go_to(STEP_ORDER.index(FlowStep.NOTE))
        self._set_status(self.tr("Not finished: write the note, then finish."))
        return False

    def _running_choices(self, draft: SessionDraft) -> dict[int, homework.RunningChoice] | None:
        """Ask about new homework whose template is running already; None: cancelled."""
        client_id = self._ctx.appointment.client_id
        found = run_action(
            self,
            self._db,
            lambda s: {
                i: homework.running_of_template(s, client_id, a.template_key)
                for i, a in enumerate(draft.assignments)
            },
            title=self.tr("The session could not be saved"),
        )
        if found is None:
            return None
        if not any(found.values()):
            return {}
        self.go_to(STEP_ORDER.index(FlowStep.ASSIGN), save=False)
        choices = self.assign_step.decide_running(found)
        if choices is None:
            self._set_status(
                self.tr("Nothing was saved: choose what to do with the running homework.")
            )
        else:
            self.go_to(STEP_ORDER.index(FlowStep.DONE), save=False)
        return choices

    def _show_appointment_status(self, status: AppointmentStatus) -> None:
        """The header's "Mon 17 Mar 2025, 11:00 · attended", as the appointment is now."""
        self.status_label.setText(
            f"{date_time_text(self._when)}  ·  {i18n.translated(status.label).lower()}"
        )

    def _refresh_appointment_status(self) -> None:
        status = run_action(
            self, self._db, lambda s: appointments.get(s, self._ctx.appointment.id).status
        )
        if status is not None:
            self._show_appointment_status(status)

    def _hand_over(self, assignments: tuple[homework.AssignmentView, ...]) -> None:
        """Saved: stay on Done to print or save the new homework, then Close."""
        self.handed_over = True
        self._refresh_appointment_status()  # attended now, no longer "scheduled"
        self.done_step.show_handover(self._db, self.templates, assignments)
        for widget in (self.back_button, self.save_button, self.discard_button, self.step_list):
            widget.setEnabled(False)
        self.next_button.setText(self.tr("Close"))
        self._set_status(self.tr("The session is saved."))
        self.activateWindow()  # back from the running-homework question, if asked
        self.done_step.focus_first()

    def _fail(self, errors: dict[str, str]) -> None:
        self._errors_shown = True
        self._service_errors = {
            k: v for k, v in errors.items() if not any(p.owns(k) for p in self.steps)
        }
        counts = self._show_errors(errors)
        first = next((i for i, n in enumerate(counts) if n), len(self.steps) - 1)
        self.go_to(first)
        wrong = len(errors)
        self._set_status(
            QCoreApplication.translate(
                "SessionPanel",
                "Nothing was saved: %n thing(s) to fix, marked in red.",
                None,
                wrong,
            ),
            error=True,
        )

    def _show_errors(self, errors: dict[str, str]) -> list[int]:
        """Show each step's messages by its fields; return the count per step."""
        counts = [page.show_errors(errors) for page in self.steps]
        for i, page in enumerate(self.steps):
            item = self.step_list.item(i)
            n = counts[i]
            item.setText(f"{i + 1}   {i18n.translated(page.title)}" + (f"  ({n})" if n else ""))
            item.setForeground(theme.color("danger") if n else theme.color("text"))
            to_fix = QCoreApplication.translate("SessionPanel", "%n thing(s) to fix", None, n)
            item.setToolTip(_step_keys(i + 1) + (f" — {to_fix}" if n else ""))
        unowned = [k for k in errors if not any(p.owns(k) for p in self.steps)]
        counts[-1] += len(unowned)
        if not errors:
            self._errors_shown = False
        return counts

    def _problem_lines(self, errors: dict[str, str]) -> list[str]:
        lines = []
        titles = {r.assignment_id: r.assignment_title for r in self._ctx.draft.reviews}
        for key, message in errors.items():
            page = next((p for p in self.steps if p.owns(key)), None)
            where = i18n.translated(page.title) if page else self.tr("Session")
            if key.startswith("reviews."):
                assignment_id = int(key.split(".")[1])
                title = titles.get(assignment_id) or self.tr("assignment")
                where += f" — {title}"
            lines.append(f"{where}: {i18n.translated(message)}")
        return lines

    def _refresh_summary(self, draft: SessionDraft) -> None:
        errors = {**self.validation_errors(draft), **self._service_errors}
        raise_texts = {i.observation.id: raise_item_text(i) for i in self._ctx.raise_items}
        html = summary_html(
            draft,
            self.templates,
            raise_texts,
            will_mark_attended=self._ctx.appointment.status == AppointmentStatus.SCHEDULED,
        )
        html += measures_summary(draft.measures, self._ctx.goals)
        self.done_step.show_summary(html, self._problem_lines(errors))

    def _set_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        theme.set_role(self.status, "danger" if error else "muted")

    # ----- showing and closing ----------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.steps[self.current].focus_first()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing_without_save and not self._kept_on_closing():
            event.ignore()  # the panel stays open with what was entered
            return
        self.closed.emit(self._ctx.appointment.id)
        super().closeEvent(event)

    def _kept_on_closing(self) -> bool:
        """Save what was entered as the panel closes; False: stay open. Nothing changed
        here since the draft was saved (or opened): nothing to lose, so nothing is asked,
        not even who owns the draft (a read-only panel, a draft taken over meanwhile)."""
        if self._unchanged():
            self.save_draft(quiet=True, ask=False)  # a new draft is kept as it opened
            return True
        if self._ctx.read_only:  # turned read-only with what was entered here unsaved
            return self._close_unsaved_ok()
        return self.save_draft(quiet=True) or self._close_unsaved_ok()

    def _unchanged(self) -> bool:
        """Nothing entered since the draft was last saved here (the step aside)."""
        first = STEP_ORDER[0]
        return replace(self.collect(), step=first) == replace(self._kept, step=first)

    def _close_unsaved_ok(self) -> bool:
        """The draft could not be saved on closing (another computer took it over, the
        disk is full...): never lose what was entered silently; ask."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("The draft was not saved"),
            self.status.text(),
            QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("draftNotSaved")  # not translated: an object name
        box.setInformativeText(
            self.tr(
                "Close anyway? What you entered since the draft was last saved is lost; "
                "Cancel keeps the panel open so you can copy it."
            )
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Close
