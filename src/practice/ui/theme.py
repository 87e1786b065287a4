"""The GUI's colours: light, dark or high contrast, following the system by default.

Every colour the GUI shows is here, as a named *role* (``text``, ``muted``, ``danger``,
``card_bg``, ``strip_fill_3``…) with one value per theme; nothing else in ``practice.ui``
writes a colour (a test walks the sources). Widgets ask for a role, never a colour:

- ``set_role(label, "warning")`` sets the dynamic property ``role`` that the one
  application stylesheet (:func:`stylesheet`, built from the roles) styles, so switching
  theme restyles every open window at once;
- painted widgets call :func:`color` while painting (they repaint on the palette change);
- rich text calls :func:`hex_of` when it is built.

The settings contract others code against: ``THEME_KEY``, ``THEMES``,
:func:`chosen_theme`, :func:`choose_theme`, :func:`apply`. "system" follows Qt's
colour-scheme hint (``QStyleHints.colorScheme``) and its ``colorSchemeChanged`` signal.
Every role pair used for text reaches WCAG AA (4.5:1) in every theme (see
:data:`TEXT_PAIRS` and ``tests/ui/test_theme.py``).
"""

from __future__ import annotations

import atexit
import hashlib
import logging
import os
import shutil
import tempfile
from pathlib import Path
from string import Template
from typing import Any

from platformdirs import user_cache_path
from PySide6.QtCore import QObject, QPointF, QSettings, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QPainter,
    QPalette,
    QPen,
    QPolygonF,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListWidget,
    QTreeWidget,
    QWidget,
)

THEME_KEY = "ui/theme"
SYSTEM = "system"
THEMES = (SYSTEM, "light", "dark", "high-contrast")
LIGHT, DARK, HIGH_CONTRAST = "light", "dark", "high-contrast"

# role: (light, dark, high contrast)
_ROLES: dict[str, tuple[str, str, str]] = {
    # the window and plain text
    "window": ("#f3f4f6", "#1e2124", "#000000"),
    "base": ("#ffffff", "#2a2d31", "#000000"),
    "alt_base": ("#f5f7f9", "#31353a", "#141414"),
    "button": ("#eceef1", "#383c42", "#000000"),
    "text": ("#1b1b1b", "#e8eaed", "#ffffff"),
    "heading": ("#1b2a38", "#dfe8f1", "#ffffff"),
    "muted": ("#5b6670", "#aab4be", "#e0e0e0"),
    "hint": ("#5b6670", "#aab4be", "#7fd4ff"),  # placeholders: unlike typed values in HC
    "disabled": ("#646b73", "#9aa2ab", "#a0a0a0"),
    "disabled_border": ("#78828b", "#858e97", "#a0a0a0"),  # a disabled button's dashed frame
    "line": ("#c9d1d8", "#4a5058", "#ffffff"),
    "accent": ("#1f5fa8", "#8ab4f8", "#ffff00"),
    "selection": ("#1f5fa8", "#3d6fb0", "#ffff00"),
    "selection_text": ("#ffffff", "#ffffff", "#000000"),
    "popup_border": ("#5b6670", "#aab4be", "#ffffff"),  # drop-down lists and menus
    "focus": ("#1f5fa8", "#8ab4f8", "#ffff00"),
    "tooltip_bg": ("#ffffe1", "#33373c", "#000000"),
    # behind Qt's own dark icons (the file dialog's tool buttons): light in every theme
    "icon_ground": ("#eceef1", "#c9ced4", "#ffffff"),
    # text that says how things stand (never the only cue: the words say it too)
    "success": ("#1e6b34", "#7fd196", "#7dff9a"),
    "warning": ("#8a4000", "#ffb870", "#ffc266"),
    "danger": ("#b3261e", "#ff8a80", "#ff9c94"),
    "info": ("#1a3d6d", "#9cc3f5", "#9fd0ff"),
    "special": ("#8a1c7c", "#e59ad9", "#ff99ff"),
    # boxes: a tinted background, its ink and its border
    "info_bg": ("#e8f0fb", "#1f3147", "#000000"),
    "info_ink": ("#17406d", "#cfe2fb", "#ffffff"),
    "info_border": ("#b7cde9", "#4d6f98", "#9fd0ff"),
    "warning_bg": ("#fff3cd", "#3d3214", "#000000"),
    "warning_ink": ("#4a3700", "#ffe28a", "#ffff00"),
    "warning_border": ("#e0b252", "#a3812c", "#ffff00"),
    "caution_bg": ("#fbe6d4", "#40281a", "#000000"),
    "caution_ink": ("#6e3300", "#ffc89a", "#ffc266"),
    "caution_border": ("#b35806", "#d9823a", "#ffc266"),
    "danger_bg": ("#fdecea", "#451f1d", "#000000"),
    "danger_ink": ("#8c1d18", "#ffb4ab", "#ffb3ad"),
    "danger_border": ("#b3261e", "#e0665c", "#ff9c94"),
    "highlight_bg": ("#fff8e1", "#363019", "#000000"),
    "highlight_border": ("#f0b400", "#c99a1e", "#ffff00"),
    # Today's cards and their speech bubbles, the groups of a tree, the step list
    "card_bg": ("#ffffff", "#2a2d31", "#000000"),
    "card_border": ("#c9d1d8", "#4a5058", "#ffffff"),
    "card_done_bg": ("#f1f3f4", "#24272b", "#000000"),
    "card_done_border": ("#d7dcdf", "#3b4047", "#c0c0c0"),
    "bubble_bg": ("#eef4fb", "#233246", "#000000"),
    "bubble_border": ("#c8d9ee", "#45617f", "#9fd0ff"),
    "bubble_done_bg": ("#f7f7f7", "#26292d", "#000000"),
    "bubble_done_border": ("#e0e0e0", "#3b4047", "#c0c0c0"),
    "group_bg": ("#eef1f4", "#33383e", "#1f1f1f"),
    "panel_bg": ("#f3f5f8", "#25282c", "#000000"),
    # the adherence strip: completion 0–4 (ColorBrewer YlGnBu in light), its marks
    "strip_fill_0": ("#ffffcc", "#4a4a1f", "#000000"),
    "strip_fill_1": ("#c7e9b4", "#2f5233", "#0d2b0d"),
    "strip_fill_2": ("#7fcdbb", "#1d5a52", "#003838"),
    "strip_fill_3": ("#41b6c4", "#1c5f73", "#00305c"),
    "strip_fill_4": ("#225ea8", "#a9c9f2", "#ffffff"),
    "strip_ink_0": ("#1b1b1b", "#ffffff", "#ffffff"),
    "strip_ink_1": ("#1b1b1b", "#ffffff", "#ffffff"),
    "strip_ink_2": ("#1b1b1b", "#ffffff", "#ffffff"),
    "strip_ink_3": ("#1b1b1b", "#ffffff", "#ffffff"),
    "strip_ink_4": ("#ffffff", "#0b1e3a", "#000000"),
    "strip_not_reviewed": ("#ffffff", "#2a2d31", "#000000"),
    "strip_no_homework": ("#e4e4e4", "#3a3d41", "#000000"),
    "strip_cancelled_no_self": ("#f4a582", "#6b3a22", "#000000"),
    "strip_no_show": ("#9e9e9e", "#55595e", "#000000"),
    "strip_cancelled": ("#d0d0d0", "#46494d", "#000000"),
    "strip_no_session": ("#ffffff", "#2a2d31", "#000000"),
    "strip_mark": ("#1b1b1b", "#ffffff", "#ffffff"),
    "strip_border": ("#78828b", "#858e97", "#ffffff"),
    "strip_frame": ("#1b1b1b", "#ffffff", "#ffff00"),
    "strip_conditional": ("#b35806", "#ff9a4d", "#ffc266"),
    # the trend chart's two lines (the client's is dashed as well)
    "chart_therapist": ("#225ea8", "#8ab4f8", "#ffff00"),
    "chart_client": ("#c05a00", "#ffa05c", "#ff99ff"),
    "chart_grid": ("#d5dade", "#43484f", "#808080"),
    # the measure chart under the strip: severity bands (minimal … severe), the line
    "measure_band_0": ("#edf6ee", "#1f2e24", "#001a00"),
    "measure_band_1": ("#f8f6e3", "#2e2c1c", "#1a1a00"),
    "measure_band_2": ("#fdf0dc", "#33291a", "#241a00"),
    "measure_band_3": ("#fce4d8", "#37241d", "#2a0f00"),
    "measure_band_4": ("#f9d9d9", "#3d2022", "#2e0000"),
    "measure_line": ("#4b2c83", "#c9b3ff", "#00ffff"),
    "transparent": ("transparent", "transparent", "transparent"),
}
_INDEX = {LIGHT: 0, DARK: 1, HIGH_CONTRAST: 2}
PALETTES: dict[str, dict[str, str]] = {
    name: {role: values[i] for role, values in _ROLES.items()} for name, i in _INDEX.items()
}
ROLES = tuple(_ROLES)

STRIP_FILLS = ("strip_fill_0", "strip_fill_1", "strip_fill_2", "strip_fill_3", "strip_fill_4")
MEASURE_BANDS = (
    "measure_band_0",
    "measure_band_1",
    "measure_band_2",
    "measure_band_3",
    "measure_band_4",
)
STRIP_INKS = ("strip_ink_0", "strip_ink_1", "strip_ink_2", "strip_ink_3", "strip_ink_4")
STRIP_KIND_FILLS = (
    "strip_not_reviewed",
    "strip_no_homework",
    "strip_cancelled_no_self",
    "strip_no_show",
    "strip_cancelled",
    "strip_no_session",
)

# Every (text, background) pair of roles the GUI shows text in; each must reach 4.5:1.
_SURFACES = ("window", "base", "alt_base", "card_bg", "panel_bg")
_PLAIN_INKS = (
    "text", "heading", "muted", "hint", "disabled", "accent", "success", "warning", "danger",
    "info", "special", "info_ink", "warning_ink", "caution_ink", "danger_ink",
)  # fmt: skip
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    *((ink, surface) for ink in _PLAIN_INKS for surface in _SURFACES),
    *(
        (ink, box)
        for box in ("info_bg", "warning_bg", "caution_bg", "danger_bg", "highlight_bg")
        for ink in (
            "text",
            "muted",
            "info_ink",
            "warning_ink",
            "caution_ink",
            "danger_ink",
            "warning",
            "danger",
            "success",
            "accent",
        )
    ),  # fmt: skip
    *((ink, "card_done_bg") for ink in ("text", "muted", "success", "accent")),
    *((ink, "bubble_bg") for ink in ("text", "muted", "accent")),
    *((ink, "bubble_done_bg") for ink in ("text", "muted")),
    *((ink, "group_bg") for ink in ("text", "muted")),
    ("text", "tooltip_bg"),
    ("selection_text", "selection"),
    ("text", "button"),
    *zip(STRIP_INKS, STRIP_FILLS, strict=True),
    *(("strip_mark", fill) for fill in STRIP_KIND_FILLS),
    ("muted", "base"),  # the strip's week labels
    *(("text", band) for band in MEASURE_BANDS),  # the measure chart's band names, totals
)
# Disabled controls and frames that must be seen (WCAG's 3:1 for non-text UI): each pair
# must reach 3:1 in every theme.
UI_PAIRS: tuple[tuple[str, str], ...] = (
    ("disabled", "button"),  # a disabled button's words
    ("disabled_border", "button"),  # and its dashed frame
    ("disabled_border", "window"),
    ("popup_border", "base"),  # a drop-down list's frame against its own items
    ("popup_border", "window"),  # and against the dialog behind it
    ("strip_border", "window"),  # the frame of each swatch in the strip's key
    ("strip_border", "base"),
    ("accent", "base"),  # a ticked check box's fill, and its tick (base) on it
    *(("measure_line", band) for band in MEASURE_BANDS),  # the measure line on its bands
)


def chosen_theme() -> str:
    """What Preferences says: ``"system"`` (the default), light, dark or high contrast."""
    value = QSettings().value(THEME_KEY, SYSTEM)
    return value if value in THEMES else SYSTEM


def choose_theme(choice: str) -> None:
    """Remember ``choice`` and apply it now."""
    if choice not in THEMES:
        raise ValueError(f"unknown theme {choice!r}")
    QSettings().setValue(THEME_KEY, choice)
    apply(choice)


class _State(QObject):
    changed = Signal(str)  # the theme now applied

    def __init__(self) -> None:
        super().__init__()
        self.current = LIGHT
        self.following = False  # connected to the system's colour-scheme hint
        self.system_scheme = Qt.ColorScheme.Unknown  # as the last colorSchemeChanged said
        self.applied = False  # a palette and stylesheet are on the app


_state: _State | None = None


def _the_state() -> _State:
    global _state
    if _state is None:
        _state = _State()
    return _state


def current() -> str:
    """The theme applied now (light until :func:`apply` says otherwise)."""
    return _the_state().current


def notifier() -> _State:
    """Its ``changed`` signal says (with the theme's name) each time a theme is applied."""
    return _the_state()


def system_theme() -> str:
    """Light or dark, as the system's colour scheme says (light when it says nothing)."""
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Unknown:  # a platform that only signals the change
        scheme = _the_state().system_scheme
    return DARK if scheme == Qt.ColorScheme.Dark else LIGHT


def resolve(choice: str) -> str:
    """The theme ``choice`` means now: "system" becomes light or dark."""
    return system_theme() if choice == SYSTEM else choice


def apply(choice: str | None = None) -> str:
    """Colour the running app with ``choice`` (default: the remembered one); returns the
    theme applied (``"light"``, ``"dark"`` or ``"high-contrast"``)."""
    choice = chosen_theme() if choice is None else choice
    name = resolve(choice)
    state = _the_state()
    before = state.current
    app = QApplication.instance()
    if isinstance(app, QApplication):
        if not state.following:
            app.styleHints().colorSchemeChanged.connect(_system_changed)
            state.following = True
        if app.style().name().lower() != "fusion":
            app.setStyle("Fusion")  # draws with the palette on every platform
        state.current, state.applied = name, True
        app.setPalette(palette(name))
        app.setStyleSheet(stylesheet(name))
        for window in app.topLevelWidgets():  # painted widgets and rich text read the roles
            if not window.isVisible():
                continue  # a closed window is built afresh, in the theme of its day
            for widget in (window, *window.findChildren(QWidget)):
                if before != name:
                    _recolour_items(widget, before, name)
                widget.update()
    state.current = name
    state.changed.emit(name)
    return name


# The roles given to the items of lists, trees and item models (setForeground and
# setBackground): each has its own colour in every theme, so a new theme can recolour
# the items of open windows (see _recolour_items).
ITEM_ROLES = (
    "text", "muted", "accent", "success", "warning", "danger", "info", "special",
    "danger_ink", "group_bg",
)  # fmt: skip


def _recolour_items(widget: QWidget, before: str, after: str) -> None:
    """Give the items of ``widget`` (a list, tree or table) the new theme's colours."""
    swap = {QColor(PALETTES[before][r]).rgb(): color(r, after) for r in ITEM_ROLES}

    def recolour(item: Any, column: int | None) -> None:
        args = () if column is None else (column,)
        for get, put in (
            (item.foreground, item.setForeground),
            (item.background, item.setBackground),
        ):
            brush = get(*args)
            if brush.style() != Qt.BrushStyle.NoBrush and brush.color().rgb() in swap:
                put(*args, QBrush(swap[brush.color().rgb()]))

    if isinstance(widget, QTreeWidget):
        stack = [widget.topLevelItem(i) for i in range(widget.topLevelItemCount())]
        while stack:
            tree_item = stack.pop()
            if tree_item is None:
                continue
            stack += [tree_item.child(i) for i in range(tree_item.childCount())]
            for column in range(widget.columnCount()):
                recolour(tree_item, column)
    elif isinstance(widget, QListWidget):
        for i in range(widget.count()):
            recolour(widget.item(i), None)
    elif isinstance(widget, QAbstractItemView) and isinstance(widget.model(), QStandardItemModel):
        model = widget.model()
        assert isinstance(model, QStandardItemModel)
        items = [model.invisibleRootItem()]
        while items:
            parent = items.pop()
            for row in range(parent.rowCount()):
                for column in range(parent.columnCount()):
                    child = parent.child(row, column)
                    if child is not None:
                        recolour(child, None)
                        items.append(child)


def reset() -> None:
    """Take the theme off the running app (no stylesheet, the style's own palette, no
    following the system): for tests, which each start from the plain app."""
    state = _the_state()
    app = QApplication.instance()
    if isinstance(app, QApplication) and state.applied:
        if state.following:
            app.styleHints().colorSchemeChanged.disconnect(_system_changed)
        app.setStyleSheet("")
        app.setPalette(app.style().standardPalette())
    state.following = state.applied = False
    state.current, state.system_scheme = LIGHT, Qt.ColorScheme.Unknown


def _system_changed(scheme: Qt.ColorScheme) -> None:
    _the_state().system_scheme = scheme
    if chosen_theme() == SYSTEM:
        apply(SYSTEM)


def hex_of(role: str, theme: str | None = None) -> str:
    """The colour of ``role`` in ``theme`` (default: the current one) as ``#rrggbb``."""
    return PALETTES[theme or current()][role]


class Ink:
    """A role's colour for rich text built with f-strings: ``f"color:{MUTED}"`` with
    ``MUTED = Ink("muted")`` writes the current theme's colour each time the text is built."""

    def __init__(self, role: str) -> None:
        self.role = role

    def __str__(self) -> str:
        return hex_of(self.role)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def color(role: str, theme: str | None = None) -> QColor:
    """The colour of ``role`` in ``theme`` (default: the current one)."""
    value = hex_of(role, theme)
    return QColor(0, 0, 0, 0) if value == "transparent" else QColor(value)


def set_role(widget: QWidget, role: str) -> None:
    """Style ``widget`` as ``role`` (see :func:`stylesheet`); "" takes the role away.
    Changing the role of a shown widget restyles it at once."""
    if widget.property("role") == role:
        return
    widget.setProperty("role", role)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def palette(theme: str) -> QPalette:
    """The QPalette of ``theme``: what Qt's own drawing uses."""
    c = PALETTES[theme]
    p = QPalette()
    r = QPalette.ColorRole
    for role, value in (
        (r.Window, c["window"]),
        (r.WindowText, c["text"]),
        (r.Base, c["base"]),
        (r.AlternateBase, c["alt_base"]),
        (r.ToolTipBase, c["tooltip_bg"]),
        (r.ToolTipText, c["text"]),
        (r.PlaceholderText, c["hint"]),
        (r.Text, c["text"]),
        (r.Button, c["button"]),
        (r.ButtonText, c["text"]),
        (r.BrightText, c["danger"]),
        (r.Highlight, c["selection"]),
        (r.HighlightedText, c["selection_text"]),
        (r.Link, c["accent"]),
        (r.LinkVisited, c["special"]),
        (r.Light, c["base"]),
        (r.Midlight, c["line"]),
        (r.Mid, c["line"]),
        (r.Dark, c["muted"]),
        (r.Shadow, c["text"]),
    ):
        p.setColor(role, QColor(value))
    for role in (r.WindowText, r.Text, r.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(c["disabled"]))
    return p


def stylesheet(theme: str) -> str:
    """The one application stylesheet of ``theme``, built from its roles."""
    wide = "2px" if theme == HIGH_CONTRAST else "1px"
    up, down = _arrows(theme)
    return _STYLESHEET.substitute(PALETTES[theme], wide=wide, up=up, down=down, tick=_tick(theme))


# $role is the role's colour in the theme; $wide a border, thicker in high contrast.
_STYLESHEET = Template("""/* not translated: the application stylesheet */
QToolTip { color: $text; background: $tooltip_bg; border: 1px solid $line; }
QPushButton, QToolButton { color: $text; background: $button; border: 1px solid $line;
    border-radius: 4px; min-height: 18px; }
QPushButton { padding: 4px 12px; }
QToolButton { padding: 2px; }  /* icon-only ones (the file dialog's) keep room for the icon */
QFileDialog QToolButton { background: $icon_ground; }
QPushButton:hover, QToolButton:hover { background: $alt_base; }
QPushButton:pressed, QToolButton:pressed { background: $line; }
QPushButton:default { border: 2px solid $accent; padding: 3px 11px; }
QPushButton:disabled, QToolButton:disabled { color: $disabled; background: $window;
    border: 1px dashed $disabled_border; }

/* a clear focus outline on everything that takes the keyboard */
QPushButton:focus { border: 3px solid $focus; padding: 2px 10px; }
QToolButton:focus { border: 3px solid $focus; padding: 0px; }
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QAbstractSpinBox:focus,
QComboBox:focus, QAbstractItemView:focus { border: 2px solid $focus; }
QCheckBox, QRadioButton { border: 2px solid $transparent; padding: 0 2px; }
QCheckBox:focus, QRadioButton:focus, QGroupBox:focus {
    outline: none; border: 2px solid $focus; border-radius: 3px; }
QTabBar::tab:focus { border: 2px solid $focus; }

/* fields, boxes and rounds with a frame that shows in every theme */
QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox {
    border: 1px solid $line; border-radius: 3px; background: $base; }
QLineEdit, QAbstractSpinBox, QComboBox { padding: 2px 4px; }
QTextBrowser { background: $base; }
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {
    width: 14px; border: 0; background: $button; }
QAbstractSpinBox::up-arrow { image: url($up); width: 9px; height: 6px; }
QAbstractSpinBox::down-arrow, QComboBox::down-arrow { image: url($down); width: 9px; height: 6px; }
QComboBox::drop-down { width: 16px; border: 0; background: $transparent; }
QComboBox { color: $text; min-height: 18px; }
QComboBox:disabled { color: $disabled; }
/* the drop-down list and menus: their own frame and background; a drop-down's items are
   drawn as menu items of the combo box (without these rules the current one is blank) */
QComboBox QAbstractItemView { color: $text; background: $base; border: $wide solid $popup_border;
    selection-background-color: $selection; selection-color: $selection_text; outline: 0; }
QComboBox::item { color: $text; background: $base; }
QComboBox::item:selected { color: $selection_text; background: $selection; }
QComboBox::item:disabled { color: $disabled; }
QMenu { background: $base; border: $wide solid $popup_border; }
QMenu::item:selected { background: $selection; color: $selection_text; }
QMenu::separator { height: 1px; background: $line; margin: 4px 6px; }
QCheckBox::indicator, QRadioButton::indicator, QGroupBox::indicator {
    width: 12px; height: 12px; border: 2px solid $text; background: $base; }
QRadioButton::indicator { border-radius: 8px; }
QCheckBox::indicator:checked, QGroupBox::indicator:checked {
    background: $accent; border-color: $text; image: url($tick); }
QRadioButton::indicator:checked { background: qradialgradient(cx:0.5, cy:0.5, radius:0.5,
    fx:0.5, fy:0.5, stop:0 $accent, stop:0.55 $accent, stop:0.65 $base, stop:1 $base); }
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled { border-color: $disabled; }

/* the roles widgets are given with set_role */
QLabel[role], QTextBrowser[role] { background: $transparent; }
*[role="muted"] { color: $muted; }
*[role="heading"] { color: $heading; }
*[role="accent"] { color: $accent; }
*[role="success"] { color: $success; }
*[role="warning"] { color: $warning; }
*[role="danger"] { color: $danger; }
*[role="info"] { color: $info; }
*[role="danger_ink"] { color: $danger_ink; }
*[role="warning_ink"] { color: $warning_ink; }
*[role="info_box"] { background: $info_bg; color: $info_ink;
    border: $wide solid $info_border; border-radius: 4px; padding: 6px; }
*[role="warning_box"] { background: $warning_bg; color: $warning_ink;
    border: $wide solid $warning_border; border-radius: 4px; padding: 6px; }
*[role="caution_box"] { background: $caution_bg; color: $caution_ink;
    border: $wide solid $caution_border; border-radius: 4px; padding: 6px; }
*[role="danger_box"] { background: $danger_bg; color: $danger_ink;
    border: $wide solid $danger_border; border-radius: 4px; padding: 6px; }
*[role="danger_flag"] { background: $danger_bg; color: $danger_ink;
    border: 1px solid $danger_border; border-left: 5px solid $danger_border;
    border-radius: 4px; padding: 5px 8px; }
*[role="badge_danger"] { background: $danger_bg; color: $danger_ink;
    border: 1px solid $danger_border; }
*[role="badge_caution"] { background: $caution_bg; color: $caution_ink;
    border: 1px solid $caution_border; }
*[role="stance"] { background: $bubble_bg; color: $text;
    border: $wide solid $bubble_border; border-radius: 4px; padding: 6px; }
*[role="highlight_box"] { background: $highlight_bg;
    border: $wide solid $warning_border; border-radius: 4px; }

/* Today's cards and their speech bubbles */
QFrame[role="card"] { background: $card_bg; border: $wide solid $card_border;
    border-radius: 6px; }
QFrame[role="card_done"] { background: $card_done_bg; border: $wide solid $card_done_border;
    border-radius: 6px; }
QFrame[role="card_call"] { background: $caution_bg; border: $wide solid $caution_border;
    border-left: 5px solid $caution_border; border-radius: 6px; }
QFrame[role="card"] QLabel, QFrame[role="card_done"] QLabel, QFrame[role="card_call"] QLabel {
    border: 0; background: $transparent; }
QFrame[role="bubble"] { background: $bubble_bg; border: $wide solid $bubble_border;
    border-radius: 8px; }
QFrame[role="bubble"] QLabel { color: $text; }
QFrame[role="bubble_done"] { background: $bubble_done_bg;
    border: $wide solid $bubble_done_border; border-radius: 8px; }
QFrame[role="bubble_done"] QLabel { color: $muted; }

/* the prep view's suggestion and action bar, the agenda's today, the session panel */
QFrame[role="suggestion"] { background: $info_bg; border: $wide solid $info_border;
    border-left: 6px solid $accent; border-radius: 4px; }
QFrame[role="suggestion"] QLabel { border: 0; background: $transparent; color: $info_ink; }
QFrame[role="suggestion"] QLabel[role="accent"] { color: $info_ink; }
QFrame[role="bar"] { border: 0; border-bottom: 1px solid $line; }
QListWidget[role="today"] { background: $highlight_bg; border: 2px solid $highlight_border; }
QPlainTextEdit[role="private"] { background: $highlight_bg; color: $text; }
QGroupBox[role="private"] { border: $wide solid $warning_border; border-radius: 4px; }
QGroupBox[role="warning_ink"] { color: $warning_ink; font-weight: 600; }
QListWidget[role="steps"] { background: $panel_bg; color: $text; }
QListWidget[role="steps"]::item:selected { background: $selection; color: $selection_text; }
""")


def _arrows(theme: str) -> tuple[str, str]:
    """Up and down arrows in the theme's text colour, as image files for the stylesheet
    (a styled spin box or combo box draws no arrows of its own)."""
    paths = []
    for name, points in (("up", ((0, 6), (4.5, 0), (9, 6))), ("down", ((0, 0), (4.5, 6), (9, 0)))):
        path = image_folder() / f"{theme}-{name}.png"
        if not path.exists():
            image = QImage(9, 6, QImage.Format.Format_ARGB32)
            image.fill(color("transparent"))
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color("text", theme))
            painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
            painter.end()
            image.save(str(path))
        paths.append(path.as_posix())
    return paths[0], paths[1]


def image_folder() -> Path:
    """The folder of the images the theme paints for the stylesheet and rich text: in the
    user's cache, one per set of palettes (a new colour makes a new folder), so that no
    run leaves a temporary folder behind."""
    digest = hashlib.sha1(repr(sorted(PALETTES.items())).encode()).hexdigest()[:12]
    if _fallback:  # the cache could not be used: a private folder for this run
        folder = _fallback[0] / f"theme-{digest}"
        folder.mkdir(exist_ok=True)
        return folder
    folder = user_cache_path("Practice", appauthor=False) / f"theme-{digest}"
    try:
        folder.mkdir(parents=True, exist_ok=True)  # again each time: a cache may be emptied
        if not os.access(folder, os.W_OK):
            raise PermissionError(13, "cannot write", str(folder))
    except OSError as exc:  # e.g. ~/.cache owned by root after sudo: never stop for it
        private = Path(tempfile.mkdtemp(prefix="practice-theme-"))
        atexit.register(shutil.rmtree, private, ignore_errors=True)
        _fallback.append(private)
        log.warning(
            "the cache folder cannot be used (%s); theme images go to %s for this run",
            exc.strerror or type(exc).__name__,
            private,
        )
        return image_folder()
    return folder


log = logging.getLogger(__name__)
_fallback: list[Path] = []  # the private temporary folder used instead of the cache


def _tick(theme: str) -> str:
    """A tick in the base colour, drawn on a ticked check box's accent fill (so ticked and
    not ticked differ by shape, not colour alone)."""
    path = image_folder() / f"{theme}-tick.png"
    if not path.exists():
        image = QImage(24, 24, QImage.Format.Format_ARGB32)
        image.fill(color("transparent"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(color("base", theme), 4.5)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.drawPolyline(QPolygonF([QPointF(4, 12.5), QPointF(9.5, 18), QPointF(20, 6)]))
        painter.end()
        image.save(str(path))
    return path.as_posix()


def contrast_ratio(foreground: str, background: str) -> float:
    """The WCAG 2.x contrast ratio of two ``#rrggbb`` colours (1 to 21)."""

    def luminance(value: str) -> float:
        channels = [int(value[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
