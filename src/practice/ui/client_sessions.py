"""A client's appointments (newest first) with their notes, and what to do with them."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from practice.db.engine import Database
from practice.domain.views import AppointmentView
from practice.domain.vocabulary import AppointmentStatus, ResistanceGroup
from practice.services import appointments, audit, notes, session_flow
from practice.services.notes import NoteView
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import conflicts, i18n, theme
from practice.ui.actions import run_action
from practice.ui.agenda import STATUS_COLOURS
from practice.ui.amend_note_dialog import AmendNoteDialog
from practice.ui.appointment_dialog import AppointmentDialog
from practice.ui.dates import date_time_text, day_text, moment_day, short_date
from practice.ui.draft_left import after_cancel
from practice.ui.table_model import AnyIndex, RowsTableModel
from practice.ui.widgets import FlowLayout, ReloadWhenShown
from practice.ui.wording import NEXT_SESSION_TITLE, section_name

COL_WHEN, COL_LENGTH, COL_STATUS, COL_NOTE = range(4)
HEADERS = (
    QT_TRANSLATE_NOOP("AppointmentTableModel", "Date and time"),
    QT_TRANSLATE_NOOP("AppointmentTableModel", "Length"),
    QT_TRANSLATE_NOOP("AppointmentTableModel", "Status"),
    QT_TRANSLATE_NOOP("AppointmentTableModel", "Note"),
)
GROUP_WORDS = {  # an observation's group, in brackets after it
    ResistanceGroup.ATTITUDE: QT_TRANSLATE_NOOP("ClientSessionsTab", "attitude"),
    ResistanceGroup.BEHAVIOUR: QT_TRANSLATE_NOOP("ClientSessionsTab", "behavior"),
    ResistanceGroup.COGNITION: QT_TRANSLATE_NOOP("ClientSessionsTab", "cognition"),
}


class AppointmentTableModel(RowsTableModel[AppointmentView]):
    """A client's appointments, each with its session note when there is one."""

    headers = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._notes: dict[int, NoteView] = {}

    def set_appointments(
        self, rows: list[AppointmentView], notes_by_appt: dict[int, NoteView]
    ) -> None:
        """Show ``rows`` with their notes (by appointment id)."""
        self._notes = dict(notes_by_appt)
        super().set_rows(rows)

    def note_for(self, appointment_id: int) -> NoteView | None:
        return self._notes.get(appointment_id)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        appt = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_WHEN:
                return date_time_text(appt.starts_at)
            if col == COL_LENGTH:
                return self.tr("{minutes} min").format(minutes=appt.duration_minutes)
            if col == COL_STATUS:
                return i18n.translated(appt.status.label)
            note = self._notes.get(appt.id)
            if note is None:
                return "—"
            shown = self.tr("{format} (signed)") if note.signed else self.tr("{format} (draft)")
            return shown.format(format=i18n.translated(note.format.label))
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STATUS:
            return theme.color(STATUS_COLOURS[appt.status])
        return None


def note_html(note: NoteView) -> str:
    """A signed or draft note as readable HTML: original, then each amendment."""
    parts = [f"<h3>{moment_day(note.session_at)} — {i18n.translated(note.format.label)}</h3>"]
    if note.stage_of_change:
        parts.append(
            QCoreApplication.translate(
                "ClientSessionsTab", "<p><b>Stage of change:</b> {stage}. <i>{stance}</i></p>"
            ).format(
                stage=i18n.translated(note.stage_of_change.label),
                stance=escape(i18n.translated(note.stage_of_change.stance)),
            )
        )
    for name, text in note.sections.items():
        parts.append(f"<p><b>{escape(section_name(name))}</b><br>{_para(text)}</p>")
    if note.plan and note.plan.strip() != note.sections.get("Plan", "").strip():
        parts.append(
            f"<p><b>{escape(i18n.translated(NEXT_SESSION_TITLE))}</b><br>{_para(note.plan)}</p>"
        )
    if note.observations:
        raise_next = QCoreApplication.translate("ClientSessionsTab", "raise next session")
        items = "".join(
            f"<li>{escape(i18n.translated(o.kind.label))}"
            f" ({i18n.translated(GROUP_WORDS[o.kind.group])})"
            + (f": {escape(o.text)}" if o.text else "")
            + (f" — <b>{raise_next}</b>" if o.raise_next_session and not o.raised_at else "")
            + "</li>"
            for o in note.observations
        )
        observed = QCoreApplication.translate("ClientSessionsTab", "Resistance observed")
        parts.append(f"<p><b>{observed}</b></p><ul>{items}</ul>")
    if note.signed_at:
        signed = QCoreApplication.translate("ClientSessionsTab", "Signed {moment}").format(
            moment=date_time_text(note.signed_at)
        )
        parts.append(f"<p style='color:{theme.Ink('success')}'>{signed}</p>")
    else:
        draft = QCoreApplication.translate("ClientSessionsTab", "Draft — not signed yet")
        parts.append(f"<p style='color:{theme.Ink('warning')}'>{draft}</p>")
    amended = QCoreApplication.translate(
        "ClientSessionsTab", "<p><b>{section}</b> (amended)<br>{text}</p>"
    )
    for amendment in note.amendments:
        changed = "".join(
            amended.format(section=escape(section_name(name)), text=_para(text))
            for name, text in amendment.sections.items()
        )
        if amendment.plan is not None:
            changed += amended.format(
                section=section_name("Plan"),
                text=_para(amendment.plan),
            )
        heading = QCoreApplication.translate(
            "ClientSessionsTab", "<b>Amendment {moment}</b>: {reason}"
        ).format(moment=date_time_text(amendment.created_at), reason=escape(amendment.reason))
        parts.append(
            "<div style='margin-left:12px; border-left: 3px solid {line}; padding-left:8px'>"
            "<p>{heading}</p>{changed}</div>".format(
                line=theme.Ink("highlight_border"), heading=heading, changed=changed
            )
        )
    return "".join(parts)


def _para(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def note_action_problems(appt: AppointmentView | None, note: NoteView | None) -> tuple[str, str]:
    """Why the note cannot be signed, and why it cannot be amended ("" when it can)."""
    if appt is None:
        choose = QCoreApplication.translate("ClientSessionsTab", "Choose a session first.")
        return choose, choose
    if note is None:
        none = QCoreApplication.translate(
            "ClientSessionsTab", "This session has no note yet; write it with Start session."
        )
        return none, none
    if note.signed:
        if note.signed_at:
            return QCoreApplication.translate(
                "ClientSessionsTab", "Signed already on {day}; use Amend… to change it."
            ).format(day=short_date(note.signed_at.astimezone().date(), year=True)), ""
        return QCoreApplication.translate(
            "ClientSessionsTab", "Signed already; use Amend… to change it."
        ), ""
    written = any(t.strip() for t in note.sections.values()) or (note.plan or "").strip()
    sign = (
        ""
        if written
        else QCoreApplication.translate(
            "ClientSessionsTab", "The note is empty; write it before signing."
        )
    )
    return sign, QCoreApplication.translate(
        "ClientSessionsTab", "Not signed yet: change it with Start session, or sign it first."
    )


class ClientSessionsTab(ReloadWhenShown):
    """Emits ``start_session(appointment_id)`` for the session panel, and
    ``open_read_only(appointment_id)`` to look at a draft another computer is writing."""

    start_session = Signal(int)
    open_read_only = Signal(int)
    changed = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = database
        self.client_id: int | None = None
        self._opened_for: int | None = None  # the client whose opening is in the trail
        self.model = AppointmentTableModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Sessions"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._show_selected)
        self.note_view = QTextBrowser()
        self.note_view.setAccessibleName(self.tr("Session note"))
        self.note_view.setOpenExternalLinks(False)

        self.schedule_button = QPushButton(self.tr("Schedule…"))
        self.reschedule_button = QPushButton(self.tr("Reschedule…"))
        self.start_button = QPushButton(self.tr("Start session"))
        self.start_button.setToolTip(
            self.tr("Review homework, write the note, assign the next task")
        )
        self.status_buttons: dict[AppointmentStatus, QPushButton] = {}
        self.schedule_button.clicked.connect(self._schedule)
        self.reschedule_button.clicked.connect(self._reschedule)
        self.start_button.clicked.connect(self._start)
        self.sign_button = QPushButton(self.tr("Sign note"))
        self.amend_button = QPushButton(self.tr("Amend…"))
        self.sign_button.clicked.connect(self._sign)
        self.amend_button.clicked.connect(self._amend)
        button_row = QWidget()  # the rows of buttons wrap on a narrow screen
        buttons = FlowLayout(button_row)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.schedule_button)
        buttons.addWidget(self.reschedule_button)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.sign_button)
        buttons.addWidget(self.amend_button)
        mark_row = QWidget()
        marks = FlowLayout(mark_row)
        marks.setContentsMargins(0, 0, 0, 0)
        marks.addWidget(QLabel(self.tr("Mark as:")))
        for status, text in (
            (AppointmentStatus.ATTENDED, self.tr("Attended")),
            (AppointmentStatus.NO_SHOW, self.tr("No-show")),
            (AppointmentStatus.CANCELLED_BY_CLIENT, self.tr("Cancelled by client")),
            (AppointmentStatus.CANCELLED_BY_THERAPIST, self.tr("Cancelled by me")),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=status: self._mark(s))
            marks.addWidget(button)
            self.status_buttons[status] = button

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.note_view)
        splitter.setSizes([300, 300])
        layout = QVBoxLayout(self)
        layout.addWidget(button_row)
        layout.addWidget(mark_row)
        layout.addWidget(splitter, 1)
        self._update_buttons()

    def show_client(self, client_id: int | None) -> None:
        self.client_id = client_id
        self.refresh()

    def reload(self) -> None:
        current = self.selected()
        if self.client_id is None:
            self.model.set_appointments([], {})
        else:
            client_id = self.client_id
            opening = client_id != self._opened_for

            def read(s: Session) -> tuple[list[AppointmentView], dict[int, NoteView]]:
                if opening:  # access logging: once per opening, not at each reload
                    audit.notes_opened(s, client_id)
                return (
                    appointments.list_for_client(s, client_id),
                    {n.appointment_id: n for n in notes.notes_for_client(s, client_id)},
                )

            found = run_action(self, self._db, read)
            if found is None:
                return
            self._opened_for = client_id
            self.model.set_appointments(*found)
        self.setEnabled(self.client_id is not None)
        if current is not None:
            self.select(current.id)
        self._show_selected()

    def hideEvent(self, event: QHideEvent) -> None:
        # Leaving the tab (not the window being minimised) ends this opening.
        if not event.spontaneous():
            self._opened_for = None
            self._stale = True  # shown again: read again, and that opening is recorded
        super().hideEvent(event)

    def select(self, appointment_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).id == appointment_id:
                self.table.selectRow(row)
                return

    def selected(self) -> AppointmentView | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _show_selected(self) -> None:
        appt = self.selected()
        note = self.model.note_for(appt.id) if appt else None
        if appt is None:
            choose = self.tr("Choose an appointment.")
            self.note_view.setHtml(f"<p style='color:{theme.Ink('muted')}'>{choose}</p>")
        elif note is None:
            status = i18n.translated(appt.status.label)
            line = (
                self.tr("{status}: {reason}. No note.").format(
                    status=status, reason=escape(appt.status_reason)
                )
                if appt.status_reason
                else self.tr("{status}. No note.").format(status=status)
            )
            self.note_view.setHtml(f"<h3>{date_time_text(appt.starts_at)}</h3><p>{line}</p>")
        else:
            self.note_view.setHtml(note_html(note))
        self._update_buttons()

    def _update_buttons(self) -> None:
        appt = self.selected()
        scheduled = appt is not None and appt.status == AppointmentStatus.SCHEDULED
        self.reschedule_button.setEnabled(scheduled)
        self.start_button.setEnabled(
            appt is not None
            and appt.status in (AppointmentStatus.SCHEDULED, AppointmentStatus.ATTENDED)
        )
        for status, button in self.status_buttons.items():
            why = appointments.mark_problem(appt, status) if appt else None
            button.setEnabled(appt is not None and why is None)
            button.setToolTip(i18n.translated(why) if why else "")
        note = self.model.note_for(appt.id) if appt else None
        sign_why, amend_why = note_action_problems(appt, note)
        for button, why, tip in (
            (
                self.sign_button,
                sign_why,
                self.tr("Sign and lock this note; later changes are amendments"),
            ),
            (
                self.amend_button,
                amend_why,
                self.tr("Add an amendment; the signed note stays as it is"),
            ),
        ):
            button.setEnabled(not why)
            button.setToolTip(why or tip)

    def _schedule(self) -> None:
        if self.client_id is None:
            return
        dialog = AppointmentDialog(self._db, self.client_id, parent=self)
        if dialog.exec() and dialog.result_view:
            self.refresh()
            self.select(dialog.result_view.id)
            self.changed.emit()

    def _reschedule(self) -> None:
        appt = self.selected()
        if appt is None or self.client_id is None:
            return
        dialog = AppointmentDialog(self._db, self.client_id, appt, parent=self)
        if dialog.exec():
            self.refresh()
            self.changed.emit()

    def _mark(self, status: AppointmentStatus) -> None:
        appt = self.selected()
        if appt is None:
            return
        reason: str | None = None
        if status.is_cancelled:
            reason, ok = QInputDialog.getText(
                self, i18n.translated(status.label), self.tr("Reason (optional):")
            )
            if not ok:
                return
        marked = run_action(
            self,
            self._db,
            lambda s: appointments.mark(s, appt.id, status, reason or None, version=appt.version),
            title=self.tr("Cannot change this appointment"),
            on_reload=self.refresh,
        )
        if marked is None:
            return
        if status.is_cancelled:
            after_cancel(self, self._db, appt.id)  # its session draft: move, keep, discard
        self.refresh()
        self.changed.emit()

    def _sign(self) -> None:
        appt = self.selected()
        note = self.model.note_for(appt.id) if appt else None
        if appt is None or note is None or note_action_problems(appt, note)[0]:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Sign the note"),
            self.tr(
                "Sign the note of {day}? "
                "It is then locked: later changes are added as amendments beside it."
            ).format(day=day_text(appt.starts_at.astimezone().date(), year=True)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._sign_note(appt.id, note)

    def _sign_note(self, appointment_id: int, note: NoteView, *, take_over: bool = False) -> None:
        """Sign, unless another computer is writing this session's draft: then ask as
        Start session does (Open read-only: the panel shows it and nothing is signed;
        Take it over: audited, then signed; Cancel: nothing changes)."""

        def sign(s: Session) -> NoteView | session_flow.DraftElsewhere:
            try:
                return session_flow.sign_note(s, note.id, version=note.version, take_over=take_over)
            except session_flow.DraftElsewhereError as exc:  # nothing was written
                return exc.found

        signed = run_action(
            self,
            self._db,
            sign,
            title=self.tr("The note was not signed"),
            on_reload=self.refresh,
        )
        if isinstance(signed, session_flow.DraftElsewhere):
            choice = conflicts.ask_draft_elsewhere(signed, self)
            if choice == "take_over":  # not translated: a choice's key
                self._sign_note(appointment_id, note, take_over=True)
            elif choice == "read_only":  # not translated: a choice's key
                self.open_read_only.emit(appointment_id)
            return
        if signed is not None:
            self.refresh()
            self.changed.emit()

    def _amend(self) -> None:
        appt = self.selected()
        note = self.model.note_for(appt.id) if appt else None
        if appt is None or note is None or note_action_problems(appt, note)[1]:
            return
        dialog = AmendNoteDialog(self._db, note, self)
        if dialog.exec() and dialog.result_view is not None:
            self.refresh()
            self.changed.emit()

    def _start(self) -> None:
        appt = self.selected()
        if appt is not None:
            self.start_session.emit(appt.id)
