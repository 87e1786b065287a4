"""The client's Measures tab: every measure entered, newest first, and "Delete…" for one
entered by mistake, confirmed through the real message box (issue 16). A risk alert
still open goes with its measure (the confirmation says so); an acknowledged one is a
safety record and its measure is kept."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from _homework_data import last_week_homework
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select
from test_measure_alerts_goals import _click_tab, _open_client

from practice.db.models import AuditEvent
from practice.domain.measures import MeasureKind, MeasureSource
from practice.services import measures
from practice.services.measures import MeasureInput
from practice.ui.measures_tab import MeasuresTab

LEFT = Qt.MouseButton.LeftButton
TODAY = date.today()


def _record(db, client_id: int, days_ago: int, kind: MeasureKind, answers: list[int],  # type: ignore[no-untyped-def]
            source: MeasureSource = MeasureSource.PAPER) -> int:  # fmt: skip
    with db.session() as s:
        view, _ = measures.record_measure(
            s,
            MeasureInput(
                client_id, kind, TODAY - timedelta(days=days_ago), source, answers=answers
            ),  # fmt: skip
        )
        return view.id


def _caseload(db):  # type: ignore[no-untyped-def]
    client_id = last_week_homework(db).client_id
    plain = _record(db, client_id, 20, MeasureKind.PHQ9, [2, 2, 2, 1, 1, 1, 1, 1, 0])  # 11
    acknowledged = _record(db, client_id, 13, MeasureKind.PHQ9, [1, 1, 1, 1, 1, 1, 1, 1, 1])
    with db.session() as s:
        [alert] = measures.open_alerts(s, client_id)
        measures.acknowledge_alert(s, alert.id, "Called her; safety plan in place.")
    gad = _record(db, client_id, 9, MeasureKind.GAD7, [1, 1, 1, 1, 1, 1, 1],
                  MeasureSource.SESSION)  # fmt: skip
    open_one = _record(db, client_id, 2, MeasureKind.PHQ9, [1, 1, 1, 0, 0, 0, 0, 0, 2])
    return client_id, plain, acknowledged, gad, open_one


def _tab(qtbot, window) -> MeasuresTab:  # type: ignore[no-untyped-def]
    workspace = _open_client(qtbot, window, "Ficticia, Lucía")
    tab = workspace.measures
    _click_tab(qtbot, workspace, tab)
    return tab


def _cells(tab: MeasuresTab) -> list[list[str]]:
    t = tab.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def _click_row(qtbot, tab: MeasuresTab, row: int) -> None:  # type: ignore[no-untyped-def]
    t = tab.table
    qtbot.mouseClick(t.viewport(), LEFT, pos=t.visualRect(t.model().index(row, 1)).center())


def _when_asked(qtbot, button: str, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    """When the confirmation box shows, note its text and click ``button`` on it."""
    tries = [0]

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            tries[0] += 1
            if tries[0] < 250:
                QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        box.resize(1024, 600)
        box.grab().save(f"/work/shots/small16/measures_confirm_{len(seen)}.png")
        target = next(b for b in box.buttons() if b.text().replace("&", "") == button)
        qtbot.mouseClick(target, LEFT)

    QTimer.singleShot(0, answer)


def _audit(db, action: Callable[[AuditEvent], bool]) -> list[AuditEvent]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return [e for e in s.scalars(select(AuditEvent)).all() if action(e)]


def test_the_tab_lists_the_measures_and_deletes_one_after_asking(qtbot, main_window, db):
    client_id, plain, _ack, _gad, _open = _caseload(db)
    tab = _tab(qtbot, main_window)
    rows = _cells(tab)
    # newest first: date, measure, total, band, how entered, risk alert
    assert [r[1:] for r in rows] == [
        ["PHQ-9", "5", "mild", "Paper form", "Open"],
        ["GAD-7", "7", "mild", "In a session", ""],
        ["PHQ-9", "9", "mild", "Paper form", "Acknowledged"],
        ["PHQ-9", "11", "moderate", "Paper form", ""],
    ]
    assert not tab.delete_button.isEnabled()  # nothing chosen yet
    main_window.grab().save("/work/shots/small16/measures_tab_1366.png")
    # When the therapist chooses the oldest PHQ-9, clicks Delete… and keeps it
    _click_row(qtbot, tab, 3)
    assert tab.delete_button.isEnabled()
    seen: list[str] = []
    _when_asked(qtbot, "Keep it", seen)
    qtbot.mouseClick(tab.delete_button, LEFT)
    # Then it was asked about by name and date, and nothing was removed
    assert seen[0].startswith("Delete the PHQ-9 of ")
    assert "audit trail keeps a line" in seen[0] and "risk alert" not in seen[0]
    assert len(_cells(tab)) == 4
    # When they click Delete… again and confirm
    _click_row(qtbot, tab, 3)
    _when_asked(qtbot, "Delete", seen)
    qtbot.mouseClick(tab.delete_button, LEFT)
    # Then it is gone from the list and the record, and the audit trail says so
    assert [r[2] for r in _cells(tab)] == ["5", "7", "9"]
    with db.session() as s:
        assert plain not in [m.id for m in measures.measures_for(s, client_id)]
    assert _audit(db, lambda e: e.entity == "measure" and e.action == "delete"
                  and e.entity_id == plain)  # fmt: skip


def test_deleting_a_measure_with_an_open_alert_says_the_alert_goes_with_it(qtbot, main_window, db):
    client_id, _plain, _ack, _gad, open_one = _caseload(db)
    tab = _tab(qtbot, main_window)
    _click_row(qtbot, tab, 0)  # the newest: its risk alert still open
    seen: list[str] = []
    _when_asked(qtbot, "Delete", seen)
    qtbot.mouseClick(tab.delete_button, LEFT)
    assert "risk alert (question 9) that is still open" in seen[0]
    assert "keep the measure and acknowledge the alert instead" in seen[0]
    with db.session() as s:
        assert measures.open_alerts(s, client_id) == []
        assert open_one not in [m.id for m in measures.measures_for(s, client_id)]
    assert _audit(db, lambda e: e.entity == "risk_alert" and e.action == "delete")
    assert [r[5] for r in _cells(tab)] == ["", "Acknowledged", ""]


def test_a_measure_with_an_acknowledged_alert_is_kept(qtbot, main_window, db, message_boxes):
    client_id, _plain, acknowledged, _gad, _open = _caseload(db)
    tab = _tab(qtbot, main_window)
    _click_row(qtbot, tab, 2)  # the PHQ-9 whose alert was acknowledged
    qtbot.mouseClick(tab.delete_button, LEFT)
    # Then no confirmation: a message says why it is kept, and it is
    [(title, text)] = message_boxes
    assert title == "Measure kept"
    assert text.startswith("The PHQ-9 of ") and "safety record" in text
    with db.session() as s:
        assert acknowledged in [m.id for m in measures.measures_for(s, client_id)]
        assert list(measures.alerts_by_measure(s, client_id)) == [acknowledged, _open]
    assert len(_cells(tab)) == 4


def test_the_tab_in_spanish(qtbot, spanish, db, templates):  # type: ignore[no-untyped-def]
    from practice.ui.main_window import MainWindow

    _caseload(db)
    window = MainWindow(db, templates)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    tab = _tab(qtbot, window)
    headers = [tab.table.horizontalHeaderItem(c).text() for c in range(6)]
    assert headers == ["Fecha", "Medida", "Total", "Nivel", "Ingresada", "Alerta de riesgo"]
    assert [r[1:] for r in _cells(tab)][0] == ["PHQ-9", "5", "leve", "Formulario en papel",
                                                "Abierta"]  # fmt: skip
    assert tab.delete_button.text() == "Eliminar…"
    window.grab().save("/work/shots/small16/measures_tab_es_1366.png")
    window.resize(1024, 600)
    window.grab().save("/work/shots/small16/measures_tab_es_1024.png")
    _click_row(qtbot, tab, 3)
    seen: list[str] = []
    _when_asked(qtbot, "Conservarla", seen)
    qtbot.mouseClick(tab.delete_button, LEFT)
    assert seen[0].startswith("¿Eliminar el PHQ-9 del ")
