"""One module per job. Each function takes a Session, does one user action and returns
plain dataclasses. No Qt here (docs/architecture.md, Unit of work)."""
