"""The parts of the Today view: a reminder card, a day-before call, a missing review,
and the tree of today's and tomorrow's appointments.

Each is a small widget with its own buttons; the Today view connects them to the
services. No database access here.
"""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from practice.domain.views import AppointmentView
from practice.domain.vocabulary import AppointmentStatus, CallDecision
from practice.services.appointments import overlaps
from practice.services.reminders import ReminderDue
from practice.services.story import MissingReview
from practice.services.today import CallDue, TodayAppointment, TodayData
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import theme, user_text
from practice.ui.agenda import overlap_words
from practice.ui.dates import local, time_text
from practice.ui.i18n import translated
from practice.ui.prep_sections import day
from practice.ui.risk_flag import RiskFlag, RiskFlagList, risk_text

CARD_STYLE = "card"  # theme roles
SENT_CARD_STYLE = "card_done"
CALL_STYLE = "card_call"
BUBBLE_STYLE = "bubble"
SENT_BUBBLE_STYLE = "bubble_done"


def _label(html: str) -> QLabel:
    label = QLabel(html)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class ReminderDueCard(QFrame):
    """One reminder due: who, how, the ready text, Copy text, Mark sent (or Undo)."""

    def __init__(self, reminder: ReminderDue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reminder = reminder
        r = reminder
        self.setObjectName("card")
        theme.set_role(self, SENT_CARD_STYLE if r.sent else CARD_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(5)
        when = time_text(r.at) if r.at else self.tr("any time")
        contact = r.client.contact(r.channel) or self.tr("no contact on file")
        self.heading = _label(
            self.tr(
                "<b>{when} · {name}</b><br>"
                '<span style="{style}">{channel} to {contact} · {title} ({code})</span>'
            ).format(
                when=when,
                name=escape(r.client.name),
                style=f"color:{theme.hex_of('muted')}",  # not translated: markup
                channel=escape(translated(r.channel.label)),
                contact=escape(contact),
                title=escape(translated(r.assignment.title)),
                code=escape(r.assignment.code),
            )
        )
        self.text = QLabel(r.text)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        bubble = QFrame()
        bubble.setObjectName("bubble")
        theme.set_role(bubble, SENT_BUBBLE_STYLE if r.sent else BUBBLE_STYLE)
        inside = QVBoxLayout(bubble)
        inside.setContentsMargins(9, 6, 9, 6)
        inside.addWidget(self.text)
        self.text.setAccessibleName(
            self.tr("Reminder text for {name}").format(name=r.client.preferred_name)
        )
        self.copy_button = QPushButton(self.tr("Copy text"))
        self.sent_button = QPushButton(self.tr("Undo") if r.sent else self.tr("Mark sent"))
        self.state = QLabel()
        if r.sent:
            self.state.setText(
                self.tr("✓ Sent at {time}").format(time=time_text(local(r.sent_at)))
                if r.sent_at
                else self.tr("✓ Sent")
            )
            self.state.setStyleSheet("font-weight: 600; border: 0;")
            theme.set_role(self.state, "success")
            self.sent_button.setToolTip(self.tr("Mark this reminder as not sent"))
        whose = self.tr("The reminder to {name}").format(name=r.client.name)
        for button in (self.copy_button, self.sent_button):  # which card, for a screen reader
            button.setAccessibleDescription(whose)
        buttons = QHBoxLayout()
        buttons.addWidget(self.state)
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.sent_button)
        layout.addWidget(self.heading)
        layout.addWidget(bubble)
        layout.addLayout(buttons)


class CallRow(QFrame):
    """One day-before call to make today, with "Log call…"."""

    def __init__(self, call: CallDue, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.call = call
        self.setObjectName("card")
        theme.set_role(self, CALL_STYLE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        at = call.appointment.starts_at.astimezone()
        what = ", ".join(
            self.tr("“{title}”").format(title=escape(translated(t))) for t in call.homework
        ) or self.tr("the self-record")
        phone = escape(call.phone) if call.phone else self.tr("no phone number on file")
        self.label = _label(
            self.tr(
                "<b>{name}</b> · ☎ <b>{phone}</b><br>"
                "Session {day} at {time}. Ask whether {what} is done."
            ).format(
                name=user_text.rich(call.appointment.client_name),
                phone=phone,
                day=day(at, today),
                time=time_text(at),
                what=what,
            )
        )
        self.log_button = QPushButton(self.tr("Log call…"))
        self.log_button.setAccessibleDescription(
            self.tr("The day-before call to {name}").format(name=call.appointment.client_name)
        )
        text = QVBoxLayout()
        text.addWidget(self.label)
        self.risk_flag: RiskFlag | None = None
        if call.appointment.cannot_postpone:
            self.risk_flag = RiskFlag(call.appointment.cannot_postpone_reason, call.preferred_name)
            text.addWidget(self.risk_flag)
        layout.addLayout(text, 1)
        layout.addWidget(self.log_button, 0, Qt.AlignmentFlag.AlignVCenter)


class MissingRow(QWidget):
    """An attended session whose homework was not reviewed."""

    def __init__(self, missing: MissingReview, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.missing = missing
        m = missing
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.label = _label(
            self.tr("{day} · <b>{name}</b> — {title} ({code})").format(
                day=day(m.appointment.starts_at, today),
                name=escape(m.appointment.client_name),
                title=escape(translated(m.assignment.title)),
                code=escape(m.assignment.code),
            )
        )
        self.review_button = QPushButton(self.tr("Review in session"))
        self.review_button.setToolTip(self.tr("Open the session panel of that session"))
        self.homework_button = QPushButton(self.tr("Homework tab"))
        whose = self.tr("{title} of {name}, not reviewed").format(
            title=m.assignment.title, name=m.appointment.client_name
        )
        for button in (self.review_button, self.homework_button):  # which row, when heard
            button.setAccessibleDescription(whose)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.review_button)
        layout.addWidget(self.homework_button)


class RiskFlags(RiskFlagList):
    """The "cannot postpone treatment" flag of each client on the day or the next, in full."""

    def fill(self, entries: tuple[TodayAppointment, ...]) -> None:
        self.show_flags(
            (e.appointment.client_id, e.preferred_name, e.appointment.cannot_postpone_reason)
            for e in entries
            if e.appointment.cannot_postpone
        )


class VerticalScroll(QScrollArea):
    """Scrolls up and down only: as wide as its content needs, so nothing is cut sideways."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)
        content.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the content's minimum width may have changed
        return super().eventFilter(watched, event)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is not None:
            bar = self.verticalScrollBar().sizeHint().width()
            hint.setWidth(content.minimumSizeHint().width() + bar + 2 * self.frameWidth())
        return hint


def empty_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-style: italic; padding: 4px;")
    theme.set_role(label, "muted")
    return label


# ---- the appointments of today and tomorrow ---------------------------------------------

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = (
    QT_TRANSLATE_NOOP("AppointmentTree", "Time"),
    QT_TRANSLATE_NOOP("AppointmentTree", "Client"),
    QT_TRANSLATE_NOOP("AppointmentTree", "Status"),
    QT_TRANSLATE_NOOP("AppointmentTree", "Notes"),
)
OUTCOME_WORDS = {
    "done": QT_TRANSLATE_NOOP("AppointmentTree", "done"),
    "partly": QT_TRANSLATE_NOOP("AppointmentTree", "partly done"),
    "not_done": QT_TRANSLATE_NOOP("AppointmentTree", "not done"),
    "not_reached": QT_TRANSLATE_NOOP("AppointmentTree", "not reached"),
}
DECISION_WORDS = {
    CallDecision.KEEP: QT_TRANSLATE_NOOP("AppointmentTree", "kept"),
    CallDecision.CANCEL: QT_TRANSLATE_NOOP("AppointmentTree", "cancelled"),
    CallDecision.RESCHEDULE: QT_TRANSLATE_NOOP("AppointmentTree", "to be moved"),
}


def notes_text(e: TodayAppointment) -> str:
    """The flags of an appointment row, in words."""
    v = e.appointment
    parts = []
    if e.has_draft:
        parts.append(QCoreApplication.translate("AppointmentTree", "session started"))
    elif v.has_note:
        parts.append(
            QCoreApplication.translate("AppointmentTree", "note written")
            if e.note_signed
            else QCoreApplication.translate("AppointmentTree", "note not signed yet")
        )
    elif v.status is AppointmentStatus.SCHEDULED:
        parts.append(
            QCoreApplication.translate("AppointmentTree", "prep ready")
            if e.prep_worthwhile
            else QCoreApplication.translate("AppointmentTree", "first session")
        )
    if e.cannot_postpone:
        parts.insert(
            0, QCoreApplication.translate("AppointmentTree", "⚠ cannot postpone treatment")
        )
    if e.conditional_on:
        if e.calls:
            last = e.calls[-1]
            parts.append(
                QCoreApplication.translate("AppointmentTree", "call: {outcome}, {decision}").format(
                    outcome=translated(OUTCOME_WORDS[last.outcome.value]),
                    decision=translated(DECISION_WORDS[last.decision]),
                )
            )
        elif e.call_due:
            parts.append(
                QCoreApplication.translate("AppointmentTree", "conditional: call due today")
            )
        else:
            parts.append(QCoreApplication.translate("AppointmentTree", "conditional sessions"))
    return " · ".join(parts)


class AppointmentTree(QTreeWidget):
    """Today's and tomorrow's appointments under a heading each; as tall as its rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(len(COLUMNS))
        self.setHeaderLabels([translated(c) for c in COLUMNS])
        self.setRootIsDecorated(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        self.setStyleSheet("QTreeWidget::item { padding: 3px 2px; }")
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.header().setStretchLastSection(True)

    def fill(self, data: TodayData) -> None:
        self.clear()
        # a clash booked with "Book anyway", marked as the Agenda marks it
        clashes = overlaps(e.appointment for e in (*data.today, *data.tomorrow))
        for title, the_day, entries in (
            (self.tr("Today — {day}"), data.day, data.today),
            (self.tr("Tomorrow — {day}"), data.day + timedelta(days=1), data.tomorrow),
        ):
            # "Today — Tue 8 Dec" only on the real today; another day shown is named alone
            named = day(the_day, data.day)
            shown_today = data.day == date.today()
            group = QTreeWidgetItem([title.format(day=named) if shown_today else named])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setBackground(0, QBrush(theme.color("group_bg")))
            self.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            if not entries:
                none = QTreeWidgetItem(["", self.tr("No appointments")])
                none.setFlags(Qt.ItemFlag.ItemIsEnabled)
                none.setForeground(1, QBrush(theme.color("muted")))
                self.addTopLevelItem(none)
            for e in entries:
                self.addTopLevelItem(self._item(e, clashes.get(e.appointment.id, [])))
        rows = self.topLevelItemCount()
        row_height = self.sizeHintForRow(0) if rows else 20
        height = self.header().sizeHint().height() + rows * row_height + 6
        self.setFixedHeight(min(max(height, 80), 420))

    @staticmethod
    def _item(e: TodayAppointment, overlapping: list[AppointmentView]) -> QTreeWidgetItem:
        v = e.appointment
        at = v.starts_at.astimezone()
        notes = " · ".join(p for p in (*map(overlap_words, overlapping), notes_text(e)) if p)
        item = QTreeWidgetItem([time_text(at), v.client_name, translated(v.status.label), notes])
        item.setData(0, ENTRY_ROLE, e)
        if e.cannot_postpone:
            item.setForeground(3, QBrush(theme.color("danger_ink")))
            flag = risk_text(v.cannot_postpone_reason, e.preferred_name)
            for col in (1, 3):
                item.setToolTip(col, flag)
        if e.call_due:
            item.setForeground(3, QBrush(theme.color("warning")))
        if overlapping:
            item.setForeground(3, QBrush(theme.color("warning")))
            clash = "\n".join(
                QCoreApplication.translate(
                    "AppointmentTree", "⚠ Overlaps {name}, {start}–{end}"
                ).format(
                    name=o.client_name,
                    start=time_text(o.starts_at.astimezone()),
                    end=time_text(o.ends_at.astimezone()),
                )
                for o in overlapping
            )
            item.setToolTip(3, f"{item.toolTip(3)}\n{clash}".strip())
        if v.status.is_cancelled or v.status is AppointmentStatus.NO_SHOW:
            for col in range(3):
                item.setForeground(col, QBrush(theme.color("muted")))
        return item

    def entry(self, item: QTreeWidgetItem | None) -> TodayAppointment | None:
        return item.data(0, ENTRY_ROLE) if item is not None else None

    def entries(self) -> list[TodayAppointment]:
        """The appointment rows, in the order shown (today's, then tomorrow's)."""
        found = (self.entry(self.topLevelItem(i)) for i in range(self.topLevelItemCount()))
        return [e for e in found if e is not None]

    def selected(self) -> TodayAppointment | None:
        return self.entry(self.currentItem())
