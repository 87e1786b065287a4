"""The app window on a practice on a PostgreSQL server (issue 17, point 1): opened from
``--db postgresql://…`` or File → Connect to a practice server…, on a real server.

The password cases need a server that asks for one: the shared test server trusts
local connections, so they start a small cluster of their own (``tests/_postgres.py``)
whose pg_hba asks a scram-sha-256 password of one role over TCP.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox

import _postgres
from practice.app import run_gui
from practice.cli.base import app_place
from practice.cli.entry import build_parser
from practice.db import migrate
from practice.db.engine import Database
from practice.db.location import Location, parse
from practice.db.lock import lock_path
from practice.db.server_access import with_password
from practice.paths import default_db_path
from practice.services import clients, server_backup
from practice.services.clients import ClientInput
from practice.ui.about_dialog import AboutDialog
from practice.ui.app_controller import EXIT_CANNOT_OPEN, AppController
from practice.ui.main_window import MainWindow
from practice.ui.server_connect import RECENT_KEY, ServerConnectDialog, remember, server_at_start

SHOTS = Path("/work/shots/gui17a")


def _practice_with_clients(url: str, *names: str) -> Location:
    location = parse(url)
    migrate.upgrade(location)
    database = Database(location)
    try:
        with database.session() as s:
            for first in names:
                clients.create(s, ClientInput(first_name=first, last_name="Okafor"))
    finally:
        database.dispose()
    return location


def _listed(controller: AppController) -> list[str]:
    assert controller.window is not None
    model = controller.window.clients_page.client_list.model
    return [model.row_at(i).name for i in range(model.rowCount())]


def _on_modal(qtbot, act: Callable[[object], None]) -> None:  # type: ignore[no-untyped-def]
    """Run ``act`` on the next modal window once it is shown (a dialog's exec)."""

    def attempt() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(20, attempt)
            return
        act(modal)

    QTimer.singleShot(0, attempt)


def _type_fields(
    qtbot, dialog: ServerConnectDialog, location: Location, password: str = ""
) -> None:  # type: ignore[no-untyped-def]
    url = location.url
    assert url is not None
    for field, text in (
        (dialog.host, url.host or ""),
        (dialog.port, str(url.port)),
        (dialog.database, url.database or ""),
        (dialog.user, url.username or ""),
        (dialog.password, password),
    ):
        field.selectAll()
        qtbot.keyClick(field, Qt.Key.Key_Delete)
        qtbot.keyClicks(field, text)


def _shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    if os.environ.get("PRACTICE_SHOTS"):  # the screenshots, only when asked
        SHOTS.mkdir(parents=True, exist_ok=True)
        for width, height in ((1366, 768), (1024, 600)):
            if hasattr(widget, "clients_page"):
                widget.resize(width, height)
            QApplication.processEvents()
            widget.grab().save(str(SHOTS / f"{name}-{width}x{height}.png"))
        menu = getattr(widget, "file_menu", None)
        if menu is not None:  # the file-only entries, disabled
            widget.show_page(widget.clients_page)
            widget.resize(1366, 768)
            widget.grab().save(str(SHOTS / f"{name}-clients-1366x768.png"))
            menu.popup(widget.mapToGlobal(widget.rect().topLeft()))
            QApplication.processEvents()
            menu.grab().save(str(SHOTS / f"{name}-file-menu.png"))
            menu.hide()


# ---- the window on a server ------------------------------------------------------


def test_practice_db_url_is_given_to_the_window() -> None:
    args = build_parser().parse_args(["--db", "postgresql://ana@db.example.org:5433/practice"])
    place = app_place(args)
    assert isinstance(place, Location) and place.is_postgresql
    assert place.display == "postgresql://ana@db.example.org:5433/practice"


def test_window_opens_on_a_server_with_its_clients_and_no_lock_file(
    qtbot, postgres_url: str
) -> None:  # type: ignore[no-untyped-def]
    location = _practice_with_clients(postgres_url, "Amara", "Tobias")
    controller = AppController(location)
    assert controller.start() is None
    window = controller.window
    assert window is not None
    qtbot.addWidget(window)
    try:
        assert _listed(controller) == ["Okafor, Amara", "Okafor, Tobias"]
        assert location.display in window.windowTitle()
        assert "127.0.0.1" in window.windowTitle()
        # no lock file, no file of the practice beside its local name
        assert not lock_path(controller.path).exists()
        assert not controller.path.exists()
        assert controller.lock is None
        # encryption is the server's job: its entry is disabled, saying why; the
        # backups are the server's pg_dumps (tests/ui/test_server_backups_window.py)
        assert not window.security_action.isEnabled()
        assert "server" in window.security_action.toolTip()
        for action in (window.backup_action, window.restore_action, window.backup_folder_action):
            assert action.isEnabled()
        # the server is remembered, never with a password
        assert QSettings().value(RECENT_KEY) == [location.display]
        # About names the server for support, not a file
        window.about_action.trigger()
        about = window.findChild(AboutDialog)
        assert about is not None and dict(about.facts)["Database"] == location.display
        about.close()
        # Lock now closes the connections; unlocking reopens the server (no passphrase)
        window.lock_action.trigger()
        assert window.auto_lock.is_locked and not controller.database.is_open  # type: ignore[union-attr]
        window.unlock()
        assert not window.auto_lock.is_locked
        assert _listed(controller) == ["Okafor, Amara", "Okafor, Tobias"]
        _shot(window, "window-on-server-en")
    finally:
        controller.shutdown()
    assert not lock_path(controller.path).exists()


def test_the_apps_backups_of_a_server_practice_are_verified_dumps(qtbot, postgres_url: str) -> None:  # type: ignore[no-untyped-def]
    # Given the app on a practice on a server
    location = _practice_with_clients(postgres_url, "Amara")
    controller = AppController(location)
    assert controller.start() is None
    window = controller.window
    assert window is not None
    qtbot.addWidget(window)
    try:
        # the daily backup is made at the start, when due, in the server's folder
        controller.wait_for_backup()
        # When the therapist chooses File → Back up now
        window.backup_action.trigger()
    finally:
        # and then closes the app
        controller.shutdown()
    # Then each is a verified pg_dump of that database, and the status bar said so
    dumps = server_backup.backups_of(location, controller.backup_dir)
    assert [(b.kind, b.verified) for b in dumps] == [
        ("daily", True),
        ("manual", True),
        ("exit", True),
    ]
    assert all(b.path.name.endswith(".pgdump") for b in dumps)
    assert not server_backup.daily_backup_due(location, controller.backup_dir)


def test_window_on_a_server_in_spanish(qtbot, spanish: None, postgres_url: str) -> None:  # type: ignore[no-untyped-def]
    location = _practice_with_clients(postgres_url, "Amara")
    controller = AppController(location)
    assert controller.start() is None
    window = controller.window
    assert window is not None
    qtbot.addWidget(window)
    try:
        assert "en el servidor" in window.windowTitle()
        connect = window.server_menus.connect_action.text()
        assert connect == "Conectarte a un ser&vidor de la consulta…"
        assert "servidor" in window.security_action.toolTip()
        _shot(window, "window-on-server-es")
    finally:
        controller.shutdown()


def test_a_file_practice_keeps_its_menus(qtbot, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    controller = AppController(db_path)
    assert controller.start() is None
    assert controller.window is not None
    qtbot.addWidget(controller.window)
    try:
        assert lock_path(db_path).exists()
        assert controller.window.security_action.isEnabled()
        assert controller.window.backup_action.isEnabled()
        assert "postgresql" not in controller.window.windowTitle()
    finally:
        controller.wait_for_check()
        controller.shutdown()


# ---- the connect dialog ------------------------------------------------------------


def test_connect_dialog_says_what_is_wrong_and_keeps_the_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ServerConnectDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.user, "ana")
    dialog.port.selectAll()
    qtbot.keyClicks(dialog.port, "54x2")
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "port is a number" in dialog.problem.text()
    assert dialog.port.text() == "54x2" and dialog.user.text() == "ana"
    assert dialog.focusWidget() is dialog.port
    dialog.port.selectAll()
    qtbot.keyClicks(dialog.port, "5432")
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert "name of the practice's database" in dialog.problem.text()
    assert dialog.focusWidget() is dialog.database
    assert dialog.port.text() == "5432" and dialog.user.text() == "ana"
    assert dialog.location is None
    _shot(dialog, "connect-dialog-problem-en")


def test_connect_dialog_in_spanish(qtbot, spanish: None) -> None:  # type: ignore[no-untyped-def]
    dialog = ServerConnectDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert "nombre de la base de datos" in dialog.problem.text()
    assert dialog.password.placeholderText() == "déjalo vacío para usar tu archivo .pgpass"
    _shot(dialog, "connect-dialog-problem-es")


def test_a_wrong_database_name_is_said_in_the_dialog(qtbot, postgres_url: str) -> None:  # type: ignore[no-untyped-def]
    wrong = parse(postgres_url)
    assert wrong.url is not None
    wrong = Location(url=wrong.url.set(database=f"no_such_{uuid.uuid4().hex[:8]}"))
    dialog = ServerConnectDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    _type_fields(qtbot, dialog, wrong)
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.location is None
    assert "has no database named" in dialog.problem.text()
    assert wrong.url is not None and wrong.url.database in dialog.problem.text()
    assert dialog.database.text() == wrong.url.database  # kept


def test_an_unreachable_server_is_said_in_the_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ServerConnectDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    _type_fields(qtbot, dialog, parse("postgresql://ana@127.0.0.1:1/practice"))
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert "refused the connection" in dialog.problem.text()
    assert "127.0.0.1, port 1," in dialog.problem.text()
    assert "Connection refused" in dialog.details.text()  # the server's words: Details


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_connection_service_is_refused_in_the_dialog(  # type: ignore[no-untyped-def]
    qtbot, language: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    if language == "es":
        request.getfixturevalue("spanish")
    monkeypatch.setenv("PGSERVICE", "office")  # its pg_service.conf entry could go anywhere
    dialog = ServerConnectDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    _type_fields(qtbot, dialog, parse("postgresql://ana@localhost:5432/practice"))
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.location is None
    said = dialog.problem.text()
    if language == "en":
        assert "PGSERVICE setting names a connection service (office)" in said
        assert "Unset PGSERVICE" in said and "Nothing was sent to the server." in said
    else:
        assert "El ajuste PGSERVICE de esta computadora nombra un servicio" in said
        assert "Quita el ajuste PGSERVICE" in said and "No se envió nada al servidor." in said
    _shot(dialog, f"connect-dialog-service-{language}")


def test_connect_from_the_file_menu_sets_up_an_empty_database_and_switches(
    qtbot, db_path: Path, postgres_url: str
) -> None:  # type: ignore[no-untyped-def]
    controller = AppController(db_path)
    assert controller.start() is None
    old = controller.window
    assert old is not None
    qtbot.addWidget(old)
    controller.wait_for_check()
    controller.wait_for_backup()
    target = parse(postgres_url)  # an empty database: offered a new practice
    asked: list[str] = []

    def answer_set_up(box: object) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    def fill(dialog: object) -> None:
        assert isinstance(dialog, ServerConnectDialog)
        _type_fields(qtbot, dialog, target)
        _shot(dialog, "connect-dialog-en")
        _on_modal(qtbot, answer_set_up)
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)

    _on_modal(qtbot, fill)
    old.server_menus.connect_action.trigger()
    try:
        assert asked and "is empty" in asked[0]
        window = controller.window
        assert window is not None and window is not old
        qtbot.addWidget(window)
        assert controller.on_server
        assert target.display in window.windowTitle()
        assert not lock_path(db_path).exists()  # the file's lock was let go
        assert migrate.inspect(target).at_head  # set up
        assert QSettings().value(RECENT_KEY) == [target.display]
        window.server_menus.fill_recent()
        assert [a.text() for a in window.server_menus.recent_menu.actions()] == [target.display]
    finally:
        controller.shutdown()


def test_the_connect_dialog_in_spanish_shot(qtbot, spanish: None) -> None:  # type: ignore[no-untyped-def]
    dialog = ServerConnectDialog()
    qtbot.addWidget(dialog)
    dialog.fill("postgresql://ana@consultorio.example.org:5432/practica")
    dialog.show()
    assert dialog.database.text() == "practica" and dialog.user.text() == "ana"
    _shot(dialog, "connect-dialog-es")


# ---- a server that asks for a password ---------------------------------------------


@pytest.fixture(scope="module")
def password_server() -> Iterator[tuple[str, str, str]]:
    """A cluster of its own asking role ``pw_…`` for a scram password over TCP: (the
    role's URL without password, the password, the admin URL)."""
    if _postgres.binaries() is None:
        pytest.skip("PostgreSQL server programs (initdb) are not installed")
    folder = Path(tempfile.mkdtemp(prefix="practice-pgpw-"))
    folder.chmod(0o755)
    try:
        server = _postgres.start(folder)
        role, password = f"pw_{uuid.uuid4().hex[:8]}", "Tr3s-ballenas"
        import psycopg

        with psycopg.connect(server.url, autocommit=True) as admin:
            admin.execute(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")  # type: ignore[arg-type]
            admin.execute(f"CREATE DATABASE {role} OWNER {role}")  # type: ignore[arg-type]
            hba = admin.execute("SHOW hba_file").fetchone()
        assert hba is not None
        hba_file = Path(hba[0])
        hba_file.write_text(f"host all {role} 127.0.0.1/32 scram-sha-256\n" + hba_file.read_text())
        bin_dir = _postgres.binaries()
        assert bin_dir is not None
        subprocess.run(
            [
                *_postgres._as_server_user(),
                str(bin_dir / "pg_ctl"),
                "reload",
                "-D",
                str(folder / "data"),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        yield f"postgresql+psycopg://{role}@127.0.0.1:{server.port}/{role}", password, server.url
    finally:
        _postgres.stop(folder)


def test_the_dialog_asks_for_a_password_the_server_wants(
    qtbot, password_server: tuple[str, str, str]
) -> None:  # type: ignore[no-untyped-def]
    url, password, _admin = password_server
    location = parse(url)
    dialog = ServerConnectDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    _type_fields(qtbot, dialog, location)  # no password: none in a .pgpass either
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert "needs a password" in dialog.problem.text()
    assert dialog.focusWidget() is dialog.password
    qtbot.keyClicks(dialog.password, "not-it")
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert "did not accept this password" in dialog.problem.text()
    assert dialog.location is None
    dialog.password.selectAll()
    qtbot.keyClicks(dialog.password, password)
    _on_modal(
        qtbot,
        lambda box: qtbot.mouseClick(
            box.button(QMessageBox.StandardButton.Yes),  # type: ignore[attr-defined]
            Qt.MouseButton.LeftButton,
        ),
    )
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert dialog.location is not None and not dialog.isVisible()
    assert dialog.location.url is not None and dialog.location.url.password == password
    assert password not in dialog.location.display
    assert migrate.inspect(dialog.location).at_head


def test_at_start_the_password_is_asked_and_never_remembered(
    qtbot, password_server: tuple[str, str, str]
) -> None:  # type: ignore[no-untyped-def]
    url, password, _admin = password_server
    migrate.upgrade(with_password(parse(url), password))  # a practice already (at head)
    asked: list[str] = []

    def type_password(modal: object) -> None:
        assert isinstance(modal, QInputDialog)
        asked.append(modal.labelText())
        line = modal.findChild(QLineEdit)
        assert line is not None and line.echoMode() == QLineEdit.EchoMode.Password
        qtbot.keyClicks(line, password)
        qtbot.keyClick(line, Qt.Key.Key_Return)

    # given up: nothing opens
    _on_modal(qtbot, lambda modal: modal.reject())  # type: ignore[attr-defined]
    assert AppController(parse(url)).start() == EXIT_CANNOT_OPEN
    _on_modal(qtbot, type_password)
    controller = AppController(parse(url))
    migrate_first = controller.start()
    try:
        assert migrate_first is None, "the practice opens once the password is typed"
        assert asked and "needs a password" in asked[0]
        assert controller.window is not None
        qtbot.addWidget(controller.window)
        assert password not in controller.window.windowTitle()
        remembered = QSettings().value(RECENT_KEY)
        assert remembered == [parse(url).display]
        assert password not in str(remembered)
    finally:
        controller.shutdown()


# ---- a plain `practice` and the remembered server ------------------------------------


def _as_the_app() -> None:
    """QSettings as run_gui sees them (it names the application before reading them)."""
    QApplication.setOrganizationName("Practice")
    QApplication.setApplicationName("Practice")


def _when_window(act: Callable[[MainWindow], None], *, skip: MainWindow | None = None) -> None:
    """Run ``act`` on the main window once run_gui has shown one (not ``skip``)."""

    def attempt() -> None:
        shown = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible() and w is not skip
        ]
        if not shown:
            QTimer.singleShot(50, attempt)
            return
        act(shown[0])

    QTimer.singleShot(0, attempt)


def test_plain_practice_opens_the_server_used_last_and_goes_back_to_the_file(
    qtbot, postgres_url: str
) -> None:  # type: ignore[no-untyped-def]
    location = _practice_with_clients(postgres_url, "Amara")
    _as_the_app()
    remember(location)  # as connecting from the File menu does
    titles: list[str] = []

    def on_file(window: MainWindow) -> None:
        titles.append(window.windowTitle())
        assert not window.server_menus.file_action.isVisible()
        window.close()

    def on_server(window: MainWindow) -> None:
        titles.append(window.windowTitle())
        assert window.server_menus.file_action.isVisible()
        _when_window(on_file, skip=window)
        window.server_menus.file_action.trigger()  # File → Open the practice file…

    _when_window(on_server)
    assert run_gui(None) == 0
    assert location.display in titles[0]
    assert len(titles) == 2 and "postgresql" not in titles[1]
    assert default_db_path().exists()  # the practice file opened (made on a first start)
    assert server_at_start() is None  # a plain `practice` opens the file from now on
    assert QSettings().value(RECENT_KEY) == [location.display]  # still offered


def test_a_remembered_server_keeps_no_secret_of_its_address(qtbot) -> None:  # type: ignore[no-untyped-def]
    _as_the_app()
    # as `practice --db ADDRESS` remembers the address it opened (app_controller)
    remember(
        parse(
            "postgresql://ana:Pw1@10.0.0.7/practice?password=Pw2&sslpassword=Key3&sslmode=verify-full"
        )
    )
    kept = QSettings().value(RECENT_KEY)
    assert kept == ["postgresql://ana@10.0.0.7/practice?sslmode=verify-full"]
    assert server_at_start() == parse(kept[0])


def test_a_remembered_server_that_cannot_be_reached_is_said_and_the_file_opens(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    _as_the_app()
    remember(parse("postgresql://ana@127.0.0.1:1/practice"))
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: said.append(text))
    titles: list[str] = []

    def on_file(window: MainWindow) -> None:
        titles.append(window.windowTitle())
        window.close()

    _when_window(on_file)
    assert run_gui(None) == 0
    assert len(said) == 1 and "refused the connection" in said[0]
    assert titles and "postgresql" not in titles[0]
    assert default_db_path().exists()
