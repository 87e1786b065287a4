"""Start-up of the Linux bundle against the installed app, on the same machine and run.

    packaging/build-linux.sh                      # makes dist/practice/practice
    python benchmarks/bundle_startup.py [--runs 5] [--bundle dist/practice/practice]

Each program is started in turn (bundle, installed, bundle, ...) so that both meet the
same machine state. Measured, as wall time from the process's start:

- ``--version``: the program's start alone (interpreter, then the command line);
- ``check``: a command that opens the practice, migrates nothing and reads it all;
- the window: the app on a demo practice, Qt offscreen, until its log says
  "window shown" (``practice.app``), after which it is sent SIGTERM.

The installed app is the ``practice`` script beside this Python (a virtual environment
with Practice installed). Prints the median and the fastest run of each.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WINDOW_SHOWN = "window shown"


def _environment(home: Path) -> dict[str, str]:
    """A bare environment: nothing of a virtual environment reaches the bundle."""
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "PRACTICE_DATA_DIR": str(home / "data"),
        "QT_QPA_PLATFORM": "offscreen",
    }


def _command(program: Path, args: list[str], home: Path) -> float:
    started = time.perf_counter()
    subprocess.run([str(program), *args], env=_environment(home), check=True, capture_output=True)
    return time.perf_counter() - started


def _window(program: Path, db: Path, home: Path) -> float:
    log = home / "data" / "logs" / "practice.log"
    log.unlink(missing_ok=True)
    started = time.perf_counter()
    app = subprocess.Popen(
        [str(program), "--db", str(db)],
        env=_environment(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            if log.exists() and WINDOW_SHOWN in log.read_text(encoding="utf-8"):
                return time.perf_counter() - started
            if app.poll() is not None:
                raise SystemExit(f"{program} ended before its window was shown")
            if time.perf_counter() - started > 120:
                raise SystemExit(f"{program} showed no window in 120 s")
            time.sleep(0.005)
    finally:
        app.send_signal(signal.SIGTERM)
        app.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "practice" / "practice")
    parser.add_argument("--installed", type=Path, default=Path(sys.executable).parent / "practice")
    args = parser.parse_args()
    programs = {"bundle": args.bundle.resolve(), "installed": args.installed}
    for name, program in programs.items():
        if not os.access(program, os.X_OK):
            raise SystemExit(f"no {name} app at {program} (packaging/build-linux.sh makes one)")

    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        db = home / "demo.sqlite3"
        _command(programs["installed"], ["seed-demo", "--create", "--db", str(db)], home)
        measures: dict[str, Callable[[Path], float]] = {
            "--version": lambda p: _command(p, ["--version"], home),
            "check": lambda p: _command(p, ["check", "--db", str(db)], home),
            "window": lambda p: _window(p, db, home),
        }
        times: dict[tuple[str, str], list[float]] = {}
        for measure, run in measures.items():
            for program in programs.values():
                run(program)  # a first, uncounted run: files in the page cache
            for _ in range(args.runs):
                for name, program in programs.items():
                    times.setdefault((measure, name), []).append(run(program))

    print(f"start-up, seconds (median / fastest of {args.runs}), Qt offscreen")
    print(f"{'':12}{'bundle':>16}{'installed':>16}{'bundle/installed':>20}")
    for measure in measures:
        cells = []
        for name in programs:
            runs = times[(measure, name)]
            cells.append(f"{statistics.median(runs):7.2f} / {min(runs):5.2f}")
        ratio = statistics.median(times[(measure, "bundle")]) / statistics.median(
            times[(measure, "installed")]
        )
        print(f"{measure:12}{cells[0]:>16}{cells[1]:>16}{ratio:>20.2f}")
    print(f"bundle: {programs['bundle']}\ninstalled: {programs['installed']}")


if __name__ == "__main__":
    main()
