"""The app's life on one database file: lock, start checks, backups, window, restore.

:meth:`AppController.start`, in this order:

1. checks the path (``db.file_access``): a folder, a missing or read-only folder, or
   a folder where the lock file goes are each refused with their own message (never
   a restore offer);
2. takes the one-writer lock for the whole life of the app — a second copy on the
   same file is told which process and host hold it, since when, and stops without
   writing; a lock written on another computer (or under this one's former name)
   may be taken over after a confirmation, and the takeover is audited;
3. a missing file is a new practice only on the first start in the default data
   folder (or for the demo); elsewhere, or when backups of it exist, the user is
   asked "Create a new practice here?" (and offered the latest backup);
4. lets SQLite roll back what a crash left (``db.recovery``), makes the practice's
   files owner-only (``db.permissions``; the user is told once), then checks the
   file's schema read-only (``health.check_file(deep=False)``): a file that cannot
   be read, or an empty one, is not opened, the user is offered the latest good
   backup (or quits); a file from a newer version or not a Practice database is
   refused;
5. upgrades the schema if needed, after a verified pre-migration backup;
6. shows the main window; a cloud folder or network share gets a warning the user
   acknowledges (it does not stop the app); other check findings likewise;
7. runs SQLite's quick check in the background (it reads every page: too slow to
   wait for on a large practice); damage found there, or met while the window
   loads, leads to the same offer of the latest good backup;
8. backs up once a day (in a background thread; the result goes to the status
   bar, a failure also to a message box).

:meth:`AppController.shutdown` waits for a running backup, backs up once more
(kind "exit"; a failure is shown), and releases the lock.

The backup folder is the one chosen for this practice in the Backups window, else
``backups`` beside the database file (``backups_dialog.backup_folder``).

A practice on a PostgreSQL server (a :class:`~practice.db.location.Location` with a
URL, issue 17) owns no file: no lock (the database keeps order), no passphrase (the
server's disk encryption) and no file checks. Its start is
:meth:`AppController._start_server` (``ui.server_connect.open_server``: the password
asked, an empty database set up, an older schema upgraded); its backups (daily, manual,
exit, and the Backups window with its restore) are verified ``pg_dump`` files made
through :meth:`AppController._server_backup` (``ui.server_backups``); the encryption
settings are disabled, saying why (:meth:`_disable_file_only`), and its
title names the server (never with a password). File → Connect to a practice server…
switches the app to another server (:meth:`switch_to_server`).
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy.exc import DBAPIError

from practice.db import file_access, health, migrate, permissions, recovery
from practice.db.engine import Database
from practice.db.location import Location, parse
from practice.db.lock import DatabaseLock, LockedError, LockFileError
from practice.paths import default_db_path
from practice.services import backup, lock_audit, restore, schema_upgrade, server_backup
from practice.services.backup import BackupError, BackupResult
from practice.sheets.templates import practice_templates
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import notices, update_watch
from practice.ui.audit_page import AuditPage
from practice.ui.backups_dialog import BackupsDialog, backup_folder, remember_folder
from practice.ui.dates import time_text
from practice.ui.folders import open_folder
from practice.ui.i18n import translated
from practice.ui.main_window import MainWindow
from practice.ui.server_backups import ServerBackups
from practice.ui.server_connect import (
    ServerConnectDialog,
    forget_at_start,
    open_server,
    remember,
)
from practice.ui.widgets import fit_to_screen

log = logging.getLogger(__name__)

EXIT_NOT_CREATED = 0  # the user chose not to make a new practice
EXIT_CANNOT_OPEN = 2
EXIT_IN_USE = 3
CANNOT_OPEN_TITLE = QT_TRANSLATE_NOOP("AppController", "Practice cannot open this database")
FAILED_WORDS = {  # the status bar after a failed backup, by its kind
    "daily": QT_TRANSLATE_NOOP("AppController", "The daily backup FAILED — see the message."),
    "manual": QT_TRANSLATE_NOOP("AppController", "The manual backup FAILED — see the message."),
    "exit": QT_TRANSLATE_NOOP("AppController", "The exit backup FAILED — see the message."),
}
FAILED_ANY = QT_TRANSLATE_NOOP("AppController", "The backup FAILED — see the message.")
ON_SERVER_SECURITY = QT_TRANSLATE_NOOP(
    "AppController",
    "A practice on a server is protected by the server: its disk encryption and its "
    "passwords. Encryption here is for a practice file.",
)
Outcome = BackupResult | Exception


def _audit_page(database: Database, window: MainWindow) -> QWidget:
    page = AuditPage(database)
    page.open_client.connect(window.show_client)
    return page


def failed(outcome: Outcome | None) -> bool:
    return isinstance(outcome, Exception) or (
        isinstance(outcome, BackupResult) and not outcome.verified
    )


class AppController(QObject):
    """Owns the database file while the app runs: its lock, its backups, its window."""

    # (outcome, kind), emitted by the backup thread, delivered in the GUI thread
    _backup_finished = Signal(object, str)
    # the HealthReport of the full check, emitted by its thread
    _check_finished = Signal(object)

    def __init__(
        self,
        path: Path | Location,
        *,
        demo: bool = False,
        title_suffix: str = "",
        backup_dir: Path | None = None,
        key: bytes | None = None,
    ) -> None:
        super().__init__()
        self.location = path if isinstance(path, Location) else Location(path=path)
        # a server's local name (``Location.local_path``): no file of it is ever made
        path = self.location.local_path
        self.path = path
        self.key = key  # an encrypted practice's key (see ``practice.db.crypto``)
        self.demo = demo
        self.title_suffix = title_suffix
        if self.on_server:
            self.title_suffix = self._server_title()
        self.backup_dir = backup_dir or backup_folder(path, demo=demo)
        self.lock: DatabaseLock | None = (
            None if self.on_server else DatabaseLock(path, program="Practice")
        )
        # the practice file File → Open the practice file on this computer goes back to
        self.home_file = default_db_path() if self.on_server or demo else path
        self.next_file: Path | None = None  # asked for: the app opens it once this closes
        self.database: Database | None = None
        self.window: MainWindow | None = None
        self.templates = practice_templates()  # the app's one library, passed to the window
        self.last_backup: Outcome | None = None
        self._worker: threading.Thread | None = None
        self._findings: list[str] = []
        self._location: list[str] = []
        self._tightened: list[Path] = []
        self._restored_note = ""
        self._backup_finished.connect(self._report_backup)
        self._check_finished.connect(self._after_full_check)
        self._checker: threading.Thread | None = None

    @property
    def on_server(self) -> bool:
        """The practice is on a PostgreSQL server (no file, lock or passphrase)."""
        return self.location.is_postgresql

    def _server_title(self) -> str:
        return self.tr(" — on {server}").format(server=self.location.display)

    def _release_lock(self) -> None:
        if self.lock is not None:
            self.lock.release()

    # ---- start ---------------------------------------------------------------
    def start(self) -> int | None:
        """Open the database and show the window; an exit status when it cannot."""
        if self.on_server:
            return self._start_server()
        status = self._check_place()
        if status is None:
            status = self._take_lock()
        if status is not None:
            return status
        try:
            status = self._missing_file() if not self.path.exists() else None
            if status is None:
                status = self._open()
        except BaseException:
            self._release_lock()
            raise
        if status is not None:
            self._release_lock()
            return status
        assert self.database is not None
        lock_audit.record_lock_takeovers(self.database)
        try:
            self._show_window()
        except DBAPIError as exc:  # damage in the pages the window reads first
            status = self._recover_from_damage(exc)
            if status is not None:
                self._release_lock()
                return status
        self._tell_findings()
        self.start_full_check()
        return None

    def _start_server(self) -> int | None:
        """A practice on a server: reach it (its password asked if needed), set up an
        empty database if the user says so, upgrade an older schema; show the window."""
        ready = open_server(self.location)
        if ready is None:
            return EXIT_CANNOT_OPEN
        self.location = ready  # with the password typed, in memory only
        self.database = Database(self.location)
        self._show_window()
        remember(self.location)  # without its password: File → Recent practice servers
        self.start_full_check()  # on a server: the daily backup, when due
        return None

    def _take_lock(self) -> int | None:
        """Take the lock (None), or say why not and return the exit status. Held
        elsewhere: say by whom, and offer a takeover when its holder cannot be checked
        from here (another computer)."""
        assert self.lock is not None  # a file's
        try:
            self.lock.acquire()
            return None
        except LockFileError as exc:
            QMessageBox.critical(None, translated(CANNOT_OPEN_TITLE), notices.said(exc))
            return EXIT_CANNOT_OPEN
        except LockedError as exc:
            log.warning("database in use: %s", exc.owner)
            if not notices.ask_take_over(exc):
                return EXIT_IN_USE
        try:
            owner = self.lock.take_over()
        except LockedError as again:  # another program took it meanwhile
            notices.show_locked(again)
            return EXIT_IN_USE
        log.warning("lock taken over from %s", owner)
        return None

    def _is_default(self) -> bool:
        return self.path.absolute() == default_db_path().absolute()

    def _check_place(self) -> int | None:
        """Refuse a path that cannot hold a practice, before anything is locked or made."""
        first_start = not self.path.exists() and (self.demo or self._is_default())
        if first_start:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            except OSError:  # e.g. HOME=/nonexistent: the check below says it is missing
                log.warning("the data folder cannot be made")
        try:
            file_access.check(self.path)
        except file_access.AccessError as exc:
            log.warning("cannot open the practice here: %s", type(exc).__name__)
            QMessageBox.critical(None, translated(CANNOT_OPEN_TITLE), notices.said(exc))
            return EXIT_CANNOT_OPEN
        return None

    def _missing_file(self) -> int | None:
        """No file yet: a new practice silently only on a first start; else ask."""
        if self.demo:
            return None
        latest = self._latest_backup()
        if self._is_default() and latest is None:
            return None  # the first start: the upgrade creates it
        choice = notices.ask_new_practice(self.path, latest)
        if choice == notices.CREATE_TEXT:
            return None
        if choice == notices.RESTORE_TEXT and latest is not None:
            return self._restore_at_start(latest)
        return EXIT_NOT_CREATED

    def _latest_backup(self) -> backup.BackupFile | None:
        good = backup.latest_good_backup(self.backup_dir, self.path, key=self.key)
        return next(
            (
                b
                for b in backup.backups_of(self.backup_dir, self.path, key=self.key)
                if b.path == good
            ),
            None,
        )

    def _recover_from_damage(self, exc: DBAPIError) -> int | None:
        """The window could not read the file: check it fully, offer the backup."""
        assert self.database is not None
        self.database.dispose()
        report = health.check_file(self.path, chain=False, key=self.key)
        if not report.damaged:
            raise exc
        status = self._offer_restore(report.problems)
        if status is not None:
            return status
        self.database = Database(self.path, key=self.key)
        self._show_window()
        return None

    def start_full_check(self) -> None:
        """SQLite's quick check and foreign keys, in the background once the window is up.

        It reads every page, which on a large practice costs more than the rest of the
        start; the schema was already checked before opening. The daily backup follows
        it, so that a damaged file is reported before anything copies it.

        On a server there is no file to read page by page: the server keeps its own
        pages, and ``practice check`` reads the audit chain there; the daily backup
        (a verified ``pg_dump``) is started at once when due.
        """
        if self.on_server:
            if server_backup.daily_backup_due(self.location, self.backup_dir):
                self.start_backup("daily")
            return
        self._checker = threading.Thread(
            target=lambda: self._check_finished.emit(
                health.check_file(self.path, chain=False, key=self.key)
            ),
            name="practice-check",
            daemon=True,
        )
        self._checker.start()

    def wait_for_check(self) -> None:
        if self._checker is not None:
            self._checker.join()
            self._checker = None
            QApplication.processEvents()  # deliver its report

    def _after_full_check(self, report: health.HealthReport) -> None:
        self._checker = None
        if self.window is None or self.database is None:
            return
        if report.damaged:
            log.error("damaged database found by the full check: %s", self.path)
            latest = self._latest_backup()
            if notices.ask_restore(self.path, report.problems, latest, self.backup_dir) and latest:
                self.restore_from(latest.path)
            return
        findings = [p for p in report.problems if p not in self._findings]
        if findings:
            notices.problems_box(findings, self.window).open()
        if backup.daily_backup_due(self.backup_dir, self.path, key=self.key):
            self.start_backup("daily")

    def _open(self) -> int | None:
        status = self._check()
        if status is not None:
            return status
        try:
            schema_upgrade.upgrade(self.path, self.backup_dir, key=self.key)
        except migrate.DatabaseError as exc:
            QMessageBox.critical(None, translated(CANNOT_OPEN_TITLE), notices.said(exc))
            return EXIT_CANNOT_OPEN
        self.database = Database(self.path, key=self.key)
        if self.demo:
            from practice.services import demo as demo_service  # deferred: start-up speed (--demo)

            with self.database.session() as db:
                demo_service.seed_demo(db)
        return None

    def _check(self) -> int | None:
        """Check the file read-only before anything writes to it, once SQLite has rolled
        back what a crash left (that is not damage)."""
        self._tightened = permissions.tighten(self.path, [self.backup_dir])
        recovery.recover(self.path, self.key)
        self._location = health.location_warnings(self.path)
        if not self.path.exists():
            return None  # a new practice: created by the upgrade
        report = health.check_file(self.path, chain=False, key=self.key, deep=False)
        if report.damaged:
            return self._offer_restore(report.problems)
        if report.problems and report.revision is None:  # newer, or not ours
            QMessageBox.critical(
                None,
                translated(CANNOT_OPEN_TITLE),
                "\n\n".join(translated(p) for p in report.problems),
            )
            return EXIT_CANNOT_OPEN
        self._findings = list(report.problems)
        return None

    def _offer_restore(self, problems: list[str]) -> int | None:
        latest = self._latest_backup()
        log.error("damaged database %s; latest good backup: %s", self.path, latest)
        # Without a good backup the message says so and offers only Quit.
        chose = notices.ask_restore(self.path, problems, latest, self.backup_dir)
        if not chose or latest is None:
            return EXIT_CANNOT_OPEN
        return self._restore_at_start(latest)

    def _restore_at_start(self, latest: backup.BackupFile) -> int | None:
        try:
            aside = restore.restore(self.path, latest.path, key=self.key)
        except BackupError as exc:
            QMessageBox.critical(
                None, self.tr("The backup could not be restored"), notices.said(exc)
            )
            return EXIT_CANNOT_OPEN
        when = notices.local_time(latest.taken_at)
        self._restored_note = (
            self.tr("Restored the backup of {when}; the previous file is kept as {name}.").format(
                when=when, name=aside.name
            )
            if aside
            else self.tr("Restored the backup of {when}.").format(when=when)
        )
        return None

    def _show_window(self) -> None:
        assert self.database is not None
        window = MainWindow(self.database, self.templates, title_suffix=self.title_suffix)
        database = self.database
        window.add_lazy_page(self.tr("Audit trail"), lambda: _audit_page(database, window))
        window.backup_requested.connect(self.back_up_now)
        window.restore_requested.connect(self.show_backups)
        window.backup_folder_requested.connect(self.open_backup_folder)
        window.backup_folder_changed.connect(self.set_backup_folder)  # from Preferences
        window.key_changed.connect(lambda key: setattr(self, "key", key))  # encryption on
        window.server_menus.connect_requested.connect(self.connect_server)
        window.server_menus.recent_requested.connect(self.open_recent)
        window.server_menus.file_requested.connect(self.back_to_file)
        if self.on_server:
            self._disable_file_only(window)
            window.server_menus.file_action.setVisible(True)
        if self.window is not None:
            window.restoreGeometry(self.window.saveGeometry())
            fit_to_screen(window, keep_place=True)
        program = update_watch.program_file()
        if program is not None:  # a bundle: its files may be replaced while it runs
            self._update_watch = update_watch.UpdateWatch(program, window)
        window.show()
        self.window = window

    def _disable_file_only(self, window: MainWindow) -> None:
        """A practice on a server: the entries that work on a file are disabled, saying why."""
        security = translated(ON_SERVER_SECURITY)
        window.security_action.setEnabled(False)
        window.security_action.setToolTip(security)
        window.security_action.setStatusTip(security)
        window.file_menu.setToolTipsVisible(True)

    # ---- another practice: on a server -------------------------------------------
    def connect_server(self, address: str = "") -> bool:
        """File → Connect to a practice server… (``address``: a recent server's, put in
        the fields): on Connect the app switches to that practice."""
        dialog = ServerConnectDialog(self.window)
        if address:
            dialog.fill(address)
        if not dialog.exec() or dialog.location is None:
            return False
        return self.switch_to_server(dialog.location)

    def open_recent(self, address: str) -> bool:
        """File → Recent practice servers: reach it (the password asked if the server
        wants one) and switch to it."""
        ready = open_server(parse(address), self.window)
        return ready is not None and self.switch_to_server(ready)

    def back_to_file(self) -> None:
        """File → Open the practice file on this computer (shown on a server): this
        window closes as at the app's end, then the app opens the file with its full
        start (lock, passphrase, checks); a plain ``practice`` opens it from now on."""
        assert self.window is not None
        self.next_file = self.home_file
        self.window.quit()  # asks about unsaved edits first
        if self.window.isVisible():  # the user stayed
            self.next_file = None
            return
        forget_at_start()

    def switch_to_server(self, location: Location) -> bool:
        """Close this practice as the app's end does (drafts kept, its exit backup,
        its lock released) and open ``location`` (reached and ready) in a new window."""
        assert self.window is not None
        if getattr(self.window, "session_panels", None):
            QMessageBox.warning(
                self.window,
                self.tr("Finish the open session first"),
                self.tr(
                    "A session window is open. Finish or close it, then connect to the server."
                ),
            )
            return False
        if not self.window.may_close():
            return False
        old = self.window
        self.shutdown()  # waits for the check and backups, backs up a file, frees its lock
        self.location = location
        self.path = location.local_path
        self.key = None
        self.demo = False
        self.lock = None
        self.title_suffix = self._server_title()
        self.backup_dir = backup_folder(self.path)
        self._findings, self._location, self._tightened, self._restored_note = [], [], [], ""
        self.database = Database(location)
        self._show_window()
        old.close()
        old.deleteLater()
        remember(location)  # without its password
        self.start_full_check()  # on a server: the daily backup, when due
        log.info("switched to a practice on a server")
        return True

    def _tell_findings(self) -> None:
        """Warnings the user acknowledges; they do not stop the app."""
        assert self.window is not None
        if self._restored_note:
            self.window.statusBar().showMessage(self._restored_note)
        if self._location:
            self.window.statusBar().showMessage(
                self.tr("Warning: the database is in a risky place (see the message).")
            )
            notices.location_box(self._location, self.window).open()
        if self._findings:
            notices.problems_box(self._findings, self.window).open()
        if self._tightened:
            notices.permissions_box(self._tightened, self.window).open()

    # ---- backups -------------------------------------------------------------
    def start_backup(self, kind: backup.BackupKind) -> None:
        """Back up in a background thread; the result is reported when it is done."""
        if self._worker is not None and self._worker.is_alive():
            return
        if self.window is not None:
            self.window.statusBar().showMessage(self.tr("Backing up…"))
        self._worker = threading.Thread(
            target=self._backup_in_thread, args=(kind,), name="practice-backup", daemon=True
        )
        self._worker.start()

    def _backup_in_thread(self, kind: backup.BackupKind) -> None:
        self._backup_finished.emit(self._make_backup(kind), kind)

    def _make_backup(self, kind: backup.BackupKind) -> Outcome:
        if self.on_server:
            return self._server_backup(kind)
        try:
            return backup.make_backup(self.path, self.backup_dir, kind=kind, key=self.key)
        except (BackupError, OSError) as exc:
            log.error("%s backup failed: %s", kind, exc)
            return exc

    def _server_backup(self, kind: backup.BackupKind) -> Outcome:
        """A backup of a practice on a server (daily, manual, exit): a verified
        ``pg_dump`` into its folder, thinned out like a file's (``ui.server_backups``)."""
        return ServerBackups.make(self.location, self.backup_dir, kind)

    def wait_for_backup(self) -> None:
        if self._worker is not None:
            self._worker.join()
            self._worker = None
            QApplication.processEvents()  # deliver its report

    def back_up_now(self) -> Outcome:
        """A manual backup, made while the user waits; reported like the others."""
        self.wait_for_backup()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            outcome = self._make_backup("manual")
        finally:
            QApplication.restoreOverrideCursor()
        self._report_backup(outcome, "manual")
        return outcome

    def _report_backup(self, outcome: Outcome, kind: str) -> None:
        self.last_backup = outcome
        if self.window is None:
            return
        bar = self.window.statusBar()
        if failed(outcome):
            bar.showMessage(translated(FAILED_WORDS.get(kind, FAILED_ANY)))
            notices.backup_failed_box(outcome, self.window).open()
        elif isinstance(outcome, BackupResult):
            bar.showMessage(
                self.tr("Backed up and verified at {time}: {name}").format(
                    time=time_text(datetime.now()), name=outcome.path.name
                ),
                30_000,
            )

    # ---- backups window, restore ---------------------------------------------
    def show_backups(self) -> None:
        if self.on_server:
            self._show_server_backups()
            return
        dialog = BackupsDialog(
            self.path, self.backup_dir, self.back_up_now, self.window, key=self.key
        )
        dialog.folder_changed.connect(self.set_backup_folder)
        if dialog.exec() and dialog.chosen is not None:
            self.restore_from(dialog.chosen)

    def _show_server_backups(self) -> None:
        """The Backups window of a practice on a server; after a restore the app opens
        the restored database (the same address) in a new window."""
        assert self.database is not None
        self.wait_for_backup()
        backups = ServerBackups(
            self.location, self.window, self.database.dispose, back_up=self.back_up_now
        )
        backups.folder = self.backup_dir
        restored = backups.show()
        self.backup_dir = backups.folder
        if not restored:
            return
        old = self.window
        self.database = Database(self.location)
        self._show_window()
        if old is not None:
            old.close()
            old.deleteLater()

    def set_backup_folder(self, folder: Path) -> None:
        self.backup_dir = folder
        if not self.demo:
            remember_folder(self.path, folder)

    def open_backup_folder(self) -> None:
        self.backup_dir.mkdir(parents=True, exist_ok=True)
        open_folder(self.backup_dir, self.window)

    def restore_from(self, source: Path) -> bool:
        """Replace the database by ``source`` and reopen the window on it."""
        assert self.database is not None and self.window is not None
        if getattr(self.window, "session_panels", None):
            QMessageBox.warning(
                self.window,
                self.tr("Finish the open session first"),
                self.tr("A session window is open. Finish or close it, then restore the backup."),
            )
            return False
        other_practice = False
        mismatch = restore.practice_mismatch(self.path, source, self.key)
        if mismatch is not None:
            answer = QMessageBox.question(
                self.window,
                self.tr("This backup is of another practice"),
                self.tr("{problem}\n\nRestore it anyway? The current file is kept aside.").format(
                    problem=translated(mismatch.message)
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,  # Enter keeps this practice
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
            other_practice = True
        self.wait_for_backup()
        self.database.dispose()
        try:
            aside = restore.restore(self.path, source, key=self.key, other_practice=other_practice)
        except BackupError as exc:
            QMessageBox.critical(
                self.window, self.tr("The backup was not restored"), notices.said(exc)
            )
            return False  # the current file is in place: the window keeps working
        old = self.window
        self.database = Database(self.path, key=self.key)
        self._show_window()
        old.close()
        old.deleteLater()
        assert self.window is not None
        self.window.statusBar().showMessage(
            self.tr("Restored {source}; the previous file is kept as {name}.").format(
                source=source.name, name=aside.name
            )
            if aside
            else self.tr("Restored {source}.").format(source=source.name)
        )
        notices.restored_box(source, aside, self.window).open()
        return True

    # ---- end -----------------------------------------------------------------
    def shutdown(self) -> None:
        """Back up on exit (a failure is shown), close the database, release the lock."""
        self.wait_for_check()
        self.wait_for_backup()
        if self.database is not None:
            self.database.dispose()
            outcome = self._make_backup("exit")
            self.last_backup = outcome
            if failed(outcome):
                notices.show_backup_failed(outcome)
            self.database = None
        self._release_lock()
