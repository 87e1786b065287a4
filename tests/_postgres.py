"""A throwaway PostgreSQL server for the tests (and for ``.ci/run``).

``start(folder)`` makes a cluster with ``initdb`` in ``folder`` (trust authentication,
no password; a private unix socket folder and 127.0.0.1 only) and starts it with
``pg_ctl`` on a free local port; ``stop(folder)`` stops it and deletes the folder.
initdb refuses to run as root: as root the server's programs run as the ``postgres``
system user (``runuser``), who is given the folder.

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
from dataclasses import dataclass
from pathlib import Path

REQUIRE = "PRACTICE_REQUIRE_POSTGRES"
URL = "PRACTICE_TEST_POSTGRES_URL"
ENGINE_KINDS = ("sqlite", "postgresql")  # what the parametrised tests run on
SERVER_USER = "postgres"  # the system user the server runs as when we are root


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


def start(folder: Path) -> Server:
    """A new cluster in ``folder`` (made if missing), started; raise when it cannot be.

    As root, ``folder`` is given to the ``postgres`` user, who must be able to reach
    it: its parent folders must be open to others (``mktemp -d`` itself is)."""
    bin_dir = binaries()
    if bin_dir is None:
        raise RuntimeError("no PostgreSQL server programs (initdb) on this machine")
    folder.mkdir(parents=True, exist_ok=True)
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
    port = _free_port()
    options = (
        f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
        "-c max_connections=200"
    )
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


def stop(folder: Path) -> None:
    """Stop the cluster in ``folder`` (if it runs) and delete the folder."""
    bin_dir = binaries()
    data = folder / "data"
    if bin_dir is not None and (data / "postmaster.pid").exists():
        subprocess.run(
            [*_as_server_user(), str(bin_dir / "pg_ctl"), "stop", "-D", str(data), "-m", "fast"],
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
    if argv == ["binaries"]:  # where initdb is; status 1 when there is none
        found = binaries()
        print(found or "no PostgreSQL server programs (initdb)")
        return 0 if found else 1
    if len(argv) != 2 or argv[0] not in ("start", "stop"):
        print("usage: _postgres.py binaries | start FOLDER | stop FOLDER", file=sys.stderr)
        return 2
    folder = Path(argv[1])
    if argv[0] == "start":
        print(start(folder).url)
    else:
        stop(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
