"""The one answer row of the PHQ-9 and GAD-7 questions (``ui.answer_row``), as the
session panel's Measures step and the paper-form entry dialog show it: in Spanish on a
1024×600 screen its "Borrar" button and its answers show whole, beside the question."""

from __future__ import annotations

from pathlib import Path

import pytest
from _homework_data import last_week_homework
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from practice.domain.measures import MeasureKind
from practice.domain.vocabulary import Language
from practice.services import clients, measure_forms
from practice.services.clients import ClientInput
from practice.ui import theme
from practice.ui.answer_row import AnswerRow
from practice.ui.measure_entry_dialog import MeasureEntryDialog

LEFT = Qt.MouseButton.LeftButton
SHOTS = Path("/work/shots/dedup16")
SIZES = ((1366, 768), (1024, 600))


def whole(button: QAbstractButton) -> bool:
    """The button is as wide as it asks to be and its word fits inside it."""
    advance = QFontMetrics(button.font()).horizontalAdvance(button.text())
    return button.sizeHint().width() <= button.width() and advance < button.rect().width()


def beside_something(row: AnswerRow) -> bool:
    """The row's "Clear" shares a line with its question or answers (not a line alone)."""
    clear = row.clear_button
    middle = clear.mapTo(row, clear.rect().center()).y()
    others = [w for w in row.findChildren(QWidget) if w is not clear and w.isVisible()]
    others = [w for w in others if not w.findChildren(QAbstractButton)]  # no containers
    return any(
        w.mapTo(row, w.rect().topLeft()).y() <= middle <= w.mapTo(row, w.rect().bottomLeft()).y()
        for w in others
    )


def check_rows(rows: list[AnswerRow]) -> None:
    for row in rows:
        assert whole(row.clear_button), row.clear_button.text()
        assert beside_something(row), f"{row.clear_button.text()} on a line of its own"
        for button in row.buttons:
            assert whole(button), button.text()


@pytest.mark.parametrize("language", ["es", "en"])
def test_borrar_and_the_answers_show_whole_in_spanish_on_a_small_screen(
    qtbot, db, templates, request, language
):
    from practice.ui.main_window import MainWindow

    if language == "es":
        request.getfixturevalue("spanish")
    theme.apply("light")  # the app's buttons, with their padding and border
    main_window = MainWindow(db, templates)
    qtbot.addWidget(main_window)
    main_window.show()
    data = last_week_homework(db)
    panel = main_window.open_session(data.today)
    qtbot.waitExposed(panel)
    labels = [panel.step_list.item(i).text() for i in range(panel.step_list.count())]
    row = next(i for i, text in enumerate(labels) if text.startswith("5"))
    rect = panel.step_list.visualItemRect(panel.step_list.item(row))
    qtbot.mouseClick(panel.step_list.viewport(), LEFT, pos=rect.center())
    step = panel.measures_step
    assert panel.stack.currentWidget() is step
    first = step.phq9.rows[0]
    clear, sometimes, untaken = {
        "es": ("Borrar", "2  Más de la mitad de los días", "No se tomó en esta sesión."),
        "en": ("Clear", "2  More than half the days", "Not taken in this session."),
    }[language]
    assert first.clear_button.text() == clear
    assert first.buttons[2].text() == sometimes
    for w, h in SIZES:
        panel.resize(w, h)
        qtbot.wait(30)
        panel.grab().save(str(SHOTS / f"session-measures-{language}-{w}x{h}.png"))
        check_rows([*step.phq9.rows, step.phq9.difficulty, *step.gad7.rows])
    # Borrar still clears: an answer, then unanswered again (never 0)
    qtbot.mouseClick(first.buttons[0], LEFT)
    assert first.value == 0
    qtbot.mouseClick(first.clear_button, LEFT)
    assert first.value is None
    assert step.phq9.score_label.text() == untaken


def paper_phq9(db, language: Language) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        client = clients.create(
            s, ClientInput(first_name="Nora", last_name="Ejemplo", language=language)
        ).id
        form, _ = measure_forms.print_form(s, client, MeasureKind.PHQ9)
    return client, form.code


def open_paper_dialog(qtbot, db, language: Language) -> MeasureEntryDialog:  # type: ignore[no-untyped-def]
    client, code = paper_phq9(db, language)
    dialog = MeasureEntryDialog(db, client_id=client)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.code, code)
    qtbot.mouseClick(dialog.find_button, LEFT)
    assert len(dialog.answer_rows) == 9
    return dialog


def test_the_paper_form_rows_show_whole_in_spanish_on_a_small_screen(qtbot, db, spanish):
    theme.apply("light")
    dialog = open_paper_dialog(qtbot, db, Language.ES)
    assert dialog.answer_rows[0].buttons[3].text() == "3  Casi todos los días"
    for w, h in SIZES:
        dialog.resize(min(w - 40, 760), h - 60)
        qtbot.wait(30)
        dialog.grab().save(str(SHOTS / f"paper-phq9-es-{w}x{h}.png"))
        assert dialog.difficulty is not None
        check_rows([*dialog.answer_rows, dialog.difficulty])


def test_the_paper_form_answers_by_keyboard_and_clear_takes_back_the_risk(qtbot, db):
    dialog = open_paper_dialog(qtbot, db, Language.EN)
    dialog.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    ninth = dialog.answer_rows[8]
    assert ninth.value is None  # nothing ticked: not answered, not 0
    ninth.buttons[0].setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert ninth.value == 0 and dialog.risk_label.isHidden()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    assert ninth.value == 1 and ninth.buttons[1].hasFocus()
    assert dialog.risk_label.isVisible()
    assert "Question 9 was answered 1" in dialog.risk_label.text()
    for w, h in SIZES:
        dialog.resize(min(w - 40, 760), h - 60)
        qtbot.wait(30)
        dialog.grab().save(str(SHOTS / f"paper-phq9-en-{w}x{h}.png"))
    qtbot.mouseClick(ninth.clear_button, LEFT)
    assert ninth.value is None
    assert dialog.risk_label.isHidden()  # cleared: no alert is said any more
