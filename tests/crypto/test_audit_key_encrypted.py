"""On an encrypted practice the audit chain's secret comes from the database key: no
file holds it, and the passphrase is needed to check the chain."""

from __future__ import annotations

from pathlib import Path

import pytest
from _crypto_fixtures import FAST, PASSPHRASE, add_clients

from practice.cli import main
from practice.db import crypto, encryption
from practice.db.audit_secret import audit_key_path, derived_secret, key_id
from practice.db.engine import Database
from practice.domain.audit_chain import MARKER_KEY
from practice.services import audit


def test_an_encrypted_practice_keys_its_chain_with_its_database_key(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a new practice encrypted before anything was audited
    key = encryption.encrypt(db_path, PASSPHRASE, params=FAST).key

    # When clients are added
    database = Database(db_path, key=key)
    add_clients(database, "Amara Okafor", "Bao Tran")
    with database.session() as s:
        problems = audit.verify_chain(s)
    database.dispose()

    # Then the chain is keyed with the secret derived from the key; no file holds it
    assert problems == []
    assert not audit_key_path(db_path).exists()
    conn = crypto.connect(db_path, key, readonly=True)
    [(marker,)] = conn.execute("SELECT value FROM practice_meta WHERE key = ?", (MARKER_KEY,))
    conn.close()
    assert marker == f"hmac-v1 1:{key_id(derived_secret(key))}"
    # and `practice check` verifies it with the passphrase
    monkeypatch.setenv("PRACTICE_PASSPHRASE", PASSPHRASE)
    assert main(["check", "--db", str(db_path)]) == 0
    assert "keyed hash chain intact" in capsys.readouterr().out


def test_a_chain_keyed_while_plain_goes_on_with_its_file_once_encrypted(
    plain_practice: Path,
) -> None:
    # Given a plain practice whose chain is keyed with its audit key file, then encrypted
    assert audit_key_path(plain_practice).exists()
    key = encryption.encrypt(plain_practice, PASSPHRASE, params=FAST).key

    # When more is written, the whole chain still verifies
    database = Database(plain_practice, key=key)
    add_clients(database, "Chidi Eze")
    with database.session() as s:
        assert audit.verify_chain(s) == []
    database.dispose()
