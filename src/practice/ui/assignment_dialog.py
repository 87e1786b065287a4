"""Assign homework outside a session, or change an assignment into another task.

When the saved instructions read above the client's level, the dialog stays open
with the measured grade and the hard sentences and words: the therapist keeps
the text ("Keep it") or edits it and saves again (the same assignment is updated).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from practice.db.engine import Database
from practice.domain.inputs import AssignmentInput
from practice.services import homework, homework_prefill
from practice.services.homework import AssignmentView
from practice.sheets.templates import TemplateLibrary
from practice.ui import i18n, theme
from practice.ui.actions import run_action
from practice.ui.assignment_form import AssignmentForm, field_holder, plain_editor
from practice.ui.reminder_defaults import with_practice_reminder
from practice.ui.running_homework import ask_about_running
from practice.ui.unsaved import DialogGuard
from practice.ui.user_text import for_title
from practice.ui.widgets import error_label, fit_to_screen, scrolling


def replacement_defaults(
    db: Session,
    templates: TemplateLibrary,
    old: AssignmentView,
    template_key: str | None = None,
) -> AssignmentInput:
    """A new task prefilled from the client, keeping what was adapted for the old one
    (level, language, print, way to record, reminders)."""
    data = homework.defaults_for(
        db, old.client_id, template_key or old.template_key, templates=templates
    )
    data = replace(
        data,
        level=old.level,
        language=old.language,
        large_print=old.large_print,
        modality=old.modality,
        frequency=old.frequency,
        times_per_week=old.times_per_week,
        reminder_channel=old.reminder_channel,
        reminder_time=old.reminder_time,
    )
    return homework_prefill.with_template_texts(data, templates=templates)


def open_assignment_dialog(
    parent: QWidget,
    database: Database,
    templates: TemplateLibrary,
    client_id: int,
    *,
    replacing: AssignmentView | None = None,
) -> AssignmentDialog | None:
    """The dialog, prefilled; None when its defaults could not be read (said already).

    The template folders are read again first: a template added since shows in it.
    """
    templates.reload()

    def defaults(db: Session) -> AssignmentInput:
        if replacing is not None:
            return replacement_defaults(db, templates, replacing)
        first = templates.keys()[0]
        return with_practice_reminder(
            homework.defaults_for(db, client_id, first, templates=templates)
        )

    title = QCoreApplication.translate("AssignmentDialog", "Homework")
    data = run_action(parent, database, defaults, title=title)
    if data is None:
        return None
    return AssignmentDialog(
        database, templates, client_id, data, replacing=replacing, parent=parent
    )


class AssignmentDialog(QDialog):
    """New homework for a client (``replacing`` None) or a replacement for ``replacing``.

    After ``exec()`` returns Accepted, ``result_view`` is the new assignment.
    """

    def __init__(
        self,
        database: Database,
        templates: TemplateLibrary,
        client_id: int,
        data: AssignmentInput,
        *,
        replacing: AssignmentView | None = None,
        client_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = database
        self._client_id = client_id
        self._replacing = replacing
        self.result_view: AssignmentView | None = None
        self.form = AssignmentForm(templates)
        if replacing is None:
            self.setWindowTitle(
                self.tr("Assign homework to {name}").format(name=for_title(client_name))
                if client_name
                else self.tr("Assign homework")
            )
        else:
            self.setWindowTitle(
                self.tr("Change “{title}” into another task").format(
                    title=for_title(replacing.title)
                )
            )
        self.form.load(data)

        layout = QVBoxLayout(self)
        if replacing is not None:
            intro = QLabel(
                self.tr(
                    "The new task replaces <b>{title}</b> (code {code}); "
                    "the old one is kept, marked replaced, and links to the new one."
                ).format(title=replacing.title, code=replacing.code)
            )
            intro.setWordWrap(True)
            layout.addWidget(intro)
        area = scrolling(self.form)
        area.setAccessibleName(self.tr("Homework details"))
        layout.addWidget(area, 1)
        self.reason = plain_editor(50, self.tr("Why the task is changed (required)"))
        self.reason.setMaximumHeight(80)
        self.reason_error = error_label()
        if replacing is not None:
            layout.addWidget(QLabel(self.tr("Reason for the change *")))
            layout.addWidget(field_holder(self.reason, self.reason_error))
        self.message = error_label()
        layout.addWidget(self.message)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        theme.set_role(self.warning, "warning_box")
        self.warning.hide()
        layout.addWidget(self.warning)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Change task") if replacing else self.tr("Assign"))
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.keep_button = QPushButton(self.tr("Keep it"))
        self.keep_button.setToolTip(self.tr("The homework is saved; close with the text as it is."))
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.keep_button.clicked.connect(self.accept)
        self.keep_button.hide()
        buttons.accepted.connect(self.save)
        layout.addWidget(buttons)
        self.resize(1100, 660)
        fit_to_screen(self)
        # Esc, the X and Cancel ask before typed homework is lost (see ui.unsaved)
        self.guard = DialogGuard(
            self,
            self.save,
            self.tr("this homework"),
            is_dirty=lambda: self.result_view is None and self.guard.tracker.dirty,
        )
        buttons.rejected.connect(self.guard.reject)

    def save(self) -> bool:
        """Validate and write; messages appear next to the fields, nothing is saved."""
        data, errors = self.form.read()
        errors = {**homework.validate(data), **errors}
        reason = self.reason.toPlainText()
        if self._replacing is not None and not reason.strip():
            errors["reason"] = self.tr("Please give a reason for the change.")
        if errors:
            self._show_errors(errors)
            return False
        replacing, client_id, saved = self._replacing, self._client_id, self.result_view
        running: homework.RunningChoice | None = None
        if saved is None and replacing is None:
            found = run_action(
                self,
                self._db,
                lambda db: (homework.running_of_template(db, client_id, data.template_key),),
                title=self.tr("The homework was not saved"),
            )
            if found is None:  # could not be read (said already): nothing saved
                return False
            if found[0] is not None:
                running = ask_about_running(self, found[0])
                if running is None:  # Cancel: nothing saved, the form stays as it is
                    return False

        def save(db: Session) -> AssignmentView:
            if saved is not None:  # saved already; the text was edited after a warning
                return homework.update(db, saved.id, data, version=saved.version)
            if replacing is None:
                return homework.assign_new(db, client_id, data, running=running)
            return homework.replace(db, replacing.id, data, reason, version=replacing.version)

        view = run_action(
            self,
            self._db,
            save,
            on_validation=self._show_errors,
            kept_input=True,
            title=self.tr("The homework was not saved"),
            on_reload=self._reload,
            keep=self.guard.tracker,
        )
        if view is None:
            return False
        self.result_view = view
        if view.text_check is not None:
            self._show_warning(view)
            return True
        self.accept()
        return True

    def _reload(self) -> None:
        """Read the homework being changed again (a save refused: it changed on another
        computer). The fields stay as typed (``keep`` puts them back); the next save is
        made over the version read now."""
        replacing, saved = self._replacing, self.result_view
        ids = [v.id for v in (replacing, saved) if v is not None]
        if not ids:
            return
        found = run_action(self, self._db, lambda db: [homework.get(db, i) for i in ids])
        if found is None:
            return
        fresh = iter(found)
        if replacing is not None:
            self._replacing = next(fresh)
        if saved is not None:
            self.result_view = next(fresh)

    def _show_warning(self, view: AssignmentView) -> None:
        """Saved, but the instructions read above the level: say so, stay open."""
        assert view.text_check is not None
        self.message.hide()
        self.warning.setText(
            self.tr(
                "Saved with your text. You can keep it, or save a simpler version.\n{check}"
            ).format(check=i18n.translated(view.text_check.message(advice=False)))
        )
        self.warning.show()
        self.save_button.setText(self.tr("Save the new text"))
        self.keep_button.show()
        self.keep_button.setDefault(True)
        self.cancel_button.hide()  # saved already: there is nothing to cancel

    def reject(self) -> None:
        if self.result_view is not None:  # saved already: closing keeps it
            self.accept()
            return
        super().reject()

    def _show_errors(self, errors: dict[str, str]) -> None:
        shown = self.form.show_errors(errors)
        reason = errors.get("reason", "")
        self.reason_error.setText(i18n.translated(reason))
        self.reason_error.setVisible(bool(reason))
        others = [
            i18n.translated(m)
            for k, m in errors.items()
            if not self.form.shows(k) and k != "reason"
        ]
        lines = []
        if shown or reason:
            lines.append(self.tr("Please correct the fields marked in red; nothing was saved."))
        self.message.setText(" ".join(lines + others))
        self.message.setVisible(bool(errors))
