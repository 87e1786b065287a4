"""``practice prep`` and ``practice today``, run in-process through practice.cli.main."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from sqlalchemy import func, select

from practice.cli import main
from practice.db import migrate
from practice.db.engine import Database
from practice.db.models import AuditEvent
from practice.services import demo, measures

DAY = date(2025, 3, 12)


@pytest.fixture(scope="module")
def practice(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, demo.DemoSummary]]:
    path = tmp_path_factory.mktemp("cli_prep") / "demo.sqlite3"
    migrate.upgrade(path)
    database = Database(path)
    with database.session() as s:
        summary = demo.seed_demo(s, today=DAY)  # on the computer's clock
    database.dispose()
    yield path, summary


def _audit_events(path: Path) -> int:
    database = Database(path)
    try:
        with database.session() as s:
            return s.scalar(select(func.count()).select_from(AuditEvent)) or 0
    finally:
        database.dispose()


def test_help_lists_prep_and_today(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "prep" in out and "today" in out


def test_today_prints_the_day(
    practice: tuple[Path, demo.DemoSummary], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = practice
    before = _audit_events(path)
    assert main(["today", "--db", str(path), "--date", "2025-03-12"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "Today — Wednesday 12 March 2025"
    assert "Today: 2 appointments" in lines and "Tomorrow: 3 appointments" in lines
    assert "Day-before calls: 1" in lines
    assert any(line.startswith("  Ashdown, Trent — +1 202 555 0171 — session tomorrow 16:00")
               for line in lines)  # fmt: skip
    assert any(line.startswith("Reminders to send: ") for line in lines)
    assert "¡Hola, Rocío! Un recordatorio para completar hoy tu registro de pensamientos." in out
    assert "Reviews missing (attended in the last 30 days): 1" in lines
    assert _audit_events(path) == before  # read-only


def test_prep_writes_a_one_page_pdf(
    practice: tuple[Path, demo.DemoSummary], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, summary = practice
    before = _audit_events(path)
    out_file = tmp_path / "prep.pdf"
    args = ["prep", "--db", str(path), "--client", str(summary.improver_id), "-o", str(out_file)]
    assert main([*args, "--date", "2025-03-12", "--weeks", "20", "--paper", "letter"]) == 0
    assert capsys.readouterr().out.strip() == str(out_file)
    with pdfplumber.open(io.BytesIO(out_file.read_bytes())) as pdf:
        assert len(pdf.pages) == 1
        assert pdf.pages[0].height == 792
        text = pdf.pages[0].extract_text()
    assert "Session prep: Quintero, Marisol (Mari)" in text
    assert "Keep going" in text
    assert "Homework, week by week (last 20 weeks)" in text
    assert [p.name for p in tmp_path.iterdir()] == ["prep.pdf"]  # no temporary left
    assert _audit_events(path) == before


def test_errors_go_to_stderr_and_write_nothing(
    practice: tuple[Path, demo.DemoSummary], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = practice
    out_file = tmp_path / "nobody.pdf"
    assert main(["prep", "--db", str(path), "--client", "999", "-o", str(out_file)]) == 1
    assert "There is no client with id 999" in capsys.readouterr().err
    assert not out_file.exists() and list(tmp_path.iterdir()) == []
    missing = tmp_path / "missing.sqlite3"
    assert main(["today", "--db", str(missing)]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not missing.exists()  # a read-only command never creates a database
    with pytest.raises(SystemExit) as bad:
        main(["today", "--db", str(path), "--date", "12/03/2025"])
    assert bad.value.code == 2
    assert "not a date" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["prep", "--db", str(path), "--client", "1", "-o", str(out_file), "--weeks", "0"])
    assert "must be at least 1" in capsys.readouterr().err


def test_today_lists_the_open_risk_alerts_first(
    practice: tuple[Path, demo.DemoSummary], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = practice  # the demo holds one open item-9 alert
    assert main(["today", "--db", str(path), "--date", "2025-03-12"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2:5] == [
        "Open risk alerts: 1",
        "  Whitcombe, Dale — 11 Mar 2025 — PHQ-9 question 9: 1 — acknowledge it in Practice",
        "",
    ]
    assert lines[5] == "Today: 2 appointments"  # the alert comes before the day


def test_today_says_when_an_alerts_question_9_was_corrected_since(
    practice: tuple[Path, demo.DemoSummary], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = practice
    database = Database(path)
    try:
        with database.session() as s:
            [alert] = measures.open_alerts(s)
            [measure] = [m for m in measures.measures_for(s, alert.client_id)
                         if m.id == alert.measure_id]  # fmt: skip
            measures.update_measure(s, measure.id, [*measure.answers[:8], 0])
    finally:
        database.dispose()
    assert main(["today", "--db", str(path), "--date", "2025-03-12"]) == 0
    assert (
        "  Whitcombe, Dale — 11 Mar 2025 — PHQ-9 question 9: 1 (now 0, changed since) — "
        "acknowledge it in Practice"
    ) in capsys.readouterr().out.splitlines()
