"""Starting the GUI: the app controller locks, checks, upgrades and opens the database,
shows the main window, and backs up on exit (see ``practice.ui.app_controller``).
Ctrl+C and SIGTERM end the app the same way; a demo's temporary folder is removed."""

from __future__ import annotations

import logging
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from practice import demo_folder, logs, work_folders
from practice.db import crypto, file_access, keyring, migrate
from practice.db.location import Location
from practice.paths import default_db_path

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

EXIT_BUG = 1


def import_core_first() -> None:
    """Import the Qt-free core (SQLAlchemy, models, services) before PySide6.

    Once PySide6 is loaded, shiboken's import hook reads the source of every module
    imported after it (to look for ``__feature__`` use); importing SQLAlchemy and our
    models first saves about a fifth of a second at every start.
    """
    import practice.db.health  # noqa: F401  (SQLAlchemy engine, migrations' reader)
    import practice.services.backup  # noqa: F401
    import practice.services.prep  # noqa: F401
    import practice.services.schema_upgrade  # noqa: F401
    import practice.services.today  # noqa: F401
    import practice.sheets.templates  # noqa: F401  (the app's template library)


def run_gui(path: Path | Location | None, *, demo: bool = False) -> int:
    """Run the app on ``path`` (or on a fresh demo practice); returns the exit status.

    ``path`` may be a practice on a PostgreSQL server (a Location with a URL): no file,
    lock or passphrase then (see ``practice.ui.app_controller``). None (no ``--db``):
    the server used last (``ui.server_connect.server_at_start``), else the practice
    file at the default place; a remembered server that cannot be opened is said, and
    the file opens instead.

    A demo practice lives in a temporary folder that is removed when the app ends,
    however it ends but killed outright (see ``practice.demo_folder``).
    """
    import_core_first()
    # Qt last (see import_core_first), and never for the command line's other commands
    try:
        from PySide6.QtWidgets import QApplication
    except ImportError as error:  # a system library Qt's GUI needs (libGL, libEGL …)
        from practice.ui import platform_plugin  # QtCore only

        return platform_plugin.explain_import_failure(error)

    from practice.ui import crash, i18n, platform_plugin, theme, update_watch, widgets
    from practice.ui.icons import app_icon

    logs.setup_logging()
    work_folders.remove_stale()  # hidden folders of an export killed earlier
    # before the application: its settings (the language) are read if Qt cannot start
    QApplication.setOrganizationName("Practice")
    QApplication.setApplicationName("Practice")
    with platform_plugin.explained():  # a missing system library named, not Qt's riddle
        app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    crash.install()  # a bug from here on is logged and shown in a dialog, never printed
    app.setWindowIcon(app_icon())  # every window's, and the taskbar's
    app.setDesktopFileName("practice")  # resources/practice.desktop, on Linux
    i18n.install()  # before the first window: Preferences' language, else the system's
    theme.apply()  # Preferences' colours, else the system's light or dark
    widgets.install_wheel_guard()  # the wheel scrolls pages, never a value by accident
    with _quit_on_signals(app) as stopped:
        if not demo and path is None:
            from practice.ui.app_controller import EXIT_CANNOT_OPEN  # deferred: Qt, as above
            from practice.ui.server_connect import server_at_start

            remembered = server_at_start()
            status = EXIT_CANNOT_OPEN if remembered is None else _run(app, remembered, stopped)
            if status == EXIT_CANNOT_OPEN:  # none, or not reached: the file, as always
                status = _run(app, default_db_path(), stopped)
        elif not demo:
            assert path is not None
            status = _run(app, path, stopped)
        else:
            folder = demo_folder.make()
            try:
                status = _run(app, folder, stopped, demo=True)
            finally:
                demo_folder.remove(folder)
    update_watch.restart_if_asked()  # the practice is closed and its lock released
    return status


def _run(
    app: QApplication, path: Path | Location, stopped: list[int], *, demo: bool = False
) -> int:
    from practice.ui import crash, i18n  # deferred: Qt, as above
    from practice.ui.app_controller import (  # deferred: Qt, as above
        EXIT_CANNOT_OPEN,
        AppController,
    )

    try:
        migrate.check_installation()  # a damaged installation, not the practice: said first
        if isinstance(path, Location) and path.path is not None:
            path = path.path
        if not demo and isinstance(path, Path):  # a link followed, a hard-linked file refused
            path = file_access.practice_file(path)
    except (migrate.DamagedInstallationError, file_access.AccessError) as exc:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QMessageBox

        from practice.ui import notices
        from practice.ui.app_controller import CANNOT_OPEN_TITLE
        from practice.ui.i18n import translated

        log.warning("cannot open the practice: %s", type(exc).__name__)
        title = (
            QCoreApplication.translate("app", "This copy of Practice is damaged")
            if isinstance(exc, migrate.DamagedInstallationError)
            else translated(CANNOT_OPEN_TITLE)
        )
        QMessageBox.critical(None, title, notices.said(exc))
        return EXIT_CANNOT_OPEN
    key = None
    # ask for the passphrase before anything else (also when only the key file is lost)
    if not demo and isinstance(path, Path) and keyring.needs_key(path):
        from practice.ui import unlock_dialog  # deferred: Qt, as above

        if keyring.key_file_lost(path) and not crypto.key_file_path(path).exists():
            key, go_on = unlock_dialog.ask_without_key_file(path)
            if not go_on:
                return EXIT_CANNOT_OPEN
        else:
            key = unlock_dialog.ask_key(path)
            if key is None:
                return 0
    from PySide6.QtCore import QCoreApplication  # Qt is loaded by now

    # translated here: i18n.install() has put in the chosen language
    suffix = QCoreApplication.translate("app", " — demo practice (fictional data)") if demo else ""
    controller = AppController(path, demo=demo, title_suffix=suffix, key=key)
    try:
        refused = controller.start()
    except Exception as exc:  # a bug before the window: said, then the app stops
        crash.report(exc, wait=True)
        return EXIT_BUG
    if refused is not None:
        return refused
    # what the bundle's smoke test and the start-up benchmark wait for
    log.info("window shown (%s)", i18n.current_language())
    if key is not None and controller.database is not None:
        from practice.services.unlock_audit import record_unlock_failures  # encrypted only

        record_unlock_failures(controller.database)
    if key is not None and controller.window is not None and isinstance(path, Path):
        from practice.ui.security_settings import resume_encryption  # encrypted only

        resume_encryption(controller.window, path, key)
    try:
        status = 0 if stopped else app.exec()
    finally:
        controller.shutdown()
    if controller.next_file is not None and not stopped:  # back to the practice file
        return _run(app, controller.next_file, stopped)
    return status


@contextmanager
def _quit_on_signals(app: QApplication) -> Iterator[list[int]]:
    """Ctrl+C, SIGTERM (and SIGHUP) close the windows and end the event loop, so the app
    ends as when its window is closed: drafts kept, exit backup, lock released, a demo's
    folder removed. Yields the signals received (a signal before the loop runs means it
    does not start)."""
    from PySide6.QtCore import QTimer

    received: list[int] = []

    def stop(signum: int, _frame: object) -> None:
        received.append(signum)
        log.info("signal %d: closing", signum)
        app.closeAllWindows()
        app.quit()

    wanted = [
        signal.SIGINT,
        signal.SIGTERM,
        *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else []),
    ]
    previous = {s: signal.signal(s, stop) for s in wanted}
    timer = QTimer()
    timer.timeout.connect(lambda: None)  # Python runs its signal handlers only between bytecodes
    timer.start(200)
    try:
        yield received
    finally:
        timer.stop()
        for s, handler in previous.items():
            signal.signal(s, handler)
