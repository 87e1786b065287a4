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

:class:`ChangedElsewhereError` is defined here (the services take it from
``practice.services.versions``) so that the database's own unit of work
(``Database.session()``) can turn a ``StaleDataError`` at commit into it
(:func:`changed_elsewhere`): no save ever ends in SQLAlchemy's raw refusal.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import String, event, inspect, select, text
from sqlalchemy.orm import (
    Mapped,
    Mapper,
    Session,
    declared_attr,
    mapped_column,
    object_session,
)

from practice.db.base import utcnow
from practice.db.computer import NAME_MAX, computer_name
from practice.errors import ServiceError
from practice.text import QT_TRANSLATE_NOOP, shown_date


class ChangedElsewhereError(ServiceError):
    """The row was saved meanwhile on ``computer`` at ``at``; nothing was written."""

    def __init__(self, computer: str | None, at: datetime | None) -> None:
        self.computer = computer or QT_TRANSLATE_NOOP("versions", "another computer")
        self.at = at
        super().__init__(
            QT_TRANSLATE_NOOP(
                "versions",
                "This was changed on {computer} at {time}: reload to see that change, "
                "then make yours again.",
            ).format(computer=self.computer, time=when(at))
        )


def when(at: datetime | None) -> date | str:
    """ "6 Dec 10:32", on this computer's clock (in the GUI's locale when shown there)."""
    if at is None:
        return QT_TRANSLATE_NOOP("versions", "an unknown time")
    return shown_date(at.astimezone(), "{0.day} {0:%b} {0:%H:%M}")


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


WRITES = "versioned_writes"  # Session.info key: what the current flush writes


@event.listens_for(Session, "before_flush")
def _remember_writes(db: Session, _context: Any, _instances: Any) -> None:
    """Remember the versioned rows a flush is about to update or delete, with the
    version each was read at: a failed flush forgets them (its objects are expired),
    and :func:`changed_elsewhere` needs them to say who changed what."""
    db.info[WRITES] = [
        (state.mapper, state.identity, state.attrs.version.loaded_value)
        for row in (*db.dirty, *db.deleted)
        if isinstance(row, Versioned) and (state := inspect(row)).identity is not None
    ]


def changed_elsewhere(db: Session) -> ChangedElsewhereError:
    """The refusal of a unit of work whose flush or commit failed with ``StaleDataError``
    (an UPDATE or DELETE of a versioned row matched nothing: another computer saved or
    removed it since this session read it). Rolls ``db`` back, then names the computer
    and time of the newest such change among the rows this session was writing, or
    "another computer" when none can be found (a row removed meanwhile)."""
    held: list[tuple[Mapper[Any], tuple[Any, ...], Any]] = db.info.pop(WRITES, [])
    db.rollback()
    changed: list[tuple[str | None, datetime]] = []
    for mapper, identity, version in held:
        table = mapper.local_table
        keys = list(mapper.primary_key)
        found = db.execute(
            select(table.c.version, table.c.changed_by_computer, table.c.changed_at).where(
                *(key == value for key, value in zip(keys, identity, strict=True))
            )
        ).first()
        if found is not None and found.version != version and found.changed_at is not None:
            changed.append((found.changed_by_computer, found.changed_at))
    db.rollback()
    if not changed:
        return ChangedElsewhereError(None, None)
    computer, at = max(changed, key=lambda c: c[1])
    return ChangedElsewhereError(computer, at)
