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
