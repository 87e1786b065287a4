"""The one error path of user actions (``ui.actions``), driven by real clicks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from practice.services import clients
from practice.services.clients import ClientInput
from practice.services.errors import ServiceError, ValidationError
from practice.ui.actions import run_action

LEFT = Qt.MouseButton.LeftButton


class UnexpectedError(Exception):
    """An exception no part of Practice expects."""


class ActionPanel(QWidget):
    """A button whose click runs ``work`` through ``run_action``, as the app's forms do;
    ``inline`` puts expected failures in its own message line instead of a box."""

    def __init__(self, database, work, *, inline: bool = False, **options) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.button = QPushButton("Save")
        self.status = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.button)
        layout.addWidget(self.status)
        if inline:
            options["on_problem"] = self.status.setText
        self.results: list[object] = []
        self.button.clicked.connect(
            lambda: self.results.append(run_action(self, database, work, **options))
        )


def _create_then(error: Exception):  # type: ignore[no-untyped-def]
    """Work that writes a client, then fails with ``error``."""

    def work(s: Session) -> None:
        clients.create(s, ClientInput(first_name="Ilse", last_name="Brandt"))
        raise error

    return work


def _names(db) -> list[str]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return [row.name for row in clients.list_rows(s)]


def test_a_service_error_is_shown_in_its_own_words_and_nothing_is_written(qtbot, db, message_boxes):
    # Given an action that fails with a message written for the therapist
    panel = ActionPanel(
        db, _create_then(ServiceError("This client's file is closed.")), title="Not saved"
    )
    qtbot.addWidget(panel)

    # When its button is clicked
    qtbot.mouseClick(panel.button, LEFT)

    # Then the message box says exactly that, the action returns None, nothing is kept
    assert message_boxes == [("Not saved", "This client's file is closed.")]
    assert panel.results == [None]
    assert _names(db) == []


def test_a_form_that_keeps_its_input_says_so_in_its_own_place(qtbot, db, message_boxes):
    # Given a form with its own message line
    error = ServiceError("The calendar is full that day.")
    panel = ActionPanel(db, _create_then(error), inline=True, kept_input=True)
    qtbot.addWidget(panel)

    # When the save fails
    qtbot.mouseClick(panel.button, LEFT)

    # Then the message goes to that line, with the reassurance, and no box is shown
    assert panel.status.text() == "The calendar is full that day. What you typed is still here."
    assert message_boxes == []
    assert _names(db) == []


def test_field_errors_go_to_the_form_callback(qtbot, db, message_boxes):
    shown: list[dict[str, str]] = []
    panel = ActionPanel(
        db,
        _create_then(ValidationError({"email": "Please write an e-mail address."})),
        on_validation=shown.append,
    )
    qtbot.addWidget(panel)

    qtbot.mouseClick(panel.button, LEFT)

    assert shown == [{"email": "Please write an e-mail address."}]
    assert message_boxes == []
    assert _names(db) == []


def test_an_unexpected_exception_is_raised_to_the_excepthook_not_swallowed(
    qtbot, db, message_boxes
):
    # Given an action with a bug
    bug = UnexpectedError("index 7 out of range")
    panel = ActionPanel(db, _create_then(bug))
    qtbot.addWidget(panel)

    # When its button is clicked
    with qtbot.captureExceptions() as raised:
        qtbot.mouseClick(panel.button, LEFT)

    # Then the very exception reaches sys.excepthook (where the crash report logs it and
    # shows its dialog, see tests/ui/test_crash.py), with no message box of its own
    assert [exc for _type, exc, _tb in raised] == [bug]
    assert message_boxes == []
    assert panel.results == []  # the click handler did not return
    # and the unit of work was rolled back
    assert _names(db) == []


def test_success_runs_the_callback_with_the_result(qtbot, db, message_boxes):
    done: list[object] = []
    panel = ActionPanel(
        db,
        lambda s: clients.create(s, ClientInput(first_name="Ilse", last_name="Brandt")).id,
        on_success=done.append,
    )
    qtbot.addWidget(panel)

    qtbot.mouseClick(panel.button, LEFT)

    assert done == panel.results == [1]
    assert _names(db) == ["Brandt, Ilse"]
    assert message_boxes == []
