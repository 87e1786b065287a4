"""Optimistic versions: an edited row carries a counter and who changed it last.

Two computers on one practice (a PostgreSQL server, issue 17) can load the same row;
the second save must not silently overwrite the first. Each editable table has
(migration 0010):

- ``version``: SQLAlchemy's version counter (``version_id_col``), 1 when made and one
  more at every UPDATE, which is ``… WHERE id = ? AND version = ?``: a row changed
  meanwhile updates nothing and SQLAlchemy raises ``StaleDataError`` (a race inside
  one save);
- ``changed_by_computer`` and ``changed_at``: set here at every insert and update
  (``practice.db.computer``), so that the refusal can say where and when.

The services compare the version the user loaded (their views carry it) with the
row's before they change it (``practice.services.versions``); that is the check that
matters, since the user's form was loaded in an earlier unit of work. On SQLite with
one computer it changes nothing but protects two windows on the same practice.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import String, event, text
from sqlalchemy.orm import Mapped, Mapper, declared_attr, mapped_column, object_session

from practice.db.base import utcnow
from practice.db.computer import NAME_MAX, computer_name


class Versioned:
    """Mixin of an editable table: ``version``, ``changed_by_computer``, ``changed_at``."""

    version: Mapped[int] = mapped_column(default=1, server_default=text("1"))
    changed_by_computer: Mapped[str | None] = mapped_column(String(NAME_MAX))
    changed_at: Mapped[datetime | None]

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805  (declared_attr takes the class)
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


def _stamp(target: Versioned, at: datetime | None = None) -> None:
    target.changed_by_computer = computer_name()
    target.changed_at = at or utcnow()


@event.listens_for(Versioned, "before_insert", propagate=True)
def _on_insert(_mapper: Mapper[Any], _connection: Any, target: Versioned) -> None:
    # the first save is the making: a row made with its time (the demo's story, an
    # import) was saved then
    _stamp(target, getattr(target, "created_at", None))


@event.listens_for(Versioned, "before_update", propagate=True)
def _on_update(_mapper: Mapper[Any], _connection: Any, target: Versioned) -> None:
    db = object_session(target)
    # before_update also runs for rows whose changes cancel out: leave those alone
    if db is None or db.is_modified(target, include_collections=False):
        _stamp(target)
