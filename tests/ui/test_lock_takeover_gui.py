"""The app offers to take over a lock left on another computer, after a confirmation."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from practice.db.engine import Database
from practice.db.lock import lock_path, read_owner
from practice.services import audit
from practice.ui.app_controller import EXIT_IN_USE, AppController


class Answers:
    """Message boxes shown with ``exec``: each gets the next answer (a button's text)."""

    def __init__(self) -> None:
        self.answers: list[str] = []
        self.shown: list[str] = []

    def exec(self, box: QMessageBox) -> int:
        self.shown.append(f"{box.text()} {box.informativeText()}")
        answer = self.answers.pop(0) if self.answers else None
        for button in box.buttons():
            if button.text() == answer:
                button.click()
        return 0


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    seen = Answers()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: seen.exec(box))
    return seen


def _lock_from_elsewhere(db_path: Path) -> None:
    started = (datetime.now(UTC) - timedelta(days=2)).isoformat(timespec="seconds")
    lock_path(db_path).write_text(
        json.dumps({"pid": 777, "host": "old-laptop", "started": started, "program": "Practice"})
    )


def _takeover_events(db_path: Path) -> list[str]:
    database = Database(db_path)
    try:
        with database.session() as s:
            return [e.summary for e in audit.list_events(s, action="lock-taken-over")]
    finally:
        database.dispose()


def test_the_user_takes_over_a_lock_from_another_computer(qtbot, db_path, answers) -> None:
    # Given a lock Practice left on another computer two days ago
    _lock_from_elsewhere(db_path)
    # and a user who chooses to take over, then confirms
    answers.answers = ["Take over…", "Take over"]

    # When the app starts
    controller = AppController(db_path)
    status = controller.start()

    # Then the first box named the host, the process and the age, the second asked
    assert status is None and controller.window is not None
    qtbot.addWidget(controller.window)
    locked, confirm = answers.shown
    assert "old-laptop" in locked and "process 777" in locked and "2 days ago" in locked
    assert "Take over the practice from old-laptop?" in confirm
    # and the app holds the lock now, and the audit trail records the takeover
    owner = read_owner(db_path)
    assert owner is not None and owner.program == "Practice" and owner.host != "old-laptop"
    [event] = _takeover_events(db_path)
    assert "Practice (process 777) on old-laptop" in event
    controller.shutdown()


@pytest.mark.parametrize("choices", [[], ["Take over…", "Cancel"]], ids=["close", "cancel"])
def test_without_a_confirmation_the_lock_stays(qtbot, db_path, answers, choices) -> None:
    # Given a lock left on another computer, and a user who closes or cancels
    _lock_from_elsewhere(db_path)
    answers.answers = list(choices)

    # When the app starts
    status = AppController(db_path).start()

    # Then it stops, the lock is as it was, and nothing was audited
    assert status == EXIT_IN_USE
    owner = read_owner(db_path)
    assert owner is not None and owner.host == "old-laptop"
    assert _takeover_events(db_path) == []
