"""Bad input through the client form, a full disk while saving, bad files at start.

The form either saves (and the saved client reads back as the oracle of
``tests/reliability/test_bad_input.py`` says the text is kept) or shows messages and
saves nothing; it never raises. Qt drops lone surrogates from
the text it is given, and ``QLineEdit`` cuts names at their maximum length: the
oracle is therefore the text the widgets hold, not the generated value.
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPlainTextEdit
from sqlalchemy import event

from practice.app import run_gui
from practice.db.engine import Database, make_engine
from practice.db.health import DISK_FULL_MESSAGE
from practice.services import clients
from practice.ui.client_form import ClientForm
from practice.ui.errors import KEPT, READ_ONLY_MESSAGE

sys.path.insert(0, str(Path(__file__).parents[1] / "reliability"))
from test_bad_input import (  # noqa: E402
    BAD_FILES,
    CLIENT_FIELDS,
    REFUSED,
    SMALL,
    TEXT,
    expected_client_text,
    make_bad_file,
)

FIELDS = [
    "first_name",
    "last_name",
    "preferred_name",
    "email",
    "phone",
    "birth_date",
    "started_on",
    "reminder_time",
    "cannot_postpone_reason",
    "notes",
]
PARSED = {"birth_date", "started_on", "reminder_time"}
FORM = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


def _set(widget: Any, value: str) -> None:
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value)
    else:
        widget.setText(value)


def _text(widget: Any) -> str:
    return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()


def _visible_messages(form: ClientForm) -> list[str]:
    labels = [*form._errors.values(), form.form_message]
    return [label.text() for label in labels if not label.isHidden() and label.text().strip()]


def test_client_form_saves_or_shows_messages_for_any_text(qtbot, db):
    form = ClientForm(db)
    qtbot.addWidget(form)

    @FORM
    @given(field=st.sampled_from(FIELDS), value=TEXT, first=SMALL)
    def run(field: str, value: str, first: str) -> None:
        form.clear()
        form.first_name.setText(first or "Ana")
        form.last_name.setText("Prueba")
        widget = getattr(form, field)
        _set(widget, value)
        shown = {name: _text(getattr(form, name)) for name in FIELDS}

        expected = {n: expected_client_text(n, shown[n]) for n in CLIENT_FIELDS}

        saved = form.save()  # must not raise

        if not saved:
            assert _visible_messages(form), "refused without a message"
            assert all(_text(getattr(form, n)) == shown[n] for n in FIELDS), "input lost"
            # dates and times follow their own reading rules; text follows the oracle
            assert field in PARSED or REFUSED in expected.values(), "refused valid text"
            return
        assert REFUSED not in expected.values(), "should have been refused"
        assert not _visible_messages(form)
        with db.session() as s:
            back = clients.get(s, form.client_id)  # type: ignore[arg-type]
        assert {n: getattr(back, n) for n in CLIENT_FIELDS} == expected

    run()


def test_names_longer_than_the_limit_are_cut_by_the_field_not_lost_silently(qtbot, db):
    form = ClientForm(db)
    qtbot.addWidget(form)
    form.first_name.setText("A" * 500)
    assert len(form.first_name.text()) == clients.NAME_MAX
    assert isinstance(form.first_name, QLineEdit)


# ---- a full disk while saving ------------------------------------------------------


def _limited_database(db_path: Path, pragma: str) -> tuple[Database, dict[str, bool]]:
    """The database, with ``pragma`` run on every new connection while ``on["limit"]``."""
    engine = make_engine(db_path)
    on = {"limit": True}

    @event.listens_for(engine, "connect")
    def _limit(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        if on["limit"]:
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(pragma.format(pages=pages))

    return Database(db_path, engine), on


@pytest.mark.parametrize(
    ("pragma", "expected"),
    [
        ("PRAGMA max_page_count = {pages}", DISK_FULL_MESSAGE),  # a full disk
        ("PRAGMA query_only = ON", READ_ONLY_MESSAGE),  # a read-only file
    ],
    ids=["disk full", "read-only"],
)
def test_a_failed_save_shows_the_message_and_keeps_what_was_typed(
    qtbot, db_path, message_boxes, pragma, expected
):
    # Given a database that cannot take the next write
    database, limit = _limited_database(db_path, pragma)
    form = ClientForm(database)
    qtbot.addWidget(form)
    form.show()

    # When the therapist fills in a client with long notes and clicks Save
    qtbot.keyClicks(form.first_name, "Mireille")
    qtbot.keyClicks(form.last_name, "Okonkwo")
    notes = "Prefers morning sessions. " * 400
    form.notes.setPlainText(notes)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    # Then one message box says why, and that the form still holds the input
    assert message_boxes == [("The client was not saved", f"{expected} {KEPT}")]
    assert (form.first_name.text(), form.last_name.text()) == ("Mireille", "Okonkwo")
    assert form.notes.toPlainText() == notes
    assert form.client_id is None
    plain = Database(db_path)  # read back without the limit
    with plain.session() as s:
        assert clients.list_rows(s) == []
    plain.dispose()

    # And once the disk or file can be written again, the same form saves it
    limit["limit"] = False
    database.dispose()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert len(message_boxes) == 1
    assert form.client_id is not None and form.heading.text() == "Okonkwo, Mireille"
    with database.session() as s:
        assert clients.get(s, form.client_id).notes == notes.strip()
    database.dispose()


# ---- damaged and foreign files at start -------------------------------------------------


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_the_app_on_a_bad_file_shows_a_message_and_leaves_the_file(
    qapp, tmp_path, monkeypatch, kind
):
    path = make_bad_file(kind, tmp_path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))

    status = run_gui(path)

    assert status == 2
    assert len(shown) == 1 and shown[0].strip()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert not Path(f"{path}.lock").exists()
    # a read-only look at a WAL-mode file may leave an empty -wal beside it: nothing written
    wal = Path(f"{path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
