"""Every message a service gives the GUI is marked for translation (docs: issue 13).

The layers below the GUI never import Qt: they mark what the therapist reads with
``practice.text.QT_TRANSLATE_NOOP`` and the GUI translates it. A message written as a
plain literal or an f-string cannot be translated, so a new one fails here: the walk
reads the source of ``domain``, ``services`` and ``db`` and finds every
``raise SomeError("...")`` / ``raise SomeError(f"...")`` and every
``ValidationError({"field": "..."})`` or ``errors["field"] = "..."`` whose words are not marked.
Python's own exceptions (``ValueError``, ``RuntimeError``...) are programming errors, not
messages for the therapist, and are not checked.
"""

from __future__ import annotations

import ast
import builtins
from pathlib import Path

import pytest

from practice.text import QT_TRANSLATE_NOOP, Marked, Text

SOURCES = Path(__file__).parents[2] / "src" / "practice"
LAYERS = ("domain", "services", "db")
FILES = sorted(f for layer in LAYERS for f in (SOURCES / layer).rglob("*.py"))


def _unmarked(node: ast.expr) -> bool:
    """Words written in place (a literal, an f-string, or a sum holding one)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and any(c.isalpha() for c in node.value)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _unmarked(node.left) or _unmarked(node.right)
    if isinstance(node, ast.IfExp):
        return _unmarked(node.body) or _unmarked(node.orelse)
    return False


def _error_name(call: ast.Call) -> str:
    func = call.func
    return (
        func.id
        if isinstance(func, ast.Name)
        else func.attr
        if isinstance(func, ast.Attribute)
        else ""
    )


def _messages(tree: ast.AST) -> list[tuple[int, str, ast.expr]]:
    """(line, what, message) for every message an error or a validation carries."""
    found: list[tuple[int, str, ast.expr]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            name = _error_name(node.exc)
            if not name.endswith("Error") or hasattr(builtins, name):
                continue
            for arg in node.exc.args[:1]:
                items = arg.values if isinstance(arg, ast.Dict) else [arg]
                found += [(node.lineno, name, item) for item in items]
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if (
                isinstance(target, ast.Subscript)
                and isinstance(target.value, ast.Name)
                and target.value.id.endswith("errors")
            ):
                found.append((node.lineno, "errors[...]", node.value))
    return found


def unmarked_messages(source: str) -> list[str]:
    """Where ``source`` gives the therapist words that cannot be translated."""
    return [
        f"line {line}: {what}({ast.unparse(message)[:70]})"
        for line, what, message in _messages(ast.parse(source))
        if _unmarked(message)
    ]


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(SOURCES)))
def test_every_service_message_is_marked_for_translation(path: Path) -> None:
    assert unmarked_messages(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "source",
    [
        'raise NotFoundError(f"There is no client with id {client_id}.")',
        'raise ServiceError("This database already holds a practice.")',
        'raise ValidationError({"reason": "A reason is required."})',
        'raise ValidationError({"reason": f"Reason {problem}."})',
        'raise BackupError("The backup failed: " + "; ".join(problems))',
        'errors["phone"] = "Phone may hold digits only."',
    ],
)
def test_the_walk_finds_a_new_unmarked_message(source: str) -> None:
    # Given a message a helper might add without marking it, the walk refuses it
    assert len(unmarked_messages(source)) == 1


def test_the_walk_lets_marked_messages_and_programming_errors_pass() -> None:
    source = (
        'raise NotFoundError(QT_TRANSLATE_NOOP("clients", "There is no client with id '
        '{client_id}.").format(client_id=client_id))\n'
        'raise ValidationError({"reason": QT_TRANSLATE_NOOP("appointments", "Reason '
        '{problem}.").format(problem=problem)})\n'
        "raise ValidationError(errors)\n"
        'raise ValueError(f"unknown backup kind {kind!r}")\n'
    )
    assert unmarked_messages(source) == []


def test_a_marked_message_reads_as_before_and_remembers_what_to_translate() -> None:
    from practice.domain.vocabulary import AppointmentStatus

    message = QT_TRANSLATE_NOOP("appointments", "This appointment is already {label}.").format(
        label=AppointmentStatus.NO_SHOW.in_sentence
    )
    assert message == "This appointment is already no-show."
    assert isinstance(message, Text)
    assert isinstance(message.values["label"], Marked)
    assert message.values["label"].context == "vocabulary"
