"""Saving over a change made meanwhile elsewhere is refused (issue 17, point 3).

A view carries the ``version`` of the row it was read from; the form that edits it
passes that version back with the save (``version=`` in the update input or
argument). :func:`check` compares it with the row's before anything is changed; a
difference means another computer (or another window) saved the row meanwhile, and
:class:`ChangedElsewhereError` says where and when: "changed on office-pc at 6 Dec
10:32: reload". Nothing is written, and the form keeps what the user entered (the GUI
shows the message and offers to reload). ``version=0`` means "there was none when
loaded" (a note made meanwhile elsewhere is not overwritten either); ``version=None``
skips the check (a caller that did not load the row, such as an import).

:func:`flush` turns SQLAlchemy's own refusal (``StaleDataError``: the row changed
between this save's read and its write, a race inside one unit of work) into the same
error.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from practice.db.base import utcnow
from practice.db.versions import Versioned
from practice.services.errors import ServiceError
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


def check(row: Versioned, version: int | None) -> None:
    """Refuse when ``row`` is no longer at the ``version`` the user loaded."""
    if version is not None and row.version != version:
        raise ChangedElsewhereError(row.changed_by_computer, row.changed_at)


def check_set(
    db: Session, model: type[Any], current: Sequence[Any], loaded: Mapping[int, int] | None
) -> None:
    """Refuse when a set of rows (a client's goals) is no longer the set the user loaded
    (``loaded``: id -> version): a row changed, added or retired meanwhile."""
    if loaded is None or {row.id: row.version for row in current} == dict(loaded):
        return
    rows = [*current, *(db.get(model, row_id) for row_id in loaded)]
    changed = [row for row in rows if row is not None and row.changed_at is not None]
    newest = max(changed, key=lambda row: row.changed_at, default=None)
    if newest is None:
        raise ChangedElsewhereError(None, None)
    raise ChangedElsewhereError(newest.changed_by_computer, newest.changed_at)


def touch(row: Versioned) -> None:
    """Count ``row`` as changed (a new version) when only rows beside it changed, such
    as a review's barriers."""
    row.changed_at = utcnow()


def flush(db: Session, row: Versioned) -> None:
    """Flush, turning a race with another computer into :class:`ChangedElsewhereError`."""
    try:
        db.flush()
    except StaleDataError:
        db.rollback()
        fresh = db.get(type(row), db.identity_key(instance=row)[1], populate_existing=True)
        if fresh is None:
            raise ChangedElsewhereError(None, None) from None
        raise ChangedElsewhereError(fresh.changed_by_computer, fresh.changed_at) from None
