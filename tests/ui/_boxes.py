"""Answering every message box a test brings up, by the box's object name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


class Boxes:
    live: list[Boxes] = []  # listening; stop_all() after each test
    """While it listens, clicks on each modal message box the button ``answers`` gives for
    the box's object name ("" for a plain question such as "Sign the note…?"); a box it
    has no answer for is rejected. ``seen``: (object name, text, informative text) of
    each, in order. A box that should not have come is then in ``seen`` (and the test
    never hangs on it)."""

    def __init__(self, qtbot, answers: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.answers = answers
        self.seen: list[tuple[str, str, str]] = []
        self._done: list[QMessageBox] = []
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._look)
        self._timer.start()
        Boxes.live.append(self)

    @property
    def names(self) -> list[str]:
        return [name for name, _text, _info in self.seen]

    def stop(self) -> None:
        self._timer.stop()
        if self in Boxes.live:
            Boxes.live.remove(self)

    @classmethod
    def stop_all(cls) -> None:
        """Stop every listener (a failed test must not answer the next test's boxes)."""
        for boxes in list(cls.live):
            boxes.stop()

    def _look(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or any(box is done for done in self._done):
            return
        self._done.append(box)
        name = box.objectName()
        self.seen.append((name, box.text(), box.informativeText()))
        wanted = self.answers.get(name)
        chosen = [b for b in box.buttons() if b.text().replace("&", "") == wanted]
        if len(chosen) != 1:
            box.reject()
            return
        self.qtbot.mouseClick(chosen[0], Qt.MouseButton.LeftButton)


class Answer:
    """Clicks ``button`` on the box named ``name`` when it shows; keeps what it said and
    what ``look`` saw while it was open (the window behind it, as the user sees it).
    ``shot``: a PNG of the box is saved there when its folder exists."""

    def __init__(  # type: ignore[no-untyped-def]
        self,
        qtbot,
        name: str,
        button: str,
        look: Callable[[], object] = str,
        shot: Path | None = None,
    ) -> None:
        self.text = self.info = ""
        self.buttons: list[str] = []
        self.seen: object = None
        tries = [250]  # about 5 s: a box that never comes leaves the test to fail

        def click() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox) or box.objectName() != name:
                tries[0] -= 1
                if tries[0] > 0:
                    QTimer.singleShot(20, click)
                return
            self.text, self.info = box.text(), box.informativeText()
            self.buttons = [b.text().replace("&", "") for b in box.buttons()]
            self.seen = look()
            if shot is not None and shot.parent.is_dir():
                box.grab().save(str(shot))
            chosen = [b for b in box.buttons() if b.text().replace("&", "") == button]
            if len(chosen) != 1:  # not the expected buttons: close it, the test then fails
                box.reject()
                return
            qtbot.mouseClick(chosen[0], Qt.MouseButton.LeftButton)

        QTimer.singleShot(0, click)
