"""Small shared widgets and helpers for forms."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, time
from enum import Enum

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import QComboBox, QFrame, QLabel, QScrollArea, QWidget

ERROR_STYLE = "color: #b3261e;"
SCREEN_MARGIN = 24  # pixels kept free around a window for the title bar and panels


def fit_to_screen(window: QWidget, available: QRect | None = None) -> None:
    """Clamp ``window`` to the screen's free area (``available``, by default its
    screen's availableGeometry) less a margin, and centre it there."""
    if available is None:
        screen = window.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
    width = max(1, min(window.width(), available.width() - 2 * SCREEN_MARGIN))
    height = max(1, min(window.height(), available.height() - 2 * SCREEN_MARGIN))
    window.setMinimumSize(min(window.minimumWidth(), width), min(window.minimumHeight(), height))
    window.resize(width, height)
    frame = QRect(0, 0, width, height)
    frame.moveCenter(available.center())
    window.move(frame.topLeft())


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area: taller content scrolls, the window's
    buttons outside it stay visible."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


def sideways_scrolling(content: QWidget, min_width: int = 320) -> QScrollArea:
    """``content`` in a frameless scroll area that scrolls sideways only: it can be
    made narrower than ``content`` wants (down to ``min_width``) and always fills
    the height (``content`` scrolls itself up and down)."""
    area = scrolling(content)
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setMinimumWidth(min_width)
    return area


def error_label(parent: QWidget | None = None) -> QLabel:
    """A red message shown under a field; hidden while empty."""
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def show_field_errors(labels: Mapping[str, QLabel], errors: Mapping[str, str]) -> int:
    """Put each field's message in its label (hidden when empty); how many are shown."""
    shown = 0
    for name, label in labels.items():
        message = errors.get(name, "")
        label.setText(message)
        label.setVisible(bool(message))
        shown += bool(message)
    return shown


def enum_combo(
    members: Iterable[Enum], *, none_text: str | None = None, parent: QWidget | None = None
) -> QComboBox:
    combo = QComboBox(parent)
    if none_text is not None:
        combo.addItem(none_text, None)
    for member in members:
        combo.addItem(getattr(member, "label", str(member.value)), member)
    return combo


def set_combo_value(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def parse_date(text: str) -> date | None:
    """'' -> None; 'YYYY-MM-DD' -> date; anything else raises ValueError."""
    text = text.strip()
    if not text:
        return None
    return date.fromisoformat(text)


def parse_time(text: str) -> time | None:
    text = text.strip()
    if not text:
        return None
    hour, _, minute = text.partition(":")
    return time(int(hour), int(minute or 0))


class ReloadWhenShown(QWidget):
    """A page of data that reloads only when seen (subclasses write ``reload``).

    ``refresh()`` reloads at once when the page is visible; a hidden page only notes
    that its data changed and reloads (``reload()``) the next time it is shown, so
    hidden tabs and pages cost nothing at start or after each change.
    """

    _stale = False

    def reload(self) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
