"""Shared bits of the encryption tests."""

from __future__ import annotations

from pathlib import Path

from practice.db import crypto
from practice.db.engine import Database
from practice.services import clients
from practice.services.clients import ClientInput

#: Cheap Argon2id for tests (the real cost is measured in test_keys.py).
FAST = crypto.KdfParams(time_cost=1, memory_cost=8 * 1024, parallelism=1)
PASSPHRASE = "correct horse battery"
SECRET_NAME = "Zyxwvut Qqqrrr"
#: The secret client's names as stored (first and last name are separate columns).
NAME_PARTS = (b"Zyxwvut", b"Qqqrrr")


def add_clients(db: Database, *names: str) -> list[int]:
    ids = []
    with db.session() as s:
        for name in names:
            first, _, last = name.partition(" ")
            ids.append(clients.create(s, ClientInput(first_name=first, last_name=last or "X")).id)
    return ids


def files_containing(folder: Path, *needles: bytes) -> list[Path]:
    """Every file under ``folder`` whose bytes contain any of ``needles`` (default: the
    secret client's names)."""
    needles = needles or NAME_PARTS
    return [
        p
        for p in sorted(folder.rglob("*"))
        if p.is_file() and any(n in p.read_bytes() for n in needles)
    ]


def client_names(db: Database) -> list[str]:
    with db.session() as s:
        return sorted(row.name for row in clients.list_rows(s))


def legacy_key_file(key: bytes, passphrase: str, params: crypto.KdfParams = FAST) -> str:
    """A key file as Practice wrote it before passphrases were normalised: Argon2id of
    the passphrase exactly as typed, and no ``passphrase``/``generation`` fields."""
    import base64
    import json
    import os

    from argon2.low_level import Type, hash_secret_raw
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    wrapping = hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_cost,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )
    wrapped = AESGCM(wrapping).encrypt(nonce, key, b"practice database key v1")
    b64 = lambda data: base64.b64encode(data).decode("ascii")  # noqa: E731
    return json.dumps({
        "format": "practice-database-key", "version": 1, "cipher": "sqlcipher4 raw key",
        "kdf": "argon2id", "salt": b64(salt), "time_cost": params.time_cost,
        "memory_cost": params.memory_cost, "parallelism": params.parallelism,
        "wrap": "aes-256-gcm", "nonce": b64(nonce), "wrapped_key": b64(wrapped),
        "key_id": crypto.key_id(key), "written": "2025-01-06T09:00:00+00:00",
    }, indent=2) + "\n"  # fmt: skip
