"""The import dialog reads regular files only; the sheet preview warns of [?] marks."""

from __future__ import annotations

import os
import re
from datetime import date, timedelta

import pytest
from _homework_data import local, mood_log
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from practice.services import appointments, clients, homework
from practice.services.clients import ClientInput
from practice.sheets.templates import load_templates
from practice.ui.filled_import_dialog import FilledImportDialog
from practice.ui.sheet_preview import show_sheet_for_assignment

LIBRARY = load_templates()
LEFT = Qt.MouseButton.LeftButton


def client_with(db, preferred: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    today = date.today()
    with db.session() as s:
        client = clients.create(
            s, ClientInput(first_name="Nora", last_name="Ejemplo", preferred_name=preferred)
        ).id
        a = homework.assign(s, client, mood_log(today))
        appointments.schedule(s, client, local(today + timedelta(days=6), 10))
    return client, a.id


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_the_import_dialog_refuses_a_special_file_at_once(qtbot, db, tmp_path, monkeypatch, kind):
    # Given a named pipe (which would wait forever) or a link to /dev/zero, named .pdf
    client, _ = client_with(db, "Nori")
    special = tmp_path / "back.pdf"
    if kind == "fifo":
        os.mkfifo(special)
    else:
        special.symlink_to("/dev/zero")
    dialog = FilledImportDialog(db, LIBRARY, client_id=client)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(special), ""))
    # When the therapist chooses it
    qtbot.mouseClick(dialog.choose_button, LEFT)
    # Then the dialog says why, and nothing can be confirmed
    assert "is not a regular file" in dialog.error_label.text()
    assert not dialog.error_label.isHidden()
    assert dialog.preview is None and not dialog.confirm_button.isEnabled()


def test_the_sheet_preview_warns_of_characters_printed_as_marks(qtbot, db):
    # Given a client whose preferred name has a character no font can draw
    _, with_mark = client_with(db, "No\ue000ri")
    _, plain = client_with(db, "Nori")
    # When the sheet is previewed
    dialog = show_sheet_for_assignment(db, LIBRARY, with_mark)
    assert dialog is not None
    qtbot.addWidget(dialog)
    # Then the preview says so, in one line, without the name
    assert not dialog.message.isHidden()
    text = dialog.message.text()
    assert re.search(r"\[\?\] is printed [2-9] times on this PDF", text)  # header, footers
    assert "\ue000" not in text and "Nori" not in text
    # and a sheet without such characters shows no warning
    other = show_sheet_for_assignment(db, LIBRARY, plain)
    assert other is not None
    qtbot.addWidget(other)
    assert other.message.isHidden()
