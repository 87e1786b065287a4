"""Starting the GUI: the app controller locks, checks, upgrades and opens the database,
shows the main window, and backs up on exit (see ``practice.ui.app_controller``)."""

from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path

from practice.db import crypto, keyring

log = logging.getLogger(__name__)


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


def run_gui(path: Path, *, demo: bool = False) -> int:
    """Run the app on ``path`` (or on a fresh demo practice); returns the exit status."""
    import_core_first()
    # Qt last (see import_core_first), and never for the command line's other commands
    from PySide6.QtWidgets import QApplication

    from practice.ui.app_controller import EXIT_CANNOT_OPEN, AppController

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName("Practice")
    app.setApplicationName("Practice")
    suffix = ""
    if demo:
        path = Path(tempfile.mkdtemp(prefix="practice-demo-")) / "demo.sqlite3"
        suffix = " — demo practice (fictional data)"
    key = None
    # ask for the passphrase before anything else (also when only the key file is lost)
    if not demo and keyring.needs_key(path):
        from practice.ui import unlock_dialog  # deferred: Qt, as above

        if keyring.key_file_lost(path) and not crypto.key_file_path(path).exists():
            key, go_on = unlock_dialog.ask_without_key_file(path)
            if not go_on:
                return EXIT_CANNOT_OPEN
        else:
            key = unlock_dialog.ask_key(path)
            if key is None:
                return 0
    controller = AppController(path, demo=demo, title_suffix=suffix, key=key)
    refused = controller.start()
    if refused is not None:
        return refused
    if key is not None and controller.database is not None:
        from practice.services.unlock_audit import record_unlock_failures  # encrypted only

        record_unlock_failures(controller.database)
    if key is not None and controller.window is not None:
        from practice.ui.security_settings import resume_encryption  # encrypted only

        resume_encryption(controller.window, path, key)
    try:
        status = app.exec()
    finally:
        controller.shutdown()
    return status
