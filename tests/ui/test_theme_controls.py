"""Controls read in every theme, seen in their pixels: the choice of a drop-down and its
list, the frame of popups, disabled buttons, ticked check boxes (docs/architecture.md, ui)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QMenu,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

THEMES = ["light", "dark", "high-contrast"]


def _grab(widget: QWidget) -> QImage:
    QApplication.processEvents()
    return widget.grab().toImage()


def _ratio(a: QColor, b: QColor) -> float:
    from practice.ui.theme import contrast_ratio

    return contrast_ratio(a.name(), b.name())


def _inked(image: QImage, area: QRect, ground: QColor, ratio: float = 3.0) -> int:
    """How many pixels of ``area`` stand out from ``ground`` by ``ratio`` (text, a tick)."""
    return sum(
        _ratio(image.pixelColor(x, y), ground) >= ratio
        for x in range(area.left(), area.right() + 1)
        for y in range(area.top(), area.bottom() + 1)
    )


def _form(qtbot, *widgets: QWidget) -> QWidget:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    for widget in widgets:
        layout.addWidget(widget)
    window.resize(320, 60 + 40 * len(widgets))
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("name", THEMES)
def test_a_drop_down_shows_its_choice_and_its_list_shows_every_item(qtbot, name: str) -> None:  # type: ignore[no-untyped-def]
    from practice.ui import theme

    theme.choose_theme(name)
    combo = QComboBox()
    combo.addItems(["Claro", "Oscuro", "Alto contraste"])
    combo.setCurrentIndex(1)
    form = _form(qtbot, combo)  # noqa: F841 (kept alive)
    # the closed box: the current text is drawn in the text colour on the field
    image = _grab(combo)
    field = theme.color("base")
    text_area = QRect(6, 4, combo.width() - 30, combo.height() - 8)
    assert _inked(image, text_area, field) > 20
    # the open list: every item, the current one too, shows its words
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    listed = _grab(view.viewport())
    for row in range(combo.count()):
        rect = view.visualRect(view.model().index(row, 0)).adjusted(4, 3, -4, -3)
        ground = listed.pixelColor(rect.right() - 2, rect.center().y())
        assert _inked(listed, rect, ground) > 20, (name, combo.itemText(row))
    # the list has its own frame, seen against the window behind it
    popup = _grab(view.window())
    edge = popup.pixelColor(0, popup.height() // 2)
    assert _ratio(edge, theme.color("window")) >= 3, (name, edge.name())
    combo.hidePopup()


@pytest.mark.parametrize("name", THEMES)
def test_a_menu_has_its_own_frame_against_the_window(qtbot, name: str) -> None:  # type: ignore[no-untyped-def]
    from practice.ui import theme

    theme.choose_theme(name)
    window = _form(qtbot, QPushButton("Menu"))
    menu = QMenu(window)
    menu.addAction("Abrir")
    menu.addAction("Cerrar")
    menu.popup(window.mapToGlobal(QPoint(10, 10)))
    qtbot.waitUntil(menu.isVisible)
    image = _grab(menu)
    edge = image.pixelColor(0, image.height() // 2)
    inside = image.pixelColor(image.width() - 6, image.height() // 2)
    assert _ratio(edge, theme.color("window")) >= 3, (name, edge.name())
    assert inside.name() == theme.hex_of("base")
    menu.close()


@pytest.mark.parametrize("name", THEMES)
def test_the_menu_item_chosen_with_the_keys_shows_its_words(qtbot, name: str) -> None:  # type: ignore[no-untyped-def]
    from practice.ui import theme

    theme.choose_theme(name)
    window = _form(qtbot, QPushButton("Menu"))
    menu = QMenu(window)
    first = menu.addAction("Nueva cita…")
    menu.addAction("Cerrar")
    menu.popup(window.mapToGlobal(QPoint(10, 10)))
    qtbot.waitUntil(menu.isVisible)
    # When the first item is chosen with the arrow key, as a keyboard user does
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: menu.activeAction() is first)
    # Then it is marked in the selection colour and its words stand out on it
    image = _grab(menu)
    row = menu.actionGeometry(first).adjusted(2, 2, -2, -2)
    ground = image.pixelColor(row.right() - 2, row.center().y())
    assert ground.name() == theme.hex_of("selection"), (name, ground.name())
    assert _inked(image, row, ground, 4.5) > 20, name
    menu.close()


@pytest.mark.parametrize("name", THEMES)
def test_the_file_dialogs_tool_buttons_show_their_icons(qtbot, name: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog, QToolButton

    from practice.ui import theme

    theme.choose_theme(name)
    dialog = QFileDialog(None, "Choose", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.resize(800, 500)
    dialog.show()
    qtbot.waitExposed(dialog)
    buttons = [
        dialog.findChild(QToolButton, n)
        for n in ("toParentButton", "newFolderButton", "listModeButton", "detailModeButton")
    ]
    for button in buttons:
        assert button is not None
        # the icon is drawn: its middle stands out from the button's own background
        image = _grab(button)
        ground = image.pixelColor(2, image.height() // 2)
        middle = QRect(
            image.width() // 4, image.height() // 4, image.width() // 2, image.height() // 2
        )
        assert _inked(image, middle, ground, 1.5) > 10, (name, button.objectName())


def _border_row(image: QImage, ground: QColor) -> list[bool]:
    """Along the top edge of a button (its middle half): which pixels are its frame."""
    width = image.width()
    return [
        _ratio(image.pixelColor(x, 0), ground) >= 1.5 for x in range(width // 4, 3 * width // 4)
    ]


@pytest.mark.parametrize("name", THEMES)
def test_a_disabled_button_looks_disabled(qtbot, name: str) -> None:  # type: ignore[no-untyped-def]
    """A dashed frame and muted words: told apart from an enabled one without colour."""
    from practice.ui import theme

    theme.choose_theme(name)
    enabled, disabled = QPushButton("Guardar"), QPushButton("Guardar")
    disabled.setEnabled(False)
    form = _form(qtbot, enabled, disabled)  # noqa: F841 (kept alive)
    window = theme.color("window")
    solid = _border_row(_grab(enabled), window)
    dashed = _border_row(_grab(disabled), window)
    assert all(solid) or name != "high-contrast"  # high contrast: a white frame
    assert any(dashed) and not all(dashed), name  # gaps: a dashed frame
    assert sum(a != b for a, b in zip(dashed, dashed[1:], strict=False)) >= 6
    # the words are muted but still read (3:1 for disabled controls)
    image = _grab(disabled)
    middle = QRect(8, 6, image.width() - 16, image.height() - 12)
    ground = image.pixelColor(6, image.height() // 2)
    assert _inked(image, middle, ground, 3.0) > 10
    assert _ratio(theme.color("disabled"), theme.color("text")) > 1.4


@pytest.mark.parametrize("name", THEMES)
def test_disabled_controls_and_frames_reach_3_to_1(name: str) -> None:
    from practice.ui import theme

    colours = theme.PALETTES[name]
    low = [
        f"{fg} on {bg}: {theme.contrast_ratio(colours[fg], colours[bg]):.2f}"
        for fg, bg in theme.UI_PAIRS
        if theme.contrast_ratio(colours[fg], colours[bg]) < 3
    ]
    assert not low, low


@pytest.mark.parametrize("name", THEMES)
def test_a_ticked_check_box_shows_a_tick(qtbot, name: str) -> None:  # type: ignore[no-untyped-def]
    """Ticked and not ticked differ by shape: a tick inside the filled square."""
    from practice.ui import theme

    theme.choose_theme(name)
    box = QCheckBox("Marcado")
    form = _form(qtbot, box)  # noqa: F841 (kept alive)
    option = QStyleOptionButton()
    box.initStyleOption(option)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=indicator.center())
    assert box.isChecked()
    inside = indicator.adjusted(3, 3, -3, -3)  # within the 2px frame
    image = _grab(box)
    colours = [
        image.pixelColor(x, y)
        for x in range(inside.left(), inside.right() + 1)
        for y in range(inside.top(), inside.bottom() + 1)
    ]
    fill = theme.color("accent")
    tick = [c for c in colours if _ratio(c, fill) >= 3]
    filled = [c for c in colours if c.name() == fill.name()]
    assert filled and len(tick) >= 6, (name, len(tick), len(filled))


@pytest.mark.parametrize("name", THEMES)
def test_every_key_swatch_under_the_strip_is_framed_and_marked(qtbot, db, name: str) -> None:  # type: ignore[no-untyped-def]
    """The key under the weekly strip: each swatch has a frame seen against the window
    (the black "no session" swatch on black too) and each kind keeps its own mark."""
    import re
    from datetime import date

    from practice.services.demo import seed_demo
    from practice.ui import theme
    from practice.ui.prep_page import PrepPage

    with db.session() as s:
        demo = seed_demo(s, today=date(2025, 3, 12))
    view = PrepPage(db, today=date(2025, 3, 12))
    qtbot.addWidget(view)
    view.resize(1000, 760)
    view.show()
    view.show_client(demo.conditional_id)
    theme.choose_theme(name)
    qtbot.waitUntil(lambda: f"/{name}-swatch" in view.legend.text())
    paths = re.findall(r'<img src="([^"]+)"', view.legend.text())
    assert len(paths) == 11  # 0–4 and the six kinds
    window = theme.color("window")
    swatches = [QImage(path) for path in paths]
    for path, image in zip(paths, swatches, strict=True):
        frame = [image.pixelColor(x, 0) for x in range(image.width())]
        frame += [image.pixelColor(0, y) for y in range(image.height())]
        assert all(_ratio(c, window) >= 3 for c in frame), (name, path)

    # the marks: the swatches of the kinds differ from one another in their inked shapes
    def shape(image: QImage) -> tuple[bool, ...]:
        fill = image.pixelColor(image.width() // 2, 2)
        return tuple(
            _ratio(image.pixelColor(x, y), fill) >= 3
            for x in range(1, image.width() - 1)
            for y in range(1, image.height() - 1)
        )

    kinds = [shape(image) for image in swatches[5:]]
    assert len(set(kinds)) == len(kinds), name
    assert sum(shape(swatches[5 + 4])) > sum(shape(swatches[5 + 3]))  # "C!" is more than "C"
    # and the label shows them: the frame colour is on screen under the strip
    shown = _grab(view.legend)
    border = theme.color("strip_border").name()
    count = sum(
        shown.pixelColor(x, y).name() == border
        for x in range(shown.width())
        for y in range(shown.height())
    )
    assert count > 11 * 20
