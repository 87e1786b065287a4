"""The README's screenshots, made again from the demo practice after a change.

    python tools/screenshots.py                # docs/screenshots/*.png
    python tools/screenshots.py --out FOLDER

Each main page (Today, the Agenda, a client's Prep, the Homework tab and a session)
in English and Spanish, light and dark, at 1366×768, on a fresh demo practice
(fictional data) in a temporary folder. It never touches the user's own practice or
settings: the data folder and Qt's settings point into the temporary folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1366, 768)
LANGUAGES = ("en", "es")
THEMES = ("light", "dark")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="practice-shots-") as tmp:
        os.environ["PRACTICE_DATA_DIR"] = str(Path(tmp) / "data")
        made = _shoot(Path(tmp), args.out)
    print(f"{len(made)} screenshots in {args.out}")
    return 0


def _shoot(tmp: Path, out: Path) -> list[Path]:
    from PySide6.QtCore import QCoreApplication, QSettings, Qt
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication, QWidget

    from practice.db import migrate
    from practice.db.engine import Database
    from practice.services import appointments, demo
    from practice.sheets.templates import practice_templates
    from practice.ui import i18n, theme
    from practice.ui.main_window import MainWindow

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "ini"))
    app = QApplication.instance() or QApplication(sys.argv)
    QCoreApplication.setOrganizationName("Practice")
    QCoreApplication.setApplicationName("Practice")
    path = tmp / "demo.sqlite3"
    migrate.upgrade(path)
    database = Database(path)
    with database.session() as db:
        story = demo.seed_demo(db)
        today = appointments.agenda(db, date.today(), date.today())
    out.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []

    def grab(widget: QWidget, name: str) -> None:
        for _ in range(3):
            app.processEvents()
        target = out / f"{name}.png"
        # 256 colours: a third of the bytes, no visible loss for a GUI's flat colours
        image = (
            widget.grab()
            .toImage()
            .convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither)
        )
        image.save(str(target))
        made.append(target)

    for language in LANGUAGES:
        i18n.install(language)
        for chosen in THEMES:
            theme.apply(chosen)
            window = MainWindow(database, practice_templates(), title_suffix="")
            window.resize(*SIZE)
            window.show()
            pages: list[tuple[str, Callable[[], None]]] = [
                ("today", lambda w=window: w.show_page(w.today)),
                ("agenda", lambda w=window: w.show_page(w.agenda)),
                ("prep", lambda w=window: w.show_client(story.improver_id)),
                ("homework", lambda w=window: _homework_tab(w, story.drifter_id)),
            ]
            for page, show in pages:
                show()
                grab(window, f"{page}-{language}-{chosen}")
            if today:
                panel = window.open_session(today[0].id)
                if panel is not None:
                    panel.resize(*SIZE)
                    grab(panel, f"session-{language}-{chosen}")
                    panel.hide()
                    panel.deleteLater()
            window.hide()
            window.deleteLater()
    i18n.install("en")
    database.dispose()
    return made


def _homework_tab(window: object, client_id: int) -> None:
    from practice.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.show_client(client_id)
    workspace = window.clients_page.workspace
    workspace.setCurrentWidget(workspace.homework)


if __name__ == "__main__":
    raise SystemExit(main())
