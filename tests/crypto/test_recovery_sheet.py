"""The printable recovery key page."""

from __future__ import annotations

import io
from datetime import datetime

import pdfplumber
import pytest

from practice.db import crypto
from practice.sheets.recovery_sheet import KEY_SIZE, recovery_key_pdf


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_one_page_with_the_key_in_large_aligned_groups(paper: str) -> None:
    key = crypto.format_recovery_key(bytes(range(32)))

    data = recovery_key_pdf(
        key, practice="/home/t/practice.sqlite3", created=datetime(2026, 11, 26, 9, 30), paper=paper
    )

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) == 1
        page = pdf.pages[0]
        text = page.extract_text()
        title_top = min(c["top"] for c in page.chars)
        key_chars = [
            c for c in page.chars if round(c["size"]) == KEY_SIZE and c["top"] > title_top + 5
        ]
        bottom = max(c["bottom"] for c in page.chars)
        page_height = page.height
    for group in key.split("-"):
        assert group in text
    typed = "".join(c["text"] for c in key_chars).replace(" ", "")
    assert crypto.parse_recovery_key(typed) == bytes(range(32))
    assert {round(c["size"]) for c in key_chars} == {KEY_SIZE}
    assert "recovery key" in text and "/home/t/practice.sqlite3" in text
    assert "change-passphrase" in text
    assert bottom < page_height - 40  # everything inside the bottom margin
    # the key's groups sit in equal cells, so they line up in columns
    lines: dict[int, list[dict]] = {}
    for c in key_chars:
        lines.setdefault(round(c["top"]), []).append(c)
    centres = [
        [(row[i]["x0"] + row[i + 3]["x1"]) / 2 for i in range(0, len(row), 4)]
        for row in lines.values()
    ]
    assert [len(row) for row in centres] == [5, 5, 4]
    assert all(abs(a - b) < 0.5 for a, b in zip(centres[0], centres[1], strict=True))
