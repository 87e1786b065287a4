"""A save refused because the other computer saved first: Reload loads that version and
puts back every field the user changed (issue 17 follow-up, point 1), through real clicks.

Two ``Database`` objects on one SQLite file play the two computers (``test_two_windows``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from practice.db.computer import NAME_VARIABLE
from practice.db.engine import Database
from practice.services import clients
from practice.services.clients import ClientInput

LEFT = Qt.MouseButton.LeftButton


class Box:
    """Clicks the first button whose text is in ``buttons`` on the box named ``name`` when
    it shows; keeps its texts."""

    def __init__(self, qtbot, name: str, buttons: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
        self.text = self.info = self.details = ""
        self.seen = False
        tries = [250]

        def click() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox) or box.objectName() != name:
                tries[0] -= 1
                if tries[0] > 0:
                    QTimer.singleShot(20, click)
                return
            self.text, self.info, self.details = (
                box.text(),
                box.informativeText(),
                box.detailedText(),
            )
            self.seen = True
            chosen = [b for b in box.buttons() if b.text().replace("&", "") in buttons]
            if not chosen:
                box.reject()
                return
            qtbot.mouseClick(chosen[0], LEFT)

        QTimer.singleShot(0, click)


@pytest.fixture
def two(db_path: Path) -> Iterator[tuple[Database, Database]]:
    one, other = Database(db_path), Database(db_path)
    yield one, other
    one.dispose()
    other.dispose()


def _form(qtbot, database: Database, client_id: int):  # type: ignore[no-untyped-def]
    from practice.ui.client_form import ClientForm

    form = ClientForm(database)
    qtbot.addWidget(form)
    with database.session() as s:
        form.load(clients.get(s, client_id))
    form.resize(1024, 700)
    form.show()
    return form


def _type(qtbot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    target = field.viewport() if hasattr(field, "viewport") else field
    qtbot.mouseClick(target, LEFT)
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def _conflict(qtbot, monkeypatch, two, home_types, reload: str, ok: str):  # type: ignore[no-untyped-def]
    """Office saves a new phone; home types ``home_types`` and saves; Reload, then OK."""
    one, other = two
    with one.session() as s:
        client_id = clients.create(
            s, ClientInput(first_name="Lorena", last_name="Ficticia", phone="555-0100")
        ).id
    office, home = _form(qtbot, one, client_id), _form(qtbot, other, client_id)
    monkeypatch.setenv(NAME_VARIABLE, "office-pc")
    _type(qtbot, office.phone, "555-0199")
    qtbot.mouseClick(office.save_button, LEFT)
    monkeypatch.setenv(NAME_VARIABLE, "home-pc")
    home_types(home)
    asked = Box(qtbot, "changedElsewhere", (reload,))
    told = Box(qtbot, "changesKept", (ok,))
    qtbot.mouseClick(home.save_button, LEFT)
    qtbot.waitUntil(lambda: told.seen)
    return one, client_id, home, asked, told


def test_reload_keeps_every_field_typed_and_takes_the_others(qtbot, monkeypatch, two):  # type: ignore[no-untyped-def]
    def types(home) -> None:  # type: ignore[no-untyped-def]
        _type(qtbot, home.preferred_name, "Lori")
        _type(qtbot, home.address, "12 Elm Street, Springfield")

    one, client_id, home, asked, told = _conflict(qtbot, monkeypatch, two, types, "Reload", "OK")
    assert "office-pc" in asked.text
    assert "Preferred name: Lori" in asked.details  # the one-line field too
    assert "puts back everything you changed" in asked.info
    # the form: the user's fields back, the office's phone loaded, to be saved again
    assert home.preferred_name.text() == "Lori"
    assert home.address.toPlainText() == "12 Elm Street, Springfield"
    assert home.phone.text() == "555-0199"
    assert home.is_dirty
    assert "check them and save again" in told.text
    # the next save is made over the version just loaded: all three are kept
    qtbot.mouseClick(home.save_button, LEFT)
    with one.session() as s:
        saved = clients.get(s, client_id)
    assert (saved.preferred_name, saved.address, saved.phone) == (
        "Lori",
        "12 Elm Street, Springfield",
        "555-0199",
    )
    assert not home.is_dirty


def test_a_field_changed_on_both_keeps_mine_and_lists_theirs(qtbot, monkeypatch, two):  # type: ignore[no-untyped-def]
    def types(home) -> None:  # type: ignore[no-untyped-def]
        _type(qtbot, home.phone, "555-0123")

    one, client_id, home, _, told = _conflict(qtbot, monkeypatch, two, types, "Reload", "OK")
    assert home.phone.text() == "555-0123"  # what the user typed stays
    assert "Phone: 555-0199" in told.details  # the other computer's value is listed
    with one.session() as s:  # nothing overwritten until the user saves again
        assert clients.get(s, client_id).phone == "555-0199"


def test_in_spanish_one_line_fields_are_kept(qtbot, spanish, monkeypatch, two):  # type: ignore[no-untyped-def]
    def types(home) -> None:  # type: ignore[no-untyped-def]
        _type(qtbot, home.preferred_name, "Lori")
        _type(qtbot, home.email, "lori@example.org")

    _, _, home, asked, told = _conflict(qtbot, monkeypatch, two, types, "Recargar", "Aceptar")
    assert "Lori" in asked.details
    assert home.preferred_name.text() == "Lori"
    assert home.email.text() == "lori@example.org"
    assert home.phone.text() == "555-0199"
    assert "revísalos y guarda otra vez" in told.text


def test_a_replacement_typed_while_the_homework_changed_elsewhere_is_kept(qtbot, monkeypatch, two):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from practice.services import homework
    from practice.sheets.templates import load_templates
    from practice.ui.assignment_dialog import open_assignment_dialog

    one, other = two
    templates = load_templates()
    with one.session() as s:
        client_id = clients.create(s, ClientInput(first_name="Lio", last_name="Ejemplo")).id
        key = templates.keys()[0]
        old = homework.assign_new(
            s, client_id, homework.defaults_for(s, client_id, key, templates=templates)
        )
    # Given the home computer changing the homework into another task...
    dialog = open_assignment_dialog(None, other, templates, client_id, replacing=old)  # type: ignore[arg-type]
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    # ...while the office edits the same homework
    monkeypatch.setenv(NAME_VARIABLE, "office-pc")
    with one.session() as s:
        current = homework.get(s, old.id)
        data = homework.defaults_for(s, client_id, key, templates=templates)
        homework.update(s, old.id, replace(data, target="Mornings"), version=current.version)
    monkeypatch.setenv(NAME_VARIABLE, "home-pc")
    _type(qtbot, dialog.form.title, "Evening walk diary")
    _type(qtbot, dialog.reason, "Mornings are too busy.")
    asked = Box(qtbot, "changedElsewhere", ("Reload",))
    told = Box(qtbot, "changesKept", ("OK",))
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: told.seen)
    assert "office-pc" in asked.text and "Evening walk diary" in asked.details
    # Then what was typed is all there, and the change is saved over the new version
    assert dialog.isVisible()
    assert dialog.form.title.text() == "Evening walk diary"
    assert dialog.reason.toPlainText() == "Mornings are too busy."
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.result_view is not None and dialog.result_view.title == "Evening walk diary"
    with one.session() as s:
        assert str(homework.get(s, old.id).status) == "replaced"
