"""Fault-injection sweep, the CI part: each command killed with SIGKILL on entering a
write, rename, unlink or fsync call (strace), then checked as the user would find it.

Six kill points per syscall family and command, spread over the run from its first call
to its last; ``benchmarks/fault_sweep.py`` runs every kill point. The invariants are in
``fault_specs``: the old state or the new one, intact and openable, never neither;
nothing plaintext once encryption reported success or the next run completed it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fault_specs import COMMANDS

from fault_sweep import Command, strace_problem, sweep

PER_FAMILY = 6
JOBS = 2
NOT_HERE = strace_problem()

pytestmark = pytest.mark.skipif(NOT_HERE is not None, reason=f"fault sweep: {NOT_HERE}")


@pytest.mark.parametrize("command", COMMANDS, ids=[c.name for c in COMMANDS])
def test_a_killed_command_leaves_the_old_state_or_the_new(command: Command, tmp_path: Path) -> None:
    # Given the command's before state (a demo practice with its backups, an export
    # folder to write, a CSV to import, or nothing for seed-demo)
    # When the command is killed at up to six points of each syscall family
    report = sweep(command, per_family=PER_FAMILY, jobs=JOBS, workdir=tmp_path)

    # Then every kill point was reached, and after each the user finds the old state or
    # the new one, both after the kill and after the next start
    assert len(report.found) >= 10, f"{command.name}: too few calls traced: {report.found}"
    missed = [o.point.label() for o in report.outcomes if not o.killed]
    assert not missed, f"{command.name}: kill points not reached (the run changed?): {missed}"
    failures = report.failures()
    assert not failures, f"{len(failures)} problems:\n" + "\n".join(failures)
