"""Plain-Python core: vocabulary, value objects and clinical rules. No Qt, no SQLAlchemy."""
