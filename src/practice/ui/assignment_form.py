"""The homework assignment form, used in the session panel and the assignment dialog.

It edits one :class:`AssignmentInput`. Level, language and large print come prefilled
(``homework.defaults_for``) and can be overridden; changing the template, level or
language takes title, instructions and "why this helps you" again from the template
(``homework_prefill.with_template_texts``) unless the therapist has edited that text.
"""

from __future__ import annotations

from dataclasses import replace
from enum import Enum
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from practice.domain.inputs import AssignmentInput
from practice.domain.vocabulary import (
    Frequency,
    Language,
    LiteracyLevel,
    Modality,
    ReminderChannel,
)
from practice.services import homework_prefill
from practice.services.homework import TIMES_PER_WEEK
from practice.sheets.templates import TemplateLibrary
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import i18n, theme
from practice.ui.dates import date_field, pydate, qdate, time_text
from practice.ui.widgets import (
    enum_combo,
    error_label,
    name_field,
    parse_time,
    set_combo_value,
    show_field_errors,
    text_field,
)
from practice.ui.wording import LEVEL_CHOICES

NO_DATE = QDate(2000, 1, 1)  # the QDateEdit minimum, shown as "No due date"
HINT_STYLE = "muted"  # theme roles
PROBLEMS_STYLE = "warning"
PROBLEMS_INTRO = QT_TRANSLATE_NOOP(
    "AssignmentForm", "Some of your own templates could not be loaded; the others can be used:"
)
PROBLEMS_SHOWN = 5
TEXT_FIELDS = ("title", "instructions", "rationale")


E = TypeVar("E", bound=Enum)


def combo_enum(combo: QComboBox, cls: type[E]) -> E | None:
    """The chosen member (Qt hands a StrEnum back as a plain str), or None."""
    value = combo.currentData()
    return None if value is None else cls(value)


def combo_member(combo: QComboBox, cls: type[E]) -> E:
    value = combo_enum(combo, cls)
    assert value is not None
    return value


def plain_editor(height: int | None = None, placeholder: str = "") -> QPlainTextEdit:
    """A plain-text editor where Tab moves on (keyboard use) instead of typing a tab."""
    edit = text_field()
    edit.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    if height is not None:
        edit.setMinimumHeight(height)
    return edit


def field_holder(widget: QWidget, message: QLabel) -> QWidget:
    """``widget`` with its (hidden) error message right under it."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(widget)
    column.addWidget(message)
    return holder


def problems_text(templates: TemplateLibrary) -> str:
    """The templates that could not be loaded, the first few of them, for the form."""
    lines = [i18n.translated(p.message) for p in templates.problems]
    shown = lines[:PROBLEMS_SHOWN]
    if len(lines) > len(shown):
        shown.append(
            QCoreApplication.translate(
                "AssignmentForm", "… and {count} more (`practice sheet --list` lists them all)."
            ).format(count=len(lines) - len(shown))
        )
    return "\n".join([i18n.translated(PROBLEMS_INTRO), *shown])


class AssignmentForm(QWidget):
    """Edit one assignment; ``read()`` gives the input and any unreadable fields."""

    texts_changed = Signal()

    def __init__(self, templates: TemplateLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._templates = templates
        self._base = AssignmentInput(
            template_key="", title="", level=LiteracyLevel.PLAIN, language=Language.EN
        )
        self._prefilled: dict[str, str] = dict.fromkeys(TEXT_FIELDS, "")
        self._loading = False
        self._errors: dict[str, QLabel] = {}
        self._build()

    # ----- layout -----------------------------------------------------------------
    def _build(self) -> None:
        self.template = QComboBox()
        shown_in = Language.ES if i18n.current_language() == "es" else Language.EN
        for t in self._templates:
            self.template.addItem(t.name(shown_in), t.key)
        self.template_problems = QLabel(problems_text(self._templates))
        self.template_problems.setWordWrap(True)
        theme.set_role(self.template_problems, PROBLEMS_STYLE)
        self.template_problems.setVisible(bool(self._templates.problems))
        self.title = QLineEdit()
        self.level = enum_combo(LiteracyLevel, labels=LEVEL_CHOICES)
        self.language = enum_combo(Language)
        self.large_print = QCheckBox(self.tr("Large print (18 pt and up)"))
        self.modality = enum_combo(Modality)
        self.frequency = enum_combo(Frequency)
        self.times_per_week = QSpinBox()
        self.times_per_week.setRange(TIMES_PER_WEEK.start, TIMES_PER_WEEK.stop - 1)
        self.times_per_week.setValue(3)
        self.times_per_week.setSuffix(self.tr(" times a week"))
        self.due_date = date_field(QDateEdit())
        self.due_date.setMinimumDate(NO_DATE)
        self.due_date.setSpecialValueText(self.tr("No due date"))
        self.reminder_channel = enum_combo(ReminderChannel)
        self.reminder_time = QLineEdit()
        self.reminder_time.setPlaceholderText("HH:MM")  # not translated: the time format
        self.reminder_time.setMaximumWidth(90)
        self.reminder_time.setAccessibleName(self.tr("Reminder time"))
        self.alarm_set = QCheckBox(self.tr("Alarm set together in session"))
        self.reminder_card = QCheckBox(self.tr("Reminder card printed"))
        self.target = QLineEdit()
        self.target.setPlaceholderText(self.tr("e.g. Shouting at my son"))
        self.target.setToolTip(
            self.tr("Printed at the top of the sheet, after the template's label")
        )
        self.target_label = QLabel(self.tr("Target behavior"))
        self.target_label.setBuddy(self.target)
        self.target.setAccessibleName(self.tr("Target behavior"))
        self.instructions = plain_editor(110, self.tr("What the client does, in their words"))
        self.rationale = plain_editor(80, self.tr("Why this helps you, for the client"))
        self.instructions.setAccessibleName(self.tr("Instructions"))
        self.rationale.setAccessibleName(self.tr("Why this helps you"))
        self.instructions.setMaximumHeight(170)
        self.rationale.setMaximumHeight(110)
        self.use_template_text = QPushButton(self.tr("Use the template's text"))
        self.use_template_text.setToolTip(
            self.tr("Take title, instructions and 'why this helps you' again from the template")
        )
        self.texts_hint = QLabel()
        self.texts_hint.setWordWrap(True)
        theme.set_role(self.texts_hint, HINT_STYLE)
        self.teach_back = QCheckBox(
            self.tr("Teach-back done: the client said the task in their own words")
        )
        self.value_discussed = QCheckBox(
            self.tr("Value discussed: what the task does for the client")
        )

        frequency_row = QHBoxLayout()
        frequency_row.setContentsMargins(0, 0, 0, 0)
        frequency_row.addWidget(self.frequency, 1)
        frequency_row.addWidget(self.times_per_week)
        frequency_box = QWidget()
        frequency_box.setLayout(frequency_row)
        level_row = QHBoxLayout()
        level_row.setContentsMargins(0, 0, 0, 0)
        level_row.addWidget(self.level, 1)
        level_row.addWidget(QLabel(self.tr("Language")))
        level_row.addWidget(self.language, 1)
        level_box = QWidget()
        level_box.setLayout(level_row)

        task = self._group(
            self.tr("Task"),
            [
                (self.tr("Template"), self.template, "template_key"),
                (self.tr("Title *"), self.title, "title"),
                (self.tr("Level"), level_box, "level"),
                ("", self.large_print, "large_print"),
                (self.tr("Way to record"), self.modality, "modality"),
                (self.tr("How often"), frequency_box, "times_per_week"),
                (self.tr("Due (bring it on)"), self.due_date, "due_date"),
            ],
        )
        reminder_row = QHBoxLayout()
        reminder_row.setContentsMargins(0, 0, 0, 0)
        reminder_row.addWidget(self.reminder_channel, 1)
        reminder_row.addWidget(QLabel(self.tr("at")))
        reminder_row.addWidget(self.reminder_time)
        reminder_box = QWidget()
        reminder_box.setLayout(reminder_row)
        reminders = self._group(
            self.tr("Reminder plan"),
            [
                (self.tr("Remind by"), reminder_box, "reminder_time"),
                ("", self.alarm_set, "alarm_set_in_session"),
                ("", self.reminder_card, "reminder_card_printed"),
            ],
        )
        texts = QGroupBox(self.tr("For the client (printed on the sheet)"))
        text_layout = QVBoxLayout(texts)
        self.target_holder = field_holder(self.target, self._message("target"))
        text_layout.addWidget(self.target_label)
        text_layout.addWidget(self.target_holder)
        text_layout.addWidget(QLabel(self.tr("Instructions")))
        text_layout.addWidget(field_holder(self.instructions, self._message("instructions")), 3)
        text_layout.addWidget(QLabel(self.tr("Why this helps you")))
        text_layout.addWidget(field_holder(self.rationale, self._message("rationale")), 2)
        hint_row = QHBoxLayout()
        hint_row.addWidget(self.texts_hint, 1)
        hint_row.addWidget(self.use_template_text)
        text_layout.addLayout(hint_row)
        in_session = QGroupBox(self.tr("In session"))
        checks = QVBoxLayout(in_session)
        checks.addWidget(self.teach_back)
        checks.addWidget(self.value_discussed)

        left = QVBoxLayout()
        left.addWidget(self.template_problems)
        left.addWidget(task)
        left.addWidget(reminders)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(texts, 1)
        right.addWidget(in_session)
        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        self.template.currentIndexChanged.connect(self._template_inputs_changed)
        self.level.currentIndexChanged.connect(self._template_inputs_changed)
        self.language.currentIndexChanged.connect(self._template_inputs_changed)
        self.frequency.currentIndexChanged.connect(self._update_enabled)
        self.reminder_channel.currentIndexChanged.connect(self._update_enabled)
        self.use_template_text.clicked.connect(lambda: self._refresh_texts(force=True))
        for edit in (self.instructions, self.rationale):
            edit.textChanged.connect(self._update_hint)
        self.title.textChanged.connect(self._update_hint)
        self.template.currentIndexChanged.connect(self._update_target)
        self.setTabOrder(self.reminder_card, self.target)
        self.setTabOrder(self.target, self.instructions)
        self.setTabOrder(self.instructions, self.rationale)
        self.setTabOrder(self.rationale, self.use_template_text)
        self.setTabOrder(self.use_template_text, self.teach_back)
        self.setTabOrder(self.teach_back, self.value_discussed)

    def _message(self, name: str) -> QLabel:
        label = error_label()
        self._errors[name] = label
        return label

    def _group(self, title: str, rows: list[tuple[str, QWidget, str]]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, widget, name in rows:
            form.addRow(label, name_field(label, field_holder(widget, self._message(name))))
        return box

    # ----- filling ----------------------------------------------------------------
    def load(self, data: AssignmentInput) -> None:
        """Show ``data``; texts that differ from the template's count as edited."""
        self._loading = True
        try:
            self._base = data
            index = self.template.findData(data.template_key)
            if index < 0 and data.template_key:
                self.template.addItem(data.template_key, data.template_key)
                index = self.template.count() - 1
            self.template.setCurrentIndex(max(index, 0))
            set_combo_value(self.level, data.level)
            set_combo_value(self.language, data.language)
            self.large_print.setChecked(data.large_print)
            set_combo_value(self.modality, data.modality)
            set_combo_value(self.frequency, data.frequency)
            if data.times_per_week:
                self.times_per_week.setValue(data.times_per_week)
            self.due_date.setDate(qdate(data.due_date) if data.due_date else NO_DATE)
            set_combo_value(self.reminder_channel, data.reminder_channel)
            self.reminder_time.setText(time_text(data.reminder_time) if data.reminder_time else "")
            self.alarm_set.setChecked(data.alarm_set_in_session)
            self.reminder_card.setChecked(data.reminder_card_printed)
            self.teach_back.setChecked(data.teach_back_done)
            self.value_discussed.setChecked(data.value_discussed)
            self.target.setText(data.target or "")
            self._set_texts(data.title, data.instructions or "", data.rationale or "")
        finally:
            self._loading = False
        self._update_enabled()
        self._update_target()
        self._update_hint()
        self.show_errors({})

    def _set_texts(self, title: str, instructions: str, rationale: str) -> None:
        """Show the texts; what counts as "not edited" is the template's own text."""
        template = homework_prefill.with_template_texts(self._base, templates=self._templates)
        self._prefilled = {
            "title": template.title,
            "instructions": template.instructions or "",
            "rationale": template.rationale or "",
        }
        self.title.setText(title)
        self.instructions.setPlainText(instructions)
        self.rationale.setPlainText(rationale)

    def _texts(self) -> dict[str, str]:
        return {
            "title": self.title.text(),
            "instructions": self.instructions.toPlainText(),
            "rationale": self.rationale.toPlainText(),
        }

    def edited(self) -> list[str]:
        """Which of title, instructions, rationale differ from the template's text."""
        now = self._texts()
        return [n for n in TEXT_FIELDS if now[n].strip() != self._prefilled[n].strip()]

    def _template_inputs_changed(self) -> None:
        if not self._loading:
            self._refresh_texts(force=False)

    def _refresh_texts(self, *, force: bool) -> None:
        fresh = homework_prefill.with_template_texts(
            replace(
                self._base,
                template_key=self.template.currentData() or "",
                level=combo_member(self.level, LiteracyLevel),
                language=combo_member(self.language, Language),
            ),
            templates=self._templates,
        )
        new = {
            "title": fresh.title,
            "instructions": fresh.instructions or "",
            "rationale": fresh.rationale or "",
        }
        edited = set() if force else set(self.edited())
        for name in TEXT_FIELDS:
            if name not in edited:
                self._prefilled[name] = new[name]
        current = self._texts()
        title = current["title"] if "title" in edited else new["title"]
        self.title.setText(title)
        if "instructions" not in edited:
            self.instructions.setPlainText(new["instructions"])
        if "rationale" not in edited:
            self.rationale.setPlainText(new["rationale"])
        self._update_hint()
        self.texts_changed.emit()

    def _update_hint(self) -> None:
        edited = self.edited()
        if not edited:
            self.texts_hint.setText(
                self.tr("Texts follow the template at this level and language.")
            )
        else:
            names = {
                "title": self.tr("title"),
                "instructions": self.tr("instructions"),
                "rationale": self.tr("why"),
            }
            self.texts_hint.setText(
                self.tr(
                    "Your edits are kept when the template, level or language changes: {fields}."
                ).format(fields=", ".join(names[n] for n in edited))
            )
        self.use_template_text.setEnabled(bool(edited))

    def prints_target(self) -> bool:
        """Whether the chosen template prints a target (a ``target_label`` at any level)."""
        try:
            template = self._templates.get(self.template.currentData() or "")
        except KeyError:
            return False
        return any(text.target_label for text in template.variants.values())

    def _update_target(self) -> None:
        shown = self.prints_target()
        self.target_label.setVisible(shown)
        self.target_holder.setVisible(shown)

    def _update_enabled(self) -> None:
        self.times_per_week.setVisible(self.frequency.currentData() == Frequency.PER_WEEK.value)
        reminding = self.reminder_channel.currentData() != ReminderChannel.NONE.value
        self.reminder_time.setEnabled(reminding)

    # ----- reading ----------------------------------------------------------------
    def read(self) -> tuple[AssignmentInput, dict[str, str]]:
        """What the form says, and fields that could not be read (keyed by field)."""
        errors: dict[str, str] = {}
        try:
            at = parse_time(self.reminder_time.text())
        except ValueError:
            at = None
            errors["reminder_time"] = self.tr("Write the reminder time as HH:MM (24-hour).")
        due_q = self.due_date.date()
        due = None if due_q == NO_DATE else pydate(due_q)
        frequency = combo_member(self.frequency, Frequency)
        data = replace(
            self._base,
            template_key=self.template.currentData() or "",
            title=self.title.text(),
            level=combo_member(self.level, LiteracyLevel),
            language=combo_member(self.language, Language),
            instructions=self.instructions.toPlainText() or None,
            rationale=self.rationale.toPlainText() or None,
            target=(self.target.text().strip() or None) if self.prints_target() else None,
            large_print=self.large_print.isChecked(),
            modality=combo_member(self.modality, Modality),
            frequency=frequency,
            times_per_week=self.times_per_week.value() if frequency == Frequency.PER_WEEK else None,
            due_date=due,
            reminder_channel=combo_member(self.reminder_channel, ReminderChannel),
            reminder_time=at,
            alarm_set_in_session=self.alarm_set.isChecked(),
            reminder_card_printed=self.reminder_card.isChecked(),
            teach_back_done=self.teach_back.isChecked(),
            value_discussed=self.value_discussed.isChecked(),
        )
        return data, errors

    def show_errors(self, errors: dict[str, str]) -> int:
        """Show messages next to the fields (keys are AssignmentInput field names)."""
        return show_field_errors(self._errors, errors)

    def shows(self, name: str) -> bool:
        """Whether the form has a place for the message of field ``name``."""
        return name in self._errors

    def focus_first(self) -> None:
        self.template.setFocus()
