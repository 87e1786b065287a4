"""The GUI speaks Spanish too: every word goes through Qt's translation, and has one.

``tools/translations.py check`` runs Qt's ``lupdate`` over the code and compares
with the shipped ``resources/translations/practice_es.ts`` and its ``.qm``; the
source walk below finds words written straight into a widget, which ``lupdate``
cannot see. A string meant to stay as it is (a file name, a format) says so with
``# not translated: <why>`` on its line.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from tests.ui._translations import translation_tools

from practice.text import QT_TRANSLATE_NOOP
from practice.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "src" / "practice" / "ui"
TRANSLATING = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}
NOT_WORDS = {"debug", "info", "error", "exception", "log_unexpected"}  # the log, in English
LOGS = {"log", "logger", "logging", "logs"}
QT_KEYS = {"setObjectName", "setProperty", "property", "value", "setValue", "setStyleSheet"}
# Calls whose text argument is on screen: even one word there ("Save") must be translated.
SHOWN = {
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QToolButton",
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip",
    "setAccessibleName", "setAccessibleDescription", "addAction", "addMenu", "addTab",
    "setTabText", "setTitle", "setHeaderLabels", "addItem", "addItems", "setSuffix", "setPrefix",
    "setSpecialValueText", "showMessage", "addRow", "addButton", "setInformativeText",
    "information", "warning", "critical", "question", "setWhatsThis",
}  # fmt: skip
_WORDS = re.compile(r"[A-Za-zÀ-ÿ]{2,}[ ,;:]+[A-Za-zÀ-ÿ]{2,}")
_DATE_FORMAT = set("dMyHhmsAapzt")


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _is_log(node: ast.Call) -> bool:
    func = node.func
    return isinstance(func, ast.Attribute) and getattr(func.value, "id", "") in LOGS


def untranslated_words(path: Path, root: Path = ROOT) -> list[str]:
    """Sentences in ``path`` that reach the screen without a translation call."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and (
            _call_name(node) in TRANSLATING | NOT_WORDS | QT_KEYS or _is_log(node)
        ):
            skipped |= {id(n) for n in ast.walk(node)}
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skipped.add(id(node.value))  # a docstring
        elif isinstance(node, ast.Raise | ast.Assert):
            skipped |= {id(n) for n in ast.walk(node)}  # for the developer, or a bug
    shown: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _call_name(node) in SHOWN and id(node) not in skipped:
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                shown |= {id(n) for n in ast.walk(arg) if not isinstance(n, ast.Call)}
    found: list[str] = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.JoinedStr):
            text = "".join(
                v.value
                for v in node.values
                if isinstance(v, ast.Constant) and isinstance(v.value, str)
            )
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        else:
            continue
        words = re.sub(r"<[^>]*>|\{[^}]*\}", " ", text)
        letters = set(re.findall(r"[A-Za-z]", words))
        if id(node) in shown and letters and not letters <= _DATE_FORMAT:
            pass  # one word on screen is enough
        elif not _WORDS.search(words) or letters <= _DATE_FORMAT:
            continue
        if "not translated:" in lines[node.lineno - 1]:
            continue
        if isinstance(node, ast.JoinedStr):
            skipped |= {id(n) for n in ast.walk(node)}
        found.append(f"{path.relative_to(root)}:{node.lineno}: {text[:60]!r}")
    return sorted(found, key=lambda line: int(line.split(":")[1]))


def test_every_gui_word_goes_through_a_translation_call() -> None:
    found = [line for path in sorted(UI.rglob("*.py")) for line in untranslated_words(path)]
    assert not found, f"{len(found)} GUI words without translation:\n" + "\n".join(found)


def test_the_source_walk_finds_a_word_written_straight_into_a_widget(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'label = QLabel("Next session")\n'
        'name = f"Client {n} saved"\n'
        'ok = self.tr("Next session")\n'
        'key = QSettings().value("main_window/geometry")\n'
        'fmt = "yyyy-MM-dd"\n'
        'log.warning("opened the practice")\n'
        'kept = "Kept as it is"  # not translated: a sample\n'
        'button = QPushButton("Save")\n'
        'other = QPushButton(self.tr("Save"))\n',
        encoding="utf-8",
    )
    found = untranslated_words(sample, tmp_path)
    assert [line.split(":")[1] for line in found] == ["1", "2", "8"]


def test_every_gui_word_has_a_finished_spanish_translation() -> None:
    problems = translation_tools().check()  # type: ignore[attr-defined]
    assert not problems, "\n".join(problems)


def test_the_spanish_gui_translates_qt_own_buttons_and_marked_words(qtbot: object) -> None:
    try:
        assert i18n.install("es") == "es"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert [b.text() for b in box.buttons()] == ["&Cancelar"] or [
            b.text().replace("&", "") for b in box.buttons()
        ] == ["Cancelar"]
        marked = QT_TRANSLATE_NOOP("CrashDialog", "The details are in the log file {path}.")
        assert i18n.translated(marked.format(path="/tmp/x.log")) == (
            "Los detalles están en el archivo de registro /tmp/x.log."
        )
        label = QLabel(i18n.translated(QT_TRANSLATE_NOOP("CrashDialog", "Copy details")))
        assert label.text() == "Copiar detalles"
    finally:
        i18n.install("en")
    assert i18n.translated(QT_TRANSLATE_NOOP("CrashDialog", "Copy details")) == "Copy details"


@pytest.mark.parametrize(
    ("ui_languages", "expected"), [(["es-MX"], "es"), (["fr-FR", "en-GB"], "en")]
)
def test_the_language_follows_the_system_unless_preferences_say_otherwise(
    ui_languages: list[str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(i18n, "system_language", lambda: i18n._first_known(ui_languages))
    assert i18n.resolved_language("system") == expected
    assert i18n.resolved_language("en") == "en"
    assert i18n.resolved_language("es") == "es"


def _literal(node: ast.expr) -> str | None:
    """A string literal (implicitly joined lines included), else None."""
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def test_lupdate_keeps_every_word_the_code_translates() -> None:
    """Qt's Python ``lupdate`` silently skips a ``translate(ctx, text, None, len(x))`` and
    records ``translate(ctx, "%n …", None, n)`` with one form only: both would stay
    English. A count needs a literal-number mark in a never-called ``_plural_marks()``."""
    tools = translation_tools()
    shipped = {(m.source, m.numerus) for m in tools.read(tools.TS)}  # type: ignore[attr-defined]
    sources = {source for source, _ in shipped}
    missing: list[str] = []
    for path in sorted((ROOT / "src" / "practice").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or _call_name(node) not in TRANSLATING:
                continue
            at = 0 if _call_name(node) in ("tr", "QT_TR_NOOP") else 1
            text = _literal(node.args[at]) if len(node.args) > at else None
            where = f"{path.relative_to(ROOT)}:{node.lineno}: {text!r}"
            if text is None:
                continue
            if text not in sources:
                missing.append(f"not in the translation: {where}")
            elif "%n" in text and (text, True) not in shipped:
                missing.append(f"a count with one form only: {where}")
    assert not missing, "\n".join(missing)
