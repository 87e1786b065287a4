"""``practice report what-works --date``: a day before any record Practice could hold,
or more than a year ahead, is refused with a clear message (issue 16)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from practice.cli import main
from practice.db.engine import Database


@pytest.mark.parametrize("typed", ["1900-01-01", "1999-12-31", "9999-12-31"])
def test_report_refuses_an_absurd_date(
    typed: str, db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db.dispose()
    out = tmp_path / "what-works.pdf"
    with pytest.raises(SystemExit) as bad:
        main(["report", "what-works", "--db", str(db_path), "-o", str(out), "--date", typed])
    assert bad.value.code == 2  # like every argument the command line refuses
    err = capsys.readouterr().err
    assert f"{typed} is outside the days Practice works with" in err
    assert "choose a day between 2000-01-01 and " in err
    assert not out.exists()


def test_report_takes_a_day_in_the_range(db: Database, db_path: Path, tmp_path: Path) -> None:
    db.dispose()
    for typed in ("2000-01-01", (date.today() + timedelta(days=300)).isoformat()):
        out = tmp_path / f"{typed}.pdf"
        assert main(["report", "what-works", "--db", str(db_path), "-o", str(out),
                     "--date", typed]) == 0  # fmt: skip
        assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    "command",
    [
        ["today"],
        ["prep", "--client", "1", "-o", "prep.pdf"],
        ["enter-form", "ABCDEF", "--answers", "0,0,0,0,0,0,0,0,0"],
    ],
    ids=["today", "prep", "enter-form"],
)
def test_every_dated_command_refuses_a_day_out_of_range(
    command: list[str], db: Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db.dispose()
    with pytest.raises(SystemExit) as bad:
        main([*command, "--db", str(db_path), "--date", "1900-01-01"])
    assert bad.value.code == 2
    assert "1900-01-01 is outside the days Practice works with" in capsys.readouterr().err
