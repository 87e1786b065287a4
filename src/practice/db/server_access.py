"""Reaching a practice on a PostgreSQL server: its password and its wire (issue 17, point 4).

The app never stores a server password: libpq reads the standard ``~/.pgpass`` file
itself, and otherwise the password is asked (the command line's prompt, the GUI's
dialog) and kept in memory only, in the :class:`~practice.db.location.Location`'s URL
(:func:`with_password`), which is never shown or logged with it
(:attr:`Location.display` hides it).

On the wire (:func:`wire_url`): a server on another computer is reached over TLS with
its certificate checked against the CA libpq trusts (``~/.postgresql/root.crt``, or
``sslrootcert=`` in the address, ``sslrootcert=system`` for the system's CAs), i.e.
``sslmode=verify-full``; an address asking for less is refused before connecting.
A server on this machine is reached as libpq does by default. A failed check is said
in plain words by :func:`connection_problem`.

:func:`password_needed` tells a connection refused for want of a password (none given,
none in ``.pgpass``, or a wrong one) from any other failure, so that the caller asks.
"""

from __future__ import annotations

import os
import re

from sqlalchemy.engine import URL

from practice.db.location import Location
from practice.text import QT_TRANSLATE_NOOP

LOCAL_HOSTS = frozenset({"", "localhost", "127.0.0.1", "::1"})

_PASSWORD_WORDS = (
    "no password supplied",
    "password authentication failed",
    "fe_sendauth: no password",
)


SECURE_SSLMODE = "verify-full"
ROOT_CERT = "~/.postgresql/root.crt"  # libpq's default CA file


class InsecureConnectionError(ValueError):
    """An address asking for less than a verified TLS connection to another computer."""


def _query(url: URL, name: str) -> str:
    value = url.query.get(name) or ""
    if isinstance(value, tuple):
        value = ",".join(value)
    return value


_HOST_PORT = re.compile(r"^([A-Za-z0-9.-]*):\d*$")  # "host:port" (SQLAlchemy splits it)


def _names(value: str) -> list[str]:
    """The hosts of a libpq ``host``/``hostaddr`` value (a comma-separated list)."""
    names = []
    for name in value.split(","):
        found = _HOST_PORT.match(name)
        names.append(found.group(1) if found else name)
    return names


def service(url: URL) -> str:
    """The connection service libpq would read (``service=`` in the address, else
    ``PGSERVICE``): its ``pg_service.conf`` entry may name any host; "" for none."""
    return _query(url, "service") or os.environ.get("PGSERVICE", "")


def hosts_used(url: URL) -> list[str]:
    """Every host and address libpq may connect to for ``url``: the address's host and
    its query's ``host`` (which libpq takes over it) and ``hostaddr`` (where libpq
    really connects), each maybe a list; ``PGHOST`` when neither names a host and
    ``PGHOSTADDR`` when the query gives no ``hostaddr`` (libpq reads them then)."""
    hosts = [url.host] if url.host else []
    if "host" in url.query:
        hosts += _names(_query(url, "host"))
    if not any(hosts):
        hosts += _names(os.environ.get("PGHOST", ""))
    addresses = _query(url, "hostaddr") or os.environ.get("PGHOSTADDR", "")
    return hosts + (_names(addresses) if addresses else [])


def is_local(location: Location) -> bool:
    """True for a server on this machine (a unix socket, localhost or its addresses).

    Every host libpq may use must be local (:func:`hosts_used`), not only the one the
    address shows; a connection service (:func:`service`) is never taken for local."""
    assert location.url is not None
    if service(location.url):
        return False
    return all(name in LOCAL_HOSTS or name.startswith("/") for name in hosts_used(location.url))


def wire_url(url: URL) -> URL:
    """The address to connect with: ``sslmode=verify-full`` to another computer.

    A weaker ``sslmode`` in the address of a server that is not on this machine raises
    :class:`InsecureConnectionError` (there is no way to turn the check off); a local
    server's address is left as it is."""
    location = Location(url=url)
    named = service(url)
    if named:
        raise InsecureConnectionError(
            _service_refused(location, named, in_address="service" in url.query)
        )
    if is_local(location):
        return url
    mode = _query(url, "sslmode")
    if not mode:
        return url.update_query_dict({"sslmode": SECURE_SSLMODE})
    if mode != SECURE_SSLMODE:
        raise InsecureConnectionError(
            QT_TRANSLATE_NOOP(
                "server_access",
                "{where} is on another computer: Practice reaches it only over an encrypted "
                "connection that checks the server's certificate (sslmode=verify-full), but "
                "the address asks for sslmode={mode}. Remove sslmode={mode} from the "
                "address and put the server's CA certificate in {root} (or add "
                "sslrootcert=/path/to/ca.crt to the address). Nothing was sent to the server.",
            ).format(where=location.display, mode=mode, root=ROOT_CERT)
        )
    return url


def _service_refused(location: Location, named: str, *, in_address: bool) -> str:
    if in_address:
        text = QT_TRANSLATE_NOOP(
            "server_access",
            "{where} names a connection service (service={service}): Practice does not "
            "use services, because the server they lead to is written elsewhere "
            "(pg_service.conf) where Practice cannot check it. Remove service={service} "
            "and write the server's address in full instead, for example "
            "postgresql://user@server.example.org:5432/practice. Nothing was sent to the server.",
        )
    else:
        text = QT_TRANSLATE_NOOP(
            "server_access",
            "This computer's PGSERVICE setting names a connection service ({service}) for "
            "{where}: Practice does not use services, because the server they lead to is "
            "written elsewhere (pg_service.conf) where Practice cannot check it. Unset "
            "PGSERVICE and give the server's address in full, for example "
            "postgresql://user@server.example.org:5432/practice. Nothing was sent to the server.",
        )
    return text.format(where=location.display, service=named)


# What libpq says when the TLS check fails, and what it means for the user.
_TLS_PROBLEMS = (
    (
        "does not match host name",
        QT_TRANSLATE_NOOP(
            "server_access", "its certificate is made out to another name than {host}"
        ),
    ),
    (
        "certificate verify failed",
        QT_TRANSLATE_NOOP(
            "server_access", "its certificate is not signed by a CA this computer trusts"
        ),
    ),
    (
        "server does not support ssl",
        QT_TRANSLATE_NOOP(
            "server_access",
            "the server does not offer encrypted connections (its administrator must turn on ssl)",
        ),
    ),
    (
        "root certificate file",
        QT_TRANSLATE_NOOP("server_access", "this computer has no CA certificate to check it with"),
    ),
    ("ssl", QT_TRANSLATE_NOOP("server_access", "the encrypted connection failed")),
)


def connection_problem(location: Location, error: BaseException) -> str | None:
    """A failed TLS check (wrong CA, another host name, a server without TLS, no CA
    file) in plain words naming the host and what to do; else a common failure
    (:func:`connection_failure`: refused, timeout, unknown host, no such database or
    user, a wrong password); None for any other failure."""
    assert location.url is not None
    text = str(getattr(error, "orig", None) or error).lower()
    if _query(location.url, "sslmode") != SECURE_SSLMODE and is_local(location):
        return connection_failure(location, error)  # no TLS check on a local server
    url = location.url
    host = _query(url, "host") or url.host or os.environ.get("PGHOST") or "the server"
    for words, meaning in _TLS_PROBLEMS:
        if words in text:
            return QT_TRANSLATE_NOOP(
                "server_access",
                "Cannot connect securely to {host}: {problem}. Practice checks the "
                "server's certificate on every connection to another computer: put the "
                "server's CA certificate in {root} (or add sslrootcert=/path/to/ca.crt to "
                "the address), and give the server's name as its certificate says.",
            ).format(host=host, problem=meaning.format(host=host), root=ROOT_CERT)
    return connection_failure(location, error)


# What libpq says when a connection fails for the common reasons, and the sentence
# for the user (host and port named); the server's own words go under Details.
_FAILURES = (
    (
        ("password authentication failed",),
        QT_TRANSLATE_NOOP(
            "server_access",
            "The server at {host}, port {port}, did not accept the password for {user}. "
            "Check the password (or your .pgpass file).",
        ),
    ),
    (
        ('database "',),
        QT_TRANSLATE_NOOP(
            "server_access",
            "The server at {host}, port {port}, has no database named “{database}”. Check "
            "the name (ask whoever set up the server).",
        ),
    ),
    (
        ('role "',),
        QT_TRANSLATE_NOOP(
            "server_access",
            "The server at {host}, port {port}, has no user named “{user}”. Check the user "
            "name (ask whoever set up the server).",
        ),
    ),
    (
        ("connection refused",),
        QT_TRANSLATE_NOOP(
            "server_access",
            "The server at {host}, port {port}, refused the connection: no database server "
            "is listening there. Check the host and port, and that the server is running.",
        ),
    ),
    (
        ("timeout expired", "timed out"),
        QT_TRANSLATE_NOOP(
            "server_access",
            "The server at {host}, port {port}, did not answer in time. Check the host and "
            "port, and that this computer can reach it (network, firewall).",
        ),
    ),
    (
        (
            "could not translate host name",
            "name or service not known",
            "nodename nor servname",
            "no address associated",
            "temporary failure in name resolution",
        ),
        QT_TRANSLATE_NOOP(
            "server_access",
            "No computer named {host} was found on the network. Check the server's name.",
        ),
    ),
)


def raw_error(location: Location, error: BaseException) -> str:
    """The server's or driver's own words for ``error``, without the password."""
    return without_password(location, str(getattr(error, "orig", None) or error).strip())


def connection_failure(location: Location, error: BaseException) -> str | None:
    """A common connection failure (refused, timeout, unknown host, no such database or
    user, a wrong password) as a sentence naming the host and port; None for others.
    The result is marked text: the GUI shows it with ``i18n.translated``."""
    assert location.url is not None
    text = raw_error(location, error).lower()
    url = location.url
    values = {
        "host": _query(url, "host") or url.host or os.environ.get("PGHOST") or "localhost",
        "port": str(url.port or _query(url, "port") or os.environ.get("PGPORT") or 5432),
        "user": url.username or os.environ.get("PGUSER", ""),
        "database": url.database or "",
    }
    for words, sentence in _FAILURES:
        if any(w in text for w in words) and (
            not words[0].endswith('"') or "does not exist" in text
        ):
            return sentence.format(**values)
    return None


def without_password(location: Location, text: str) -> str:
    """``text`` with the location's password (if any) blanked out."""
    password = location.url.password if location.url is not None else None
    return text.replace(str(password), "***") if password else text


def with_password(location: Location, password: str) -> Location:
    """``location`` with ``password``, in memory only (never written anywhere)."""
    assert location.url is not None
    return Location(url=location.url.set(password=password))


def password_needed(error: BaseException) -> bool:
    """True when ``error`` (from connecting) is the server asking for a password."""
    text = str(error).lower()
    return any(words in text for words in _PASSWORD_WORDS)
