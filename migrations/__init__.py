"""Alembic migration scripts (run by practice.db.migrate)."""
