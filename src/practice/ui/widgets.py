"""Small shared widgets and helpers for forms."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, time
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QMargins, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QShowEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QBoxLayout,
    QComboBox,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QLayout,
    QLayoutItem,
    QMainWindow,
    QPlainTextEdit,
    QScrollArea,
    QScrollBar,
    QVBoxLayout,
    QWidget,
)

from practice.ui import theme
from practice.ui.app_events import app_events
from practice.ui.dates import parse_day
from practice.ui.i18n import translated

ERROR_STYLE = ""  # the colour comes from the "danger" role (ui/theme.py)
SCREEN_MARGIN = 8  # pixels kept free around a window's frame, to the screen's edge or panel
# What a window manager draws around a window (title bar, borders) until the window is
# shown and its real frame is known: a window sized to the whole free area would put its
# title bar or its bottom edge off the screen.
WINDOW_FRAME = QMargins(4, 36, 4, 4)


def window_frame(window: QWidget | None = None) -> QMargins:
    """The frame around ``window``: measured once the window manager has framed it,
    else a typical title bar and borders (``WINDOW_FRAME``)."""
    if window is not None and window.isVisible():
        outer, inner = window.frameGeometry(), window.geometry()
        measured = QMargins(
            inner.left() - outer.left(),
            inner.top() - outer.top(),
            outer.right() - inner.right(),
            outer.bottom() - inner.bottom(),
        )
        if measured != QMargins():
            return measured
    return WINDOW_FRAME


def screen_room(available: QRect, frame: QMargins = WINDOW_FRAME) -> QRect:
    """The largest window (its inside, without the frame) that fits in ``available`` (a
    screen's availableGeometry) with its frame and the margin around it."""
    room = available.adjusted(SCREEN_MARGIN, SCREEN_MARGIN, -SCREEN_MARGIN, -SCREEN_MARGIN)
    return room.marginsRemoved(frame)


def fit_to_screen(
    window: QWidget, available: QRect | None = None, *, keep_place: bool = False
) -> None:
    """Clamp ``window`` to the screen's free area (``available``, by default its
    screen's availableGeometry) less its window frame and a margin, and centre it
    (frame included) there: every dialog and window opens whole on the screen. Content
    that needs more room than that scrolls inside the window (see ``_scroll_overflow``),
    its last row of buttons kept below the scrolling part. ``keep_place``: a window that
    already fits (a size and place restored from the settings) stays where it is."""
    if available is None:
        screen = window.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
    frame = window_frame(window)
    room = screen_room(available, frame)
    window.setProperty("screen_room", room)  # for grow_to_fit
    wanted = window.size()
    if not window.testAttribute(Qt.WidgetAttribute.WA_Resized):  # not sized yet: as Qt would
        wanted = window.sizeHint().expandedTo(window.minimumSizeHint())
        wanted = wanted.expandedTo(window.minimumSize())
    width = max(1, min(wanted.width(), room.width()))
    height = max(1, min(wanted.height(), room.height()))
    _scroll_overflow(window, QSize(width, height))
    window.setMinimumSize(min(window.minimumWidth(), width), min(window.minimumHeight(), height))
    fits = (width, height) == (wanted.width(), wanted.height())
    if keep_place and fits and available.contains(window.geometry().marginsAdded(frame)):
        return
    window.resize(width, height)
    outer = QRect(0, 0, width, height).marginsAdded(frame)
    outer.moveCenter(available.center())
    window.move(outer.topLeft())  # a window's position is its frame's


def grow_to_fit(window: QWidget) -> None:
    """Make ``window`` taller when its content now needs more height at its width (a
    message shown under a field), up to its screen's free area: wrapped text is never
    squeezed. Content that is still taller scrolls (see ``fit_to_screen``)."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    width = window.width()
    needed = layout.totalMinimumSize().height()
    if layout.hasHeightForWidth():
        needed = max(needed, layout.totalHeightForWidth(width))
    if needed <= window.height():
        return
    room = window.property("screen_room")  # where fit_to_screen placed it
    if not isinstance(room, QRect):
        screen = window.screen() or QGuiApplication.primaryScreen()
        room = screen_room(screen.availableGeometry(), window_frame(window))
    if needed > room.height():
        _scroll_overflow(window, QSize(width, room.height()))
    window.resize(width, max(window.height(), min(needed, room.height())))


def _scroll_overflow(window: QWidget, size: QSize) -> None:
    """When ``window``'s content needs more than ``size``, put it in a scroll area
    (a main window's central widget; a dialog's layout less its last row when that
    row holds the buttons), so a small or scaled screen scrolls instead of cutting."""
    if isinstance(window, QMainWindow):
        central, frame = window.centralWidget(), window.layout()
        if central is None or frame is None or isinstance(central, QScrollArea):
            return
        needed = window.minimumSizeHint().expandedTo(frame.minimumSize())
        if needed.width() <= size.width() and needed.height() <= size.height():
            return
        window.takeCentralWidget()
        window.setCentralWidget(scrolling(central))
        return
    layout = window.layout()
    if layout is None or window.property("scrolls_overflow"):
        return
    needed = layout.minimumSize()
    if needed.width() <= size.width() and needed.height() <= size.height():
        return
    window.setProperty("scrolls_overflow", True)
    footer = None
    last = layout.count() - 1
    if (
        isinstance(layout, QBoxLayout)
        and layout.direction() == QBoxLayout.Direction.TopToBottom
        and last > 0
        and _holds_buttons(layout.itemAt(last))
    ):
        footer = layout.takeAt(last)
    margins = layout.contentsMargins()
    content = QWidget()
    content.setLayout(layout)  # takes the layout and its widgets from the window
    outer = QVBoxLayout(window)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.setSpacing(0)
    outer.addWidget(scrolling(content), 1)
    if footer is not None:
        row = QVBoxLayout()
        row.setContentsMargins(margins.left(), 6, margins.right(), margins.bottom())
        widget, inner = footer.widget(), footer.layout()
        if widget is not None:
            row.addWidget(widget)
        elif inner is not None:
            row.addLayout(inner)
        outer.addLayout(row)


def _holds_buttons(item: QLayoutItem | None) -> bool:
    if item is None:
        return False
    widget = item.widget()
    if widget is not None:
        return isinstance(widget, (QDialogButtonBox, QAbstractButton))
    inner = item.layout()
    if inner is None:
        return False
    return any(_holds_buttons(inner.itemAt(i)) for i in range(inner.count()))


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area: taller content scrolls, the window's
    buttons outside it stay visible."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


def text_field(placeholder: str = "", parent: QWidget | None = None) -> QPlainTextEdit:
    """A multi-line form field where Tab moves on to the next field (Ctrl+Tab, if
    ever needed, still types a tab) instead of typing a tab character."""
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def sideways_scrolling(content: QWidget, min_width: int = 320) -> QScrollArea:
    """``content`` in a frameless scroll area that scrolls sideways only: it can be
    made narrower than ``content`` wants (down to ``min_width``) and always fills
    the height (``content`` scrolls itself up and down)."""
    area = scrolling(content)
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setMinimumWidth(min_width)
    return area


def _wheel_taker(widget: QObject) -> QWidget | None:
    """The spin box, combo box or slider ``widget`` is (or is the line edit of)."""
    for candidate in (widget, widget.parent()):
        if isinstance(candidate, (QAbstractSpinBox, QComboBox, QAbstractSlider)) and not (
            isinstance(candidate, QScrollBar)
        ):
            return candidate
    return None


def _scroll_areas(widget: QWidget) -> list[QAbstractScrollArea]:
    """The scroll areas ``widget`` sits in, innermost first."""
    areas = []
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            areas.append(parent)
        parent = parent.parentWidget()
    return areas


class WheelGuard:
    """Scrolling a page never changes a value by accident: a spin box, combo box or
    slider inside a scroll area NEVER takes the mouse wheel, focused or not (right
    after typing a rating the box still has the focus, and the next scroll of the
    page must not change it); the page scrolls instead. Values change by typing,
    the arrow keys or clicks. Outside scroll areas Qt's own behaviour stays. Such
    widgets get the focus by a click or Tab only, never by the wheel (StrongFocus).
    Installed once on the application's shared filter (:func:`install_wheel_guard`)."""

    KINDS = (QEvent.Type.Polish, QEvent.Type.Wheel)

    def __call__(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Polish:
            if (
                isinstance(watched, QWidget)
                and _wheel_taker(watched) is watched
                and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus
            ):
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        taker = _wheel_taker(watched)
        if taker is None:
            return False
        areas = _scroll_areas(taker)
        if not areas:
            return False  # not in a page that scrolls: nothing to take the wheel instead
        assert isinstance(event, QWheelEvent)
        for area in areas:  # the innermost area that can still scroll this way
            viewport = area.viewport()
            passed = QWheelEvent(
                viewport.mapFromGlobal(event.globalPosition()),
                event.globalPosition(),
                event.pixelDelta(),
                event.angleDelta(),
                event.buttons(),
                event.modifiers(),
                event.phase(),
                event.inverted(),
            )
            QCoreApplication.sendEvent(viewport, passed)
            if passed.isAccepted():
                break
        return True  # never the value under the pointer


_wheel_guarded: set[int] = set()


def install_wheel_guard() -> None:
    """Install :class:`WheelGuard` on the application (once; later calls do nothing)."""
    hub = app_events()
    if hub is None or id(hub) in _wheel_guarded:
        return
    hub.subscribe(WheelGuard.KINDS, WheelGuard())
    _wheel_guarded.add(id(hub))


def error_label(parent: QWidget | None = None) -> QLabel:
    """A red message shown under a field; hidden while empty."""
    label = QLabel(parent)
    theme.set_role(label, "danger")
    label.setWordWrap(True)
    label.hide()
    return label


def show_field_errors(labels: Mapping[str, QLabel], errors: Mapping[str, str]) -> int:
    """Put each field's message in its label (hidden when empty); how many are shown."""
    shown = 0
    for name, label in labels.items():
        message = translated(errors.get(name, ""))
        label.setText(message)
        label.setVisible(bool(message))
        shown += bool(message)
    return shown


def enum_combo(
    members: Iterable[Enum],
    *,
    none_text: str | None = None,
    parent: QWidget | None = None,
    labels: Mapping[Any, str] | None = None,
) -> QComboBox:
    """A combo of enum members, shown by ``labels`` (else each member's label)."""
    combo = QComboBox(parent)
    if none_text is not None:
        combo.addItem(none_text, None)
    for member in members:
        shown = (labels or {}).get(member) or getattr(member, "label", member.value)
        combo.addItem(translated(shown), member)
    return combo


def set_combo_value(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def parse_date(text: str) -> date | None:
    """'' -> None; '4 Mar 1980' or 'YYYY-MM-DD' -> date; else ValueError."""
    return parse_day(text)


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


class FlowLayout(QLayout):
    """Widgets in a row that wraps onto the next line when the width runs out: a row
    of buttons fits a small or scaled screen instead of widening the window.
    ``align_right``: each line is pushed to the right (a bar of actions)."""

    def __init__(self, parent: QWidget | None = None, *, align_right: bool = False) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._right = align_right
        self.setSpacing(6)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        width = sum(i.sizeHint().width() for i in self._shown()) + self.spacing() * max(
            0, len(self._shown()) - 1
        )
        height = max((i.sizeHint().height() for i in self._shown()), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._shown():
            w = item.sizeHint().width()
            if lines[-1] and used + self.spacing() + w > area.width():
                lines.append([])
                used = 0
            used += (self.spacing() if lines[-1] else 0) + w
            lines[-1].append(item)
        y = area.y()
        for line in lines:
            height = max((i.sizeHint().height() for i in line), default=0)
            width = sum(i.sizeHint().width() for i in line) + self.spacing() * (len(line) - 1)
            x = area.x() + (max(0, area.width() - width) if self._right else 0)
            for item in line:
                hint = item.sizeHint()
                if move:
                    item.setGeometry(QRect(x, y, min(hint.width(), area.width()), height))
                x += hint.width() + self.spacing()
            y += height + self.spacing()
        return y - self.spacing() - rect.y() + m.bottom() if self._shown() else 0


def name_field(label: str, widget: QWidget) -> QWidget:
    """Give the field of a form row the row's label as its accessible name.

    A label names its field for a screen reader only when the field sits beside it;
    a field wrapped in a holder (with its error message, or a calendar button) is
    named here instead: ``widget`` itself, or the first nameless field inside it.
    ``label`` is shown text, already translated ("First name *" names "First name").
    """
    name = label.replace("&", "").rstrip(" *:")
    if not name:
        return widget
    fields = [widget] if widget.focusPolicy() & Qt.FocusPolicy.TabFocus else []
    fields += [w for w in widget.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    for field in fields[:1]:
        if not field.accessibleName():
            field.setAccessibleName(name)
    return widget
