"""Fault-injection sweep: kill commands at their writes, renames, unlinks and fsyncs.

    python benchmarks/fault_sweep.py [--limit 60] [--per-family N] [--jobs 2] [COMMAND ...]

Runs the harness of tests/reliability/test_fault_sweep.py over the kill points of
each command (the first ``--limit`` calls of each syscall, every call with
``--limit 0``; ``--per-family N`` instead spreads N points over each syscall family,
as the test does) and prints the table (command, syscall family, calls traced, kill
points, not reached, held, broken) and every broken case. Needs strace and ptrace.
Exits 1 if any case broke. Every kill point of every command takes about an hour on
2 cores; ``--limit 40`` about 12 minutes.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "reliability"))

from fault_specs import BY_NAME, COMMANDS  # noqa: E402

from fault_sweep import Report, strace_problem, sweep, table  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("commands", nargs="*", metavar="COMMAND", help=", ".join(BY_NAME))
    parser.add_argument(
        "--limit", type=int, default=60, help="kill points per syscall (0: every one)"
    )
    parser.add_argument("--per-family", type=int, default=None, help="spread N per family")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    args = parser.parse_args()
    unknown = [n for n in args.commands if n not in BY_NAME]
    if unknown:
        parser.error(f"unknown command {unknown[0]!r}; one of {', '.join(BY_NAME)}")
    problem = strace_problem()
    if problem:
        print(f"cannot sweep: {problem}", file=sys.stderr)
        return 2
    chosen = [BY_NAME[n] for n in args.commands] if args.commands else list(COMMANDS)
    reports: list[Report] = []
    started = time.monotonic()
    for command in chosen:
        t0 = time.monotonic()
        report = sweep(
            command,
            per_family=args.per_family,
            limit=None if args.per_family or not args.limit else args.limit,
            jobs=args.jobs,
            progress=None if args.quiet else lambda line: print(line, file=sys.stderr),
        )
        reports.append(report)
        print(
            f"{command.name}: {len(report.found)} kill points found, "
            f"{len(report.outcomes)} tried in {time.monotonic() - t0:.0f} s",
            file=sys.stderr,
        )
    print(table(reports))
    print(f"({time.monotonic() - started:.0f} s, {args.jobs} jobs)")
    failures = [line for r in reports for line in r.failures()]
    if failures:
        print("\nbroken:")
        for line in failures:
            print(f"  {line}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
