"""Starting the GUI: open (and if needed upgrade) the database, then show the main window."""

from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)


def run_gui(path: Path, *, demo: bool = False) -> int:
    """Run the app on ``path`` (or on a fresh demo practice); returns the exit status."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from practice.db import migrate
    from practice.db.engine import Database
    from practice.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName("Practice")
    app.setApplicationName("Practice")
    suffix = ""
    if demo:
        path = Path(tempfile.mkdtemp(prefix="practice-demo-")) / "demo.sqlite3"
        suffix = " — demo practice (fictional data)"
    try:
        migrate.upgrade(path)
        database = Database(path)
        if demo:
            from practice.services import demo as demo_service

            with database.session() as session:
                demo_service.seed_demo(session)
    except migrate.DatabaseError as exc:
        QMessageBox.critical(None, "Practice cannot open this database", str(exc))
        return 2
    window = MainWindow(database, title_suffix=suffix)
    window.show()
    status = app.exec()
    database.dispose()
    return status
