"""The commands of the fault sweep and what must hold after each kill (the user's view).

Every check says what broke in one line. "Opens" means ``practice check`` exits 0;
client sets are ``"id Lastname"`` as ``practice clients`` (or a read-only probe of a
file) lists them. After the kill the checks only read; the next start runs what the
user runs next: ``practice clients`` (which opens the practice as the app does),
``practice check``, and for some commands the command again.
"""

from __future__ import annotations

import csv
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from fault_sweep import Cli, Command, Run, Sandbox, Trial

PASSPHRASE = "fault sweep first passphrase"
NEW_PASSPHRASE = "fault sweep second passphrase"
SQLITE_MAGIC = b"SQLite format 3\x00"
STAMP = re.compile(r"\d{8}T\d{6}Z")  # in a backup's name: when it was taken (UTC)
RECOVERY_KEY = re.compile(r"\b[A-Z2-7]{4}(?:-[A-Z2-7]{4}){13}\b")
NEW_CLIENTS = (  # fictional
    "first_name,last_name,birth_date\n"
    "Odalys,Fennimore,1984-03-02\n"
    "Ansel,Trevithick,1990-11-23\n"
    "Maelle,Quarrington,1977-06-15\n"
)

# --- setup -----------------------------------------------------------------------------


def _must(run: Run, what: str) -> Run:
    if run.rc != 0:
        raise RuntimeError(f"setup: {what} failed (exit {run.rc}): {run.said()}")
    return run


def create_flag(cli: Cli) -> list[str]:
    """``--create`` when ``seed-demo`` has it (a new practice only when asked for)."""
    return ["--create"] if "--create" in cli("seed-demo", "--help").out else []


def listed(run: Run) -> frozenset[str]:
    """``practice clients`` output as ``"id Lastname"`` entries."""
    out = set()
    for line in run.out.splitlines():
        cells = line.split("\t")
        if len(cells) >= 2:
            out.add(f"{cells[0]} {cells[1].split(', ')[0]}")
    return frozenset(out)


def seed(cli: Cli) -> frozenset[str]:
    """The demo practice in the sandbox; its clients."""
    _must(cli("seed-demo", *create_flag(cli)), "practice seed-demo")
    return listed(_must(cli("clients"), "practice clients"))


def backup_now(cli: Cli, **env: str) -> str:
    """A checked backup in the default folder; its file name."""
    return Path(_must(cli("backup", **env), "practice backup").out.strip().splitlines()[-1]).name


def backdate(box: Sandbox, name: str, days: int = 1) -> str:
    """Rename a backup as if taken ``days`` earlier (the rotation keeps one a day)."""
    stamp = STAMP.search(name)
    assert stamp, f"no time in the backup name {name}"
    taken = datetime.strptime(stamp[0], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    new = name.replace(stamp[0], (taken - timedelta(days=days)).strftime("%Y%m%dT%H%M%SZ"))
    (box.backups / name).rename(box.backups / new)
    return new


# --- checks ----------------------------------------------------------------------------


def _problems(run: Run) -> str:
    lines = [
        line
        for line in (run.err + run.out).splitlines()
        if line.startswith(("problem:", "practice:", "result:", "integrity:", "schema:"))
    ]
    lines = [line for line in lines if not line.startswith(("integrity: ok", "result: ok"))]
    return "; ".join(lines[:4]) or run.said()


def opens(t: Trial, passphrase: str = "") -> bool:
    """``practice check`` exits 0 (with ``passphrase`` in PRACTICE_PASSPHRASE)."""
    env = {"PRACTICE_PASSPHRASE": passphrase} if passphrase else {}
    run = t.cli("check", **env)
    if run.rc != 0:
        t.broken(f"practice check exit {run.rc}: {_problems(run)}")
    return run.rc == 0


def cli_clients(t: Trial, passphrase: str = "") -> frozenset[str] | None:
    """``practice clients`` as the next start: the listed clients, None if it failed."""
    env = {"PRACTICE_PASSPHRASE": passphrase} if passphrase else {}
    run = t.cli("clients", **env)
    if run.rc != 0:
        t.broken(f"practice clients exit {run.rc}: {run.said()}")
        return None
    return listed(run)


def file_clients(t: Trial, path: Path, passphrase: str = "") -> frozenset[str] | None:
    """The clients in a file, read-only (None, and broken, when it cannot be read)."""
    got = t.cli.probe("clients", str(path), passphrase)
    if "error" in got:
        t.broken(f"{_rel(t, path)} cannot be read: {got['error']}")
        return None
    return frozenset(got["clients"])


def one_of(t: Trial, got: frozenset[str] | None, **allowed: frozenset[str]) -> str | None:
    """Which allowed client set ``got`` is; broken (saying how it differs) when none."""
    if got is None:
        return None
    for name, want in allowed.items():
        if got == want:
            return name
    diffs = []
    for name, want in allowed.items():
        missing, extra = sorted(want - got), sorted(got - want)
        diffs.append(
            f"{name} ({len(want)}): missing {len(missing)} {missing[:3]}, extra {len(extra)} "
            f"{extra[:3]}"
        )
    t.broken(f"{len(got)} clients, which is neither " + " nor ".join(diffs))
    return None


def _rel(t: Trial, path: Path) -> str:
    try:
        return str(path.relative_to(t.box.root))
    except ValueError:
        return str(path)


def good_backups(box: Sandbox) -> list[Path]:
    """The backups that count (``*.sqlite3``: not ``.partial``, not ``.failed``)."""
    if not box.backups.is_dir():
        return []
    return sorted(p for p in box.backups.iterdir() if p.suffix == ".sqlite3" and p.is_file())


def backups_sound(t: Trial, passphrase: str = "", which: str = "", other: str = "") -> None:
    """Every backup that counts passes the integrity check, opened with ``passphrase`` (the
    ``which`` one that opens the practice; ``other`` is the one that should not be needed)."""
    for path in good_backups(t.box):
        got = t.cli.probe("integrity", str(path), passphrase)
        if "error" in got:
            how = f" with the {which} passphrase that opens the practice" if which else ""
            still = ""
            if other and "error" not in t.cli.probe("integrity", str(path), other):
                still = " (only the other passphrase opens it: the key-file copies disagree)"
            t.broken(f"{_rel(t, path)} does not open{how}: {got['error']}{still}")
        elif got["problems"]:
            t.broken(f"{_rel(t, path)} fails the integrity check: {got['problems'][:2]}")


def plaintext(t: Trial, names: frozenset[str]) -> list[str]:
    """Files of the data folder that are plain SQLite or hold a client's name."""
    words = [entry.split(" ", 1)[1].encode() for entry in names]
    words = [w for w in words if len(w) >= 5]
    found = []
    for path in sorted(t.box.data.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data.startswith(SQLITE_MAGIC):
            found.append(f"{_rel(t, path)} is a plain SQLite file")
        elif any(w in data for w in words):
            found.append(f"{_rel(t, path)} holds client names in plain text")
    return found


# --- the commands ----------------------------------------------------------------------


class SeedDemo(Command):
    """seed-demo into an empty data folder: no practice, or the complete demo."""

    name = "seed-demo"

    def setup(self, box: Sandbox, cli: Cli) -> dict[str, Any]:
        return {"create": create_flag(cli)}

    def argv(self, facts: dict[str, Any]) -> list[str]:
        return ["seed-demo", *facts["create"]]

    def learn(self, box: Sandbox, cli: Cli, facts: dict[str, Any]) -> None:
        facts["demo"] = listed(cli("clients"))

    def _demo_there(self, t: Trial) -> bool:
        if not t.box.db.exists():
            return False
        got = t.cli.probe("clients", str(t.box.db))
        return got.get("clients") is not None and frozenset(got["clients"]) == t.facts["demo"]

    def after_kill(self, t: Trial) -> None:
        if not t.box.db.exists():
            return
        got = t.cli.probe("clients", str(t.box.db))
        clients = frozenset(got.get("clients") or ())
        if clients and clients != t.facts["demo"]:
            t.broken(f"a partial demo: {len(clients)} of {len(t.facts['demo'])} clients")
        elif clients:
            opens(t)

    def next_start(self, t: Trial) -> None:
        if not self._demo_there(t):
            run = t.cli(*self.argv(t.facts))
            if run.rc != 0:
                t.broken(f"practice seed-demo again exit {run.rc}: {run.said()}")
                return
        one_of(t, cli_clients(t), demo=t.facts["demo"])
        opens(t)


class ImportClients(Command):
    """import-clients of three rows: all of them or none."""

    name = "import-clients"

    def setup(self, box: Sandbox, cli: Cli) -> dict[str, Any]:
        (box.root / "new-clients.csv").write_text(NEW_CLIENTS, encoding="utf-8")
        return {"before": seed(cli)}

    def argv(self, facts: dict[str, Any]) -> list[str]:
        return ["import-clients", "new-clients.csv"]

    def learn(self, box: Sandbox, cli: Cli, facts: dict[str, Any]) -> None:
        facts["after"] = listed(cli("clients"))

    def after_kill(self, t: Trial) -> None:
        if opens(t):
            got = file_clients(t, t.box.db)
            one_of(t, got, before=t.facts["before"], **{"all rows": t.facts["after"]})

    def next_start(self, t: Trial) -> None:
        got = cli_clients(t)
        one_of(t, got, before=t.facts["before"], **{"all rows": t.facts["after"]})
        opens(t)


class Restore(Command):
    """restore of yesterday's backup over a practice with three more clients: the old
    practice or the backup's, and the previous file kept whenever it was replaced."""

    name = "restore"

    def setup(self, box: Sandbox, cli: Cli) -> dict[str, Any]:
        backup_set = seed(cli)
        name = backdate(box, backup_now(cli))
        (box.root / "new-clients.csv").write_text(NEW_CLIENTS, encoding="utf-8")
        _must(cli("import-clients", "new-clients.csv"), "practice import-clients")
        return {"backup": name, "backup set": backup_set, "before": listed(cli("clients"))}

    def argv(self, facts: dict[str, Any]) -> list[str]:
        return ["restore", facts["backup"]]

    def _states(self, t: Trial) -> dict[str, frozenset[str]]:
        return {"the old practice": t.facts["before"], "the backup": t.facts["backup set"]}

    def _kept_aside(self, t: Trial, which: str | None) -> None:
        if which != "the backup":
            return
        aside = sorted(t.box.data.glob("practice.before-restore-*.sqlite3"))
        held = [frozenset(t.cli.probe("clients", str(p)).get("clients") or ()) for p in aside]
        if t.facts["before"] not in held:
            t.broken(
                "the practice is the backup's, but no before-restore copy holds the previous "
                f"{len(t.facts['before'])} clients ({[p.name for p in aside]})"
            )

    def _backup_kept(self, t: Trial) -> None:
        path = t.box.backups / t.facts["backup"]
        if not path.exists():
            t.broken(f"the backup being restored, {_rel(t, path)}, is gone")
            return
        got = t.cli.probe("integrity", str(path))
        if "error" in got or got["problems"]:
            t.broken(f"the backup {_rel(t, path)} no longer passes: {got}")

    def after_kill(self, t: Trial) -> None:
        self._backup_kept(t)
        if not t.box.db.exists():
            files = [p.name for p in t.box.data.iterdir()]
            t.broken(f"there is no practice file; the data folder holds {files}")
            return
        if opens(t):
            self._kept_aside(t, one_of(t, file_clients(t, t.box.db), **self._states(t)))

    def next_start(self, t: Trial) -> None:
        self._kept_aside(t, one_of(t, cli_clients(t), **self._states(t)))
        opens(t)
        self._backup_kept(t)


class Backup(Command):
    """backup next to yesterday's: the practice untouched, every backup that counts sound,
    yesterday's still there."""

    name = "backup"

    def setup(self, box: Sandbox, cli: Cli) -> dict[str, Any]:
        before = seed(cli)
        return {"before": before, "old": backdate(box, backup_now(cli))}

    def argv(self, facts: dict[str, Any]) -> list[str]:
        return ["backup"]

    def _old_kept(self, t: Trial) -> None:
        if not (t.box.backups / t.facts["old"]).exists():
            t.broken(f"yesterday's backup {t.facts['old']} is gone")

    def after_kill(self, t: Trial) -> None:
        if opens(t):
            one_of(t, file_clients(t, t.box.db), before=t.facts["before"])
        backups_sound(t)
        self._old_kept(t)

    def next_start(self, t: Trial) -> None:
        one_of(t, cli_clients(t), before=t.facts["before"])
        run = t.cli("backup")
        if run.rc != 0:
            t.broken(f"practice backup again exit {run.rc}: {run.said()}")
        opens(t)
        backups_sound(t)
        self._old_kept(t)


def manifest(folder: Path) -> dict[str, int]:
    """Files of an export and their rows (CSV data rows, JSON items; README: its lines)."""
    out = {}
    for path in sorted(folder.iterdir()):
        if path.suffix == ".csv":
            with path.open(encoding="utf-8", newline="") as f:
                out[path.name] = max(sum(1 for _ in csv.reader(f)) - 1, 0)
        elif path.suffix == ".json":
            out[path.name] = len(json.loads(path.read_text(encoding="utf-8")))
        else:
            out[path.name] = len(path.read_text(encoding="utf-8").splitlines())
    return out


class Export(Command):
    """export -o exports/export: no folder or a complete one, a complete one audited, no
    partial folder left after the next start."""

    name = "export"

    def setup(self, box: Sandbox, cli: Cli) -> dict[str, Any]:
        (box.root / "exports").mkdir()
        return {"before": seed(cli)}

    def argv(self, facts: dict[str, Any]) -> list[str]:
        return ["export", "-o", "exports/export"]

    def learn(self, box: Sandbox, cli: Cli, facts: dict[str, Any]) -> None:
        facts["files"] = manifest(box.root / "exports" / "export")

    def _complete(self, t: Trial, name: str) -> bool:
        folder = t.box.root / "exports" / name
        if not folder.exists():
            return False
        try:
            got = manifest(folder)
        except (OSError, ValueError) as exc:
            t.broken(f"exports/{name} cannot be read: {exc}")
            return False
        want: dict[str, int] = t.facts["files"]
        wrong = [f"{f}: missing" for f in want if f not in got]
        wrong += [f"{f}: not in a complete export" for f in got if f not in want]
        for f, n in got.items():  # the trail grows by the exports themselves
            grows = f.startswith("audit_events.") and n >= want.get(f, 0)
            if f.endswith(".csv") and got.get(f[:-4] + ".json") != n:
                wrong.append(f"{f}: {n} rows, its JSON {got.get(f[:-4] + '.json')}")
            elif f in want and n != want[f] and not grows:
                wrong.append(f"{f}: {n} rows of {want[f]}")
        if wrong and got:
            t.broken(f"exports/{name} is incomplete: {'; '.join(wrong[:3])}")
        return not wrong

    def _audited(self, t: Trial, complete: int) -> None:
        got = t.cli.probe("audit", str(t.box.db), "", "export_all")
        if "error" in got:
            t.broken(f"the audit trail cannot be read: {got['error']}")
        elif got["events"] < complete:
            t.broken(
                f"{complete} complete export folder(s) but {got['events']} export event(s) "
                "in the audit trail"
            )

    def after_kill(self, t: Trial) -> None:
        self._audited(t, int(self._complete(t, "export")))
        if opens(t):
            one_of(t, file_clients(t, t.box.db), before=t.facts["before"])

    def next_start(self, t: Trial) -> None:
        one_of(t, cli_clients(t), before=t.facts["before"])
        opens(t)
        run = t.cli("export", "-o", "exports/again")
        if run.rc != 0:
            t.broken(f"practice export again exit {run.rc}: {run.said()}")
        complete = sum(self._complete(t, name) for name in ("export", "again"))
        self._audited(t, complete)
        for left in sorted((t.box.root / "exports").iterdir()):
            if left.name not in ("export", "again"):
                inside = sorted(p.name for p in left.rglob("*")) if left.is_dir() else []
                private = [n for n in inside if n.startswith(("clients.", "psychotherapy_notes."))]
                what = f"{len(inside)} files, among them {private}" if inside else "empty"
                t.broken(f"exports/{left.name} is left behind ({what})")


class Encrypt(Command):
    """encrypt a plain practice with a backup: it opens (plain or with the passphrase) with
    every client; nothing plain once encryption reported success or the next run of
    ``practice encrypt`` completes it; the recovery key shown and right."""

    name = "encrypt"
    env = {"PRACTICE_PASSPHRASE": PASSPHRASE}

    def setup(self, box: Sandbox, cli: Cli) -> dict[str, Any]:
        before = seed(cli)
        backup_now(cli)
        return {"before": before}

    def argv(self, facts: dict[str, Any]) -> list[str]:
        return ["encrypt"]

    def after_kill(self, t: Trial) -> None:
        if opens(t, PASSPHRASE):
            one_of(t, file_clients(t, t.box.db, PASSPHRASE), before=t.facts["before"])
        if "encrypted" in t.run.out:
            for leak in plaintext(t, t.facts["before"]):
                t.broken(f"encryption reported success, yet {leak}")

    def next_start(self, t: Trial) -> None:
        run = t.cli("encrypt", PRACTICE_PASSPHRASE=PASSPHRASE)
        done = run.rc == 0 or "already encrypted" in run.err
        if not done:
            t.broken(f"practice encrypt again exit {run.rc}: {run.said()}")
        one_of(t, cli_clients(t, PASSPHRASE), before=t.facts["before"])
        opens(t, PASSPHRASE)
        if not done:
            return
        if t.box.db.exists() and t.box.db.read_bytes()[:16] == SQLITE_MAGIC:
            t.broken(f"the practice is still not encrypted, yet encrypt says: {run.said()}")
        for leak in plaintext(t, t.facts["before"]):
            t.broken(f"encryption is done, yet {leak}")
        shown = RECOVERY_KEY.findall(t.run.out + run.out)
        if not shown:
            t.broken(
                "the recovery key was never shown (the killed run printed none; "
                f"practice encrypt again said: {run.said()})"
            )
        elif not t.cli.probe("recovery_key", str(t.box.db), PASSPHRASE, shown[-1]).get("ok"):
            t.broken("the recovery key shown does not open the practice")


class ChangePassphrase(Command):
    """change-passphrase of an encrypted practice with two backups: one passphrase, old or
    new, opens the practice and every backup (with the backup folder's key file)."""

    name = "change-passphrase"
    env = {"PRACTICE_PASSPHRASE": PASSPHRASE, "PRACTICE_NEW_PASSPHRASE": NEW_PASSPHRASE}

    def setup(self, box: Sandbox, cli: Cli) -> dict[str, Any]:
        before = seed(cli)
        backdate(box, backup_now(cli))
        _must(cli("encrypt", PRACTICE_PASSPHRASE=PASSPHRASE), "practice encrypt")
        backup_now(cli, PRACTICE_PASSPHRASE=PASSPHRASE)
        return {"before": before}

    def argv(self, facts: dict[str, Any]) -> list[str]:
        return ["change-passphrase"]

    def _passphrase(self, t: Trial) -> tuple[str, str, str] | None:
        """The passphrase that opens the practice, its name (old, new) and the other one."""
        got = t.cli.probe("opens_with", str(t.box.db), PASSPHRASE, NEW_PASSPHRASE)
        if got.get("index") is None:
            t.broken(f"neither the old nor the new passphrase opens the practice {got}")
            return None
        if got["index"] == 0:
            return PASSPHRASE, "old", NEW_PASSPHRASE
        return NEW_PASSPHRASE, "new", PASSPHRASE

    def after_kill(self, t: Trial) -> None:
        found = self._passphrase(t)
        if found is None:
            return
        passphrase, which, other = found
        if opens(t, passphrase):
            one_of(t, file_clients(t, t.box.db, passphrase), before=t.facts["before"])
        backups_sound(t, passphrase, which, other)
        for leak in plaintext(t, t.facts["before"]):
            t.broken(leak)

    def next_start(self, t: Trial) -> None:
        found = self._passphrase(t)
        if found is None:
            return
        passphrase, which, other = found
        one_of(t, cli_clients(t, passphrase), before=t.facts["before"])
        opens(t, passphrase)
        backups_sound(t, passphrase, which, other)


COMMANDS: tuple[Command, ...] = (
    Restore(),
    Encrypt(),
    ChangePassphrase(),
    Backup(),
    Export(),
    ImportClients(),
    SeedDemo(),
)
BY_NAME = {c.name: c for c in COMMANDS}
