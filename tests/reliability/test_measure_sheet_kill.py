"""A killed ``practice measure-sheet`` never leaves a PDF whose code the practice does not
know: the form (its code) is committed first, then the file is written atomically.

Run as a real child process under strace, killed with SIGKILL at its Nth rename
or fdatasync (``strace -e inject``), for every N until it completes.
"""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from _faults import needs_strace
from pypdf import PdfReader

from practice.db.engine import Database
from practice.services import clients
from practice.services.clients import ClientInput
from practice.sheets.fillable import CODE_FIELD


def _client(db_path: Path) -> int:
    db = Database(db_path)
    try:
        with db.session() as s:
            return clients.create(s, ClientInput(first_name="Amara", last_name="Okafor")).id
    finally:
        db.dispose()


def _sheet(db_path: Path, client: int, out: Path, inject: str) -> int:
    command = [sys.executable, "-m", "practice", "measure-sheet", "--db", str(db_path),
               "--client", str(client), "--measure", "phq9",
               "--fillable", "-o", str(out)]  # fmt: skip
    syscall = inject.split(":")[0]
    command = ["strace", "-f", "-qq", "-o", os.devnull, "-e", f"trace={syscall}",
               "-e", f"inject={inject}", *command]  # fmt: skip
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(command, env=env, capture_output=True, check=False, timeout=120)
    return done.returncode


def _codes(db_path: Path) -> set[str]:
    conn = sqlite3.connect(db_path)
    try:
        return {code for (code,) in conn.execute("SELECT code FROM measure_forms")}
    finally:
        conn.close()


@needs_strace
@pytest.mark.parametrize("syscall", ["rename", "fdatasync"])
def test_a_killed_measure_sheet_never_leaves_a_file_with_an_unknown_code(
    db_path: Path, tmp_path: Path, syscall: str
) -> None:
    client = _client(db_path)
    kills = 0
    for n in range(1, 40):
        out = tmp_path / f"phq9-{syscall}-{n}.pdf"
        status = _sheet(db_path, client, out, f"{syscall}:signal=KILL:when={n}")
        if out.exists():  # a whole PDF: its code is one the practice kept
            marker = str(
                (PdfReader(io.BytesIO(out.read_bytes())).get_fields() or {})[CODE_FIELD]["/V"]
            )
            assert marker.split("|")[1] in _codes(db_path), f"unknown code (kill {n})"
        if status == 0:
            break
        kills += 1
    else:
        pytest.fail("measure-sheet never completed")
    assert kills >= 1, "measure-sheet was never killed"
