"""PySide6 views, table models and dialogs. Calls services; never builds queries."""
