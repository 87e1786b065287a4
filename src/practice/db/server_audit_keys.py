"""The audit chain's secret of a practice on a PostgreSQL server, kept on the server.

An SQLite practice keeps its secret outside the database file
(``practice.db.audit_secret``): whoever copies or edits the file does not have it. A
practice on a server is used from several computers, and each must verify and extend
the same chain, so the secret lives on the server, in ``audit_keys`` (migration 0010):
readable only by the role that owns the practice's tables (``REVOKE ALL … FROM
PUBLIC``), its rows never changed or deleted (triggers).

What this protects, and what not (``docs/architecture.md``): the chain shows events
changed, removed or reordered by anyone who cannot read ``audit_keys`` — other roles
on the server, a copy of the data files or of a dump without that table, a tool
working on the tables without the key. It does not protect against the practice's own
role or a superuser: they can read the key and rewrite the chain.

:class:`ServerAuditKeys` answers as :class:`~practice.db.audit_secret.AuditKeys` does,
inside the caller's unit of work. A key file made on this computer before the key
moved to the server (a practice created before migration 0010) is still found, and
put on the server when the chain is next extended, so that the other computers can
verify the events keyed with it.
"""

from __future__ import annotations

import secrets as random
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from practice.db.audit_secret import MARKER_REMOVED, AuditKeys, key_id
from practice.db.computer import computer_name
from practice.db.models import AuditKey


class ServerAuditKeys:
    """The audit secrets of a practice on a server, read through ``db``."""

    def __init__(self, db: Session, local: AuditKeys | None = None) -> None:
        self.db = db
        self.local = local
        self._found: dict[str, bytes] | None = None

    def _on_server(self) -> dict[str, bytes]:
        rows = self.db.execute(select(AuditKey.kid, AuditKey.secret).order_by(AuditKey.created_at))
        found: dict[str, bytes] = {}
        for kid, text in rows:
            try:
                found[str(kid)] = bytes.fromhex(str(text))
            except ValueError:
                continue  # not a key: the check then reports the events it cannot verify
        return found

    def _local(self) -> dict[str, bytes]:
        return self.local.secrets() if self.local is not None else {}

    def secrets(self) -> dict[str, bytes]:
        """Every secret found, by key id: the server's, and any local file's."""
        if self._found is None:
            self._found = {**self._local(), **self._on_server()}
        return self._found

    def secret(self, kid: str, *, restore: bool = False) -> bytes | None:
        """The secret named ``kid`` (read again from the server when it is new here);
        with ``restore`` a secret found only on this computer is put on the server."""
        found = self.secrets().get(kid)
        if found is None:
            self._found = None  # another computer may have made it meanwhile
            found = self.secrets().get(kid)
        if found is not None and restore and kid not in self._on_server():
            self._add(found)
        return found

    def current(self) -> bytes:
        """The server's first key, made when there is none (the caller holds the audit
        lock, so two computers never make two)."""
        on_server = self._on_server()
        if on_server:
            secret = next(iter(on_server.values()))
        else:
            secret = random.token_bytes(32)
            self._add(secret)
        self.secrets()[key_id(secret)] = secret
        return secret

    def marker_problems(self, newest_at: str | datetime | None) -> list[str]:
        """For a chain with no marker: a problem when an event is newer than the
        server's first key (events written after it were keyed: the marker was removed)."""
        first = self.db.scalar(select(AuditKey.created_at).order_by(AuditKey.created_at))
        if newest_at is None or first is None:
            return []
        try:
            at = newest_at if isinstance(newest_at, datetime) else datetime.fromisoformat(newest_at)
        except ValueError:
            return []
        if at.tzinfo is None:
            at = at.replace(tzinfo=first.tzinfo)  # both naive UTC as stored
        return [MARKER_REMOVED] if at > first else []

    def _add(self, secret: bytes) -> None:
        self.db.add(
            AuditKey(kid=key_id(secret), secret=secret.hex(), created_by_computer=computer_name())
        )
        self.db.flush()
