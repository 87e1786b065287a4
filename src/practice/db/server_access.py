"""Reaching a practice on a PostgreSQL server: its password and its wire (issue 17, point 4).

The app never stores a server password: libpq reads the standard ``~/.pgpass`` file
itself, and otherwise the password is asked (the command line's prompt, the GUI's
dialog) and kept in memory only, in the :class:`~practice.db.location.Location`'s URL
(:func:`with_password`), which is never shown or logged with it
(:attr:`Location.display` hides it).

:func:`password_needed` tells a connection refused for want of a password (none given,
none in ``.pgpass``, or a wrong one) from any other failure, so that the caller asks.
"""

from __future__ import annotations

from practice.db.location import Location

LOCAL_HOSTS = frozenset({"", "localhost", "127.0.0.1", "::1"})

_PASSWORD_WORDS = (
    "no password supplied",
    "password authentication failed",
    "fe_sendauth: no password",
)


def is_local(location: Location) -> bool:
    """True for a server on this machine (a unix socket, localhost or its addresses)."""
    assert location.url is not None
    host = location.url.host or location.url.query.get("host") or ""
    if isinstance(host, tuple):
        host = host[0] if host else ""
    return host in LOCAL_HOSTS or host.startswith("/")


def with_password(location: Location, password: str) -> Location:
    """``location`` with ``password``, in memory only (never written anywhere)."""
    assert location.url is not None
    return Location(url=location.url.set(password=password))


def password_needed(error: BaseException) -> bool:
    """True when ``error`` (from connecting) is the server asking for a password."""
    text = str(error).lower()
    return any(words in text for words in _PASSWORD_WORDS)
