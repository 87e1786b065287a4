"""One filter on the whole application's events, shared by the app's watchers.

An event filter on the ``QApplication`` is called for every event of every widget,
and each call goes from Qt into Python: about 8,600 calls while the main window
opens, some 50 ms for each filter installed. Auto-lock (input activity) and the
wheel guard (wheel and polish events) therefore share this one filter, which calls
each only for the event types it asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from shiboken6 import Shiboken

Handler = Callable[[QObject, QEvent], bool]  # True: the event is taken


class AppEvents(QObject):
    """The shared filter: handlers by event type, called in the order they came."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._handlers: dict[QEvent.Type, list[Handler]] = {}
        app.installEventFilter(self)

    def subscribe(self, kinds: Iterable[QEvent.Type], handler: Handler) -> None:
        for kind in kinds:
            self._handlers.setdefault(kind, []).append(handler)

    def unsubscribe(self, handler: Handler) -> None:
        for handlers in self._handlers.values():
            while handler in handlers:
                handlers.remove(handler)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        handlers = self._handlers.get(event.type())
        if handlers:
            for handler in tuple(handlers):
                if handler(watched, event):
                    return True
        return False


_hubs: dict[int, AppEvents] = {}


def app_events() -> AppEvents | None:
    """The application's shared filter (made on first use); None without an application."""
    app = QCoreApplication.instance()
    if app is None:
        return None
    hub = _hubs.get(id(app))
    if hub is None or not Shiboken.isValid(hub):
        hub = _hubs[id(app)] = AppEvents(app)
    return hub
