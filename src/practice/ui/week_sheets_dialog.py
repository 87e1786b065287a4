""" "Print this week's sheets": every active assignment of clients with appointments
in a date range, in one PDF, shown in the sheet preview to print or save."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from practice.db.engine import Database
from practice.services import printing
from practice.sheets.sheet import render_many
from practice.sheets.templates import TemplateLibrary
from practice.ui import i18n
from practice.ui.actions import run_action
from practice.ui.dates import date_field, day_text, file_date, pydate, qdate
from practice.ui.sheet_preview import SheetPreview, SheetSource, paper_combo
from practice.ui.widgets import fit_to_screen


def _sheets(n: int) -> str:
    return QCoreApplication.translate("WeekSheetsDialog", "%n sheet(s)", None, n)


def coming_week(today: date | None = None) -> tuple[date, date]:
    """The coming seven days, from ``today`` (default: the real today) on."""
    today = today or date.today()
    return today, today + timedelta(days=6)


class WeekSheetsDialog(QDialog):
    def __init__(
        self,
        database: Database,
        templates: TemplateLibrary,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = database
        templates.reload()  # a template added since is printed
        self._library = templates
        self.planned: list[printing.PlannedSheet] = []
        self.preview: SheetPreview | None = None
        self.setWindowTitle(self.tr("Print this week's sheets"))

        first, last = coming_week(today)
        self.from_edit = date_field(QDateEdit(qdate(first)))
        self.to_edit = date_field(QDateEdit(qdate(last)))
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self.refresh)
        self.paper = paper_combo()  # default: the system locale's paper
        self.paper.currentIndexChanged.connect(self.refresh)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.count_label.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Sheets to print"))
        self.list.setAlternatingRowColors(True)
        self.preview_button = QPushButton(self.tr("Preview and print…"))
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.open_preview)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)

        intro = QLabel(
            self.tr(
                "One sheet for every active homework of the clients who have an appointment "
                "in these days, each dated from that appointment to the next. Each sheet "
                "starts on a new sheet of paper when printed on both sides."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("From"), self.from_edit)
        form.addRow(self.tr("To"), self.to_edit)
        form.addRow(self.tr("Paper"), self.paper)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.count_label)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.resize(640, 520)
        fit_to_screen(self)
        self.refresh()

    def range(self) -> tuple[date, date]:
        return pydate(self.from_edit.date()), pydate(self.to_edit.date())

    def refresh(self) -> None:
        first, last = self.range()
        self.list.clear()
        self.planned = []
        if last < first:
            self.count_label.setText(self.tr("The last day comes before the first day."))
            self.preview_button.setEnabled(False)
            return
        paper = self.paper.currentData()
        planned = run_action(
            self,
            self._db,
            lambda s: printing.week_plan(s, first, last, paper=paper, templates=self._library),
            on_problem=lambda message: self.count_label.setText(i18n.translated(message)),
        )
        if planned is None:
            self.preview_button.setEnabled(False)
            return
        self.planned = planned
        clients = len({p.client_id for p in self.planned})
        n = len(self.planned)
        if n:
            self.count_label.setText(
                self.tr("{sheets} for {clients}").format(
                    sheets=_sheets(n),
                    clients=QCoreApplication.translate(
                        "WeekSheetsDialog", "%n client(s)", None, clients
                    ),
                )
            )
        else:
            self.count_label.setText(i18n.translated(printing.no_sheets_message(first, last)))
        self.list.addItems([i18n.translated(p.summary) for p in self.planned])
        self.preview_button.setEnabled(bool(n))

    def open_preview(self) -> SheetPreview | None:
        if not self.planned:
            return None
        requests = [p.request for p in self.planned]
        first, last = self.range()
        pdf = render_many(requests)
        n = len(requests)
        label = self.tr("{sheets} · {first} – {last}").format(
            sheets=_sheets(n), first=day_text(first), last=day_text(last, year=True)
        )
        source = SheetSource(label, pdf, f"sheets-{file_date(first)}-to-{file_date(last)}")
        self.preview = SheetPreview([source], self, practice=self._db.path)
        self.preview.setWindowTitle(self.tr("This week's sheets"))
        self.preview.open()
        return self.preview
