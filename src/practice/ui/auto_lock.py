"""Auto-lock: after N idle minutes the window hides every client's data and closes the database.

:class:`AutoLock` watches the whole application's input (the ``QApplication``'s one
shared event filter, ``ui/app_events.py``): a key press, a click, a wheel turn or a
mouse move restarts an idle timer. When it runs out, :meth:`AutoLock.lock`:

1. closes the other windows (session panels keep their drafts, as when closed by
   hand; open dialogs are cancelled);
2. empties the client list and puts the lock screen in place of the window's
   content (which is kept, hidden, so unsaved form input is not lost) and
   disables the menus;
3. closes the database: its engine is disposed and the key forgotten.

:meth:`AutoLock.unlock` takes the key from the lock screen's passphrase (or a
click on Unlock, for a practice without encryption), reopens the database, puts
the content back and reloads it. The minutes are the ``security/auto_lock_minutes``
setting (default 5).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMainWindow, QVBoxLayout, QWidget
from shiboken6 import Shiboken

from practice.db import crypto
from practice.db.engine import Database
from practice.services.unlock_audit import record_unlock_failures
from practice.ui import i18n
from practice.ui.app_events import app_events
from practice.ui.unlock_dialog import WRONG_PASSPHRASE, PassphrasePanel

MINUTES_KEY = "security/auto_lock_minutes"
DEFAULT_MINUTES = 5.0
MINUTES_RANGE = (1, 240)  # what Preferences and Security settings offer
_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


def auto_lock_minutes() -> float:
    """The idle minutes before the lock, from the settings: within ``MINUTES_RANGE``
    (a settings file edited by hand may say anything); the default when it is not a
    number, or not a finite one."""
    value = QSettings().value(MINUTES_KEY, DEFAULT_MINUTES)
    if not isinstance(value, (int, float, str)):  # text from an INI file, else a number
        return DEFAULT_MINUTES
    try:
        minutes = float(value)
    except ValueError:
        return DEFAULT_MINUTES
    if not math.isfinite(minutes) or minutes <= 0:
        return DEFAULT_MINUTES
    return min(max(minutes, MINUTES_RANGE[0]), MINUTES_RANGE[1])


def set_auto_lock_minutes(minutes: float) -> None:
    QSettings().setValue(MINUTES_KEY, minutes)


class LockScreen(QWidget):
    """What the window shows while locked: no client data, a way back in."""

    WIDTH = 460

    def __init__(self, database: Database, *, encrypted: bool, reason: str) -> None:
        super().__init__()
        self.setObjectName("lockScreen")
        title = QLabel(self.tr("Practice is locked"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        how = (
            self.tr("Type the passphrase to go on.")
            if encrypted
            else self.tr(
                "Click Unlock to go on. (With a passphrase, set in File → Security "
                "settings, unlocking would take it.)"
            )
        )
        text = QLabel(self.tr("{reason} {how}").format(reason=reason, how=how))
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # the outer layout does not ask wrapped labels for their height: reserve it
        text.setMinimumHeight(text.heightForWidth(self.WIDTH - 24))
        self.panel = PassphrasePanel(database.path, encrypted=encrypted)
        card = QWidget()
        card.setFixedWidth(self.WIDTH)
        inner = QVBoxLayout(card)
        inner.setSpacing(10)
        inner.addWidget(title)
        inner.addWidget(text)
        inner.addSpacing(12)
        inner.addWidget(self.panel)
        box = QVBoxLayout(self)
        box.addStretch(2)
        box.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(3)


class AutoLock(QObject):
    """Locks ``window`` after idle minutes; see the module docstring.

    The window may offer ``clear_client_data()`` (called before it is hidden) and
    ``reload_client_data()`` (called after the database is open again).
    """

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self, window: QMainWindow, database: Database, minutes: float | None = None
    ) -> None:
        super().__init__(window)
        self.window = window
        self.database = database
        self.lock_screen: LockScreen | None = None
        self._content: QWidget | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(lambda: self.lock(idle=True))
        self.set_minutes(minutes if minutes is not None else auto_lock_minutes())
        self._events = app_events()
        if self._events is not None:
            self._events.subscribe(_ACTIVITY, self._on_activity)
            self.destroyed.connect(lambda: self._stop_watching())

    @property
    def is_locked(self) -> bool:
        return self.lock_screen is not None

    def set_minutes(self, minutes: float) -> None:
        if not math.isfinite(minutes) or minutes <= 0:
            minutes = DEFAULT_MINUTES
        self.minutes = min(minutes, MINUTES_RANGE[1])
        self.timer.setInterval(max(1, round(self.minutes * 60_000)))
        if not self.is_locked:
            self.timer.start()

    def _on_activity(self, _watched: QObject, _event: QEvent) -> bool:
        if Shiboken.isValid(self) and not self.is_locked:
            self.timer.start()
        return False

    def _stop_watching(self) -> None:
        if self._events is not None and Shiboken.isValid(self._events):
            self._events.unsubscribe(self._on_activity)

    def lock(self, *, idle: bool = False) -> None:
        """Lock now (``idle``: because the idle time ran out, which the screen says)."""
        if self.is_locked:
            return
        self.timer.stop()
        self._close_other_windows()
        encrypted = crypto.is_encrypted(self.database.path)
        clear = getattr(self.window, "clear_client_data", None)
        if clear is not None:
            clear()
        self._content = self.window.takeCentralWidget()
        if self.minutes == int(self.minutes):
            whole = int(self.minutes)  # lupdate reads a plain name as the count
            minutes = QCoreApplication.translate("AutoLock", "%n minute(s)", None, whole)
        else:  # a fraction, from the settings file
            minutes = self.tr("{minutes} minutes").format(minutes=f"{self.minutes:g}")
        reason = (
            self.tr(
                "It locked itself after {minutes} without use, to keep client records private."
            ).format(minutes=minutes)
            if idle
            else self.tr("Client records are hidden.")
        )
        self.lock_screen = LockScreen(self.database, encrypted=encrypted, reason=reason)
        self.lock_screen.panel.unlocked.connect(self.unlock)
        self.window.setCentralWidget(self.lock_screen)
        self.lock_screen.show()
        self.window.menuBar().setEnabled(False)
        self.database.close()
        self.locked.emit()
        if encrypted:
            self.lock_screen.panel.field.setFocus()

    def _close_other_windows(self) -> None:
        for widget in QApplication.topLevelWidgets():
            # closing one window may delete another (its child): check before touching
            if not Shiboken.isValid(widget) or widget is self.window:
                continue
            kind = widget.windowType()
            if not widget.isVisible() or kind not in (Qt.WindowType.Window, Qt.WindowType.Dialog):
                continue  # hidden, or a popup menu or tooltip
            if isinstance(widget, QDialog):
                widget.reject()
            else:
                widget.close()  # a session panel keeps its draft when closed

    def unlock(self, key: bytes | None = None) -> None:
        """Reopen with ``key`` (None: a practice without encryption) and show the data."""
        if not self.is_locked:
            return
        assert self.lock_screen is not None
        try:
            self.database.reopen(key)
        except crypto.WrongPassphraseError:
            self.lock_screen.panel.show_error(i18n.translated(WRONG_PASSPHRASE))
            return
        self.window.takeCentralWidget()
        self.lock_screen.deleteLater()
        self.lock_screen = None
        if self._content is not None:
            self.window.setCentralWidget(self._content)
            self._content.show()  # shown now, not at the next event loop turn
            self._content = None
        self.window.menuBar().setEnabled(True)
        reload = getattr(self.window, "reload_client_data", None)
        if reload is not None:
            reload()
        record_unlock_failures(self.database)
        self.timer.start()
        self.unlocked.emit()
