"""Turns the demo stories into rows (see ``demo`` for the public entry point).

Rows get their ids here and go in by dependency, in four flushes: appointments;
notes, assignments and conditioning periods; what refers to those; link rows. The
database is empty of clients when this runs, so nothing else competes for the ids.
Every draw from the random generator happens in a fixed order, so a seed and a day
always give the same practice.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from types import ModuleType

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from practice.db.base import Base
from practice.db.models import (
    Appointment,
    AuditEvent,
    Client,
    ConditioningPeriod,
    DayBeforeCheck,
    HomeworkAssignment,
    HomeworkReview,
    NoteAmendment,
    PsychotherapyNote,
    ReminderLog,
    ResistanceObservation,
    ReviewBarrier,
    ReviewStrategy,
    SessionNote,
)
from practice.domain.vocabulary import (
    AppointmentStatus,
    AssignmentStatus,
    Barrier,
    ClientStatus,
    Frequency,
    Language,
    ReminderChannel,
    ResistanceKind,
    StageOfChange,
    TemplateKey,
)
from practice.services import clients, demo_es
from practice.services import demo_data as words
from practice.services.demo_story import (
    Call,
    Event,
    Homework,
    Story,
    draw_barriers,
    slot_days,
)
from practice.services.homework import CODE_ALPHABET, CODE_LENGTH

AS = AppointmentStatus
REVIEW_MINUTES = 10
INTAKE_MINUTES = 60
SESSION_MINUTES = 50

STATUS_BY_CHAR = {
    "i": AS.ATTENDED,
    "n": AS.NO_SHOW,
    "c": AS.CANCELLED_BY_CLIENT,
    "x": AS.CANCELLED_NO_SELF_RECORD,
    **{str(n): AS.ATTENDED for n in range(5)},
}
MODELS: tuple[type[Base], ...] = (
    Client,
    Appointment,
    SessionNote,
    NoteAmendment,
    PsychotherapyNote,
    ResistanceObservation,
    HomeworkAssignment,
    HomeworkReview,
    ReviewBarrier,
    ReviewStrategy,
    ReminderLog,
    ConditioningPeriod,
    DayBeforeCheck,
    AuditEvent,
)


@dataclass
class _Run:
    """One client's state while their weeks are written."""

    story: Story
    client_id: int
    days: Sequence[date]  # every slot day that is not the therapist's leave, future included
    stage: StageOfChange | None = None
    active: HomeworkAssignment | None = None
    since: date | None = None  # start of the stretch the next review covers
    reminders_since: date | None = None
    replaced: HomeworkAssignment | None = None  # replaced at the current session
    pending: list[ResistanceObservation] = field(default_factory=list)  # to raise next time
    missed: bool = False
    topic: int = 0
    pool: tuple[Barrier, ...] = ()

    @property
    def said(self) -> ModuleType:
        """The tables of free text in the client's language (Spanish: ``demo_es``)."""
        return demo_es if self.story.profile.language is Language.ES else words


class Writer:
    """Collects one client at a time (:meth:`client`), then writes it all (:meth:`finish`)."""

    def __init__(self, db: Session, today: date, rng: random.Random, tz: tzinfo | None):
        self.session, self.today, self.rng, self.tz = db, today, rng, tz
        self.ids = {m: db.scalar(select(func.max(m.id))) or 0 for m in MODELS if hasattr(m, "id")}
        # Dependency order: appointments; notes and assignments; what refers to those; links.
        self.phases: tuple[list[Base], ...] = ([], [], [], [])
        self.codes: set[str] = set(db.scalars(select(HomeworkAssignment.code)))
        self.clients: list[tuple[int, datetime, datetime]] = []
        # role -> story slot index -> (day, appointment) of each attended session
        self.sessions: dict[str, dict[int, tuple[date, Appointment]]] = {}

    # ---- helpers ----------------------------------------------------------------

    def _id(self, model: type[Base]) -> int:
        self.ids[model] += 1
        return self.ids[model]

    def _add(self, phase: int, row: Base) -> None:
        self.phases[phase].append(row)

    def at(self, day: date, clock: time) -> datetime:
        """A wall-clock time on the therapist's clock, as an aware UTC datetime."""
        if self.tz is None:
            local = datetime.combine(day, clock).astimezone()
        else:
            local = datetime.combine(day, clock, tzinfo=self.tz)
        return local.astimezone(UTC)

    def code(self) -> str:
        while True:
            code = "".join(self.rng.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            if code not in self.codes:
                self.codes.add(code)
                return code

    # ---- one client ---------------------------------------------------------------

    def client(self, story: Story) -> int:
        past, future = slot_days(story, self.today)
        first, last = past[0][0], past[-1][0]
        view = clients.create(self.session, replace(story.profile, started_on=first))
        run = _Run(story, view.id, [d for d, leave in past if not leave] + future)
        run.pool = story.pool
        index = 0
        for day, on_leave in past:
            if on_leave:
                self._appointment(run, day, AS.CANCELLED_BY_THERAPIST, run.said.HOLIDAY_REASON)
            else:
                self._slot(run, index, day)
                index += 1
        for day in future:
            self._appointment(run, day, AS.SCHEDULED)
        if run.active is not None:
            self._reminders(run, run.active, min(last, self.today - timedelta(days=1)))
        if story.status is not ClientStatus.ACTIVE:
            ended = last if story.weeks[-1] in "01234i" else last + timedelta(days=14)
            clients.set_status(self.session, view.id, story.status, on=ended)
        created = self.at(first - timedelta(days=5), time(9, 0))
        self.clients.append((view.id, created, self.at(last, time(19, 0))))
        return view.id

    def _slot(self, run: _Run, index: int, day: date) -> None:
        story = run.story
        char, event = story.weeks[index], story.events.get(index, Event())
        status = STATUS_BY_CHAR[char]
        reason = event.reason
        if reason is None and status is AS.CANCELLED_BY_CLIENT:
            reason = self.rng.choice(run.said.CANCEL_REASONS)
        appt = self._appointment(run, day, status, reason, first=index == 0)
        if status is AS.ATTENDED:
            self.sessions.setdefault(story.role, {})[index] = (day, appt)
        end = appt.starts_at + timedelta(minutes=appt.duration_minutes)
        if event.call is not None:
            self._call(appt, day, event.call)
        if event.stage is not None:
            run.stage = event.stage
        if event.pool is not None:
            run.pool = event.pool
        if status is not AS.ATTENDED:
            run.missed = run.missed or status is AS.NO_SHOW
            if event.close is not None:
                self._close(run, day, end, event.close, event.close_reason)
            return
        for obs in run.pending:
            obs.raised_at = appt.starts_at
        run.pending = []
        review_text, completion = None, int(char) if char.isdigit() else None
        if completion is not None:
            review_text = self._review(run, appt, day, completion, event)
        elif event.strategies:
            raise ValueError(f"{story.role} slot {index}: strategies need a review")
        if event.reminder is not None and run.active is not None:
            self._reminders(run, run.active, day - timedelta(days=1))
            run.active.reminder_channel, run.active.reminder_time = event.reminder
            run.reminders_since = day
        if event.close is not None:
            self._close(run, day, end, event.close, event.close_reason)
        if event.homework is not None:
            self._assign(run, appt, day, end, event.homework)
        run.replaced = None
        if event.conditional is not None:
            period = ConditioningPeriod(
                id=self._id(ConditioningPeriod), client_id=run.client_id,
                starts_on=day + timedelta(days=1), ends_on=None, reason=event.conditional,
                agreed_on=day, override_reason=None, created_at=end,
            )  # fmt: skip
            self._add(1, period)
        self._note(run, appt, end, event, review_text, completion)

    def _appointment(
        self, run: _Run, day: date, status: AS, reason: str | None = None, first: bool = False
    ) -> Appointment:
        starts = self.at(day, run.story.start)
        duration = INTAKE_MINUTES if first else SESSION_MINUTES
        booked = min(starts - timedelta(days=7), self.at(self.today - timedelta(days=1), time(8)))
        done = booked if status is AS.SCHEDULED else starts + timedelta(minutes=duration)
        appt = Appointment(
            id=self._id(Appointment), client_id=run.client_id, starts_at=starts,
            duration_minutes=duration, status=status, status_reason=reason, created_at=booked,
            updated_at=done,
        )  # fmt: skip
        self._add(0, appt)
        return appt

    def _call(self, appt: Appointment, day: date, call: Call) -> None:
        called = self.at(day - timedelta(days=1), time(17, self.rng.randrange(0, 45)))
        check = DayBeforeCheck(
            id=self._id(DayBeforeCheck), appointment_id=appt.id, called_at=called,
            outcome=call.outcome, decision=call.decision, note=call.note, created_at=called,
        )  # fmt: skip
        self._add(2, check)

    # ---- homework ------------------------------------------------------------------

    def _assign(self, run: _Run, appt: Appointment, day: date, end: datetime, hw: Homework) -> None:
        language = run.story.profile.language
        title, instructions, rationale = words.SHEET_TEXT[hw.template][language]
        later = [d for d in run.days if d > day]
        assignment = HomeworkAssignment(
            id=self._id(HomeworkAssignment), code=self.code(), client_id=run.client_id,
            assigned_in_id=appt.id, template_key=hw.template.value, title=title,
            instructions=instructions, rationale=rationale, level=hw.level, language=language,
            large_print=hw.large_print, modality=hw.modality, frequency=hw.frequency,
            times_per_week=hw.times_per_week, start_date=day + timedelta(days=1),
            due_date=later[0] if later else day + timedelta(days=7),
            reminder_channel=hw.reminder, reminder_time=hw.reminder_time,
            alarm_set_in_session=hw.alarm_set, reminder_card_printed=hw.card,
            teach_back_done=hw.teach_back, value_discussed=hw.value,
            status=AssignmentStatus.ACTIVE, status_reason=None,
            replaces_id=run.replaced.id if run.replaced else None, created_at=end, updated_at=end,
        )  # fmt: skip
        self._add(1, assignment)
        run.active = assignment
        run.since = run.reminders_since = assignment.start_date

    def _close(
        self, run: _Run, day: date, end: datetime, status: AssignmentStatus, reason: str | None
    ) -> None:
        assignment = run.active
        if assignment is None:
            raise ValueError(f"{run.story.role}: nothing to close on {day}")
        self._reminders(run, assignment, day - timedelta(days=1))
        assignment.status, assignment.status_reason, assignment.updated_at = status, reason, end
        run.replaced = assignment if status is AssignmentStatus.REPLACED else None
        run.active = None

    def _review(
        self, run: _Run, appt: Appointment, day: date, completion: int, event: Event
    ) -> str:
        assignment = run.active
        if assignment is None or run.since is None:
            raise ValueError(f"{run.story.role}: a review on {day} without homework")
        rng = self.rng
        barriers = event.barriers
        if barriers is None:
            barriers = draw_barriers(rng, run.pool, completion)
        span = max(1, (day - run.since).days)
        run.since = day
        if assignment.frequency is Frequency.DAILY:
            recorded = round(span * completion / 4)
        elif assignment.frequency is Frequency.PER_WEEK:
            recorded = round((assignment.times_per_week or 3) * span / 7 * completion / 4)
        else:
            recorded = round(rng.randint(2, 6) * completion / 4)
        review = HomeworkReview(
            id=self._id(HomeworkReview), assignment_id=assignment.id, appointment_id=appt.id,
            brought=completion >= 2 or (completion == 1 and rng.random() < 0.6),
            completion=completion,
            client_rating=None if rng.random() < 0.2 else words.near(rng, completion),
            quality=None if completion == 0 else words.near(rng, completion),
            days_recorded=min(span, recorded),
            note=rng.choice(run.said.REVIEW_NOTES[completion]),
            created_at=appt.starts_at + timedelta(minutes=REVIEW_MINUTES),
        )  # fmt: skip
        self._add(2, review)
        for barrier in dict.fromkeys(barriers):
            self._add(3, ReviewBarrier(review_id=review.id, barrier=barrier))
        for strategy in dict.fromkeys(event.strategies):
            self._add(3, ReviewStrategy(review_id=review.id, strategy=strategy))
        noun = run.said.RECORD_NOUN[_template(assignment)]
        line = rng.choice(run.said.HOMEWORK_LINES[completion])
        parts = [line.format(what=noun, What=words.capitalised(noun))]
        parts += [rng.choice(run.said.BARRIER_LINES[b]) for b in barriers[:2]]
        return " ".join(parts)

    def _reminders(self, run: _Run, assignment: HomeworkAssignment, until: date) -> None:
        """Reminders sent for ``assignment`` up to ``until`` (the last three weeks of them)."""
        channel, since = assignment.reminder_channel, run.reminders_since
        if since is None or channel not in _SENT_CHANNELS:
            return
        clock = assignment.reminder_time or time(19, 0)
        day = max(since, until - timedelta(days=20))
        while day <= until:
            weekly = channel is ReminderChannel.PHONE_CALL
            if (not weekly or (until - day).days % 7 == 0) and self.rng.random() >= 0.1:
                sent = self.at(day, clock)
                log = ReminderLog(
                    id=self._id(ReminderLog), assignment_id=assignment.id, on_date=day,
                    channel=channel, sent_at=sent, created_at=sent,
                )  # fmt: skip
                self._add(2, log)
            day += timedelta(days=1)

    # ---- notes ---------------------------------------------------------------------

    def _note(
        self, run: _Run, appt: Appointment, end: datetime, event: Event, review: str | None,
        completion: int | None,
    ) -> None:  # fmt: skip
        rng, story = self.rng, run.story
        topic = event.say
        if topic is None:
            topic = story.topics[run.topic % len(story.topics)]
            run.topic += 1
        plan = event.plan or self._plan(run, event)
        sections = words.note_sections(
            rng, story.note_format, topic=topic, homework=review,
            strategies=[rng.choice(run.said.STRATEGY_LINES[s]) for s in event.strategies],
            stage=run.stage, plan=plan, intake=appt.duration_minutes == INTAKE_MINUTES,
            language=story.profile.language,
        )  # fmt: skip
        signed = None if event.unsigned else end + timedelta(minutes=rng.randint(15, 240))
        note = SessionNote(
            id=self._id(SessionNote), appointment_id=appt.id, format=story.note_format,
            sections=sections, stage_of_change=run.stage, plan=plan, signed_at=signed,
            created_at=end, updated_at=signed or end,
        )  # fmt: skip
        self._add(1, note)
        if event.amend is not None and signed is not None:
            reason, added = event.amend
            first = next(iter(sections))
            amended = {**sections, first: f"{sections[first]} {added}"}
            self._add(2, NoteAmendment(
                id=self._id(NoteAmendment), note_id=note.id, sections=amended, plan=plan,
                reason=reason, created_at=signed + timedelta(hours=3),
            ))  # fmt: skip
        if event.psy is not None:
            self._add(2, PsychotherapyNote(
                id=self._id(PsychotherapyNote), appointment_id=appt.id, text=event.psy,
                created_at=end, updated_at=end,
            ))  # fmt: skip
        observations = [(o.kind, o.text, o.raise_next) for o in event.obs]
        kinds = {o.kind for o in event.obs}
        if run.missed and ResistanceKind.LATE_OR_MISSED not in kinds:
            observations.append(
                (ResistanceKind.LATE_OR_MISSED, rng.choice(run.said.MISSED_OBSERVATIONS), False)
            )
        run.missed = False
        not_done = ResistanceKind.HOMEWORK_NOT_DONE
        if completion == 0 and not_done not in kinds and rng.random() < 0.5:
            observations.append((not_done, rng.choice(run.said.NOT_DONE_OBSERVATIONS), False))
        for kind, text, raise_next in observations:
            obs = ResistanceObservation(
                id=self._id(ResistanceObservation), note_id=note.id, kind=kind, text=text,
                raise_next_session=raise_next, raised_at=None, amendment_id=None, created_at=end,
            )  # fmt: skip
            self._add(3, obs)
            if raise_next:
                run.pending.append(obs)  # raised at the next session attended

    def _plan(self, run: _Run, event: Event) -> str:
        assignment = run.active
        spanish = run.story.profile.language is Language.ES
        if assignment is None:
            return demo_es.PLAN_NO_TASK if spanish else "Review progress and agree the next step."
        noun = run.said.RECORD_NOUN[_template(assignment)]
        if event.homework is not None:
            often = run.said.how_often(assignment.frequency, assignment.times_per_week)
            if spanish:
                return demo_es.PLAN_START.format(what=noun, often=often)
            return f"Start {noun}, {often}; review it next session."
        return self.rng.choice(run.said.PLAN_LINES).format(what=noun)

    # ---- the end ---------------------------------------------------------------------

    def finish(self) -> None:
        for client_id, created, updated in self.clients:
            client = self.session.get(Client, client_id)
            assert client is not None
            client.created_at, client.updated_at = created, updated
        for rows in self.phases:
            self.session.add_all(rows)
            self.session.flush()


_SENT_CHANNELS = frozenset(
    {ReminderChannel.TEXT, ReminderChannel.EMAIL, ReminderChannel.PHONE_CALL}
)


def _template(assignment: HomeworkAssignment) -> TemplateKey:
    return TemplateKey(assignment.template_key)
