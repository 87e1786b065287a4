"""Every file dialog of the app opens in the last folder used for that kind of file,
else the home folder: never the folder the program happened to be started from (from
a menu or a terminal in ``/`` that was ``/bin``, ``/boot``…).

``kind`` names the kind of file ("clients_csv", "filled_sheet", "sheet", "export"…);
the folder last chosen for it is remembered in the settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

KEY = "file_dialogs/last_folder/{kind}"  # not translated: a settings key


def start_folder(kind: str) -> Path:
    """The folder last used for ``kind`` when it still exists, else the home folder."""
    value = QSettings().value(KEY.format(kind=kind))
    if isinstance(value, str) and value and Path(value).is_dir():
        return Path(value)
    return Path.home()


def remember_folder(kind: str, folder: Path) -> None:
    QSettings().setValue(KEY.format(kind=kind), str(folder))


def _start(kind: str, suggested: str | Path = "") -> str:
    """Where the dialog opens: ``suggested`` when it is a full path, else the kind's
    folder (with ``suggested`` as the file name)."""
    path = Path(suggested) if suggested else None
    if path is not None and path.is_absolute():
        return str(path)
    folder = start_folder(kind)
    return str(folder / path) if path is not None else str(folder)


def open_file_name(parent: QWidget | None, kind: str, caption: str, filter_text: str) -> str:
    """Ask for a file to read; "" when cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, caption, _start(kind), filter_text)
    if name:
        remember_folder(kind, Path(name).parent)
    return name


def save_file_name(
    parent: QWidget | None, kind: str, caption: str, suggested: str | Path, filter_text: str
) -> str:
    """Ask where to save (``suggested``: a file name, or a full path); "" when cancelled."""
    name, _ = QFileDialog.getSaveFileName(parent, caption, _start(kind, suggested), filter_text)
    if name:
        remember_folder(kind, Path(name).parent)
    return name


def existing_directory(
    parent: QWidget | None, kind: str, caption: str, suggested: str | Path = ""
) -> str:
    """Ask for a folder (``suggested``: where to open, when it is a full path); "" when
    cancelled."""
    name = QFileDialog.getExistingDirectory(parent, caption, _start(kind, suggested))
    if name:
        remember_folder(kind, Path(name))
    return name
