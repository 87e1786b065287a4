"""Names that mean one thing (docs/architecture.md, Names).

"session" is the therapy session; the database session is ``db``. A ``*View`` is a
frozen value handed to the ui; a widget that fills a page is a ``*Page``.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "practice"


def _trees() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8"))) for path in SRC.rglob("*.py")]


def test_the_database_session_is_never_called_session() -> None:
    found = []
    for path, tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.arg) and node.arg == "session":
                found.append(f"{path.relative_to(SRC)}:{node.lineno} parameter")
            elif isinstance(node, ast.Name) and node.id == "session":
                found.append(f"{path.relative_to(SRC)}:{node.lineno} name")
    assert found == []


def test_widgets_are_pages_and_views_are_values() -> None:
    widget_views = []
    for path, tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name.endswith("View"):
                bases = {b.id if isinstance(b, ast.Name) else ast.unparse(b) for b in node.bases}
                if any(base.startswith("Q") or base == "ReloadWhenShown" for base in bases):
                    widget_views.append(f"{path.relative_to(SRC)}: {node.name}")
    assert widget_views == []


def test_one_class_per_draft_name() -> None:
    names: dict[str, list[str]] = {}
    for path, tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                names.setdefault(node.name, []).append(str(path.relative_to(SRC)))
    twice = {name: where for name, where in names.items() if len(where) > 1}
    assert twice == {}
