""" "Import a filled sheet…": a client's returned fillable PDF into a homework review.

Choose the PDF; the dialog shows what it found (client, homework, days recorded,
ratings, the answers) and a suggested review to confirm or change: completion 0-4,
brought, days recorded, and the session it belongs to (attended sessions of that
client after the homework was set, the latest first). Confirm writes the review.
Any problem is shown here and nothing is written.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from practice.db.engine import Database
from practice.domain.inputs import ReviewInput
from practice.domain.views import AppointmentView
from practice.domain.vocabulary import COMPLETION_ANCHORS
from practice.services import filled_import, reviews
from practice.services.errors import ServiceError
from practice.services.filled_import import FilledPreview
from practice.services.reviews import DAYS_MAX, ReviewView
from practice.sheets.templates import TemplateLibrary
from practice.ui.actions import run_action

ERROR_STYLE = (
    "background: #fdecea; color: #7a1c14; border: 1px solid #e3a59e; border-radius: 4px; "
    "padding: 6px;"
)
NOTICE_STYLE = (
    "background: #fff3cd; color: #4a3700; border: 1px solid #e0b252; border-radius: 4px; "
    "padding: 6px;"
)
MAX_PDF_BYTES = 50 * 1024 * 1024


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
        templates.reload()  # a template added since reads its sheets
        self._library = templates
        self.setWindowTitle("Import a filled sheet")

        self.choose_button = QPushButton("Choose PDF…")
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel("No file chosen yet.")
        self.file_label.setStyleSheet("color: #5f6368;")
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        self.notice_label = QLabel()
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet(NOTICE_STYLE)
        self.notice_label.hide()

        self.found = QTextBrowser()
        self.found.setMinimumHeight(220)

        self.completion = QComboBox()
        for value, anchor in COMPLETION_ANCHORS.items():
            self.completion.addItem(f"{value} — {anchor}", value)
        self.brought = QCheckBox("Brought the record")
        self.days = QSpinBox()
        self.days.setRange(0, DAYS_MAX)
        self.session = QComboBox()
        review = QGroupBox("Review to write (suggested from the sheet; change what is wrong)")
        form = QFormLayout(review)
        form.addRow("Session", self.session)
        self.session_note = QLabel()
        self.session_note.setWordWrap(True)
        self.session_note.setStyleSheet("color: #4a3700;")
        self.session_note.hide()
        form.addRow("", self.session_note)
        self.session.currentIndexChanged.connect(self._session_chosen)
        form.addRow("Completion", self.completion)
        form.addRow("Days recorded", self.days)
        form.addRow("", self.brought)
        self.why_label = QLabel()
        self.why_label.setWordWrap(True)
        self.why_label.setStyleSheet("color: #5f6368;")
        form.addRow("", self.why_label)
        self.review_box = review

        self.confirm_button = QPushButton("Confirm and write the review")
        self.confirm_button.clicked.connect(self.confirm)
        cancel = QPushButton("Cancel")
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
        self.resize(720, 700)
        self._show_nothing()

    # ---- choosing and reading ------------------------------------------------------
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Choose the filled sheet", "", "PDF files (*.pdf);;All files (*)"
        )
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        self._show_nothing()
        self.file_label.setText(path.name)
        try:
            if path.stat().st_size > MAX_PDF_BYTES:
                raise ServiceError(f"{path.name} is too large to be a filled sheet.")
            data = path.read_bytes()
        except OSError as exc:
            self._error(f"{path.name} could not be read ({exc.strerror or exc}).")
            return
        except ServiceError as exc:
            self._error(str(exc))
            return
        self.load_bytes(data)

    def load_bytes(self, data: bytes) -> None:
        self._show_nothing()

        def read(s: Session) -> tuple[FilledPreview, list[AppointmentView]]:
            preview = filled_import.preview_filled(
                s, data, client_id=self.client_id, templates=self._library
            )
            return preview, filled_import.review_sessions(s, preview.assignment)

        found = run_action(self, self._db, read, on_problem=self._error)
        if found is None:
            return
        preview, sessions = found
        self.preview = preview
        self._show_preview(preview)
        self.session.clear()
        for appt in sessions:
            self.session.addItem(f"{appt.starts_at.astimezone():%a %d %b %Y, %H:%M}", appt.id)
        if not sessions:
            self._error(
                "There is no attended session of this client after the homework was set. "
                "Mark the session where the sheet was brought as attended, then import it."
            )
            self.confirm_button.setEnabled(False)
            self.review_box.setEnabled(False)

    # ---- showing ---------------------------------------------------------------------
    def _show_nothing(self) -> None:
        self.preview = None
        self.session.clear()
        self.error_label.hide()
        self.notice_label.hide()
        self.found.setHtml(
            "<p style='color:#5f6368'>Choose the PDF the client sent back. Only fillable "
            "sheets printed by Practice can be read.</p>"
        )
        self.review_box.setEnabled(False)
        self.confirm_button.setEnabled(False)
        self.why_label.clear()

    def _error(self, text: str) -> None:
        self.error_label.setText(f"<b>Nothing was imported.</b> {escape(text)}")
        self.error_label.show()

    def _show_preview(self, p: FilledPreview) -> None:
        a = p.assignment
        expected = f" of {p.expected} expected" if p.expected is not None else ""
        ratings = ", ".join(str(r) for r in p.ratings) or "none"
        rows = [
            ("Client", escape(p.client_name)),
            ("Homework", f"{escape(a.title)} <span style='color:#5f6368'>code {a.code}</span>"),
            ("Sheet", f"{p.sheet_level.label}, {p.sheet_language.label}"),
            ("Days recorded", f"<b>{p.days_recorded}</b>{expected}"),
            ("Ratings", f"{ratings} <span style='color:#5f6368'>(scale 0–{p.rating_top})</span>"),
        ]
        html = ["<table cellspacing='0' cellpadding='3'>"]
        html += [f"<tr><td style='color:#5f6368'>{k}</td><td>{v}</td></tr>" for k, v in rows]
        html.append("</table>")
        if p.answers:
            html.append("<p style='margin-top:8px'><b>Answers</b></p><table cellpadding='2'>")
            last = ""
            for line in p.answers:
                where = line.where if line.where != last else ""
                last = line.where
                html.append(
                    f"<tr><td style='color:#1d5b75'><b>{escape(where)}</b></td>"
                    f"<td style='color:#5f6368'>{escape(line.label)}</td>"
                    f"<td>{escape(line.value)}</td></tr>"
                )
            html.append("</table>")
        self.found.setHtml("".join(html))
        if p.problems:
            self.notice_label.setText("<br>".join(escape(x) for x in p.problems))
            self.notice_label.show()
        suggested = p.suggested
        anchor = COMPLETION_ANCHORS[suggested.completion]
        if p.expected is not None:
            basis = f"{p.days_recorded} of {p.expected} expected days or entries recorded"
        else:
            basis = f"{p.days_recorded} entries recorded, done each time it happens"
        self.why_label.setText(f"Suggested {suggested.completion} ({anchor}): {basis}.")
        self.completion.setCurrentIndex(self.completion.findData(suggested.completion))
        self.brought.setChecked(suggested.brought)
        self.days.setValue(suggested.days_recorded or 0)
        self.review_box.setEnabled(True)
        self.confirm_button.setEnabled(True)

    # ---- writing -----------------------------------------------------------------------
    def _session_chosen(self) -> None:
        appointment_id = self.session.currentData()
        existing = None
        if self.preview is not None and appointment_id is not None:
            assignment_id = self.preview.assignment.id
            existing = run_action(
                self,
                self._db,
                lambda s: reviews.review_for(s, assignment_id, appointment_id),
                on_problem=self._error,
            )
        if existing is None:
            self.session_note.hide()
            return
        self.session_note.setText(
            f"This session already reviewed this homework (completion {existing.completion}, "
            f"{existing.completion_label}). Confirming replaces brought, completion and days "
            "recorded; its barriers, strategies and note stay."
        )
        self.session_note.show()

    def review_input(self) -> ReviewInput:
        return ReviewInput(
            brought=self.brought.isChecked(),
            completion=int(self.completion.currentData()),
            days_recorded=self.days.value(),
        )

    def confirm(self) -> None:
        if self.preview is None or self.session.currentData() is None:
            return
        preview, appointment_id = self.preview, int(self.session.currentData())
        review = self.review_input()
        self.error_label.hide()
        written = run_action(
            self,
            self._db,
            lambda s: filled_import.apply_filled(s, preview, appointment_id, review),
            on_validation=lambda errors: self._error(" ".join(errors.values())),
            on_problem=self._error,
        )
        if written is None:
            return
        self.result_review = written
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
