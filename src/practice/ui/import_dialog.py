"""File → Import clients from CSV…: choose a file, see every row checked, import all or none.

The preview (``services.import_clients.preview_import``) writes nothing. The table
shows one row per CSV line: its line number, a status (OK, error, duplicate) and the
messages first, one message a line, so they are in view before the file's own columns;
problems with the file as a whole are shown above it.
"Import" is enabled only when the service would import: no file problem, no row
with an error, and no duplicate unless "Skip duplicates" is ticked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from practice.db.engine import Database
from practice.domain.client_csv import COLUMNS, REQUIRED_COLUMNS
from practice.services import clients
from practice.services.import_clients import (
    ImportPreview,
    RowResult,
    apply_import,
    preview_import,
)
from practice.ui import theme
from practice.ui.actions import run_action
from practice.ui.dates import parse_day, short_date
from practice.ui.table_model import sorted_row_table
from practice.ui.widgets import ERROR_STYLE, error_label, fit_to_screen

MAX_CSV_BYTES = 20 * 1024 * 1024
MAX_COLUMN_WIDTH = 190
MESSAGES_WIDTH = 340
MAX_ROWS_TO_FIT = 500  # rows fitted to their wrapped messages; beyond, one line each
OK, ERROR, DUPLICATE, SKIP = "OK", "Error", "Duplicate", "Skipped (duplicate)"
STATUS_COLOURS = {OK: "success", ERROR: "danger", DUPLICATE: "warning", SKIP: "muted"}  # roles
ERROR_TINT = "danger_bg"  # theme roles
DUPLICATE_TINT = "warning_bg"
Index = QModelIndex | QPersistentModelIndex


def column_title(name: str) -> str:
    return name.replace("_", " ").capitalize()


class ImportPreviewModel(QAbstractTableModel):
    """The rows of an :class:`ImportPreview`: line, status, messages, the file's columns."""

    LINE = 0
    FIRST_VALUE = 3  # the file's columns follow the line, status and messages

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[RowResult] = []
        self.columns: list[str] = []
        self.skip_duplicates = False
        self._names: dict[int, str] = {}  # existing client id -> display name

    @property
    def status_column(self) -> int:
        return 1

    @property
    def messages_column(self) -> int:
        return 2

    def column_name(self, col: int) -> str | None:
        """The file's column shown at ``col`` (None for line, status, messages)."""
        return self.columns[col - self.FIRST_VALUE] if col >= self.FIRST_VALUE else None

    def set_preview(self, preview: ImportPreview | None, names: dict[int, str]) -> None:
        self.beginResetModel()
        self.rows = list(preview.rows) if preview else []
        self.columns = list(preview.columns) if preview else []
        self._names = names
        self.endResetModel()

    def set_skip_duplicates(self, skip: bool) -> None:
        self.skip_duplicates = skip
        if self.rows:
            last = self.index(len(self.rows) - 1, self.status_column)
            self.dataChanged.emit(self.index(0, self.status_column), last)

    def status(self, row: RowResult) -> str:
        if row.errors:
            return ERROR
        if row.is_duplicate:
            return SKIP if self.skip_duplicates else DUPLICATE
        return OK

    def messages(self, row: RowResult) -> list[str]:
        out = []
        for name, message in row.errors.items():
            title = column_title(name)
            redundant = name == "row" or message.lower().startswith(title.lower())
            text = message if redundant else f"{title}: {message}"
            out.append(text if text.endswith((".", "?", "!")) else text + ".")
        out += [
            f"Same name and birth date as {self._names.get(i, 'a client')}, already here."
            for i in row.duplicate_of
        ]
        out += [f"Same name and birth date as line {n}." for n in row.duplicate_lines]
        return out

    # ---- Qt ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns) + 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == self.LINE:
            return "Line"
        if section == self.status_column:
            return "Status"
        if section == self.messages_column:
            return "Messages"
        name = self.columns[section - self.FIRST_VALUE]
        return column_title(name) + (" *" if name in REQUIRED_COLUMNS else "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], index.column()
        status = self.status(row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole):
            if col == self.LINE:
                return row.line_no if role == Qt.ItemDataRole.UserRole else str(row.line_no)
            if col == self.status_column:
                return status
            if col == self.messages_column:
                return "\n".join(self.messages(row))
            value = row.values.get(self.column_name(col) or "", "")
            if role == Qt.ItemDataRole.DisplayRole and self.column_name(col) in DATE_COLUMNS:
                return _shown_day(value)
            return value
        if role == Qt.ItemDataRole.ToolTipRole and col == self.messages_column:
            return "\n".join(self.messages(row)) or None
        if role == Qt.ItemDataRole.ForegroundRole and col == self.status_column:
            return theme.color(STATUS_COLOURS[status])
        if role == Qt.ItemDataRole.BackgroundRole:
            name = self.column_name(col)
            if status == ERROR and (col == self.status_column or name in row.errors):
                return theme.color(ERROR_TINT)
            if status == DUPLICATE and col == self.status_column:
                return theme.color(DUPLICATE_TINT)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


DATE_COLUMNS = ("birth_date", "started_on")


def _shown_day(value: str) -> str:
    """A day from the file as every date is shown ("4 Mar 1980"); what is not a real
    day stays as written, beside its error message."""
    try:
        day = parse_day(value)
    except ValueError:
        return value
    return short_date(day, year=True) if day else value


class ImportClientsDialog(QDialog):
    """Preview a clients CSV and import it; emits ``imported(ids)`` after an import."""

    imported = Signal(list)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = database
        self.preview: ImportPreview | None = None
        self.created: list[int] = []
        self.setWindowTitle("Import clients from CSV")
        self.choose_button = QPushButton("Choose CSV file…")
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel("No file chosen")
        self.file_label.setStyleSheet("font-weight: 600;")
        intro = QLabel(
            "A header row naming the columns (<b>first_name</b> and <b>last_name</b> are "
            "required), then one client a row. Dates YYYY-MM-DD, times HH:MM. Nothing is "
            "written until you press Import, and nothing at all while any row has an error."
        )
        intro.setWordWrap(True)
        intro.setToolTip("Columns: " + ", ".join(COLUMNS))
        self.file_errors = error_label()
        self.summary = QLabel()
        self.model = ImportPreviewModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.table = sorted_row_table(
            self.proxy, ImportPreviewModel.LINE, Qt.SortOrder.AscendingOrder
        )
        self.table.setStyleSheet("QTableView::item { padding: 4px 3px; }")
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setMinimumSectionSize(40)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.skip_box = QCheckBox("Skip duplicates (import the other rows)")
        self.skip_box.setEnabled(False)
        self.skip_box.toggled.connect(self._skip_toggled)
        self.import_button = QPushButton("Import")
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.do_import)
        self.close_button = QPushButton("Cancel")
        self.close_button.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_box)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.file_errors)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        self.resize(1300, 640)
        fit_to_screen(self)

    # ---- reading -------------------------------------------------------------------
    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Choose a clients CSV file", "", "CSV files (*.csv *.txt);;All files (*)"
        )
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> None:
        self.file_label.setText(path.name)
        try:
            if path.stat().st_size > MAX_CSV_BYTES:
                self._show(None, [f"{path.name} is too large for a clients file (over 20 MB)."])
                return
            data = path.read_bytes()
        except OSError as exc:
            self._show(None, [f"{path.name} could not be read ({exc.strerror or exc})."])
            return
        self.load_bytes(data)

    def load_bytes(self, data: bytes) -> None:

        def read(db: Session) -> tuple[ImportPreview, dict[int, str]]:
            preview = preview_import(db, data)
            ids = {i for row in preview.rows for i in row.duplicate_of}
            return preview, {i: clients.get(db, i).display_name for i in sorted(ids)}

        found = run_action(
            self, self._db, read, on_problem=lambda message: self._show(None, [message])
        )
        if found is not None:
            preview, names = found
            self._show(preview, [], names)

    def _show(
        self, preview: ImportPreview | None, errors: list[str], names: dict[int, str] | None = None
    ) -> None:
        self.preview = preview
        self.created = []
        self.model.set_preview(preview, names or {})
        self.table.resizeColumnsToContents()
        for col in range(self.model.columnCount()):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), MAX_COLUMN_WIDTH))
        self.table.setColumnWidth(self.model.messages_column, MESSAGES_WIDTH)
        if len(self.model.rows) <= MAX_ROWS_TO_FIT:  # wrapped messages, whole
            self.table.resizeRowsToContents()
        problems = errors + (preview.file_errors if preview else [])
        self.file_errors.setText("\n".join(problems))
        self.file_errors.setVisible(bool(problems))
        self.skip_box.setEnabled(bool(preview and preview.duplicates))
        self.close_button.setText("Cancel")
        self._update_state()

    def _skip_toggled(self, checked: bool) -> None:
        self.model.set_skip_duplicates(checked)
        self.table.resizeColumnToContents(self.model.status_column)
        self._update_state()

    def _update_state(self) -> None:
        p, skip = self.preview, self.skip_box.isChecked()
        rows = p.rows if p else []
        bad = sum(1 for r in rows if r.errors)
        dups = sum(1 for r in rows if r.is_duplicate and not r.errors)
        counts = [f"{len(rows)} rows", f"{len(rows) - bad - dups} ok"]
        counts += [f"{bad} with errors"] * bool(bad)
        counts += [f"{dups} duplicate{'s' * (dups != 1)}"] * bool(dups)
        self.summary.setText(", ".join(counts) if rows else "")
        ready = p.importable(skip_duplicates=skip) if p else []
        self.import_button.setEnabled(bool(ready) and not self.created)
        self.import_button.setText(f"Import {_clients(len(ready))}" if ready else "Import")
        if p is None:
            hint = "Nothing can be imported from this file." if self.file_errors.text() else ""
        elif p.file_errors:
            hint = "Nothing can be imported from this file."
        elif bad:
            hint = (
                f"{_rows(bad)} with errors (marked in red). Correct the file and choose it "
                "again: nothing is imported while any row has an error."
            )
        elif dups and not skip:
            hint = (
                f"{_rows(dups)} with the same name and birth date as a client already here "
                "or an earlier row. Tick “Skip duplicates” to import the others."
            )
        elif not ready:
            hint = "Every row is a duplicate: there is nothing to import."
        else:
            skipped = f"; {_rows(dups)} skipped" if dups else ""
            hint = f"Ready: {_clients(len(ready))} will be added{skipped}."
        self.hint.setStyleSheet(ERROR_STYLE)
        theme.set_role(self.hint, "danger" if (p is None or not p.ok) else "")
        self.hint.setText(hint)

    # ---- importing -----------------------------------------------------------------
    def do_import(self) -> list[int]:
        if self.preview is None:
            return []
        skip = self.skip_box.isChecked()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        preview = self.preview
        try:
            created = run_action(
                self,
                self._db,
                lambda s: apply_import(s, preview, skip_duplicates=skip),
                on_problem=self._refused,
            )
        finally:
            QGuiApplication.restoreOverrideCursor()
        if created is None:
            return []
        self.created = created
        skipped = len(self.preview.duplicates) if skip else 0
        self.hint.setStyleSheet("font-weight: 600;")
        theme.set_role(self.hint, "success")
        self.hint.setText(
            f"Added {_clients(len(created))}"
            + (f"; skipped {skipped} duplicate {_rows(skipped).split()[1]}." if skipped else ".")
        )
        self.import_button.setEnabled(False)
        self.import_button.setText("Imported")
        self.skip_box.setEnabled(False)
        self.close_button.setText("Close")
        self.imported.emit(created)
        return created

    def _refused(self, message: str) -> None:
        if not message.startswith("Nothing was imported"):
            message = f"Nothing was imported.\n{message}"
        self.file_errors.setText(message)
        self.file_errors.show()


def _clients(n: int) -> str:
    return f"{n} client{'s' * (n != 1)}"


def _rows(n: int) -> str:
    return f"{n} row{'s' * (n != 1)}"
