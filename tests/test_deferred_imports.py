"""An import inside a function in the ui or the cli says why it is there.

Such an import either keeps start-up fast or breaks an import cycle; its comment says
which (``# deferred: start-up speed (...)`` or ``# deferred: import cycle (...)``), on
its own line or the line above. Imports that follow one another share one comment.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "practice"
REASON = re.compile(r"# deferred: (start-up speed|import cycle|without QtGui) \(.+\)")
Import = ast.Import | ast.ImportFrom


def _deferred_runs(tree: ast.Module) -> Iterator[list[Import]]:
    """Runs of adjacent imports in the bodies of functions."""
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        blocks = (
            block
            for node in ast.walk(function)
            for block in (getattr(node, f, None) for f in ("body", "orelse", "finalbody"))
            if isinstance(block, list)
        )
        for block in blocks:
            run: list[Import] = []
            for statement in block:
                if isinstance(statement, Import) and (
                    not run or run[-1].end_lineno == statement.lineno - 1
                ):
                    run.append(statement)
                    continue
                if run:
                    yield run
                run = [statement] if isinstance(statement, Import) else []
            if run:
                yield run


def unexplained(source: str) -> list[int]:
    """Line numbers of deferred imports in ``source`` without a reason."""
    lines = source.splitlines()
    missing = []
    for run in _deferred_runs(ast.parse(source)):
        first = run[0].lineno
        said = [lines[first - 2], *(lines[n.lineno - 1] for n in run)]
        if not any(REASON.search(line) for line in said):
            missing.append(first)
    return sorted(set(missing))


def test_every_deferred_import_in_the_ui_and_the_cli_says_why() -> None:
    # Given every module of the ui and the cli
    found = []
    for package in ("ui", "cli"):
        for path in sorted((SRC / package).rglob("*.py")):
            # When its imports inside functions are read
            for line in unexplained(path.read_text(encoding="utf-8")):
                found.append(f"{path.relative_to(SRC)}:{line}")
    # Then each carries its reason
    assert found == []


def test_an_import_without_a_reason_is_found() -> None:
    # Given a function importing twice with no reason, and one with a reason above a run
    source = (
        "def open_it():\n"
        "    x = 1\n"
        "    from practice.ui import big  # deferred: later\n"
        "\n"
        "def print_it():\n"
        "    # deferred: start-up speed (ReportLab)\n"
        "    from practice.sheets import a\n"
        "    from practice.sheets import b\n"
        "    if a:\n"
        "        import json\n"
    )
    # When it is checked, then the unexplained imports are named by line
    assert unexplained(source) == [3, 10]
