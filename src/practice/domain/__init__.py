"""Plain-Python core: vocabulary, value objects and clinical rules. No Qt, no SQLAlchemy,
no presentation (docs/architecture.md, Domain, services, sheets, ui)."""
