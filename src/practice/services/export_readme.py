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
This export holds clinical records: keep it as safe as the practice itself.
"""


def describe_type(column: Column[Any]) -> str:
    """The column's type in words, for the README."""
    kind = column.type
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
        width = max(len(c.name) for c in table.columns)
        for column in table.columns:
            lines.append(f"  {column.name.ljust(width)}  {describe_column(column)}")
        lines.append("")
    return "\n".join(lines)
