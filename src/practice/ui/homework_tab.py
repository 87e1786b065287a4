"""A client's homework: assignments newest first, each with its reviews newest first.

Reviews still missing are listed at the top. Actions: assign, change into another
task (the new one links to the old), drop with a reason, mark completed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from practice.db.engine import Database
from practice.domain.vocabulary import AssignmentStatus
from practice.services import appointments, clients, homework, story
from practice.services.homework import AssignmentView
from practice.services.reviews import ReviewView
from practice.services.story import MissingReview
from practice.sheets.templates import TemplateLibrary
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import i18n, theme
from practice.ui.actions import run_action
from practice.ui.assignment_dialog import open_assignment_dialog
from practice.ui.dates import moment_day, short_date
from practice.ui.homework_text import (
    assignment_html,
    due_text,
    review_html,
    review_summary,
    status_text,
)
from practice.ui.risk_flag import RiskFlag
from practice.ui.sheet_preview import show_sheet_for_assignment
from practice.ui.widgets import FlowLayout, ReloadWhenShown

COLUMNS = (
    QT_TRANSLATE_NOOP("HomeworkTab", "Homework"),
    QT_TRANSLATE_NOOP("HomeworkTab", "Status"),
    QT_TRANSLATE_NOOP("HomeworkTab", "Code"),
    QT_TRANSLATE_NOOP("HomeworkTab", "Level"),
    QT_TRANSLATE_NOOP("HomeworkTab", "Set"),
    QT_TRANSLATE_NOOP("HomeworkTab", "Due"),
    QT_TRANSLATE_NOOP("HomeworkTab", "Last review"),
)
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # ("assignment", id) or ("review", id)
MISSING_STYLE = "warning_box"  # theme roles
STATUS_COLOURS = {
    AssignmentStatus.ACTIVE: "success",
    AssignmentStatus.COMPLETED: "accent",
    AssignmentStatus.REPLACED: "warning",
    AssignmentStatus.DROPPED: "muted",
}


class HomeworkTab(ReloadWhenShown):
    """Emits ``changed`` after any write and ``start_session(appointment_id)`` to review
    a missing review in its session."""

    changed = Signal()
    start_session = Signal(int)

    def __init__(
        self, database: Database, templates: TemplateLibrary, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = database
        self._templates = templates
        self.client_id: int | None = None
        self.assignments: dict[int, AssignmentView] = {}
        self.reviews: dict[int, ReviewView] = {}
        self.missing: list[MissingReview] = []
        self.next_session: date | None = None  # the client's next appointment day

        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        theme.set_role(self.missing_label, MISSING_STYLE)
        self.missing_label.setTextFormat(Qt.TextFormat.RichText)
        self.missing_label.linkActivated.connect(self._missing_link)
        self.missing_label.hide()

        self.assign_button = QPushButton(self.tr("Assign…"))
        self.replace_button = QPushButton(self.tr("Change into another task…"))
        self.drop_button = QPushButton(self.tr("Drop…"))
        self.complete_button = QPushButton(self.tr("Mark completed"))
        self.assign_button.clicked.connect(self.assign)
        self.replace_button.clicked.connect(self.replace_selected)
        self.drop_button.clicked.connect(self.drop_selected)
        self.complete_button.clicked.connect(self.complete_selected)
        button_row = QWidget()  # wraps onto a second line on a narrow screen
        buttons = FlowLayout(button_row)
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (
            self.assign_button,
            self.replace_button,
            self.drop_button,
            self.complete_button,
        ):
            buttons.addWidget(button)
        self.sheet_button = QPushButton(self.tr("Sheet…"))
        self.import_button = QPushButton(self.tr("Import a filled sheet…"))
        self.sheet_button.clicked.connect(self.show_sheet)
        self.import_button.clicked.connect(self.import_filled)
        buttons.addWidget(self.sheet_button)
        buttons.addWidget(self.import_button)
        self.enter_form_button = QPushButton(self.tr("Enter a returned form…"))
        self.enter_form_button.setToolTip(
            self.tr("A paper PHQ-9, GAD-7 or goals form the client brought back, by its code")
        )
        self.enter_form_button.clicked.connect(self.enter_returned_form)
        buttons.addWidget(self.enter_form_button)

        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels([i18n.translated(c) for c in COLUMNS])
        self.tree = QTreeView()
        self.tree.setAccessibleName(self.tr("Homework"))
        self.tree.setModel(self.model)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setStyleSheet("QTreeView::item { padding: 3px 2px; }")
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.selectionModel().currentRowChanged.connect(self._show_selected)
        self.details = QTextBrowser()
        self.details.setAccessibleName(self.tr("Homework details"))
        self.details.setOpenLinks(False)
        self.details.anchorClicked.connect(self._details_link)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.details)
        splitter.setSizes([330, 270])
        self.risk_flag = RiskFlag()  # "cannot postpone treatment", in full
        self.risk_flag.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.risk_flag)
        layout.addWidget(self.missing_label)
        layout.addWidget(button_row)
        layout.addWidget(splitter, 1)
        self._update_buttons()

    # ----- loading ----------------------------------------------------------------
    def show_client(self, client_id: int | None) -> None:
        self.client_id = client_id
        self.refresh()

    def reload(self) -> None:
        selected = self.selected_assignment()
        rows: list[AssignmentView] = []
        self.missing = []
        self.risk_flag.hide()
        if self.client_id is not None:
            client_id = self.client_id
            read = run_action(
                self,
                self._db,
                lambda s: (
                    homework.list_for_client(s, client_id),
                    story.missing_reviews(s, client_id),
                    appointments.next_appointment(s, client_id),
                    clients.get(s, client_id),
                ),
            )
            if read is None:
                return
            rows, self.missing, upcoming, client = read
            if client.cannot_postpone:
                self.risk_flag.set_flag(client.cannot_postpone_reason)
                self.risk_flag.show()
            self.next_session = upcoming.local_day if upcoming is not None else None
        self.assignments = {a.id: a for a in rows}
        self.reviews = {r.id: r for a in rows for r in a.reviews}
        self._fill(rows)
        self._show_missing()
        self.setEnabled(self.client_id is not None)
        if selected is not None and selected.id in self.assignments:
            self.select_assignment(selected.id)
        elif rows:
            self.select_assignment(rows[0].id)
        self._show_selected()

    def _fill(self, rows: list[AssignmentView]) -> None:
        self.model.removeRows(0, self.model.rowCount())
        codes = {a.id: a.code for a in rows}
        today = date.today()
        for a in rows:
            last = a.reviews[0] if a.reviews else None
            cells = [
                a.title,
                status_text(a, codes),
                a.code,
                f"{i18n.translated(a.level.label)} · {a.language.value.upper()}"
                + (" · " + self.tr("large") if a.large_print else ""),
                short_date(a.start_date, year=a.start_date.year != today.year)
                if a.start_date
                else "—",
                due_text(a, today, self.next_session),
                f"{last.completion} {i18n.translated(last.completion_label)}, "
                f"{moment_day(last.session_at, year=False)}"
                if last
                else self.tr("none yet"),
            ]
            items = [QStandardItem(text) for text in cells]
            items[0].setData(("assignment", a.id), ID_ROLE)
            items[0].setToolTip(a.title)
            items[1].setForeground(theme.color(STATUS_COLOURS[a.status]))
            if a.is_active:
                font = items[0].font()
                font.setBold(True)
                items[0].setFont(font)
            for r in a.reviews:
                child = QStandardItem(review_summary(r))
                child.setToolTip(review_summary(r))
                child.setData(("review", r.id), ID_ROLE)
                items[0].appendRow([child])
            self.model.appendRow(items)
        for row in range(self.model.rowCount()):
            parent = self.model.index(row, 0)
            for child_row in range(self.model.rowCount(parent)):
                self.tree.setFirstColumnSpanned(child_row, parent, True)
            assignment = self.assignments[self.model.item(row, 0).data(ID_ROLE)[1]]
            self.tree.setExpanded(parent, assignment.is_active or row == 0)
        self.tree.setColumnWidth(0, 210)

    def _show_missing(self) -> None:
        if not self.missing:
            self.missing_label.hide()
            return
        parts = [
            self.tr(
                "<b>{title}</b> in the session of {day} "
                "(<a href='session:{id}'>review it there</a>)"
            ).format(
                title=escape(m.assignment.title),
                day=moment_day(m.appointment.starts_at),
                id=m.appointment.id,
            )
            for m in self.missing
        ]
        self.missing_label.setText(
            self.tr("<b>Not yet reviewed:</b> {items}").format(items="; ".join(parts))
        )
        self.missing_label.show()

    # ----- selection --------------------------------------------------------------
    def _key_at(self, index: QModelIndex) -> tuple[str, int] | None:
        if not index.isValid():
            return None
        first = index.siblingAtColumn(0)
        key = first.data(ID_ROLE)
        return (str(key[0]), int(key[1])) if key else None

    def selected_assignment(self) -> AssignmentView | None:
        key = self._key_at(self.tree.currentIndex())
        if key is None:
            return None
        kind, ident = key
        if kind == "review":
            review = self.reviews.get(ident)
            return self.assignments.get(review.assignment_id) if review else None
        return self.assignments.get(ident)

    def select_assignment(self, assignment_id: int) -> None:
        for row in range(self.model.rowCount()):
            item = self.model.item(row, 0)
            if item.data(ID_ROLE) == ("assignment", assignment_id):
                index = self.model.indexFromItem(item)
                self.tree.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.tree.scrollTo(index)
                return

    def _show_selected(self) -> None:
        key = self._key_at(self.tree.currentIndex())
        if key is None:
            text = (
                self.tr("No homework yet.")
                if not self.assignments
                else self.tr("Choose an assignment.")
            )
            self.details.setHtml(f"<p style='color:{theme.Ink('muted')}'>{text}</p>")
        elif key[0] == "review":
            self.details.setHtml(review_html(self.reviews[key[1]]))
        else:
            assignment = self.assignments[key[1]]
            self.details.setHtml(assignment_html(assignment, self.assignments, self._templates))
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected_assignment()
        active = chosen is not None and chosen.is_active
        self.assign_button.setEnabled(self.client_id is not None)
        self.enter_form_button.setEnabled(self.client_id is not None)
        for button in (self.replace_button, self.drop_button, self.complete_button):
            button.setEnabled(active)
        self.sheet_button.setEnabled(chosen is not None)

    def _details_link(self, url: QUrl) -> None:
        kind, _, ident = url.toString().partition(":")
        if kind == "assignment" and ident.isdigit():
            self.select_assignment(int(ident))

    def _missing_link(self, link: str) -> None:
        kind, _, ident = link.partition(":")
        if kind == "session" and ident.isdigit():
            self.start_session.emit(int(ident))

    # ----- actions ----------------------------------------------------------------
    def assign(self) -> None:
        if self.client_id is None:
            return
        dialog = open_assignment_dialog(self, self._db, self._templates, self.client_id)
        if dialog is not None and dialog.exec() and dialog.result_view is not None:
            self._after_write(dialog.result_view.id)

    def replace_selected(self) -> None:
        old = self.selected_assignment()
        if old is None or not old.is_active:
            return
        dialog = open_assignment_dialog(
            self, self._db, self._templates, old.client_id, replacing=old
        )
        if dialog is not None and dialog.exec() and dialog.result_view is not None:
            self._after_write(dialog.result_view.id)

    def drop_selected(self) -> None:
        chosen = self.selected_assignment()
        if chosen is None or not chosen.is_active:
            return
        reason, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Drop homework"),
            self.tr("Why is “{title}” dropped? (required)").format(title=chosen.title),
        )
        if not ok:
            return
        if not reason.strip():
            QMessageBox.warning(
                self, self.tr("Not dropped"), self.tr("Please give a reason for dropping it.")
            )
            return
        self._write(
            lambda s: homework.drop(s, chosen.id, reason, version=chosen.version), chosen.id
        )

    def complete_selected(self) -> None:
        chosen = self.selected_assignment()
        if chosen is None or not chosen.is_active:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Mark completed"),
            self.tr(
                "Mark “{title}” completed? It stays in the history; no more sheets "
                "are expected for it."
            ).format(title=chosen.title),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._write(
                lambda s: homework.complete(s, chosen.id, version=chosen.version), chosen.id
            )

    def _write(self, action: Callable[[Session], AssignmentView], select_id: int) -> None:
        if run_action(self, self._db, action, title=self.tr("Nothing was changed")) is not None:
            self._after_write(select_id)

    def _after_write(self, select_id: int) -> None:
        self.refresh()
        self.select_assignment(select_id)
        self.changed.emit()

    # ----- sheets (ui.sheet_preview, ui.filled_import_dialog) --------------------
    def show_sheet(self) -> None:
        chosen = self.selected_assignment()
        if chosen is not None:
            dialog = show_sheet_for_assignment(self._db, self._templates, chosen.id, self)
            if dialog is not None:  # a reminder card printed: show it on the assignment
                dialog.changed.connect(lambda: self._after_write(chosen.id))

    def enter_returned_form(self) -> None:
        # deferred: start-up speed (a dialog seldom opened)
        from practice.ui.measure_entry_dialog import enter_returned_form

        if enter_returned_form(self._db, self, client_id=self.client_id) is not None:
            self.changed.emit()  # the prep view shows the new measure at once

    def import_filled(self) -> None:
        # deferred: start-up speed (15 ms: reading filled sheets back)
        from practice.ui.filled_import_dialog import import_filled_sheet

        review = import_filled_sheet(self._db, self._templates, self, client_id=self.client_id)
        if review is not None:
            self._after_write(review.assignment_id)
