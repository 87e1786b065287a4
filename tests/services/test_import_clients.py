"""Clients from CSV: preview with per-row errors, all-or-nothing apply, duplicates."""

from __future__ import annotations

import unicodedata
from datetime import date, time

import pytest
from sqlalchemy import func, select

from practice.db.models import AuditEvent, Client
from practice.domain.vocabulary import Language, LiteracyLevel, Modality, ReminderChannel
from practice.services import clients
from practice.services import import_clients as imp
from practice.services.clients import ClientInput
from practice.services.errors import ValidationError
from practice.services.import_clients import ImportRefusedError, apply_import, preview_import

GOOD = (
    "first_name,last_name,preferred_name,birth_date,email,phone,language,literacy_level,"
    "large_print,preferred_modality,reminder_channel,reminder_time,cannot_postpone,"
    "cannot_postpone_reason\n"
    "Íñigo,Muñoz,Iñi,1984-03-25,inigo@example.org,+34 600 000 001,ES,Easy,yes,"
    "phone_notes,text,19:30,1,risk\n"
    'Tamsin,Okafor,,1990-11-02,,,en,,no,,,,false,""\n'
)


def _preview(db, source):
    with db.session() as s:
        return preview_import(s, source, today=date(2025, 1, 1))


def _apply(db, preview, **kw):
    with db.session() as s:
        return apply_import(s, preview, **kw)


def _client_count(db) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Client)) or 0)


def test_a_good_file_imports_every_row(db):
    # Given a clean file, When previewed and applied
    preview = _preview(db, GOOD.encode("utf-8"))
    assert preview.ok and not preview.duplicates and preview.problems() == []
    assert [r.line_no for r in preview.rows] == [2, 3]
    ids = _apply(db, preview)
    # Then both clients exist with every value read
    assert len(ids) == 2
    with db.session() as s:
        inigo = clients.get(s, ids[0])
        tamsin = clients.get(s, ids[1])
        events = s.scalars(select(AuditEvent).where(AuditEvent.entity == "import")).all()
    assert (inigo.first_name, inigo.last_name, inigo.preferred_name) == ("Íñigo", "Muñoz", "Iñi")
    assert inigo.birth_date == date(1984, 3, 25) and inigo.phone == "+34 600 000 001"
    assert inigo.language is Language.ES and inigo.literacy_level is LiteracyLevel.EASY
    assert inigo.large_print is True and inigo.preferred_modality is Modality.PHONE_NOTES
    assert inigo.reminder_channel is ReminderChannel.TEXT
    assert inigo.reminder_time == time(19, 30)
    assert inigo.cannot_postpone is True and inigo.cannot_postpone_reason == "risk"
    # Empty cells take the profile's defaults
    assert tamsin.literacy_level is LiteracyLevel.PLAIN and tamsin.email is None
    assert tamsin.preferred_modality is Modality.PAPER and tamsin.cannot_postpone is False
    (event,) = events
    assert "2 clients" in event.summary and "Muñoz" not in event.summary


def test_headers_are_read_loosely_and_a_bom_semicolons_are_tolerated(db):
    source = "\ufeffFirst Name;LAST-NAME;Birth_Date\nAna;Pérez;2001-02-03\n".encode()
    preview = _preview(db, source)
    assert preview.ok, preview.problems()
    assert preview.columns == ["first_name", "last_name", "birth_date"]
    (row,) = preview.rows
    assert row.data == ClientInput(first_name="Ana", last_name="Pérez", birth_date=date(2001, 2, 3))


def test_one_bad_row_writes_nothing_and_names_line_and_field(db):
    source = GOOD + "Bea,Santos,,31/12/1980,bea-at-example,,,,,,,,,\n"
    preview = _preview(db, source)
    assert not preview.ok
    (bad,) = preview.error_rows
    assert bad.line_no == 4 and bad.data is None
    assert set(bad.errors) == {"birth_date", "email"}
    problems = preview.problems()
    assert any(p.startswith("line 4: birth_date: '31/12/1980' is not a date") for p in problems)
    assert any(p.startswith("line 4: email: ") for p in problems)
    with pytest.raises(ImportRefusedError) as refused:
        _apply(db, preview)
    assert "line 4: birth_date" in str(refused.value)
    assert _client_count(db) == 0


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("birth_date", "1980-02-30", "not a real date"),
        ("birth_date", "2030-01-01", "future"),
        ("birth_date", "80-1-1", "YYYY-MM-DD"),
        ("large_print", "maybe", "not yes or no"),
        ("cannot_postpone", "sí", "not yes or no"),
        ("language", "fr", "not one of: English, Spanish"),
        ("literacy_level", "basic", "Standard, Plain, Easy, Pictorial"),
        ("preferred_modality", "pigeon", "not one of"),
        ("reminder_channel", "fax", "not one of"),
        ("reminder_time", "7pm", "HH:MM"),
        ("reminder_time", "25:00", "HH:MM"),
        ("email", "no-at-sign", "E-mail"),
        ("phone", "call me", "Phone"),
        ("first_name", "   ", "required"),
        ("preferred_name", "x" * 101, "too long"),
    ],
)
def test_each_bad_value_is_reported_on_its_field(db, column, value, message):
    cells = {"first_name": "Ana", "last_name": "Pérez", column: value}
    source = ",".join(cells) + "\n" + ",".join(cells.values()) + "\n"
    (row,) = _preview(db, source).rows
    assert list(row.errors) == [column]
    assert message in row.errors[column]


def test_duplicates_of_existing_clients_are_flagged_and_block(db):
    # Given a client already in the practice
    with db.session() as s:
        existing = clients.create(
            s, ClientInput(first_name="Íñigo", last_name="Muñoz", birth_date=date(1984, 3, 25))
        ).id
    # When a file holds the same person spelt in another case and decomposed form
    nfd = unicodedata.normalize("NFD", "ÍÑIGO  muñoz")
    source = f"first_name,last_name,birth_date\n{nfd.split()[0]},{nfd.split()[1]},1984-03-25\n"
    source += "Íñigo,Muñoz,1999-01-01\nNora,Vidal,\n"
    preview = _preview(db, source)
    # Then only that row is flagged (another birth date is another person)
    assert preview.ok
    (dup,) = preview.duplicates
    assert dup.line_no == 2 and dup.duplicate_of == [existing]
    assert f"line 2: duplicate: same name and birth date as client {existing}" in (
        preview.problems()
    )
    with pytest.raises(ImportRefusedError, match="duplicate"):
        _apply(db, preview)
    assert _client_count(db) == 1
    assert preview.importable() == []
    # With skip_duplicates the others are imported
    assert [r.line_no for r in preview.importable(skip_duplicates=True)] == [3, 4]
    ids = _apply(db, preview, skip_duplicates=True)
    assert len(ids) == 2 and _client_count(db) == 3


def test_duplicates_within_the_file_are_flagged(db):
    source = "first_name,last_name,birth_date\nAna,Pérez,2001-02-03\nana,PÉREZ,2001-02-03\n"
    source += "Ana,Pérez,\n"
    preview = _preview(db, source)
    (dup,) = preview.duplicates
    assert dup.line_no == 3 and dup.duplicate_lines == [2] and dup.duplicate_of == []
    assert "line 3: duplicate: same name and birth date as line 2" in preview.problems()
    with pytest.raises(ImportRefusedError):
        _apply(db, preview)
    ids = _apply(db, preview, skip_duplicates=True)
    assert len(ids) == 2  # the first of the equal rows, and the one without a birth date


def test_identity_key_matches_the_clients_service(db):
    with db.session() as s:
        view = clients.create(
            s, ClientInput(first_name=" Zoë ", last_name="de la Cruz", birth_date=date(1970, 1, 1))
        )
        stored = s.get(Client, view.id).identity_key
        probe = ClientInput(
            first_name=unicodedata.normalize("NFD", "ZOË"),
            last_name="DE  LA cruz",
            birth_date=date(1970, 1, 1),
        )
        assert imp.identity_key(probe) == stored
        assert [r.id for r in clients.find_duplicates(s, probe)] == [view.id]


def test_duplicates_are_checked_again_when_applying(db):
    preview = _preview(db, "first_name,last_name\nAna,Pérez\nLuis,Mora\n")
    assert preview.ok and not preview.duplicates
    with db.session() as s:
        clients.create(s, ClientInput(first_name="Luis", last_name="Mora"))
    with pytest.raises(ImportRefusedError, match="line 3: duplicate"):
        _apply(db, preview)
    assert _client_count(db) == 1


def test_a_failure_half_way_leaves_nothing_even_when_caught(db, monkeypatch):
    preview = _preview(db, "first_name,last_name\nAna,Pérez\nLuis,Mora\nEva,Ruiz\n")
    real = clients.create
    calls = []

    def flaky(session, data):
        calls.append(data.first_name)
        if len(calls) == 2:
            raise ValidationError({"last_name": "refused"})
        return real(session, data)

    monkeypatch.setattr(clients, "create", flaky)
    # the refusal is caught inside the unit of work, which then commits
    with db.session() as s, pytest.raises(ImportRefusedError, match="line 3: last_name: refused"):
        apply_import(s, preview)
    assert calls == ["Ana", "Luis"]
    assert _client_count(db) == 0


MALFORMED = [
    ("empty", b"", "The file is empty."),
    ("blank lines", b"\n\r\n  \n", "The file is empty."),
    ("only commas", b",,,\n,,\n", "The file is empty."),
    ("header only", b"first_name,last_name\r\n", "line 1: the file has a header but no clients."),
    ("no header", "Ana,Pérez,2001-02-03\n".encode(), "must be a header"),
    ("missing column", b"first_name,birth_date\nAna,2001-02-03\n", "missing: last_name"),
    (
        "unknown columns",
        b"first_name,last_name,shoe_size,notes\nAna,P,42,x\n",
        "Unknown columns: 'shoe_size', 'notes'.",
    ),
    ("column twice", b"first_name,last_name,First Name\nA,B,C\n", "column twice: first_name"),
    ("unclosed quote", b'first_name,last_name\nAna,"P\xc3\xa9rez\nLuis,Mora\n', "never closed"),
    ("quote then text", b'first_name,last_name\n"Ana"x,Perez\n', "must be doubled"),
    ("NUL bytes", b"first_name,last_name\nAna,P\x00rez\n", "line 2: the file holds a NUL"),
    ("latin-1", "first_name,last_name\nAna,Muñoz\n".encode("latin-1"), "not UTF-8 text"),
    ("utf-16", "first_name,last_name\nAna,Muñoz\n".encode("utf-16"), "UTF-16"),
    ("xlsx", b"PK\x03\x04\x14\x00\x06\x00rest-of-a-zip", "spreadsheet workbook"),
    ("huge value", b"first_name,last_name\nAna," + b"x" * 200_000 + b"\n", "far too long"),
]


@pytest.mark.parametrize(
    ("source", "message"), [c[1:] for c in MALFORMED], ids=[c[0] for c in MALFORMED]
)
def test_malformed_files_give_a_clear_message(db, source, message):
    preview = _preview(db, source)
    assert not preview.ok and preview.rows == []
    (problem,) = preview.file_errors
    assert message in problem
    with pytest.raises(ImportRefusedError):
        _apply(db, preview)
    assert _client_count(db) == 0


def test_latin_1_message_names_the_line(db):
    (problem,) = _preview(db, "first_name,last_name\nAna,Muñoz\n".encode("latin-1")).file_errors
    assert "byte 0xF1 on line 2" in problem


def test_a_row_with_too_many_values_is_a_row_error(db):
    preview = _preview(db, "first_name,last_name\nAna,Pérez\nLópez, Luis,Mora\n")
    (bad,) = preview.error_rows
    assert bad.line_no == 3 and "3 values, but the header names 2 columns" in bad.errors["row"]
    assert preview.rows[0].errors == {}


def test_short_rows_and_quoted_line_breaks_keep_line_numbers(db):
    source = 'first_name,last_name,cannot_postpone_reason\nAna,Pérez,"two\nlines"\nLuis\n'
    preview = _preview(db, source)
    ana, luis = preview.rows
    assert ana.line_no == 2 and ana.data is not None
    assert ana.data.cannot_postpone_reason == "two\nlines"
    assert luis.line_no == 4 and luis.errors == {"last_name": "Last name is required."}


def test_text_input_with_a_lone_surrogate_is_refused_not_crashed(db):
    preview = _preview(db, "first_name,last_name\nAna,P\ud800rez\n")
    (row,) = preview.error_rows
    assert "surrogate" in row.errors["last_name"]


def test_ten_thousand_rows_preview_quickly_and_correctly(db):
    lines = ["first_name,last_name,birth_date"]
    lines += [f"Nombre{i},Apellido{i},1980-01-{i % 28 + 1:02d}" for i in range(12_000)]
    lines.append("Nombre5,Apellido5,1980-01-06")  # a duplicate of line 7
    preview = _preview(db, "\n".join(lines))
    assert len(preview.rows) == 12_001 and preview.ok
    (dup,) = preview.duplicates
    assert dup.line_no == 12_002 and dup.duplicate_lines == [7]
    assert len(preview.importable(skip_duplicates=True)) == 12_000
