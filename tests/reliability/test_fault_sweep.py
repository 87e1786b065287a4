"""Fault-injection sweep, the CI part: each command killed with SIGKILL on entering a
write, rename, unlink or fsync call (strace), then checked as the user would find it.

Six kill points per syscall family and command, spread over the run from its first call
to its last; ``benchmarks/fault_sweep.py`` runs every kill point. The invariants are in
``fault_specs``: the old state or the new one, intact and openable, never neither;
nothing plaintext once encryption reported success or the next run completed it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fault_specs import BY_NAME, COMMANDS

from fault_sweep import (
    FAMILIES,
    Cli,
    CliServer,
    Command,
    KillPoint,
    Run,
    Sandbox,
    Trial,
    choose,
    parse_trace,
    strace_problem,
    sweep,
)

PER_FAMILY = 6
JOBS = 2
NOT_HERE = strace_problem()


@pytest.mark.skipif(NOT_HERE is not None, reason=f"fault sweep: {NOT_HERE}")
@pytest.mark.parametrize("command", COMMANDS, ids=[c.name for c in COMMANDS])
def test_a_killed_command_leaves_the_old_state_or_the_new(command: Command, tmp_path: Path) -> None:
    # Given the command's before state (a demo practice with its backups, an export
    # folder to write, a CSV to import, or nothing for seed-demo)
    # When the command is killed at up to six points of each syscall family
    report = sweep(command, per_family=PER_FAMILY, jobs=JOBS, workdir=tmp_path)

    # Then every kill point was reached, and after each the user finds the old state or
    # the new one, both after the kill and after the next start
    assert len(report.found) >= 10, f"{command.name}: too few calls traced: {report.found}"
    problems = [
        f"{command.name} {o.point.label()}: never reached (fewer calls than the reference run)"
        for o in report.outcomes
        if not o.killed
    ]
    problems += report.failures()
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


def test_kill_points_are_counted_per_process_and_syscall(tmp_path: Path) -> None:
    # Given an strace -f -y trace of two processes
    trace = (
        f'10 write(3<{tmp_path}/data/practice.sqlite3.lock>, "{{", 1) = 1\n'
        "10 fdatasync(4</x/y-journal>) = 0\n"
        f'11 rename("{tmp_path}/data/a.partial", "{tmp_path}/data/a") = 0\n'
        '10 write(1<pipe:[5]>, "ok\\n", 3 <unfinished ...>\n'
        '11 write(2<pipe:[6]>, "x", 1) = 1\n'
        "10 <... write resumed>) = 3\n"
        '10 openat(AT_FDCWD, "/etc/passwd", O_RDONLY) = 5\n'
    )

    # When it is read
    points = parse_trace(trace, tmp_path)

    # Then each traced call is a kill point numbered within its process and syscall, in
    # the order of the run (the same number in two processes is one point), paths relative
    assert [p.label() for p in points] == ["write #1", "fdatasync #1", "rename #1", "write #2"]
    assert points[0].call.startswith('write(3<data/practice.sqlite3.lock>, "{", 1)')
    assert points[2].call == 'rename("data/a.partial", "data/a") = 0'
    assert points[3].call == 'write(1<pipe:[5]>, "ok\\n", 3'


def test_kill_points_are_spread_over_each_family() -> None:
    # Given 10 pwrite64 and write calls, 2 renames and one fsync, in the order of the run
    writes = [KillPoint("pwrite64" if i % 2 else "write", i // 2 + 1) for i in range(10)]
    points = [*writes, KillPoint("rename", 1), KillPoint("rename", 2), KillPoint("fsync", 1)]

    # When four of each family are chosen
    chosen = choose(points, 4)

    # Then families with four or fewer keep all; the writes keep the first, the last and
    # two evenly between
    assert [p.label() for p in chosen] == [
        "fsync #1",
        "rename #1",
        "rename #2",
        "write #1",
        "pwrite64 #2",
        "write #4",
        "pwrite64 #5",
    ]
    assert choose(points, None) == sorted(points, key=lambda p: list(FAMILIES).index(p.family))


@pytest.fixture
def server() -> Iterator[CliServer]:
    started = CliServer()
    yield started
    started.close()


def _before(command: Command, root: Path, server: CliServer) -> tuple[Sandbox, dict[str, Any]]:
    box = Sandbox(root)
    (box.root / "home").mkdir(parents=True)
    box.data.mkdir()
    return box, command.setup(box, Cli(server, box))


def test_the_checks_see_half_an_import(tmp_path: Path, server: CliServer) -> None:
    # Given the import's before state and what the complete import left
    command = BY_NAME["import-clients"]
    before, facts = _before(command, tmp_path / "before", server)
    box = before.copy_to(tmp_path / "after")
    cli = Cli(server, box)
    assert cli(*command.argv(facts)).rc == 0
    command.learn(box, cli, facts)

    # When one of the three imported clients is taken out again by hand
    with sqlite3.connect(box.db) as conn:
        conn.execute("DELETE FROM clients WHERE id = (SELECT max(id) FROM clients)")
    trial = Trial(box, cli, facts, Run(-9))
    command.after_kill(trial)

    # Then the check says the clients are neither the old set nor all rows
    assert len(trial.problems) == 1, trial.problems
    assert trial.problems[0].startswith("after the kill: 16 clients, which is neither before (14)")
    assert "all rows (17): missing 1" in trial.problems[0]


def test_the_checks_see_a_lost_practice(tmp_path: Path, server: CliServer) -> None:
    # Given the restore's before state (a practice and yesterday's backup)
    command = BY_NAME["restore"]
    box, facts = _before(command, tmp_path / "before", server)

    # When the practice file is gone
    box.db.unlink()
    trial = Trial(box, Cli(server, box), facts, Run(-9))
    command.after_kill(trial)

    # Then the check says so and lists what is left in the data folder
    assert len(trial.problems) == 1, trial.problems
    assert trial.problems[0].startswith("after the kill: there is no practice file; the data")
    assert "practice.sqlite3.audit-key" in trial.problems[0]
