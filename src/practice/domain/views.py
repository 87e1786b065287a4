"""Plain views that the services hand out and the prep data is made of: an appointment,
a conditional-sessions period, a resistance observation and an item to raise.

Built by ``practice.services`` (``appointments``, ``conditional``, ``observations``) from
the database; read by the GUI, the CLI and ``practice.sheets``. Also the two clock
helpers they need: "a day" is a day on the therapist's computer clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from practice.domain.vocabulary import AppointmentStatus, ResistanceGroup, ResistanceKind

# ---- local days -----------------------------------------------------------------


def local_date(moment: datetime) -> date:
    """The day ``moment`` falls on by the computer's clock."""
    return moment.astimezone().date()


def local_start(day: date) -> datetime:
    """Midnight at the start of ``day`` by the computer's clock, as an aware time."""
    return datetime.combine(day, time()).astimezone()


# ---- views ----------------------------------------------------------------------


@dataclass(frozen=True)
class AppointmentView:
    id: int
    client_id: int
    client_name: str  # "Last, First (Preferred)"
    starts_at: datetime  # aware, UTC
    duration_minutes: int
    status: AppointmentStatus
    status_reason: str | None
    has_note: bool
    series_id: int | None = None  # a repeating series it belongs to
    cannot_postpone: bool = False  # the client's flag, shown wherever the session is
    cannot_postpone_reason: str | None = None
    # the row's version as read; pass it back when saving (``practice.services.versions``)
    version: int | None = None

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def local_day(self) -> date:
        return local_date(self.starts_at)


@dataclass(frozen=True)
class PeriodView:
    id: int
    client_id: int
    starts_on: date
    ends_on: date | None  # None: still on; otherwise no longer on from that day
    reason: str
    agreed_on: date
    override_reason: str | None
    created_at: datetime
    warnings: tuple[str, ...] = ()  # from check_opening, when just opened
    # 1 while on, 2 once ended (its only change): pass it back to end_period
    version: int | None = None

    def covers(self, day: date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day < self.ends_on)

    def is_open(self, today: date) -> bool:
        """On today, or agreed to start later."""
        return self.ends_on is None or today < self.ends_on


@dataclass(frozen=True)
class ObservationView:
    id: int
    note_id: int
    kind: ResistanceKind
    text: str | None
    raise_next_session: bool
    raised_at: datetime | None
    amendment_id: int | None  # set when added to a signed note by an amendment
    created_at: datetime
    version: int | None = None  # pass it back when saving (``practice.services.versions``)

    @property
    def group(self) -> ResistanceGroup:
        return self.kind.group

    @property
    def label(self) -> str:
        return self.kind.label


@dataclass(frozen=True)
class RaiseItem:
    observation: ObservationView
    appointment_id: int
    session_at: datetime  # when the session that recorded it took place
