"""`practice encrypt` killed at each of its renames, unlinks and syncs, then run again.

After every kill the practice is whole, plain or encrypted; the next run finishes
the job: nothing anywhere is left readable (no plain SQLite header, no client
name in any file), every backup is still there, and the recovery key is shown.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from _crypto_fixtures import FAST, PASSPHRASE, SECRET_NAME, add_clients, files_containing
from _fault import KILLED, KillServer, kill_points, needs_strace

from practice.cli import main
from practice.db import crypto, encryption
from practice.db.crypto_files import SQLITE_MAGIC
from practice.db.engine import Database

NAMES = sorted([SECRET_NAME, "Amara Okafor", "Bao Tran"])
#: The first N calls of each kind (a whole run makes 8 renames, 13 unlinks, 19 fsyncs
#: and 4 fdatasyncs); the sweep of a kind ends early when the command finishes first.
SWEEP = {"rename,renameat,renameat2": 12, "unlink,unlinkat": 16, "fsync": 22, "fdatasync": 6}
LEFTOVER = re.compile(r"\.(encrypting|new|tmp|partial)$|-(journal|wal|shm)$")


def names_in(path: Path, key: bytes | None) -> list[str]:
    """The clients' names, read as the app opens the file (a hot journal is rolled back)."""
    conn = crypto.connect(path, key)
    try:
        rows = conn.execute("SELECT first_name || ' ' || last_name FROM clients").fetchall()
    finally:
        conn.close()
    return sorted(r[0] for r in rows)


def _template(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from practice.db import migrate

    monkeypatch.setenv("PRACTICE_DATA_DIR", str(root / "data"))
    db_path = root / "practice.sqlite3"
    migrate.upgrade(db_path)
    database = Database(db_path)
    first, *others = NAMES
    add_clients(database, first, *others)
    database.dispose()
    assert main(["backup", "--db", str(db_path)]) == 0
    assert main(["backup", "--db", str(db_path), "--to", str(root / "usb")]) == 0
    made = next((root / "backups").glob("*.manual.sqlite3"))
    shutil.copyfile(made, made.with_name(made.name.replace("manual", "daily") + ".partial"))


def copy_practice(template: Path, root: Path) -> None:
    """A copy of the folder, its recorded backup folders moved along."""
    shutil.copytree(template, root)
    record = root / "data" / "backup-folders.json"
    if record.exists():
        record.write_text(record.read_text().replace(str(template), str(root)))


def _after_kill(root: Path) -> str:
    """The practice is whole: plain, or encrypted and opened by the passphrase."""
    db_path = root / "practice.sqlite3"
    if crypto.is_encrypted(db_path):  # finishes or undoes the interrupted swap first
        assert names_in(db_path, crypto.unlock(db_path, PASSPHRASE)) == NAMES
        return "encrypted"
    assert crypto.has_plain_header(db_path)
    assert names_in(db_path, None) == NAMES
    return "plain"


def _finished(root: Path, out: str) -> None:
    """Nothing readable is left, nothing is lost, and the recovery key was shown."""
    db_path = root / "practice.sqlite3"
    key = crypto.unlock(db_path, PASSPHRASE)
    assert names_in(db_path, key) == NAMES
    files = [p for p in root.rglob("*") if p.is_file()]
    assert [p for p in files if p.read_bytes().startswith(SQLITE_MAGIC)] == []
    assert files_containing(root) == []
    assert [p.name for p in files if LEFTOVER.search(p.name)] == []
    backups = sorted(root.rglob("*.manual.sqlite3"))
    assert [p.parent.name for p in backups] == ["backups", "usb"]
    assert all(names_in(b, key) == NAMES for b in backups)
    assert crypto.parse_recovery_key(out.strip().splitlines()[-1]) == key


@needs_strace
def test_encrypt_killed_anywhere_is_finished_by_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a plain practice with backups in two folders and an unfinished backup
    template = tmp_path / "template"
    _template(template, monkeypatch)
    monkeypatch.setitem(encryption.encrypt.__kwdefaults__, "params", FAST)
    monkeypatch.setenv("PRACTICE_PASSPHRASE", PASSPHRASE)
    server = KillServer()
    states: Counter[str] = Counter()
    swept: set[str] = set()
    try:
        for syscall, nth in kill_points(SWEEP):
            if syscall in swept:
                continue
            root = tmp_path / f"{syscall.split(',')[0]}-{nth}"
            copy_practice(template, root)
            env = {"PRACTICE_DATA_DIR": str(root / "data"), "PRACTICE_PASSPHRASE": PASSPHRASE}
            # When `practice encrypt` is killed at this call
            status = server.run(root, env, ["encrypt", "--db", "practice.sqlite3"], syscall, nth)
            if status != KILLED:  # it finished before the nth call: this kind is swept
                assert status == 0, (root / "out.txt").read_text()
                swept.add(syscall)
                continue
            # Then the practice is whole, plain or encrypted
            states[_after_kill(root)] += 1
            # When it is run again, Then everything is encrypted and the key is shown
            (root / "out.txt").unlink()
            monkeypatch.setenv("PRACTICE_DATA_DIR", str(root / "data"))
            capsys.readouterr()
            assert main(["encrypt", "--db", str(root / "practice.sqlite3")]) == 0
            _finished(root, capsys.readouterr().out)
            shutil.rmtree(root)
    finally:
        server.close()
    # the kills fell on both sides of the swap
    assert states["plain"] >= 5 and states["encrypted"] >= 5, states
