"""The demo practice as of a fixed Wednesday, for the prep and Today tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from practice.db import migrate
from practice.db.engine import Database
from practice.services import demo

DEMO_TODAY = date(2025, 3, 12)  # a Wednesday


@contextmanager
def demo_practice(folder: Path) -> Iterator[tuple[Database, demo.DemoSummary]]:
    path = folder / "demo.sqlite3"
    migrate.upgrade(path)
    database = Database(path)
    try:
        with database.session() as session:
            # Appointments on the computer's clock: Practice reads "a day" by it too.
            summary = demo.seed_demo(session, today=DEMO_TODAY)
        yield database, summary
    finally:
        database.dispose()
