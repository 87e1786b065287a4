"""Where a practice lives: an SQLite file (the default) or a PostgreSQL database.

``--db`` takes either a path or a ``postgresql://user@host:port/name`` URL; it is
parsed once, here, into a :class:`Location`. A URL is shown only through
:attr:`Location.display`, which never holds a password.

A practice on a server keeps its audit chain's key on the server
(``practice.db.server_audit_keys``); a key file a computer made before that (migration
0010) lives in the data folder under ``servers/``, named after the server and database
(:attr:`Location.local_path`), and is still read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from practice.paths import data_dir
from practice.text import QT_TRANSLATE_NOOP

POSTGRESQL_DRIVER = "postgresql+psycopg"
_SCHEMES = {"postgresql", "postgres", "postgresql+psycopg"}
_THIS_MACHINE = frozenset({"localhost", "127.0.0.1", "::1"})
_URL_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
# libpq's query parameters that are secrets: never shown (``password`` itself is moved
# into the URL's password by parse(), so it goes to libpq, pg_dump, as a password)
SECRET_QUERY = ("password", "sslpassword", "oauth_client_secret")


class LocationError(ValueError):
    """A ``--db`` that is neither a file path nor a PostgreSQL URL; the text is for the user."""


@dataclass(frozen=True)
class Location:
    """An SQLite file (``path``) or a PostgreSQL database (``url``), never both."""

    path: Path | None = None
    url: URL | None = None

    @property
    def is_postgresql(self) -> bool:
        return self.url is not None

    @property
    def display(self) -> str:
        """For messages and logs: the path, or the URL with any password hidden."""
        if self.url is not None:
            hidden = {name: "***" for name in SECRET_QUERY if name in self.url.query}
            url = self.url.update_query_dict(hidden).set(drivername="postgresql")
            return url.render_as_string(hide_password=True).replace("%2A%2A%2A", "***")
        return str(self.path)

    @property
    def local_path(self) -> Path:
        """The file the practice's own local files are named after (the database file
        itself for SQLite)."""
        if self.path is not None:
            return self.path
        assert self.url is not None
        host = self.url.host or "localhost"
        if host in _THIS_MACHINE or host.startswith("/"):
            host = "localhost"  # one server, whichever way this machine is named
        port = self.url.port or 5432
        name = re.sub(r"[^A-Za-z0-9_.-]", "_", f"{host}-{port}-{self.url.database or ''}")
        return data_dir() / "servers" / f"{name}.postgresql"

    def __str__(self) -> str:
        return self.display


def parse(text: str | Path) -> Location:
    """A path, or a ``postgresql://`` URL (the psycopg 3 driver is chosen here)."""
    if isinstance(text, Path):
        return Location(path=text)
    found = _URL_RE.match(text)
    if not found:
        return Location(path=Path(text))
    if found.group(1).lower() not in _SCHEMES:
        raise LocationError(
            QT_TRANSLATE_NOOP(
                "location",
                "{scheme}:// is not a place Practice can keep a practice: give a file path "
                "or a postgresql:// address.",
            ).format(scheme=found.group(1))
        )
    try:
        url = make_url(text)
    except ArgumentError as exc:
        raise LocationError(
            QT_TRANSLATE_NOOP(
                "location", "The postgresql:// address cannot be read: {problem}"
            ).format(problem=_without_password(str(exc), text))
        ) from None
    if not url.database:
        raise LocationError(
            QT_TRANSLATE_NOOP(
                "location",
                "The postgresql:// address names no database: add /name at its end.",
            ).format()
        )
    if "password" in url.query:  # libpq takes it over the address's own password
        given = url.query["password"]
        password = given[-1] if isinstance(given, tuple) else given
        url = url.difference_update_query(["password"]).set(password=password)
    return Location(url=url.set(drivername=POSTGRESQL_DRIVER))


def _without_password(message: str, text: str) -> str:
    return message.replace(text, "the address")
