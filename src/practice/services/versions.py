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
error; a ``StaleDataError`` at commit (``Database.session()``) becomes it too
(``practice.db.versions.changed_elsewhere``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from practice.db.base import utcnow
from practice.db.models import AuditEvent
from practice.db.versions import ChangedElsewhereError as ChangedElsewhereError
from practice.db.versions import Versioned, changed_elsewhere
from practice.db.versions import when as when


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


def check_audited(
    db: Session, entity: str, entity_id: int, current: int, version: int | None
) -> None:
    """The check for a row without a version column of its own (a conditional-sessions
    period): ``current`` is its version counted from what it holds, and the refusal
    names the computer and time of its last audit event (every change to it is
    audited)."""
    if version is None or current == version:
        return
    raise audited_change(db, entity, entity_id)


def audited_change(db: Session, entity: str, entity_id: int) -> ChangedElsewhereError:
    """The refusal naming who last changed ``entity`` ``entity_id``, from the audit trail."""
    last = db.execute(
        select(AuditEvent.computer, AuditEvent.at)
        .where(AuditEvent.entity == entity, AuditEvent.entity_id == entity_id)
        .order_by(AuditEvent.id.desc())
        .limit(1)
    ).first()
    if last is None:
        return ChangedElsewhereError(None, None)
    return ChangedElsewhereError(last.computer, last.at)


def touch(row: Versioned) -> None:
    """Count ``row`` as changed (a new version) when only rows beside it changed, such
    as a review's barriers."""
    row.changed_at = utcnow()


def flush(db: Session, row: Versioned | None = None) -> None:
    """Flush, turning a race with another computer into :class:`ChangedElsewhereError`
    (rolled back). It names the newest change among the rows being written (``row``
    or any other: a save that writes several rows is refused as one)."""
    try:
        db.flush()
    except StaleDataError:
        raise changed_elsewhere(db) from None
