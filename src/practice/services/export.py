"""Export: the whole practice as CSV and JSON files, and one client's record.

:func:`export_all` writes one ``<table>.csv`` and one ``<table>.json`` per table of
the schema (``alembic_version`` aside) and a ``README.txt`` describing every column,
generated from the table metadata. The files are written into a hidden sibling
folder (``practice.work_folders``) that is renamed into place only when everything
is written and the export is in the audit trail, so a failed export leaves nothing
behind and a visible export is always audited; the folder a killed export leaves is
removed at the next start. Psychotherapy notes (the therapist's private process
notes) are left out unless asked for.

Values: timestamps in UTC as ISO 8601 ending in ``Z``; dates ``YYYY-MM-DD``; clock
times ``HH:MM:SS``; fixed choices as their stored strings; yes/no as ``true`` /
``false``; JSON columns as JSON (JSON text inside a CSV cell); no value as ``null``
in JSON and an empty cell in CSV. A CSV cell a spreadsheet would run as a formula
gets a leading single quote (``practice.domain.csv_cells``); the JSON files hold
every value as it is. Files are UTF-8 without a byte-order mark and,
where the system allows it, readable by the user only.

Both exports are audited with counts only — never names.
"""

from __future__ import annotations

import base64
import csv
import enum
import json
import os
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import IO, Any, cast

from sqlalchemy import (
    ColumnElement,
    Table,
    select,
    text,
)
from sqlalchemy.orm import Session

from practice.db.base import Base
from practice.db.models import (
    Appointment,
    Client,
    ClientGoal,
    ConditioningPeriod,
    DayBeforeCheck,
    GoalRating,
    HomeworkAssignment,
    HomeworkReview,
    Measure,
    NoteAmendment,
    PsychotherapyNote,
    ReminderLog,
    ResistanceObservation,
    ReviewBarrier,
    ReviewStrategy,
    RiskAlert,
    SessionNote,
    SheetAnswer,
)
from practice.db.models.meta import SHEET_SEAL_KEY
from practice.domain.csv_cells import escape_formula
from practice.domain.record_model import (
    AmendmentRecord,
    AppointmentRecord,
    AssignmentRecord,
    ClientProfile,
    ClientRecord,
    DayBeforeCheckRecord,
    GoalRatingRecord,
    GoalRecord,
    MeasureRecord,
    ObservationRecord,
    PeriodRecord,
    PsychotherapyNoteRecord,
    ReminderRecord,
    ReviewRecord,
    RiskAlertRecord,
    SessionNoteRecord,
    SheetAnswerRecord,
)
from practice.services import audit
from practice.services.errors import NotFoundError, ServiceError
from practice.services.export_readme import JSON_TEXT_COLUMNS, readme_text
from practice.text import QT_TRANSLATE_NOOP
from practice.work_folders import make_work_folder

# audit_keys: the audit chain's secret on a server (whoever holds it could rewrite the
# chain); like the key that seals sheets, it never leaves the database.
SKIPPED_TABLES = frozenset({"alembic_version", "audit_keys"})
# Drafts of the session panel may hold private psychotherapy-note text.
PRIVATE_TABLES = frozenset({"psychotherapy_notes", "session_drafts"})
# Derived search keys: in the full export (it is everything), not in a client's record.
_CLIENT_INTERNAL = ("sort_name", "identity_key")
_BATCH = 1000


class ExportError(ServiceError):
    """The export could not be written; nothing was left behind."""


@dataclass(frozen=True)
class ExportResult:
    out_dir: Path
    files: tuple[Path, ...]  # every file written, README.txt last
    row_counts: dict[str, int]  # table name -> rows exported


# ---- values ---------------------------------------------------------------------


def utc_text(moment: datetime) -> str:
    """ISO 8601 ending in Z for aware times; naive times as they are."""
    if moment.tzinfo is None:
        return moment.isoformat()
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def jsonable(value: Any) -> Any:
    """A stored value as JSON can hold it (see the module docstring)."""
    if isinstance(value, enum.Enum):  # before str: a StrEnum is a str
        return value.value
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime):
        return utc_text(value)
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return str(value)


def csv_cell(value: Any) -> str:
    """A stored value as a CSV cell, escaped so that no spreadsheet runs it as a formula."""
    value = jsonable(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return escape_formula(str(value))


# ---- tables ---------------------------------------------------------------------


def export_tables(*, include_psychotherapy_notes: bool = False) -> list[Table]:
    """The tables an export holds, parents before children."""
    return [
        table
        for table in Base.metadata.sorted_tables
        if table.name not in SKIPPED_TABLES
        and (include_psychotherapy_notes or table.name not in PRIVATE_TABLES)
    ]


def _kept(table: Table) -> ColumnElement[bool] | None:
    """The rows an export leaves out: the secret that seals fillable sheets."""
    return table.c.key != SHEET_SEAL_KEY if table.name == "practice_meta" else None


def _table(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


# Edit bookkeeping of two computers (``practice.db.versions``): in the full export (it
# is everything), not in a client's record.
_BOOKKEEPING = frozenset({"version", "changed_by_computer", "changed_at"})


def _rows(
    db: Session, table: Table, where: ColumnElement[bool] | None = None, *, whole: bool = False
) -> Iterator[dict[str, Any]]:
    """The rows as dicts (``whole``: every column, else without the bookkeeping)."""
    query = select(table).order_by(*table.primary_key.columns)
    if where is not None:
        query = query.where(where)
    result = db.execute(query.execution_options(yield_per=_BATCH))
    decoded = [c for t, c in JSON_TEXT_COLUMNS if t == table.name]
    for row in result:
        values = {
            name: jsonable(value)
            for name, value in row._mapping.items()
            if whole or name not in _BOOKKEEPING
        }
        for name in decoded:  # JSON kept as text: exported as the JSON value itself
            if values[name] is not None:
                values[name] = json.loads(values[name])
        yield values


def _open_private(path: Path) -> IO[str]:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    return open(fd, "w", encoding="utf-8", newline="")


def _write_table(folder: Path, table: Table, rows: Iterable[dict[str, Any]]) -> int:
    """Write ``<table>.csv`` and ``<table>.json`` in one pass; the number of rows."""
    columns = [c.name for c in table.columns]
    count = 0
    with (
        _open_private(folder / f"{table.name}.csv") as csv_file,
        _open_private(folder / f"{table.name}.json") as json_file,
    ):
        writer = csv.writer(csv_file)
        writer.writerow(columns)
        json_file.write("[")
        for row in rows:
            writer.writerow([csv_cell(row[c]) for c in columns])
            json_file.write(",\n  " if count else "\n  ")
            json_file.write(json.dumps(row, ensure_ascii=False))
            count += 1
        json_file.write("\n]\n" if count else "]\n")
    return count


# ---- the whole practice ---------------------------------------------------------


def export_all(
    db: Session,
    out_dir: Path,
    *,
    include_psychotherapy_notes: bool = False,
    replace: bool = False,
) -> ExportResult:
    """Write every table as CSV and JSON plus README.txt into ``out_dir``.

    ``out_dir`` must not exist or be an empty folder; with ``replace`` it may hold
    files, and those with the export's names are replaced. The export is recorded in
    the audit trail and committed before its files become visible, so a complete
    export is always in the trail. Raises ExportError (and leaves nothing behind) when
    it cannot be written.
    """
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise ExportError(
            QT_TRANSLATE_NOOP(
                "export", "{out_dir} is a file; choose a new folder for the export."
            ).format(out_dir=out_dir)
        )
    into_existing = out_dir.exists() and any(out_dir.iterdir())
    if into_existing and not replace:
        raise ExportError(
            QT_TRANSLATE_NOOP(
                "export", "{out_dir} is not empty; choose a new or empty folder."
            ).format(out_dir=out_dir)
        )
    tables = export_tables(include_psychotherapy_notes=include_psychotherapy_notes)
    exported_at = datetime.now(UTC)
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        work_folder = make_work_folder(out_dir)
    except OSError as exc:
        raise ExportError(
            QT_TRANSLATE_NOOP("export", "Cannot write into {parent}: {value}").format(
                parent=out_dir.parent, value=exc.strerror or exc
            )
        ) from exc
    work = work_folder.path
    try:
        counts = {t.name: _write_table(work, t, _rows(db, t, _kept(t), whole=True)) for t in tables}
        readme = readme_text(
            tables,
            counts,
            revision=_schema_revision(db),
            exported_at=utc_text(exported_at),
            include_psychotherapy_notes=include_psychotherapy_notes,
        )
        with _open_private(work / "README.txt") as f:
            f.write(readme)
        _audit_export(db, counts, include_psychotherapy_notes)
        db.commit()  # in the trail before anyone can see the files
        if into_existing:
            for path in sorted(work.iterdir()):
                os.replace(path, out_dir / path.name)
            work.rmdir()
        else:
            if out_dir.exists():
                out_dir.rmdir()  # empty (checked above); a rename onto it fails on Windows
            work.rename(out_dir)
    except OSError as exc:
        raise ExportError(
            QT_TRANSLATE_NOOP(
                "export", "The export could not be written ({value}); nothing was kept."
            ).format(value=exc.strerror or exc)
        ) from exc
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
        work_folder.release()
    files = [out_dir / name for name in export_file_names(tables)]
    return ExportResult(out_dir=out_dir, files=tuple(files), row_counts=counts)


def export_file_names(tables: Iterable[Table]) -> list[str]:
    """The names of the files an export of ``tables`` writes, README.txt last."""
    names = [f"{t.name}.{ext}" for t in tables for ext in ("csv", "json")]
    return [*names, "README.txt"]


def _audit_export(db: Session, counts: dict[str, int], private: bool) -> None:
    audit.record(
        db,
        "export",
        None,
        "export_all",
        f"full export: {len(counts)} tables, {sum(counts.values())} rows; "
        f"psychotherapy notes {'included' if private else 'left out'}",
    )


def _schema_revision(db: Session) -> str:
    try:
        revision = db.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except Exception:  # noqa: BLE001 - an unstamped database still exports
        return "unknown"
    return str(revision or "unknown")


# ---- one client -----------------------------------------------------------------


def export_client(
    db: Session, client_id: int, *, include_psychotherapy_notes: bool = False
) -> ClientRecord:
    """One client's whole record (:meth:`ClientRecord.to_json` gives it for JSON).

    Appointments carry their session note (with amendments and resistance
    observations), day-before checks and, only when asked, the psychotherapy note;
    assignments carry their reviews (with barriers and strategies) and reminder log.
    """
    clients = list(_rows(db, _table(Client), Client.id == client_id))
    if not clients:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("export", "There is no client with id {client_id}.").format(
                client_id=client_id
            )
        )
    profile = ClientProfile(**{k: v for k, v in clients[0].items() if k not in _CLIENT_INTERNAL})

    appt_ids = select(Appointment.id).where(Appointment.client_id == client_id)
    note_ids = select(SessionNote.id).where(SessionNote.appointment_id.in_(appt_ids))
    amendments = _grouped(
        db, _table(NoteAmendment), NoteAmendment.note_id.in_(note_ids), key="note_id"
    )
    observations = _grouped(
        db,
        _table(ResistanceObservation),
        ResistanceObservation.note_id.in_(note_ids),
        key="note_id",
    )
    notes: dict[int, SessionNoteRecord] = {}
    for note in _rows(db, _table(SessionNote), SessionNote.appointment_id.in_(appt_ids)):
        notes[note["appointment_id"]] = SessionNoteRecord(
            **note,
            amendments=tuple(AmendmentRecord(**a) for a in amendments.get(note["id"], [])),
            resistance_observations=tuple(
                ObservationRecord(**o) for o in observations.get(note["id"], [])
            ),
        )
    checks = _grouped(
        db,
        _table(DayBeforeCheck),
        DayBeforeCheck.appointment_id.in_(appt_ids),
        key="appointment_id",
    )
    private: dict[int, PsychotherapyNoteRecord] = {}
    if include_psychotherapy_notes:
        where = PsychotherapyNote.appointment_id.in_(appt_ids)
        private = {
            n["appointment_id"]: PsychotherapyNoteRecord(**n)
            for n in _rows(db, _table(PsychotherapyNote), where)
        }
    appointments = tuple(
        AppointmentRecord(
            **appt,
            session_note=notes.get(appt["id"]),
            day_before_checks=tuple(DayBeforeCheckRecord(**c) for c in checks.get(appt["id"], [])),
            psychotherapy_note=private.get(appt["id"]),
        )
        for appt in _rows(db, _table(Appointment), Appointment.client_id == client_id)
    )
    assignments = _assignments(db, client_id)
    record = ClientRecord(
        exported_at=utc_text(datetime.now(UTC)),
        psychotherapy_notes_included=include_psychotherapy_notes,
        client=profile,
        appointments=appointments,
        homework_assignments=assignments,
        conditioning_periods=tuple(
            PeriodRecord(**p)
            for p in _rows(
                db, _table(ConditioningPeriod), ConditioningPeriod.client_id == client_id
            )
        ),
        goals=tuple(
            GoalRecord(**g)
            for g in _rows(db, _table(ClientGoal), ClientGoal.client_id == client_id)
        ),
        measures=_measures(db, client_id),
    )
    audit.record(
        db,
        "client",
        client_id,
        "export",
        f"record exported: {len(appointments)} appointments, "
        f"{len(assignments)} assignments; psychotherapy notes "
        + ("included" if include_psychotherapy_notes else "left out"),
    )
    return record


def _measures(db: Session, client_id: int) -> tuple[MeasureRecord, ...]:
    measure_ids = select(Measure.id).where(Measure.client_id == client_id)
    ratings = _grouped(
        db, _table(GoalRating), GoalRating.measure_id.in_(measure_ids), key="measure_id"
    )
    alerts = {
        a["measure_id"]: a for a in _rows(db, _table(RiskAlert), RiskAlert.client_id == client_id)
    }
    out = []
    for row in _rows(db, _table(Measure), Measure.client_id == client_id):
        answers = row.pop("answers")
        alert = alerts.get(row["id"])
        out.append(
            MeasureRecord(
                **row,
                answers=None if answers is None else tuple(answers),
                ratings=tuple(GoalRatingRecord(**r) for r in ratings.get(row["id"], [])),
                risk_alert=RiskAlertRecord(**alert) if alert else None,
            )
        )
    return tuple(out)


def _grouped(
    db: Session, table: Table, where: ColumnElement[bool], *, key: str
) -> dict[int, list[dict[str, Any]]]:
    groups: dict[int, list[dict[str, Any]]] = {}
    for row in _rows(db, table, where):
        groups.setdefault(row[key], []).append(row)
    return groups


def _assignments(db: Session, client_id: int) -> tuple[AssignmentRecord, ...]:
    hw_ids = select(HomeworkAssignment.id).where(HomeworkAssignment.client_id == client_id)
    review_ids = select(HomeworkReview.id).where(HomeworkReview.assignment_id.in_(hw_ids))
    barriers = _grouped(
        db, _table(ReviewBarrier), ReviewBarrier.review_id.in_(review_ids), key="review_id"
    )
    strategies = _grouped(
        db,
        _table(ReviewStrategy),
        ReviewStrategy.review_id.in_(review_ids),
        key="review_id",
    )
    answers = _grouped(
        db, _table(SheetAnswer), SheetAnswer.review_id.in_(review_ids), key="review_id"
    )
    reviews: dict[int, list[ReviewRecord]] = {}
    for review in _rows(db, _table(HomeworkReview), HomeworkReview.assignment_id.in_(hw_ids)):
        reviews.setdefault(review["assignment_id"], []).append(
            ReviewRecord(
                **review,
                barriers=tuple(b["barrier"] for b in barriers.get(review["id"], [])),
                strategies=tuple(s["strategy"] for s in strategies.get(review["id"], [])),
                sheet_answers=tuple(SheetAnswerRecord(**a) for a in answers.get(review["id"], [])),
            )
        )
    reminders = _grouped(
        db, _table(ReminderLog), ReminderLog.assignment_id.in_(hw_ids), key="assignment_id"
    )
    return tuple(
        AssignmentRecord(
            **hw,
            reviews=tuple(reviews.get(hw["id"], [])),
            reminder_log=tuple(ReminderRecord(**r) for r in reminders.get(hw["id"], [])),
        )
        for hw in _rows(db, _table(HomeworkAssignment), HomeworkAssignment.client_id == client_id)
    )
