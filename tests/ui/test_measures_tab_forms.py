"""The Measures tab's paper forms (issue 16): "Print a form…" (PHQ-9, GAD-7 or goals,
in the client's language and print size, paper or fillable) shown in the sheet preview
with its code kept; "Enter a returned form…" with the live total of the form's
therapist box; and the prep view showing a measure entered or deleted at once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from _homework_data import last_week_homework
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select
from test_measure_alerts_goals import _click_tab, _open_client
from test_measures_tab import _click_row, _when_asked

from practice.db.models import MeasureForm
from practice.domain.measures import MeasureKind
from practice.domain.vocabulary import Language
from practice.services import clients, measure_forms, measures
from practice.ui.measure_entry_dialog import MeasureEntryDialog
from practice.ui.measure_print_dialog import MeasurePrintDialog
from practice.ui.sheet_preview import SheetPreview

LEFT = Qt.MouseButton.LeftButton
SHOTS = Path("/work/shots/gui16")


def when_modal(kind: type, act: Callable[[QWidget], None]) -> None:
    """When a modal of ``kind`` is the active one, run ``act`` on it (closed on failure)."""
    tries = [0]

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            tries[0] += 1
            if tries[0] < 250:
                QTimer.singleShot(20, check)
            return
        try:
            act(dialog)
        except Exception:
            dialog.reject()  # a failed step must not leave the modal open
            raise

    QTimer.singleShot(0, check)


def shoot(widget: QWidget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for w, h in ((1366, 768), (1024, 600)):
        widget.resize(min(w - 40, widget.width()), min(h - 60, widget.height()))
        widget.grab().save(str(SHOTS / f"{name}-{w}x{h}.png"))


def test_print_a_form_from_the_measures_tab_keeps_its_code_and_shows_the_sheet(
    qtbot, main_window, db
):
    data = last_week_homework(db)  # Lucía: Spanish
    with db.session() as s:
        client = clients.get(s, data.client_id)
        clients.update(s, data.client_id, replace(client, large_print=True))
    workspace = _open_client(qtbot, main_window, "Ficticia, Lucía")
    tab = workspace.measures
    _click_tab(qtbot, workspace, tab)
    seen: list[object] = []

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, MeasurePrintDialog)
        # the client's language and print size, to begin with
        seen.append((dialog.language.currentData(), dialog.large_print.isChecked()))
        shoot(dialog, "print_form_dialog")
        dialog.measure.setFocus()
        qtbot.keyClick(dialog.measure, Qt.Key.Key_Down)  # PHQ-9 -> GAD-7
        qtbot.mouseClick(dialog.fillable, LEFT)
        qtbot.mouseClick(dialog.show_button, LEFT)

    when_modal(MeasurePrintDialog, choose)
    qtbot.mouseClick(tab.print_button, LEFT)
    assert seen == [(Language.ES, True)]
    preview = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SheetPreview))
    qtbot.waitUntil(lambda: bool(preview.pdf))
    assert preview.pdf.startswith(b"%PDF")
    assert preview.windowTitle() == "GAD-7 — Ficticia, Lucía"
    shoot(preview, "print_form_preview")
    with db.session() as s:
        [form] = s.scalars(select(MeasureForm)).all()
        assert form.kind is MeasureKind.GAD7 and form.client_id == data.client_id
        assert form.language is Language.ES and form.large_print and form.fillable
    preview.close()


def test_a_goals_form_without_goals_is_refused_in_the_dialog(qtbot, main_window, db):
    last_week_homework(db)
    workspace = _open_client(qtbot, main_window, "Ficticia, Lucía")
    _click_tab(qtbot, workspace, workspace.measures)
    seen: list[str] = []

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, MeasurePrintDialog)
        dialog.measure.setCurrentIndex(2)  # personal goals
        qtbot.mouseClick(dialog.show_button, LEFT)
        seen.append(dialog.error.text() if dialog.error.isVisible() else "")
        assert dialog.isVisible()  # stays open, choices kept
        dialog.reject()

    when_modal(MeasurePrintDialog, choose)
    qtbot.mouseClick(workspace.measures.print_button, LEFT)
    assert seen == ["This client has no goals yet: name one to three goals with them first."]


def test_a_returned_form_entered_on_the_measures_tab_shows_its_total_and_the_prep_at_once(
    qtbot, main_window, db
):
    data = last_week_homework(db)
    with db.session() as s:
        form, _ = measure_forms.print_form(s, data.client_id, MeasureKind.PHQ9)
    workspace = _open_client(qtbot, main_window, "Ficticia, Lucía")
    _click_tab(qtbot, workspace, workspace.prep)
    assert "PHQ-9" not in workspace.prep.measure_text.text()
    tab = workspace.measures
    _click_tab(qtbot, workspace, tab)
    totals: list[str] = []

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, MeasureEntryDialog)
        qtbot.keyClicks(dialog.code, form.code)
        qtbot.mouseClick(dialog.find_button, LEFT)
        totals.append(dialog.total_label.text())
        rows = dialog.answer_rows
        for row, value in zip(rows[:3], (2, 2, 1), strict=True):
            qtbot.mouseClick(row.button(value), LEFT)
        totals.append(dialog.total_label.text())  # 6 unanswered: too many
        for row, value in zip(rows[3:8], (1, 1, 2, 0, 1), strict=True):
            qtbot.mouseClick(row.button(value), LEFT)
        totals.append(dialog.total_label.text())  # question 9 unanswered: prorated
        qtbot.mouseClick(rows[8].button(0), LEFT)
        totals.append(dialog.total_label.text())
        shoot(dialog, "enter_form_total")
        qtbot.mouseClick(dialog.record_button, LEFT)

    when_modal(MeasureEntryDialog, answer)
    qtbot.mouseClick(tab.enter_form_button, LEFT)
    assert totals == [
        "Total: tick the answers to see it.",
        "No total: too many unanswered to score (6 questions unanswered)",
        "Total 11 of 27 · moderate  (prorated for 1 unanswered)",
        "Total 10 of 27 · moderate",
    ]
    # the tab lists it, and the prep view shows it as soon as it is opened
    assert tab.table.rowCount() == 1 and tab.table.item(0, 2).text() == "10"
    _click_tab(qtbot, workspace, workspace.prep)
    assert "PHQ-9" in workspace.prep.measure_text.text()
    # deleting it on the Measures tab takes it off the prep view at once too
    _click_tab(qtbot, workspace, tab)
    _click_row(qtbot, tab, 0)
    seen: list[str] = []
    _when_asked(qtbot, "Delete", seen)
    qtbot.mouseClick(tab.delete_button, LEFT)
    _click_tab(qtbot, workspace, workspace.prep)
    assert "PHQ-9" not in workspace.prep.measure_text.text()
    with db.session() as s:
        assert measures.measures_for(s, data.client_id) == []
