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
    QCoreApplication,
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
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import file_dialogs, i18n, theme
from practice.ui.actions import run_action
from practice.ui.dates import parse_day, short_date
from practice.ui.table_model import sorted_row_table
from practice.ui.widgets import ERROR_STYLE, error_label, fit_to_screen

MAX_CSV_BYTES = 20 * 1024 * 1024
MAX_COLUMN_WIDTH = 190
MESSAGES_WIDTH = 340
MAX_ROWS_TO_FIT = 500  # rows fitted to their wrapped messages; beyond, one line each
OK = QT_TRANSLATE_NOOP("ImportClientsDialog", "OK")
ERROR = QT_TRANSLATE_NOOP("ImportClientsDialog", "Error")
DUPLICATE = QT_TRANSLATE_NOOP("ImportClientsDialog", "Duplicate")
SKIP = QT_TRANSLATE_NOOP("ImportClientsDialog", "Skipped (duplicate)")
STATUS_COLOURS: dict[str, str] = {  # theme roles
    OK: "success",
    ERROR: "danger",
    DUPLICATE: "warning",
    SKIP: "muted",
}
ERROR_TINT = "danger_bg"  # theme roles
DUPLICATE_TINT = "warning_bg"
Index = QModelIndex | QPersistentModelIndex


COLUMN_TITLES = {  # the file's columns, as the table heads them
    "first_name": QT_TRANSLATE_NOOP("ImportClientsDialog", "First name"),
    "last_name": QT_TRANSLATE_NOOP("ImportClientsDialog", "Last name"),
    "preferred_name": QT_TRANSLATE_NOOP("ImportClientsDialog", "Preferred name"),
    "birth_date": QT_TRANSLATE_NOOP("ImportClientsDialog", "Birth date"),
    "email": QT_TRANSLATE_NOOP("ImportClientsDialog", "Email"),
    "phone": QT_TRANSLATE_NOOP("ImportClientsDialog", "Phone"),
    "language": QT_TRANSLATE_NOOP("ImportClientsDialog", "Language"),
    "literacy_level": QT_TRANSLATE_NOOP("ImportClientsDialog", "Literacy level"),
    "large_print": QT_TRANSLATE_NOOP("ImportClientsDialog", "Large print"),
    "preferred_modality": QT_TRANSLATE_NOOP("ImportClientsDialog", "Preferred modality"),
    "reminder_channel": QT_TRANSLATE_NOOP("ImportClientsDialog", "Reminder channel"),
    "reminder_time": QT_TRANSLATE_NOOP("ImportClientsDialog", "Reminder time"),
    "cannot_postpone": QT_TRANSLATE_NOOP("ImportClientsDialog", "Cannot postpone"),
    "cannot_postpone_reason": QT_TRANSLATE_NOOP("ImportClientsDialog", "Cannot postpone reason"),
    "address": QT_TRANSLATE_NOOP("ImportClientsDialog", "Address"),
    "emergency_contact": QT_TRANSLATE_NOOP("ImportClientsDialog", "Emergency contact"),
    "presenting_problem": QT_TRANSLATE_NOOP("ImportClientsDialog", "Presenting problem"),
}


def column_title(name: str) -> str:
    """The column's name as the table heads it, in English (see :func:`shown_title`)."""
    return name.replace("_", " ").capitalize()


def shown_title(name: str) -> str:
    """The column's name in the GUI's language."""
    return i18n.translated(COLUMN_TITLES.get(name, column_title(name)))


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
        for name, raw in row.errors.items():
            title = column_title(name)
            message = i18n.translated(raw)
            redundant = name == "row" or raw.lower().startswith(title.lower())
            text = (
                message
                if redundant
                else self.tr("{column}: {message}").format(
                    column=shown_title(name), message=message
                )
            )
            out.append(text if text.endswith((".", "?", "!")) else text + ".")
        out += [
            self.tr("Same name and birth date as {name}, already here.").format(
                name=self._names.get(i) or self.tr("a client")
            )
            for i in row.duplicate_of
        ]
        out += [
            self.tr("Same name and birth date as line {line}.").format(line=n)
            for n in row.duplicate_lines
        ]
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
            return self.tr("Line")
        if section == self.status_column:
            return self.tr("Status")
        if section == self.messages_column:
            return self.tr("Messages")
        name = self.columns[section - self.FIRST_VALUE]
        return shown_title(name) + (" *" if name in REQUIRED_COLUMNS else "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], index.column()
        status = self.status(row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole):
            if col == self.LINE:
                return row.line_no if role == Qt.ItemDataRole.UserRole else str(row.line_no)
            if col == self.status_column:
                return i18n.translated(status)
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
        self.setWindowTitle(self.tr("Import clients from CSV"))
        self.choose_button = QPushButton(self.tr("Choose CSV file…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel(self.tr("No file chosen"))
        self.file_label.setStyleSheet("font-weight: 600;")
        intro = QLabel(
            self.tr(
                "A header row naming the columns (<b>first_name</b> and <b>last_name</b> are "
                "required), then one client a row. Dates YYYY-MM-DD, times HH:MM. Nothing is "
                "written until you press Import, and nothing at all while any row has an error."
            )
        )
        intro.setWordWrap(True)
        intro.setToolTip(self.tr("Columns: {names}").format(names=", ".join(COLUMNS)))
        self.file_errors = error_label()
        self.summary = QLabel()
        self.model = ImportPreviewModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.table = sorted_row_table(
            self.proxy, ImportPreviewModel.LINE, Qt.SortOrder.AscendingOrder
        )
        self.table.setAccessibleName(self.tr("Rows of the file"))
        self.table.setStyleSheet("QTableView::item { padding: 4px 3px; }")
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setMinimumSectionSize(40)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.skip_box = QCheckBox(self.tr("Skip duplicates (import the other rows)"))
        self.skip_box.setEnabled(False)
        self.skip_box.toggled.connect(self._skip_toggled)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.do_import)
        self.close_button = QPushButton(self.tr("Cancel"))
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
        name = file_dialogs.open_file_name(
            self,
            "clients_csv",  # not translated: a settings key
            self.tr("Choose a clients CSV file"),
            self.tr("CSV files (*.csv *.txt);;All files (*)"),
        )
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> None:
        self.file_label.setText(path.name)
        try:
            if path.stat().st_size > MAX_CSV_BYTES:
                too_large = self.tr("{name} is too large for a clients file (over 20 MB).")
                self._show(None, [too_large.format(name=path.name)])
                return
            data = path.read_bytes()
        except OSError as exc:
            unread = self.tr("{name} could not be read ({problem}).")
            self._show(None, [unread.format(name=path.name, problem=exc.strerror or exc)])
            return
        self.load_bytes(data)

    def load_bytes(self, data: bytes) -> None:

        def read(db: Session) -> tuple[ImportPreview, dict[int, str]]:
            preview = preview_import(db, data)
            ids = {i for row in preview.rows for i in row.duplicate_of}
            return preview, {i: clients.get(db, i).display_name for i in sorted(ids)}

        found = run_action(
            self,
            self._db,
            read,
            on_problem=lambda message: self._show(None, [i18n.translated(message)]),
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
        problems = errors + [i18n.translated(e) for e in (preview.file_errors if preview else [])]
        self.file_errors.setText("\n".join(problems))
        self.file_errors.setVisible(bool(problems))
        self.skip_box.setEnabled(bool(preview and preview.duplicates))
        self.close_button.setText(self.tr("Cancel"))
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
        total = len(rows)  # lupdate reads a plain name as the count
        good = total - bad - dups
        counts = [
            QCoreApplication.translate("ImportClientsDialog", "%n row(s)", None, total),
            QCoreApplication.translate("ImportClientsDialog", "%n ok", None, good),
        ]
        counts += [
            QCoreApplication.translate("ImportClientsDialog", "%n with errors", None, bad)
        ] * bool(bad)
        counts += [
            QCoreApplication.translate("ImportClientsDialog", "%n duplicate(s)", None, dups)
        ] * bool(dups)
        self.summary.setText(", ".join(counts) if rows else "")
        ready = p.importable(skip_duplicates=skip) if p else []
        n_ready = len(ready)
        self.import_button.setEnabled(bool(ready) and not self.created)
        self.import_button.setText(
            QCoreApplication.translate("ImportClientsDialog", "Import %n client(s)", None, n_ready)
            if ready
            else self.tr("Import")
        )
        nothing = self.tr("Nothing can be imported from this file.")
        if p is None:
            hint = nothing if self.file_errors.text() else ""
        elif p.file_errors:
            hint = nothing
        elif bad:
            hint = QCoreApplication.translate(
                "ImportClientsDialog",
                "%n row(s) with errors (marked in red). Correct the file and choose it "
                "again: nothing is imported while any row has an error.",
                None,
                bad,
            )
        elif dups and not skip:
            hint = QCoreApplication.translate(
                "ImportClientsDialog",
                "%n row(s) with the same name and birth date as a client already here "
                "or an earlier row. Tick “Skip duplicates” to import the others.",
                None,
                dups,
            )
        elif not ready:
            hint = self.tr("Every row is a duplicate: there is nothing to import.")
        elif dups:
            hint = self.tr("Ready: {clients} will be added; {rows} skipped.").format(
                clients=_clients(len(ready)), rows=_rows(dups)
            )
        else:
            hint = self.tr("Ready: {clients} will be added.").format(clients=_clients(len(ready)))
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
            self.tr("Added {clients}; skipped {rows}.").format(
                clients=_clients(len(created)),
                rows=QCoreApplication.translate(
                    "ImportClientsDialog", "%n duplicate row(s)", None, skipped
                ),
            )
            if skipped
            else self.tr("Added {clients}.").format(clients=_clients(len(created)))
        )
        self.import_button.setEnabled(False)
        self.import_button.setText(self.tr("Imported"))
        self.skip_box.setEnabled(False)
        self.close_button.setText(self.tr("Close"))
        self.imported.emit(created)
        return created

    def _refused(self, raw: str) -> None:
        message = i18n.translated(raw)
        if not raw.startswith("Nothing was imported"):  # not translated: the service's English
            message = self.tr("Nothing was imported.\n{problem}").format(problem=message)
        self.file_errors.setText(message)
        self.file_errors.show()


def _clients(n: int) -> str:
    return QCoreApplication.translate("ImportClientsDialog", "%n client(s)", None, n)


def _rows(n: int) -> str:
    return QCoreApplication.translate("ImportClientsDialog", "%n row(s)", None, n)
