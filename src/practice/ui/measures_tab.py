"""Every measure entered for the client (PHQ-9, GAD-7, goal ratings), newest first, with
its date, total, band, how it was entered and any risk alert it raised; "Delete…" removes
one entered by mistake (``measures.delete_measure``, which goes to the audit trail).

A risk alert is a safety record: a measure whose alert was acknowledged is kept (the
tab says why); one whose alert is still open is deleted with it, as the confirmation
says before anything is removed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from practice.db.engine import Database
from practice.domain.measures import QUESTIONNAIRES, MeasureKind, MeasureSource
from practice.services import measures
from practice.services.measures import MeasureView, RiskAlertView
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import i18n
from practice.ui.actions import run_action
from practice.ui.dates import day_text
from practice.ui.risk_alert_dialog import changed_text
from practice.ui.session_steps import heading, intro

SOURCES = {
    MeasureSource.SESSION: QT_TRANSLATE_NOOP("MeasuresTab", "In a session"),
    MeasureSource.PAPER: QT_TRANSLATE_NOOP("MeasuresTab", "Paper form"),
    MeasureSource.FILLABLE: QT_TRANSLATE_NOOP("MeasuresTab", "Fillable PDF"),
}
DASH = "\u2014"  # not translated: an empty cell


def measure_name(kind: MeasureKind) -> str:
    instrument = kind.instrument
    if instrument is None:
        return QCoreApplication.translate("MeasuresTab", "Goal ratings")
    return QUESTIONNAIRES[instrument].name  # "PHQ-9": the same in every language


class MeasuresTab(QWidget):
    """The list, and Delete… for the chosen measure; Print a form… and Enter a returned
    form… for the paper PHQ-9, GAD-7 and goals forms. Emits ``changed`` after a measure
    was recorded or deleted here (the prep view shows it at once)."""

    changed = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = database
        self.client_id: int | None = None
        self.rows: list[MeasureView] = []
        self.alerts: dict[int, RiskAlertView] = {}
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Measure"),
                self.tr("Total"),
                self.tr("Band"),
                self.tr("Entered"),
                self.tr("Risk alert"),
            ]
        )
        self.table.setAccessibleName(self.tr("Measures entered"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        # the risk column's words wrap (a corrected question 9 says then and now)
        header.sectionResized.connect(
            lambda *_: QTimer.singleShot(0, self.table.resizeRowsToContents)
        )
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.empty = intro(self.tr("No measure has been entered for this client yet."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setToolTip(self.tr("Delete the chosen measure, entered by mistake"))
        self.delete_button.setEnabled(False)
        self.delete_button.clicked.connect(self.delete_chosen)
        self.print_button = QPushButton(self.tr("Print a form…"))
        self.print_button.setToolTip(
            self.tr("A PHQ-9, GAD-7 or goals form to give the client, on paper or fillable")
        )
        self.print_button.clicked.connect(self.print_form)
        self.enter_form_button = QPushButton(self.tr("Enter a returned form…"))
        self.enter_form_button.setToolTip(
            self.tr("A paper PHQ-9, GAD-7 or goals form the client brought back, by its code")
        )
        self.enter_form_button.clicked.connect(self.enter_returned_form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.enter_form_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Measures entered")))
        layout.addWidget(
            intro(
                self.tr(
                    "Every PHQ-9, GAD-7 and goal rating entered for this client, newest "
                    "first. Delete one that was entered by mistake; the audit trail keeps "
                    "a line that it was removed."
                )
            )
        )
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.refresh()  # a session may have recorded one since

    def show_client(self, client_id: int | None) -> None:
        self.client_id = client_id
        self.refresh()

    def print_form(self) -> QWidget | None:
        """Choose and show a form to print (its preview), for the client shown."""
        if self.client_id is None:
            return None
        # deferred: start-up speed (a dialog seldom opened)
        from practice.ui.measure_print_dialog import print_measure_form

        return print_measure_form(self._db, self.client_id, self)

    def enter_returned_form(self) -> None:
        # deferred: start-up speed (a dialog seldom opened)
        from practice.ui.measure_entry_dialog import enter_returned_form

        if enter_returned_form(self._db, self, client_id=self.client_id) is not None:
            self.refresh()
            self.changed.emit()

    def refresh(self) -> None:
        client_id = self.client_id
        self.print_button.setEnabled(client_id is not None)
        self.enter_form_button.setEnabled(client_id is not None)
        if client_id is None:
            self._fill([], {})
            return
        found = run_action(
            self,
            self._db,
            lambda s: (
                measures.measures_for(s, client_id),
                measures.alerts_by_measure(s, client_id),
            ),
        )
        if found is not None:
            self._fill(*found)

    def _fill(self, rows: list[MeasureView], alerts: dict[int, RiskAlertView]) -> None:
        self.rows = sorted(rows, key=lambda m: (m.taken_on, m.id), reverse=True)
        self.alerts = alerts
        self.table.setRowCount(0)
        for measure in self.rows:
            r = self.table.rowCount()
            self.table.insertRow(r)
            for col, text in enumerate(self._cells(measure)):
                item = QTableWidgetItem(text)
                if col == 5:
                    alert = self.alerts.get(measure.id)
                    full = changed_text(alert) if alert is not None else ""
                    item.setToolTip(full[:1].upper() + full[1:] if full else text)
                if col == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, col, item)
        self.table.resizeRowsToContents()
        self.empty.setVisible(not self.rows)
        column = self.layout()
        if isinstance(column, QVBoxLayout):  # no gaps between the lines when empty
            column.setStretchFactor(self.empty, 0 if self.rows else 1)
        self.table.setVisible(bool(self.rows))
        self._selection_changed()

    def _cells(self, measure: MeasureView) -> list[str]:
        instrument = measure.kind.instrument
        if instrument is None:  # goal ratings: each 0–10, in goal order
            total = ", ".join(str(rating) for _, rating in measure.ratings) or DASH
            band = DASH
        elif measure.total is None:
            total, band = self.tr("not scored (too many unanswered)"), DASH
        else:
            total = str(measure.total)
            if measure.prorated:
                total = self.tr("{total} (prorated)").format(total=total)
            band = i18n.translated(QUESTIONNAIRES[instrument].band(measure.total).name)
        alert = self.alerts.get(measure.id)
        if alert is None:
            said = ""
            if measure.risk_item_unanswered:  # never silent, prorated or not
                said = self.tr("Question 9 not answered: ask about it")
        elif alert.is_open:
            said = self.tr("Open")
        else:
            said = self.tr("Acknowledged")
        if alert is not None and alert.answer_changed:  # the tooltip says it in full
            now = alert.current_answer
            said = self.tr("{state} · raised with {then}; now {now}").format(
                state=said,
                then=alert.answer,
                now=self.tr("not answered") if now is None else now,
            )
        return [
            day_text(measure.taken_on, year=True),
            measure_name(measure.kind),
            total,
            band,
            i18n.translated(SOURCES[measure.source]),
            said,
        ]

    def chosen(self) -> MeasureView | None:
        picked = self.table.selectionModel().selectedRows()
        if not picked or not 0 <= picked[0].row() < len(self.rows):
            return None
        return self.rows[picked[0].row()]

    def _selection_changed(self) -> None:
        self.delete_button.setEnabled(self.chosen() is not None)

    def delete_chosen(self) -> bool:
        """Ask, then delete the chosen measure; True when it was deleted."""
        measure = self.chosen()
        if measure is None:
            return False
        day = day_text(measure.taken_on, year=True)
        if measure.kind is MeasureKind.GOALS:
            what = self.tr("the goal ratings of {day}").format(day=day)
        else:
            what = self.tr("the {name} of {day}").format(name=measure_name(measure.kind), day=day)
        alert = self.alerts.get(measure.id)
        if alert is not None and not alert.is_open:
            QMessageBox.warning(
                self,
                self.tr("Measure kept"),
                self.tr(
                    "{what} raised a risk alert that has been acknowledged. The alert and "
                    "what was done are a safety record, so this measure is kept."
                ).format(what=what[:1].upper() + what[1:]),
            )
            return False
        text = self.tr(
            "Delete {what}? It leaves the charts, the prep view and the reports. The audit "
            "trail keeps a line that it was removed."
        ).format(what=what)
        if alert is not None:
            text += "\n\n" + self.tr(
                "It raised a risk alert (question 9) that is still open: the alert is "
                "deleted with it, and the audit trail says so. If the answer was really "
                "given, keep the measure and acknowledge the alert instead."
            )
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete measure"), text, parent=self)
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep it"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        self.confirm_box = box  # for a test to find
        box.exec()
        if box.clickedButton() is not delete:
            return False
        measure_id = measure.id

        def remove(db: Session) -> bool:
            measures.delete_measure(db, measure_id)
            return True

        done = run_action(self, self._db, remove)
        self.refresh()
        if done:
            self.changed.emit()  # the prep view and charts leave it out at once
        return bool(done)
