"""Child process for benchmarks/run.py: start, paint, print timings, exit.

    python benchmarks/startup_probe.py floor
    python benchmarks/startup_probe.py app DB [CLIENT_ID]

Prints one JSON line: seconds from process start (as given by the parent in
PROBE_T0, a time.time() stamp) to the first paint with data, and peak memory.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time


def _since_start() -> float:
    return time.time() - float(os.environ["PROBE_T0"])


def _report(**figures: float) -> None:
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({**figures, "peak_rss_mb": rss_mb}), flush=True)


def floor() -> None:
    import sqlalchemy  # noqa: F401
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1366, 768)

    class Painted(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, lambda: (_report(ready=_since_start()), app.quit()))
                window.removeEventFilter(self)
            return False

    watcher = Painted()
    window.installEventFilter(watcher)
    window.show()
    app.exec()


def run_app(db: str, client_id: int | None) -> None:
    """The real start: lock, read-only check, migrations, main window (AppController)."""

    from practice.app import import_core_first

    import_core_first()  # as run_gui does

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from practice.db.location import parse
    from practice.ui.app_controller import AppController

    app = QApplication(sys.argv)
    app.setOrganizationName("PracticeBenchmark")
    app.setApplicationName("PracticeBenchmark")
    controller = AppController(parse(db))  # a file, or a postgresql:// server
    if controller.start() is not None or controller.window is None:
        raise SystemExit("could not open the database")
    window = controller.window
    client_list = window.clients_page.client_list

    def after_paint() -> None:
        figures = {"ready": _since_start(), "rows": float(client_list.model.rowCount())}
        if client_id is not None:
            started = time.perf_counter()
            window.show_client(client_id)
            app.processEvents()
            figures["open_client_ms"] = (time.perf_counter() - started) * 1000
        _report(**figures)
        if controller.lock is not None:  # a file's (a server has none)
            controller.lock.release()
        app.quit()

    class Painted(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and client_list.model.rowCount() > 0:
                client_list.table.viewport().removeEventFilter(self)
                QTimer.singleShot(0, after_paint)
            return False

    watcher = Painted()
    client_list.table.viewport().installEventFilter(watcher)
    window.show_page(window.clients_page)
    app.exec()


if __name__ == "__main__":
    if sys.argv[1] == "floor":
        floor()
    else:
        run_app(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else None)
