"""The theme: colours only in ui/theme.py, WCAG AA text in every theme, live switching and
following the system's light or dark scheme (docs/architecture.md, ui)."""

from __future__ import annotations

import io
import re
import tokenize
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget

UI = Path(__file__).resolve().parents[2] / "src" / "practice" / "ui"

CSS_NAMES = (
    "white|black|red|green|blue|yellow|orange|purple|gray|grey|silver|maroon|navy|teal|olive"
    "|lime|aqua|fuchsia|pink|brown|gold|darkred|darkgreen|darkblue|lightgray|lightgrey"
    "|darkgray|darkgrey|transparent"
)
IN_STRINGS = (
    re.compile(r"(?<![\w&])#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b"),  # #b3261e
    re.compile(r"\b(?:rgba?|hsla?)\s*\("),  # rgb(179, 38, 30)
    # a colour property in a stylesheet or inline HTML: only a {theme value} may follow
    re.compile(r"(?<![\w-])(?:color|background(?:-color)?)\s*:\s*(?!\{)", re.IGNORECASE),
    re.compile(rf"(?<![\w-])border[\w-]*\s*:[^;'\"{{]*\b(?:{CSS_NAMES})\b", re.IGNORECASE),
)
IN_CODE = (
    re.compile(r"\bQColor\s*\(\s*(?:['\"\d]|Qt\s*\.)"),  # QColor("#fff"), QColor(255, 0, 0)
    re.compile(r"\bQt\s*\.\s*GlobalColor\b"),
    re.compile(rf"\bQt\s*\.\s*(?:{CSS_NAMES}|darkGray|lightGray|darkRed|darkGreen|darkBlue)\b"),
)


def colours_outside_theme() -> list[str]:
    """Every colour written in src/practice/ui outside theme.py, as "file:line: text"."""
    found = []
    for path in sorted(UI.rglob("*.py")):
        if path.name == "theme.py":
            continue
        source = path.read_text(encoding="utf-8")
        where = path.relative_to(UI)
        code: dict[int, str] = {}  # each line's code, a string shown as "S"
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT:
                continue
            line = token.start[0]
            if token.type == tokenize.STRING:
                found += [
                    f"{where}:{line}: {token.string.strip()[:70]}"
                    for pattern in IN_STRINGS
                    if pattern.search(token.string)
                ]
                code[line] = code.get(line, "") + ' "S"'
            else:
                code[line] = code.get(line, "") + " " + token.string
        found += [
            f"{where}:{line}: {text.strip()[:70]}"
            for line, text in code.items()
            for pattern in IN_CODE
            if pattern.search(text.replace("( ", "("))
        ]
    return sorted(set(found))


def test_no_colour_is_written_outside_the_theme() -> None:
    found = colours_outside_theme()
    assert not found, f"{len(found)} colours outside ui/theme.py:\n" + "\n".join(found)


def test_the_walk_finds_each_kind_of_colour(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The walk is not blind: each way of writing a colour is caught."""
    (tmp_path / "theme.py").write_text('RED = "#b3261e"\n')
    (tmp_path / "bad.py").write_text(
        'A = "color: #b3261e;"\n'
        "B = QColor(179, 38, 30)\n"
        'C = "QLabel { background: rgb(1, 2, 3); }"\n'
        "D = Qt.GlobalColor.red\n"
        "E = Qt.white\n"
        'F = "QFrame { border: 1px solid gray; }"\n'
        "G = \"<span style='color:red'>x</span>\"\n"
        'H = QColor("white")\n'
        'OK = f"<span style=\'color:{hex_of(\\"muted\\")}\'>x</span>"  # color: #fff\n'
    )
    monkeypatch.setattr(f"{__name__}.UI", tmp_path)
    lines = {int(f.split(":")[1]) for f in colours_outside_theme() if f.count(":") >= 2}
    assert lines >= {1, 2, 3, 4, 5, 6, 7, 8} and 9 not in lines


@pytest.mark.parametrize("name", ["light", "dark", "high-contrast"])
def test_every_text_colour_reaches_wcag_aa(name: str) -> None:
    from practice.ui import theme

    colours = theme.PALETTES[name]
    low = [
        f"{fg} on {bg}: {theme.contrast_ratio(colours[fg], colours[bg]):.2f}"
        for fg, bg in theme.TEXT_PAIRS
        if theme.contrast_ratio(colours[fg], colours[bg]) < 4.5
    ]
    assert not low, low
    # the colours of items recoloured live are told apart by their colour alone
    item_colours = [colours[role] for role in theme.ITEM_ROLES]
    assert len(set(item_colours)) == len(item_colours)
    # the pairs the stylesheet's own rules put text on
    assert ("warning_ink", "warning_bg") in theme.TEXT_PAIRS
    assert ("strip_ink_4", "strip_fill_4") in theme.TEXT_PAIRS


def test_contrast_ratio_is_wcags() -> None:
    from practice.ui.theme import contrast_ratio

    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1)


@pytest.fixture
def restore_theme(qapp: QApplication) -> Iterator[None]:
    """The system's scheme back to unknown after the test (the theme is reset by the
    conftest for every test)."""
    yield
    qapp.styleHints().setColorScheme(Qt.ColorScheme.Unknown)


def _grab(widget: QWidget) -> QImage:
    QApplication.processEvents()
    return widget.grab().toImage()


def _colours(image: QImage) -> Counter[str]:
    return Counter(
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    )


def _background(window: QWidget) -> str:
    """The window's own background, just inside the bottom-left corner of the rail."""
    image = _grab(window)
    return image.pixelColor(2, image.height() - 30).name()


def _system_says(qapp: QApplication, scheme: Qt.ColorScheme) -> None:
    """The system switches light/dark (offscreen Qt ignores the request, so the signal the
    platform would send is sent as it would be)."""
    hints = qapp.styleHints()
    hints.setColorScheme(scheme)
    if hints.colorScheme() != scheme:
        hints.colorSchemeChanged.emit(scheme)
    QApplication.processEvents()


def test_choosing_dark_repaints_the_open_window_and_system_follows(
    qtbot, main_window, qapp, restore_theme
) -> None:  # type: ignore[no-untyped-def]
    from practice.ui import theme

    label = main_window.today.title
    assert label.isVisible() and label.text()
    light = theme.PALETTES["light"]
    dark = theme.PALETTES["dark"]
    theme.choose_theme("light")
    assert _background(main_window) == light["window"]
    assert _colours(_grab(label))[light["text"]] > 10  # the title's ink
    # When dark is chosen, the same open window is drawn dark, its title in light ink
    theme.choose_theme("dark")
    assert _background(main_window) == dark["window"]
    ink = _colours(_grab(label))
    assert ink[dark["text"]] > 10 and ink[light["text"]] == 0
    assert _grab(label).pixelColor(1, 1).name() == dark["window"]
    # and the rows already listed take the dark colours too (the day's heading row)
    heading = main_window.today.tree.topLevelItem(0)
    assert heading.background(0).color().name() == dark["group_bg"]
    # High contrast: black and white
    theme.choose_theme("high-contrast")
    assert _background(main_window) == "#000000"
    assert _colours(_grab(label))["#ffffff"] > 10
    # "System" follows the system's scheme, and its changes while the window is open
    theme.choose_theme("system")
    _system_says(qapp, Qt.ColorScheme.Dark)
    assert theme.current() == "dark" and _background(main_window) == dark["window"]
    _system_says(qapp, Qt.ColorScheme.Light)
    assert theme.current() == "light" and _background(main_window) == light["window"]
    # A theme chosen by hand stays whatever the system says
    theme.choose_theme("dark")
    _system_says(qapp, Qt.ColorScheme.Light)
    assert theme.current() == "dark" and _background(main_window) == dark["window"]
    assert theme.chosen_theme() == "dark"


def test_a_role_changed_on_a_shown_label_restyles_it(qtbot, qapp, restore_theme) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from practice.ui import theme

    theme.apply("light")
    label = QLabel("Saved.")
    qtbot.addWidget(label)
    label.show()
    theme.set_role(label, "success")
    assert _colours(_grab(label))[theme.hex_of("success")] > 3
    theme.set_role(label, "danger")
    shown = _colours(_grab(label))
    assert shown[theme.hex_of("danger")] > 3 and shown[theme.hex_of("success")] == 0
    assert QColor(theme.hex_of("danger")) == theme.color("danger")


@pytest.mark.parametrize("name", ["dark", "high-contrast"])
def test_the_strip_and_chart_repaint_in_the_theme_and_keep_their_marks(
    qtbot, db, qapp, restore_theme, name
) -> None:  # type: ignore[no-untyped-def]
    """The painted prep view reads the theme when it paints, and never says things by
    colour alone: every week kind has its own mark, the client's line stays dashed."""
    from datetime import date

    from practice.domain.adherence import CELL_MARKS, CellKind
    from practice.services.demo import seed_demo
    from practice.ui import theme
    from practice.ui.adherence_strip import COMPLETION_FILL, KIND_FILL
    from practice.ui.prep_page import PrepPage

    with db.session() as s:
        demo = seed_demo(s, today=date(2025, 3, 12))
    view = PrepPage(db, today=date(2025, 3, 12))
    qtbot.addWidget(view)
    view.resize(1000, 760)
    view.show()
    view.show_client(demo.conditional_id)
    view.weeks_combo.setCurrentIndex(view.weeks_combo.findText("All weeks"))
    theme.choose_theme(name)
    colours = theme.PALETTES[name]
    image = _grab(view.strip)
    kinds = set()
    for i, cell in enumerate(view.strip.cells):
        rect = view.strip.cell_rect(i)
        painted = image.pixelColor(int(rect.left()) + 5, int(rect.top()) + 5).name()
        review = cell.kind is CellKind.REVIEW and cell.completion is not None
        role = COMPLETION_FILL[cell.completion or 0] if review else KIND_FILL[cell.kind]
        assert painted == colours[role] != theme.PALETTES["light"][role], (i, cell.kind)
        kinds.add(cell.kind)
    assert len(kinds) >= 3
    # the marks tell the kinds apart without colour (no session: an empty cell)
    marks = [mark for kind, mark in CELL_MARKS.items() if kind is not CellKind.NO_SESSION]
    assert len(set(marks)) == len(marks) and all(marks)
    # the chart: the theme's colours, the client's own rating still dashed
    chart = view.chart
    assert chart is not None
    assert chart.chart().backgroundBrush().color().name() == colours["base"]
    assert chart.completion.pen().color().name() == colours["chart_therapist"]
    assert chart.client.pen().color().name() == colours["chart_client"]
    assert chart.client.pen().style() == Qt.PenStyle.DashLine
    assert chart.completion.pen().style() == Qt.PenStyle.SolidLine
    # the key under the strip is written in the theme's colours too
    swatches = re.findall(r'<img src="([^"]+)"', view.legend.text())
    fills = {QImage(path).pixelColor(3, 3).name() for path in swatches}
    assert colours["strip_fill_4"] in fills
