"""Help → Practice help (F1): the short manual, in the GUI's language.

The manual is ``resources/help/<language>/index.html`` (English and Spanish). Its
list of keyboard shortcuts is not written there: :func:`shortcut_rows` reads it from
the main window's menus when the window opens, so it always matches the real keys.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from practice.paths import resource_dir
from practice.ui import i18n
from practice.ui.widgets import fit_to_screen

SHORTCUTS_MARK = "<!-- shortcuts -->"  # not translated: where the generated list goes
HELP_SIZE = (760, 820)


def help_folder() -> Path:
    """The folder of the manuals, one folder per language (``resources/help``)."""
    return Path(str(resource_dir("help")))


def help_file(language: str) -> Path:
    """The manual in ``language`` (``"en"`` or ``"es"``)."""
    folder = language if language in i18n.LANGUAGES else "en"
    return help_folder() / folder / "index.html"


def _plain(text: str) -> str:
    """A menu text without its ``&`` mnemonic marks (``&&`` is a real ampersand)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(menu, command, keys) for every menu action of ``window`` that has a shortcut,
    in menu order; the keys as the platform writes them."""
    rows: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{path} → {_plain(sub.title())}")
                continue
            keys = [k for k in action.shortcuts() if not k.isEmpty()]
            if action.isSeparator() or not keys:
                continue
            written = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
            rows.append((path, _plain(action.text()), written))

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, _plain(menu.title()))
    return rows


class HelpWindow(QDialog):
    """The manual beside the main window (not modal); see the module docstring."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Practice help"))
        self.main_window = window
        self.language = i18n.current_language()
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(self.page_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(*HELP_SIZE)
        fit_to_screen(self)

    def shortcuts_html(self) -> str:
        heading = html.escape(self.tr("Keyboard shortcuts"))
        menu, command, keys = (
            html.escape(self.tr("Menu")),
            html.escape(self.tr("Command")),
            html.escape(self.tr("Keys")),
        )
        lines = [
            f'<h2><a name="shortcuts"></a>{heading}</h2>',
            '<table cellpadding="4" cellspacing="0" border="1">',
            f"<tr><th>{menu}</th><th>{command}</th><th>{keys}</th></tr>",
        ]
        for where, name, written in shortcut_rows(self.main_window):
            lines.append(
                f"<tr><td>{html.escape(where)}</td><td>{html.escape(name)}</td>"
                f"<td><b>{html.escape(written)}</b></td></tr>"
            )
        lines.append("</table>")
        return "\n".join(lines)

    def page_html(self) -> str:
        text = help_file(self.language).read_text(encoding="utf-8")
        return text.replace(SHORTCUTS_MARK, self.shortcuts_html())
