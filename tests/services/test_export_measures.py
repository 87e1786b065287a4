"""The outcome measures in the full export (CSV, JSON, README) and in one client's
record, read back from files written from the demo practice."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import UTC, date
from pathlib import Path

import pytest

from practice.db import migrate
from practice.db.engine import Database
from practice.domain.measures import Instrument, score
from practice.services import demo, measures
from practice.services.export import export_all, export_client

TODAY = date(2025, 3, 12)
MEASURE_TABLES = ("measure_forms", "measures", "client_goals", "goal_ratings", "risk_alerts")


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Path, dict]]:
    folder = tmp_path_factory.mktemp("export_measures")
    path = folder / "demo.sqlite3"
    migrate.upgrade(path)
    database = Database(path)
    with database.session() as s:
        summary = demo.seed_demo(s, today=TODAY, tz=UTC)
    with database.session() as s:
        # one alert acknowledged, so that both states are exported
        alert_client = summary.roles["improver"]
        view, _ = measures.record_measure(
            s,
            measures.MeasureInput(
                client_id=alert_client, kind=measures.MeasureKind.PHQ9, taken_on=TODAY,
                source=measures.MeasureSource.PAPER, answers=[1, 1, None, 1, 1, 1, 1, 1, 2],
            ),
        )  # fmt: skip
        (alert,) = measures.open_alerts(s, alert_client)
        measures.acknowledge_alert(s, alert.id, 'Phoned her; safety plan reviewed, "ok", = fine')
    with database.session() as s:
        export_all(s, folder / "export")
    yield database, folder / "export", {"summary": summary, "paper": view.id}
    database.dispose()


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _json(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))


def test_every_measure_table_is_exported_in_both_formats(exported) -> None:
    _, out, _ = exported
    for table in MEASURE_TABLES:
        rows, jrows = _csv(out / f"{table}.csv"), _json(out / f"{table}.json")
        assert rows and len(rows) == len(jrows), table


def test_answers_are_json_in_both_and_values_read_plainly(exported) -> None:
    _, out, ids = exported
    rows = {r["id"]: r for r in _csv(out / "measures.csv")}
    jrows = {r["id"]: r for r in _json(out / "measures.json")}
    paper = rows[str(ids["paper"])]
    # The CSV cell is valid JSON text; the JSON file holds the list itself, gaps as null
    assert json.loads(paper["answers"]) == [1, 1, None, 1, 1, 1, 1, 1, 2]
    assert jrows[ids["paper"]]["answers"] == [1, 1, None, 1, 1, 1, 1, 1, 2]
    assert (paper["kind"], paper["source"], paper["taken_on"]) == ("phq9", "paper", "2025-03-12")
    assert paper["prorated"] == "true" and jrows[ids["paper"]]["prorated"] is True
    assert paper["total"] == str(score(Instrument.PHQ9, jrows[ids["paper"]]["answers"]).total)
    assert paper["created_at"].endswith("Z")
    goals = [r for r in rows.values() if r["kind"] == "goals"]
    assert goals and all(r["answers"] == "" and r["total"] == "" for r in goals)
    assert all(jrows[int(r["id"])]["answers"] is None for r in goals)
    for row in rows.values():  # every PHQ-9 / GAD-7 scores back to its exported total
        if row["answers"] and row["total"]:
            assert score(Instrument(row["kind"]), json.loads(row["answers"])).total == int(
                row["total"]
            )


def test_goals_ratings_forms_and_alerts_read_back(exported) -> None:
    _, out, ids = exported
    summary = ids["summary"]
    goals = _csv(out / "client_goals.csv")
    assert {g["higher_is_better"] for g in goals} == {"true", "false"}
    assert "Drive on the motorway on my own" in {g["text"] for g in goals}
    goal_ids = {g["id"] for g in goals}
    ratings = _csv(out / "goal_ratings.csv")
    assert {r["goal_id"] for r in ratings} == goal_ids
    assert all(0 <= int(r["rating"]) <= 10 for r in ratings)
    (form,) = _csv(out / "measure_forms.csv")
    assert (form["kind"], form["fillable"], form["language"]) == ("phq9", "true", "en")
    alerts = {int(a["client_id"]): a for a in _csv(out / "risk_alerts.csv")}
    drifter = alerts[summary.drifter_id]
    assert drifter["acknowledged_at"] == "" and drifter["answer"] == "1"
    done = alerts[summary.improver_id]
    assert done["acknowledged_at"].endswith("Z") and done["flag_set"] == "false"
    # the note as typed, its quotes and commas intact
    assert done["action_note"] == 'Phoned her; safety plan reviewed, "ok", = fine'
    jdone = next(a for a in _json(out / "risk_alerts.json") if a["id"] == int(done["id"]))
    assert jdone["acknowledged_at"] == done["acknowledged_at"] and jdone["answer"] == 2


def test_readme_says_what_each_measure_table_and_column_holds(exported) -> None:
    _, out, _ = exported
    readme = (out / "README.txt").read_text(encoding="utf-8")
    blocks = {b.split("  (", 1)[0]: b for b in readme.split("\n\n")}
    for table in MEASURE_TABLES:
        block = blocks[table]
        lines = block.splitlines()
        assert lines[1].startswith("  - "), table  # the table in words
        columns = [ln.split()[0] for ln in lines[1:] if not ln.strip().startswith("-")]
        for column in columns:
            if column not in {"id", "client_id", "created_at", "measure_id", "goal_id"}:
                below = lines[lines.index(next(ln for ln in lines if ln.split()[:1] == [column]))
                              + 1]  # fmt: skip
                assert below.strip().startswith("- "), (table, column)
    answers = next(ln for ln in blocks["measures"].splitlines() if ln.split()[:1] == ["answers"])
    assert "JSON" in answers
    assert "null for a question left unanswered" in blocks["measures"]
    assert "open until the therapist notes what was done" in blocks["risk_alerts"]
    assert "true when 10 is the good end of the scale" in blocks["client_goals"]


def test_a_clients_record_holds_their_measures_goals_and_alert(exported) -> None:
    database, _, ids = exported
    summary = ids["summary"]
    with database.session() as s:
        record = export_client(s, summary.roles["discharged"]).to_json()
        drifter = export_client(s, summary.drifter_id).to_json()
    assert {g["text"] for g in record["goals"]} >= {"Drive on the motorway on my own"}
    kinds = [m["kind"] for m in record["measures"]]
    assert kinds.count("gad7") == 6 and kinds.count("goals") == 4
    rated = next(m for m in record["measures"] if m["kind"] == "goals")
    assert [r["rating"] for r in rated["ratings"]] == [1, 8]
    assert all(m["risk_alert"] is None for m in record["measures"])
    (risky,) = [m for m in drifter["measures"] if m["risk_alert"]]
    assert risky["answers"][8] == 1 and risky["risk_alert"]["acknowledged_at"] is None
    assert json.loads(json.dumps(drifter)) == drifter
