"""Bad input through the services: saved and read back exactly, or refused with a message.

Hypothesis feeds huge text (up to 200,000 characters), right-to-left scripts,
combining marks, emoji, NUL and lone surrogates into every free-text field of the
services. Each example is one unit of work; the value is then read back in a new
one. The only acceptable outcomes are "saved, and read back as the service
normalises it" or ``ValidationError`` with a message for that field; any other
exception fails the test. Malformed CSV files are covered in
``tests/services/test_import_clients.py``; here CSV text is generated.
"""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import sqlite3
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from practice.cli import main
from practice.db.engine import Database
from practice.domain.inputs import AssignmentInput, NoteInput, ReviewInput
from practice.domain.vocabulary import AppointmentStatus, Language, LiteracyLevel, NoteFormat
from practice.services import appointments, clients, homework, notes, reviews
from practice.services.clients import ClientInput
from practice.services.errors import ValidationError
from practice.services.import_clients import apply_import, preview_import

# ---- the text -------------------------------------------------------------------

SAMPLES = [
    "שלום, מה שלומך היום",  # Hebrew, right to left
    "مرحبا بالعالم ١٢٣",  # Arabic with Arabic-Indic digits
    "\u202eevil\u202c \u200f\u200e",  # bidi overrides and marks
    "e\u0301 a\u0308 n\u0303 Å \u0915\u093c",  # combining marks; a composition exclusion
    "Z\u0351\u0352\u0353a\u0354\u0355l\u0356\u0357g\u0358o",  # stacked combining marks
    "👩🏽‍⚕️ 📝 🇪🇸 🏳️‍🌈",  # emoji with modifiers, ZWJ sequences, flags
    "\x00",
    "a\x00b",
    "\ud800",  # lone high surrogate
    "x\udfffy",  # lone low surrogate
    "\ufeff\u200b\u00a0",  # BOM, zero-width space, no-break space
    "  \t\r\n  ",
    "'; DROP TABLE clients; --",
    "%_\\",
]
ANY_CHAR = st.characters(exclude_categories=())  # every code point, surrogates included
_piece = st.one_of(st.text(ANY_CHAR, max_size=24), st.sampled_from(SAMPLES))
SMALL = st.lists(_piece, max_size=6).map("".join)


@st.composite
def _huge(draw: st.DrawFn) -> str:
    seed = draw(st.one_of(st.text(ANY_CHAR, min_size=1, max_size=8), st.sampled_from(SAMPLES)))
    size = draw(st.integers(min_value=1, max_value=200_000))
    return (seed * (size // len(seed) + 1))[:size]


TEXT = st.one_of(SMALL, SMALL, _huge())
BATTERY = settings(
    max_examples=60,
    deadline=None,
    database=None,  # no .hypothesis folder in the repository
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
DAY = datetime(2025, 3, 3, 10, 0, tzinfo=UTC)


def _refused(exc: ValidationError, field: str) -> None:
    """A refusal must name the field and say something."""
    assert field in exc.errors, exc.errors
    assert all(isinstance(m, str) and m.strip() for m in exc.errors.values())


# ---- the expected outcome, stated here rather than taken from the code under test ----

REFUSED = "<refused>"
PHONE_CHARACTERS = set("0123456789 ()./-")


BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # written out here: the oracle


def expected_text(
    value: str,
    limit: int,
    *,
    count_kept: bool = False,
    required: bool = False,
    shape: Callable[[str], bool] | None = None,
    compose: bool = True,
    one_line: bool = False,
) -> str | None:
    """What a text field must do with ``value``: :data:`REFUSED`, or the text it keeps.

    Refused: a NUL character; a lone surrogate (U+D800 to U+DFFF: SQLite's driver
    cannot encode it); more than ``limit`` characters (as typed, or as kept when
    ``count_kept``); nothing where ``required``; a control character in a ``one_line``
    field (a direction code too); a kept text ``shape`` rejects. Kept:
    without the blank space around it and in composed form (NFC, when ``compose``);
    blank becomes None.
    """
    if "\x00" in value or any(0xD800 <= ord(ch) <= 0xDFFF for ch in value):
        return REFUSED
    kept = value.strip()
    if compose:
        kept = unicodedata.normalize("NFC", kept)
    if len(kept if count_kept else value) > limit:
        return REFUSED
    if not kept:
        return REFUSED if required else None
    # a direction code (U+202A–U+202E, U+2066–U+2069) counts as a control character
    if one_line and any(unicodedata.category(ch) == "Cc" or ch in BIDI for ch in kept):
        return REFUSED
    if shape is not None and not shape(kept):
        return REFUSED
    return kept


def looks_like_email(text: str) -> bool:
    """One @, no blank space, and a dot inside the part after the @."""
    if text.count("@") != 1 or any(ch.isspace() for ch in text):
        return False
    local, domain = text.split("@")
    inner_dot = any(ch == "." and 0 < i < len(domain) - 1 for i, ch in enumerate(domain))
    return bool(local) and inner_dot


def looks_like_phone(text: str) -> bool:
    """An optional leading +, then 6 to 30 of: ASCII digits, space, ( ) . / -."""
    digits = text.removeprefix("+")
    return 6 <= len(digits) <= 30 and set(digits) <= PHONE_CHARACTERS


# ---- clients ----------------------------------------------------------------------

CLIENT_FIELDS: dict[str, dict[str, Any]] = {
    "first_name": {"limit": 100, "required": True, "one_line": True},
    "last_name": {"limit": 100, "required": True, "one_line": True},
    "preferred_name": {"limit": 100, "one_line": True},
    "email": {"limit": 254, "shape": looks_like_email, "one_line": True},
    "phone": {"limit": 40, "shape": looks_like_phone, "one_line": True},
    "cannot_postpone_reason": {"limit": 2000},
    "notes": {"limit": 20_000},
}


def expected_client_text(field: str, value: str) -> str | None:
    return expected_text(value, **CLIENT_FIELDS[field])


_names = itertools.count(1)


def _client_input(field: str, value: str) -> ClientInput:
    # a fresh name each time: no duplicate keys between examples
    base = ClientInput(first_name="Ana", last_name=f"Prueba{next(_names)}")
    return replace(base, **{field: value})


def _check_client_value(db: Database, field: str, value: str, client_id: int | None) -> None:
    data = _client_input(field, value)
    if client_id is not None:
        data = replace(data, last_name="Prueba") if field != "last_name" else data
    expected = expected_client_text(field, value)
    try:
        with db.session() as s:
            view = (
                clients.create(s, data) if client_id is None else clients.update(s, client_id, data)
            )
    except ValidationError as exc:
        assert expected == REFUSED, f"refused, but it should be kept as {expected!r}"
        _refused(exc, field)
        return
    assert expected != REFUSED, "should have been refused"
    with db.session() as s:
        back = clients.get(s, view.id)
    assert getattr(back, field) == expected


@pytest.mark.parametrize("field", list(CLIENT_FIELDS))
def test_client_create_saves_or_refuses_every_text(db, field):
    @BATTERY
    @given(value=TEXT)
    def run(value: str) -> None:
        _check_client_value(db, field, value, None)

    run()


@pytest.mark.parametrize("field", ["first_name", "notes", "cannot_postpone_reason"])
def test_client_update_saves_or_refuses_every_text(db, field):
    with db.session() as s:
        client_id = clients.create(s, ClientInput(first_name="Ana", last_name="Prueba")).id

    @BATTERY
    @given(value=TEXT)
    def run(value: str) -> None:
        _check_client_value(db, field, value, client_id)

    run()


# ---- notes, homework, reviews ----------------------------------------------------


def _attended(db: Database, weeks: int = 0) -> tuple[int, int]:
    with db.session() as s:
        client_id = clients.create(
            s, ClientInput(first_name="Ana", last_name=f"Prueba{next(_names)}")
        ).id
        appt = appointments.schedule(s, client_id, DAY + timedelta(weeks=weeks)).appointment.id
        appointments.mark(s, appt, AppointmentStatus.ATTENDED)
    return client_id, appt


@pytest.mark.parametrize("where", ["section", "plan"])
def test_note_saves_or_refuses_every_text(db, where):
    _, appointment_id = _attended(db)

    @BATTERY
    @given(value=TEXT)
    def run(value: str) -> None:
        if where == "section":
            data, field = NoteInput(NoteFormat.SOAP, {"Subjective": value}), "sections.Subjective"
        else:
            data, field = (
                NoteInput(NoteFormat.SOAP, {"Plan": "Review the log."}, plan=value),
                "plan",
            )
        # a section is kept as written (only trimmed); the plan like any other text
        if where == "section":
            expected = expected_text(value, 100_000, compose=False)
        else:
            expected = expected_text(value, 20_000)
        try:
            with db.session() as s:
                note_id = notes.save_note(s, appointment_id, data).id
        except ValidationError as exc:
            assert expected == REFUSED, f"refused, but it should be kept as {expected!r}"
            _refused(exc, field)
            return
        assert expected != REFUSED, "should have been refused"
        with db.session() as s:
            back = notes.get_note(s, note_id)
        if where == "section":
            assert back.sections["Subjective"] == (expected or "")  # a blank one reads ""
        else:
            assert back.plan == expected

    run()


@pytest.mark.parametrize("field", ["instructions", "rationale", "title"])
def test_homework_saves_or_refuses_every_text(db, field):
    client_id, _ = _attended(db)
    base = AssignmentInput(
        template_key="mood_log",
        title="Mood log",
        level=LiteracyLevel.PLAIN,
        language=Language.EN,
        start_date=date(2025, 3, 3),
    )
    # the title is required and counted as kept; the texts are counted as typed
    rule = {"limit": 200, "count_kept": True, "required": True} if field == "title" else {}

    @BATTERY
    @given(value=TEXT)
    def run(value: str) -> None:
        expected = expected_text(value, **({"limit": 20_000} | rule))
        try:
            with db.session() as s:
                view = homework.assign(s, client_id, replace(base, **{field: value}))
        except ValidationError as exc:
            assert expected == REFUSED, f"refused, but it should be kept as {expected!r}"
            _refused(exc, field)
            return
        assert expected != REFUSED, "should have been refused"
        with db.session() as s:
            assert getattr(homework.get(s, view.id), field) == expected

    run()


def test_review_note_saves_or_refuses_every_text(db):
    client_id, first = _attended(db)
    with db.session() as s:
        base = AssignmentInput(
            template_key="mood_log",
            title="Mood log",
            level=LiteracyLevel.PLAIN,
            language=Language.EN,
            start_date=date(2025, 3, 3),
        )
        assignment_id = homework.assign(s, client_id, base, appointment_id=first).id
        later = appointments.schedule(s, client_id, DAY + timedelta(weeks=1)).appointment.id
        appointments.mark(s, later, AppointmentStatus.ATTENDED)
        review_id = reviews.review(s, assignment_id, later, ReviewInput(True, 2)).id

    @BATTERY
    @given(value=TEXT)
    def run(value: str) -> None:
        expected = expected_text(value, 20_000)
        try:
            with db.session() as s:
                reviews.update_review(s, review_id, ReviewInput(True, 3, note=value))
        except ValidationError as exc:
            assert expected == REFUSED, f"refused, but it should be kept as {expected!r}"
            _refused(exc, "note")
            return
        assert expected != REFUSED, "should have been refused"
        with db.session() as s:
            assert reviews.get_review(s, review_id).note == expected

    run()


# ---- CSV import -------------------------------------------------------------------


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["first_name", "last_name", "cannot_postpone_reason"])
    writer.writerows(rows)
    return out.getvalue()


def test_csv_import_of_generated_values_saves_or_lists_problems(db):
    @BATTERY
    @given(first=TEXT, reason=SMALL)
    def run(first: str, reason: str) -> None:
        last = f"Prueba{next(_names)}"
        with db.session() as s:
            preview = preview_import(s, _csv([[first, last, reason]]))
            if not preview.ok or preview.duplicates:
                problems = preview.problems()
                assert problems and all(isinstance(p, str) and p.strip() for p in problems)
                return
            [client_id] = apply_import(s, preview)
        with db.session() as s:
            back = clients.get(s, client_id)
        assert (back.first_name, back.last_name) == (
            expected_client_text("first_name", first),
            last,
        )
        assert back.cannot_postpone_reason == expected_client_text("cannot_postpone_reason", reason)

    run()


@BATTERY
@given(text=TEXT, as_bytes=st.booleans())
def test_csv_preview_of_any_text_never_raises(db, text, as_bytes):
    source: str | bytes = text.encode("utf-8", "surrogatepass") if as_bytes else text
    with db.session() as s:
        preview = preview_import(s, source)
        s.rollback()
    for problem in preview.problems():
        assert isinstance(problem, str) and problem.strip()
    assert preview.rows or preview.file_errors


# ---- damaged and foreign database files ---------------------------------------------


def _foreign_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO recipes (name) VALUES ('Gazpacho')")
    conn.commit()
    conn.close()


def _truncated_practice(path: Path) -> None:
    from practice.db import migrate

    migrate.upgrade(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


BAD_FILES = {
    "random bytes": lambda p: p.write_bytes(bytes(range(256)) * 40),
    "sqlite header then garbage": lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\xa5" * 8000),
    "a text file": lambda p: p.write_text("first_name,last_name\nAna,Prueba\n", encoding="utf-8"),
    "a PDF": lambda p: p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"),
    "another program's database": _foreign_sqlite,
    "a truncated practice": _truncated_practice,
}


def make_bad_file(kind: str, folder: Path) -> Path:
    path = folder / "practice.sqlite3"
    BAD_FILES[kind](path)
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    return path


@pytest.mark.parametrize("kind", list(BAD_FILES))
@pytest.mark.parametrize("command", ["clients", "check", "migrate", "backup"])
def test_cli_refuses_a_bad_file_and_leaves_it_untouched(tmp_path, capsys, kind, command):
    path = make_bad_file(kind, tmp_path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    status = main([command, "--db", str(path)])

    err = capsys.readouterr().err
    assert status == 1 and err.strip()
    assert "Traceback" not in err
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert not Path(f"{path}.lock").exists()
