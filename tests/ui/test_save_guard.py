"""The app's save dialogs refuse the practice, its own files and its backups, with a message."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from practice.db import crypto, encryption
from practice.db.engine import Database
from practice.domain.vocabulary import Language, LiteracyLevel
from practice.services import audit, backup, clients
from practice.services.clients import ClientInput
from practice.services.printing import variant
from practice.sheets.sheet import SelfRecordSheet, SheetRequest
from practice.sheets.templates import load_templates
from practice.ui.backups_dialog import backup_folder
from practice.ui.export_dialogs import ClientExportDialog, ExportAllDialog
from practice.ui.save_guard import REFUSED_TITLE
from practice.ui.security_settings import RecoveryKeyDialog
from practice.ui.sheet_preview import SheetPreview, SheetSource

LEFT = Qt.MouseButton.LeftButton
PASSPHRASE = "correct horse battery"
FAST = crypto.KdfParams(time_cost=1, memory_cost=8 * 1024, parallelism=1)  # cheap for tests


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _answer(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


@pytest.fixture
def kept(db: Database) -> Path:
    """A real backup in the backups folder the app uses."""
    return backup.make_backup(db.path, backup_folder(db.path), audit=False).path


def _listing(folder: Path) -> list[str]:
    """The files in ``folder``, less the tests' settings folder (the file dialog
    remembers the folder chosen there)."""
    return sorted(p.name for p in folder.iterdir() if p.name != "settings")


def test_sheet_preview_refuses_the_backups_folder_and_a_link_to_the_practice(
    qtbot, db: Database, kept: Path, tmp_path: Path, monkeypatch, message_boxes
) -> None:
    # Given a blank sheet in the preview
    text = variant(load_templates().get("mood_log"), LiteracyLevel.PLAIN, Language.EN)
    pdf = SelfRecordSheet(SheetRequest(text)).generate()
    preview = SheetPreview([SheetSource("Mood log", pdf, "mood-log")], practice=db.path)
    qtbot.addWidget(preview)
    before, listing = _digest(db.path), _listing(kept.parent)
    link = tmp_path / "sheet.pdf"
    link.symlink_to(db.path)

    # When the user saves it into the backups folder, then over a link to the practice
    for target in (kept.parent / "sheet.pdf", link):
        _answer(monkeypatch, target)
        qtbot.mouseClick(preview.save_button, LEFT)

    # Then both are refused with a message, and nothing of the practice changed
    assert [title for title, _ in message_boxes] == [REFUSED_TITLE, REFUSED_TITLE]
    assert "backups folder" in message_boxes[0][1] and "Nothing was saved" in message_boxes[1][1]
    assert _digest(db.path) == before and _listing(kept.parent) == listing
    assert link.is_symlink()
    # and an ordinary file is saved as before
    _answer(monkeypatch, tmp_path / "mine.pdf")
    qtbot.mouseClick(preview.save_button, LEFT)
    assert (tmp_path / "mine.pdf").read_bytes() == pdf and len(message_boxes) == 2


def test_sheet_preview_refuses_the_practice_named_without_pdf_and_asks_before_replacing(
    qtbot, db: Database, tmp_path: Path, monkeypatch, message_boxes
) -> None:
    # Given a blank sheet in the preview
    text = variant(load_templates().get("mood_log"), LiteracyLevel.PLAIN, Language.EN)
    pdf = SelfRecordSheet(SheetRequest(text)).generate()
    preview = SheetPreview([SheetSource("Mood log", pdf, "mood-log")], practice=db.path)
    qtbot.addWidget(preview)
    before = _listing(db.path.parent)

    # When the user picks the practice file itself (Qt asked "replace?" about that name)
    _answer(monkeypatch, db.path)
    qtbot.mouseClick(preview.save_button, LEFT)

    # Then it is refused, and no "practice.sqlite3.pdf" appears beside the practice
    assert [title for title, _ in message_boxes] == [REFUSED_TITLE]
    assert _listing(db.path.parent) == before

    # And a name that gains ".pdf" over an existing file is asked about first
    (tmp_path / "week.pdf").write_bytes(b"mine")
    asked: list[str] = []

    def no(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", no)
    _answer(monkeypatch, tmp_path / "week")
    qtbot.mouseClick(preview.save_button, LEFT)
    assert asked == [f"week.pdf already exists in {tmp_path}. Replace it?"]
    assert (tmp_path / "week.pdf").read_bytes() == b"mine"


def test_client_record_is_not_saved_over_a_hard_link_to_the_practice(
    qtbot, db: Database, tmp_path: Path, monkeypatch, message_boxes
) -> None:
    # Given a client's record dialog, and a file that is another name of the practice
    with db.session() as s:
        client = clients.create(s, ClientInput(first_name="Amara", last_name="Okafor")).id
    dialog = ClientExportDialog(db, client)
    qtbot.addWidget(dialog)
    hard = tmp_path / "record.pdf"
    os.link(db.path, hard)
    before = _digest(db.path)

    # When the user saves the record as PDF there
    _answer(monkeypatch, hard)
    qtbot.mouseClick(dialog.pdf_button, LEFT)

    # Then it is refused with a message; the practice is whole and no export was recorded
    assert [title for title, _ in message_boxes] == [REFUSED_TITLE]
    assert "a file of the practice" in message_boxes[0][1]
    assert _digest(db.path) == before and dialog.saved == []
    with db.session() as s:
        assert audit.list_events(s, action="export") == []


def test_export_everything_refuses_the_backups_folder(
    qtbot, db: Database, kept: Path, monkeypatch, message_boxes
) -> None:
    # Given the export dialog
    dialog = ExportAllDialog(db)
    qtbot.addWidget(dialog)
    listing = _listing(kept.parent)

    # When the user picks the backups folder for the export
    folder = str(kept.parent)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: folder)
    qtbot.mouseClick(dialog.choose_button, LEFT)

    # Then it is refused with a message, no folder is set, and the backups are untouched
    assert [title for title, _ in message_boxes] == [REFUSED_TITLE]
    assert dialog.target is None and not dialog.export_button.isEnabled()
    assert _listing(kept.parent) == listing


def test_recovery_key_pdf_is_not_saved_over_the_key_file(
    qtbot, db_path: Path, monkeypatch, message_boxes
) -> None:
    # Given an encrypted practice and the dialog that shows its recovery key
    result = encryption.encrypt(db_path, PASSPHRASE, params=FAST)
    dialog = RecoveryKeyDialog(result.recovery_key, db_path)
    qtbot.addWidget(dialog)
    key_file = crypto.key_file_path(db_path)
    before = key_file.read_bytes()

    # When the user saves the recovery key page as the key file
    _answer(monkeypatch, key_file)
    saved = dialog.save_pdf()

    # Then it is refused with a message and the key file still opens the practice
    assert saved is None and [title for title, _ in message_boxes] == [REFUSED_TITLE]
    assert key_file.read_bytes() == before
    assert crypto.unlock(db_path, PASSPHRASE) == result.key
