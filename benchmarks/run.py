"""The performance instrument: medians over repeated runs, each beside its target.

    python benchmarks/generate.py --db /tmp/big.sqlite3
    python benchmarks/run.py --db /tmp/big.sqlite3 [--repeat 5]
    python benchmarks/run.py --db postgresql://user@host/name [--from /tmp/big.sqlite3]

On a PostgreSQL database (issue 17, point 7) the same practice is measured on the
server: the 10-year file (``--from``, generated first when missing) is moved there
with ``practice move`` when the database is empty, and reused when it already holds
the practice. The start-up rows open the app window on the server the same way
(its data folder, where a server's daily backup goes, is a temporary one).

Startup is measured in child processes (benchmarks/startup_probe.py): from process
start to the client list populated and painted, and in the same run the floor, a
process that imports PySide6 and SQLAlchemy and paints an empty main window.
The rest is measured in this process on the same database. Qt runs offscreen.
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from practice.db.location import Location

HERE = Path(__file__).resolve().parent
Place: TypeAlias = "Path | Location"
SCREEN = HERE.parent / "tests" / "offscreen.json"


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    target: str
    ok: bool | None


def median(values: list[float]) -> float:
    return statistics.median(values)


def timed_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return median(times)


PROBE_DATA = tempfile.mkdtemp(prefix="practice-bench-")
atexit.register(shutil.rmtree, PROBE_DATA, ignore_errors=True)


def probe(*args: str) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={SCREEN}"}
    env["PROBE_T0"] = repr(time.time())
    env["PRACTICE_DATA_DIR"] = PROBE_DATA  # a server's daily backup lands there, not in yours
    done = subprocess.run(
        [sys.executable, str(HERE / "startup_probe.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def longest_history_client(db: Place) -> int:
    from sqlalchemy import text

    from practice.db.engine import Database

    database = Database(db)
    try:
        with database.session() as session:
            found = session.execute(
                text(
                    "SELECT client_id FROM appointments GROUP BY client_id "
                    "ORDER BY count(*) DESC, client_id LIMIT 1"
                )
            ).scalar_one()
    finally:
        database.dispose()
    return int(found)


def on_server(url: str, source: Path) -> tuple[Place, Figure | None]:
    """The server database holding the 10-year practice: ``source`` (generated when
    missing) moved there by ``practice move`` when the database is empty."""
    from practice.cli import main as practice
    from practice.db import migrate
    from practice.db.location import parse

    place = parse(url)
    if migrate.inspect(place).exists:
        print(f"{place.display} already holds a practice: measured as it is", file=sys.stderr)
        return place, None
    if not source.exists():
        import generate  # type: ignore[import-not-found]

        if generate.main(["--db", str(source)]) != 0:
            raise SystemExit(f"could not generate {source}")
    started = time.perf_counter()
    if practice(["--db", str(source), "move", "--to", url]) != 0:
        raise SystemExit(f"could not move {source} to {place.display}")
    seconds = time.perf_counter() - started
    return place, Figure("move the practice from its file (once)", seconds * 1000, "ms", "—", None)


def startup_figures(db: Place, client_id: int, repeat: int) -> list[Figure]:
    floors, apps, opens, rss = [], [], [], []
    for _ in range(repeat):  # interleaved, so both see the same machine state
        floors.append(probe("floor")["ready"])
        url = getattr(db, "url", None)
        address = url.render_as_string(hide_password=False) if url is not None else str(db)
        app = probe("app", address, str(client_id))
        apps.append(app["ready"])
        opens.append(app["open_client_ms"])
        rss.append(app["peak_rss_mb"])
    floor_s, app_s = median(floors), median(apps)
    ratio = app_s / floor_s
    return [
        Figure("floor: empty window painted", floor_s * 1000, "ms", "—", None),
        Figure("start to client list painted", app_s * 1000, "ms", "—", None),
        Figure("  ratio to the floor", ratio, "×", "≤ 1.5×", ratio <= 1.5),
        Figure("open the longest client's workspace", median(opens), "ms", "—", None),
        Figure("peak memory of the GUI process", max(rss), "MB", "< 250 MB", max(rss) < 250),
    ]


def client_list_figure(db: Place, repeat: int) -> Figure:
    """Reading the client list from the database (what the search then filters)."""
    from practice.db.engine import Database
    from practice.services import clients

    database = Database(db)

    def load() -> object:
        with database.session() as session:
            return clients.list_rows(session)

    load()
    value = timed_ms(load, repeat)
    database.dispose()
    return Figure("load the client list", value, "ms", "—", None)


def today_figure(db: Place, repeat: int) -> Figure:
    """The Today page's data: today's and tomorrow's appointments, reminders, checks."""
    from practice.db.engine import Database
    from practice.services.today import build_today

    database = Database(db)

    def build() -> object:
        with database.session() as session:
            return build_today(session)

    build()
    value = timed_ms(build, repeat * 4)
    database.dispose()
    return Figure("build Today", value, "ms", "—", None)


def search_figure(db: Place, repeat: int) -> Figure:
    from PySide6.QtWidgets import QApplication

    from practice.db.engine import Database
    from practice.services import clients
    from practice.ui.client_list import ClientList

    app = QApplication.instance() or QApplication([])
    database = Database(db)
    with database.session() as session:
        rows = clients.list_rows(session)
    widget = ClientList()
    widget.set_rows(rows)
    widget.resize(600, 700)
    widget.show()
    app.processEvents()
    word = "whitcombe"
    per_key: list[float] = []
    for _ in range(repeat):
        widget.search.clear()
        app.processEvents()
        for ch in word:
            started = time.perf_counter()
            widget.search.insert(ch)
            app.processEvents()
            per_key.append((time.perf_counter() - started) * 1000)
    database.dispose()
    value = median(per_key)
    return Figure(
        f"client search, per keystroke ({len(rows)} clients)", value, "ms", "< 16 ms", value < 16
    )


def sheet_figures(repeat: int) -> list[Figure]:
    from bench_sheets import SESSION, WEEK, requests, texts  # type: ignore[import-not-found]
    from practice.sheets.fonts import register_fonts
    from practice.sheets.sheet import SelfRecordSheet, SheetRequest, render_many

    register_fonts()
    all_texts = texts()
    one = SheetRequest(all_texts[0], "Mari", WEEK, SESSION, "K7M2QX")
    SelfRecordSheet(one).generate()
    single = timed_ms(lambda: SelfRecordSheet(one).generate(), repeat * 4)
    batch = requests(all_texts, 60)
    sixty = timed_ms(lambda: render_many(batch), repeat)
    return [
        Figure("one sheet", single, "ms", "< 25 ms", single < 25),
        Figure("60 sheets in one PDF", sixty, "ms", "< 2000 ms", sixty < 2000),
    ]


def prep_figures(db: Place, client_id: int, repeat: int) -> list[Figure]:
    try:
        from practice.services import prep
    except ImportError:
        return []
    from practice.db.engine import Database

    database = Database(db)
    figures = []

    def build() -> object:
        with database.session() as session:
            return prep.build_prep(session, client_id)

    build()
    value = timed_ms(build, repeat * 4)
    figures.append(
        Figure("build the prep data (longest history)", value, "ms", "< 50 ms", value < 50)
    )
    try:
        from practice.ui.prep_page import PrepPage
    except ImportError:
        PrepPage = None  # noqa: N806
    if PrepPage is not None:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication([])
        view = PrepPage(database)
        view.resize(1100, 700)
        view.show()

        def show() -> None:
            view.show_client(client_id)
            view.repaint()
            app.processEvents()

        show()
        value = timed_ms(show, repeat * 2)
        figures.append(
            Figure("show the prep view (longest history)", value, "ms", "< 100 ms", value < 100)
        )
    database.dispose()
    return figures


def what_works_figures(db: Place, repeat: int) -> list[Figure]:
    """The caseload report ("What works"): no target is set for it; shown for the record."""
    from datetime import date

    from practice.db.engine import Database
    from practice.domain.what_works import WhatWorksReport
    from practice.services.what_works import build_what_works
    from practice.sheets.what_works_pdf import WhatWorksPdf

    database = Database(db)

    def build() -> WhatWorksReport:
        with database.session() as session:
            return build_what_works(session)

    report = build()
    built = timed_ms(build, repeat)
    printed = timed_ms(lambda: WhatWorksPdf(report, today=date.today()).generate(), repeat)
    database.dispose()
    return [
        Figure("what works: build the caseload report", built, "ms", "—", None),
        Figure("what works: its PDF", printed, "ms", "—", None),
    ]


def print_table(figures: list[Figure]) -> None:
    width = max(len(f.name) for f in figures) + 2
    print(f"{'measure':<{width}} {'median':>10}  {'target':<10} ok")
    for f in figures:
        value = f"{f.value:,.1f} {f.unit}" if f.unit != "×" else f"{f.value:.2f}×"
        ok = "" if f.ok is None else ("yes" if f.ok else "NO")
        print(f"{f.name:<{width}} {value:>10}  {f.target:<10} {ok}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="the practice file, or postgresql://…")
    parser.add_argument(
        "--from",
        dest="source",
        type=Path,
        default=Path("/tmp/big.sqlite3"),
        help="with a postgresql:// --db: the 10-year practice file to move there "
        "(generated when missing; default /tmp/big.sqlite3)",
    )
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"
    sys.path.insert(0, str(HERE))
    figures: list[Figure] = []
    db: Place
    if args.db.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
        db, moved = on_server(args.db, args.source)
        figures += [moved] if moved else []
        shown = db.display
    else:
        db = shown = Path(args.db)
        if not db.exists():
            print(f"{db} does not exist; run benchmarks/generate.py first", file=sys.stderr)
            return 1
    client_id = longest_history_client(db)
    figures += startup_figures(db, client_id, args.repeat)
    figures.append(client_list_figure(db, args.repeat))
    figures.append(search_figure(db, args.repeat))
    figures.append(today_figure(db, args.repeat))
    figures += prep_figures(db, client_id, args.repeat)
    figures += what_works_figures(db, args.repeat)
    figures += sheet_figures(args.repeat)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; db: {shown}")
    print_table(figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
