"""Schedule or move an appointment, with the overlap warning shown before saving."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from practice.db.engine import Database
from practice.domain.views import AppointmentView
from practice.services import appointments
from practice.services.appointments import Scheduled
from practice.ui.actions import run_action
from practice.ui.dates import qdate
from practice.ui.unsaved import DialogGuard
from practice.ui.widgets import error_label


def _next_slot() -> datetime:
    now = datetime.now().astimezone()
    start = now.replace(minute=0, second=0, microsecond=0) + timedelta(days=7)
    return start.replace(hour=max(9, min(start.hour, 17)))


class AppointmentDialog(QDialog):
    """Schedule for a client (``appointment`` None) or reschedule an appointment."""

    def __init__(
        self,
        database: Database,
        client_id: int,
        appointment: AppointmentView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = database
        self._client_id = client_id
        self._appointment = appointment
        self.result_view: AppointmentView | None = None
        self.setWindowTitle("Reschedule appointment" if appointment else "Schedule appointment")
        start = appointment.starts_at.astimezone() if appointment else _next_slot()
        self.starts_at = QDateTimeEdit(
            QDateTime(qdate(start.date()), QTime(start.hour, start.minute))
        )
        self.starts_at.setCalendarPopup(True)
        self.starts_at.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.duration = QSpinBox()
        self.duration.setRange(0, 12 * 60)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(" min")
        self.duration.setValue(appointment.duration_minutes if appointment else 50)
        self.ends_label = QLabel()
        self.starts_at.dateTimeChanged.connect(self._update_end)
        self.duration.valueChanged.connect(self._update_end)
        self.message = error_label()
        form = QFormLayout()
        form.addRow("Starts", self.starts_at)
        form.addRow("Duration", self.duration)
        form.addRow("Ends", self.ends_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._update_end()
        # Esc, the X and Cancel ask before a changed time is lost (see ui.unsaved)
        self.guard = DialogGuard(self, self._save_asked, "this appointment")
        buttons.rejected.connect(self.guard.reject)

    def _save_asked(self) -> bool:
        self.save()  # closes the dialog when saved
        return False

    def chosen_start(self) -> datetime:
        value = self.starts_at.dateTime().toPython()
        assert isinstance(value, datetime)
        return value.astimezone()

    def _update_end(self) -> None:
        end = self.chosen_start() + timedelta(minutes=self.duration.value())
        self.ends_label.setText(f"{end:%H:%M}")
        if self.duration.value() <= 0:
            self.message.setText("The appointment must end after it starts.")
            self.message.show()
        else:
            self.message.hide()

    def save(self) -> None:
        starts, minutes = self.chosen_start(), self.duration.value()
        errors = appointments.validate_times(starts, minutes)
        if errors:
            self._say_errors(errors)
            return
        appointment, client_id = self._appointment, self._client_id

        def save(db: Session) -> Scheduled:
            if appointment is None:
                return appointments.schedule(db, client_id, starts, minutes)
            return appointments.reschedule(db, appointment.id, starts, minutes)

        done = run_action(
            self,
            self._db,
            save,
            on_validation=self._say_errors,
            kept_input=True,
            title="The appointment was not saved",
        )
        if done is None:
            return
        self.result_view = done.appointment
        if done.warnings:
            QMessageBox.warning(self, "Saved, with a warning", "\n".join(done.warnings))
        self.accept()

    def _say_errors(self, errors: dict[str, str]) -> None:
        self.message.setText(" ".join(errors.values()))
        self.message.show()
