"""Backups of a practice on a PostgreSQL server, from the app: back up now, the Backups
window, restore (issue 17, point 5).

The app controller of a practice on a server makes one :class:`ServerBackups` with
the practice's :class:`~practice.db.location.Location`, its window and a function that
closes the app's own connections to the database (a restore switches databases only
when nobody is connected, the app included). :meth:`ServerBackups.show` opens the
Backups window; it returns True when a backup was restored, and the caller then opens
the database again and rebuilds its window. The work is ``services.server_backup``.

Wiring it into the app controller (its call point ``_server_backup(kind)``)::

    def _server_backup(self, kind):
        return ServerBackups.make(self.location, self.backup_dir, kind)

    def show_backups(self):  # on a server
        backups = ServerBackups(self.location, self.window, self.database.dispose,
                                back_up=self.back_up_now)
        if backups.show():
            ...  # a new Database(self.location) and window, as after a file restore
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from practice.db.location import Location
from practice.services import server_backup
from practice.services.backup import BackupError, BackupKind, BackupResult
from practice.services.restore import OtherPracticeError
from practice.ui import notices
from practice.ui.backups_dialog import BackupsDialog, backup_folder, remember_folder

log = logging.getLogger(__name__)


class ServerBackups(QObject):
    """Back up and restore the practice at ``location`` (a server) from the app."""

    def __init__(
        self,
        location: Location,
        window: QWidget | None,
        close_connections: Callable[[], None],
        *,
        back_up: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(window)
        assert location.is_postgresql
        self.location, self.window = location, window
        self._close_connections = close_connections
        self._back_up = back_up  # the app's own "back up now" (its status bar), if given
        # the folder chosen in the Backups window, else the data folder's per-server one
        self.folder = backup_folder(location.local_path)
        self.last_backup: BackupResult | Exception | None = None
        self.restored_aside: str | None = None
        self.failed_box: QMessageBox | None = None

    @staticmethod
    def make(
        location: Location, folder: Path, kind: BackupKind = "manual"
    ) -> BackupResult | Exception:
        """A backup of ``kind`` (daily, manual, exit) into ``folder``; the error, if any,
        returned (the app reports outcomes, it does not catch them)."""
        try:
            return server_backup.make_backup(location, folder, kind=kind)
        except (BackupError, OSError) as exc:
            log.error("%s backup failed: %s", kind, exc)
            return exc

    def back_up_now(self) -> BackupResult | Exception:
        """A manual backup while the user waits; a failure is shown."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            outcome = self.make(self.location, self.folder)
        finally:
            QApplication.restoreOverrideCursor()
        self.last_backup = outcome
        if not isinstance(outcome, BackupResult) or not outcome.verified:
            # kept: a box without a parent window would be gone as soon as it opened
            self.failed_box = notices.backup_failed_box(
                outcome, QApplication.activeModalWidget() or self.window
            )
            self.failed_box.open()
        return outcome

    def dialog(self) -> BackupsDialog:
        """The Backups window on the server's dumps."""
        dialog = BackupsDialog(
            self.location.local_path,
            self.folder,
            self._back_up or self.back_up_now,
            self.window,
            location=self.location,
        )
        dialog.folder_changed.connect(self._set_folder)
        return dialog

    def show(self) -> bool:
        """The Backups window; True when a backup was restored (reopen the database)."""
        dialog = self.dialog()
        if dialog.exec() and dialog.chosen is not None:
            return self.restore_from(dialog.chosen)
        return False

    def _set_folder(self, folder: Path) -> None:
        self.folder = folder
        remember_folder(self.location.local_path, folder)

    def restore_from(self, source: Path) -> bool:
        """Restore ``source`` into the server (the app's connections closed first); a
        refusal is shown and leaves the practice as it was. A backup of another
        practice is restored only when the therapist says Yes (No is the default)."""
        self._close_connections()
        other_practice = False
        while True:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                aside = server_backup.restore(self.location, source, other_practice=other_practice)
            except OtherPracticeError as exc:
                QApplication.restoreOverrideCursor()
                if other_practice or not self._other_practice_anyway(exc):
                    return False
                other_practice = True
                continue
            except BackupError as exc:
                QApplication.restoreOverrideCursor()
                QMessageBox.critical(
                    self.window, self.tr("The backup was not restored"), notices.said(exc)
                )
                return False
            break
        QApplication.restoreOverrideCursor()
        self.restored_aside = aside
        QMessageBox.information(
            self.window,
            self.tr("Backup restored"),
            self.tr(
                "Restored {source}. The database you were using before is not deleted: it "
                "is kept on the server as {name}."
            ).format(source=source.name, name=aside)
            + self._kept_sentence(),
        )
        return True

    def _other_practice_anyway(self, exc: OtherPracticeError) -> bool:
        """Ask, as for a file (app_controller.restore_from): Yes restores anyway."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("This backup is of another practice"),
            self.tr(
                "{problem}\n\nRestore it anyway? The database you are using now is kept "
                "on the server."
            ).format(problem=notices.said(exc)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.window,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)  # Enter keeps this practice
        return box.exec() == QMessageBox.StandardButton.Yes

    def _kept_sentence(self) -> str:
        """How many earlier copies the server keeps, and how they go (never silently)."""
        try:
            kept = server_backup.kept_copies(self.location)
        except BackupError:
            return ""
        if not kept:
            return ""
        count = len(kept)  # lupdate reads a plain name as the count
        said = QCoreApplication.translate(
            "ServerBackups",
            "Earlier copies of this practice kept on the server: %n. Practice never "
            "deletes them; once you are sure you no longer need one, your server "
            "administrator can remove it (DROP DATABASE).",
            None,
            count,
        )
        return " " + said
