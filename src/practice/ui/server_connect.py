"""Reaching a practice on a PostgreSQL server from the app (issue 17, point 1).

:func:`reach` tries a server once, with a short connect timeout, and says what it
found: a practice (its schema state), an empty database, or what went wrong, in
words for the user (the server not reachable, no such database, a password needed
or refused, a newer schema, tables that are not a practice, the wire's own refusal
from ``make_postgresql_engine``). :func:`open_server` is what the app does with that
at start (``practice --db postgresql://…``): ask the password (kept in memory only,
:func:`~practice.db.server_access.with_password`), offer to set up an empty
database, upgrade an older schema.

:class:`ServerConnectDialog` is File → Connect to a practice server…: host, port,
database and user, and an optional password (empty: libpq reads ``~/.pgpass``).
Every field is checked and what was typed stays; a failure is said in the dialog.

The servers connected to are remembered in QSettings WITHOUT their password
(:func:`remember`, :func:`recent_servers`), for File → Recent practice servers; the
last one is what a plain ``practice`` opens next time (:func:`server_at_start`) until
File → Open the practice file on this computer (:func:`forget_at_start`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError

from practice.db import migrate, server_access
from practice.db.engine import make_postgresql_engine  # the wire's rules (TLS) live there
from practice.db.location import (
    POSTGRESQL_DRIVER,
    SECRET_QUERY,
    Location,
    LocationError,
    parse,
)
from practice.db.server_access import password_needed, with_password
from practice.ui import theme
from practice.ui.i18n import translated
from practice.ui.notices import said
from practice.ui.widgets import fit_to_screen

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from practice.ui.main_window import MainWindow

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 5  # a server that does not answer is said within seconds
DEFAULT_PORT = 5432
RECENT_KEY = "servers/recent"  # not translated: a settings key
AT_START_KEY = "servers/at_start"  # not translated: a settings key
RECENT_MAX = 6


@dataclass(frozen=True)
class Reached:
    """What :func:`reach` found: ``state`` (a database that can be used or set up), or
    ``problem`` (words for the user), with ``password`` when a password is wanted."""

    state: migrate.SchemaState | None = None
    problem: str = ""
    password: bool = False
    details: str = ""  # the server's own words (English), shown under Details

    @property
    def empty(self) -> bool:
        return self.state is not None and not self.state.exists


def _with_timeout(location: Location) -> URL:
    assert location.url is not None
    if "connect_timeout" in location.url.query:
        return location.url
    return location.url.update_query_dict({"connect_timeout": str(CONNECT_TIMEOUT_S)})


def reach(location: Location) -> Reached:
    """Connect to ``location`` once (short timeout) and read its schema, writing nothing."""
    where = location.display
    engine: Engine | None = None
    try:
        engine = make_postgresql_engine(_with_timeout(location))
        engine.connect().close()
    except SQLAlchemyError as exc:
        log.info("server not reached: %s", type(exc).__name__)
        if password_needed(exc):
            given = location.url is not None and bool(location.url.password)
            return Reached(
                problem=(
                    QCoreApplication.translate(
                        "server_connect", "The server did not accept this password for {user}."
                    )
                    if given
                    else QCoreApplication.translate(
                        "server_connect", "The server needs a password for {user}."
                    )
                ).format(user=location.url.username if location.url else ""),
                password=True,
            )
        raw = server_access.raw_error(location, exc)
        failure = server_access.connection_failure(location, exc)
        if failure is not None:  # refused, timeout, unknown host, no such database or user
            return Reached(problem=translated(failure), details=raw)
        return Reached(
            problem=QCoreApplication.translate(
                "server_connect",
                "The server at {where} cannot be reached.\n\nCheck the host "
                "and port, and that the server is running.",
            ).format(where=where),
            details=raw,
        )
    except Exception as exc:  # the driver missing, the wire refused (TLS): their own words
        log.info("server not reached: %s", type(exc).__name__)
        return Reached(problem=said(exc))
    finally:
        if engine is not None:
            engine.dispose()
    try:
        return Reached(state=migrate.inspect(location))
    except migrate.DatabaseError as exc:  # newer, or tables that are not a practice
        return Reached(problem=said(exc))


def busy_reach(location: Location) -> Reached:
    """:func:`reach` under a busy cursor (it takes at most the connect timeout)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return reach(location)
    finally:
        QApplication.restoreOverrideCursor()


def ask_set_up(location: Location, parent: QWidget | None) -> bool:
    """Yes to make an empty database a new practice (No is the default)."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("server_connect", "Set up a new practice?"),
        QCoreApplication.translate(
            "server_connect",
            "The database {where} is empty. Set up a new practice in it?\n\nChoose this "
            "only for a new practice: the other computers then connect to the same database.",
        ).format(where=location.display),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_password(location: Location, problem: str, parent: QWidget | None) -> str | None:
    """The password typed (kept in memory only), or None when the user gave up."""
    text, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("server_connect", "Password for the practice server"),
        QCoreApplication.translate("server_connect", "{problem}\nPassword for {where}:").format(
            problem=problem, where=location.display
        ),
        QLineEdit.EchoMode.Password,
    )
    return text if ok and text else None


def set_up_or_upgrade(location: Location, reached: Reached) -> str:
    """Migrate an empty database or an older schema to head; "" or the problem."""
    if reached.state is None or reached.state.at_head:
        return ""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        migrate.upgrade(location)
    except migrate.DatabaseError as exc:
        return said(exc)
    finally:
        QApplication.restoreOverrideCursor()
    return ""


def open_server(location: Location, parent: QWidget | None = None) -> Location | None:
    """Ready ``location`` to be opened (at start): its password asked when the server
    wants one, an empty database set up if the user says so, an older schema
    upgraded. None when it cannot be (said in a message box) or the user stopped."""
    title = QCoreApplication.translate("server_connect", "Practice cannot open this database")
    reached = busy_reach(location)
    while reached.password:
        password = ask_password(location, reached.problem, parent)
        if password is None:
            return None
        location = with_password(location, password)
        reached = busy_reach(location)
    if reached.problem:
        QMessageBox.critical(parent, title, reached.problem)
        return None
    if reached.empty and not ask_set_up(location, parent):
        return None
    problem = set_up_or_upgrade(location, reached)
    if problem:
        QMessageBox.critical(parent, title, problem)
        return None
    return location


# ---- remembered servers (never a password) ---------------------------------------


def address(location: Location) -> str:
    """The server's address to remember and show: ``postgresql://user@host:port/name``."""
    assert location.url is not None
    given = location.url
    url = URL.create(  # URL.set(password=None) would keep the password
        "postgresql",  # not translated: a URL scheme
        username=given.username,
        host=given.host,
        port=given.port,
        database=given.database,
        query={k: v for k, v in given.query.items() if k not in SECRET_QUERY},  # sslpassword…
    )
    return url.render_as_string(hide_password=False)


def remember(location: Location) -> None:
    """Put ``location`` first in the recent servers (without its password); a plain
    ``practice`` opens it next time."""
    text = address(location)
    recent = [text, *(r for r in recent_servers() if r != text)]
    settings = QSettings()
    settings.setValue(RECENT_KEY, recent[:RECENT_MAX])
    settings.setValue(AT_START_KEY, text)


def server_at_start() -> Location | None:
    """The server a plain ``practice`` opens (the last one used), or None: the file."""
    value = QSettings().value(AT_START_KEY)
    if not isinstance(value, str) or not value:
        return None
    try:
        location = parse(value)
    except LocationError:
        return None
    return location if location.is_postgresql else None


def forget_at_start() -> None:
    """A plain ``practice`` opens the practice file on this computer again."""
    QSettings().remove(AT_START_KEY)


def recent_servers() -> list[str]:
    value = QSettings().value(RECENT_KEY)
    if isinstance(value, str):
        value = [value]
    return [v for v in value or [] if isinstance(v, str)]


class ServerMenus(QObject):
    """File → Connect to a practice server… and File → Recent practice servers (the
    addresses remembered, never a password), before Security settings."""

    connect_requested = Signal()
    recent_requested = Signal(str)  # the address chosen
    file_requested = Signal()  # back to the practice file on this computer

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        menu = window.file_menu
        self.connect_action = menu.addAction(self.tr("Connect to a practice ser&ver…"))
        menu.insertAction(window.security_action, self.connect_action)
        self.connect_action.triggered.connect(self.connect_requested)
        self.recent_menu = menu.addMenu(self.tr("Recen&t practice servers"))
        menu.insertMenu(window.security_action, self.recent_menu)
        self.file_action = menu.addAction(self.tr("&Open the practice file on this computer"))
        menu.insertAction(window.security_action, self.file_action)
        self.file_action.triggered.connect(self.file_requested)
        self.file_action.setVisible(False)  # shown on a server (see AppController)
        menu.insertSeparator(window.security_action)
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        self.fill_recent()

    def fill_recent(self) -> None:
        self.recent_menu.clear()
        servers = recent_servers()
        for text in servers:
            action = self.recent_menu.addAction(text)
            action.triggered.connect(lambda _=False, t=text: self.recent_requested.emit(t))
        if not servers:
            none = self.recent_menu.addAction(self.tr("None yet"))
            none.setEnabled(False)


# ---- the dialog --------------------------------------------------------------------


class ServerConnectDialog(QDialog):
    """File → Connect to a practice server…: on Connect, ``location`` is ready to open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to a practice server"))
        self.location: Location | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Open a practice kept on a PostgreSQL server, shared by your computers or "
                "your group. Whoever set up the server can tell you these."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.host = QLineEdit("localhost")  # not translated: a host name
        self.port = QLineEdit(str(DEFAULT_PORT))
        self.database = QLineEdit()
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("leave empty to use your .pgpass file"))
        form.addRow(self.tr("&Host:"), self.host)
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.tr("&Database name:"), self.database)
        form.addRow(self.tr("&User name:"), self.user)
        form.addRow(self.tr("Pass&word:"), self.password)
        layout.addLayout(form)
        note = QLabel(
            self.tr(
                "The password is kept only while Practice runs; it is never saved. A server "
                "on another computer must use TLS with a verified certificate."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setObjectName("problem")  # not translated: an object name
        theme.set_role(self.problem, "danger")  # not translated: a theme role
        self.problem.hide()
        layout.addWidget(self.problem)
        self.details_button = QPushButton(self.tr("Show details"))
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._show_details)
        self.details_button.hide()
        self.details = QLabel()  # the server's own words, for whoever set it up
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.hide()
        layout.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.details)
        # the dialog grows with a message: its fields are never squashed (issue 17)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = buttons.addButton(
            self.tr("&Connect"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.connect_button.setDefault(True)
        buttons.accepted.connect(self.try_connect)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # the Spanish placeholder whole (the layout sets the dialog's minimum from it)
        placeholder = self.password.fontMetrics().horizontalAdvance(self.password.placeholderText())
        self.password.setMinimumWidth(placeholder + 24)
        self.setMinimumWidth(500)
        fit_to_screen(self)
        self.database.setFocus()

    def fill(self, text: str) -> None:
        """Put a remembered server's address in the fields (its password is never kept)."""
        location = parse(text)
        assert location.url is not None
        self.host.setText(location.url.host or "localhost")  # not translated: a host name
        self.port.setText(str(location.url.port or DEFAULT_PORT))
        self.database.setText(location.url.database or "")
        self.user.setText(location.url.username or "")

    def say(self, problem: str, field: QLineEdit | None = None, details: str = "") -> None:
        self.problem.setText(problem)
        self.problem.show()
        self.details.setText(details)
        self.details_button.setChecked(False)
        self.details_button.setVisible(bool(details))
        self._show_details(False)
        if field is not None:
            field.setFocus()
            field.selectAll()

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown and bool(self.details.text()))
        self.details_button.setText(self.tr("Hide details") if shown else self.tr("Show details"))
        self.adjustSize()

    def typed_location(self) -> Location | None:
        """The fields as a Location, or None after saying what is wrong."""
        host = self.host.text().strip()
        if not host:
            self.say(self.tr("Type the server's host name or address."), self.host)
            return None
        if any(c.isspace() or c in "/@?#" for c in host):
            self.say(self.tr("The host name cannot hold spaces or / @ ? #."), self.host)
            return None
        port_text = self.port.text().strip()
        if not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
            self.say(self.tr("The port is a number from 1 to 65535 (usually 5432)."), self.port)
            return None
        name = self.database.text().strip()
        if not name:
            self.say(self.tr("Type the name of the practice's database."), self.database)
            return None
        user = self.user.text().strip()
        if not user:
            self.say(self.tr("Type your user name on the server."), self.user)
            return None
        url = URL.create(
            POSTGRESQL_DRIVER,
            username=user,
            password=self.password.text() or None,
            host=host,
            port=int(port_text),
            database=name,
        )
        try:
            return parse(url.render_as_string(hide_password=False))
        except LocationError as exc:
            self.say(translated(str(exc)))
            return None

    def try_connect(self) -> None:
        """Connect: check the fields, try the server, set up an empty database if
        asked; accept only with a practice ready to open."""
        location = self.typed_location()
        if location is None:
            return
        self.problem.hide()
        self.details_button.hide()
        self.details.hide()
        reached = busy_reach(location)
        if reached.password:
            self.say(
                self.tr("{problem} Type it in the Password field, then Connect.").format(
                    problem=reached.problem
                ),
                self.password,
            )
            return
        if reached.problem:
            self.say(reached.problem, details=reached.details)
            return
        if reached.empty and not ask_set_up(location, self):
            self.say(self.tr("The database is empty; nothing was set up."))
            return
        problem = set_up_or_upgrade(location, reached)
        if problem:
            self.say(problem)
            return
        self.location = location
        self.accept()
