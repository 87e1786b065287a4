"""Reading a clients CSV file: decoding, CSV records, the header, cell values.

Pure functions; :mod:`practice.services.import_clients` builds the preview from them.
Every problem with the file as a whole is a :class:`CsvFileError` whose message is
written for the therapist.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from datetime import date, time
from enum import StrEnum
from typing import Any

from practice.domain.vocabulary import Language, LiteracyLevel, Modality, ReminderChannel
from practice.text import QT_TRANSLATE_NOOP

COLUMNS = (
    "first_name",
    "last_name",
    "preferred_name",
    "birth_date",
    "email",
    "phone",
    "language",
    "literacy_level",
    "large_print",
    "preferred_modality",
    "reminder_channel",
    "reminder_time",
    "cannot_postpone",
    "cannot_postpone_reason",
    "address",
    "emergency_contact",
    "presenting_problem",
)
REQUIRED_COLUMNS = ("first_name", "last_name")

# ---- reading the file -----------------------------------------------------------


class CsvFileError(Exception):
    """The file as a whole cannot be read; the message says why."""


def decode_text(source: bytes | str) -> str:
    if isinstance(source, str):
        return source.removeprefix("\ufeff")
    if source[:4] == b"PK\x03\x04":
        raise CsvFileError(
            QT_TRANSLATE_NOOP(
                "client_csv",
                "This looks like a spreadsheet workbook (.xlsx), not a CSV file; save it "
                "as “CSV UTF-8” and import that.",
            )
        )
    if source[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise CsvFileError(
            QT_TRANSLATE_NOOP(
                "client_csv", "The file is UTF-16 text; save it as “CSV UTF-8” and import that."
            )
        )
    try:
        return source.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = source[: exc.start].count(b"\n") + 1
        raise CsvFileError(
            QT_TRANSLATE_NOOP(
                "client_csv",
                "The file is not UTF-8 text (byte 0x{value} on line {line}); save it as "
                "“CSV UTF-8” and import that.",
            ).format(value=format(source[exc.start], "02X"), line=line)
        ) from exc


def guess_delimiter(text: str) -> str:
    first = text.lstrip("\r\n").split("\n", 1)[0]
    if "," not in first:
        for candidate in (";", "\t"):
            if candidate in first:
                return candidate
    return ","


_CSV_MESSAGES = {
    "unexpected end of data": 'a quoted value is never closed (a closing " is missing)',
    "expected after": 'a " inside a value must be doubled ("") or the whole value quoted',
    "field larger than field limit": "a value is far too long",
    "new-line character seen in unquoted field": "a line break inside a value is not quoted",
}


def read_records(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(line where the record starts, cells), skipping rows with nothing in them."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    last_line = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            reason = next((m for k, m in _CSV_MESSAGES.items() if k in str(exc)), str(exc))
            raise CsvFileError(
                QT_TRANSLATE_NOOP(
                    "client_csv", "line {value}: the file is not valid CSV: {reason}."
                ).format(value=last_line + 1, reason=reason)
            ) from exc
        start, last_line = last_line + 1, reader.line_num
        if any(c.strip() for c in cells):
            yield start, cells


def _header_key(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", name.strip().casefold())


_KNOWN = {_header_key(c): c for c in COLUMNS}


def header_columns(header: list[str], line_no: int) -> list[str | None]:
    """Canonical column names (None for an unnamed column); raises on a bad header."""
    names: list[str | None] = []
    unknown: list[str] = []
    for cell in header:
        key = _header_key(cell)
        if not key:
            names.append(None)
        elif key in _KNOWN:
            names.append(_KNOWN[key])
        else:
            unknown.append(cell.strip())
            names.append(None)
    known = [n for n in names if n]
    if not known:
        raise CsvFileError(
            QT_TRANSLATE_NOOP(
                "client_csv",
                "line {line_no}: the first line must be a header naming the columns, "
                "e.g. first_name,last_name,birth_date.",
            ).format(line_no=line_no)
        )
    twice = sorted({n for n in known if known.count(n) > 1})
    if twice:
        raise CsvFileError(
            QT_TRANSLATE_NOOP("client_csv", "The header names a column twice: {twice}.").format(
                twice=", ".join(twice)
            )
        )
    problems: list[str] = []
    missing = [c for c in REQUIRED_COLUMNS if c not in known]
    if missing:
        problems.append(
            QT_TRANSLATE_NOOP("client_csv", "Required column missing: {columns}.").format(
                columns=", ".join(missing)
            )
        )
    if unknown:
        problems.append(
            (
                QT_TRANSLATE_NOOP(
                    "client_csv", "Unknown column: {unknown}. Columns Practice reads: {known}."
                )
                if len(unknown) == 1
                else QT_TRANSLATE_NOOP(
                    "client_csv", "Unknown columns: {unknown}. Columns Practice reads: {known}."
                )
            ).format(unknown=", ".join(repr(u) for u in unknown), known=", ".join(COLUMNS))
        )
    if problems:
        raise CsvFileError(
            problems[0]
            if len(problems) == 1
            else QT_TRANSLATE_NOOP("client_csv", "{first} {second}").format(
                first=problems[0], second=problems[1]
            )
        )
    return names


# ---- values ---------------------------------------------------------------------


def _shown(raw: str) -> str:
    return repr(raw if len(raw) <= 40 else raw[:40] + "…")


def _date(raw: str) -> date:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        raise ValueError(
            QT_TRANSLATE_NOOP(
                "client_csv", "{shown} is not a date as YYYY-MM-DD (e.g. 1984-03-25)."
            ).format(shown=_shown(raw))
        )
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ValueError(
            QT_TRANSLATE_NOOP("client_csv", "{shown} is not a real date.").format(shown=_shown(raw))
        ) from None


def _time(raw: str) -> time:
    match = re.fullmatch(r"(\d{1,2}):(\d{2})(?::(\d{2}))?", raw)
    try:
        if match is None:
            raise ValueError
        return time(int(match[1]), int(match[2]), int(match[3] or 0))
    except ValueError:
        raise ValueError(
            QT_TRANSLATE_NOOP(
                "client_csv", "{shown} is not a clock time as HH:MM, 24-hour (e.g. 19:30)."
            ).format(shown=_shown(raw))
        ) from None


_TRUE, _FALSE = {"yes", "true", "1"}, {"no", "false", "0"}


def _bool(raw: str) -> bool:
    word = raw.casefold()
    if word in _TRUE or word in _FALSE:
        return word in _TRUE
    raise ValueError(
        QT_TRANSLATE_NOOP(
            "client_csv", "{shown} is not yes or no; use yes/no, true/false or 1/0."
        ).format(shown=_shown(raw))
    )


def _choice(kind: type[StrEnum]) -> Callable[[str], StrEnum]:
    def key(text: str) -> str:
        return re.sub(r"[\s\-]+", "_", text.casefold())

    def label(member: StrEnum) -> str:
        return str(getattr(member, "label", member.value))

    def parse(raw: str) -> StrEnum:
        wanted = key(raw)
        for member in kind:  # the stored value ("phone_call") or its words ("Phone call")
            if wanted in (member.value, key(label(member))):
                return member
        allowed = ", ".join(label(m) for m in kind)
        raise ValueError(
            QT_TRANSLATE_NOOP("client_csv", "{shown} is not one of: {allowed}.").format(
                shown=_shown(raw), allowed=allowed
            )
        )

    return parse


PARSERS: dict[str, Callable[[str], Any]] = {
    "birth_date": _date,
    "reminder_time": _time,
    "large_print": _bool,
    "cannot_postpone": _bool,
    "language": _choice(Language),
    "literacy_level": _choice(LiteracyLevel),
    "preferred_modality": _choice(Modality),
    "reminder_channel": _choice(ReminderChannel),
}
