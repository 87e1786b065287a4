"""The recovery key dialog: "Save as PDF to print…" really saves the key's page."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from practice.db.encryption import EncryptResult


def test_save_as_pdf_button_writes_the_key_page(
    qtbot,  # type: ignore[no-untyped-def]
    qt_settings: None,
    encrypted: tuple[Path, EncryptResult],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from practice.ui.security_settings import RecoveryKeyDialog

    # Given the dialog showing a practice's recovery key, and a save dialog answering
    path, result = encrypted
    target = tmp_path / "printouts" / "Practice recovery key.pdf"
    target.parent.mkdir()
    asked: list[str] = []

    def choose(*args: object) -> tuple[str, str]:
        asked.append(str(args[2]))  # the suggested file name
        return str(target), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    dialog = RecoveryKeyDialog(result.recovery_key, path)
    qtbot.addWidget(dialog)
    dialog.show()

    # When the button is clicked
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    # Then the chosen file is a one-page PDF with the key on it, and the dialog says so
    assert asked and asked[0].endswith("Practice recovery key.pdf")
    assert dialog.saved_to == target
    assert dialog.saved_label.isVisible() and str(target) in dialog.saved_label.text()
    reader = PdfReader(target)
    text = "".join(reader.pages[0].extract_text().split())
    assert len(reader.pages) == 1
    assert result.recovery_key.replace("-", "") in text
    assert target.stat().st_mode & 0o077 == 0


def test_cancelled_save_dialog_writes_nothing(
    qtbot,  # type: ignore[no-untyped-def]
    qt_settings: None,
    encrypted: tuple[Path, EncryptResult],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from practice.ui.security_settings import RecoveryKeyDialog

    path, result = encrypted
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    dialog = RecoveryKeyDialog(result.recovery_key, path)
    qtbot.addWidget(dialog)
    dialog.show()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.saved_to is None and not dialog.saved_label.isVisible()
    assert list(tmp_path.rglob("*.pdf")) == []
