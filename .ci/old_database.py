"""Write a Practice database at an old schema revision, holding one fictional client.

Usage: python old_database.py PATH [REVISION]   (default revision: 0001_initial)

Run with the interpreter of an installed Practice: the schema comes from that
installation's own migration scripts (``practice.migrations``), as a user's old file would.
"""

from __future__ import annotations

import sys
from pathlib import Path

from alembic import command

from practice.db import migrate
from practice.db.engine import make_engine

# The clients table as revision 0001 created it.
ONE_CLIENT = (
    "INSERT INTO clients (first_name, last_name, sort_name, identity_key, language,"
    " literacy_level, large_print, preferred_modality, reminder_channel, cannot_postpone,"
    " status, created_at, updated_at) VALUES ('Ines', 'Ferreira', 'ferreira ines',"
    " 'ines ferreira|', 'es', 'easy', 0, 'paper', 'none', 0, 'active',"
    " '2026-01-01 10:00:00', '2026-01-01 10:00:00')"
)


def write_old_database(path: Path, revision: str = "0001_initial") -> None:
    """Create ``path`` at ``revision`` with one client in it."""
    if path.exists():
        raise SystemExit(f"{path} exists; give a new path")
    config = migrate.alembic_config()
    engine = make_engine(path, foreign_keys=False)
    try:
        with engine.connect() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
            conn.exec_driver_sql(ONE_CLIENT)
            conn.commit()
    finally:
        engine.dispose()


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__)
    write_old_database(Path(sys.argv[1]), *sys.argv[2:])
