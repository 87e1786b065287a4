"""Clients from a CSV file: preview every row, then import all of them or none.

:func:`preview_import` reads the file (``bytes`` are decoded as UTF-8, a byte-order
mark tolerated) and checks it without writing anything: file-level problems (not
UTF-8, not CSV, empty, no header, missing or unknown columns) and, for every row,
parse errors and :func:`practice.services.clients.validate` messages, each with the
row's line number and the field. :func:`apply_import` writes nothing at all unless
the whole file is clean.

The file: a header row naming the columns (see ``COLUMNS``; case and spaces,
underscores or hyphens in the names do not matter; ``first_name`` and
``last_name`` are required), then one client a row. Commas separate values; a file
whose header holds semicolons (or tabs) and no comma is read with that separator,
as spreadsheets in many locales save it. Dates are ``YYYY-MM-DD``, clock times
``HH:MM``, yes/no values ``yes``/``no``/``true``/``false``/``1``/``0``, fixed choices
their stored value (``es``, ``phone_notes``, ...) in any case. Empty cells take the
profile's defaults. Rows with nothing in them are skipped.

Duplicates: a row whose case-folded, NFC-normalised name and birth date equal an
existing client's (the key ``clients.find_duplicates`` compares) or an earlier row's
of the same file is flagged. Flagged duplicates **block** the import: the therapist
decides. With ``skip_duplicates=True`` they are left out and the rest is imported
(of equal rows within the file, the first is imported unless it duplicates an
existing client).

A cell that starts with a single quote followed by ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return loses that one quote: it is how Practice's own export (and the
OWASP rule it follows) keeps spreadsheets from running a value as a formula, so a
phone number written ``'+44 20 7946 0000`` is read as ``+44 20 7946 0000``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from practice.db.models import Client
from practice.domain.client_csv import (
    COLUMNS,
    PARSERS,
    REQUIRED_COLUMNS,
    CsvFileError,
    decode_text,
    guess_delimiter,
    header_columns,
    read_records,
)
from practice.domain.csv_cells import unescape_formula
from practice.services import audit, clients
from practice.services.clients import ClientInput
from practice.services.clients import _keys as _client_keys
from practice.services.errors import ServiceError, ValidationError
from practice.text import QT_TRANSLATE_NOOP

__all__ = [
    "COLUMNS",
    "ImportPreview",
    "ImportRefusedError",
    "RowResult",
    "apply_import",
    "identity_key",
    "preview_import",
]

ROW_FIELD = "row"  # the "field" of a problem with the row as a whole
DUPLICATE_FIELD = "duplicate"


class ImportRefusedError(ServiceError):
    """The import was refused and nothing was written; ``problems`` says why."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = "; ".join(problems[:5])
        if len(problems) > 5:
            shown = QT_TRANSLATE_NOOP("import_clients", "{shown}; … {count} more").format(
                shown=shown, count=len(problems) - 5
            )
        super().__init__(
            QT_TRANSLATE_NOOP("import_clients", "Nothing was imported: {shown}").format(shown=shown)
        )


@dataclass(frozen=True)
class RowResult:
    """One data row of the file, as read and checked."""

    line_no: int  # where the row starts in the file (the header is usually line 1)
    data: ClientInput | None  # None when a value could not be read
    errors: dict[str, str] = field(default_factory=dict)  # field -> message
    duplicate_of: list[int] = field(default_factory=list)  # ids of existing clients
    duplicate_lines: list[int] = field(default_factory=list)  # earlier equal rows
    values: dict[str, str] = field(default_factory=dict)  # the cells, by column

    @property
    def is_duplicate(self) -> bool:
        return bool(self.duplicate_of or self.duplicate_lines)

    def problems(self) -> list[str]:
        """``line N: field: message`` for each error and duplicate flag."""
        out: list[str] = [
            QT_TRANSLATE_NOOP("import_clients", "line {line}: {field}: {message}").format(
                line=self.line_no, field=name, message=msg
            )
            for name, msg in self.errors.items()
        ]
        out += [
            QT_TRANSLATE_NOOP(
                "import_clients",
                "line {line}: {field}: same name and birth date as client {client}",
            ).format(line=self.line_no, field=DUPLICATE_FIELD, client=i)
            for i in self.duplicate_of
        ]
        out += [
            QT_TRANSLATE_NOOP(
                "import_clients", "line {line}: {field}: same name and birth date as line {other}"
            ).format(line=self.line_no, field=DUPLICATE_FIELD, other=n)
            for n in self.duplicate_lines
        ]
        return out


@dataclass(frozen=True)
class ImportPreview:
    rows: list[RowResult]
    file_errors: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)  # the file's columns, canonical names

    @property
    def ok(self) -> bool:
        """No file-level problem and no row with an error (duplicates aside)."""
        return not self.file_errors and not any(r.errors for r in self.rows)

    @property
    def error_rows(self) -> list[RowResult]:
        return [r for r in self.rows if r.errors]

    @property
    def duplicates(self) -> list[RowResult]:
        return [r for r in self.rows if r.is_duplicate]

    def importable(self, *, skip_duplicates: bool = False) -> list[RowResult]:
        """The rows :func:`apply_import` would create (empty when it would refuse)."""
        if not self.ok or (self.duplicates and not skip_duplicates):
            return []
        return [r for r in self.rows if not r.is_duplicate]

    def problems(self, *, include_duplicates: bool = True) -> list[str]:
        out = list(self.file_errors)
        for row in self.rows:
            if row.errors or (include_duplicates and row.is_duplicate):
                problems = row.problems()
                if not include_duplicates:
                    problems = [p for p in problems if f": {DUPLICATE_FIELD}: " not in p]
                out += problems
        return out


def _row(line_no: int, values: dict[str, str], today: date | None) -> RowResult:
    errors: dict[str, str] = {}  # values that could not be read
    kwargs: dict[str, Any] = {"first_name": "", "last_name": ""}
    for name, raw in values.items():
        text = unescape_formula(raw.strip()).strip()  # '=… as Practice's export writes it
        parser = PARSERS.get(name)
        if parser is None:
            kwargs[name] = text or (None if name not in REQUIRED_COLUMNS else "")
        elif text:
            try:
                kwargs[name] = parser(text)
            except ValueError as exc:
                errors[name] = exc.args[0] if exc.args else str(exc)  # marked: translated
    data = ClientInput(**kwargs)
    readable = not errors
    for name, message in clients.validate(data, today=today).items():
        errors.setdefault(name, message)
    return RowResult(line_no=line_no, data=data if readable else None, errors=errors, values=values)


# ---- preview and apply ----------------------------------------------------------


def identity_key(data: ClientInput) -> str:
    """The duplicate key: case-folded, NFC-normalised name plus birth date."""
    return _client_keys(data.first_name, data.last_name, None, data.birth_date)[1]


def _existing_keys(db: Session) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for key, client_id in db.execute(select(Client.identity_key, Client.id).order_by(Client.id)):
        found.setdefault(key, []).append(client_id)
    return found


def _flag_duplicates(db: Session, rows: list[RowResult]) -> list[RowResult]:
    existing = _existing_keys(db)
    first_line: dict[str, int] = {}
    flagged = []
    for row in rows:
        if row.data is None:
            flagged.append(row)
            continue
        key = identity_key(row.data)
        earlier = first_line.setdefault(key, row.line_no)
        flagged.append(
            RowResult(
                line_no=row.line_no,
                data=row.data,
                errors=row.errors,
                duplicate_of=list(existing.get(key, [])),
                duplicate_lines=[earlier] if earlier != row.line_no else [],
                values=row.values,
            )
        )
    return flagged


def preview_import(db: Session, source: bytes | str, *, today: date | None = None) -> ImportPreview:
    """Read and check a clients CSV; writes nothing. Never raises for a bad file."""
    try:
        text = decode_text(source)
        if "\x00" in text:
            line = text[: text.index("\x00")].count("\n") + 1
            raise CsvFileError(
                QT_TRANSLATE_NOOP(
                    "import_clients",
                    "line {line}: the file holds a NUL character, so it is not a CSV text "
                    "file (was it saved in another format?).",
                ).format(line=line)
            )
        if not text.strip():
            raise CsvFileError(QT_TRANSLATE_NOOP("import_clients", "The file is empty."))
        records = read_records(text, guess_delimiter(text))
        first = next(records, None)
        if first is None:
            raise CsvFileError(QT_TRANSLATE_NOOP("import_clients", "The file is empty."))
        header_line, header = first
        names = header_columns(header, header_line)
        present = [n for n in names if n]
        rows: list[RowResult] = []
        for line_no, cells in records:
            extra = [c for i, c in enumerate(cells) if i >= len(names) or names[i] is None]
            if any(c.strip() for c in extra):
                rows.append(
                    RowResult(
                        line_no=line_no,
                        data=None,
                        errors={
                            ROW_FIELD: QT_TRANSLATE_NOOP(
                                "import_clients",
                                "{values} values, but the header names {columns} columns (is "
                                "a value with a comma unquoted?)",
                            ).format(values=len(cells), columns=len(present))
                        },
                        values={},
                    )
                )
                continue
            values = {n: cells[i] if i < len(cells) else "" for i, n in enumerate(names) if n}
            rows.append(_row(line_no, values, today))
    except CsvFileError as problem:
        return ImportPreview(rows=[], file_errors=[problem.args[0]])  # marked: see client_csv
    if not rows:
        return ImportPreview(
            rows=[],
            file_errors=[
                QT_TRANSLATE_NOOP(
                    "import_clients", "line {line}: the file has a header but no clients."
                ).format(line=header_line)
            ],
            columns=present,
        )
    return ImportPreview(rows=_flag_duplicates(db, rows), columns=present)


def apply_import(
    db: Session, preview: ImportPreview, *, skip_duplicates: bool = False
) -> list[int]:
    """Create the previewed clients; the ids created, in file order.

    All or nothing: raises ImportRefusedError, having written nothing, when the preview
    has any error, or duplicates (checked again against the database now) while
    ``skip_duplicates`` is false.
    """
    if not preview.ok:
        raise ImportRefusedError(preview.problems(include_duplicates=False))
    rows = _flag_duplicates(db, preview.rows)
    duplicates = [r for r in rows if r.is_duplicate]
    if duplicates and not skip_duplicates:
        raise ImportRefusedError(
            [p for r in duplicates for p in r.problems()]
            + [
                QT_TRANSLATE_NOOP(
                    "import_clients",
                    "duplicates block the import; skip them to import the other rows",
                )
            ]
        )
    created: list[int] = []
    with db.begin_nested():  # a refusal half-way leaves nothing, even if caught
        for row in rows:
            if row.is_duplicate or row.data is None:
                continue
            try:
                created.append(clients.create(db, row.data).id)
            except ValidationError as exc:
                raise ImportRefusedError(
                    [
                        QT_TRANSLATE_NOOP(
                            "import_clients", "line {line}: {field}: {message}"
                        ).format(line=row.line_no, field=k, message=v)
                        for k, v in exc.errors.items()
                    ]
                ) from exc
        audit.record(
            db,
            "import",
            None,
            "clients",
            f"{len(created)} client{'s' * (len(created) != 1)} imported from CSV; "
            f"{len(duplicates)} duplicate{'s' * (len(duplicates) != 1)} skipped",
        )
    return created
