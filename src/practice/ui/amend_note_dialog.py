"""Amend a signed session note: the original stays as signed, the amendment is added.

Each section shows the note as it reads now (the original overlaid by earlier
amendments); the therapist changes what needs changing and gives a reason.
``services.notes.amend`` keeps only the sections that changed and audits it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from practice.db.engine import Database
from practice.services import notes
from practice.services.notes import NoteView
from practice.ui import i18n
from practice.ui.actions import run_action
from practice.ui.assignment_form import field_holder, plain_editor
from practice.ui.dates import day_text
from practice.ui.widgets import error_label, fit_to_screen, scrolling, show_field_errors
from practice.ui.wording import section_name


class AmendNoteDialog(QDialog):
    """After ``exec()`` returns Accepted, ``result_view`` is the amended note."""

    def __init__(self, database: Database, note: NoteView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = database
        self.note = note
        self.result_view: NoteView | None = None
        day = day_text(note.session_at.astimezone().date(), year=True)
        self.setWindowTitle(self.tr("Amend the note of {day}").format(day=day))
        intro = QLabel(
            self.tr(
                "The signed note stays exactly as it was signed. What you change here is added "
                "beside it as an amendment, with the date and your reason."
            )
        )
        intro.setWordWrap(True)

        self.section_edits: dict[str, QPlainTextEdit] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        current = note.current_sections
        for name in note.format.sections:
            edit = plain_editor(70)
            edit.setMaximumHeight(130)
            edit.setPlainText(current.get(name, ""))
            self.section_edits[name] = edit
            message = self.errors[f"sections.{name}"] = error_label()
            form.addRow(section_name(name), field_holder(edit, message))
        self.plan = plain_editor(50)
        self.plan.setPlainText(note.current_plan or "")
        self.plan.setMaximumHeight(110)
        message = self.errors["plan"] = error_label()
        form.addRow(self.tr("Plan for next time"), field_holder(self.plan, message))
        self.reason = plain_editor(40, self.tr("Why the note is amended (required)"))
        self.reason.setMaximumHeight(70)
        message = self.errors["reason"] = error_label()
        reason_form = QFormLayout()  # above the sections: always in sight
        reason_form.addRow(self.tr("Reason *"), field_holder(self.reason, message))
        body = QWidget()
        body.setLayout(form)

        self.message = error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Add amendment"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(reason_form)
        area = scrolling(body)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields inside it
        layout.addWidget(area, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        # Tab: reason -> each section -> plan -> buttons (the reason sits above the rest)
        chain: list[QWidget] = [self.reason, *self.section_edits.values(), self.plan]
        chain += [self.save_button, buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        self.reason.setFocus()
        self.resize(760, 620)
        fit_to_screen(self)

    def save(self) -> bool:
        """Add the amendment; messages appear by the fields and nothing is saved."""
        sections = {name: edit.toPlainText() for name, edit in self.section_edits.items()}
        plan = self.plan.toPlainText()
        reason = self.reason.toPlainText()
        note_id = self.note.id

        def amend(db: Session) -> NoteView:
            return notes.amend(db, note_id, sections, plan=plan, reason=reason)

        view = run_action(
            self,
            self._db,
            amend,
            on_validation=self._show_errors,
            kept_input=True,
            title=self.tr("The note was not amended"),
        )
        if view is None:
            return False
        self.result_view = view
        self.accept()
        return True

    def _show_errors(self, errors: dict[str, str]) -> None:
        errors = {k: i18n.translated(m) for k, m in errors.items()}
        show_field_errors(self.errors, errors)
        others = [m for k, m in errors.items() if k not in self.errors]
        self.message.setText(" ".join([self.tr("Nothing was saved."), *others]))
        self.message.setVisible(bool(errors))
