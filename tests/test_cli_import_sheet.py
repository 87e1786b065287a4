"""``practice import-sheet``: a returned fillable sheet into its review, from the shell."""

from __future__ import annotations

import io
import os
import sqlite3
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from _pdf_forms import fill
from practice.cli import main
from practice.db import migrate
from practice.db.engine import Database
from practice.domain.inputs import AssignmentInput
from practice.domain.vocabulary import (
    AppointmentStatus,
    Frequency,
    Language,
    LiteracyLevel,
    Modality,
)
from practice.services import appointments, clients, homework, printing
from practice.services.clients import ClientInput
from practice.sheets.fillable import CODE_FIELD
from practice.sheets.templates import load_templates

LIBRARY = load_templates()
START = date(2025, 3, 3)


def at(day: date) -> datetime:
    return datetime.combine(day, time(10)).astimezone()


class Practice:
    def __init__(self, path: Path, blank: bytes, due_in: int, other_session: int) -> None:
        self.path, self.blank, self.due_in, self.other_session = path, blank, due_in, other_session

    def rows(self, sql: str) -> list[tuple[object, ...]]:
        with sqlite3.connect(self.path) as conn:
            return conn.execute(sql).fetchall()


@pytest.fixture
def practice(tmp_path: Path) -> Practice:
    """A mood log sent in session 1 (3 March), due at session 2 (10 March), both attended."""
    path = tmp_path / "practice.sqlite3"
    migrate.upgrade(path)
    database = Database(path)
    try:
        with database.session() as s:
            client = clients.create(s, ClientInput(first_name="Lía", last_name="Ficticia")).id
            first = appointments.schedule(s, client, at(START)).appointment.id
            appointments.mark(s, first, AppointmentStatus.ATTENDED)
            due = appointments.schedule(s, client, at(START + timedelta(days=7))).appointment.id
            a = homework.assign(
                s, client,
                AssignmentInput(
                    template_key="mood_log", title="Mood log", level=LiteracyLevel.STANDARD,
                    language=Language.EN, modality=Modality.FILLABLE_PDF, start_date=START,
                    due_date=START + timedelta(days=7),
                ),
                appointment_id=first,
            )  # fmt: skip
            blank = printing.sheet_for_assignment(s, a.id, templates=LIBRARY, today=START)
            appointments.mark(s, due, AppointmentStatus.ATTENDED)
            later = appointments.schedule(s, client, at(START + timedelta(days=14))).appointment.id
            appointments.mark(s, later, AppointmentStatus.ATTENDED)
    finally:
        database.dispose()
    return Practice(path, blank, due, later)


def run(practice: Practice, file: Path, *extra: str) -> int:
    return main(["import-sheet", str(file), "--db", str(practice.path), *extra])


def test_a_filled_sheet_is_imported_with_every_answer(practice, tmp_path, capsys):
    # Given the client's sheet with two days, one mood out of range
    file = tmp_path / "back.pdf"
    file.write_bytes(fill(practice.blank, {"d1.mood": "40", "d1.events": "Rain", "d2.mood": "150"}))
    # When imported from the shell
    status = run(practice, file)
    # Then it went into the session the sheet was printed for, answers and all
    out = capsys.readouterr().out
    assert status == 0
    assert "Imported 3 answers (1 flagged) of “Mood log”" in out
    assert f"session {practice.due_in} of 2025-03-10: 2 days recorded" in out
    assert "flagged: Day 2, Overall mood today: “150”: 150 is outside the 0–100 scale" in out
    assert practice.rows("SELECT appointment_id, days_recorded FROM homework_reviews") == [
        (practice.due_in, 2)
    ]
    assert practice.rows("SELECT name, value, problem IS NOT NULL FROM sheet_answers") == [
        ("d1.mood", "40 / 100", 0), ("d1.events", "Rain", 0), ("d2.mood", "150", 1),
    ]  # fmt: skip


def test_an_existing_review_is_replaced_only_with_replace(practice, tmp_path, capsys):
    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    first.write_bytes(fill(practice.blank, {"d1.mood": "40"}))
    second.write_bytes(fill(practice.blank, {"d1.mood": "45", "d2.mood": "50", "d3.mood": "55"}))
    assert run(practice, first) == 0
    capsys.readouterr()
    # When the newer sheet is imported without --replace
    status = run(practice, second)
    # Then the changes are listed, and nothing was written
    err = capsys.readouterr().err
    assert status == 1
    assert "* Completion: 1 (started) -> 2 (about half)" in err
    assert "* Days recorded: 1 -> 3" in err
    assert err.strip().endswith("run again with --replace to replace it.")
    assert practice.rows("SELECT value FROM sheet_answers") == [("40 / 100",)]
    # When run again with --replace, the new sheet replaces it
    assert run(practice, second, "--replace") == 0
    assert practice.rows("SELECT days_recorded FROM homework_reviews") == [(3,)]
    assert len(practice.rows("SELECT id FROM sheet_answers")) == 3


def test_another_session_can_be_chosen_and_a_wrong_one_is_refused(practice, tmp_path, capsys):
    file = tmp_path / "back.pdf"
    file.write_bytes(fill(practice.blank, {"d1.mood": "40"}))
    assert run(practice, file, "--appointment", str(practice.other_session)) == 0
    assert practice.rows("SELECT appointment_id FROM homework_reviews") == [
        (practice.other_session,)
    ]
    capsys.readouterr()
    assert run(practice, file, "--appointment", "999") == 1
    assert "Appointment 999 cannot review this homework" in capsys.readouterr().err


def _forged(blank: bytes) -> bytes:
    marker = str((PdfReader(io.BytesIO(blank)).get_fields() or {})[CODE_FIELD]["/V"])
    parts = marker.split("|")
    parts[2] = str(int(parts[2]) + 1)  # another assignment
    return fill(blank, {CODE_FIELD: "|".join(parts), "d1.mood": "40"})


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (lambda blank: b"just some text\n", "not a PDF"),
        (lambda blank: fill(blank, {"d1.mood": "40"})[:5000], "incomplete"),
        (_forged, "does not match its seal"),
    ],
    ids=["not a pdf", "cut off", "forged"],
)
def test_bad_files_are_refused_in_one_line_and_write_nothing(
    practice, tmp_path, capsys, content, message
):
    file = tmp_path / "bad.pdf"
    file.write_bytes(content(practice.blank))
    assert run(practice, file) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert practice.rows("SELECT count(*) FROM homework_reviews") == [(0,)]
    assert practice.rows("SELECT count(*) FROM sheet_answers") == [(0,)]


def test_a_missing_file_is_one_line(practice, tmp_path, capsys):
    assert run(practice, tmp_path / "nowhere.pdf") == 1
    err = capsys.readouterr().err
    assert "could not be read" in err and len(err.strip().splitlines()) == 1


# ---- what the preview warns of, and what is refused ----------------------------------------


def test_an_unfilled_sheet_is_refused_and_writes_nothing(practice, tmp_path, capsys):
    file = tmp_path / "empty.pdf"
    file.write_bytes(practice.blank)
    assert run(practice, file) == 1
    err = capsys.readouterr().err
    assert "practice: warning: Nothing was filled in on this sheet." in err
    assert "nothing was filled in on this sheet; nothing was imported." in err
    assert practice.rows("SELECT count(*) FROM homework_reviews") == [(0,)]


def test_every_preview_warning_is_printed(practice, tmp_path, capsys):
    file = tmp_path / "back.pdf"
    file.write_bytes(fill(practice.blank, {"d1.mood": "7/10"}))
    assert run(practice, file) == 0
    err = capsys.readouterr().err
    assert "practice: warning: 1 answer does not fit the sheet (marked in red)" in err


def _each_time(tmp_path: Path) -> tuple[Path, bytes]:
    """A panic diary (each time it happens) sent on 3 March, back on 10 March."""
    path = tmp_path / "each.sqlite3"
    migrate.upgrade(path)
    database = Database(path)
    try:
        with database.session() as s:
            client = clients.create(s, ClientInput(first_name="Eva", last_name="Ficticia")).id
            first = appointments.schedule(s, client, at(START)).appointment.id
            appointments.mark(s, first, AppointmentStatus.ATTENDED)
            due = appointments.schedule(s, client, at(START + timedelta(days=7))).appointment.id
            a = homework.assign(
                s, client,
                AssignmentInput(
                    template_key="panic_diary", title="Panic diary", level=LiteracyLevel.PLAIN,
                    language=Language.EN, modality=Modality.FILLABLE_PDF, start_date=START,
                    due_date=START + timedelta(days=7), frequency=Frequency.EACH_TIME,
                ),
                appointment_id=first,
            )  # fmt: skip
            blank = printing.sheet_for_assignment(s, a.id, templates=LIBRARY, today=START)
            appointments.mark(s, due, AppointmentStatus.ATTENDED)
    finally:
        database.dispose()
    return path, blank


def test_each_time_homework_needs_the_completion_from_the_therapist(tmp_path, capsys):
    path, blank = _each_time(tmp_path)
    file = tmp_path / "panic.pdf"
    file.write_bytes(fill(blank, {"e1.when_where": "Bus, Monday"}))
    # When imported without --completion: refused, nothing written, no completion made up
    assert main(["import-sheet", str(file), "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert "the completion needs your confirmation" in err and "--completion N" in err
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM homework_reviews").fetchall() == [(0,)]
    # When the therapist gives it: stored as given
    assert main(["import-sheet", str(file), "--db", str(path), "--completion", "2"]) == 0
    with sqlite3.connect(path) as conn:
        assert conn.execute(
            "SELECT completion, days_recorded FROM homework_reviews"
        ).fetchall() == [(2, 1)]


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "folder"])
def test_special_files_are_refused_at_once(practice, tmp_path, capsys, kind):
    file = tmp_path / "special.pdf"
    if kind == "fifo":
        os.mkfifo(file)
    elif kind == "dev-zero":
        file.symlink_to("/dev/zero")
    else:
        file.mkdir()
    assert run(practice, file) == 1
    err = capsys.readouterr().err
    assert "is not a regular file" in err and len(err.strip().splitlines()) == 1


def test_a_sheet_warns_of_characters_no_font_can_print(tmp_path, capsys):
    # Given a client whose preferred name has a character no font has
    path = tmp_path / "glyphs.sqlite3"
    migrate.upgrade(path)
    database = Database(path)
    try:
        with database.session() as s:
            client = clients.create(
                s, ClientInput(first_name="Ana", last_name="Ficticia", preferred_name="An\ue000a")
            ).id
            a = homework.assign(
                s, client,
                AssignmentInput(template_key="mood_log", title="Mood log",
                                level=LiteracyLevel.PLAIN, language=Language.EN),
            )  # fmt: skip
    finally:
        database.dispose()
    out = tmp_path / "sheet.pdf"
    # When the sheet is printed from the shell
    assert main(["sheet", "--assignment", str(a.id), "-o", str(out), "--db", str(path)]) == 0
    # Then one line warns of the [?] marks, without the name itself
    err = capsys.readouterr().err
    marks = "".join(p.extract_text() for p in PdfReader(str(out)).pages).count("[?]")
    assert marks >= 2  # the header and each page's footer name her
    said = f"[?] is printed {marks} times on this PDF"
    warnings = [line for line in err.splitlines() if said in line]
    assert len(warnings) == 1 and warnings[0].startswith("practice: warning: ")
    assert "\ue000" not in err
