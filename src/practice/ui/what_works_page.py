"""The "What works" page: homework completion (and PHQ-9/GAD-7) before and after each
step of the strategy ladder and each change of material, over the whole caseload
(issue 16 point 6; the numbers: ``practice.domain.what_works``).

Read when the page is shown and on Refresh (one unit of work each); Save as PDF…
writes the same report as ``practice report what-works``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from practice.db.engine import Database
from practice.domain import what_works as ww
from practice.domain.paper import system_paper
from practice.domain.what_works import WhatWorksReport
from practice.services.what_works import build_what_works
from practice.ui import file_dialogs, i18n, theme
from practice.ui.actions import guarded, run_action
from practice.ui.save_guard import with_extension
from practice.ui.sheet_preview import write_file_atomically

COL_STEP, COL_CLIENTS, COL_OCCASIONS, COL_COMPLETION, COL_CHANGE, COL_MEASURES = range(6)
FILE_NAME = "what-works.pdf"  # not translated: a suggested file name


class WhatWorksPage(QWidget):
    """The report as a table, with the note that these are observations, not causes."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = database
        self.report: WhatWorksReport | None = None
        layout = QVBoxLayout(self)
        self.title = QLabel(i18n.translated(ww.TITLE))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.note = QLabel(i18n.translated(ww.NOTE))
        self.note.setWordWrap(True)
        self.over = QLabel()
        self.over.setWordWrap(True)
        self.table = QTableWidget(0, len(ww.HEADERS))
        self.table.setHorizontalHeaderLabels([i18n.translated(h) for h in ww.HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("What works: steps and changes of material"))
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)  # long names wrap instead
        header = self.table.horizontalHeader()
        for col in (COL_STEP, COL_CLIENTS, COL_OCCASIONS, COL_COMPLETION, COL_CHANGE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_MEASURES, QHeaderView.ResizeMode.Stretch)
        # a narrower window wraps the measures onto more lines: make the rows taller
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.left_out = QLabel()
        self.left_out.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.clicked.connect(self.save_pdf)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.message, 1)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addWidget(self.over)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.left_out)
        layout.addLayout(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        run_action(self, self._db, build_what_works, on_success=self._show)

    def _show(self, report: WhatWorksReport) -> None:
        self.report = report
        self.message.clear()
        self.over.setText(
            i18n.translated(ww.OVER.format(reviews=report.reviews, clients=report.clients))
        )
        self.left_out.setText(
            i18n.translated(ww.LEFT_OUT.format(n=report.left_out)) if report.left_out else ""
        )
        self.left_out.setVisible(bool(report.left_out))
        self.table.clearSpans()
        self.table.setRowCount(0)
        if not report.rows:
            self._line(i18n.translated(ww.EMPTY), muted=True)
        for row in report.rows:
            texts = [
                i18n.translated(row.label),
                str(row.clients),
                str(row.occasions),
                i18n.translated(ww.before_after(row.completion)),  # "1,3 → 2,7" in Spanish
                i18n.translated(ww.change_text(row.completion)),  # adds up with the means
                "\n".join(i18n.translated(line) for line in ww.measure_lines(row)) or "\u2014",
            ]
            r = self.table.rowCount()
            self.table.insertRow(r)
            for col, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if col != COL_STEP and col != COL_MEASURES:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if col == COL_STEP:
                    bold = item.font()
                    bold.setBold(True)
                    item.setFont(bold)
                self.table.setItem(r, col, item)
            if row.too_few:
                self._line(i18n.translated(ww.TOO_FEW.format(n=row.occasions)), muted=False)
        self.table.resizeRowsToContents()

    def _line(self, text: str, *, muted: bool) -> None:
        """A row across the table: the too-few line under a row, or the empty note."""
        r = self.table.rowCount()
        self.table.insertRow(r)
        item = QTableWidgetItem(text)
        item.setForeground(theme.color("muted" if muted else "danger"))
        self.table.setItem(r, COL_STEP, item)
        self.table.setSpan(r, COL_STEP, 1, self.table.columnCount())

    def save_pdf(self) -> Path | None:
        """Ask where, then write the report (read afresh) as PDF."""
        name = file_dialogs.save_file_name(
            self,
            "report",
            self.tr("Save the report as PDF"),
            FILE_NAME,
            self.tr("PDF files (*.pdf)"),
        )
        if not name:
            return None
        target = with_extension(self, Path(name), self._db.path, ".pdf")
        if target is None:
            return None
        report = run_action(self, self._db, _report)
        if report is None:
            return None
        self._show(report)

        def write() -> Path:
            # deferred: start-up speed (ReportLab)
            from practice.sheets.what_works_pdf import WhatWorksPdf

            pdf = WhatWorksPdf(report, today=date.today(), paper=system_paper()).generate()
            write_file_atomically(target, pdf)
            return target

        written = guarded(
            self,
            write,
            on_problem=lambda problem: self.message.setText(
                self.tr("Not saved: {problem}").format(problem=i18n.translated(problem))
            ),
        )
        if written is not None:
            self.message.setText(self.tr("Saved {path}").format(path=written))
        return written


def _report(db: Session) -> WhatWorksReport:
    return build_what_works(db)
