"""The fault sweep's checker: ``practice`` commands and read-only probes in forked children.

A check after each kill runs several ``practice`` commands; starting Python and the
app for each would cost a second apiece. Run as a script, this file imports the app
once and then, for each JSON request on stdin, forks a child that runs the command
(``practice.cli.entry.main``, exactly what ``python -m practice`` runs) or a probe
below with the request's environment and working folder, its stdout and stderr in
files, and answers one JSON line: ``{"rc": ..., "out": ..., "err": ...}``.

The probes read files the way a user cannot from the command line (a backup's
clients, the audit trail of exports), always read-only and never noting a wrong
passphrase.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

TIMEOUT_S = 120

# --- probes (run in the child; print JSON) ------------------------------------------


def _key(path: str, passphrase: str) -> bytes | None:
    """The key of ``path`` from the key files beside it (a backup: its folder's copies)."""
    from practice.db import crypto

    target = Path(path)
    if crypto.has_plain_header(target) or not passphrase:
        return None
    own = crypto.key_file_path(target)
    candidates = [own] if own.is_file() else []
    candidates += sorted(target.parent.glob("*" + crypto.KEY_FILE_SUFFIX))
    for key_file in dict.fromkeys(candidates):
        try:
            return crypto.unlock(target, passphrase, key_file=key_file)
        except crypto.CryptoError:
            continue
    raise RuntimeError(f"no key file beside {target.name} opens with the passphrase")


def probe_clients(path: str, passphrase: str = "") -> dict[str, Any]:
    """``{"clients": ["id Lastname", ...]}`` of a practice file or backup, read-only."""
    from practice.db import crypto

    conn = crypto.connect(Path(path), _key(path, passphrase), readonly=True)
    try:
        rows = conn.execute("SELECT id, last_name FROM clients").fetchall()
    finally:
        conn.close()
    return {"clients": sorted(f"{i} {name}" for i, name in rows)}


def probe_integrity(path: str, passphrase: str = "") -> dict[str, Any]:
    """``{"problems": [...]}``: SQLite's integrity and foreign-key checks of a file."""
    from practice.db import file_check

    return {"problems": list(file_check.check_file(Path(path), _key(path, passphrase)).problems)}


def probe_audit(path: str, passphrase: str, action: str) -> dict[str, Any]:
    """``{"events": N}``: audit events of ``action`` in a practice file, read-only."""
    from practice.db import crypto

    conn = crypto.connect(Path(path), _key(path, passphrase), readonly=True)
    try:
        sql = "SELECT count(*) FROM audit_events WHERE action = ?"
        return {"events": int(conn.execute(sql, (action,)).fetchone()[0])}
    finally:
        conn.close()


def probe_opens_with(path: str, *passphrases: str) -> dict[str, Any]:
    """``{"index": i}``: the first passphrase that unwraps the practice's key file (or null)."""
    from practice.db import crypto

    for i, passphrase in enumerate(passphrases):
        try:
            crypto.unlock(Path(path), passphrase)
        except crypto.CryptoError:
            continue
        return {"index": i}
    return {"index": None}


def probe_recovery_key(path: str, passphrase: str, recovery_key: str) -> dict[str, Any]:
    """``{"ok": bool}``: the recovery key is the key that opens the practice."""
    from practice.db import crypto

    key = _key(path, passphrase)
    return {"ok": key is not None and crypto.parse_recovery_key(recovery_key) == key}


PROBES: dict[str, Callable[..., dict[str, Any]]] = {
    "clients": probe_clients,
    "integrity": probe_integrity,
    "audit": probe_audit,
    "opens_with": probe_opens_with,
    "recovery_key": probe_recovery_key,
}


# --- the server ------------------------------------------------------------------


def _run(request: dict[str, Any]) -> int:  # pragma: no cover - runs in the child
    os.environ.clear()
    os.environ.update(request["env"])
    os.chdir(request["cwd"])
    try:
        if "probe" in request:
            print(json.dumps(PROBES[request["probe"]](*request["args"])))
            return 0
        from practice.cli.entry import main

        return main(request["argv"])
    except SystemExit as exc:  # argparse
        return exc.code if isinstance(exc.code, int) else 2
    except BaseException:
        traceback.print_exc()
        return 99


def _child(request: dict[str, Any], out: str, err: str) -> None:  # pragma: no cover - child
    signal.alarm(TIMEOUT_S)  # a command that hangs is ended, not waited for
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), 1)
    os.dup2(os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), 2)
    rc = 99
    try:
        rc = _run(request)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(rc)


def serve() -> None:
    """Answer requests on stdin until it closes (see the module docstring)."""
    import practice.cli.entry  # noqa: F401 - imported once, before any fork

    with tempfile.TemporaryDirectory(prefix="fault-sweep-cli-") as tmp:
        out, err = str(Path(tmp) / "out"), str(Path(tmp) / "err")
        print("ready", flush=True)
        for line in sys.stdin:
            request = json.loads(line)
            pid = os.fork()
            if pid == 0:
                _child(request, out, err)
            _, status = os.waitpid(pid, 0)
            answer = {
                "rc": os.waitstatus_to_exitcode(status),
                "out": Path(out).read_text(errors="replace"),
                "err": Path(err).read_text(errors="replace"),
            }
            print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    serve()
