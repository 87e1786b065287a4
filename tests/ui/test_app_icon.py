"""The app's own icon: drawn from resources/icons/practice.svg by tools/make_icons.py,
shipped at every size, and set on the application at start (``practice.app``)."""

from __future__ import annotations

import importlib.util
import sqlite3
import struct
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from practice.app import run_gui
from practice.ui.icons import SIZES, icons_folder

ROOT = Path(__file__).resolve().parents[2]


def _make_icons():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "tools" / "make_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _same_picture(a: QImage, b: QImage) -> bool:
    """Equal sizes and every pixel within a few levels (PNG encoders may differ)."""
    if a.size() != b.size():
        return False
    a = a.convertToFormat(QImage.Format.Format_ARGB32)
    b = b.convertToFormat(QImage.Format.Format_ARGB32)
    for y in range(a.height()):
        for x in range(a.width()):
            p, q = a.pixelColor(x, y), b.pixelColor(x, y)
            if max(abs(p.red() - q.red()), abs(p.green() - q.green()),
                   abs(p.blue() - q.blue()), abs(p.alpha() - q.alpha())) > 8:  # fmt: skip
                return False
    return True


def test_the_committed_icons_are_what_the_script_draws_from_the_svg(qapp, tmp_path):
    # When the script draws the SVG again into a fresh folder
    assert _make_icons().main(tmp_path) == 0
    # Then each committed PNG is that drawing, at its size
    for size in (16, 32, 256):
        committed = QImage(str(icons_folder() / f"practice-{size}.png"))
        assert committed.size() == QSize(size, size)
        assert _same_picture(committed, QImage(str(tmp_path / f"practice-{size}.png"))), size
    # and the .ico holds every size from 16 to 256 (0 stands for 256), as PNG entries
    data = (icons_folder() / "practice.ico").read_bytes()
    _reserved, kind, count = struct.unpack_from("<HHH", data)
    sides = []
    for i in range(count):
        side, _h, _c, _r, _planes, _bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * i
        )
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        sides.append(side or 256)
    assert kind == 1 and sides == [16, 24, 32, 48, 64, 128, 256]


def test_the_app_sets_its_icon_at_start(qapp, db_path, monkeypatch):
    # Given a start that stops early (a database from a newer version)
    qapp.setWindowIcon(
        QApplication.style().standardIcon(QApplication.style().StandardPixmap.SP_FileIcon)
    )
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    monkeypatch.setattr(QMessageBox, "critical", lambda *_a: QMessageBox.StandardButton.Ok)
    assert run_gui(db_path) == 2
    # Then the application's icon is ours, drawn at every size
    icon = QApplication.windowIcon()
    assert sorted(s.width() for s in icon.availableSizes()) == sorted(SIZES)
    drawn = icon.pixmap(16, 16).toImage()
    assert _same_picture(drawn, QImage(str(icons_folder() / "practice-16.png")))
