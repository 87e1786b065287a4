"""The layers' rules of docs/architecture.md, Import arrows, checked on the source:
which packages each layer may import, and no presentation in ``domain/``."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "practice"
QT, ORM = ("PySide6", "shiboken6"), ("sqlalchemy", "alembic")
UPPER = ("practice.cli", "practice.app")
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "domain": (
        *QT, *ORM, "reportlab", "practice.db", "practice.services", "practice.sheets",
        "practice.ui", *UPPER,
    ),
    "db": (*QT, "reportlab", "practice.services", "practice.sheets", "practice.ui", *UPPER),
    "services": (*QT, "practice.ui", *UPPER),
    "sheets": (*QT, *ORM, "practice.db", "practice.services", "practice.ui", *UPPER),
}  # fmt: skip
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b")
DATE_FORMAT = re.compile(r"%[aAbB]|\{[^}]*:[^}]*%[aAbB]")
MONTHS = {
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
}  # fmt: skip


def imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def layer_violations(layer: str, root: Path = SRC) -> list[tuple[str, str]]:
    bad = []
    for path in sorted((root / layer).rglob("*.py")):
        for module in sorted(imports(path)):
            if any(module == f or module.startswith(f + ".") for f in FORBIDDEN[layer]):
                bad.append((path.relative_to(root).as_posix(), module))
    return bad


def presentation_in(root: Path = SRC) -> list[tuple[str, str]]:
    """String constants in ``domain/`` that are colours, month names or date formats."""
    bad = []
    for path in sorted((root / "domain").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
                words = set(re.findall(r"[A-Za-z]+", text))
                if HEX_COLOUR.search(text) or DATE_FORMAT.search(text) or words & MONTHS:
                    bad.append((path.relative_to(root).as_posix(), text[:40]))
    return bad


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_each_layer_imports_only_what_the_arrows_allow(layer: str) -> None:
    # Given every module of the layer, When we read its imports
    # Then none points up the arrows, and only the ui reaches Qt
    assert layer_violations(layer) == []


def test_domain_holds_no_presentation() -> None:
    # Given the domain's string constants, Then none is a colour, a month or a date format
    assert presentation_in() == []


def test_the_checks_can_fail(tmp_path: Path) -> None:
    # Given a domain module that imports Qt and holds a colour and a month name
    (tmp_path / "domain").mkdir()
    (tmp_path / "domain" / "bad.py").write_text(
        'from PySide6.QtGui import QColor\nFILL = "#ffffcc"\nMONTHS = ("Jan", "Feb")\n'
        'WHEN = f"{DAY:%d %b %Y}"\n',
        encoding="utf-8",
    )
    # When the checks read it, Then they find each problem
    assert layer_violations("domain", tmp_path) == [
        ("domain/bad.py", "PySide6.QtGui"),
        ("domain/bad.py", "PySide6.QtGui.QColor"),
    ]
    assert [text for _, text in presentation_in(tmp_path)] == ["#ffffcc", "Jan", "Feb", "%d %b %Y"]
