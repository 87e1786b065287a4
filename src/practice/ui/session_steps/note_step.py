"""Step 2: the session note (free, SOAP, DAP or BIRP sections), plan and private note."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from practice.domain.session_draft import SessionDraft
from practice.domain.vocabulary import NOTE_SECTIONS, NoteFormat
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import i18n, theme
from practice.ui.assignment_form import combo_enum, field_holder, plain_editor
from practice.ui.session_steps import Columns, StepPage, heading, intro
from practice.ui.widgets import error_label, scrolling, set_combo_value, show_field_errors
from practice.ui.wording import NEXT_SESSION_HINT, NEXT_SESSION_TITLE, section_name


def format_label(fmt: NoteFormat) -> str:
    """ "BIRP  (Behavior, Intervention, Response, Plan)", in the GUI's language."""
    if fmt is NoteFormat.FREE:
        return QCoreApplication.translate("NoteStep", "Free text")
    sections = ", ".join(section_name(s) for s in fmt.sections)
    return f"{fmt.value.upper()}  ({sections})"


PRIVATE_STYLE = "private"  # a theme role
PRIVATE_TITLE_STYLE = "font-weight: 600;"  # and the "warning" role
SECTION_LABEL_STYLE = "font-weight: 600;"


class NoteStep(StepPage):
    title = QT_TRANSLATE_NOOP("NoteStep", "Session note")
    error_prefixes = ("note.",)

    def __init__(self) -> None:
        super().__init__()
        self._texts: dict[str, str] = {}  # every section typed so far, by name
        self.section_edits: dict[str, QPlainTextEdit] = {}
        self._section_errors: dict[str, QLabel] = {}
        self._already_signed = False

        self.format = QComboBox()
        # as wide as its longest format, so "SOAP  (Subjetivo, Objetivo, …)" is never cut
        self.format.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for fmt in NoteFormat:
            self.format.addItem(format_label(fmt), fmt)
        self.signed_notice = intro(
            self.tr(
                "This note is signed: its text is locked here. Changes to a signed note are "
                "amendments, kept beside the original."
            )
        )
        theme.set_role(self.signed_notice, "success")
        self.signed_notice.hide()
        self.kept_aside = intro("")
        self.kept_aside.hide()
        self.sections_box = QVBoxLayout()
        self.sections_box.setSpacing(4)

        self.plan = plain_editor(70, self.tr("e.g. ask how the new sheet went"))
        self.plan_error = error_label()
        private_title = QLabel(self.tr("Private psychotherapy note"))
        private_title.setStyleSheet(PRIVATE_TITLE_STYLE)
        theme.set_role(private_title, "warning")
        private_hint = intro(
            self.tr(
                "Private: kept apart from the session record, left out of exports, "
                "never locked by signing."
            )
        )
        self.private_note = plain_editor(90, self.tr("Your own process notes (optional)"))
        theme.set_role(self.private_note, PRIVATE_STYLE)
        self.private_error = error_label()
        self.sign = QCheckBox(self.tr("Sign and lock the note when the session is finished"))
        self.sign_error = error_label()

        format_row = QHBoxLayout()
        format_row.addWidget(QLabel(self.tr("Format")))
        format_row.addWidget(self.format)
        format_row.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(format_row)
        left.addWidget(self.signed_notice)
        left.addLayout(self.sections_box, 1)
        left.addWidget(self.kept_aside)

        private = QGroupBox()
        theme.set_role(private, "private")
        private_column = QVBoxLayout(private)
        private_column.addWidget(private_title)
        private_column.addWidget(private_hint)
        private_column.addWidget(field_holder(self.private_note, self.private_error), 1)

        right = QVBoxLayout()
        plan_title = QLabel(i18n.translated(NEXT_SESSION_TITLE))
        plan_title.setStyleSheet(SECTION_LABEL_STYLE)
        self.plan.setAccessibleName(plan_title.text())
        self.private_note.setAccessibleName(private_title.text())
        right.addWidget(plan_title)
        right.addWidget(intro(i18n.translated(NEXT_SESSION_HINT)))
        right.addWidget(field_holder(self.plan, self.plan_error), 1)
        right.addWidget(private, 2)
        right.addWidget(self.sign)
        right.addWidget(self.sign_error)

        left_box, right_box = QWidget(), QWidget()
        left_box.setLayout(left)
        right_box.setLayout(right)
        left.setContentsMargins(0, 0, 0, 0)
        right.setContentsMargins(0, 0, 0, 0)
        # note | plan and private note: one below the other when the panel is narrow,
        # and the whole step scrolls up and down (never sideways) on a small screen
        self.columns = Columns([(left_box, 3), (right_box, 2)])
        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(heading(self.tr("Session note")))
        column.addWidget(self.columns, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        area = scrolling(content)
        area.setAccessibleName(self.tr("Session note"))
        layout.addWidget(area)
        self.format.currentIndexChanged.connect(self._format_changed)

    # ----- sections ---------------------------------------------------------------
    @property
    def current_format(self) -> NoteFormat:
        return combo_enum(self.format, NoteFormat) or NoteFormat.FREE

    def _keep_texts(self) -> None:
        for name, edit in self.section_edits.items():
            self._texts[name] = edit.toPlainText()

    def _format_changed(self) -> None:
        self._keep_texts()
        self._build_sections(self.current_format)

    def _build_sections(self, fmt: NoteFormat) -> None:
        while self.sections_box.count():
            item = self.sections_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self.section_edits, self._section_errors = {}, {}
        for name in NOTE_SECTIONS[fmt]:
            label = QLabel(section_name(name))
            label.setStyleSheet(SECTION_LABEL_STYLE)
            edit = plain_editor(60)
            edit.setPlainText(self._texts.get(name, ""))
            edit.setReadOnly(self._already_signed)
            edit.setAccessibleName(self.tr("{name} section").format(name=section_name(name)))
            message = error_label()
            self.section_edits[name] = edit
            self._section_errors[name] = message
            self.sections_box.addWidget(label)
            self.sections_box.addWidget(field_holder(edit, message), 1)
        hidden = [n for n, t in self._texts.items() if t.strip() and n not in NOTE_SECTIONS[fmt]]
        self.kept_aside.setText(
            self.tr("Not in this format, so not saved unless you switch back: {sections}").format(
                sections=", ".join(section_name(n) for n in hidden)
            )
            if hidden
            else ""
        )
        self.kept_aside.setVisible(bool(hidden))
        chain: list[QWidget] = [self.format, *self.section_edits.values(), self.plan]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        QWidget.setTabOrder(self.plan, self.private_note)
        QWidget.setTabOrder(self.private_note, self.sign)

    # ----- StepPage ---------------------------------------------------------------
    def load(self, draft: SessionDraft) -> None:
        note = draft.note
        self._already_signed = note.already_signed
        self._texts = dict(note.sections)
        self.format.blockSignals(True)
        set_combo_value(self.format, note.format)
        self.format.blockSignals(False)
        self.format.setEnabled(not note.already_signed)
        self._build_sections(note.format)
        self.plan.setPlainText(note.plan)
        self.plan.setReadOnly(note.already_signed)
        self.private_note.setPlainText(note.private_note)
        self.sign.setChecked(draft.sign_note and not note.already_signed)
        self.sign.setVisible(not note.already_signed)
        self.signed_notice.setVisible(note.already_signed)

    def apply(self, draft: SessionDraft) -> SessionDraft:
        sections = {name: edit.toPlainText() for name, edit in self.section_edits.items()}
        note = replace(
            draft.note,
            format=self.current_format,
            sections=sections,
            plan=self.plan.toPlainText(),
            private_note=self.private_note.toPlainText(),
        )
        return replace(draft, note=note, sign_note=self.sign.isChecked())

    def show_errors(self, errors: dict[str, str]) -> int:
        targets = {f"note.sections.{n}": label for n, label in self._section_errors.items()}
        targets.update({"note.plan": self.plan_error, "note.private_note": self.private_error})
        targets["note"] = self.sign_error
        errors = {k: i18n.translated(m) for k, m in errors.items()}
        shown = show_field_errors(targets, errors)
        stray = [
            m for k, m in errors.items() if self.owns(k) and k not in targets
        ]  # e.g. a section name no longer in the format
        if stray:
            self.sign_error.setText(" ".join([self.sign_error.text(), *stray]).strip())
            self.sign_error.show()
            shown += len(stray)
        return shown

    def focus_first(self) -> None:
        edits = list(self.section_edits.values())
        if edits and not self._already_signed:
            edits[0].setFocus()
        else:
            self.private_note.setFocus()
