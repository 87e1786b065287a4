"""File menu: export everything, export one client's record, import clients from CSV.

File dialogs are stubbed with monkeypatch; everything else is the real window on a
migrated database, and the files written are opened and read."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import func, select

from practice.db.models import Client
from practice.services import clients, demo
from practice.services.clients import ClientInput
from practice.ui.export_dialogs import ClientExportDialog, ExportAllDialog
from practice.ui.import_dialog import DUPLICATE, ERROR, OK, SKIP, ImportClientsDialog

LEFT = Qt.MouseButton.LeftButton


def _client_names(window) -> list[str]:  # type: ignore[no-untyped-def]
    proxy = window.clients_page.client_list.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def _count_clients(db) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return int(s.scalar(select(func.count(Client.id))) or 0)


def _open_file_menu(window) -> None:  # type: ignore[no-untyped-def]
    window.menuBar().actions()[0].menu().aboutToShow.emit()


# ---- export everything ----------------------------------------------------------


def test_export_everything_writes_the_folder(qtbot, main_window, db, tmp_path, monkeypatch):
    # Given two clients and an empty folder the therapist will choose
    with db.session() as s:
        clients.create(s, ClientInput(first_name="Lucía", last_name="Ferrández"))
        clients.create(s, ClientInput(first_name="Dale", last_name="Whitcombe"))
    out = tmp_path / "export"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    # When File → Export everything… is chosen, the folder picked and Export pressed
    main_window.data_actions.export_all_action.trigger()
    dialog = main_window.findChild(ExportAllDialog)
    assert not dialog.private_box.isChecked()  # psychotherapy notes left out by default
    assert not dialog.export_button.isEnabled()  # no folder yet
    qtbot.mouseClick(dialog.choose_button, LEFT)
    qtbot.mouseClick(dialog.export_button, LEFT)
    # Then the folder holds every table as CSV and JSON plus the README, without the
    # private tables, and the dialog says where and how much
    names = {p.name for p in out.iterdir()}
    assert {"clients.csv", "clients.json", "appointments.csv", "README.txt"} <= names
    assert "psychotherapy_notes.csv" not in names
    rows = json.loads((out / "clients.json").read_text(encoding="utf-8"))
    assert sorted(r["last_name"] for r in rows) == ["Ferrández", "Whitcombe"]
    assert str(out) in dialog.result_label.text()
    assert "Psychotherapy notes left out" in dialog.result_label.text()
    assert any(
        line.split() == ["clients", "2"] for line in dialog.counts.toPlainText().splitlines()
    )
    assert dialog.error_label.isHidden()
    assert not dialog.export_button.isEnabled()  # the folder is full now


def test_export_everything_into_a_full_folder_makes_a_new_one(qtbot, main_window, tmp_path,
                                                              monkeypatch):  # fmt: skip
    full = tmp_path / "documents"
    full.mkdir()
    (full / "letter.txt").write_text("kept", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(full))
    main_window.data_actions.export_all_action.trigger()
    dialog = main_window.findChild(ExportAllDialog)
    qtbot.mouseClick(dialog.choose_button, LEFT)
    dialog.private_box.setChecked(True)
    assert dialog.folder_note.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.export_button, LEFT)
    made = [p for p in full.iterdir() if p.is_dir()]
    assert len(made) == 1 and made[0].name.startswith("Practice export")
    assert (made[0] / "psychotherapy_notes.csv").exists()  # ticked: included
    assert (full / "letter.txt").read_text(encoding="utf-8") == "kept"
    assert "Psychotherapy notes included" in dialog.result_label.text()


def test_the_export_folder_is_chosen_not_typed(qtbot, main_window, tmp_path, monkeypatch):
    out = tmp_path / "export"
    out.mkdir()
    asked: list[str] = []

    def choose(*_a, **_k):  # type: ignore[no-untyped-def]
        asked.append("asked")
        return str(out)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose)
    main_window.data_actions.export_all_action.trigger()
    dialog = main_window.findChild(ExportAllDialog)
    # When the therapist types into the folder field, nothing is taken as a folder
    qtbot.keyClicks(dialog.folder_edit, "/somewhere/typed")
    assert dialog.target is None and "/somewhere/typed" not in dialog.folder_edit.text()
    # When they click the field, the folder chooser opens and its choice is shown
    qtbot.mouseClick(dialog.folder_edit, LEFT)
    assert asked == ["asked"]
    assert dialog.target == out and dialog.folder_edit.text() == str(out)
    assert dialog.export_button.isEnabled()


def test_a_failed_export_is_shown_and_leaves_nothing(qtbot, main_window, tmp_path):
    main_window.data_actions.export_all_action.trigger()
    dialog = main_window.findChild(ExportAllDialog)
    not_a_folder = tmp_path / "export.txt"
    not_a_folder.write_text("a file", encoding="utf-8")
    dialog.set_folder(not_a_folder)
    qtbot.mouseClick(dialog.export_button, LEFT)
    assert dialog.error_label.isVisibleTo(dialog)
    assert "is a file" in dialog.error_label.text()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    assert not dialog.result_label.text()


# ---- one client's record --------------------------------------------------------


@pytest.fixture
def demo_ids(db) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        summary = demo.seed_demo(s, today=date(2025, 3, 12))
    return dict(summary.roles)


def test_client_export_is_enabled_only_with_a_client_open(demo_ids, main_window):
    _open_file_menu(main_window)
    assert not main_window.data_actions.client_export_action.isEnabled()
    main_window.show_client(demo_ids["improver"])
    _open_file_menu(main_window)
    assert main_window.data_actions.client_export_action.isEnabled()


def test_client_export_writes_json_and_pdf(qtbot, demo_ids, main_window, tmp_path, monkeypatch):
    # Given the conditional-sessions client open (the one with a psychotherapy note)
    main_window.show_client(demo_ids["conditional"], "Profile")
    _open_file_menu(main_window)
    main_window.data_actions.client_export_action.trigger()
    dialog = main_window.findChild(ClientExportDialog)
    assert dialog.heading.text() == "Ashdown, Trent"
    assert not dialog.private_box.isChecked()
    out = tmp_path / "records"
    out.mkdir()
    answers = iter([str(out / "trent"), str(out / "trent.pdf"), str(out / "private.json")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (next(answers), ""))
    # When JSON and then PDF are saved
    qtbot.mouseClick(dialog.json_button, LEFT)
    qtbot.mouseClick(dialog.pdf_button, LEFT)
    # Then the JSON parses as the client's record, without psychotherapy notes
    record = json.loads((out / "trent.json").read_text(encoding="utf-8"))
    assert record["format"] == "practice.client-record"
    assert record["client"]["last_name"] == "Ashdown"
    assert record["psychotherapy_notes_included"] is False
    assert all("psychotherapy_note" not in a for a in record["appointments"])
    # and the PDF reads back
    with pdfplumber.open(io.BytesIO((out / "trent.pdf").read_bytes())) as pdf:
        text = " ".join((p.extract_text() or "") for p in pdf.pages)
        pages = len(pdf.pages)
    assert "Ashdown, Trent" in text and "Confidential clinical record" in text
    assert f"Page {pages} of {pages}" in text
    assert "Psychotherapy notes (private)" not in text
    assert str(out / "trent.pdf") in dialog.result_label.text()
    # When the box is ticked, the private notes are in the next file
    dialog.private_box.setChecked(True)
    qtbot.mouseClick(dialog.json_button, LEFT)
    private = json.loads((out / "private.json").read_text(encoding="utf-8"))
    assert private["psychotherapy_notes_included"] is True
    assert any(a["psychotherapy_note"] for a in private["appointments"])
    # Written atomically: no temporary file left beside the targets
    assert sorted(p.name for p in out.iterdir()) == ["private.json", "trent.json", "trent.pdf"]


def test_client_export_into_a_missing_folder_says_so(qtbot, demo_ids, main_window, tmp_path):
    main_window.show_client(demo_ids["improver"])
    dialog = main_window.data_actions.open_client_export()
    assert dialog is not None
    assert dialog.write("pdf", tmp_path / "no such folder" / "record.pdf") is None
    assert dialog.error_label.isVisibleTo(dialog)
    assert "could not be written" in dialog.error_label.text()


# ---- import ---------------------------------------------------------------------

BAD_CSV = (
    "first_name,last_name,birth_date,language\n"
    "Lucía,Ferrández,1990-02-28,es\n"
    "Tomás,Peñalver,1978-02-30,es\n"
    "Dale,Whitcombe,1979-11-30,en\n"
)
GOOD_CSV = BAD_CSV.replace("1978-02-30", "1978-02-03")


def _import_dialog(window, monkeypatch, path: Path) -> ImportClientsDialog:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.data_actions.import_action.trigger()
    dialog = window.findChild(ImportClientsDialog)
    return dialog


def _row(dialog: ImportClientsDialog, line: int) -> dict[str, str]:
    model = dialog.model
    r = next(i for i, row in enumerate(model.rows) if row.line_no == line)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return {h: model.index(r, c).data() for c, h in enumerate(headers)}


def test_import_previews_a_bad_file_then_imports_a_good_one(qtbot, main_window, db, tmp_path,
                                                            monkeypatch):  # fmt: skip
    # Given a CSV whose third line holds an impossible birth date
    bad = tmp_path / "clients.csv"
    bad.write_text(BAD_CSV, encoding="utf-8")
    dialog = _import_dialog(main_window, monkeypatch, bad)
    # When the therapist chooses it
    qtbot.mouseClick(dialog.choose_button, LEFT)
    # Then every line is shown, the bad one marked with its message, Import disabled
    assert [row.line_no for row in dialog.model.rows] == [2, 3, 4]
    bad_row = _row(dialog, 3)
    assert bad_row["Status"] == ERROR and "not a real date" in bad_row["Messages"]
    assert bad_row["First name *"] == "Tomás" and bad_row["Birth date"] == "1978-02-30"
    assert _row(dialog, 2)["Status"] == OK
    assert _row(dialog, 2)["Birth date"] == "28 Feb 1990"  # as every date is shown
    assert not dialog.import_button.isEnabled()
    assert "nothing is imported while any row has an error" in dialog.hint.text()
    assert dialog.summary.text() == "3 rows, 2 ok, 1 with errors"
    assert _count_clients(db) == 0
    # When the file is corrected and chosen again, then imported
    bad.write_text(GOOD_CSV, encoding="utf-8")
    qtbot.mouseClick(dialog.choose_button, LEFT)
    assert dialog.import_button.isEnabled()
    assert dialog.import_button.text() == "Import 3 clients"
    qtbot.mouseClick(dialog.import_button, LEFT)
    # Then the clients are in the list and the dialog says how many were added
    assert "Added 3 clients" in dialog.hint.text()
    assert not dialog.import_button.isEnabled()
    assert _client_names(main_window) == [
        "Ferrández, Lucía",
        "Peñalver, Tomás",
        "Whitcombe, Dale",
    ]
    assert _count_clients(db) == 3


def test_a_file_level_problem_is_shown_above_the_table(qtbot, main_window, db, tmp_path,
                                                       monkeypatch):  # fmt: skip
    sheet = tmp_path / "clients.xlsx"
    sheet.write_bytes(b"PK\x03\x04 not a csv")
    dialog = _import_dialog(main_window, monkeypatch, sheet)
    qtbot.mouseClick(dialog.choose_button, LEFT)
    assert dialog.file_errors.isVisibleTo(dialog)
    assert "spreadsheet workbook" in dialog.file_errors.text()
    assert dialog.model.rowCount() == 0
    assert not dialog.import_button.isEnabled()
    assert _count_clients(db) == 0


def test_duplicates_are_flagged_and_skipped_with_the_checkbox(qtbot, main_window, db, tmp_path,
                                                              monkeypatch):  # fmt: skip
    # Given Marisol already a client, and a file naming her again (other case and
    # spacing), a new client, and that new client twice
    with db.session() as s:
        clients.create(
            s, ClientInput(first_name="Marisol", last_name="Quintero",
                           birth_date=date(1985, 5, 17))
        )  # fmt: skip
    path = tmp_path / "clients.csv"
    path.write_text(
        "first_name,last_name,birth_date\n"
        "MARISOL,  quintero ,1985-05-17\n"
        "Inés,Villaseñor,1992-03-08\n"
        "inés,villaseñor,1992-03-08\n",
        encoding="utf-8",
    )
    dialog = _import_dialog(main_window, monkeypatch, path)
    qtbot.mouseClick(dialog.choose_button, LEFT)
    # Then both duplicates are flagged, and Import waits for the therapist's choice
    first, new, again = _row(dialog, 2), _row(dialog, 3), _row(dialog, 4)
    assert first["Status"] == DUPLICATE and "Quintero, Marisol" in first["Messages"]
    assert new["Status"] == OK
    assert again["Status"] == DUPLICATE and "line 3" in again["Messages"]
    assert not dialog.import_button.isEnabled()
    assert "Skip duplicates" in dialog.hint.text()
    # When "Skip duplicates" is ticked
    qtbot.mouseClick(dialog.skip_box, LEFT)
    assert dialog.skip_box.isChecked()
    assert _row(dialog, 2)["Status"] == SKIP
    assert dialog.import_button.text() == "Import 1 client"
    qtbot.mouseClick(dialog.import_button, LEFT)
    # Then only the new client is added
    assert dialog.hint.text() == "Added 1 client; skipped 2 duplicate rows."
    assert _client_names(main_window) == ["Quintero, Marisol", "Villaseñor, Inés"]
    assert _count_clients(db) == 2


def test_status_and_messages_are_in_view_one_message_a_line(qtbot, main_window, tmp_path,
                                                           monkeypatch):  # fmt: skip
    # Given a file with every column Practice reads, and a row with two mistakes
    from practice.domain.client_csv import COLUMNS

    row = {c: "" for c in COLUMNS} | {
        "first_name": "Tomás",
        "last_name": "Peñalver",
        "birth_date": "1978-02-30",
        "reminder_channel": "pigeon",
    }
    path = tmp_path / "clients.csv"
    path.write_text(
        ",".join(COLUMNS) + "\n" + ",".join(row[c] for c in COLUMNS) + "\n", encoding="utf-8"
    )
    main_window.resize(1024, 600)
    dialog = _import_dialog(main_window, monkeypatch, path)
    # When the therapist chooses it
    qtbot.mouseClick(dialog.choose_button, LEFT)
    # Then the status and the messages are in view without scrolling sideways
    table, model = dialog.table, dialog.model
    for col in (model.status_column, model.messages_column):
        left = table.columnViewportPosition(col)
        assert left >= 0 and left + table.columnWidth(col) <= table.viewport().width()
    # and each message is on its own line, in words (no stored codes)
    messages = _row(dialog, 2)["Messages"].splitlines()
    assert len(messages) == 2 and all(m.endswith(".") for m in messages)
    assert ".;" not in " ".join(messages)
    assert "Phone call" in messages[1] and "phone_call" not in messages[1]
