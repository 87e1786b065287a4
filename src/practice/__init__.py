"""Practice: offline practice management for solo therapists."""

__version__ = "0.1.0"
