"""A practice for a migration test on either engine (see tests/migrations/conftest.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine

from practice.db import migrate
from practice.db.engine import make_engine
from practice.db.location import Location, parse


class OldPractice:
    """A practice for a migration test, on one engine: built at a revision with Alembic,
    upgraded by the app (``target`` goes to ``migrate.upgrade``), read with plain SQL."""

    def __init__(self, kind: str, place: Path | str) -> None:
        self.kind = kind
        self.target: Path | Location = place if isinstance(place, Path) else parse(place)
        self.place = place
        if kind == "postgresql":
            import psycopg

            self.integrity_error: type[Exception] = psycopg.IntegrityError
        else:
            self.integrity_error = sqlite3.IntegrityError

    @contextmanager
    def engine(self) -> Iterator[Engine]:
        if isinstance(self.place, Path):
            engine = make_engine(self.place, foreign_keys=False)
        else:
            engine = create_engine(self.place)
        try:
            yield engine
        finally:
            engine.dispose()

    def alembic(self, action: str, revision: str) -> None:
        """``command.upgrade`` or ``command.downgrade`` on this practice."""
        with self.engine() as engine:
            config: Config = migrate.alembic_config()
            config.attributes["connection"] = engine
            getattr(command, action)(config, revision)

    @contextmanager
    def connect(self) -> Iterator[Any]:
        """A DB-API connection (sqlite3 or psycopg, both with ``execute``), committed
        when the block ends; foreign keys enforced on both."""
        if isinstance(self.place, Path):
            conn = sqlite3.connect(self.place)
            conn.execute("PRAGMA foreign_keys = ON")
            try:
                with conn:
                    yield conn
            finally:
                conn.close()
            return
        import psycopg

        url = self.place.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(url, autocommit=True) as pg:
            yield pg

    def script(self, conn: Any, sql: str) -> None:
        """Several statements separated by ``;``."""
        if isinstance(conn, sqlite3.Connection):
            conn.executescript(sql)
        else:
            conn.execute(sql)

    def tables(self) -> set[str]:
        with self.connect() as conn:
            if self.kind == "postgresql":
                query = "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            else:
                query = "SELECT name FROM sqlite_master WHERE type = 'table'"
            return {row[0] for row in conn.execute(query)}

    def ordered_columns(self, table: str) -> list[str]:
        """The columns of ``table`` in their order."""
        with self.connect() as conn:
            if self.kind == "postgresql":
                rows = conn.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = %s"
                    " ORDER BY ordinal_position",
                    (table,),
                )
                return [row[0] for row in rows]
            return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]

    def columns(self, table: str) -> set[str]:
        with self.connect() as conn:
            if self.kind == "postgresql":
                rows = conn.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = %s",
                    (table,),
                )
                return {row[0] for row in rows}
            return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
