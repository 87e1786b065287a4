"""A name holding a control character is refused with a sentence that agrees with its
field in Spanish: "Los apellidos tienen…" (plural), "El nombre tiene…" (issue 16
recheck, point 6: one whole message per field, not a label + a fixed verb)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from practice.services import clients
from practice.ui.client_form import ClientForm

LEFT = Qt.MouseButton.LeftButton
RLO = "\u202e"  # a right-to-left override: how such a code arrives, pasted


def test_the_spanish_message_agrees_with_each_field(qtbot, spanish, db) -> None:  # type: ignore[no-untyped-def]
    form = ClientForm(db)
    qtbot.addWidget(form)
    form.resize(1024, 600)
    form.show()
    # When the therapist pastes a code into the first and the last names and saves
    QApplication.clipboard().setText(f"Ana{RLO}")
    qtbot.keyClick(form.first_name, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    QApplication.clipboard().setText(f"Prueba{RLO}xyz")
    qtbot.keyClick(form.last_name, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(form.save_button, LEFT)
    # Then each field says why in a sentence that agrees with it, and nothing is saved
    assert form._errors["last_name"].text() == (
        "Los apellidos tienen un carácter de control invisible; escríbelos de nuevo."
    )
    assert form._errors["first_name"].text() == (
        "El nombre tiene un carácter de control invisible; escríbelo de nuevo."
    )
    assert form.last_name.text() == f"Prueba{RLO}xyz"
    with db.session() as s:
        assert clients.list_rows(s) == []


def test_every_one_line_field_has_its_own_whole_message() -> None:
    assert set(clients.CONTROL_MESSAGES) == set(clients.ONE_LINE_FIELDS)
    for name, message in clients.CONTROL_MESSAGES.items():
        assert message.startswith(clients._LABELS[name] + " holds an invisible control")


def test_a_too_long_field_is_refused_in_a_sentence_that_agrees(qtbot, spanish, db) -> None:  # type: ignore[no-untyped-def]
    form = ClientForm(db)
    qtbot.addWidget(form)
    form.resize(1024, 600)
    form.show()
    qtbot.keyClicks(form.first_name, "Ana")
    qtbot.keyClicks(form.last_name, "Prueba")
    too_long = clients.ADDRESS_MAX + 1
    QApplication.clipboard().setText("x" * too_long)
    form.address.setFocus()
    qtbot.keyClick(form.address, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(form.save_button, LEFT)
    assert form._errors["address"].text() == (
        f"La dirección es demasiado larga ({too_long} caracteres; como máximo "
        f"{clients.ADDRESS_MAX})."
    )
    with db.session() as s:
        assert clients.list_rows(s) == []
    # the plural field's own sentence agrees too (the form's name boxes stop at the limit)
    limit = clients.NAME_MAX
    assert clients.TOO_LONG["last_name"].startswith("Last name is too long")
    from practice.ui import i18n

    errors = clients.validate(clients.ClientInput(first_name="Ana", last_name="y" * 180))
    assert i18n.translated(errors["last_name"]) == (
        f"Los apellidos son demasiado largos (180 caracteres; como máximo {limit})."
    )
