"""The client profile form: every field of a client, with messages next to fields."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCalendarWidget,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from practice.db.engine import Database
from practice.domain.vocabulary import (
    ClientStatus,
    Language,
    LiteracyLevel,
    Modality,
    ReminderChannel,
    StageOfChange,
)
from practice.services import clients
from practice.services.clients import ClientInput, ClientView
from practice.ui import i18n, theme
from practice.ui.actions import run_action
from practice.ui.dates import calendar, parse_day, pydate, qdate, short_date, time_text
from practice.ui.risk_flag import RiskFlag
from practice.ui.unsaved import Choice, EditTracker, ask_unsaved, may_leave
from practice.ui.user_text import isolated, plain_label
from practice.ui.widgets import (
    enum_combo,
    error_label,
    name_field,
    parse_date,
    parse_time,
    set_combo_value,
    show_field_errors,
    text_field,
)
from practice.ui.wording import LEVEL_CHOICES

T = TypeVar("T")

# Narrower than this, the form's two columns are stacked (fields keep their width).
STACK_BELOW = 820


class DayPicker(QToolButton):
    """The calendar button beside a typed day field: the pop-up calendar writes the
    chosen day into the field ("4 Mar 1980"); the field may still be typed or left
    empty (an unknown birth date). ``tip`` says which day it picks."""

    def __init__(self, edit: QLineEdit, tip: str) -> None:
        super().__init__()
        self.edit = edit
        self.setText(self.tr("Calendar…"))
        self.setToolTip(tip)
        self.setAccessibleName(tip)
        self.calendar = calendar(QCalendarWidget(self))
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._chosen)
        self.calendar.activated.connect(self._chosen)  # Enter on a day
        self.clicked.connect(self.open_calendar)

    def open_calendar(self) -> None:
        try:
            shown = parse_day(self.edit.text())
        except ValueError:
            shown = None
        self.calendar.setSelectedDate(qdate(shown) if shown else QDate.currentDate())
        self.calendar.adjustSize()
        self.calendar.move(self.popup_place())
        self.calendar.show()
        self.calendar.setFocus()

    def popup_place(self) -> QPoint:
        """Below the button (above it when there is no room below), kept inside the
        screen's free area: at 1024x600 the button sits near the right edge."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry()
        size = self.calendar.size()
        below = self.mapToGlobal(self.rect().bottomLeft())
        x = max(room.left(), min(below.x(), room.right() + 1 - size.width()))
        y = below.y()
        if y + size.height() > room.bottom() + 1:
            y = self.mapToGlobal(self.rect().topLeft()).y() - size.height()
        y = max(room.top(), min(y, room.bottom() + 1 - size.height()))
        return QPoint(x, y)

    def _chosen(self, day: QDate) -> None:
        self.edit.setText(short_date(pydate(day), year=True))
        self.calendar.close()
        self.edit.setFocus()


def with_calendar(picker: DayPicker) -> QWidget:
    """The picker's field with the calendar button beside it."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(picker.edit, 1)
    row.addWidget(picker)
    return holder


class ClientForm(QWidget):
    """Create or edit one client. Emits ``saved(client_id)`` after a successful save."""

    saved = Signal(int)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = database
        self._client: ClientView | None = None
        self._errors: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}  # each field by name, in form order
        self._build()
        self.tracker = EditTracker(self)
        self.clear()

    # ----- layout -----------------------------------------------------------------
    def _build(self) -> None:
        self.heading = plain_label(QLabel())  # the name as typed, never as markup
        self.heading.setWordWrap(True)  # a long name wraps instead of widening the form
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.status_label = QLabel()

        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.preferred_name = QLineEdit()
        self.preferred_name.setPlaceholderText(self.tr("printed on sheets, e.g. Mari"))
        self.birth_date = QLineEdit()
        self.birth_date.setPlaceholderText(self.tr("e.g. 4 Mar 1980 (leave empty if not known)"))
        self.birth_date.setClearButtonEnabled(True)
        self.email = QLineEdit()
        self.email.setPlaceholderText(self.tr("name@example.org"))
        # wide enough to read a whole address without scrolling inside the field
        self.email.setMinimumWidth(
            self.email.fontMetrics().horizontalAdvance("philippa.arrowsmith-blackwood@example.org")
            + 16
        )
        self.phone = QLineEdit()
        self.address = text_field(self.tr("Street, town, postcode"))
        self.address.setFixedHeight(self.address.fontMetrics().lineSpacing() * 3 + 14)
        self.emergency_contact = QLineEdit()
        self.emergency_contact.setPlaceholderText(self.tr("Name, relation, phone"))
        self.started_on = QLineEdit()
        self.started_on.setPlaceholderText(self.tr("e.g. 4 Mar 2025 (today if empty)"))
        self.started_on.setClearButtonEnabled(True)
        self.birth_picker = DayPicker(self.birth_date, self.tr("Pick the birth date on a calendar"))
        self.started_picker = DayPicker(
            self.started_on, self.tr("Pick the date of the first session on a calendar")
        )
        for edit in (self.first_name, self.last_name, self.preferred_name):
            edit.setMaxLength(clients.NAME_MAX)

        self.language = enum_combo(Language)
        self.literacy_level = enum_combo(LiteracyLevel, labels=LEVEL_CHOICES)
        self.large_print = QCheckBox(self.tr("Large print (18 pt and up)"))
        self.preferred_modality = enum_combo(Modality)
        self.reminder_channel = enum_combo(ReminderChannel)
        self.reminder_time = QLineEdit()
        self.reminder_time.setPlaceholderText("HH:MM")  # not translated: the time format
        self.stage_of_change = enum_combo(StageOfChange, none_text=self.tr("Not assessed yet"))
        self.stage_hint = QLabel()
        self.stage_hint.setWordWrap(True)
        theme.set_role(self.stage_hint, "muted")
        self.stage_of_change.currentIndexChanged.connect(self._show_stance)
        self.cannot_postpone = QCheckBox(
            self.tr("Cannot postpone treatment (risk, crisis, severity)")
        )
        self.cannot_postpone_reason = text_field()
        self.cannot_postpone_reason.setPlaceholderText(self.tr("Why treatment cannot be postponed"))
        self.cannot_postpone_reason.setFixedHeight(60)
        self.notes = text_field()
        self.notes.setFixedHeight(90)
        self.presenting_problem = text_field(self.tr("Optional. Private: kept out of logs"))
        self.presenting_problem.setFixedHeight(60)
        for text in (self.cannot_postpone_reason, self.notes):
            text.setTabChangesFocus(True)

        person = self._group(
            self.tr("Person"),
            [
                (self.tr("First name *"), self.first_name, "first_name"),
                (self.tr("Last name *"), self.last_name, "last_name"),
                (self.tr("Preferred name"), self.preferred_name, "preferred_name"),
                (self.tr("Birth date"), with_calendar(self.birth_picker), "birth_date"),
                (self.tr("E-mail"), self.email, "email"),
                (self.tr("Phone"), self.phone, "phone"),
                (self.tr("Address"), self.address, "address"),
                (self.tr("Emergency contact"), self.emergency_contact, "emergency_contact"),
                (self.tr("Client since"), with_calendar(self.started_picker), "started_on"),
            ],
        )
        sheets = self._group(
            self.tr("Sheets and reminders"),
            [
                (self.tr("Language"), self.language, "language"),
                (self.tr("Literacy level"), self.literacy_level, "literacy_level"),
                ("", self.large_print, "large_print"),
                (self.tr("Preferred way to record"), self.preferred_modality, "preferred_modality"),
                (self.tr("Reminders by"), self.reminder_channel, "reminder_channel"),
                (self.tr("Reminder time"), self.reminder_time, "reminder_time"),
            ],
        )
        care = self._group(
            self.tr("Care"),
            [
                (
                    self.tr("Diagnosis or\npresenting problem"),
                    self.presenting_problem,
                    "presenting_problem",
                ),
                (self.tr("Stage of change"), self.stage_of_change, "stage_of_change"),
                ("", self.stage_hint, "stage_hint"),
                ("", self.cannot_postpone, "cannot_postpone"),
                (self.tr("Reason"), self.cannot_postpone_reason, "cannot_postpone_reason"),
                (self.tr("Notes"), self.notes, "notes"),
            ],
        )

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.clicked.connect(self._revert)
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.clicked.connect(lambda: self._set_status(ClientStatus.PAUSED))
        self.resume_button = QPushButton(self.tr("Resume"))
        self.resume_button.clicked.connect(lambda: self._set_status(ClientStatus.ACTIVE))
        self.discharge_button = QPushButton(self.tr("Discharge…"))
        self.discharge_button.clicked.connect(self._discharge)
        self.form_message = error_label()

        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.resume_button)
        buttons.addWidget(self.discharge_button)

        self.columns = columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._left = left = QVBoxLayout()
        left.addWidget(person)
        left.addStretch(1)
        self._right = right = QVBoxLayout()
        right.addWidget(sheets)
        right.addWidget(care)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        inner = QWidget()
        self._body = body = QVBoxLayout(inner)
        header = QHBoxLayout()
        header.addWidget(self.heading)
        header.addStretch(1)
        header.addWidget(self.status_label)
        body.addLayout(header)
        self.risk_flag = RiskFlag()  # "cannot postpone treatment" and why, in full
        self.risk_flag.hide()
        body.addWidget(self.risk_flag)
        body.addLayout(columns)
        body.addWidget(self.form_message)
        body.addLayout(buttons)
        body.addStretch(1)
        self.scroll_area = scroll = QScrollArea()
        scroll.setAccessibleName(self.tr("Client profile"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _group(self, title: str, rows: list[tuple[str, QWidget, str]]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # a field too wide beside its label (longer Spanish) goes under it on a narrow pane
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for label, widget, name in rows:
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            message = error_label()
            column.addWidget(message)
            self._errors[name] = message
            self._fields[name] = widget
            form.addRow(label, name_field(label, holder))
        return box

    # ----- state ------------------------------------------------------------------
    @property
    def client_id(self) -> int | None:
        return self._client.id if self._client else None

    def clear(self) -> None:
        """Empty the form for a new client."""
        self._client = None
        self._fill(
            ClientInput(first_name="", last_name="", language=Language(i18n.current_language()))
        )
        self.heading.setText(self.tr("New client"))
        self.risk_flag.hide()
        self.status_label.setText("")
        for button in (self.pause_button, self.resume_button, self.discharge_button):
            button.hide()
        self.scroll_area.verticalScrollBar().setValue(0)  # start at the top, where typing starts
        self.scroll_area.ensureWidgetVisible(self.first_name)
        self.first_name.setFocus()
        self.tracker.mark_clean()

    def load(self, client: ClientView) -> None:
        self._client = client
        self._fill(client)
        self.heading.setText(isolated(client.display_name))
        self.risk_flag.set_flag(client.cannot_postpone_reason)
        self.risk_flag.setVisible(client.cannot_postpone)
        status = i18n.translated(client.status.label)
        self.status_label.setText(
            self.tr("Status: <b>{status}</b> since {day}").format(
                status=status, day=short_date(client.ended_on, year=True)
            )
            if client.ended_on
            else self.tr("Status: <b>{status}</b>").format(status=status)
        )
        self.pause_button.setVisible(client.status == ClientStatus.ACTIVE)
        self.resume_button.setVisible(client.status != ClientStatus.ACTIVE)
        self.discharge_button.setVisible(client.status != ClientStatus.DISCHARGED)
        self.tracker.mark_clean()

    def _fill(self, data: ClientInput) -> None:
        self.first_name.setText(data.first_name)
        self.last_name.setText(data.last_name)
        self.preferred_name.setText(data.preferred_name or "")
        self.birth_date.setText(short_date(data.birth_date, year=True) if data.birth_date else "")
        self.email.setText(data.email or "")
        self.phone.setText(data.phone or "")
        self.address.setPlainText(data.address or "")
        self.emergency_contact.setText(data.emergency_contact or "")
        self.presenting_problem.setPlainText(data.presenting_problem or "")
        self.started_on.setText(short_date(data.started_on, year=True) if data.started_on else "")
        set_combo_value(self.language, data.language)
        set_combo_value(self.literacy_level, data.literacy_level)
        self.large_print.setChecked(data.large_print)
        set_combo_value(self.preferred_modality, data.preferred_modality)
        set_combo_value(self.reminder_channel, data.reminder_channel)
        self.reminder_time.setText(time_text(data.reminder_time) if data.reminder_time else "")
        set_combo_value(self.stage_of_change, data.stage_of_change)
        self.cannot_postpone.setChecked(data.cannot_postpone)
        self.cannot_postpone_reason.setPlainText(data.cannot_postpone_reason or "")
        self.notes.setPlainText(data.notes or "")
        self._show_errors({})

    @property
    def is_dirty(self) -> bool:
        """True when a field differs from what was loaded or last saved."""
        return self.tracker.dirty

    def what(self) -> str:
        """How the unsaved-changes question names this form."""
        if self._client is None:
            return self.tr("the new client's profile")
        return self.tr("the profile of {name}").format(name=self._client.display_name)

    def may_leave(self) -> bool:
        """Ask Save / Discard / Cancel when edits would be lost; True when the user may
        go on (nothing changed, saved, or discarded). Discard puts back the saved values."""
        if not may_leave(self, self.is_dirty, self.save, self.what()):
            return False
        if self.is_dirty:  # discarded
            self._revert_fields()
        return True

    def _revert(self) -> None:
        """The Revert button: put back the saved values, asking first when it would
        throw away edits."""
        if self.is_dirty:
            choice = ask_unsaved(self, self.what(), default=Choice.DISCARD)
            if choice is Choice.CANCEL:
                return
            if choice is Choice.SAVE:
                self.save()
                return
        self._revert_fields()

    def _revert_fields(self) -> None:
        if self._client:
            self.load(self._client)
        else:
            self.clear()

    def _show_stance(self) -> None:
        stage = self.stage_of_change.currentData()
        if isinstance(stage, StageOfChange):
            self.stage_hint.setText(
                self.tr("Stance: {stance} Homework: {homework}").format(
                    stance=i18n.translated(stage.stance),
                    homework=i18n.translated(stage.fitting_homework),
                )
            )
        else:
            self.stage_hint.setText("")

    # ----- reading and saving -----------------------------------------------------
    def read_input(self) -> tuple[ClientInput | None, dict[str, str]]:
        """The form's content, or the parse errors that stop it being read."""
        errors: dict[str, str] = {}

        def parsed(name: str, parse: Callable[[str], T | None], text: str, wrong: str) -> T | None:
            try:
                return parse(text)
            except ValueError:
                errors[name] = wrong
                return None

        birth = parsed(
            "birth_date",
            parse_date,
            self.birth_date.text(),
            self.tr("Please write the birth date as a day like 4 Mar 1980 (or YYYY-MM-DD)."),
        )
        started = parsed(
            "started_on",
            parse_date,
            self.started_on.text(),
            self.tr(
                "Please write the first session's date as a day like 4 Mar 2025 (or YYYY-MM-DD)."
            ),
        )
        at = parsed(
            "reminder_time",
            parse_time,
            self.reminder_time.text(),
            self.tr("Please write the reminder time as HH:MM (24-hour)."),
        )
        if (
            self.cannot_postpone.isChecked()
            and not self.cannot_postpone_reason.toPlainText().strip()
        ):
            errors["cannot_postpone_reason"] = self.tr(
                "Say briefly why treatment cannot be postponed."
            )
        data = ClientInput(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            preferred_name=self.preferred_name.text() or None,
            birth_date=birth,
            email=self.email.text() or None,
            phone=self.phone.text() or None,
            language=self.language.currentData(),
            literacy_level=self.literacy_level.currentData(),
            large_print=self.large_print.isChecked(),
            preferred_modality=self.preferred_modality.currentData(),
            reminder_channel=self.reminder_channel.currentData(),
            reminder_time=at,
            stage_of_change=self.stage_of_change.currentData(),
            cannot_postpone=self.cannot_postpone.isChecked(),
            cannot_postpone_reason=self.cannot_postpone_reason.toPlainText() or None,
            started_on=started,
            notes=self.notes.toPlainText() or None,
            address=self.address.toPlainText() or None,
            emergency_contact=self.emergency_contact.text() or None,
            presenting_problem=self.presenting_problem.toPlainText() or None,
        )
        errors = {**clients.validate(data), **errors}
        return (None if errors else data), errors

    def save(self) -> bool:
        """Validate and save; nothing is written unless the whole form is valid."""
        data, errors = self.read_input()
        if data is None:
            self._show_errors(errors)
            return False
        self._show_errors({})  # the fields are valid: only the save can still fail
        existing = self._client

        def save(db: Session) -> ClientView:
            if existing is None:
                return clients.create(db, data)
            return clients.update(db, existing.id, data, version=existing.version)

        view = run_action(
            self,
            self._db,
            save,
            on_validation=self._show_errors,
            kept_input=True,
            title=self.tr("The client was not saved"),
            on_reload=self.reload,
            typed=self.typed_text,
            keep=self.tracker,
        )
        if view is None:
            return False
        self.load(view)
        self.saved.emit(view.id)
        return True

    def reload(self) -> None:
        """Read the client again (after a save refused because it changed elsewhere)."""
        if self._client is None:
            return
        client_id = self._client.id
        view = run_action(self, self._db, lambda s: clients.get(s, client_id))
        if view is not None:
            self.load(view)

    def typed_text(self) -> str:
        """The form's longer texts as typed, one per paragraph under its label (kept on
        the clipboard when a refused save is reloaded)."""
        fields = (
            (self.tr("Presenting problem"), self.presenting_problem),
            (self.tr("Address"), self.address),
            (self.tr("Why treatment cannot be postponed"), self.cannot_postpone_reason),
            (self.tr("Notes"), self.notes),
        )
        return "\n\n".join(
            f"{label}:\n{text}"  # not translated: a label and the user's own words
            for label, field in fields
            if (text := field.toPlainText().strip())
        )

    def _show_errors(self, errors: dict[str, str]) -> None:
        show_field_errors(self._errors, errors)
        self.form_message.setText(
            self.tr("Please correct the fields marked above; nothing was saved.") if errors else ""
        )
        self.form_message.setVisible(bool(errors))
        first = next((w for name, w in self._fields.items() if name in errors), None)
        if first is not None:  # bring the first field marked in red into view
            self.scroll_area.ensureWidgetVisible(first)

    def two_columns_need(self) -> int:
        """The width the form needs with its groups side by side (each at its narrowest:
        the Spanish labels and the cannot-postpone check box make that wider than
        STACK_BELOW), its margins and the scroll area's frame and scroll bar included."""
        margins = self._body.contentsMargins()
        frame = 2 * self.scroll_area.frameWidth()
        bar = self.scroll_area.verticalScrollBar().sizeHint().width()
        return (
            self._left.minimumSize().width()
            + self.columns.spacing()
            + self._right.minimumSize().width()
            + margins.left()
            + margins.right()
            + frame
            + bar
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        # one column when two would not fit side by side: never any sideways scrolling
        width = event.size().width()
        narrow = width < STACK_BELOW or width < self.two_columns_need()
        direction = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)
        super().resizeEvent(event)

    def _set_status(self, status: ClientStatus, on: date | None = None) -> None:
        if self._client is None:
            return
        if not self.may_leave():  # the new status reloads the form
            return
        client_id, version = self._client.id, self._client.version
        view = run_action(
            self,
            self._db,
            lambda s: clients.set_status(s, client_id, status, on=on, version=version),
            title=self.tr("The status was not changed"),
            on_reload=self.reload,
        )
        if view is None:
            return
        self.load(view)
        self.saved.emit(view.id)

    def _discharge(self) -> None:
        if self._client is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Discharge client"),
            self.tr("Discharge {name}? Their records stay; you can resume later.").format(
                name=self._client.display_name
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._set_status(ClientStatus.DISCHARGED)
