"""Export of the whole practice (CSV + JSON + README) and of one client's record."""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import sys
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from sqlalchemy import select, text

from practice import work_folders
from practice.db.models import (
    Appointment,
    AuditEvent,
    Client,
    ClientGoal,
    ConditioningPeriod,
    DayBeforeCheck,
    GoalRating,
    HomeworkAssignment,
    HomeworkReview,
    Measure,
    NoteAmendment,
    PracticeMeta,
    PsychotherapyNote,
    ReminderLog,
    ResistanceObservation,
    ReviewBarrier,
    ReviewStrategy,
    RiskAlert,
    SessionNote,
    SheetAnswer,
)
from practice.domain import record_model
from practice.domain.vocabulary import (
    AppointmentStatus,
    Barrier,
    CallDecision,
    CallOutcome,
    Language,
    LiteracyLevel,
    NoteFormat,
    ReminderChannel,
    ResistanceKind,
    Strategy,
)
from practice.services import export
from practice.services.errors import NotFoundError
from practice.services.export import ExportError, export_all, export_client, export_tables

SEEN_AT = datetime(2024, 3, 5, 14, 30, tzinfo=UTC)
NOTE_TEXT = 'Habló de "la mañana", con comas, y\nuna segunda línea'
PRIVATE_TEXT = "Private process note: countertransference"


def _client(first: str, last: str, **kw: object) -> Client:
    return Client(
        first_name=first,
        last_name=last,
        sort_name=f"{last} {first}".casefold(),
        identity_key=f"{first} {last}|".casefold(),
        **kw,
    )


@pytest.fixture
def seeded(db):
    """Two fictional clients; the first with one of everything. Returns their ids."""
    with db.session() as s:
        inigo = _client(
            "Íñigo",
            "Muñoz",
            preferred_name="Iñi",
            birth_date=date(1984, 3, 25),
            language=Language.ES,
            literacy_level=LiteracyLevel.EASY,
            large_print=True,
            reminder_channel=ReminderChannel.TEXT,
            reminder_time=time(19, 30),
        )
        other = _client("Tamsin", "Okafor")
        s.add_all([inigo, other])
        s.flush()
        seen = Appointment(client_id=inigo.id, starts_at=SEEN_AT, status=AppointmentStatus.ATTENDED)
        nxt = Appointment(client_id=inigo.id, starts_at=datetime(2024, 3, 12, 14, 30, tzinfo=UTC))
        theirs = Appointment(client_id=other.id, starts_at=SEEN_AT)
        s.add_all([seen, nxt, theirs])
        s.flush()
        note = SessionNote(
            appointment_id=seen.id,
            format=NoteFormat.FREE,
            sections={"Note": NOTE_TEXT},
            plan="Revisar el registro",
            signed_at=SEEN_AT,
        )
        s.add(note)
        s.add(PsychotherapyNote(appointment_id=seen.id, text=PRIVATE_TEXT))
        s.flush()
        amendment = NoteAmendment(note_id=note.id, sections={"Note": "corrected"}, reason="typo")
        s.add(amendment)
        s.flush()
        s.add(ResistanceObservation(note_id=note.id, kind=ResistanceKind.DOUBTS_AGE, text="joven"))
        hw = HomeworkAssignment(
            code="AB12",
            client_id=inigo.id,
            assigned_in_id=seen.id,
            template_key="mood_log",
            title="Registro de ánimo",
            level=LiteracyLevel.EASY,
            language=Language.ES,
            start_date=date(2024, 3, 5),
        )
        s.add(hw)
        s.flush()
        review = HomeworkReview(assignment_id=hw.id, appointment_id=nxt.id, completion=2)
        s.add(review)
        s.flush()
        s.add_all(
            [
                ReviewBarrier(review_id=review.id, barrier=Barrier.FORGOT),
                ReviewStrategy(review_id=review.id, strategy=Strategy.EXTERNAL_AIDS),
                ReviewStrategy(review_id=review.id, strategy=Strategy.RE_EXPLAIN),
                ReminderLog(
                    assignment_id=hw.id,
                    on_date=date(2024, 3, 6),
                    channel=ReminderChannel.TEXT,
                    sent_at=datetime(2024, 3, 6, 18, 0, tzinfo=UTC),
                ),
                ConditioningPeriod(
                    client_id=inigo.id,
                    starts_on=date(2024, 3, 6),
                    reason="agreed",
                    agreed_on=date(2024, 3, 5),
                ),
                DayBeforeCheck(
                    appointment_id=nxt.id,
                    called_at=datetime(2024, 3, 11, 17, 0, tzinfo=UTC),
                    outcome=CallOutcome.DONE,
                    decision=CallDecision.KEEP,
                ),
            ]
        )
        return {"inigo": inigo.id, "other": other.id, "note": note.id}


def _export(db, out: Path, **kw):
    with db.session() as s:
        return export_all(s, out, **kw)


def _count(db, table: str) -> int:
    """Rows in ``table``, counted straight in the database (either engine)."""
    with db.engine.connect() as conn:
        return int(conn.execute(text(f'SELECT COUNT(*) FROM "{table}"')).scalar_one())


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_every_table_is_written_with_its_rows(db, seeded, tmp_path):
    # Given a seeded practice, When it is exported
    names = {t.name for t in export_tables()}
    before = {name: _count(db, name) for name in names}
    out = tmp_path / "export"
    result = _export(db, out)
    # Then every table but the private notes has a CSV and a JSON with every row
    assert "psychotherapy_notes" not in names and "alembic_version" not in names
    assert {"clients", "session_notes", "review_strategies", "audit_events"} <= names
    assert set(result.row_counts) == names
    expected_files = {f"{n}.{ext}" for n in names for ext in ("csv", "json")} | {"README.txt"}
    assert {p.name for p in out.iterdir()} == expected_files
    assert {p.name for p in result.files} == expected_files
    before["practice_meta"] -= 1  # less the secret that seals sheets (test below)
    for name in names:
        in_db = before[name]
        assert len(_csv(out / f"{name}.csv")) == in_db, name
        assert len(json.loads((out / f"{name}.json").read_text(encoding="utf-8"))) == in_db
        assert result.row_counts[name] == in_db
    assert result.row_counts["clients"] == 2 and result.row_counts["review_strategies"] == 2
    # (the export's own audit event comes after the snapshot)
    assert _count(db, "audit_events") == before["audit_events"] + 1


def test_csv_and_json_round_trip_values(db, seeded, tmp_path):
    out = tmp_path / "export"
    _export(db, out)
    raw = (out / "clients.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and "Muñoz".encode() in raw
    rows = {r["id"]: r for r in _csv(out / "clients.csv")}
    inigo = rows[str(seeded["inigo"])]
    assert (inigo["first_name"], inigo["last_name"], inigo["preferred_name"]) == (
        "Íñigo",
        "Muñoz",
        "Iñi",
    )
    assert inigo["birth_date"] == "1984-03-25"
    assert inigo["reminder_time"] == "19:30:00"
    assert (inigo["language"], inigo["literacy_level"], inigo["large_print"]) == (
        "es",
        "easy",
        "true",
    )
    assert inigo["ended_on"] == "" and rows[str(seeded["other"])]["large_print"] == "false"
    assert inigo["created_at"].endswith("Z")
    with db.session() as s:
        created = s.get(Client, seeded["inigo"]).created_at
    assert datetime.fromisoformat(inigo["created_at"]) == created
    # A JSON column: JSON text in the CSV cell, with its comma, quotes and line break intact
    (note,) = _csv(out / "session_notes.csv")
    assert json.loads(note["sections"]) == {"Note": NOTE_TEXT}
    assert note["signed_at"] == "2024-03-05T14:30:00Z" and note["format"] == "free"
    # The JSON file holds the same row with real types
    (jnote,) = json.loads((out / "session_notes.json").read_text(encoding="utf-8"))
    assert jnote["sections"] == {"Note": NOTE_TEXT} and jnote["stage_of_change"] is None
    jclients = json.loads((out / "clients.json").read_text(encoding="utf-8"))
    jinigo = next(c for c in jclients if c["id"] == seeded["inigo"])
    assert jinigo["large_print"] is True and jinigo["last_name"] == "Muñoz"
    assert {r["strategy"] for r in _csv(out / "review_strategies.csv")} == {
        "external_aids",
        "re_explain",
    }


def test_psychotherapy_notes_only_when_chosen(db, seeded, tmp_path):
    _export(db, tmp_path / "plain")
    assert not list((tmp_path / "plain").glob("psychotherapy_notes.*"))
    for path in (tmp_path / "plain").iterdir():
        assert PRIVATE_TEXT not in path.read_text(encoding="utf-8"), path.name
    assert "left out" in (tmp_path / "plain" / "README.txt").read_text(encoding="utf-8")

    result = _export(db, tmp_path / "all", include_psychotherapy_notes=True)
    (row,) = _csv(tmp_path / "all" / "psychotherapy_notes.csv")
    assert row["text"] == PRIVATE_TEXT
    assert result.row_counts["psychotherapy_notes"] == 1


def test_readme_describes_every_column(db, seeded, tmp_path):
    _export(db, tmp_path / "export", include_psychotherapy_notes=True)
    readme = (tmp_path / "export" / "README.txt").read_text(encoding="utf-8")
    lines = readme.splitlines()
    for table in export_tables(include_psychotherapy_notes=True):
        assert any(line.startswith(f"{table.name}  ({table.name}.csv") for line in lines)
        for column in table.columns:
            assert any(line.split()[:1] == [column.name] for line in lines), column.name
    language = next(line for line in lines if line.split()[:1] == ["language"])
    assert "one of: en, es" in language and "required" in language
    birth = next(line for line in lines if line.split()[:1] == ["birth_date"])
    assert "date (YYYY-MM-DD)" in birth and "may be empty" in birth
    assert "-> clients.id" in readme and "timestamp (UTC, ends in Z)" in readme


def test_refuses_a_non_empty_folder_and_takes_an_empty_one(db, seeded, tmp_path):
    full = tmp_path / "full"
    full.mkdir()
    (full / "keep.txt").write_text("mine")
    with pytest.raises(ExportError, match="not empty"):
        _export(db, full)
    assert [p.name for p in full.iterdir()] == ["keep.txt"]
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    with pytest.raises(ExportError, match="is a file"):
        _export(db, a_file)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert _export(db, empty).row_counts["clients"] == 2
    assert (empty / "clients.csv").exists()


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), RuntimeError("bug")])
def test_a_failed_export_leaves_nothing(db, seeded, tmp_path, monkeypatch, error):
    # Given a writer that fails on the fourth table
    written = []
    real = export._write_table

    def failing(folder, table, rows):
        if len(written) == 3:
            raise error
        written.append(table.name)
        return real(folder, table, rows)

    monkeypatch.setattr(export, "_write_table", failing)
    parent = tmp_path / "exports"
    parent.mkdir()
    # When the export runs, Then it fails and neither the folder nor a temporary one stays
    with pytest.raises(ExportError if isinstance(error, OSError) else RuntimeError):
        _export(db, parent / "today")
    assert len(written) == 3
    assert list(parent.iterdir()) == []
    assert list(work_folders.registry_dir().iterdir()) == []  # no announcement left either
    with db.session() as s:
        assert s.scalars(select(AuditEvent).where(AuditEvent.entity == "export")).all() == []


def test_export_is_audited_with_counts_only(db, seeded, tmp_path):
    _export(db, tmp_path / "export")
    with db.session() as s:
        (event,) = s.scalars(select(AuditEvent).where(AuditEvent.entity == "export")).all()
    assert event.action == "export_all"
    assert "rows" in event.summary and "left out" in event.summary
    assert "Muñoz" not in event.summary and str(tmp_path) not in event.summary


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_export_files_are_private(db, seeded, tmp_path):
    out = tmp_path / "export"
    _export(db, out)
    assert os.stat(out).st_mode & 0o077 == 0
    assert all(os.stat(p).st_mode & 0o077 == 0 for p in out.iterdir())


# ---- one client -----------------------------------------------------------------


def test_client_record_holds_everything_of_that_client(db, seeded):
    # Given Íñigo's record
    with db.session() as s:
        typed = export_client(s, seeded["inigo"])
    # Then it is typed, and its JSON form holds every part of it
    assert typed.client.last_name == "Muñoz" and typed.client.birth_date == "1984-03-25"
    assert typed.appointments[0].session_note is not None
    assert typed.appointments[0].session_note.amendments[0].reason == "typo"
    assert typed.homework_assignments[0].reviews[0].barriers == ("forgot",)
    record = typed.to_json()
    assert json.loads(json.dumps(record)) == record  # JSON-ready as it is
    assert record["format"] == "practice.client-record" and record["version"] == 1
    assert record["psychotherapy_notes_included"] is False
    client = record["client"]
    assert (client["last_name"], client["birth_date"], client["language"]) == (
        "Muñoz",
        "1984-03-25",
        "es",
    )
    assert "identity_key" not in client and "sort_name" not in client
    seen, nxt = record["appointments"]
    assert seen["starts_at"] == "2024-03-05T14:30:00Z" and seen["status"] == "attended"
    assert "psychotherapy_note" not in seen and PRIVATE_TEXT not in json.dumps(record)
    note = seen["session_note"]
    assert note["sections"] == {"Note": NOTE_TEXT}
    assert [a["reason"] for a in note["amendments"]] == ["typo"]
    assert [o["kind"] for o in note["resistance_observations"]] == ["doubts_age"]
    assert nxt["session_note"] is None
    assert [c["decision"] for c in nxt["day_before_checks"]] == ["keep"]
    (hw,) = record["homework_assignments"]
    assert hw["title"] == "Registro de ánimo"
    (review,) = hw["reviews"]
    assert review["barriers"] == ["forgot"]
    assert sorted(review["strategies"]) == ["external_aids", "re_explain"]
    assert [r["sent_at"] for r in hw["reminder_log"]] == ["2024-03-06T18:00:00Z"]
    assert [p["reason"] for p in record["conditioning_periods"]] == ["agreed"]
    # Nothing of the other client
    assert "Okafor" not in json.dumps(record, ensure_ascii=False)


# Each record class against its table: the columns in the table's order, then what
# hangs under it. A column added by a migration must be added to the record too.
_RECORD_TABLES = [
    (record_model.ClientProfile, Client, ()),
    (record_model.AppointmentRecord, Appointment,
     ("session_note", "day_before_checks", "psychotherapy_note")),
    (record_model.SessionNoteRecord, SessionNote, ("amendments", "resistance_observations")),
    (record_model.AmendmentRecord, NoteAmendment, ()),
    (record_model.ObservationRecord, ResistanceObservation, ()),
    (record_model.DayBeforeCheckRecord, DayBeforeCheck, ()),
    (record_model.PsychotherapyNoteRecord, PsychotherapyNote, ()),
    (record_model.AssignmentRecord, HomeworkAssignment, ("reviews", "reminder_log")),
    (record_model.ReviewRecord, HomeworkReview, ("barriers", "strategies", "sheet_answers")),
    (record_model.SheetAnswerRecord, SheetAnswer, ()),
    (record_model.ReminderRecord, ReminderLog, ()),
    (record_model.PeriodRecord, ConditioningPeriod, ()),
    (record_model.GoalRecord, ClientGoal, ()),
    (record_model.MeasureRecord, Measure, ("ratings", "risk_alert")),
    (record_model.GoalRatingRecord, GoalRating, ()),
    (record_model.RiskAlertRecord, RiskAlert, ()),
]  # fmt: skip


@pytest.mark.parametrize(("record", "model", "nested"), _RECORD_TABLES)
def test_each_record_class_has_its_tables_columns_in_order(record, model, nested):
    left_out = {
        *export._CLIENT_INTERNAL,
        *export._BOOKKEEPING,
    }  # who saved it last: not the client's
    columns = [c.name for c in model.__table__.columns if c.name not in left_out]
    assert [f.name for f in dataclasses.fields(record)] == [*columns, *nested]


def test_client_record_of_an_unknown_client(db):
    with db.session() as s, pytest.raises(NotFoundError):
        export_client(s, 999)


def test_the_key_that_seals_sheets_is_not_exported(db, seeded, tmp_path):
    # Given a practice with its sheet seal key (made by migration 0005)
    with db.session() as s:
        keys = set(s.scalars(select(PracticeMeta.key)))
    assert "sheet_seal_key" in keys
    # When everything is exported
    _export(db, tmp_path / "export")
    # Then practice_meta is there without the secret (whoever holds it could forge sheets)
    rows = json.loads((tmp_path / "export" / "practice_meta.json").read_text(encoding="utf-8"))
    assert {r["key"] for r in rows} == keys - {"sheet_seal_key"}
    text = (tmp_path / "export" / "practice_meta.csv").read_text(encoding="utf-8")
    assert "sheet_seal_key" not in text
