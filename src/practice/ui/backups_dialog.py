"""The Backups window: every backup of this database, back up now, restore one.

The dialog does not restore by itself: choosing a backup (after a confirmation
saying the current file is kept aside) sets ``chosen`` and closes the dialog; the
app controller then closes the database, restores and reopens the window.

For a practice on a PostgreSQL server (``location``) it lists the server's dumps
(``services.server_backup``) with the same buttons; ``ui.server_backups`` makes and
restores them.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QSettings,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from practice.db.location import Location
from practice.paths import default_db_path
from practice.services import backup, server_backup
from practice.services.backup import BackupFile
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import i18n, theme
from practice.ui.dates import date_time_text, fixed_text
from practice.ui.folders import open_folder
from practice.ui.notices import local_time
from practice.ui.table_model import AnyIndex, RowsTableModel, sorted_row_table
from practice.ui.widgets import fit_to_screen

COL_TAKEN, COL_KIND, COL_CHECK, COL_SIZE = range(4)
HEADERS = (
    QT_TRANSLATE_NOOP("BackupsDialog", "Taken"),
    QT_TRANSLATE_NOOP("BackupsDialog", "Kind"),
    QT_TRANSLATE_NOOP("BackupsDialog", "Check"),
    QT_TRANSLATE_NOOP("BackupsDialog", "Size"),
)
KIND_LABELS = {
    "manual": QT_TRANSLATE_NOOP("BackupsDialog", "Backed up by you"),
    "daily": QT_TRANSLATE_NOOP("BackupsDialog", "Daily"),
    "exit": QT_TRANSLATE_NOOP("BackupsDialog", "When Practice closed"),
    "pre-migration": QT_TRANSLATE_NOOP("BackupsDialog", "Before an upgrade"),
}


def kind_label(kind: str) -> str:
    """The backup's kind in the GUI's language (an unknown kind as it is)."""
    return i18n.translated(KIND_LABELS.get(kind, kind))


SORT_ROLE = Qt.ItemDataRole.UserRole + 1

BACKUP_FOLDER_KEY = "backups/folder"  # the usual practice's chosen folder
OTHER_FOLDERS_KEY = "backups/other_folders"  # JSON: {database path: folder} for --db files


def _usual(db_path: Path) -> bool:
    return db_path.expanduser().resolve() == default_db_path().expanduser().resolve()


def _other_folders() -> dict[str, str]:
    value = QSettings().value(OTHER_FOLDERS_KEY)
    try:
        found = json.loads(value) if isinstance(value, str) else {}
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def backup_folder(db_path: Path, *, demo: bool = False) -> Path:
    """Where this database's backups go: the folder chosen for it in the Backups window
    (:func:`remember_folder`), else ``backups`` beside the file, as ``practice backup``
    does; a demo practice keeps them beside its temporary file. Always a whole path, the
    folder the backups really go to: a relative one kept by an older version is read
    from the current folder, as the backups were written."""
    if not demo:
        if _usual(db_path):
            value = QSettings().value(BACKUP_FOLDER_KEY)
        else:
            value = _other_folders().get(str(db_path.expanduser().resolve()))
        if isinstance(value, str) and value.strip():
            return Path(value.strip()).expanduser().absolute()
    return backup.default_backup_dir(db_path).expanduser().absolute()


def remember_folder(db_path: Path, folder: Path) -> None:
    """Keep ``folder`` as the backup folder of ``db_path`` (and of no other practice),
    as a whole path."""
    folder = folder.expanduser().absolute()
    if _usual(db_path):
        QSettings().setValue(BACKUP_FOLDER_KEY, str(folder))
        return
    folders = _other_folders()
    folders[str(db_path.expanduser().resolve())] = str(folder)
    QSettings().setValue(OTHER_FOLDERS_KEY, json.dumps(folders))


def _size(n: int) -> str:
    if n < 1024 * 1024:
        return QCoreApplication.translate("BackupsDialog", "{size} KB").format(
            size=max(n // 1024, 1)
        )
    return QCoreApplication.translate("BackupsDialog", "{size} MB").format(
        size=fixed_text(n / (1024 * 1024))
    )


class BackupTableModel(RowsTableModel[BackupFile]):
    """Backups as rows; ``backup_at(row)`` gives the file."""

    headers = HEADERS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sizes: list[int] = []
        self._same_minute: set[int] = set()  # rows shown with their seconds

    def set_rows(self, rows: Sequence[BackupFile]) -> None:
        # Oldest first as written (two backups can share a second), so "Taken" sorts
        # on the row's rank and the newest is row 0 when shown newest first.
        rows = sorted(rows, key=backup.written_order)
        self._sizes = []
        for b in rows:
            try:
                self._sizes.append(b.path.stat().st_size)
            except OSError:
                self._sizes.append(0)
        # two backups in one minute (Back up now twice) would read the same: those
        # show their seconds
        minutes = Counter(local_time(b.taken_at) for b in rows)
        self._same_minute = {i for i, b in enumerate(rows) if minutes[local_time(b.taken_at)] > 1}
        super().set_rows(rows)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        return (
            i18n.translated(super().headerData(section, orientation, role))
            if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole)
            else super().headerData(section, orientation, role)
        )

    def backup_at(self, row: int) -> BackupFile:
        return self.row_at(row)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        b, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_TAKEN:
                if index.row() in self._same_minute:
                    return date_time_text(b.taken_at, seconds=True)
                return local_time(b.taken_at)
            if column == COL_KIND:
                return kind_label(b.kind)
            if column == COL_CHECK:
                return (
                    QCoreApplication.translate("BackupsDialog", "Verified")
                    if b.verified
                    else QCoreApplication.translate("BackupsDialog", "FAILED — not usable")
                )
            return _size(self._sizes[index.row()])
        if role == SORT_ROLE:
            if column == COL_TAKEN:
                return index.row()
            if column == COL_SIZE:
                return self._sizes[index.row()]
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ForegroundRole and not b.verified:
            return theme.color("danger")
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(b.path)
        return None


class BackupsDialog(QDialog):
    """List, make and choose backups. ``chosen`` is the backup to restore, if any."""

    folder_changed = Signal(Path)

    def __init__(
        self,
        db_path: Path,
        folder: Path,
        back_up: Callable[[], object] | None = None,
        parent: QWidget | None = None,
        *,
        key: bytes | None = None,
        location: Location | None = None,
    ) -> None:
        super().__init__(parent)
        self.db_path, self.folder = db_path, folder
        self._key = key
        self.location = location if location is not None and location.is_postgresql else None
        self.chosen: Path | None = None
        self._back_up = back_up
        self.setWindowTitle(self.tr("Backups"))
        self.resize(760, 480)
        fit_to_screen(self)

        heading = QLabel(self.tr("Backups of {name}").format(name=self._name()))
        heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        about = QLabel(
            self.tr(
                "Practice backs up when it starts (once a day), every time it closes, and "
                "before it upgrades the file. Each backup is checked right after it is "
                "written. Older backups are thinned out: one a day for 14 days, one a week "
                "for 8 weeks, one a month for 12 months."
            )
            if self.location is None
            else self.tr(
                "Each backup of the practice on the server is a copy of its whole database, "
                "kept on this computer and checked right after it is written. Older backups "
                "are thinned out: one a day for 14 days, one a week for 8 weeks, one a month "
                "for 12 months."
            )
        )
        about.setWordWrap(True)
        self.folder_label = QLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        change = QPushButton(self.tr("Change folder…"))
        change.clicked.connect(self._change_folder)
        open_folder = QPushButton(self.tr("Open folder"))
        open_folder.clicked.connect(self._open_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(change)
        folder_row.addWidget(open_folder)

        self.model = BackupTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = sorted_row_table(self.proxy, COL_TAKEN, Qt.SortOrder.DescendingOrder)
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self._restore_selected())
        self.empty_label = QLabel(
            self.tr("There are no backups of this database in this folder yet.")
        )
        theme.set_role(self.empty_label, "muted")

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.clicked.connect(self._back_up_now)
        self.backup_button.setEnabled(back_up is not None)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.clicked.connect(self._restore_selected)
        other = QPushButton(self.tr("Restore another file…"))
        other.clicked.connect(self._restore_other)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(other)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(about)
        layout.addLayout(folder_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh()

    def _name(self) -> str:
        if self.location is not None and self.location.url is not None:
            return self.tr("{database} on {server}").format(
                database=self.location.url.database,
                server=self.location.url.host or self.tr("this computer"),
            )
        return self.db_path.name

    def refresh(self) -> None:
        self.folder_label.setText(self.tr("Folder: {path}").format(path=self.folder))
        if self.location is not None:
            rows = server_backup.backups_of(self.location, self.folder)
        else:
            rows = backup.backups_of(  # this practice's only (and old ones without an id)
                self.folder, self.db_path, key=self._key, include_failed=True, include_unknown=True
            )
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows)
        if rows:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> BackupFile | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.backup_at(self.proxy.mapToSource(rows[0]).row())

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.restore_button.setEnabled(chosen is not None and chosen.verified)

    def _back_up_now(self) -> None:
        if self._back_up is None:
            return
        self._back_up()
        self.refresh()

    def _restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or not chosen.verified:
            return
        what = self.tr("the backup of {time} ({kind})").format(
            time=local_time(chosen.taken_at), kind=kind_label(chosen.kind)
        )
        self._confirm_and_choose(chosen.path, what, local_time(chosen.taken_at))

    def _restore_other(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from a backup file"),
            str(self.folder.resolve()),  # absolute: never the program's working folder
            self.tr("Practice backups (*.sqlite3)")
            if self.location is None
            else self.tr("Practice server backups (*.pgdump)"),
        )
        if name:
            path = Path(name)
            self._confirm_and_choose(path, path.name, self.tr("that backup was taken"))

    def _confirm_and_choose(self, path: Path, what: str, since: str) -> None:
        stem, suffix = self.db_path.stem, self.db_path.suffix
        time = self.tr("<time>")  # stands for the time in the file's name
        kept_name = f"{stem}.before-restore-{time}{suffix}"  # not translated: a file name
        text = self.tr(
            "Restore {what}?\n\n"
            "The current database file is not deleted: it is kept aside as "
            "{kept_name} in {folder}.\n\n"
            "Changes made after {since} are not in the backup. Practice reopens "
            "with the restored data."
        ).format(what=what, kept_name=kept_name, folder=self.db_path.parent, since=since)
        if self.location is not None and self.location.url is not None:
            database = self.location.url.database
            kept_name = f"{database}_before_restore_{time}"  # not translated: a database name
            text = self.tr(
                "Restore {what}?\n\n"
                "The backup is restored into a new database on the server and checked "
                "first. The practice's current database is not deleted: it is kept on the "
                "server as {kept_name}.\n\n"
                "Practice must be closed on the other computers first. Changes made after "
                "{since} are not in the backup. Practice reopens with the restored data."
            ).format(what=what, kept_name=kept_name, since=since)
        answer = QMessageBox.question(
            self,
            self.tr("Restore this backup?"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,  # Enter keeps the current data
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.chosen = path
            self.accept()

    def _change_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), str(self.folder))
        if name:
            self.folder = Path(name)
            self.folder_changed.emit(self.folder)
            self.refresh()

    def _open_folder(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        open_folder(self.folder, self)
