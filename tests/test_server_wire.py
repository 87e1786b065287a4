"""Security on the wire (issue 17, point 4) against REAL PostgreSQL servers started here:
one with TLS (a throwaway CA, a certificate for localhost, 127.0.0.1 and this machine's
own network address) and a scram-sha-256 password for the role ``therapist``, one
without TLS.

"Another computer" is this machine reached through its non-loopback address (``hostname
-I``): the app cannot tell it from a remote server (it is not in
``server_access.LOCAL_HOSTS``), the connection really goes over TCP to that address and
the server really checks TLS and the password, so what these tests prove is the
client's side (verify-full demanded, the certificate and the host name checked, the
password from .pgpass or the terminal); they do not cross a real network. The host name
mismatch uses a name pinned to that address with libpq's ``hostaddr``.
"""

from __future__ import annotations

import os
import pty
import re
import select
import socket
import struct
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

import _postgres
from practice.cli import main
from practice.db import migrate
from practice.db.engine import Database
from practice.db.location import parse

PASSWORD = "Geheim-2207-wire"


def _own_address() -> str | None:
    try:
        out = subprocess.run(["hostname", "-I"], capture_output=True, text=True, check=False)
    except OSError:
        return None
    found = [a for a in out.stdout.split() if "." in a and not a.startswith("127.")]
    return found[0] if found else None


ADDRESS = _own_address()
pytestmark = pytest.mark.skipif(
    ADDRESS is None or _postgres.binaries() is None,
    reason="needs PostgreSQL's programs and a non-loopback IPv4 address",
)


def _folder(prefix: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)  # the server user reaches its certificates' copies through it
    return folder


@pytest.fixture(scope="module")
def tls_server() -> Iterator[tuple[_postgres.Server, _postgres.Tls]]:
    """TLS on, ``therapist`` with a password (scram-sha-256) from this machine's address."""
    folder = Path(tempfile.mkdtemp(prefix=_postgres.PREFIX))
    tls = _postgres.Tls(_folder("practice-tls-"), names=(str(ADDRESS),))
    try:
        server = _postgres.start(
            folder,
            owner=os.getpid(),
            tls=tls,
            listen=(str(ADDRESS),),
            hba=[
                f"hostssl all therapist {ADDRESS}/32 scram-sha-256",
                f"hostssl all postgres {ADDRESS}/32 trust",
            ],
        )
        admin = _postgres.Databases(server.url)
        admin._admin.execute(f"CREATE ROLE therapist LOGIN PASSWORD '{PASSWORD}'")  # type: ignore[arg-type]
        admin._admin.execute("CREATE DATABASE practice OWNER therapist")
        admin.close()
        # each database made a practice first (`check` only looks: it creates nothing)
        ca = f"sslrootcert={tls.ca}"
        migrate.upgrade(parse(_url(server, query=ca)))
        owner = _url(server, user=f"therapist:{PASSWORD}", db="practice", query=ca)
        migrate.upgrade(parse(owner))
        yield server, tls
    finally:
        _postgres.stop(folder)
        subprocess.run(["rm", "-rf", str(tls.folder)], check=False)


@pytest.fixture(scope="module")
def plain_server() -> Iterator[_postgres.Server]:
    """A server without TLS, open (trust) to this machine's address."""
    folder = Path(tempfile.mkdtemp(prefix=_postgres.PREFIX))
    try:
        server = _postgres.start(
            folder,
            owner=os.getpid(),
            listen=(str(ADDRESS),),
            hba=[f"host all all {ADDRESS}/32 trust"],
        )
        migrate.upgrade(parse(_url(server, host="127.0.0.1")))  # a practice: see tls_server
        yield server
    finally:
        _postgres.stop(folder)


@pytest.fixture(autouse=True)
def _no_password_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No ~/.pgpass of the machine's, and no ~/.postgresql/root.crt: only what a test gives."""
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in ("PGSSLMODE", "PGSSLROOTCERT", "PGHOST", "PGHOSTADDR", "PGPASSWORD", "PGSERVICE"):
        monkeypatch.delenv(name, raising=False)


def _url(
    server: _postgres.Server,
    *,
    user: str = "postgres",
    db: str = "postgres",
    query: str = "",
    host: str | None = None,
) -> str:
    return f"postgresql://{user}@{host or ADDRESS}:{server.port}/{db}" + (
        f"?{query}" if query else ""
    )


def test_another_computer_is_reached_over_verified_tls_with_the_right_ca(
    tls_server: tuple[_postgres.Server, _postgres.Tls], capsys: pytest.CaptureFixture[str]
) -> None:
    server, tls = tls_server
    url = _url(server, query=f"sslrootcert={tls.ca}")
    # the command works over the wire
    assert main(["--db", url, "check"]) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert out.rstrip().endswith("result: ok")
    assert re.search(r"^connection: encrypted \(TLSv1\.\d, certificate checked\)$", out, re.M)
    # and the connection is TLS with the certificate and the host name checked
    database = Database(parse(url))
    try:
        assert database.engine.url.query["sslmode"] == "verify-full"
        with database.engine.connect() as conn:
            ssl = conn.execute(
                text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            ).scalar()
        assert ssl is True
    finally:
        database.dispose()


def test_a_certificate_from_another_ca_is_refused_with_what_to_do(
    tls_server: tuple[_postgres.Server, _postgres.Tls],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server, _tls = tls_server
    other = _postgres.Tls(tmp_path / "other-ca")
    _postgres.make_certificates(other)  # a CA that did not sign the server's certificate
    url = _url(server, query=f"sslrootcert={other.ca}").replace(
        "postgres@", f"postgres:{PASSWORD}@", 1
    )
    assert main(["--db", url, "check"]) == 1
    captured = capsys.readouterr()
    err = captured.err
    assert f"Cannot connect securely to {ADDRESS}: its certificate is not signed by a CA" in err
    assert "~/.postgresql/root.crt" in err and "sslrootcert=" in err
    assert "Traceback" not in err and "psycopg" not in err
    assert PASSWORD not in err + captured.out  # the password typed in the address: never echoed
    assert "can be seen by other users" in err  # … but warned about
    for written in (tmp_path / "data").rglob("*"):  # nor written anywhere (logs, keys…)
        if written.is_file():
            assert PASSWORD.encode() not in written.read_bytes(), written


@pytest.mark.parametrize("how", ["hostaddr", "PGHOST"])
def test_another_computer_named_only_by_hostaddr_or_pghost_is_not_taken_for_this_one(
    how: str,
    plain_server: _postgres.Server,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # the address says localhost (or nothing), but libpq would go to another machine
    if how == "hostaddr":
        url = _url(plain_server, host="localhost", query=f"hostaddr={ADDRESS}&sslmode=disable")
    else:
        monkeypatch.setenv("PGHOST", str(ADDRESS))
        monkeypatch.setenv("PGPORT", str(plain_server.port))
        url = "postgresql://postgres@/postgres?sslmode=disable"
    assert main(["--db", url, "check"]) == 1
    assert "is on another computer" in capsys.readouterr().err


def test_a_server_named_otherwise_than_its_certificate_is_refused(
    tls_server: tuple[_postgres.Server, _postgres.Tls], capsys: pytest.CaptureFixture[str]
) -> None:
    server, tls = tls_server
    # a name the certificate does not carry, pinned to the server's address
    url = _url(server, host="records.example.org", query=f"hostaddr={ADDRESS}&sslrootcert={tls.ca}")
    assert main(["--db", url, "check"]) == 1
    err = capsys.readouterr().err
    assert (
        "Cannot connect securely to records.example.org: its certificate is made out to "
        "another name than records.example.org" in err
    )
    assert "give the server's name as its certificate says" in err


def test_a_server_without_tls_on_another_computer_is_refused(
    plain_server: _postgres.Server,
    tls_server: tuple[_postgres.Server, _postgres.Tls],
    capsys: pytest.CaptureFixture[str],
) -> None:
    _server, tls = tls_server
    url = _url(plain_server, query=f"sslrootcert={tls.ca}")
    assert main(["--db", url, "check"]) == 1
    err = capsys.readouterr().err
    assert f"Cannot connect securely to {ADDRESS}: the server does not offer encrypted" in err


@pytest.mark.parametrize("mode", ["disable", "allow", "prefer", "require", "verify-ca"])
def test_a_weaker_sslmode_to_another_computer_is_refused_before_connecting(
    mode: str, plain_server: _postgres.Server, capsys: pytest.CaptureFixture[str]
) -> None:
    # the plain server would let this in (trust, no TLS): the refusal must come first
    url = _url(plain_server, query=f"sslmode={mode}").replace(
        "postgres@", f"postgres:{PASSWORD}@", 1
    )
    assert main(["--db", url, "check"]) == 1
    captured = capsys.readouterr()
    assert f"asks for sslmode={mode}. Remove sslmode={mode} from the address" in captured.err
    assert "Nothing was sent to the server" in captured.err
    assert PASSWORD not in captured.err + captured.out
    assert f"postgres:***@{ADDRESS}" in captured.err
    # the same weaker mode to this machine itself is as it always was
    local = _url(plain_server, host="127.0.0.1", query=f"sslmode={mode}")
    if mode in ("disable", "allow", "prefer"):  # the plain server has no TLS to require
        assert main(["--db", local, "check"]) == 0, capsys.readouterr().err


def _run_cli(url: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "practice", "--db", url, "check"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_the_password_comes_from_pgpass_and_without_a_terminal_is_asked_for_there(
    tls_server: tuple[_postgres.Server, _postgres.Tls], tmp_path: Path
) -> None:
    server, tls = tls_server
    url = _url(server, user="therapist", db="practice", query=f"sslrootcert={tls.ca}")
    env = dict(os.environ)
    # no terminal, no .pgpass: the command says where the password goes
    done = _run_cli(url, env)
    assert done.returncode == 1
    assert "asks for a password and none was given: put it in ~/.pgpass" in done.stderr
    assert "Traceback" not in done.stderr
    # with PGPASSFILE (owner-only, as libpq wants it) the same command opens the practice
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"{ADDRESS}:{server.port}:practice:therapist:{PASSWORD}\n")
    pgpass.chmod(0o600)
    env["PGPASSFILE"] = str(pgpass)
    done = _run_cli(url, env)
    assert done.returncode == 0, done.stderr
    assert "result: ok" in done.stdout
    assert PASSWORD not in done.stdout + done.stderr
    # a password typed in the address works, with the warning, and reaches no audit event
    typed = url.replace("therapist@", f"therapist:{PASSWORD}@", 1)
    env["PGPASSFILE"] = str(tmp_path / "none")
    done = subprocess.run(
        [sys.executable, "-m", "practice", "--db", typed, "seed-demo"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "can be seen by other users of this computer (ps)" in done.stderr
    assert PASSWORD not in done.stdout + done.stderr
    import psycopg

    with psycopg.connect(f"postgresql://postgres@127.0.0.1:{server.port}/practice") as db:
        events = db.execute("SELECT count(*) FROM audit_events").fetchone()
        leaked = db.execute(
            "SELECT count(*) FROM audit_events WHERE audit_events::text LIKE %s",
            (f"%{PASSWORD}%",),
        ).fetchone()
    assert events is not None and events[0] > 0
    assert leaked == (0,)


def _read_until(fd: int, wanted: bytes, seen: bytearray, timeout: float = 60) -> None:
    import time

    end = time.monotonic() + timeout
    while wanted not in seen:
        left = end - time.monotonic()
        assert left > 0, f"no {wanted!r} in {bytes(seen)!r}"
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen.extend(chunk)


def test_at_a_terminal_the_password_is_asked_once_and_not_echoed(
    tls_server: tuple[_postgres.Server, _postgres.Tls],
) -> None:
    server, tls = tls_server
    url = _url(server, user="therapist", db="practice", query=f"sslrootcert={tls.ca}")
    pid, fd = pty.fork()  # the command runs on a real terminal (its controlling tty)
    if pid == 0:  # pragma: no cover - the child
        os.execv(sys.executable, [sys.executable, "-m", "practice", "--db", url, "check"])
    seen = bytearray()
    try:
        _read_until(fd, b"Password for therapist on " + str(ADDRESS).encode(), seen)
        os.write(fd, PASSWORD.encode() + b"\n")
        _read_until(fd, b"result: ok", seen)
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    output = bytes(seen).decode(errors="replace")
    assert os.waitstatus_to_exitcode(status) == 0, output
    assert "result: ok" in output
    assert output.count("Password for") == 1
    assert PASSWORD not in output  # getpass: no echo


class _FakeServer:
    """A fake PostgreSQL server, as the attacker's: it refuses TLS, asks for the password
    in clear and keeps what arrives (a real server with TLS would hide the difference)."""

    def __init__(self, address: str) -> None:
        self.sock = socket.create_server((address, 0))
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.tls_asked = 0  # connections that asked for TLS first
        self.in_clear: list[bytes] = []  # startup packets and passwords sent without TLS
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _packet(self, conn: socket.socket) -> bytes:
        head = conn.recv(4, socket.MSG_WAITALL)
        if len(head) < 4:
            raise ConnectionError
        size = struct.unpack("!I", head)[0]
        return conn.recv(size - 4, socket.MSG_WAITALL)

    def _serve(self) -> None:
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                try:
                    body = self._packet(conn)
                    while struct.unpack("!I", body[:4])[0] in (80877103, 80877104):
                        self.tls_asked += 1  # SSLRequest / GSSENCRequest: "no"
                        conn.sendall(b"N")
                        body = self._packet(conn)
                    self.in_clear.append(body)
                    conn.sendall(b"R" + struct.pack("!II", 8, 3))  # cleartext password, please
                    if conn.recv(1, socket.MSG_WAITALL) == b"p":
                        self.in_clear.append(self._packet(conn))
                except (ConnectionError, OSError, struct.error):
                    pass

    def stop(self) -> None:
        self.running = False
        self.thread.join(5)
        self.sock.close()


@pytest.fixture(params=["own address", "127.0.0.2"])
def fake_server(request: pytest.FixtureRequest) -> Iterator[_FakeServer]:
    """A fake server on another computer: this machine's own network address, or the
    attacker's 127.0.0.2 (a loopback address, but not one Practice takes for this
    machine: only localhost, 127.0.0.1 and ::1 are)."""
    server = _FakeServer(str(ADDRESS) if request.param == "own address" else request.param)
    yield server
    server.stop()


@pytest.mark.parametrize(
    "how", ["query host", "query host and port", "host list", "PGHOSTADDR", "PGHOST"]
)
def test_the_host_checked_is_the_host_libpq_connects_to(
    how: str,
    fake_server: _FakeServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # the address shows this machine, but libpq goes to the (fake) server elsewhere
    host, port = fake_server.sock.getsockname()[0], fake_server.port
    url = {
        "query host": f"postgresql://therapist:{PASSWORD}@127.0.0.1:{port}/practice?host={host}",
        "query host and port": f"postgresql://therapist:{PASSWORD}@127.0.0.1:5432/practice"
        f"?host={host}&port={port}",
        "host list": f"postgresql://therapist:{PASSWORD}@localhost/practice"
        f"?host=127.0.0.1,{host}&port={port},{port}",
        "PGHOSTADDR": f"postgresql://therapist:{PASSWORD}@localhost:{port}/practice",
        "PGHOST": f"postgresql://therapist:{PASSWORD}@/practice?host=&port={port}",
    }[how]
    if how == "PGHOSTADDR":
        monkeypatch.setenv("PGHOSTADDR", host)
    if how == "PGHOST":
        monkeypatch.setenv("PGHOST", host)
    assert main(["--db", url, "check"]) == 1
    err = capsys.readouterr().err
    # libpq did reach that server, asking for TLS (verify-full) and not getting it, so
    # nothing went over the plain connection, the password least of all
    assert fake_server.tls_asked >= 1
    assert fake_server.in_clear == []
    # (named as libpq checks the certificate: the host, not the hostaddr)
    shown = {"host list": f"127.0.0.1,{host}", "PGHOSTADDR": "localhost"}.get(how, host)
    assert f"Cannot connect securely to {shown}: the server does not offer encrypted" in err


@pytest.mark.parametrize("how", ["service=", "PGSERVICE"])
def test_a_connection_service_is_refused_before_connecting(
    how: str,
    fake_server: _FakeServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # ~/.pg_service.conf (here PGSERVICEFILE) sends "office" to the fake server
    services = tmp_path / "pg_service.conf"
    host = fake_server.sock.getsockname()[0]
    services.write_text(f"[office]\nhost={host}\nport={fake_server.port}\n")
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    url = f"postgresql://therapist:{PASSWORD}@/practice"  # (libpq's default: this machine)
    if how == "service=":
        url += "?service=office"
    else:
        monkeypatch.setenv("PGSERVICE", "office")
    assert main(["--db", url, "check"]) == 1
    assert fake_server.tls_asked == 0 and fake_server.in_clear == []
    err = capsys.readouterr().err
    assert "connection service" in err and "Practice does not use services" in err
    assert "write the server's address in full" in err or "give the server's address in full" in err
    assert "Nothing was sent to the server" in err and PASSWORD not in err
