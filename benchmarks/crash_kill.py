"""Crash-safety figures: kill writers with SIGKILL during writes, check the file after each.

    python benchmarks/crash_kill.py [--kills 300] [--seed N] [--max-delay 0.12] [--db PATH]

Runs the same harness as tests/reliability/test_crash_safety.py (a fork server
whose children write through the app's services) and prints the figures. The
database is a fresh migrated file in a temporary folder unless ``--db`` names one
(it must not exist yet). Exits non-zero if any check failed. POSIX only.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "reliability"))

from crash_child import run_kills  # noqa: E402

from practice.db import migrate  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20261126)
    parser.add_argument("--max-delay", type=float, default=0.12, help="seconds")
    parser.add_argument("--db", type=Path, help="a new database file to use")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db_path = args.db or Path(tmp) / "crash.sqlite3"
        if db_path.exists():
            parser.error(f"{db_path} exists; give a new file")
        migrate.upgrade(db_path)
        figures = run_kills(
            db_path,
            kills=args.kills,
            seed=args.seed,
            max_delay=args.max_delay,
            stderr_path=Path(tmp) / "child.err",
        )
        size = db_path.stat().st_size
    print(f"database: {size / 1024:.0f} KiB after the run")
    for failure in figures.failures[:20]:
        print(f"FAILED {failure}")
    print(figures.line())
    return 0 if not figures.failures else 1


if __name__ == "__main__":
    sys.exit(main())
