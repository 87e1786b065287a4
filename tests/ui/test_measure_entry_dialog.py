""" "Enter a returned form…": a paper PHQ-9, GAD-7 or goals form recorded by its code."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import select

from practice.db.models import Measure, RiskAlert
from practice.domain.measures import MeasureKind, MeasureSource
from practice.domain.vocabulary import Language
from practice.services import clients, measure_forms, measures
from practice.services.clients import ClientInput
from practice.services.measures import GoalInput
from practice.ui.homework_tab import HomeworkTab
from practice.ui.measure_entry_dialog import MeasureEntryDialog

LEFT = Qt.MouseButton.LeftButton
SHOTS = Path("/work/shots/msheets16")


def printed(db, kind: MeasureKind, **kw: object) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        client = clients.create(s, ClientInput(first_name="Nora", last_name="Ejemplo", **kw)).id  # type: ignore[arg-type]
        measures.set_goals(
            s, client, [GoalInput("Go to the shop on my own"), GoalInput("Worry at night", False)]
        )
        form, _ = measure_forms.print_form(s, client, kind)
    return client, form.code


def shoot(dialog: QDialog, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for w, h in ((1366, 768), (1024, 600)):
        dialog.resize(min(w - 40, 760), h - 60)
        dialog.grab().save(str(SHOTS / f"{name}-{w}x{h}.png"))


def find(qtbot, dialog: MeasureEntryDialog, code: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.code, code)
    qtbot.mouseClick(dialog.find_button, LEFT)


def test_the_homework_tab_opens_the_dialog_and_a_phq9_is_recorded_with_its_alert(
    qtbot, db, templates
):
    client, code = printed(db, MeasureKind.PHQ9)
    tab = HomeworkTab(db, templates)
    qtbot.addWidget(tab)
    tab.show_client(client)
    tab.show()
    seen: list[str] = []

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, MeasureEntryDialog):
            QTimer.singleShot(20, fill_in)
            return
        try:
            answer(dialog)
        except Exception:
            dialog.reject()  # a failed step must not leave the modal open
            raise

    def answer(dialog: MeasureEntryDialog) -> None:
        find(qtbot, dialog, code.lower())  # typed as it comes: case does not matter
        seen.append(dialog.found_label.text())
        assert dialog.risk_label.isHidden()
        for row, value in zip(dialog.answer_rows, [1, 1, 2, 0, None, 1, 0, 0, 2], strict=True):
            qtbot.mouseClick(row.button(value), LEFT)
        assert dialog.difficulty is not None
        qtbot.mouseClick(dialog.difficulty.button(1), LEFT)
        seen.append(dialog.risk_label.text() if dialog.risk_label.isVisible() else "")
        shoot(dialog, "enter-phq9-en")
        qtbot.mouseClick(dialog.record_button, LEFT)

    QTimer.singleShot(0, fill_in)
    with qtbot.waitSignal(tab.changed, timeout=5000):  # the prep view refreshes at once
        qtbot.mouseClick(tab.enter_form_button, LEFT)
    assert "PHQ-9" in seen[0] and code in seen[0]
    assert "Question 9 was answered 2" in seen[1]
    with db.session() as s:
        [measure] = s.scalars(select(Measure)).all()
        assert measure.source is MeasureSource.PAPER and measure.client_id == client
        assert measure.answers == "[1, 1, 2, 0, null, 1, 0, 0, 2]"
        assert measure.total == 8 and measure.prorated and measure.difficulty == 1
        [alert] = s.scalars(select(RiskAlert)).all()
        assert alert.answer == 2


def test_another_clients_code_and_an_unknown_code_are_refused(qtbot, db):
    _, code = printed(db, MeasureKind.GAD7)
    with db.session() as s:
        other = clients.create(s, ClientInput(first_name="Ana", last_name="Prueba")).id
    dialog = MeasureEntryDialog(db, client_id=other)
    qtbot.addWidget(dialog)
    find(qtbot, dialog, code)
    assert "printed for another client" in dialog.error_label.text()
    assert not dialog.record_button.isEnabled() and dialog.answer_rows == []
    dialog.code.clear()
    find(qtbot, dialog, "ZZZZZZ")
    assert "No form was printed with the code ZZZZZZ" in dialog.error_label.text()
    qtbot.mouseClick(dialog.record_button, LEFT)
    with db.session() as s:
        assert s.scalars(select(Measure)).all() == []


def test_a_form_with_nothing_ticked_is_refused_and_kept_on_screen(qtbot, db):
    client, code = printed(db, MeasureKind.GAD7)
    dialog = MeasureEntryDialog(db, client_id=client)
    qtbot.addWidget(dialog)
    dialog.show()
    find(qtbot, dialog, code)
    qtbot.mouseClick(dialog.record_button, LEFT)
    assert "Nothing was ticked" in dialog.error_label.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    # then ticked and recorded, the form still there
    for row in dialog.answer_rows:
        qtbot.mouseClick(row.button(1), LEFT)
    qtbot.mouseClick(dialog.record_button, LEFT)
    assert dialog.result() == QDialog.DialogCode.Accepted
    with db.session() as s:
        [measure] = s.scalars(select(Measure)).all()
        assert measure.total == 7


def test_goals_in_spanish(qtbot, db, spanish):
    client, code = printed(db, MeasureKind.GOALS, language=Language.ES)
    dialog = MeasureEntryDialog(db, client_id=client)
    qtbot.addWidget(dialog)
    dialog.show()
    find(qtbot, dialog, code)
    assert "Metas personales" in dialog.found_label.text()
    assert dialog.record_button.text() == "Registrar la medida"
    first, second = dialog.ratings
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_End)  # 10
    assert first.currentData() == 10
    shoot(dialog, "enter-goals-es")
    qtbot.mouseClick(dialog.record_button, LEFT)
    assert dialog.result() == QDialog.DialogCode.Accepted
    with db.session() as s:
        [measure] = s.scalars(select(Measure)).all()
        assert measure.kind is MeasureKind.GOALS and second.currentData() is None
    assert dialog.result_measure is not None and len(dialog.result_measure.ratings) == 1


def test_the_button_shows_whole_on_a_small_screen_in_both_languages(qtbot, db, templates, spanish):
    from practice.ui.main_window import MainWindow

    client, _ = printed(db, MeasureKind.PHQ9)
    window = MainWindow(db, templates)
    qtbot.addWidget(window)
    window.show()
    window.show_page(window.clients_page)
    window.clients_page.refresh()
    window.clients_page.open_client(client)
    workspace = window.clients_page.workspace
    workspace.setCurrentWidget(workspace.homework)
    button = workspace.homework.enter_form_button
    assert button.text() == "Anotar un formulario devuelto…"
    for w, h in ((1366, 768), (1024, 600)):
        window.resize(w, h)
        qtbot.wait(20)
        window.grab().save(str(SHOTS / f"homework-tab-es-{w}x{h}.png"))
        hint = button.fontMetrics().horizontalAdvance(button.text())
        assert button.width() >= hint  # the words are not cut
    assert button.isEnabled()
