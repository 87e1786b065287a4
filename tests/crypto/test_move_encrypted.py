"""``practice move`` from an encrypted practice file to a PostgreSQL server: the
passphrase is asked for as by every command, and the chain keyed with the file's
secrets verifies on the server."""

from __future__ import annotations

from pathlib import Path

import pytest
from _crypto_fixtures import PASSPHRASE
from sqlalchemy import func, select, text

from practice.cli import main
from practice.db import encryption
from practice.db.engine import Database
from practice.db.location import parse
from practice.services.move import COPIED


def _server_counts(url: str) -> dict[str, int]:
    database = Database(parse(url))
    try:
        with database.engine.connect() as conn:
            return {
                t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
                for t in COPIED
            }
    finally:
        database.dispose()


def test_an_encrypted_practice_moves_to_a_server_with_its_passphrase(
    encrypted: tuple[Path, encryption.EncryptResult],
    postgres_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, _ = encrypted
    url = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    # Without the passphrase the move stops before anything is written
    assert main(["--db", str(path), "move", "--to", url]) == 1
    assert "passphrase needed" in capsys.readouterr().err
    database = Database(parse(url))
    with database.engine.connect() as conn:
        assert (
            conn.execute(
                text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
            ).scalar_one()
            == 0
        )
    database.dispose()

    # With it, every row is on the server and the audit chain verifies there
    before = path.read_bytes()
    monkeypatch.setenv("PRACTICE_PASSPHRASE", PASSPHRASE)
    assert main(["--db", str(path), "move", "--to", url]) == 0
    out = capsys.readouterr().out
    assert "audit chain verified:" in out and "audit chain verified: 0 events" not in out
    assert _server_counts(url)["clients"] == 4
    assert main(["--db", url, "check"]) == 0
    assert "keyed hash chain intact" in capsys.readouterr().out
    assert path.read_bytes() == before
