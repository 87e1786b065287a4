"""The connect dialog after a failure (issue 17 follow-up, points 2 and 3): the server's
common failures said in the user's language, naming host and port, the server's own
words only under Details; and the dialog grows so that no field or text is cut."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton

from practice.db.location import Location, parse
from practice.ui.server_connect import ServerConnectDialog

LEFT = Qt.MouseButton.LeftButton
SHOTS = Path("/work/shots/formfix17")
REFUSED = "postgresql://ana@127.0.0.1:1/practice"  # nothing listens on port 1


def _dialog(qtbot, location: Location) -> ServerConnectDialog:  # type: ignore[no-untyped-def]
    dialog = ServerConnectDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    url = location.url
    assert url is not None
    for field, text in (
        (dialog.host, url.host or ""),
        (dialog.port, str(url.port)),
        (dialog.database, url.database or ""),
        (dialog.user, url.username or ""),
    ):
        field.selectAll()
        qtbot.keyClick(field, Qt.Key.Key_Delete)
        qtbot.keyClicks(field, text)
    return dialog


def _missing_database(postgres_url: str) -> Location:
    found = parse(postgres_url)
    assert found.url is not None
    return Location(url=found.url.set(database=f"no_such_{uuid.uuid4().hex[:8]}"))


@pytest.mark.parametrize(
    ("language", "refused", "details"),
    [
        ("en", "refused the connection", "Show details"),
        ("es", "rechazó la conexión", "Mostrar detalles"),
    ],
)
def test_a_refused_port_is_said_in_words_with_the_server_text_under_details(  # type: ignore[no-untyped-def]
    qtbot, request: pytest.FixtureRequest, language: str, refused: str, details: str
) -> None:
    if language == "es":
        request.getfixturevalue("spanish")
    dialog = _dialog(qtbot, parse(REFUSED))
    qtbot.mouseClick(dialog.connect_button, LEFT)
    problem = dialog.problem.text()
    assert refused in problem and "127.0.0.1" in problem and "1" in problem
    assert "connection failed" not in problem and "Connection refused" not in problem
    assert dialog.details_button.isVisible() and dialog.details_button.text() == details
    assert not dialog.details.isVisible()
    qtbot.mouseClick(dialog.details_button, LEFT)
    assert dialog.details.isVisible() and "Connection refused" in dialog.details.text()


@pytest.mark.parametrize(
    ("language", "missing"), [("en", "has no database named"), ("es", "no tiene una base")]
)
def test_a_missing_database_is_said_in_words(  # type: ignore[no-untyped-def]
    qtbot, request: pytest.FixtureRequest, postgres_url: str, language: str, missing: str
) -> None:
    if language == "es":
        request.getfixturevalue("spanish")
    wrong = _missing_database(postgres_url)
    assert wrong.url is not None
    dialog = _dialog(qtbot, wrong)
    qtbot.mouseClick(dialog.connect_button, LEFT)
    problem = dialog.problem.text()
    assert missing in problem and str(wrong.url.database) in problem
    assert str(wrong.url.port) in problem and "does not exist" not in problem
    qtbot.mouseClick(dialog.details_button, LEFT)
    assert "does not exist" in dialog.details.text()


def test_the_dialog_grows_with_an_error_in_spanish_at_1024x600(qtbot, spanish) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    dialog = _dialog(qtbot, parse(REFUSED))
    dialog.setParent(window, dialog.windowFlags())
    dialog.show()
    dialog.resize(dialog.minimumSizeHint().width(), dialog.sizeHint().height())  # as opened
    qtbot.mouseClick(dialog.connect_button, LEFT)
    qtbot.mouseClick(dialog.details_button, LEFT)
    QApplication.processEvents()
    assert dialog.problem.isVisible() and dialog.details.isVisible()
    for widget in dialog.findChildren(QLineEdit) + dialog.findChildren(QPushButton):
        if widget.isVisible():
            hint = widget.sizeHint()
            assert widget.height() >= hint.height(), widget
            assert widget.width() >= min(hint.width(), widget.minimumSizeHint().width()), widget
    for label in dialog.findChildren(QLabel):
        if label.isVisible() and label.wordWrap():
            assert label.height() >= label.heightForWidth(label.width()), label.text()
        elif label.isVisible():
            assert label.height() >= label.sizeHint().height(), label.text()
            assert label.width() >= label.sizeHint().width(), label.text()
    assert dialog.height() <= 600
    if os.environ.get("PRACTICE_SHOTS"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(SHOTS / "connect-error-es-1024x600.png"))
        window.resize(1366, 768)
        dialog.grab().save(str(SHOTS / "connect-error-es-1366x768.png"))
