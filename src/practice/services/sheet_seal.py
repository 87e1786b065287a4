"""The seal on a fillable sheet's code: a keyed hash only this practice can make.

The key is a random 256-bit secret in ``practice_meta`` (``sheet_seal_key``), made by
migration 0005 or, for a file that lacks it, on first use. It travels with the
practice (backups, encryption) and never leaves it: a sheet sealed by another
practice, or one whose code, appointment, print date, template, level, language,
number of blocks or form fields was edited, fails the check
(``practice.sheets.fillable.seal_matches``).
"""

from __future__ import annotations

import secrets
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from practice.db.models import Appointment, PracticeMeta
from practice.db.models.meta import SHEET_SEAL_KEY
from practice.domain.views import local_date, local_start
from practice.domain.vocabulary import AppointmentStatus
from practice.services.homework import AssignmentView
from practice.sheets.fillable import SheetSeal


def seal_key(db: Session) -> bytes:
    """The practice's sealing secret, made (and kept) the first time it is needed."""
    row = db.get(PracticeMeta, SHEET_SEAL_KEY)
    if row is None:
        row = PracticeMeta(key=SHEET_SEAL_KEY, value=secrets.token_hex(32))
        db.add(row)
        db.flush()
    return bytes.fromhex(row.value)


def due_appointment(db: Session, assignment: AssignmentView, today: date) -> int | None:
    """The session the sheet comes back at: the client's first scheduled appointment
    after ``today``, on or after the due date when there is one; None when none."""
    rows = db.execute(
        select(Appointment.id, Appointment.starts_at)
        .where(
            Appointment.client_id == assignment.client_id,
            Appointment.status == AppointmentStatus.SCHEDULED,
            Appointment.starts_at >= local_start(today + timedelta(days=1)),
        )
        .order_by(Appointment.starts_at, Appointment.id)
    ).all()
    due = assignment.due_date
    fitting = [r for r in rows if due is None or local_date(r.starts_at) >= due]
    chosen = fitting or rows
    return chosen[0].id if chosen else None


def seal_for(db: Session, assignment: AssignmentView, today: date) -> SheetSeal:
    """The seal of ``assignment``'s fillable sheet printed on ``today``."""
    return SheetSeal(
        assignment.id, due_appointment(db, assignment, today), seal_key(db), printed_on=today
    )
