"""A throwaway PostgreSQL server for the tests (and for ``.ci/run``).

``start(folder)`` makes a cluster with ``initdb`` in ``folder`` (trust authentication,
no password; a private unix socket folder and 127.0.0.1 only) and starts it with
``pg_ctl`` on a free local port; ``stop(folder)`` stops it and deletes the folder.
initdb refuses to run as root: as root the server's programs run as the ``postgres``
system user (``runuser``), who is given the folder.

A killed pytest (SIGKILL: no fixture teardown) would leave its cluster running, so
``start(folder, owner=pid)`` records the owning process (its pid and start time) in
``folder/owner``, and every ``start`` first reaps (:func:`reap`): a folder named
``practice-pg-*`` directly in the temporary folder, holding an ``owner`` file whose
process is gone, is stopped (``pg_ctl stop -m immediate``) and deleted. Nothing else is
ever touched: not a folder without an ``owner`` file (``.ci/run``'s, an older one),
not a live owner's, never the shared server in /work/pgshared.

``start(…, tls=Tls(folder))`` turns on ssl with a certificate for ``localhost``,
``127.0.0.1`` and the given extra names, signed by a throwaway CA
(:func:`make_certificates`, with ``openssl``); ``listen`` adds addresses and ``hba``
lines go first in ``pg_hba.conf``.

From a shell (what ``.ci/run`` does)::

    python tests/_postgres.py binaries               # where initdb is (status 1: none)
    url=$(python tests/_postgres.py start /tmp/pg)   # prints the admin URL
    python tests/_postgres.py stop /tmp/pg
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

REQUIRE = "PRACTICE_REQUIRE_POSTGRES"
URL = "PRACTICE_TEST_POSTGRES_URL"
ENGINE_KINDS = ("sqlite", "postgresql")  # what the parametrised tests run on
SERVER_USER = "postgres"  # the system user the server runs as when we are root
PREFIX = "practice-pg-"  # the throwaway clusters' folders (tempfile.mkdtemp(prefix=PREFIX))


def binaries() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl`` (PostgreSQL 15 or newer), or None."""
    found = shutil.which("initdb")
    if found and (Path(found).resolve().parent / "pg_ctl").exists():
        return Path(found).resolve().parent  # /usr/local/bin/initdb may be a link
    versions = []
    for folder in glob.glob("/usr/lib/postgresql/*/bin"):
        try:
            major = int(Path(folder).parent.name)
        except ValueError:
            continue
        if major >= 15 and (Path(folder) / "initdb").exists():
            versions.append((major, Path(folder)))
    return max(versions)[1] if versions else None


def _as_server_user() -> list[str]:
    if os.geteuid() != 0:
        return []
    return ["runuser", "-u", SERVER_USER, "--"]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class Server:
    folder: Path
    port: int

    @property
    def url(self) -> str:
        """The admin URL (the ``postgres`` superuser, no password: trust on 127.0.0.1)."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"


@dataclass(frozen=True)
class Tls:
    """Certificates made in ``folder``: ``ca.crt`` (give it as sslrootcert), and the
    server's ``server.crt``/``server.key`` for ``localhost``, 127.0.0.1 and ``names``."""

    folder: Path
    names: Sequence[str] = field(default_factory=tuple)

    @property
    def ca(self) -> Path:
        return self.folder / "ca.crt"


def make_certificates(tls: Tls) -> None:
    """A throwaway CA and a server certificate it signed (``openssl``), in ``tls.folder``."""
    tls.folder.mkdir(parents=True, exist_ok=True)
    alt = ["DNS:localhost", "IP:127.0.0.1"] + [
        f"IP:{n}" if n.replace(".", "").isdigit() or ":" in n else f"DNS:{n}" for n in tls.names
    ]
    f = tls.folder

    def run(*args: str) -> None:
        done = subprocess.run(["openssl", *args], capture_output=True, text=True, check=False)
        if done.returncode:
            raise RuntimeError(f"openssl {args[0]} failed: {done.stderr.strip()}")

    run(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=Practice test CA",
        "-keyout",
        str(f / "ca.key"),
        "-out",
        str(f / "ca.crt"),
    )
    run(
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=localhost",
        "-keyout",
        str(f / "server.key"),
        "-out",
        str(f / "server.csr"),
    )
    (f / "san.ext").write_text(f"subjectAltName={','.join(alt)}\n")
    run(
        "x509",
        "-req",
        "-in",
        str(f / "server.csr"),
        "-CA",
        str(f / "ca.crt"),
        "-CAkey",
        str(f / "ca.key"),
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        str(f / "san.ext"),
        "-out",
        str(f / "server.crt"),
    )


def _start_time(pid: int) -> str | None:
    """The process's start time (field 22 of /proc/PID/stat), None when it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[19]


def _owner_alive(record: str) -> bool:
    try:
        pid_text, started = record.split()
        pid = int(pid_text)
    except ValueError:
        return True  # not ours to judge: leave it
    if started == "None":  # no /proc when it was written: the pid alone
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
    return _start_time(pid) == started


def reap(parent: Path | None = None) -> list[Path]:
    """Stop and delete the clusters left by dead owners (see the module's docstring);
    the folders reaped."""
    parent = parent or Path(tempfile.gettempdir())
    reaped = []
    for folder in sorted(parent.glob(f"{PREFIX}*")):
        record = folder / "owner"
        if (
            folder.is_symlink()
            or not record.is_file()
            or folder.resolve().parent != parent.resolve()
        ):
            continue
        if _owner_alive(record.read_text()):
            continue
        stop(folder, mode="immediate")
        reaped.append(folder)
    return reaped


def start(
    folder: Path,
    *,
    owner: int | None = None,
    tls: Tls | None = None,
    listen: Sequence[str] = (),
    hba: Sequence[str] = (),
) -> Server:
    """A new cluster in ``folder`` (made if missing), started; raise when it cannot be.

    ``owner``: the process whose death makes the cluster stale (:func:`reap`).
    As root, ``folder`` is given to the ``postgres`` user, who must be able to reach
    it: its parent folders must be open to others (``mktemp -d`` itself is)."""
    bin_dir = binaries()
    if bin_dir is None:
        raise RuntimeError("no PostgreSQL server programs (initdb) on this machine")
    reap()
    folder.mkdir(parents=True, exist_ok=True)
    if owner is not None:
        (folder / "owner").write_text(f"{owner} {_start_time(owner)}\n")
    data, sockets = folder / "data", folder / "sockets"
    sockets.mkdir(exist_ok=True)
    runner = _as_server_user()
    if runner:
        user = pwd.getpwnam(SERVER_USER)
        for path in (folder, sockets):
            os.chown(path, user.pw_uid, user.pw_gid)
    folder.chmod(0o700)
    sockets.chmod(0o700)
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE, "text": True}
    done = subprocess.run(
        [
            *runner,
            str(bin_dir / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-locale",  # byte order, as SQLite compares text
            "--no-sync",
        ],
        check=False,
        **quiet,  # type: ignore[call-overload]
    )
    if done.returncode:
        raise RuntimeError(f"initdb failed: {done.stderr.strip()}")
    if hba:
        conf = data / "pg_hba.conf"
        conf.write_text("\n".join(hba) + "\n" + conf.read_text())
    port = _free_port()
    options = (
        f"-p {port} -k {sockets} -c listen_addresses={','.join(['127.0.0.1', *listen])} "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
        "-c max_connections=200"
    )
    if tls is not None:
        make_certificates(tls)
        for name in ("server.crt", "server.key"):  # the server's own copies, 0600
            shutil.copy(tls.folder / name, data / name)
            (data / name).chmod(0o600)
            if runner:
                user = pwd.getpwnam(SERVER_USER)
                os.chown(data / name, user.pw_uid, user.pw_gid)
        options += " -c ssl=on -c ssl_cert_file=server.crt -c ssl_key_file=server.key"
    done = subprocess.run(
        [
            *runner,
            str(bin_dir / "pg_ctl"),
            "start",
            "-D",
            str(data),
            "-w",
            "-l",
            str(folder / "server.log"),
            "-o",
            options,
        ],
        check=False,
        **quiet,  # type: ignore[call-overload]
    )
    if done.returncode:
        log = (folder / "server.log").read_text(errors="replace")[-2000:]
        stop(folder)
        raise RuntimeError(f"pg_ctl start failed: {done.stderr.strip()}\n{log}")
    (folder / "port").write_text(str(port))
    return Server(folder, port)


def stop(folder: Path, *, mode: str = "fast") -> None:
    """Stop the cluster in ``folder`` (if it runs) and delete the folder."""
    bin_dir = binaries()
    data = folder / "data"
    if bin_dir is not None and (data / "postmaster.pid").exists():
        subprocess.run(
            [*_as_server_user(), str(bin_dir / "pg_ctl"), "stop", "-D", str(data), "-m", mode],
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    shutil.rmtree(folder, ignore_errors=True)


class Databases:
    """Databases made and dropped on a server, through its admin URL."""

    def __init__(self, admin_url: str) -> None:
        import psycopg  # deferred: only the PostgreSQL tests need the driver

        self.admin_url = admin_url
        plain = admin_url.replace("postgresql+psycopg://", "postgresql://", 1)  # libpq's form
        self._admin = psycopg.connect(plain, autocommit=True)
        self._count = 0

    def url(self, name: str) -> str:
        """The SQLAlchemy URL of database ``name`` (psycopg 3 driver)."""
        from sqlalchemy.engine import make_url

        admin = make_url(self.admin_url)
        return admin.set(drivername="postgresql+psycopg", database=name).render_as_string(
            hide_password=False
        )

    def create(self, *, template: str | None = None) -> str:
        """A new database (empty, or a copy of ``template``); its name."""
        self._count += 1
        name = f"practice_test_{os.getpid()}_{self._count}"
        self.drop(name)
        copy = f" TEMPLATE {template}" if template else ""
        self._admin.execute(f"CREATE DATABASE {name}{copy}")  # type: ignore[arg-type]
        return name

    def drop(self, name: str) -> None:
        self._admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")  # type: ignore[arg-type]

    def close(self) -> None:
        self._admin.close()


def main(argv: list[str]) -> int:
    if argv == ["reap"]:  # the clusters of killed test runs
        for folder in reap():
            print(f"stopped and removed {folder}")
        return 0
    if argv == ["binaries"]:  # where initdb is; status 1 when there is none
        found = binaries()
        print(found or "no PostgreSQL server programs (initdb)")
        return 0 if found else 1
    if len(argv) != 2 or argv[0] not in ("start", "stop"):
        print("usage: _postgres.py binaries | reap | start FOLDER | stop FOLDER", file=sys.stderr)
        return 2
    folder = Path(argv[1])
    if argv[0] == "start":
        print(start(folder).url)
    else:
        stop(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
