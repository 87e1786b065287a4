"""The README.txt of a full export, generated from the table metadata."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Enum,
    Integer,
    String,
    Table,
    Text,
    Time,
)

from practice.db.base import UTCDateTime

_README_HEAD = """\
Practice export
===============

Exported at: {exported_at}
Schema revision: {revision}
Psychotherapy notes: {private}

Every table is written twice, with the same rows and columns:
  <table>.csv   UTF-8, comma-separated, first line the column names, "double quotes"
                around values holding commas, quotes or line breaks (RFC 4180)
  <table>.json  UTF-8, a JSON array with one object per row, keyed by column name

Values:
  timestamps      ISO 8601 in UTC, ending in Z (2024-03-05T14:30:00Z)
  dates           YYYY-MM-DD
  clock times     HH:MM:SS (no time zone)
  true/false      true or false
  fixed choices   the stored value, one of those listed for the column
  JSON            in CSV the JSON text; in JSON the value itself
  no value        an empty cell in CSV, null in JSON (CSV cannot tell an empty
                  text from no value; the JSON files can)
  formulas        a CSV cell that starts with = + - @, a tab or a carriage return
                  (and is not a plain number) gets a single quote in front, so that
                  no spreadsheet runs it as a formula: '=SUM(A1) in the CSV is
                  =SUM(A1) in the practice. A cell that already started with quotes
                  before such a character gets one more. The JSON files hold every
                  value as it is. Practice's clients import removes that one quote.
Columns marked "-> table.column" refer to a row of that table by its id.
Lines starting with "-" under a table or a column say in words what it holds.
This export holds clinical records: keep it as safe as the practice itself.
"""


# Text columns that hold JSON: exported as the JSON value itself (JSON text in a CSV cell).
JSON_TEXT_COLUMNS = frozenset({("measures", "answers")})

_PHQ9_GAD7 = "PHQ-9 (depression, 9 questions) or GAD-7 (anxiety, 7 questions)"
# What a table or column holds, in plain words (docs/clinical.md, Outcome measures).
TABLE_WORDS: dict[str, str] = {
    "measure_forms": "Measure forms printed for a client or sent as a fillable PDF; the code "
    "printed on the form leads back to the client and the measure it asks for.",
    "measures": f"Outcome measures the client completed: a {_PHQ9_GAD7}, or a rating of their "
    "personal goals. One row per completed form.",
    "client_goals": "The client's personal goals or problems (up to three at a time), each "
    "rated 0-10 in the goal ratings.",
    "goal_ratings": "One rating (0-10) of one personal goal, given on one personal-goals measure.",
    "risk_alerts": "Risk alerts: raised at once when question 9 of a PHQ-9 (thoughts of being "
    "better off dead or of hurting oneself) is answered above 0, open until the therapist "
    "notes what was done.",
}
# Columns of the same name and meaning in several tables (issue 17: two computers).
NAME_WORDS: dict[str, str] = {
    "version": "how many times the row was saved (1 when made); a save over a newer "
    "version, made meanwhile on another computer, is refused",
    "changed_by_computer": "the computer that last saved the row; empty until it is next saved",
    "changed_at": "when the row was last saved (UTC); empty until it is next saved",
    "computer": "the computer that wrote the event; empty in events written before it was recorded",
    "db_user": "the database user that wrote the event (on a server; on a single computer "
    "the user logged in); empty in older events",
}
COLUMN_WORDS: dict[tuple[str, str], str] = {
    ("measure_forms", "code"): "the code printed on the form",
    ("measure_forms", "kind"): f"phq9, gad7 = {_PHQ9_GAD7}; goals = personal goals",
    ("measure_forms", "language"): "the language the form is printed in",
    ("measure_forms", "large_print"): "true when printed in large print",
    ("measure_forms", "fillable"): "true when sent as a fillable PDF rather than printed",
    ("measures", "kind"): f"phq9, gad7 = {_PHQ9_GAD7}; goals = personal goals",
    ("measures", "taken_on"): "the day the client answered",
    ("measures", "source"): "session = answered in a session; paper = a printed form entered "
    "afterwards; fillable = a fillable PDF imported",
    ("measures", "form_id"): "the printed or fillable form it came back on, if any",
    ("measures", "appointment_id"): "the session it was taken in, if any",
    ("measures", "answers"): "PHQ-9 and GAD-7: the answer to each question in order, as a "
    "JSON list (0 not at all, 1 several days, 2 more than half the days, 3 nearly every "
    "day; null for a question left unanswered); empty for personal goals",
    ("measures", "difficulty"): "the last question (how difficult the problems have made "
    "work, home and getting along with others): 0 not difficult at all ... 3 extremely "
    "difficult; empty when not answered",
    ("measures", "total"): "the total score worked out when it was recorded (PHQ-9 0-27, "
    "GAD-7 0-21); empty for personal goals and when too many questions were left unanswered "
    "to score",
    ("measures", "prorated"): "true when questions were left unanswered (PHQ-9 up to two, "
    "GAD-7 one) and the total was worked out from the mean of the answered ones",
    ("client_goals", "position"): "the goal's place in the client's list, 1 to 3",
    ("client_goals", "text"): "the goal or problem in the client's words",
    ("client_goals", "higher_is_better"): "true when 10 is the good end of the scale; false "
    "when 0 is (a problem rated by how much it gets in the way)",
    ("client_goals", "retired_on"): "the day it stopped being rated (replaced or reached); "
    "empty for a current goal",
    ("goal_ratings", "rating"): "0 to 10 (which end is better: client_goals.higher_is_better)",
    ("risk_alerts", "answer"): "the answer to PHQ-9 question 9: 1 several days, 2 more than "
    "half the days, 3 nearly every day",
    ("risk_alerts", "raised_at"): "when the answer was recorded and the alert raised",
    ("risk_alerts", "acknowledged_at"): "when the therapist noted what was done; empty while "
    "the alert is open",
    ("risk_alerts", "action_note"): "what the therapist did about the answer",
    ("risk_alerts", "flag_set"): 'true when acknowledging it also marked the client "cannot '
    'postpone treatment"',
}


def describe_type(column: Column[Any]) -> str:
    """The column's type in words, for the README."""
    kind = column.type
    if (column.table.name, column.name) in JSON_TEXT_COLUMNS:
        return "JSON"
    if isinstance(kind, UTCDateTime):
        return "timestamp (UTC, ends in Z)"
    if isinstance(kind, Enum):
        return "one of: " + ", ".join(str(v) for v in kind.enums)
    if isinstance(kind, Boolean):
        return "true/false"
    if isinstance(kind, Integer):
        return "integer"
    if isinstance(kind, Text):
        return "text"
    if isinstance(kind, String):
        return f"text (at most {kind.length} characters)" if kind.length else "text"
    if isinstance(kind, DateTime):
        return "timestamp (ISO 8601)"
    if isinstance(kind, Date):
        return "date (YYYY-MM-DD)"
    if isinstance(kind, Time):
        return "clock time (HH:MM:SS)"
    if isinstance(kind, JSON):
        return "JSON"
    return str(kind).lower()


def describe_column(column: Column[Any]) -> str:
    parts = [describe_type(column)]
    if column.primary_key:
        parts.append("key")
    parts.extend(f"-> {fk.target_fullname}" for fk in column.foreign_keys)
    parts.append("may be empty" if column.nullable else "required")
    return "; ".join(parts)


def readme_text(
    tables: Iterable[Table],
    counts: dict[str, int],
    *,
    revision: str,
    exported_at: str,
    include_psychotherapy_notes: bool,
) -> str:
    private = (
        "included (the therapist's private process notes: psychotherapy_notes.*)"
        if include_psychotherapy_notes
        else "left out (the therapist's private process notes; export them on purpose "
        "with --include-psychotherapy-notes)"
    )
    lines = [_README_HEAD.format(exported_at=exported_at, revision=revision, private=private)]
    lines.append("Tables\n------\n")
    for table in tables:
        n = counts.get(table.name, 0)
        lines.append(
            f"{table.name}  ({table.name}.csv, {table.name}.json): {n} row{'s' * (n != 1)}"
        )
        if table.name in TABLE_WORDS:
            lines.append(f"  - {TABLE_WORDS[table.name]}")
        width = max(len(c.name) for c in table.columns)
        for column in table.columns:
            lines.append(f"  {column.name.ljust(width)}  {describe_column(column)}")
            words = COLUMN_WORDS.get((table.name, column.name)) or NAME_WORDS.get(column.name)
            if words:
                lines.append(f"  {' ' * width}  - {words}")
        lines.append("")
    return "\n".join(lines)
