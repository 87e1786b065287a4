"""The "What works" page: the report's rows on a constructed caseload, read from the
widgets, in English and Spanish, and its Save as PDF read back."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pdfplumber
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from practice.db.engine import Database
from practice.ui.what_works_page import WhatWorksPage

sys.path.insert(0, str(Path(__file__).parents[1] / "services"))
from _what_works_caseload import build_caseload  # noqa: E402

LEFT = Qt.MouseButton.LeftButton
ARROW, MINUS = "\u2192", "\u2212"


def open_page(qtbot, window, name: str) -> WhatWorksPage:  # type: ignore[no-untyped-def]
    """Click the page's name in the navigation rail; the page as built."""
    nav = window.nav
    (item,) = nav.findItems(name, Qt.MatchFlag.MatchExactly)
    qtbot.mouseClick(nav.viewport(), LEFT, pos=nav.visualItemRect(item).center())
    page = window.what_works.view
    assert window.pages.currentWidget() is window.what_works and page is not None
    qtbot.waitUntil(lambda: page.report is not None)  # read when shown
    return page


def cells(page: WhatWorksPage) -> list[list[str]]:
    table = page.table
    out = []
    for r in range(table.rowCount()):
        span = table.columnSpan(r, 0) > 1
        row = [table.item(r, c).text() for c in range(1 if span else table.columnCount())]
        out.append(row)
    return out


def test_the_page_shows_the_rows_most_often_tried_first(qtbot, main_window, db: Database):
    # Given a caseload with known answers
    with db.session() as s:
        build_caseload(s)
    # When the therapist clicks "What works" in the navigation rail
    page = open_page(qtbot, main_window, "What works")
    # Then the note says these are observations, not causes
    assert "observations from this practice, not causes" in page.note.text()
    assert page.over.text() == "Read from: homework reviews 16, clients 3."
    # And the rows are the report's, most often tried first, each with too few occasions
    # followed by the line that says so
    assert cells(page) == [
        ["Re-explain the task", "2", "3", f"2.2 {ARROW} 2.3", "+0.1",
         f"PHQ-9: 13.5 {ARROW} 9.7 ({MINUS}3.8, n = 3)"],
        ["Talk about it openly", "1", "2", f"1.5 {ARROW} 3.5", "+2.0",
         "PHQ-9: too few to read (n = 2)\nGAD-7: too few to read (n = 2)"],
        ["Too few occasions to read anything into (n = 2)."],
        ["Emphasise its value", "1", "1", f"1.5 {ARROW} 3.5", "+2.0",
         "PHQ-9: too few to read (n = 1)\nGAD-7: too few to read (n = 1)"],
        ["Too few occasions to read anything into (n = 1)."],
        ["External aids", "1", "1", f"3.0 {ARROW} 0.5", f"{MINUS}2.5",
         "PHQ-9: too few to read (n = 1)"],
        ["Too few occasions to read anything into (n = 1)."],
        ["Material: a simpler reading level", "1", "1", f"2.0 {ARROW} 3.7", "+1.7",
         "PHQ-9: too few to read (n = 1)"],
        ["Too few occasions to read anything into (n = 1)."],
    ]  # fmt: skip
    assert page.left_out.text() == "Left out because nothing was reviewed on one side yet: 1."


def test_refresh_reads_the_caseload_again(qtbot, main_window, db: Database):
    # Given the page open on an empty practice
    page = open_page(qtbot, main_window, "What works")
    assert cells(page) == [
        ["No ladder step or change of material has been recorded in a review yet."]
    ]
    # When reviews are recorded and the therapist clicks Refresh
    with db.session() as s:
        build_caseload(s)
    qtbot.mouseClick(page.refresh_button, LEFT)
    # Then the rows are there
    assert [row[0] for row in cells(page)][:2] == ["Re-explain the task", "Talk about it openly"]


def pdf_text(path: Path) -> str:
    with pdfplumber.open(io.BytesIO(path.read_bytes())) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_save_as_pdf_writes_the_rows(qtbot, main_window, db: Database, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch):  # fmt: skip
    with db.session() as s:
        build_caseload(s)
    page = open_page(qtbot, main_window, "What works")
    target = tmp_path / "report"  # typed without .pdf
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    # When the therapist clicks Save as PDF… and chooses a name
    qtbot.mouseClick(page.pdf_button, LEFT)
    # Then the PDF is written with .pdf added, and it has the rows
    written = tmp_path / "report.pdf"
    assert page.message.text() == f"Saved {written}"
    text = pdf_text(written)
    assert "What works in my practice" in text and "not causes" in text
    assert any(line.startswith(f"Re-explain the task 2 3 2.2 {ARROW} 2.3 +0.1")
               for line in text.splitlines())  # fmt: skip
    assert f"PHQ-9: 13.5 {ARROW} 9.7 ({MINUS}3.8, n = 3)" in text
    assert "Too few occasions to read anything into (n = 2)." in text


def test_save_as_pdf_never_writes_over_the_practice(qtbot, main_window, db: Database,
                                                    monkeypatch, message_boxes):  # fmt: skip
    page = open_page(qtbot, main_window, "What works")
    before = db.path.read_bytes()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(db.path), ""))
    qtbot.mouseClick(page.pdf_button, LEFT)
    assert len(message_boxes) == 1 and "never writes over the practice" in message_boxes[0][1]
    assert db.path.read_bytes() == before and page.message.text() == ""


def test_the_page_in_spanish(qtbot, spanish, db: Database, templates):  # type: ignore[no-untyped-def]
    from practice.ui.main_window import MainWindow

    with db.session() as s:
        build_caseload(s)
    window = MainWindow(db, templates)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    # When the therapist clicks "Qué funciona"
    page = open_page(qtbot, window, "Qué funciona")
    # Then everything on it is in Spanish
    assert page.title.text() == "Qué funciona en mi consulta"
    assert "no causas" in page.note.text()
    assert page.over.text() == "Datos de: revisiones de tareas 16, clientes 3."
    headers = [page.table.horizontalHeaderItem(c).text() for c in range(6)]
    assert headers[0] == "Estrategia o cambio" and headers[2] == "Ocasiones"
    rows = cells(page)
    assert rows[0][0] == "Volver a explicar la tarea"
    # every number as the GUI's locale writes it, like the prep view's (dates.decimal_text):
    # Latin-American Spanish (es_419) writes a decimal point, as Mexico does
    assert rows[0][1:5] == ["2", "3", f"2.2 {ARROW} 2.3", "+0.1"]
    assert rows[0][5] == f"PHQ-9: 13.5 {ARROW} 9.7 ({MINUS}3.8, n = 3)"
    assert rows[2] == ["Muy pocas ocasiones para sacar conclusiones (n = 2)."]
    assert rows[1][5].startswith("PHQ-9: muy pocas ocasiones (n = 2)")
    assert rows[7][0] == "Material: un nivel de lectura más sencillo"
    assert page.pdf_button.text() == "Guardar como PDF…"
    assert page.refresh_button.text() == "Actualizar"


def test_save_asks_before_replacing_the_name_with_pdf_added(qtbot, main_window, tmp_path,
                                                            monkeypatch):  # fmt: skip
    from PySide6.QtWidgets import QMessageBox

    page = open_page(qtbot, main_window, "What works")
    kept = tmp_path / "report.pdf"
    kept.write_bytes(b"an older report")
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "report"), ""))  # fmt: skip
    asked: list[str] = []
    answer = QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *_: asked.append(text) or answer)  # fmt: skip
    # When the therapist types "report" where report.pdf exists and says No
    qtbot.mouseClick(page.pdf_button, LEFT)
    # Then nothing is written
    assert asked == [f"report.pdf already exists in {tmp_path}. Replace it?"]
    assert kept.read_bytes() == b"an older report" and page.message.text() == ""
    # And with Yes it is replaced
    answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(page.pdf_button, LEFT)
    assert kept.read_bytes().startswith(b"%PDF") and page.message.text() == f"Saved {kept}"


def test_the_page_writes_the_locales_decimal_comma(qtbot, spanish, db: Database, templates):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale

    from practice.ui.dates import decimal_text
    from practice.ui.main_window import MainWindow

    # Given the GUI in Spanish with a locale that writes a decimal comma (Argentina)
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Argentina))
    assert decimal_text(2.5) == "2,5"  # as the prep view writes numbers
    with db.session() as s:
        build_caseload(s)
    window = MainWindow(db, templates)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    # When the therapist clicks "Qué funciona"
    rows = cells(open_page(qtbot, window, "Qué funciona"))
    window.grab().save("/work/shots/small16/what_works_es_comma_1366.png")
    # Then every number in the table's cells has the comma: completion, change, measures
    assert rows[0][1:5] == ["2", "3", f"2,2 {ARROW} 2,3", "+0,1"]
    assert rows[0][5] == f"PHQ-9: 13,5 {ARROW} 9,7 ({MINUS}3,8, n = 3)"
    assert rows[5][3:5] == [f"3,0 {ARROW} 0,5", f"{MINUS}2,5"]
    assert not any("." in cell for row in rows if len(row) > 1 for cell in row[1:])


def test_the_prep_statement_writes_the_locales_decimal_comma(qtbot, spanish, db):  # type: ignore[no-untyped-def]
    from _measure_history import TODAY, client_with_measures
    from PySide6.QtCore import QLocale

    from practice.ui.prep_page import PrepPage

    # Given the GUI in Spanish with a locale that writes a decimal comma (Argentina)
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Argentina))
    widget = PrepPage(db, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    widget.show_client(client_with_measures(db))
    # Then the means in the measure statement have the comma too
    said = widget.measure_text.text().replace("\u00a0", " ").splitlines()[0]
    assert f"un cambio medio de {MINUS}1,8, a las de 0–1, uno de +0,5 (n = 6 y 4)." in said


def test_the_change_shown_is_the_shown_after_minus_the_shown_before(
    qtbot, main_window, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):  # type: ignore[no-untyped-def]
    # Given one re-explained task: reviews 1, 1, 2 before it (mean 1.33: shown 1.3) and
    # 2, 2, 1 after (1.67: shown 1.7); the unrounded change, +0.33, would print "+0.3"
    from _what_works_caseload import Builder, S

    with db.session() as s:
        dee = Builder(s, "Dee")
        task = dee.assign(0)
        for n, completion in enumerate((1, 1, 2, 2, 2, 1), start=1):
            dee.review(task, n, completion, *((S.RE_EXPLAIN,) if n == 3 else ()))
    # When the therapist opens What works
    page = open_page(qtbot, main_window, "What works")
    # Then the change adds up with the two means shown beside it
    assert cells(page)[0][3:5] == [f"1.3 {ARROW} 1.7", "+0.4"]
    # And the PDF (the CLI's report too: the same WhatWorksPdf) says the same
    target = tmp_path / "ww.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(page.pdf_button, LEFT)
    assert any(line.startswith(f"Re-explain the task 1 1 1.3 {ARROW} 1.7 +0.4")
               for line in pdf_text(target).splitlines())  # fmt: skip
