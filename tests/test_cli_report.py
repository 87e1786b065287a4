"""``practice report what-works -o FILE``: the report as a PDF, read back."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pdfplumber
import pytest

from practice.cli import main
from practice.db.engine import Database

sys.path.insert(0, str(Path(__file__).parent / "services"))
from _what_works_caseload import build_caseload  # noqa: E402


def pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_report_what_works_writes_the_rows(
    db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with db.session() as s:
        build_caseload(s)
    db.dispose()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "what-works.pdf"
    assert main(["report", "what-works", "--db", str(db_path), "-o", str(out),
                 "--date", "2025-05-01"]) == 0  # fmt: skip
    assert capsys.readouterr().out.strip() == str(out)
    text = pdf_text(out.read_bytes())
    lines = text.splitlines()
    assert "What works in my practice" in text and "not causes" in text
    # the foot of the page, drawn as the prep page's (sheets/prep_summary.draw_footer)
    footer = "Practice · what works in my practice · observations, not causes · confidential"
    assert any(line.startswith(footer) and line.endswith("Page 1") for line in lines)
    assert "Read from: homework reviews 16, clients 3." in text
    # Most often tried first, with clients, occasions, before → after and the change
    assert any(line.startswith("Re-explain the task 2 3 2.2 \u2192 2.3 +0.1") for line in lines)
    assert "PHQ-9: 13.5 \u2192 9.7 (\u22123.8, n = 3)" in text
    order = [text.index(s) for s in ("Re-explain", "Talk about it openly", "Emphasise its value",
                                     "External aids", "Material: a simpler reading")]  # fmt: skip
    assert order == sorted(order)
    assert "Too few occasions to read anything into (n = 2)." in text  # talk openly
    assert text.count("Too few occasions to read anything into (n = 1).") == 3
    assert "Left out because nothing was reviewed on one side yet: 1." in text
    assert [p.name for p in out_dir.iterdir()] == ["what-works.pdf"]  # no temporary left
    # -o over an existing file needs --force
    assert main(["report", "what-works", "--db", str(db_path), "-o", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err
