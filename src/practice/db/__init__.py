"""Persistence: SQLAlchemy models, the engine with its pragmas, and the migration runner."""
