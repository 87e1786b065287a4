"""Practice updated on disk while it runs (an upgrade of the .deb): said, and restarted
on request. The file is replaced for real, as a package manager does: a new file
renamed over the old one."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from practice.ui import update_watch
from practice.ui.update_watch import UpdateWatch


@pytest.fixture
def program(tmp_path, monkeypatch):
    monkeypatch.setattr(update_watch, "_restart", [False])
    path = tmp_path / "practice"
    path.write_bytes(b"the version that is running")
    return path


def _install_new_version(program):
    new = program.with_name("practice.dpkg-new")
    new.write_bytes(b"the version just installed, longer")
    os.replace(new, program)


def _button(box: QMessageBox, role: QMessageBox.ButtonRole):
    [button] = [b for b in box.buttons() if box.buttonRole(b) == role]
    return button


def test_a_replaced_program_is_said_and_restart_closes_the_window_as_usual(
    qtbot, main_window, program
):
    # Given the app running from ``program``
    watch = UpdateWatch(program, main_window)
    # When a new version is installed over it
    _install_new_version(program)
    # Then one message says so and offers to restart
    qtbot.waitUntil(lambda: watch.box is not None and watch.box.isVisible(), timeout=5000)
    assert watch.box is not None
    assert "new version of Practice was installed while it was open" in watch.box.text()
    assert "Your work so far is kept" in watch.box.informativeText()
    # When "Restart now" is clicked
    restart = _button(watch.box, QMessageBox.ButtonRole.AcceptRole)
    qtbot.mouseClick(restart, Qt.MouseButton.LeftButton)
    # Then the window closes as when the user closes it, and the restart is asked for
    qtbot.waitUntil(lambda: not main_window.isVisible(), timeout=5000)
    assert update_watch.restart_asked()


def test_later_keeps_working_and_asks_only_once(qtbot, main_window, program):
    watch = UpdateWatch(program, main_window)
    _install_new_version(program)
    qtbot.waitUntil(lambda: watch.box is not None and watch.box.isVisible(), timeout=5000)
    assert watch.box is not None
    first = watch.box
    qtbot.mouseClick(_button(first, QMessageBox.ButtonRole.RejectRole), Qt.MouseButton.LeftButton)
    assert not first.isVisible() and main_window.isVisible()
    assert not update_watch.restart_asked()
    # another change to the file asks no second time
    _install_new_version(program)
    qtbot.wait(300)
    assert watch.box is first and not first.isVisible()


def test_an_untouched_program_says_nothing(qtbot, main_window, program):
    watch = UpdateWatch(program, main_window)
    program.with_name("unrelated.log").write_text("x")  # the folder changes, not the program
    qtbot.wait(300)
    assert watch.box is None
