"""Schedule or move an appointment, once or as a weekly series.

A new appointment starts at the time given (a slot double-clicked in the Agenda) or
else on the client's usual day and time (``appointments.usual_slot``). "Repeat" books a
series; untick a date to skip it. Moving an appointment of a series asks "only this
one" or "this and following". An overlap with any appointment is shown before saving,
with its time, and booked only after "Book anyway".
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDateTime, Qt, QTime, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from practice.db.engine import Database
from practice.domain.views import AppointmentView
from practice.domain.vocabulary import ClientStatus
from practice.services import appointments, clients, series
from practice.services.errors import ValidationError
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import theme
from practice.ui.actions import run_action
from practice.ui.dates import date_field, day_text, pydate, qdate, time_text
from practice.ui.i18n import translated
from practice.ui.unsaved import DialogGuard
from practice.ui.user_text import for_title, isolated, plain_label
from practice.ui.widgets import error_label, fit_to_screen

DAY_NAMES = (
    QT_TRANSLATE_NOOP("AppointmentDialog", "Mondays"),
    QT_TRANSLATE_NOOP("AppointmentDialog", "Tuesdays"),
    QT_TRANSLATE_NOOP("AppointmentDialog", "Wednesdays"),
    QT_TRANSLATE_NOOP("AppointmentDialog", "Thursdays"),
    QT_TRANSLATE_NOOP("AppointmentDialog", "Fridays"),
    QT_TRANSLATE_NOOP("AppointmentDialog", "Saturdays"),
    QT_TRANSLATE_NOOP("AppointmentDialog", "Sundays"),
)
SERIES_WEEKS = 8  # a new series runs this long unless the therapist changes "until"
DATE_ROLE = Qt.ItemDataRole.UserRole + 1


def _next_slot() -> datetime:
    now = datetime.now().astimezone()
    start = now.replace(minute=0, second=0, microsecond=0) + timedelta(days=7)
    return start.replace(hour=max(9, min(start.hour, 17)))


def _wall(moment: datetime) -> QDateTime:
    """The local day and time of ``moment`` for the start field (which keeps it as typed)."""
    local = moment.astimezone()
    return QDateTime(
        qdate(local.date()),
        QTime(local.hour, local.minute),
        QTimeZone(QTimeZone.Initialization.UTC),
    )


def clash_line(other: AppointmentView) -> str:
    """ "Tue 4 Mar, 10:00–10:50 · Quintero, Marisol"."""
    start, end = other.starts_at.astimezone(), other.ends_at.astimezone()
    day, name = day_text(start.date()), other.client_name
    return f"{day}, {time_text(start)}–{time_text(end)} · {name}"  # not translated: no words


class AppointmentDialog(QDialog):
    """Schedule for a client (``appointment`` None) or move an appointment.

    ``client_id`` None offers a choice of the active clients; ``start`` prefills the time
    (else the client's usual day and time, from tomorrow or from ``after`` if later)."""

    def __init__(
        self,
        database: Database,
        client_id: int | None,
        appointment: AppointmentView | None = None,
        parent: QWidget | None = None,
        *,
        start: datetime | None = None,
        after: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._after = after
        self._db = database
        self._client_id = client_id
        self._appointment = appointment
        self._fixed_start = start is not None or appointment is not None
        self.result_view: AppointmentView | None = None
        self.booked = 0
        self.clash_box: QMessageBox | None = None
        self.moving = appointment is not None
        self.setWindowTitle(
            self.tr("Move appointment") if appointment else self.tr("New appointment")
        )
        # A dialog for one client (no chooser) says whose appointment it is
        self.for_label = plain_label(QLabel())  # the name as typed, never as markup
        self.for_label.setWordWrap(True)
        self.for_label.setStyleSheet("font-weight: 600;")
        self.for_label.setVisible(False)

        self.client_box = QComboBox()
        self.client_box.setMinimumContentsLength(24)
        self.usual_label = QLabel()
        theme.set_role(self.usual_label, "muted")
        self.usual_label.setWordWrap(True)
        first = appointment.starts_at.astimezone() if appointment else (start or _next_slot())
        # The field holds the wall-clock time as typed (UTC: no daylight-saving gap), so a
        # time the clocks skip is refused in words instead of silently shifted.
        self.starts_at = date_field(QDateTimeEdit())
        self.starts_at.setTimeZone(QTimeZone(QTimeZone.Initialization.UTC))
        self.starts_at.setDateTime(_wall(first))
        self.duration = QSpinBox()
        self.duration.setRange(0, 12 * 60)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setValue(appointment.duration_minutes if appointment else 50)
        self.ends_label = QLabel()

        # A new series: repeat every N weeks until a day; untick dates to skip them.
        self.repeat = QCheckBox(self.tr("Repeat"))
        self.interval = QSpinBox()
        self.interval.setRange(1, series.MAX_INTERVAL_WEEKS)
        self.interval.setPrefix(self.tr("every "))
        self.interval.setSuffix(self.tr(" week(s)"))
        self.until = date_field(QDateEdit(qdate(first.date() + timedelta(weeks=SERIES_WEEKS - 1))))
        self.interval.setAccessibleName(self.tr("Repeat every how many weeks"))
        self.until.setAccessibleName(self.tr("Repeat until"))
        self.dates = QListWidget()
        self.dates.setToolTip(self.tr("Untick a date to skip it"))
        self.dates.setAccessibleName(self.tr("Dates of the series"))
        self.dates.setMaximumHeight(130)
        repeat_row = QHBoxLayout()
        repeat_row.addWidget(self.repeat)
        repeat_row.addWidget(self.interval)
        repeat_row.addWidget(QLabel(self.tr("until")))
        repeat_row.addWidget(self.until, 1)
        self.series_box = QWidget()
        series_layout = QVBoxLayout(self.series_box)
        series_layout.setContentsMargins(0, 0, 0, 0)
        series_layout.addWidget(QLabel(self.tr("Dates (untick one to skip it):")))
        series_layout.addWidget(self.dates)

        # Moving an appointment of a series: this one, or this and following.
        self.only_this = QRadioButton(self.tr("Only this appointment"))
        self.and_following = QRadioButton(self.tr("This and the following ones"))
        self.only_this.setChecked(True)
        self.following_box = QWidget()
        following_layout = QVBoxLayout(self.following_box)
        following_layout.setContentsMargins(0, 0, 0, 0)
        following_layout.addWidget(self.only_this)
        following_layout.addWidget(self.and_following)

        self.message = error_label()
        form = QFormLayout()
        if appointment is None and client_id is None:
            form.addRow(self.tr("Client"), self.client_box)
        form.addRow(self.tr("Starts"), self.starts_at)
        form.addRow(self.tr("Duration"), self.duration)
        form.addRow(self.tr("Ends"), self.ends_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.for_label)
        if appointment is None:
            layout.addWidget(self.usual_label)
        layout.addLayout(form)
        if appointment is None:
            layout.addLayout(repeat_row)
            layout.addWidget(self.series_box)
        else:
            layout.addWidget(self.following_box)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        self.starts_at.dateTimeChanged.connect(self._update_end)
        self.duration.valueChanged.connect(self._update_end)
        for signal in (
            self.repeat.toggled,
            self.interval.valueChanged,
            self.until.dateChanged,
            self.starts_at.dateTimeChanged,
        ):
            signal.connect(self._fill_dates)
        self.client_box.currentIndexChanged.connect(lambda _i: self._client_chosen())
        self._load(appointment)
        self._update_end()
        self._fill_dates()
        # Esc, the X and Cancel ask before a changed time is lost (see ui.unsaved)
        self.guard = DialogGuard(self, self._save_asked, self.tr("this appointment"))
        buttons.rejected.connect(self.guard.reject)
        fit_to_screen(self)

    def _save_asked(self) -> bool:
        self.save()  # closes the dialog when saved
        return False

    # ---- reading ------------------------------------------------------------------
    def _show_client(self, name: str) -> None:
        self.for_label.setText(self.tr("For: {name}").format(name=isolated(name)))
        self.for_label.setVisible(True)
        self.setWindowTitle(
            self.tr("{title} — {name}").format(title=self.windowTitle(), name=for_title(name))
        )

    def _load(self, appointment: AppointmentView | None) -> None:
        if appointment is not None:
            self._show_client(appointment.client_name)
            following = run_action(self, self._db, lambda s: series.following(s, appointment.id))
            count = len(following or [])
            self.following_box.setVisible(count > 1)
            self.and_following.setText(
                self.tr("This and the following ones ({count} appointments)").format(count=count)
            )
            return
        if self._client_id is None:
            rows = run_action(
                self, self._db, lambda s: clients.list_rows(s, status=ClientStatus.ACTIVE)
            )
            self.client_box.blockSignals(True)
            self.client_box.addItem(self.tr("Choose a client…"), None)
            for row in rows or []:
                self.client_box.addItem(row.name, row.id)
            self.client_box.blockSignals(False)
        else:
            client_id = self._client_id
            client = run_action(self, self._db, lambda s: clients.get(s, client_id))
            if client is not None:
                self._show_client(client.display_name)
        self._client_chosen()

    def client_id(self) -> int | None:
        if self._client_id is not None:
            return self._client_id
        value = self.client_box.currentData()
        return value if isinstance(value, int) else None

    def _client_chosen(self) -> None:
        client_id = self.client_id()
        if client_id is None:
            self.usual_label.setText(
                self.tr("Choose the client; their usual day and time is suggested.")
            )
            return
        after = max(date.today() + timedelta(days=1), self._after or date.min)
        found = run_action(
            self,
            self._db,
            lambda s: (
                appointments.usual_slot(s, client_id),
                appointments.scheduled_days(s, client_id, after=after),
            ),
        )
        slot, taken = found if found is not None else (None, set())
        if slot is None:
            self.usual_label.setText(
                self.tr("No earlier appointments to suggest a usual day and time.")
            )
            return
        self.usual_label.setText(
            self.tr("Usually {days} at {time}, {minutes} min.").format(
                days=translated(DAY_NAMES[slot.weekday]),
                time=time_text(slot.start),
                minutes=slot.duration_minutes,
            )
        )
        self.duration.setValue(slot.duration_minutes)
        if not self._fixed_start:
            # not on a day the client is already booked
            self._set_start(appointments.next_on(slot, after, taken=taken))

    def _set_start(self, start: datetime) -> None:
        self.starts_at.setDateTime(_wall(start))
        self.until.setDate(qdate(start.date() + timedelta(weeks=SERIES_WEEKS - 1)))

    def wall_start(self) -> datetime:
        """The day and time as typed (naive, on the therapist's clock)."""
        clock = self.starts_at.time()
        return datetime.combine(pydate(self.starts_at.date()), time(clock.hour(), clock.minute()))

    def chosen_start(self) -> datetime:
        """The start as an aware local time; ``ValidationError`` for a time the clocks skip."""
        wall = self.wall_start()
        return appointments.local_time(wall.date(), wall.time())

    def _update_end(self) -> None:
        try:
            end = self.chosen_start() + timedelta(minutes=self.duration.value())
        except ValidationError as gone:
            self.ends_label.setText("—")
            self._say_errors(gone.errors)
            return
        self.ends_label.setText(time_text(end))
        if self.duration.value() <= 0:
            self.message.setText(self.tr("The appointment must end after it starts."))
            self.message.show()
        else:
            self.message.hide()

    def _fill_dates(self) -> None:
        on = self.repeat.isChecked()
        self.interval.setEnabled(on)
        self.until.setEnabled(on)
        self.series_box.setVisible(on)
        if not on:
            return
        skipped = self.skipped()
        self.dates.clear()
        start = self.wall_start().date()
        for day in series.dates(start, pydate(self.until.date()), self.interval.value()):
            item = QListWidgetItem(day_text(day, year=day.year != start.year))
            item.setData(DATE_ROLE, day)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if day in skipped else Qt.CheckState.Checked)
            self.dates.addItem(item)

    def skipped(self) -> frozenset[date]:
        return frozenset(
            self.dates.item(i).data(DATE_ROLE)
            for i in range(self.dates.count())
            if self.dates.item(i).checkState() != Qt.CheckState.Checked
        )

    def series_input(self, client_id: int) -> series.SeriesInput:
        start = self.wall_start()
        return series.SeriesInput(
            client_id=client_id,
            first_day=start.date(),
            start=time(start.hour, start.minute),
            duration_minutes=self.duration.value(),
            until=pydate(self.until.date()),
            interval_weeks=self.interval.value(),
            skip=self.skipped(),
        )

    # ---- saving -------------------------------------------------------------------
    def save(self) -> None:
        minutes = self.duration.value()
        appointment, client_id = self._appointment, self.client_id()
        if appointment is None and client_id is None:
            self._say_errors({"client": self.tr("Choose the client for this appointment.")})
            return
        repeat = appointment is None and self.repeat.isChecked()
        wall = self.wall_start()
        starts = datetime.combine(wall.date(), wall.time()).astimezone()
        if repeat and client_id is not None:
            errors = series.validate(self.series_input(client_id))  # every date's time too
        else:
            try:
                starts = self.chosen_start()
                errors = appointments.validate_times(starts, minutes)
            except ValidationError as gone:
                errors = gone.errors
        if errors:
            self._say_errors(errors)
            return
        following = appointment is not None and self.and_following.isChecked()

        def overlaps(db: Session) -> list[str]:
            if repeat and client_id is not None:
                found = series.series_clashes(db, self.series_input(client_id))
                return [clash_line(other) for _day, other in found]
            if following and appointment is not None:
                moved = series.following_clashes(db, appointment.id, starts, minutes)
                return [clash_line(other) for _day, other in moved]
            ignore = appointment.id if appointment else None
            return [
                clash_line(o) for o in appointments.clashes(db, starts, minutes, ignore_id=ignore)
            ]

        clashing = run_action(
            self,
            self._db,
            overlaps,
            on_validation=self._say_errors,
            kept_input=True,
            title=self.tr("The appointment was not saved"),
        )
        if clashing is None:
            return
        if clashing and not self._book_anyway(clashing):
            return
        anyway = bool(clashing)

        def save(db: Session) -> tuple[AppointmentView, int, tuple[str, ...]]:
            if repeat and client_id is not None:
                made = series.create(db, self.series_input(client_id), allow_overlap=anyway)
                return made.appointments[0], len(made.appointments), ()
            if following and appointment is not None:
                moved = series.move_following(
                    db,
                    appointment.id,
                    starts,
                    minutes,
                    allow_overlap=anyway,
                    version=appointment.version,
                )
                return moved[0], len(moved), ()
            if appointment is None:
                assert client_id is not None
                done = appointments.schedule(db, client_id, starts, minutes, allow_overlap=anyway)
            else:
                done = appointments.reschedule(
                    db,
                    appointment.id,
                    starts,
                    minutes,
                    allow_overlap=anyway,
                    version=appointment.version,
                )
            own = done.warnings[: len(done.warnings) - len(done.overlaps)]
            return done.appointment, 1, own

        done = run_action(
            self,
            self._db,
            save,
            on_validation=self._say_errors,
            kept_input=True,
            title=self.tr("The appointment was not saved"),
        )
        if done is None:
            return
        self.result_view, self.booked, warnings = done
        if warnings:
            QMessageBox.warning(
                self, self.tr("Saved, with a warning"), "\n".join(translated(w) for w in warnings)
            )
        self.accept()

    def _book_anyway(self, clashing: list[str]) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("This time is taken"))
        more = [self.tr("…and {count} more").format(count=len(clashing) - 8)]
        shown = clashing[:8] + (more if len(clashing) > 8 else [])
        box.setText(
            self.tr("This time overlaps another appointment:\n\n{times}").format(
                times="\n".join(shown)
            )
        )
        box.setInformativeText(self.tr("Book it anyway, or choose another time?"))
        anyway = box.addButton(self.tr("Book anyway"), QMessageBox.ButtonRole.AcceptRole)
        other = box.addButton(self.tr("Choose another time"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(other)
        self.clash_box = box
        box.exec()
        self.clash_box = None
        return box.clickedButton() is anyway

    def _say_errors(self, errors: dict[str, str]) -> None:
        self.message.setText(" ".join(translated(e) for e in errors.values()))
        self.message.show()
