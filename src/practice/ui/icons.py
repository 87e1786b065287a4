"""Practice's own icon (a notebook with a checkmark), for every window of the app.

The PNG sizes and the Windows ``.ico`` in ``resources/icons`` are made from
``practice.svg`` by ``tools/make_icons.py``; reading the PNGs needs no SVG plugin.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

from practice.paths import resource_dir

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def icons_folder() -> Path:
    return Path(str(resource_dir("icons")))


def app_icon() -> QIcon:
    """The app's icon at every size drawn for it."""
    icon = QIcon()
    folder = icons_folder()
    for size in SIZES:
        icon.addFile(str(folder / f"practice-{size}.png"))
    return icon
