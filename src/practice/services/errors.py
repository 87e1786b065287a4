"""Errors a service raises for the user to read."""

from __future__ import annotations

from collections.abc import Mapping

from practice.errors import ServiceError as ServiceError  # the base (``db`` raises one too)


class NotFoundError(ServiceError):
    pass


class ValidationError(ServiceError):
    """Input that cannot be saved. ``errors`` maps a field name to its message."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.errors.items()))
