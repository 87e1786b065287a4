"""The week agenda: every client's appointments, a week at a glance, today highlighted.

Each day lists its appointments and, greyed, the free hours between them. Double-click a
free hour (or the empty space of a day) to book it; choose an appointment to move it,
skip its date in a series, or undo a no-show or cancellation. What cannot be done is
disabled, with the reason as its tooltip. Appointments that overlap (a clash booked
with "Book anyway") say so on the item ("⚠ overlaps 11:30 Pryor"); the week's count
leaves out cancelled ones.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QMouseEvent, QShortcut
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
from sqlalchemy.orm import Session

from practice.db.engine import Database
from practice.domain.views import AppointmentView
from practice.domain.vocabulary import AppointmentStatus
from practice.services import appointments
from practice.services.appointments import overlaps
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import theme
from practice.ui.actions import run_action
from practice.ui.appointment_dialog import AppointmentDialog
from practice.ui.dates import (
    date_time_text,
    day_at,
    day_text,
    long_date,
    time_text,
    week_text,
    weekday_text,
)
from practice.ui.i18n import translated
from practice.ui.risk_flag import RiskFlagList, risk_text
from practice.ui.widgets import FlowLayout, ReloadWhenShown

DAY_NAMES = (
    QT_TRANSLATE_NOOP("AgendaPage", "Mon"),
    QT_TRANSLATE_NOOP("AgendaPage", "Tue"),
    QT_TRANSLATE_NOOP("AgendaPage", "Wed"),
    QT_TRANSLATE_NOOP("AgendaPage", "Thu"),
    QT_TRANSLATE_NOOP("AgendaPage", "Fri"),
    QT_TRANSLATE_NOOP("AgendaPage", "Sat"),
    QT_TRANSLATE_NOOP("AgendaPage", "Sun"),
)
STATUS_COLOURS = {  # theme roles
    AppointmentStatus.SCHEDULED: "info",
    AppointmentStatus.ATTENDED: "success",
    AppointmentStatus.NO_SHOW: "warning",
    AppointmentStatus.CANCELLED_BY_CLIENT: "muted",
    AppointmentStatus.CANCELLED_BY_THERAPIST: "muted",
    AppointmentStatus.CANCELLED_NO_SELF_RECORD: "special",
}
TODAY_STYLE = "today"  # a theme role
APPOINTMENT_ROLE = Qt.ItemDataRole.UserRole + 1
SLOT_ROLE = Qt.ItemDataRole.UserRole + 2
FREE_HOURS = range(9, 18)  # free hours offered for booking: 09:00 to 17:00 starts
FREE_COLOUR = "muted"  # a theme role


def week_label(monday: date) -> str:
    return QCoreApplication.translate("AgendaPage", "Week of {week}").format(week=week_text(monday))


def overlap_words(other: AppointmentView) -> str:
    """ "⚠ overlaps 11:30 Pryor": the other appointment of a clash, on Agenda and Today."""
    return QCoreApplication.translate("AgendaPage", "⚠ overlaps {time} {name}").format(
        time=time_text(other.starts_at.astimezone()), name=other.client_name.split(",")[0]
    )


def item_text(appt: AppointmentView, overlapping: list[AppointmentView] | None = None) -> str:
    local = appt.starts_at.astimezone()
    status = (
        "" if appt.status == AppointmentStatus.SCHEDULED else f"\n{translated(appt.status.label)}"
    )
    flag = (
        "\n" + QCoreApplication.translate("AgendaPage", "⚠ Cannot postpone treatment")
        if appt.cannot_postpone
        else ""
    )
    clash = "".join(f"\n{overlap_words(o)}" for o in overlapping or [])
    return f"{time_text(local)}  {appt.client_name}{status}{flag}{clash}"


def week_summary(items: list[AppointmentView]) -> str:
    """ "9 appointments this week, 7 scheduled, 1 cancelled": cancelled ones are not
    counted as appointments (as on Today), only named after them."""
    cancelled = sum(a.status.is_cancelled for a in items)
    booked = len(items) - cancelled
    scheduled = sum(a.status == AppointmentStatus.SCHEDULED for a in items)
    # One and many as two messages (pyside6-lupdate marks no Python count as plural)
    text = (
        QCoreApplication.translate(
            "AgendaPage", "{count} appointment this week, {scheduled} scheduled"
        )
        if booked == 1
        else QCoreApplication.translate(
            "AgendaPage", "{count} appointments this week, {scheduled} scheduled"
        )
    ).format(count=booked, scheduled=scheduled)
    if cancelled:
        text += QCoreApplication.translate("AgendaPage", ", {count} cancelled").format(
            count=cancelled
        )
    return text


def free_hours(day: date, items: list[AppointmentView]) -> list[datetime]:
    """The whole hours of ``FREE_HOURS`` on ``day`` that no scheduled or attended
    appointment overlaps, as aware local times."""
    busy = [a for a in items if a.status in appointments.BUSY]
    free = []
    for hour in FREE_HOURS:
        start = appointments.local_time(day, time(hour))
        end = start + timedelta(hours=1)
        if not any(a.starts_at < end and a.ends_at > start for a in busy):
            free.append(start)
    return free


class DayList(QListWidget):
    """One day's column; a double-click on its empty space asks for a new appointment."""

    empty_double_clicked = Signal()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.itemAt(event.position().toPoint()) is None:
            self.empty_double_clicked.emit()
            return
        super().mouseDoubleClickEvent(event)


class AgendaPage(ReloadWhenShown):
    """Emits ``client_requested(client_id)`` when an appointment is opened and
    ``changed`` after an appointment was booked, moved, skipped or restored."""

    client_requested = Signal(int)
    changed = Signal()
    _announcing = False  # while this page's own change goes round the other pages

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = database
        self.monday = self._monday_of(date.today())
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.title.setWordWrap(True)  # a long week (in Spanish too) fits a small screen
        self.previous_button = QPushButton(self.tr("◀ Previous week"))
        self.today_button = QPushButton(self.tr("This week"))
        self.next_button = QPushButton(self.tr("Next week ▶"))
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
        self.dialog: AppointmentDialog | None = None
        for i in range(7):
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            day_list = DayList()
            day_list.setWordWrap(True)
            day_list.itemActivated.connect(self._open)
            day_list.empty_double_clicked.connect(lambda i=i: self._new_on(i))
            day_list.currentItemChanged.connect(
                lambda current, _previous, i=i: self._chosen(i, current)
            )
            grid.addWidget(label, 0, i)
            grid.addWidget(day_list, 1, i)
            day_list.setSpacing(3)
            # Names wrap; a word wider than a narrow day is cut, never scrolled sideways
            # (the full name is in the item's tooltip). Weekends are days like any other.
            day_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            grid.setColumnStretch(i, 1)
            self.day_labels.append(label)
            self.day_lists.append(day_list)
        self.summary = QLabel()
        theme.set_role(self.summary, "muted")
        self.message = QLabel()
        self.message.setWordWrap(True)

        self.new_button = QPushButton(self.tr("New appointment…"))
        self.move_button = QPushButton(self.tr("Move…"))
        self.skip_button = QPushButton(self.tr("Skip this date"))
        self.restore_button = QPushButton(self.tr("Undo no-show / cancellation"))
        self.client_button = QPushButton(self.tr("Open client"))
        self.new_button.setToolTip(self.tr("Or double-click a free hour in a day"))
        self.new_button.clicked.connect(self._new_selected)
        self.move_button.clicked.connect(self._move)
        self.skip_button.clicked.connect(self._skip)
        self.restore_button.clicked.connect(self._restore)
        self.client_button.clicked.connect(self._open_client)
        action_row = QWidget()  # the buttons wrap on a narrow screen
        actions = FlowLayout(action_row)
        actions.setContentsMargins(0, 0, 0, 0)
        for button in (
            self.new_button,
            self.move_button,
            self.skip_button,
            self.restore_button,
            self.client_button,
        ):
            actions.addWidget(button)
        self._day_index = 0

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(grid, 1)
        layout.addWidget(action_row)
        self.risk_flags = RiskFlagList()  # the week's "cannot postpone" clients, in full
        layout.addWidget(self.risk_flags)
        layout.addWidget(self.message)
        layout.addWidget(self.summary)
        self.title.setText(week_label(self.monday))
        self.refresh()

    @staticmethod
    def _monday_of(day: date) -> date:
        return day - timedelta(days=day.weekday())

    def refresh(self) -> None:
        # A change made elsewhere: what was said here may no longer be true
        if not self._announcing:
            self.message.clear()
        super().refresh()

    def _announce(self) -> None:
        """Tell the other pages; the refresh that comes back keeps this page's message."""
        self._announcing = True
        try:
            self.changed.emit()
        finally:
            self._announcing = False

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
        clashes = overlaps(items)
        for i, (label, day_list) in enumerate(zip(self.day_labels, self.day_lists, strict=True)):
            day = self.monday + timedelta(days=i)
            is_today = day == today
            label.setText(
                (self.tr("<b>{day}</b>  · today") if is_today else "<b>{day}</b>").format(
                    day=weekday_text(day)
                )
            )
            theme.set_role(day_list, TODAY_STYLE if is_today else "")
            day_list.setAccessibleName(long_date(day))
            day_list.blockSignals(True)
            day_list.clear()
            entries: list[tuple[datetime, int, QListWidgetItem]] = []
            for appt in by_day[i]:
                overlapping = clashes.get(appt.id, [])
                item = QListWidgetItem(item_text(appt, overlapping))
                item.setData(APPOINTMENT_ROLE, appt)
                item.setForeground(theme.color(STATUS_COLOURS[appt.status]))
                status = translated(appt.status.label)
                if appt.status_reason:
                    status = self.tr("{status}: {reason}").format(
                        status=status, reason=translated(appt.status_reason)
                    )
                tip = self.tr("{name}\n{when}, {minutes} min\n{status}").format(
                    name=appt.client_name,
                    when=date_time_text(appt.starts_at, year=False),
                    minutes=appt.duration_minutes,
                    status=status,
                )
                if appt.series_id:
                    tip += "\n" + self.tr("Part of a repeating series")
                item.setToolTip(tip)
                if appt.cannot_postpone:
                    item.setToolTip(f"{item.toolTip()}\n{risk_text(appt.cannot_postpone_reason)}")
                for other in overlapping:
                    item.setToolTip(
                        item.toolTip()
                        + "\n"
                        + self.tr("⚠ Overlaps {name}, {start}–{end}").format(
                            name=other.client_name,
                            start=time_text(other.starts_at.astimezone()),
                            end=time_text(other.ends_at.astimezone()),
                        )
                    )
                entries.append((appt.starts_at, 0, item))
            for start in free_hours(day, by_day[i]):
                item = QListWidgetItem(self.tr("{time}  free").format(time=time_text(start)))
                item.setData(SLOT_ROLE, start)
                item.setForeground(theme.color(FREE_COLOUR))
                item.setToolTip(
                    self.tr("Double-click to book {day} at {time}").format(
                        day=day_text(day), time=time_text(start)
                    )
                )
                entries.append((start, 1, item))
            for _start, _order, item in sorted(entries, key=lambda e: (e[0], e[1])):
                day_list.addItem(item)
            day_list.blockSignals(False)
        self.summary.setText(week_summary(items))
        self.risk_flags.show_flags(
            (a.client_id, a.client_name, a.cannot_postpone_reason)
            for a in items
            if a.cannot_postpone
        )
        self._update_buttons()

    def appointment_items(self, index: int) -> list[QListWidgetItem]:
        """The appointment rows (not the free hours) of day ``index`` (0 = Monday)."""
        day_list = self.day_lists[index]
        found = (day_list.item(i) for i in range(day_list.count()))
        return [item for item in found if item.data(APPOINTMENT_ROLE) is not None]

    def slot_item(self, index: int, hour: int) -> QListWidgetItem | None:
        """The free-hour row of day ``index`` at ``hour``, if that hour is free."""
        day_list = self.day_lists[index]
        for i in range(day_list.count()):
            start = day_list.item(i).data(SLOT_ROLE)
            if start is not None and start.hour == hour:
                return day_list.item(i)
        return None

    def selected(self) -> AppointmentView | None:
        item = self.day_lists[self._day_index].currentItem()
        return item.data(APPOINTMENT_ROLE) if item is not None else None

    def _chosen(self, index: int, current: QListWidgetItem | None) -> None:
        if current is None:
            return
        self._day_index = index
        for i, other in enumerate(self.day_lists):
            if i != index:
                other.blockSignals(True)
                other.setCurrentRow(-1)
                other.clearSelection()
                other.blockSignals(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        appt = self.selected()
        none = self.tr("Choose an appointment in the week first.")
        checks = (
            (self.move_button, appointments.move_problem),
            (self.restore_button, appointments.restore_problem),
            (
                self.skip_button,
                lambda a: appointments.skip_problem(a, in_series=a.series_id is not None),
            ),
        )
        for button, problem in checks:
            why = none if appt is None else problem(appt)
            button.setEnabled(why is None)
            button.setToolTip(translated(why) if why else "")
        self.client_button.setEnabled(appt is not None)
        self.client_button.setToolTip("" if appt else none)
        if self.move_button.isEnabled():
            self.move_button.setToolTip(self.tr("Another day or time, or change its length"))
        if self.skip_button.isEnabled():
            self.skip_button.setToolTip(self.tr("Skip this date; the rest of the series stays"))
        if self.restore_button.isEnabled():
            self.restore_button.setToolTip(self.tr("Put this appointment back to scheduled"))

    def _open(self, item: QListWidgetItem) -> None:
        start = item.data(SLOT_ROLE)
        if start is not None:
            self.new_appointment(start)
            return
        appt: AppointmentView = item.data(APPOINTMENT_ROLE)
        self.client_requested.emit(appt.client_id)

    def _open_client(self) -> None:
        appt = self.selected()
        if appt is not None:
            self.client_requested.emit(appt.client_id)

    def _new_on(self, index: int) -> None:
        """A double-click below a day's rows: its first free hour (else 09:00)."""
        day_list = self.day_lists[index]
        free = [day_list.item(i).data(SLOT_ROLE) for i in range(day_list.count())]
        starts = [start for start in free if start is not None]
        day = self.monday + timedelta(days=index)
        self.new_appointment(
            starts[0] if starts else appointments.local_time(day, time(FREE_HOURS[0]))
        )

    def _new_selected(self) -> None:
        item = self.day_lists[self._day_index].currentItem()
        free = item.data(SLOT_ROLE) if item is not None else None
        if free is not None:  # a free hour is chosen: that day and time
            self.new_appointment(free)
            return
        appt = self.selected()
        if appt is not None:
            self._open_dialog(AppointmentDialog(self._db, appt.client_id, parent=self))
        else:
            self._open_dialog(AppointmentDialog(self._db, None, parent=self))

    def new_appointment(self, start: datetime) -> None:
        """The new-appointment dialog, prefilled with ``start``."""
        self._open_dialog(AppointmentDialog(self._db, None, parent=self, start=start))

    def _move(self) -> None:
        appt = self.selected()
        if appt is not None:
            dialog = AppointmentDialog(self._db, appt.client_id, appt, parent=self)
            self._open_dialog(dialog)

    def _open_dialog(self, dialog: AppointmentDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._saved(dialog))
        dialog.open()

    def _saved(self, dialog: AppointmentDialog) -> None:
        view = dialog.result_view
        self.dialog = None
        if view is None:
            return
        local = view.starts_at.astimezone()  # the week to show
        moved = dialog.moving
        values = {"name": view.client_name, "when": day_at(view.starts_at), "count": dialog.booked}
        if dialog.booked > 1:
            said = (
                self.tr("Moved: {name}, {when} ({count} appointments).")
                if moved
                else self.tr("Booked: {name}, {when} ({count} appointments).")
            )
        else:
            said = (
                self.tr("Moved: {name}, {when}.") if moved else self.tr("Booked: {name}, {when}.")
            )
        self._say(said.format(**values))
        self.show_week(local.date())
        self._announce()

    def _skip(self) -> None:
        appt = self.selected()
        if appt is None:
            return

        def skip(s: Session) -> bool:
            appointments.skip(s, appt.id)
            return True

        if run_action(self, self._db, skip, title=self.tr("This date was not skipped")):
            local = appt.starts_at.astimezone()
            self._say(
                self.tr("Skipped {day} for {name}.").format(
                    day=day_text(local.date()), name=appt.client_name
                )
            )
            self.reload()
            self._announce()

    def _restore(self) -> None:
        appt = self.selected()
        if appt is None:
            return
        done = run_action(
            self,
            self._db,
            lambda s: appointments.restore(s, appt.id, version=appt.version),
            on_problem=lambda m: self._say(m, error=True),
            title=self.tr("Could not undo"),
        )
        if done is None:
            return
        self._say(
            self.tr("{name}, {when} is scheduled again.").format(
                name=done.client_name, when=day_at(done.starts_at)
            )
        )
        self.reload()
        self._announce()

    def _say(self, text: str, *, error: bool = False) -> None:
        theme.set_role(self.message, "danger" if error else "success")
        self.message.setText(translated(text))
