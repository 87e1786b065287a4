""" "Print a form…" on the client's Measures tab: a PHQ-9, GAD-7 or personal goals form
to give the client, in their language and print size (both can be changed here), on
paper or as a fillable PDF. ``services.measure_forms.print_form`` keeps the form with
its code (so "Enter a returned form…" finds it when it comes back) and draws it; the
sheet preview shows it with Print and Save as PDF.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from practice.db.engine import Database
from practice.domain.measures import MeasureKind
from practice.domain.vocabulary import Language
from practice.services import clients, measure_forms
from practice.services.measure_forms import MeasureFormView
from practice.ui import i18n, theme
from practice.ui.actions import run_action
from practice.ui.dates import file_date
from practice.ui.sheet_preview import SheetPreview, SheetSource, last_paper
from practice.ui.user_text import for_title
from practice.ui.widgets import enum_combo, fit_to_screen


@dataclass(frozen=True)
class Printed:
    form: MeasureFormView
    pdf: bytes
    name: str  # the client's name, for the preview's title


class MeasurePrintDialog(QDialog):
    """The choices; "Show the form" keeps the form and leaves ``printed`` set."""

    def __init__(
        self,
        database: Database,
        client_id: int,
        *,
        language: Language,
        large_print: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = database
        self.client_id = client_id
        self.printed: Printed | None = None
        self.setWindowTitle(self.tr("Print a form"))
        self.measure = QComboBox()
        self.measure.addItem("PHQ-9", MeasureKind.PHQ9)  # not translated: the measure's name
        self.measure.addItem("GAD-7", MeasureKind.GAD7)  # not translated: the measure's name
        self.measure.addItem(self.tr("Personal goals (rated 0 to 10)"), MeasureKind.GOALS)
        self.measure.setAccessibleName(self.tr("Measure"))
        self.language = enum_combo(Language)
        self.language.setCurrentIndex(self.language.findData(language))
        self.language.setAccessibleName(self.tr("Language of the form"))
        self.large_print = QCheckBox(self.tr("Large print"))
        self.large_print.setChecked(large_print)
        self.fillable = QCheckBox(
            self.tr("Fillable PDF (the client types into it on a phone or PC)")
        )
        self.error = QLabel()
        self.error.setWordWrap(True)
        theme.set_role(self.error, "danger_box")
        self.error.hide()
        note = QLabel(
            self.tr(
                "The form carries a code: when the client brings it back, use "
                "“Enter a returned form…” with that code."
            )
        )
        note.setWordWrap(True)
        theme.set_role(note, "muted")
        form = QFormLayout()
        form.addRow(self.tr("Measure"), self.measure)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.large_print)
        form.addRow("", self.fillable)
        buttons = QDialogButtonBox()
        self.show_button = buttons.addButton(
            self.tr("Show the form"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.make)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(max(520, self.sizeHint().width()), self.sizeHint().height())
        fit_to_screen(self)

    def make(self) -> None:
        """Keep the form (with its code) and draw it; a refusal is said here."""
        self.error.hide()
        client_id = self.client_id
        kind = MeasureKind(self.measure.currentData())
        language = Language(self.language.currentData())
        large, fillable = self.large_print.isChecked(), self.fillable.isChecked()
        paper = last_paper()

        def work(db: Session) -> Printed:
            form, pdf = measure_forms.print_form(
                db, client_id, kind, language=language, large_print=large, fillable=fillable,
                paper=paper,
            )  # fmt: skip
            return Printed(form, pdf, clients.get(db, client_id).display_name)

        printed = run_action(
            self,
            self._db,
            work,
            on_validation=lambda errors: self._say(
                " ".join(i18n.translated(e) for e in errors.values())
            ),
            on_problem=self._say,
        )
        if printed is None:
            return
        self.printed = printed
        self.accept()

    def _say(self, text: str) -> None:
        self.error.setText(i18n.translated(text))
        self.error.show()


def print_measure_form(
    database: Database, client_id: int, parent: QWidget | None = None
) -> SheetPreview | None:
    """Ask what to print, keep the form, and open its preview (None: cancelled)."""
    client = run_action(parent, database, lambda s: clients.get(s, client_id))
    if client is None:
        return None
    dialog = MeasurePrintDialog(
        database,
        client_id,
        language=client.language,
        large_print=client.large_print,
        parent=parent,
    )
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.printed is None:
        return None
    printed = dialog.printed
    name = dialog.measure.currentText()
    label = QCoreApplication.translate("MeasurePrintDialog", "{measure} — {name}").format(
        measure=name, name=for_title(printed.name)
    )
    stem = (
        f"{printed.form.kind.value}-form-{printed.form.code}-{file_date(printed.form.created_at)}"
    )
    source = SheetSource(label, printed.pdf, stem)
    preview = SheetPreview(
        [source],
        parent,
        practice=database.path,
        save_caption=QCoreApplication.translate("MeasurePrintDialog", "Save the form as PDF"),
    )
    preview.setWindowTitle(label)
    preview.open()
    return preview
