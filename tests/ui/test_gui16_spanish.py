"""Issue 16's GUI points in Spanish: the strip's no-show mark is "NA" (no asistió), the
Measures tab's Print a form… and the returned form's total read Spanish."""

from __future__ import annotations

from datetime import date, timedelta

from _homework_data import last_week_homework
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from test_measure_alerts_goals import _click_tab, _open_client
from test_measures_tab_forms import shoot, when_modal

from practice.domain.adherence import CellKind, WeekCell
from practice.domain.measures import MeasureKind
from practice.services import measure_forms
from practice.ui.adherence_strip import AdherenceStrip, legend_html
from practice.ui.measure_entry_dialog import MeasureEntryDialog
from practice.ui.measure_print_dialog import MeasurePrintDialog

LEFT = Qt.MouseButton.LeftButton
MONDAY = date(2026, 9, 7)


def test_the_no_show_mark_reads_na_in_spanish(qtbot, spanish):
    cells = [
        WeekCell(MONDAY, CellKind.NO_SHOW, None, "NS"),
        WeekCell(MONDAY + timedelta(weeks=1), CellKind.CANCELLED, None, "C"),
    ]
    strip = AdherenceStrip()
    qtbot.addWidget(strip)
    strip.set_cells(cells, MONDAY + timedelta(weeks=1))
    strip.resize(200, strip.sizeHint().height())
    strip.show()
    qtbot.waitExposed(strip)
    assert strip.accessibleDescription() == "Tareas por semana: NA C"
    legend = legend_html()
    assert "NS" not in legend and "NA" in legend  # the swatch's image is named by its mark
    strip.grab().save("/work/shots/gui16/strip_na_es.png")


def test_print_a_form_and_the_total_in_spanish(qtbot, spanish, main_window, db):
    data = last_week_homework(db)
    with db.session() as s:
        form, _ = measure_forms.print_form(s, data.client_id, MeasureKind.GAD7)
    workspace = _open_client(qtbot, main_window, "Ficticia, Lucía")
    tab = workspace.measures
    _click_tab(qtbot, workspace, tab)
    assert tab.print_button.text() == "Imprimir un formulario…"
    main_window.resize(1024, 600)
    main_window.grab().save("/work/shots/gui16/measures_tab_es_1024.png")
    seen: list[str] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, MeasurePrintDialog)
        seen.append(dialog.windowTitle())
        seen.append(dialog.language.currentText())
        shoot(dialog, "print_form_dialog_es")
        dialog.reject()

    when_modal(MeasurePrintDialog, look)
    qtbot.mouseClick(tab.print_button, LEFT)
    assert seen == ["Imprimir un formulario", "Español"]
    totals: list[str] = []

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, MeasureEntryDialog)
        qtbot.keyClicks(dialog.code, form.code)
        qtbot.mouseClick(dialog.find_button, LEFT)
        for row, value in zip(dialog.answer_rows[:6], (1, 2, 1, 1, 0, 1), strict=True):
            qtbot.mouseClick(row.button(value), LEFT)
        totals.append(dialog.total_label.text())
        shoot(dialog, "enter_form_total_es")
        dialog.reject()

    when_modal(MeasureEntryDialog, answer)
    qtbot.mouseClick(tab.enter_form_button, LEFT)
    assert totals == ["Total 7 de 21 · leve  (prorrateado por 1 sin responder)"]
    assert QApplication.activeModalWidget() is None
