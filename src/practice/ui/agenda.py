"""The week agenda: every client's appointments, a week at a glance, today highlighted."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from practice.db.engine import Database
from practice.domain.views import AppointmentView
from practice.domain.vocabulary import AppointmentStatus
from practice.services import appointments
from practice.ui.actions import run_action
from practice.ui.dates import date_time_text, time_text, week_text
from practice.ui.widgets import ReloadWhenShown

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
STATUS_COLOURS = {
    AppointmentStatus.SCHEDULED: "#1a3d6d",
    AppointmentStatus.ATTENDED: "#1e6b34",
    AppointmentStatus.NO_SHOW: "#9a3412",
    AppointmentStatus.CANCELLED_BY_CLIENT: "#6b6b6b",
    AppointmentStatus.CANCELLED_BY_THERAPIST: "#6b6b6b",
    AppointmentStatus.CANCELLED_NO_SELF_RECORD: "#8a1c7c",
}
TODAY_STYLE = "QListWidget { background: #fff8e1; border: 2px solid #f0b400; }"
APPOINTMENT_ROLE = Qt.ItemDataRole.UserRole + 1


def week_label(monday: date) -> str:
    return f"Week of {week_text(monday)}"


def item_text(appt: AppointmentView) -> str:
    local = appt.starts_at.astimezone()
    status = "" if appt.status == AppointmentStatus.SCHEDULED else f"\n{appt.status.label}"
    return f"{time_text(local)}  {appt.client_name}{status}"


class AgendaPage(ReloadWhenShown):
    """Emits ``client_requested(client_id)`` when an appointment is opened."""

    client_requested = Signal(int)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = database
        self.monday = self._monday_of(date.today())
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.previous_button = QPushButton("◀ Previous week")
        self.today_button = QPushButton("This week")
        self.next_button = QPushButton("Next week ▶")
        self.previous_button.clicked.connect(lambda: self.show_week(self.monday - timedelta(7)))
        self.next_button.clicked.connect(lambda: self.show_week(self.monday + timedelta(7)))
        self.today_button.clicked.connect(lambda: self.show_week(date.today()))
        QShortcut(QKeySequence("Alt+Left"), self, self.previous_button.click)
        QShortcut(QKeySequence("Alt+Right"), self, self.next_button.click)

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.previous_button)
        header.addWidget(self.today_button)
        header.addWidget(self.next_button)

        grid = QGridLayout()
        self.day_labels: list[QLabel] = []
        self.day_lists: list[QListWidget] = []
        for i in range(7):
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            day_list = QListWidget()
            day_list.setWordWrap(True)
            day_list.itemActivated.connect(self._open)
            grid.addWidget(label, 0, i)
            grid.addWidget(day_list, 1, i)
            day_list.setSpacing(3)
            grid.setColumnStretch(i, 3 if i < 5 else 2)
            self.day_labels.append(label)
            self.day_lists.append(day_list)
        self.summary = QLabel()
        self.summary.setStyleSheet("color: #5f6368;")

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(grid, 1)
        layout.addWidget(self.summary)
        self.title.setText(week_label(self.monday))
        self.refresh()

    @staticmethod
    def _monday_of(day: date) -> date:
        return day - timedelta(days=day.weekday())

    def reload(self) -> None:
        self.show_week(self.monday)

    def show_week(self, any_day: date) -> None:
        monday = self._monday_of(any_day)
        items = run_action(
            self,
            self._db,
            lambda s: appointments.week_agenda(s, monday),
            on_problem=self.summary.setText,
        )
        if items is None:
            return
        self.monday = monday
        today = date.today()
        self.title.setText(week_label(self.monday))
        by_day: dict[int, list[AppointmentView]] = {i: [] for i in range(7)}
        for appt in items:
            by_day[(appt.local_day - self.monday).days].append(appt)
        for i, (label, day_list) in enumerate(zip(self.day_labels, self.day_lists, strict=True)):
            day = self.monday + timedelta(days=i)
            is_today = day == today
            label.setText(f"<b>{DAY_NAMES[i]} {day.day}</b>" + ("  · today" if is_today else ""))
            day_list.setStyleSheet(TODAY_STYLE if is_today else "")
            day_list.clear()
            for appt in by_day[i]:
                item = QListWidgetItem(item_text(appt))
                item.setData(APPOINTMENT_ROLE, appt)
                item.setForeground(QColor(STATUS_COLOURS[appt.status]))
                item.setToolTip(
                    f"{appt.client_name}\n{date_time_text(appt.starts_at, year=False)}, "
                    f"{appt.duration_minutes} min\n{appt.status.label}"
                    + (f": {appt.status_reason}" if appt.status_reason else "")
                )
                day_list.addItem(item)
        scheduled = sum(a.status == AppointmentStatus.SCHEDULED for a in items)
        self.summary.setText(f"{len(items)} appointments this week, {scheduled} scheduled")

    def _open(self, item: QListWidgetItem) -> None:
        appt: AppointmentView = item.data(APPOINTMENT_ROLE)
        self.client_requested.emit(appt.client_id)
