"""Buttons and actions send ``checked`` (a bool) to their slot: a slot whose first
parameter has a default would get ``False`` for it (``save_pdf(target=False)``).
Checked on the source of ``ui/``: such slots are connected through a method without
parameters (or a lambda) instead."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "practice" / "ui"
BOOL_SIGNALS = {"clicked", "triggered", "toggled"}


def defaulted_slots(source: str) -> list[str]:
    """``signal -> method`` for each ``x.<bool signal>.connect(self.method)`` in a class
    whose method's first parameter after ``self`` has a default."""
    bad = []
    for cls in (n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.ClassDef)):
        methods = {f.name: f for f in cls.body if isinstance(f, ast.FunctionDef)}
        for node in ast.walk(cls):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "connect"
                and isinstance(node.func.value, ast.Attribute)
                and node.func.value.attr in BOOL_SIGNALS
                and node.args
            ):
                continue
            slot = node.args[0]
            if not (
                isinstance(slot, ast.Attribute)
                and isinstance(slot.value, ast.Name)
                and slot.value.id == "self"
                and slot.attr in methods
            ):
                continue
            method = methods[slot.attr]
            params = method.args.args[1:]
            if params and len(params) <= len(method.args.defaults):
                bad.append(f"{cls.name}: {node.func.value.attr} -> {slot.attr}")
    return bad


def test_no_button_sends_its_checked_flag_to_a_defaulted_parameter() -> None:
    # Given every module of the ui, When we read its connections, Then none is such a slot
    found = {
        path.relative_to(SRC).as_posix(): defaulted_slots(path.read_text(encoding="utf-8"))
        for path in sorted(SRC.rglob("*.py"))
    }
    assert {name: bad for name, bad in found.items() if bad} == {}


def test_the_check_finds_the_mistake() -> None:
    # Given the mistake the recovery key dialog had, and the fix
    wrong = (
        "class D:\n"
        "    def __init__(self):\n"
        "        self.button.clicked.connect(self.save_pdf)\n"
        "    def save_pdf(self, target=None): ...\n"
    )
    right = wrong.replace("connect(self.save_pdf)", "connect(self.chosen)") + (
        "    def chosen(self): self.save_pdf()\n"
    )

    assert defaulted_slots(wrong) == ["D: clicked -> save_pdf"]
    assert defaulted_slots(right) == []
