""" "Import a filled sheet…": a client's returned fillable PDF into a homework review.

Choose the PDF; the dialog shows what it found (client, homework, days recorded,
ratings, every answer per day or entry, flagged values in red) and a suggested
review to confirm or change: completion 0-4, brought, days recorded, and the
session it belongs to: the one the sheet was printed for, else the therapist
chooses among the attended sessions of that client after the homework was set.
When that session already reviewed the homework, what would change is shown (old
and new) and confirming needs "Replace that review" ticked. Confirm writes the
review and every answer. Any problem is shown here and nothing is written.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from practice.db.engine import Database
from practice.domain.inputs import ReviewInput
from practice.domain.measures import QUESTIONNAIRES
from practice.domain.vocabulary import COMPLETION_ANCHORS
from practice.services import filled_import, measure_forms
from practice.services.errors import ServiceError
from practice.services.filled_import import ChangeLine, FilledPreview
from practice.services.measure_forms import FormPreview, ImportedForm
from practice.services.reviews import DAYS_MAX, ReviewView
from practice.sheets.templates import TemplateLibrary
from practice.ui import file_dialogs, i18n, theme
from practice.ui.actions import run_action
from practice.ui.dates import date_time_text, day_text
from practice.ui.sheet_answers_html import answers_html
from practice.ui.widgets import fit_to_screen

ERROR_STYLE = "danger_box"  # theme roles
NOTICE_STYLE = "warning_box"
MUTED = theme.Ink("muted")
FLAG_INK = theme.Ink("danger_ink")
SPAN = "<span style='color:{ink}'>{text}</span>"  # rich text in a role's colour


class FilledImportDialog(QDialog):
    """``client_id``: the client open in the app (a sheet of another client is refused)."""

    def __init__(
        self,
        database: Database,
        templates: TemplateLibrary,
        parent: QWidget | None = None,
        *,
        client_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = database
        self.client_id = client_id
        self.preview: FilledPreview | None = None
        self.result_review: ReviewView | None = None
        self.measure_preview: FormPreview | None = None  # a returned measure form
        self.result_measure: ImportedForm | None = None
        templates.reload()  # a template added since reads its sheets
        self._library = templates
        self.setWindowTitle(self.tr("Import a filled sheet"))

        self.choose_button = QPushButton(self.tr("Choose PDF…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel(self.tr("No file chosen yet."))
        theme.set_role(self.file_label, "muted")
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        theme.set_role(self.error_label, ERROR_STYLE)
        self.error_label.hide()
        self.notice_label = QLabel()
        self.notice_label.setWordWrap(True)
        theme.set_role(self.notice_label, NOTICE_STYLE)
        self.notice_label.hide()

        self.found = QTextBrowser()
        self.found.setMinimumHeight(220)

        self.completion = QComboBox()
        for value, anchor in COMPLETION_ANCHORS.items():
            self.completion.addItem(f"{value} — {i18n.translated(anchor)}", value)
        self.brought = QCheckBox(self.tr("Brought the record"))
        self.days = QSpinBox()
        self.days.setRange(0, DAYS_MAX)
        self.session = QComboBox()
        review = QGroupBox(
            self.tr("Review to write (suggested from the sheet; change what is wrong)")
        )
        form = QFormLayout(review)
        form.addRow(self.tr("Session"), self.session)
        self.session_note = QLabel()
        self.session_note.setWordWrap(True)
        theme.set_role(self.session_note, "warning")
        self.session_note.hide()
        form.addRow("", self.session_note)
        self.session.currentIndexChanged.connect(self._session_chosen)
        form.addRow(self.tr("Completion"), self.completion)
        form.addRow(self.tr("Days recorded"), self.days)
        form.addRow("", self.brought)
        for signal in (
            self.completion.currentIndexChanged,
            self.days.valueChanged,
            self.brought.toggled,
        ):
            signal.connect(self._session_chosen)
        self.changes = QTreeWidget()
        self.changes.setHeaderLabels(
            [self.tr("What changes"), self.tr("In that review now"), self.tr("After importing")]
        )
        self.changes.setRootIsDecorated(False)
        self.changes.setFixedHeight(104)
        self.replace_box = QCheckBox(
            self.tr("Replace that review with the sheet's figures and answers")
        )
        self.replace_box.toggled.connect(self._update_confirm)
        replace = QGroupBox(self.tr("This session already reviewed this homework"))
        theme.set_role(replace, "warning_ink")
        replace_layout = QVBoxLayout(replace)
        replace_layout.addWidget(self.changes)
        replace_layout.addWidget(self.replace_box)
        self.replace_group = replace
        form.addRow(replace)
        self.why_label = QLabel()
        self.why_label.setWordWrap(True)
        theme.set_role(self.why_label, "muted")
        form.addRow("", self.why_label)
        self.review_box = review

        self.confirm_button = QPushButton(self.tr("Confirm and write the review"))
        self.confirm_button.clicked.connect(self.confirm)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addWidget(self.found, 1)
        layout.addWidget(self.notice_label)
        layout.addWidget(review)
        layout.addLayout(buttons)
        self.resize(760, 720)
        fit_to_screen(self)
        self._show_nothing()

    # ---- choosing and reading ------------------------------------------------------
    def choose_file(self) -> None:
        path = file_dialogs.open_file_name(
            self,
            "filled_sheet",  # not translated: a settings key
            self.tr("Choose the filled sheet"),
            self.tr("PDF files (*.pdf);;All files (*)"),
        )
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        self._show_nothing()
        self.file_label.setText(path.name)
        try:
            data = filled_import.read_sheet_file(path)
        except ServiceError as exc:
            self._error(i18n.translated(exc.args[0]) if exc.args else str(exc))
            return
        self.load_bytes(data)

    def load_bytes(self, data: bytes) -> None:
        self._show_nothing()
        if measure_forms.is_measure_form(data):
            self._load_measure_form(data)
            return
        preview = run_action(
            self,
            self._db,
            lambda s: filled_import.preview_filled(
                s, data, client_id=self.client_id, templates=self._library
            ),
            on_problem=self._error,
        )
        if preview is None:
            return
        self.preview = preview
        self._show_preview(preview)
        self.session.blockSignals(True)
        self.session.clear()
        if preview.session_id is None and preview.sessions:
            self.session.addItem(self.tr("Choose the session where the sheet came back…"), None)
        for appt in preview.sessions:
            self.session.addItem(date_time_text(appt.starts_at), appt.id)
        if preview.session_id is not None:
            self.session.setCurrentIndex(self.session.findData(preview.session_id))
        self.session.blockSignals(False)
        if not preview.sessions:
            self._error(
                self.tr(
                    "There is no attended session of this client after the homework was set. "
                    "Mark the session where the sheet was brought as attended, then import it."
                )
            )
            self.confirm_button.setEnabled(False)
            self.review_box.setEnabled(False)
            return
        self._session_chosen()

    def _load_measure_form(self, data: bytes) -> None:
        """A returned PHQ-9, GAD-7 or goals form: what it holds, to record as a measure."""
        found = run_action(
            self,
            self._db,
            lambda s: measure_forms.preview_fillable(s, data, client_id=self.client_id),
            on_problem=self._error,
        )
        if found is None:
            return
        self.measure_preview = found
        self.found.setHtml(self._measure_html(found))
        notes = [i18n.translated(p) for p in found.problems]
        risk = found.score.risk_answer if found.score else None
        if risk:
            notes.insert(
                0,
                self.tr(
                    "<b>Question 9 was answered {answer}.</b> Recording this form raises a "
                    "risk alert to acknowledge with what was done."
                ).format(answer=risk),
            )
        if notes:
            self.notice_label.setText("<br>".join(notes))
            self.notice_label.show()
        self.review_box.hide()
        self.confirm_button.setText(self.tr("Record the measure"))
        self.confirm_button.setEnabled(True)

    def _measure_html(self, p: FormPreview) -> str:
        kind = p.form.kind
        name = (
            self.tr("Personal goals")
            if kind.instrument is None
            else QUESTIONNAIRES[kind.instrument].name
        )
        code = SPAN.format(ink=MUTED, text=self.tr("code {code}").format(code=p.form.code))
        rows = [
            (self.tr("Form"), f"{escape(name)} {code}"),
            (self.tr("Taken on"), escape(day_text(p.data.taken_on, year=True))),
        ]
        unanswered = self.tr("not answered")
        if p.score is not None:
            answers = [
                self.tr("{number}: {answer}").format(
                    number=n, answer=unanswered if a is None else a
                )
                for n, a in enumerate(p.score.answers, start=1)
            ]
            rows.append((self.tr("Answers"), escape(" · ".join(answers))))
            if p.score.total is None:
                total = self.tr("no total: too many questions unanswered")
            else:
                total = self.tr("{total} ({band})").format(
                    total=p.score.total,
                    band=i18n.translated(p.score.band.name) if p.score.band else "",
                )
                if p.score.prorated:
                    total = self.tr("{total}, prorated for the unanswered questions").format(
                        total=total
                    )
            rows.append((self.tr("Total"), escape(total)))
        else:
            rated = dict(p.data.ratings)
            for goal in p.goals:
                rating = rated.get(goal.id)
                rows.append(
                    (
                        escape(goal.text),
                        escape(str(rating) if rating is not None else unanswered),
                    )
                )
        cells = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in rows)
        return f"<table>{cells}</table>"

    # ---- showing ---------------------------------------------------------------------
    def _show_nothing(self) -> None:
        self.preview = None
        self.measure_preview = None
        self.review_box.show()
        self.confirm_button.setText(self.tr("Confirm and write the review"))
        self.session.clear()
        self.error_label.hide()
        self.notice_label.hide()
        self.found.setHtml(
            self.tr(
                "<p style='color:{muted}'>Choose the PDF the client sent back. Only fillable "
                "sheets printed by Practice can be read.</p>"
            ).format(muted=MUTED)
        )
        self.review_box.setEnabled(False)
        self.confirm_button.setEnabled(False)
        self.why_label.clear()
        self.replace_group.hide()
        self.replace_box.setChecked(False)
        self.session_note.hide()

    def _error(self, text: str) -> None:
        self.error_label.setText(
            self.tr("<b>Nothing was imported.</b> {problem}").format(
                problem=escape(i18n.translated(text))
            )
        )
        self.error_label.show()

    def _show_preview(self, p: FilledPreview) -> None:
        a = p.assignment
        days = f"<b>{p.days_recorded}</b>"
        if p.expected is not None:
            days = self.tr("{days} of {expected} expected").format(days=days, expected=p.expected)
        ratings = ", ".join(str(r) for r in p.ratings) or self.tr("none")
        code = self.tr("code {code}").format(code=a.code)
        scale = self.tr("(scale 0–{top})").format(top=p.rating_top)
        sheet = f"{i18n.translated(p.sheet_level.label)}, {i18n.translated(p.sheet_language.label)}"
        rows = [
            (self.tr("Client"), escape(p.client_name)),
            (self.tr("Homework"), f"{escape(a.title)} {SPAN.format(ink=MUTED, text=code)}"),
            (self.tr("Sheet"), sheet),
            (self.tr("Days recorded"), days),
            (self.tr("Ratings"), f"{ratings} {SPAN.format(ink=MUTED, text=scale)}"),
        ]
        html = ["<table cellspacing='0' cellpadding='3'>"]
        html += [f"<tr><td>{SPAN.format(ink=MUTED, text=k)}</td><td>{v}</td></tr>" for k, v in rows]
        html.append("</table>")
        if p.answers:
            flagged = len(p.flagged)
            flagged_note = QCoreApplication.translate(
                "FilledImportDialog", "(%n flagged: check with the client)", None, flagged
            )
            note = f" {SPAN.format(ink=FLAG_INK, text=flagged_note)}" if flagged else ""
            answers = self.tr("Answers")
            html.append(f"<p style='margin-top:8px'><b>{answers}</b>{note}</p>")
            html.append(answers_html(p.answers))
        self.found.setHtml("".join(html))
        if p.problems:
            self.notice_label.setText("<br>".join(escape(i18n.translated(x)) for x in p.problems))
            self.notice_label.show()
        suggested = p.suggested
        anchor = i18n.translated(COMPLETION_ANCHORS[suggested.completion])
        if p.expected is not None:
            basis = self.tr("{days} of {expected} expected days or entries recorded").format(
                days=p.days_recorded, expected=p.expected
            )
        else:
            entries = p.days_recorded  # lupdate reads a plain name as the count
            basis = QCoreApplication.translate(
                "FilledImportDialog",
                "%n entries recorded, done each time it happens",
                None,
                entries,
            )
        self.why_label.setText(
            self.tr("Suggested {value} ({anchor}): {basis}.").format(
                value=suggested.completion, anchor=anchor, basis=basis
            )
        )
        self.completion.setCurrentIndex(self.completion.findData(suggested.completion))
        self.brought.setChecked(suggested.brought)
        self.days.setValue(suggested.days_recorded or 0)
        self.review_box.setEnabled(True)

    # ---- writing -----------------------------------------------------------------------
    def _session_chosen(self) -> None:
        """Say why a session must be chosen, and what importing there would replace."""
        appointment_id = self.session.currentData()
        lines: tuple[ChangeLine, ...] | None = None
        p = self.preview
        if p is not None and appointment_id is not None:
            review = self.review_input()
            lines = run_action(
                self,
                self._db,
                lambda s: filled_import.changes(s, p, appointment_id, review),
                on_problem=self._error,
            )
        if p is not None and appointment_id is None and p.session_question:
            self.session_note.setText(i18n.translated(p.session_question))
            self.session_note.show()
        else:
            self.session_note.hide()
        self.changes.clear()
        for line in lines or ():
            item = QTreeWidgetItem([i18n.translated(t) for t in (line.what, line.old, line.new)])
            if line.old != line.new:
                font = item.font(2)
                font.setBold(True)
                item.setFont(2, font)
            self.changes.addTopLevelItem(item)
        for column in range(3):
            self.changes.resizeColumnToContents(column)
        if lines is None:
            self.replace_box.setChecked(False)
        self.replace_group.setVisible(lines is not None)
        self._update_confirm()

    def _update_confirm(self) -> None:
        chosen = self.preview is not None and self.session.currentData() is not None
        needs_replace = self.replace_group.isVisibleTo(self)
        self.confirm_button.setEnabled(
            chosen and (not needs_replace or self.replace_box.isChecked())
        )

    def review_input(self) -> ReviewInput:
        return ReviewInput(
            brought=self.brought.isChecked(),
            completion=int(self.completion.currentData()),
            days_recorded=self.days.value(),
        )

    def confirm(self) -> None:
        if self.measure_preview is not None:
            self._record_measure(self.measure_preview)
            return
        if self.preview is None or self.session.currentData() is None:
            return
        preview, appointment_id = self.preview, int(self.session.currentData())
        review = self.review_input()
        replace = self.replace_box.isChecked()
        self.error_label.hide()
        written = run_action(
            self,
            self._db,
            lambda s: filled_import.apply_filled(
                s, preview, appointment_id, review, replace=replace
            ),
            on_validation=lambda errors: self._error(
                " ".join(i18n.translated(e) for e in errors.values())
            ),
            on_problem=self._error,
        )
        if written is None:
            return
        self.result_review = written
        self.accept()

    def _record_measure(self, preview: FormPreview) -> None:
        self.error_label.hide()
        done = run_action(
            self,
            self._db,
            lambda s: measure_forms.record_preview(s, preview),
            on_validation=lambda errors: self._error(
                " ".join(i18n.translated(e) for e in errors.values())
            ),
            on_problem=self._error,
        )
        if done is None:
            return
        self.result_measure = done
        self.accept()


def import_filled_sheet(
    database: Database,
    templates: TemplateLibrary,
    parent: QWidget | None = None,
    *,
    client_id: int | None = None,
) -> ReviewView | None:
    """Run the dialog; the review written, or None."""
    dialog = FilledImportDialog(database, templates, parent, client_id=client_id)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.result_review
    return None
