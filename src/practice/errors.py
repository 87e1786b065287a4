"""The base of the errors written for the therapist to read.

It lives outside the layers so that ``db`` can raise one too (a save refused at
commit because the row changed meanwhile elsewhere, ``practice.db.versions``);
``practice.services.errors`` is where the services and the GUI take it from.
"""

from __future__ import annotations


class ServiceError(Exception):
    """Base: the message is written for the therapist."""
