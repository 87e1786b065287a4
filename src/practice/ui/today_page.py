"""Today, the app's home: what a therapist opens every morning
(docs/clinical.md, Session prep and Today).

Left: today's and tomorrow's appointments (open the prep or start the session), the
day-before calls to make for clients under conditional sessions, and attended sessions
whose homework review is missing. Right: the reminders to send today, each with its
ready text, "Copy text" and "Mark sent" (with an undo). A date picker shows another day.
Everything comes from one ``today.build_today`` call; the view rebuilds when shown after
a change elsewhere (``refresh`` on a hidden view only marks it out of date).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from practice.db.engine import Database
from practice.domain.vocabulary import AppointmentStatus, CallDecision
from practice.services import reminders, today
from practice.services.today import CallDue, TodayAppointment, TodayData
from practice.ui import theme
from practice.ui.actions import run_action
from practice.ui.appointment_dialog import AppointmentDialog
from practice.ui.call_dialog import CallDialog
from practice.ui.dates import date_field, day_at, day_text, long_date, pydate, qdate
from practice.ui.draft_left import after_cancel
from practice.ui.i18n import translated
from practice.ui.risk_alert_dialog import AlertCards, open_alerts
from practice.ui.session_steps import Columns
from practice.ui.today_rows import (
    AppointmentTree,
    CallRow,
    MissingRow,
    ReminderDueCard,
    RiskFlags,
    VerticalScroll,
    empty_label,
)

HEADING_STYLE = (
    "font-size: 12pt; font-weight: 700; margin-top: 6px;"  # not translated: a style sheet
)


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(HEADING_STYLE)
    theme.set_role(label, "heading")
    label.setWordWrap(True)
    return label


class TodayPage(QWidget):
    """Signals: ``open_prep(client_id)``, ``start_session(appointment_id)``,
    ``open_client(client_id, tab)`` and ``changed`` after an appointment changed."""

    open_prep = Signal(int)
    start_session = Signal(int)
    open_client = Signal(int, str)
    changed = Signal()

    def __init__(
        self, database: Database, parent: QWidget | None = None, *, day: date | None = None
    ) -> None:
        super().__init__(parent)
        self._db = database
        self.follow_today = day is None  # the date moves on with the clock until one is chosen
        self.day = day or date.today()
        self.data: TodayData | None = None
        self.reminder_cards: list[ReminderDueCard] = []
        self.call_rows: list[CallRow] = []
        self.missing_rows: list[MissingRow] = []
        self.call_dialog: CallDialog | None = None
        self.rebook_dialog: AppointmentDialog | None = None
        self._dirty = True
        self._back_to_today = False

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: 700;")
        self.previous_button = QPushButton("◀")
        self.next_button = QPushButton("▶")
        for button in (self.previous_button, self.next_button):
            button.setFixedWidth(34)
        self.previous_button.setToolTip(self.tr("The day before"))
        self.next_button.setToolTip(self.tr("The day after"))
        self.date_edit = date_field(QDateEdit())
        self.today_button = QPushButton(self.tr("Today"))
        self.previous_button.setAccessibleName(self.tr("The day before"))
        self.next_button.setAccessibleName(self.tr("The day after"))
        self.date_edit.setAccessibleName(self.tr("Day shown"))
        self.previous_button.clicked.connect(lambda: self.set_day(self.day - timedelta(days=1)))
        self.next_button.clicked.connect(lambda: self.set_day(self.day + timedelta(days=1)))
        self.today_button.clicked.connect(lambda: self.set_day(date.today(), follow=True))
        self.date_edit.dateChanged.connect(lambda q: self.set_day(pydate(q)))
        day_buttons = QWidget()
        day_row = QHBoxLayout(day_buttons)
        day_row.setContentsMargins(0, 0, 0, 0)
        day_row.addStretch(1)
        for widget in (self.previous_button, self.date_edit, self.next_button, self.today_button):
            day_row.addWidget(widget)
        top = Columns([(self.title, 1), (day_buttons, 0)])  # the buttons go below when narrow
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size: 10.5pt;")
        theme.set_role(self.summary, "muted")
        # The status line keeps its one line of space, said or not, so that saying
        # something after an action does not push the page down.
        self.message = QLabel(" ")
        theme.set_role(self.message, "success")
        self.message.setFixedHeight(self.message.sizeHint().height())
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

        self.alert_cards = AlertCards(database)  # PHQ-9 question 9: never waits
        self._acknowledged_said = False  # the message says "Risk alert acknowledged."
        self.alert_cards.acknowledged.connect(self._alert_acknowledged)

        self.tree = AppointmentTree()
        self.tree.setAccessibleName(self.tr("Appointments of the day"))
        self.risk_flags = RiskFlags()  # each flagged client's "cannot postpone", in full
        self.tree.itemDoubleClicked.connect(lambda item, _col: self._open_prep(item))
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.prep_button = QPushButton(self.tr("Open prep"))
        self.session_button = QPushButton(self.tr("Start session"))
        self.prep_button.clicked.connect(lambda: self._open_prep(self.tree.currentItem()))
        self.session_button.clicked.connect(self._start_selected)
        appointment_buttons = QHBoxLayout()
        appointment_buttons.addWidget(self.prep_button)
        appointment_buttons.addWidget(self.session_button)
        appointment_buttons.addStretch(1)

        self.calls_heading = _heading(self.tr("Day-before calls"))
        self.calls_box = QVBoxLayout()
        self.missing_heading = _heading(self.tr("Reviews missing"))
        self.missing_box = QVBoxLayout()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(self.calls_heading)
        left_layout.addLayout(self.calls_box)
        left_layout.addWidget(_heading(self.tr("Appointments")))
        left_layout.addWidget(self.risk_flags)
        left_layout.addWidget(self.tree)
        left_layout.addLayout(appointment_buttons)
        left_layout.addWidget(self.missing_heading)
        left_layout.addLayout(self.missing_box)
        left_layout.addStretch(1)

        self.reminders_heading = _heading(self.tr("Reminders to send today"))
        self.reminders_box = QVBoxLayout()
        self.reminders_box.setSpacing(8)
        reminders_widget = QWidget()
        inner = QVBoxLayout(reminders_widget)
        inner.setContentsMargins(0, 0, 4, 0)
        inner.addLayout(self.reminders_box)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setAccessibleName(self.tr("Reminders to send today"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Always there, so the cards' wrapped text is measured at the width it gets.
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        scroll.setWidget(reminders_widget)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(self.reminders_heading)
        right_layout.addWidget(scroll, 1)

        # Scrolls rather than cutting a wrapped flag or making the window taller than a
        # 1024x600 screen.
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left_scroll = VerticalScroll(left)
        left_scroll.setAccessibleName(self.tr("The day's sessions"))
        splitter.addWidget(left_scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(top)
        layout.addWidget(self.alert_cards)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self._show_day()

    # ---- loading --------------------------------------------------------------------
    def set_day(self, day: date, *, follow: bool = False) -> None:
        self._back_to_today = False  # a day chosen while away is kept
        self.follow_today = follow
        if day != self.day:
            self.day = day
            self.message.clear()
        self._show_day()
        self.refresh()

    def _show_day(self) -> None:
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(qdate(self.day))
        self.date_edit.blockSignals(False)
        long_day = long_date(self.day)
        self.title.setText(
            self.tr("Today — {day}").format(day=long_day) if self.day == date.today() else long_day
        )

    def refresh(self) -> None:
        if not self.isVisible():
            self._dirty = True
            return
        self._dirty = False
        data = run_action(
            self,
            self._db,
            lambda s: (today.build_today(s, self.day), open_alerts(s)),
            on_problem=lambda m: self._say(m, error=True),
        )
        if data is not None:
            self.apply(data[0])
            self.alert_cards.show_alerts(data[1])
            if self._acknowledged_said:  # never a stale "acknowledged" under a new alert
                self._acknowledged_said = False
                self.message.clear()

    def _alert_acknowledged(self) -> None:
        self.refresh()
        self.changed.emit()  # the client may be marked "cannot postpone" now
        self._say(self.tr("Risk alert acknowledged."))
        self._acknowledged_said = True  # until the alerts are loaded again

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not event.spontaneous():  # another page was chosen (not a minimised window)
            self._back_to_today = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._back_to_today and not event.spontaneous():
            # Coming back to Today (Ctrl+1, the sidebar) shows the real today again
            self._back_to_today = False
            self.follow_today = True
            if self.day != date.today():
                self.message.clear()
        if self.follow_today and self.day != date.today():
            self.day = date.today()
            self._show_day()
            self._dirty = True
        if self._dirty:
            self.refresh()

    def apply(self, data: TodayData) -> None:
        self.data = data
        self.tree.fill(data)
        self.risk_flags.fill(data.today + data.tomorrow)
        self._update_buttons()
        to_send = len(data.reminders_to_send)
        # "today · tomorrow" only when the shown day is today; else the days by name
        shown_today = data.day == date.today()
        next_day = data.day + timedelta(days=1)
        # One and many as two messages: pyside6-lupdate marks no Python count as plural
        # (and English, the source, has no translation to give its plural); Spanish
        # and English both say one for 1 only.
        booked, calls, missing = data.booked_today, len(data.calls), len(data.missing_reviews)
        if shown_today:
            first = (
                self.tr("{count} appointment today")
                if booked == 1
                else self.tr("{count} appointments today")
            ).format(count=booked)
            second = self.tr("{count} tomorrow").format(count=data.booked_tomorrow)
        else:
            first = (
                self.tr("{count} appointment on {day}")
                if booked == 1
                else self.tr("{count} appointments on {day}")
            ).format(count=booked, day=day_text(data.day))
            second = self.tr("{count} on {day}").format(
                count=data.booked_tomorrow, day=day_text(next_day)
            )
        parts = [
            first,
            second,
            (
                self.tr("{count} reminder to send")
                if to_send == 1
                else self.tr("{count} reminders to send")
            ).format(count=to_send),
            (
                self.tr("{count} call to make") if calls == 1 else self.tr("{count} calls to make")
            ).format(count=calls),
            (
                self.tr("{count} review missing")
                if missing == 1
                else self.tr("{count} reviews missing")
            ).format(count=missing),
        ]
        self.summary.setText(" · ".join(parts))

        self._clear(self.calls_box)
        self.call_rows = [CallRow(c, data.day) for c in data.calls]
        for row in self.call_rows:
            row.log_button.clicked.connect(lambda _=False, c=row.call: self.log_call(c))
            self.calls_box.addWidget(row)
        self.calls_heading.setText(
            self.tr("Day-before calls ({count})").format(count=len(data.calls))
        )
        if not self.call_rows:
            self.calls_box.addWidget(
                empty_label(
                    self.tr("No calls to make today.")
                    if data.day == date.today()
                    else self.tr("No calls to make on this day.")
                )
            )

        self._clear(self.missing_box)
        self.missing_rows = [MissingRow(m, data.day) for m in data.missing_reviews]
        for mrow in self.missing_rows:
            appt = mrow.missing.appointment
            mrow.review_button.clicked.connect(
                lambda _=False, a=appt.id: self.start_session.emit(a)
            )
            mrow.homework_button.clicked.connect(
                lambda _=False, c=appt.client_id: self.open_client.emit(c, "Homework")
            )
            self.missing_box.addWidget(mrow)
        self.missing_heading.setText(
            self.tr("Reviews missing ({count}, attended in the last {days} days)").format(
                count=len(data.missing_reviews), days=today.MISSING_DAYS
            )
        )
        if not self.missing_rows:
            self.missing_box.addWidget(
                empty_label(self.tr("Every attended session has its review."))
            )

        self._clear(self.reminders_box)
        self.reminder_cards = [ReminderDueCard(r) for r in data.reminders]
        for card in self.reminder_cards:
            card.copy_button.clicked.connect(lambda _=False, c=card: self.copy_text(c))
            card.sent_button.clicked.connect(lambda _=False, c=card: self.toggle_sent(c))
            self.reminders_box.addWidget(card)
        self.reminders_heading.setText(
            self.tr("Reminders to send ({sent} of {count})").format(
                sent=to_send, count=len(data.reminders)
            )
            if data.reminders
            else self.tr("Reminders to send")
        )
        if not self.reminder_cards:
            self.reminders_box.addWidget(empty_label(self.tr("No reminders due on this day.")))

    @staticmethod
    def _clear(layout: QVBoxLayout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone now, deleted when the event loop next runs
                widget.deleteLater()

    # ---- appointments ------------------------------------------------------------------
    def _selected(self) -> TodayAppointment | None:
        return self.tree.selected()

    def _update_buttons(self) -> None:
        e = self._selected()
        self.prep_button.setEnabled(e is not None)
        runnable = e is not None and e.appointment.status in (
            AppointmentStatus.SCHEDULED,
            AppointmentStatus.ATTENDED,
        )
        self.session_button.setEnabled(runnable)
        self.session_button.setText(
            self.tr("Resume session") if e is not None and e.has_draft else self.tr("Start session")
        )

    def _open_prep(self, item: QTreeWidgetItem | None) -> None:
        entry = self.tree.entry(item)
        if entry is not None:
            self.open_prep.emit(entry.appointment.client_id)

    def _start_selected(self) -> None:
        e = self._selected()
        if e is not None:
            self.start_session.emit(e.appointment.id)

    # ---- reminders -----------------------------------------------------------------
    def copy_text(self, card: ReminderDueCard) -> None:
        QGuiApplication.clipboard().setText(card.reminder.text)
        self._say(
            self.tr("Copied the reminder for {name}.").format(
                name=card.reminder.client.preferred_name
            )
        )

    def toggle_sent(self, card: ReminderDueCard) -> None:
        r = card.reminder

        def toggle(s: Session) -> bool:
            if r.sent:
                reminders.unmark_sent(s, r.assignment.id, self.day, r.channel)
            else:
                reminders.mark_sent(
                    s, r.assignment.id, self.day, r.channel, version=r.assignment.version
                )
            return True

        if not run_action(self, self._db, toggle, on_problem=lambda m: self._say(m, error=True)):
            return
        self.refresh()
        self._say(
            (
                self.tr("Marked the reminder for {name} not sent.")
                if r.sent
                else self.tr("Marked the reminder for {name} sent.")
            ).format(name=r.client.preferred_name)
        )

    # ---- calls ----------------------------------------------------------------------
    def log_call(self, call: CallDue) -> CallDialog:
        dialog = CallDialog(self._db, call, self)
        dialog.accepted.connect(lambda: self._call_logged(dialog))
        self.call_dialog = dialog
        dialog.open()
        return dialog

    def _call_logged(self, dialog: CallDialog) -> None:
        result = dialog.result_call
        self.refresh()
        self.changed.emit()
        if result is None:
            return
        name = dialog.call.appointment.client_name
        if result.decision is CallDecision.CANCEL:
            self._say(
                self.tr("{name}: session cancelled — self-record not done.").format(name=name)
            )
            after_cancel(self, self._db, result.appointment_id)  # its session draft
            cancelled = dialog.call.appointment.local_day
            self.offer_rebook(result.client_id, name, after=cancelled + timedelta(days=1))
        elif result.needs_new_time:
            self._say(
                self.tr("{name}: call logged. Move the session in the Agenda.").format(name=name)
            )
        else:
            self._say(self.tr("{name}: call logged.").format(name=name))

    def offer_rebook(
        self, client_id: int, name: str, *, after: date | None = None
    ) -> AppointmentDialog | None:
        """Right after a cancellation: book another time (their usual slot from ``after``,
        the day after the cancelled session, is proposed), so a cancelled session is not
        simply left without a next one."""
        answer = QMessageBox.question(
            self,
            self.tr("Book another time?"),
            self.tr(
                "Book another time for {name}?\n\nTheir usual day and time is proposed."
            ).format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        dialog = AppointmentDialog(self._db, client_id, parent=self, after=after)
        dialog.accepted.connect(lambda: self._rebooked(dialog))
        self.rebook_dialog = dialog
        dialog.open()
        return dialog

    def _rebooked(self, dialog: AppointmentDialog) -> None:
        self.rebook_dialog = None
        view = dialog.result_view
        if view is None:
            return
        self.refresh()
        self.changed.emit()
        self._say(
            self.tr("Booked: {name}, {when}.").format(
                name=view.client_name, when=day_at(view.starts_at)
            )
        )

    def _say(self, text: str, *, error: bool = False) -> None:
        self._acknowledged_said = False
        theme.set_role(self.message, "danger" if error else "success")
        self.message.setText(translated(text))
        self.message.setToolTip(translated(text))
