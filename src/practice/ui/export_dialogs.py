"""Data in and out from the File menu: export everything, one client's record, import.

``DataActions`` adds the three File-menu actions and opens the dialogs:

- **Export everything…** (:class:`ExportAllDialog`): every table as CSV and JSON with a
  README, into an empty folder (a new folder inside the chosen one when that is not
  empty). The service writes into a hidden folder and renames it into place, so a
  failed export leaves nothing half-written.
- **Export this client's record…** (:class:`ClientExportDialog`, enabled while a client
  is open): the record as JSON and/or PDF, each written to a temporary file beside
  the target and renamed into place.
- **Import clients from CSV…**: see :mod:`practice.ui.import_dialog`.

Psychotherapy notes are left out of both exports unless the therapist ticks the box.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from practice.db.engine import Database
from practice.domain.record_model import ClientRecord
from practice.services import clients
from practice.services.export import ExportError, export_all, export_client
from practice.sheets.client_record import ClientRecordPdf
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import file_dialogs, i18n, theme
from practice.ui.actions import run_action
from practice.ui.dates import file_date
from practice.ui.folders import open_folder
from practice.ui.save_guard import refuse_protected
from practice.ui.sheet_preview import write_file_atomically
from practice.ui.user_text import isolated, plain_label
from practice.ui.widgets import error_label, fit_to_screen, text_field

if TYPE_CHECKING:
    from practice.ui.client_form import ClientForm

PRIVATE_CHECKBOX = QT_TRANSLATE_NOOP("ExportDialogs", "Include psychotherapy notes")
PRIVATE_HINT = QT_TRANSLATE_NOOP(
    "ExportDialogs",
    "Psychotherapy notes are your private process notes. They are left out unless you "
    "tick the box; anyone who opens the files can read what is in them.",
)
OK_STYLE = "success"  # a theme role
_UNSAFE = re.compile(r'[\x00-\x1f<>:"/\\|?*]+')


def safe_file_name(text: str) -> str:
    """``text`` usable as a file name on every system."""
    name = _UNSAFE.sub(" ", text).strip(" .")
    return " ".join(name.split())[:120] or "client"  # not translated: a file name's fallback


def _write_file(kind: str, target: Path, record: ClientRecord) -> None:
    try:
        write_file_atomically(target, record_bytes(kind, record))
    except OSError as exc:  # the target: a missing or read-only folder, a full disk
        raise ExportError(
            QT_TRANSLATE_NOOP(
                "ExportDialogs",
                "{name} could not be written in {folder} ({problem}); nothing was saved.",
            ).format(name=target.name, folder=str(target.parent), problem=exc.strerror or str(exc))
        ) from exc


def _private_box() -> tuple[QCheckBox, QLabel]:
    box = QCheckBox(i18n.translated(PRIVATE_CHECKBOX))
    box.setChecked(False)
    hint = QLabel(i18n.translated(PRIVATE_HINT))
    hint.setWordWrap(True)
    theme.set_role(hint, "muted")
    return box, hint


def record_bytes(kind: str, record: ClientRecord) -> bytes:
    """A client's record as PDF ("pdf") or UTF-8 JSON ("json")."""
    if kind == "pdf":
        return ClientRecordPdf(record).generate()
    return (json.dumps(record.to_json(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


class FolderField(QLabel):
    """The chosen folder, shown as text (not a box to type in); a click chooses one."""

    clicked = Signal()
    EMPTY = QT_TRANSLATE_NOOP("FolderField", "No folder chosen yet")

    def __init__(self) -> None:
        super().__init__(i18n.translated(self.EMPTY))
        self.setWordWrap(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Click, or use Choose folder…, to pick where the export goes"))
        self.setStyleSheet("font-style: italic;")
        theme.set_role(self, "muted")

    def set_path(self, path: Path) -> None:
        self.setText(str(path))
        self.setStyleSheet("font-weight: 600;")
        theme.set_role(self, "")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class ExportAllDialog(QDialog):
    """Choose a folder, export every table, show what was written."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = database
        self.target: Path | None = None
        self.setWindowTitle(self.tr("Export everything"))
        intro = QLabel(
            self.tr(
                "Every table of the practice as CSV and JSON files, with a README.txt that "
                "describes every column. Choose an empty folder; if it is not empty, a new "
                "folder is made inside it."
            )
        )
        intro.setWordWrap(True)
        self.folder_edit = FolderField()
        self.folder_edit.clicked.connect(self.choose_folder)
        self.choose_button = QPushButton(self.tr("Choose folder…"))
        self.choose_button.clicked.connect(self.choose_folder)
        self.folder_note = QLabel()
        self.folder_note.setWordWrap(True)
        self.folder_note.hide()
        self.private_box, hint = _private_box()
        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setDefault(True)
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export)
        self.open_button = QPushButton(self.tr("Open folder"))
        self.open_button.hide()
        self.open_button.clicked.connect(self._open_folder)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        self.error_label = error_label()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        theme.set_role(self.result_label, OK_STYLE)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counts = text_field()
        self.counts.setReadOnly(True)
        self.counts.setStyleSheet("font-family: monospace;")
        self.counts.hide()

        folder = QHBoxLayout()
        folder.addWidget(QLabel(self.tr("Export to:")))
        folder.addWidget(self.folder_edit, 1)
        folder.addWidget(self.choose_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(folder)
        layout.addWidget(self.folder_note)
        layout.addWidget(self.private_box)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addWidget(self.result_label)
        layout.addWidget(self.counts, 1)
        layout.addStretch(0)
        layout.addLayout(buttons)
        self.resize(620, 300)
        fit_to_screen(self)

    def choose_folder(self) -> None:
        start = self.target.parent if self.target else ""
        chosen = file_dialogs.existing_directory(
            self, "export", self.tr("Choose a folder for the export"), start
        )
        if chosen:
            self.set_folder(Path(chosen))

    def set_folder(self, chosen: Path) -> None:
        """Export into ``chosen`` if it is empty, else into a new folder inside it."""
        target = chosen
        if chosen.is_dir() and any(chosen.iterdir()):
            stem = self.tr("Practice export {time}").format(
                time=file_date(datetime.now(), clock=True)
            )
            target, n = chosen / stem, 2
            while target.exists():
                target, n = chosen / f"{stem} ({n})", n + 1
        if refuse_protected(self, target, self._db.path):
            return
        self.target = target
        self.folder_edit.set_path(target)
        self.folder_note.setText(
            self.tr(
                "{folder} is not empty, so the export goes into a new folder inside it."
            ).format(folder=chosen.name or chosen)
            if target != chosen
            else ""
        )
        self.folder_note.setVisible(target != chosen)
        self.export_button.setEnabled(True)
        self.error_label.hide()

    def export(self) -> bool:
        if self.target is None:
            return False
        self.error_label.hide()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        target, private = self.target, self.private_box.isChecked()
        try:
            result = run_action(
                self,
                self._db,
                lambda s: export_all(s, target, include_psychotherapy_notes=private),
                on_problem=self._error,
            )
        finally:
            QGuiApplication.restoreOverrideCursor()
        if result is None:
            return False
        rows = sum(result.row_counts.values())
        tables, files = len(result.row_counts), len(result.files)  # plain names for lupdate
        notes = (
            self.tr("Psychotherapy notes included.")
            if private
            else self.tr("Psychotherapy notes left out.")
        )
        self.result_label.setText(
            self.tr(
                "Exported {rows} from {tables} ({files}) to {folder}. {notes} "
                "README.txt there describes every column."
            ).format(
                rows=QCoreApplication.translate("ExportAllDialog", "%n row(s)", None, rows),
                tables=QCoreApplication.translate("ExportAllDialog", "%n table(s)", None, tables),
                files=QCoreApplication.translate("ExportAllDialog", "%n file(s)", None, files),
                folder=result.out_dir,
                notes=notes,
            )
        )
        width = max(len(name) for name in result.row_counts)
        locale = QLocale()
        self.counts.setPlainText(
            "\n".join(
                f"{name:<{width}}  {locale.toString(n):>8}" for name, n in result.row_counts.items()
            )
        )
        self.counts.show()
        self.open_button.show()
        self.export_button.setEnabled(False)  # the folder is full now: choose another
        self.resize(self.width(), max(self.height(), 520))
        fit_to_screen(self)
        return True

    def _error(self, message: str) -> None:
        self.error_label.setText(i18n.translated(message))
        self.error_label.show()

    def _open_folder(self) -> None:
        if self.target is not None:
            open_folder(self.target, self)


class ClientExportDialog(QDialog):
    """Save one client's record as PDF and/or JSON."""

    def __init__(self, database: Database, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = database
        self.client_id = client_id
        self.saved: list[Path] = []
        self.name = "client"  # not translated: replaced by the client's name
        self._file_stem = "client record"  # not translated: replaced by the client's name
        self.setWindowTitle(self.tr("Export this client's record"))
        self.heading = plain_label(QLabel())  # the name as typed, never as markup
        self.heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        intro = QLabel(
            self.tr(
                "The whole record: profile, sessions with their notes and amendments, homework "
                "with its reviews, conditional sessions and calls. PDF to read or print; JSON "
                "for another program."
            )
        )
        intro.setWordWrap(True)
        self.private_box, hint = _private_box()
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.setDefault(True)
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.json_button = QPushButton(self.tr("Save as JSON…"))
        self.json_button.clicked.connect(lambda: self.save("json"))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        self.error_label = error_label()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        theme.set_role(self.result_label, OK_STYLE)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QHBoxLayout()
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.json_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(intro)
        layout.addWidget(self.private_box)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.resize(560, 260)
        fit_to_screen(self)
        self._load_name()

    def _load_name(self) -> None:
        view = run_action(
            self, self._db, lambda s: clients.get(s, self.client_id), on_problem=self._error
        )
        if view is None:
            self.pdf_button.setEnabled(False)
            self.json_button.setEnabled(False)
            return
        self.name = view.display_name
        self.heading.setText(isolated(view.display_name))
        self._file_stem = safe_file_name(
            self.tr("{last_name} {first_name} record").format(
                last_name=view.last_name, first_name=view.first_name
            )
        )

    def save(self, kind: str) -> Path | None:
        """Ask where, then export and write the record (``kind``: "pdf" or "json")."""
        filter_text = (
            self.tr("PDF files (*.pdf)") if kind == "pdf" else self.tr("JSON files (*.json)")
        )
        suggested = f"{self._file_stem} {file_date(datetime.now())}.{kind}"
        caption = (
            self.tr("Save the record as PDF")
            if kind == "pdf"
            else self.tr("Save the record as JSON")
        )
        name = file_dialogs.save_file_name(self, "export", caption, suggested, filter_text)
        if not name:
            return None
        target = Path(name)
        if target.suffix.lower() != f".{kind}":
            target = target.with_name(f"{target.name}.{kind}")
        return self.write(kind, target)

    def write(self, kind: str, target: Path) -> Path | None:
        if refuse_protected(self, target, self._db.path):
            return None
        self.error_label.hide()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        private = self.private_box.isChecked()

        def export(db: Session) -> ClientRecord:
            # The file is written inside the unit of work: if it fails, no export is logged.
            record = export_client(db, self.client_id, include_psychotherapy_notes=private)
            _write_file(kind, target, record)
            return record

        try:
            record = run_action(self, self._db, export, on_problem=self._error)
        finally:
            QGuiApplication.restoreOverrideCursor()
        if record is None:
            return None
        self.saved.append(target)
        if record.psychotherapy_notes_included:
            saved = self.tr("Saved {path} ({kind}, with psychotherapy notes).")
        else:
            saved = self.tr("Saved {path} ({kind}, without psychotherapy notes).")
        self.result_label.setText(saved.format(path=target, kind=kind.upper()))
        return target

    def _error(self, message: str) -> None:
        self.result_label.clear()
        self.error_label.setText(i18n.translated(message))
        self.error_label.show()


class DataActions(QObject):
    """The File menu's import and export actions of the main window.

    A child of the window that keeps no reference back to it (no reference cycle
    through Python attributes): dialogs are parented to ``parent()``, the open client
    is read from ``form`` and data changes are announced by ``changed``.
    """

    changed = Signal()  # clients were imported

    def __init__(
        self,
        window: QWidget,
        database: Database,
        menu: QMenu,
        *,
        before: QAction,
        form: ClientForm,
    ) -> None:
        super().__init__(window)
        self._db = database
        self._form = form
        self.import_action = QAction(self.tr("Import &clients from CSV…"), menu)
        self.import_action.triggered.connect(self.open_import)
        self.client_export_action = QAction(self.tr("Export this client's &record…"), menu)
        self.client_export_action.triggered.connect(self.open_client_export)
        self.client_export_action.setEnabled(False)
        self.export_all_action = QAction(self.tr("&Export everything…"), menu)
        self.export_all_action.triggered.connect(self.open_export_all)
        menu.insertActions(
            before, [self.import_action, self.client_export_action, self.export_all_action]
        )
        menu.insertSeparator(before)
        menu.aboutToShow.connect(self.update)

    def _window(self) -> QWidget:
        return cast(QWidget, self.parent())

    def update(self) -> None:
        """Enable "Export this client's record…" only while a client is open."""
        self.client_export_action.setEnabled(self._form.client_id is not None)

    def open_import(self) -> QDialog:
        # deferred: start-up speed (8 ms: the CSV reader and import service)
        from practice.ui.import_dialog import ImportClientsDialog

        dialog = ImportClientsDialog(self._db, self._window())
        dialog.imported.connect(self.changed)
        return self._show(dialog)

    def open_client_export(self) -> QDialog | None:
        client_id = self._form.client_id
        if client_id is None:
            return None
        return self._show(ClientExportDialog(self._db, client_id, self._window()))

    def open_export_all(self) -> QDialog:
        return self._show(ExportAllDialog(self._db, self._window()))

    @staticmethod
    def _show(dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
