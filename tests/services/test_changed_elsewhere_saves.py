"""The remaining saves refuse a change made meanwhile on another computer (issue 17,
point 3): appointment restore and conditional cancellation, homework drop, complete
and replace, a reminder's tick, a risk alert's acknowledgement, a conditional-sessions
period's end and its day-before call, a series' "this and following" move, items
marked raised, and a session draft moved or discarded. Each: the office loads, the
laptop saves, the office's save with what it loaded is refused naming the laptop, and
nothing was written (the rows and the audit trail are as the laptop left them).

Then the races: a ``StaleDataError`` at a flush or at the commit of
``Database.session()`` is never raw, and on PostgreSQL two real connections,
interleaved, end in ``ChangedElsewhereError``. On both engines (``db``)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time
from typing import Any

import pytest
from _loop import BASE, assigned, attended, homework_input, new_client, week
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from practice.db.computer import NAME_VARIABLE
from practice.db.engine import Database
from practice.db.models import (
    Appointment,
    Client,
    ConditioningPeriod,
    DayBeforeCheck,
    HomeworkAssignment,
    ReminderLog,
    ResistanceObservation,
    RiskAlert,
    SessionDraftRow,
)
from practice.domain.inputs import NoteInput, ObservationInput
from practice.domain.measures import MeasureKind, MeasureSource
from practice.domain.session_draft import NoteDraft
from practice.domain.vocabulary import (
    AppointmentStatus,
    AssignmentStatus,
    CallDecision,
    CallOutcome,
    NoteFormat,
    ReminderChannel,
    ResistanceKind,
)
from practice.services import (
    appointments,
    audit,
    clients,
    conditional,
    homework,
    measures,
    notes,
    observations,
    reminders,
    series,
    session_flow,
)
from practice.services.clients import ClientInput
from practice.services.versions import ChangedElsewhereError

REFUSED = r"changed on laptop at \d{1,2} \w+ \d\d:\d\d: reload"
PHQ9_RISK = [1, 1, 1, 1, 0, 0, 0, 0, 2]  # question 9 answered 2: an alert
ON = date(2025, 3, 12)  # a Wednesday of a reminder


def _on(monkeypatch: pytest.MonkeyPatch, computer: str) -> None:
    monkeypatch.setenv(NAME_VARIABLE, computer)


def _refused(
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    load: Callable[[Session], Any],
    laptop: Callable[[Session, Any], object],
    office: Callable[[Session, Any], object],
    state: Callable[[Session], object],
) -> Any:
    """The office loads; the laptop saves (``laptop``); the office's save with what it
    loaded (``office``) is refused naming the laptop, and ``state`` (the rows) and the
    audit trail are as the laptop left them. Returns what the office loaded."""
    _on(monkeypatch, "office-pc")
    with db.session() as s:
        loaded = load(s)
    _on(monkeypatch, "laptop")
    with db.session() as s:
        laptop(s, loaded)
    _on(monkeypatch, "office-pc")
    with db.session() as s:
        before, events = state(s), audit.event_count(s)
    with pytest.raises(ChangedElsewhereError, match=REFUSED) as refused, db.session() as s:
        office(s, loaded)
    assert refused.value.computer == "laptop"
    with db.session() as s:
        assert state(s) == before  # nothing written
        assert audit.event_count(s) == events  # not even an event
    return loaded


def _row(model: type[Any], row_id: int, *columns: str) -> Callable[[Session], object]:
    """The state of one row: its version and the given columns."""

    def state(s: Session) -> object:
        row = s.get(model, row_id, populate_existing=True)
        assert row is not None
        return tuple(getattr(row, c) for c in ("version", *columns))

    return state


def _count(model: type[Any]) -> Callable[[Session], int]:
    return lambda s: s.scalar(select(func.count()).select_from(model)) or 0


def _both(*states: Callable[[Session], object]) -> Callable[[Session], object]:
    return lambda s: tuple(state(s) for state in states)


# ---- appointments ----------------------------------------------------------------


def test_restoring_an_appointment_changed_meanwhile_elsewhere_is_refused(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.session() as s:
        appointment_id = appointments.schedule(s, new_client(s), BASE).appointment.id
        appointments.mark(s, appointment_id, AppointmentStatus.NO_SHOW, now=week(1))
    _refused(
        db,
        monkeypatch,
        lambda s: appointments.get(s, appointment_id),
        # the laptop writes why she did not come
        lambda s, a: appointments.mark(
            s, appointment_id, AppointmentStatus.NO_SHOW, "ill", version=a.version
        ),
        lambda s, a: appointments.restore(s, appointment_id, version=a.version),
        _row(Appointment, appointment_id, "status", "status_reason"),
    )
    with db.session() as s:
        kept = appointments.get(s, appointment_id)
    assert (kept.status, kept.status_reason) == (AppointmentStatus.NO_SHOW, "ill")


def _under_conditional_sessions(db: Database) -> tuple[int, int]:
    """A client under conditional sessions and a scheduled appointment of theirs."""
    with db.session() as s:
        client_id = new_client(s)
        conditional.open_period(
            s,
            client_id,
            reason="Eight weeks without records; agreed a trial.",
            agreed_on=date(2025, 3, 3),
            starts_on=date(2025, 3, 3),
            today=date(2025, 3, 3),
        )
        at = datetime(2025, 3, 11, 16).astimezone()
        return client_id, appointments.schedule(s, client_id, at).appointment.id


def test_a_conditional_cancellation_or_call_on_a_session_moved_elsewhere_is_refused(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, appointment_id = _under_conditional_sessions(db)
    moved = datetime(2025, 3, 12, 16).astimezone()
    state = _both(_row(Appointment, appointment_id, "starts_at", "status"), _count(DayBeforeCheck))

    def load(s: Session) -> Any:
        return appointments.get(s, appointment_id)

    def move(s: Session, loaded: Any) -> None:
        appointments.reschedule(s, appointment_id, moved, version=loaded.version)

    def cancel(s: Session, loaded: Any) -> None:
        appointments.cancel_for_missing_self_record(
            s, appointment_id, "No record.", version=loaded.version
        )

    _refused(db, monkeypatch, load, move, cancel, state)

    def call(s: Session, loaded: Any) -> None:
        conditional.log_call(
            s, appointment_id, CallOutcome.NOT_DONE, CallDecision.CANCEL, version=loaded.version
        )

    def move_back(s: Session, loaded: Any) -> None:
        appointments.reschedule(
            s, appointment_id, datetime(2025, 3, 11, 16).astimezone(), version=loaded.version
        )

    _refused(db, monkeypatch, load, move_back, call, state)
    with db.session() as s:
        kept = appointments.get(s, appointment_id)
        assert conditional.calls_for(s, [appointment_id]) == {}
    assert kept.status is AppointmentStatus.SCHEDULED


def test_ending_a_period_ended_meanwhile_elsewhere_is_refused(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    client_id, _ = _under_conditional_sessions(db)
    with db.session() as s:
        period_id = conditional.periods_for(s, client_id)[0].id

    def load(s: Session) -> Any:
        return conditional.periods_for(s, client_id)[0]

    loaded = _refused(
        db,
        monkeypatch,
        load,
        lambda s, p: conditional.end_period(s, period_id, date(2025, 3, 20), version=p.version),
        lambda s, p: conditional.end_period(s, period_id, date(2025, 3, 25), version=p.version),
        lambda s: s.scalar(select(ConditioningPeriod.ends_on)),
    )
    assert loaded.version == 1
    with db.session() as s:
        assert conditional.periods_for(s, client_id)[0].ends_on == date(2025, 3, 20)
        assert load(s).version == 2


# ---- homework ----------------------------------------------------------------------


@pytest.mark.parametrize("action", ["drop", "complete", "replace"])
def test_stopping_an_assignment_changed_meanwhile_elsewhere_is_refused(
    db: Database, monkeypatch: pytest.MonkeyPatch, action: str
) -> None:
    with db.session() as s:
        client_id = new_client(s)
        assignment_id = assigned(s, client_id, attended(s, client_id, BASE))

    def edit(s: Session, loaded: Any) -> None:
        homework.update(s, assignment_id, homework_input(title="laptop"), version=loaded.version)

    def stop(s: Session, loaded: Any) -> None:
        if action == "drop":
            homework.drop(s, assignment_id, "Too much this week.", version=loaded.version)
        elif action == "complete":
            homework.complete(s, assignment_id, "Goal reached.", version=loaded.version)
        else:
            homework.replace(
                s,
                assignment_id,
                homework_input(title="Another"),
                "Changed task.",
                version=loaded.version,
            )

    state = _both(
        _row(HomeworkAssignment, assignment_id, "status", "title"), _count(HomeworkAssignment)
    )
    _refused(db, monkeypatch, lambda s: homework.get(s, assignment_id), edit, stop, state)
    with db.session() as s:
        kept = homework.get(s, assignment_id)
    assert (kept.status, kept.title) == (AssignmentStatus.ACTIVE, "laptop")


# ---- reminders, risk alerts, observations ------------------------------------------


def test_a_reminder_of_an_assignment_changed_elsewhere_is_not_ticked_but_a_job_still_can(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.session() as s:
        client_id = new_client(s, phone="+1 202 555 0100")
        assignment_id = assigned(
            s,
            client_id,
            None,
            reminder_channel=ReminderChannel.TEXT,
            reminder_time=time(20, 30),
            start_date=date(2025, 3, 10),
        )

    def load(s: Session) -> Any:
        [due] = reminders.due_on(s, ON)
        return due

    def edit(s: Session, due: Any) -> None:
        data = homework_input(
            title="laptop",
            reminder_channel=ReminderChannel.TEXT,
            reminder_time=time(20, 30),
            start_date=date(2025, 3, 10),
        )
        homework.update(s, assignment_id, data, version=due.assignment.version)

    def tick(s: Session, due: Any) -> None:
        reminders.mark_sent(s, assignment_id, ON, due.channel, version=due.assignment.version)

    state = _both(_row(HomeworkAssignment, assignment_id, "title"), _count(ReminderLog))
    _refused(db, monkeypatch, load, edit, tick, state)
    # A caller that did not load the assignment (a batch) is not refused
    with db.session() as s:
        sent = reminders.mark_sent(s, assignment_id, ON)
    assert sent.sent_at is not None


def test_acknowledging_an_alert_acknowledged_meanwhile_elsewhere_is_refused(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.session() as s:
        client_id = new_client(s)
        data = measures.MeasureInput(
            client_id, MeasureKind.PHQ9, date(2025, 3, 3), MeasureSource.SESSION, PHQ9_RISK
        )
        measures.record_measure(s, data)
        [alert] = measures.open_alerts(s, client_id)

    def acknowledge(who: str) -> Callable[[Session, Any], object]:
        return lambda s, a: measures.acknowledge_alert(
            s, alert.id, f"Phoned her from the {who}.", version=a.version
        )

    _refused(
        db,
        monkeypatch,
        lambda s: measures.open_alerts(s, client_id)[0],
        acknowledge("laptop"),
        acknowledge("office"),
        _row(RiskAlert, alert.id, "acknowledged_at", "action_note"),
    )
    with db.session() as s:
        assert s.get(RiskAlert, alert.id).action_note == "Phoned her from the laptop."  # type: ignore[union-attr]


def test_marking_items_raised_when_one_changed_meanwhile_elsewhere_is_refused(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.session() as s:
        client_id = new_client(s)
        note_id = notes.save_note(
            s, attended(s, client_id, BASE), NoteInput(NoteFormat.FREE, {"Note": "a"})
        ).id
        first, second = (
            observations.add_observation(
                s, note_id, ObservationInput(ResistanceKind.DOUBTS_AGE, text, True)
            ).id
            for text in ("first", "second")
        )

    def load(s: Session) -> Any:
        return {
            i.observation.id: i.observation.version
            for i in observations.items_to_raise(s, client_id).items
        }

    def edit(s: Session, loaded: Any) -> None:
        data = ObservationInput(ResistanceKind.DOUBTS_AGE, "laptop", True)
        observations.update_observation(s, second, data, version=loaded[second])

    def raised(s: Session, loaded: Any) -> None:
        observations.mark_raised(s, [first, second], loaded=loaded)

    state = _both(
        _row(ResistanceObservation, first, "raised_at"),
        _row(ResistanceObservation, second, "raised_at", "text"),
    )
    _refused(db, monkeypatch, load, edit, raised, state)
    with db.session() as s:
        assert len(observations.items_to_raise(s, client_id).items) == 2  # neither raised


# ---- series and session drafts -------------------------------------------------------


def test_moving_this_and_following_when_this_one_moved_elsewhere_is_refused(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    tuesday = date(2025, 3, 4)
    with db.session() as s:
        client_id = new_client(s)
        made = series.create(
            s, series.SeriesInput(client_id, tuesday, time(10), 50, date(2025, 3, 25))
        )
    first = made.appointments[1].id

    def starts(s: Session) -> object:
        return tuple(s.scalars(select(Appointment.starts_at).order_by(Appointment.id)))

    _refused(
        db,
        monkeypatch,
        lambda s: appointments.get(s, first),
        lambda s, a: appointments.reschedule(
            s, first, datetime(2025, 3, 11, 12).astimezone(), version=a.version
        ),
        lambda s, a: series.move_following(
            s, first, datetime(2025, 3, 13, 15).astimezone(), 45, version=a.version
        ),
        starts,
    )


def _draft_left(db: Database, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """A draft written at the office on an appointment then cancelled, and the
    client's next appointment."""
    _on(monkeypatch, "office-pc")
    with db.session() as s:
        client_id = new_client(s)
        first = appointments.schedule(s, client_id, week(1)).appointment.id
        later = appointments.schedule(s, client_id, week(2)).appointment.id
        note = NoteDraft(NoteFormat.FREE, {"Note": "Planned topics."}, private_note="Tired.")
        session_flow.save_draft(s, replace(session_flow.start(s, first), note=note))
        appointments.mark(s, first, AppointmentStatus.CANCELLED_BY_CLIENT)
    return first, later


@pytest.mark.parametrize("action", ["move", "discard"])
def test_moving_or_discarding_a_draft_taken_over_elsewhere_is_refused(
    db: Database, monkeypatch: pytest.MonkeyPatch, action: str
) -> None:
    first, later = _draft_left(db, monkeypatch)

    def load(s: Session) -> Any:
        return session_flow.draft_left_by_cancel(s, first, now=BASE)

    def take_over(s: Session, left: Any) -> None:
        draft = session_flow.load_draft(s, first)
        assert draft is not None
        note = replace(draft.note, private_note="Tired; the laptop's words.")
        session_flow.save_draft(s, replace(draft, note=note), take_over=True)

    def act(s: Session, left: Any) -> None:
        if action == "move":
            session_flow.move_draft(s, first, later, version=left.version)
        else:
            session_flow.discard_draft(s, first, version=left.version)

    state = _both(
        lambda s: s.scalar(select(SessionDraftRow.appointment_id)),
        lambda s: s.scalar(select(SessionDraftRow.version)),
    )
    _refused(db, monkeypatch, load, take_over, act, state)
    with db.session() as s:
        kept = session_flow.load_draft(s, first)
    assert kept is not None and kept.note.private_note == "Tired; the laptop's words."


# ---- races: StaleDataError never escapes -------------------------------------------


def test_a_row_changed_elsewhere_before_its_commit_is_refused_at_the_commit(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Database.session(): a change to a versioned row left for the commit's own flush
    (no service flush in between), the row saved meanwhile on the laptop, is
    ChangedElsewhereError naming the laptop, not SQLAlchemy's StaleDataError. (The
    office holds the row as read in an earlier unit of work, as a window may.)"""
    with db.session() as s:
        client_id = new_client(s)
    _on(monkeypatch, "office-pc")
    with db.session() as s:
        held = s.get(Client, client_id)  # read at version 1
    assert held is not None
    _on(monkeypatch, "laptop")
    with db.session() as s:
        clients.update(s, client_id, ClientInput("Ana", "Prueba", phone="555 0199"))
    _on(monkeypatch, "office-pc")
    with pytest.raises(ChangedElsewhereError, match=REFUSED), db.session() as s:
        s.add(held)
        held.phone = "555 0101"  # written by the commit: UPDATE … WHERE version = 1
    with db.session() as s:
        row = s.get(Client, client_id)
        assert row is not None
        assert (row.phone, row.version, row.changed_by_computer) == ("555 0199", 2, "laptop")


def _postgresql_only(db: Database) -> None:
    if not db.location.is_postgresql:
        pytest.skip("SQLite has one writer at a time: the second save waits, there is no race")


def test_two_connections_interleaved_end_in_changed_elsewhere_not_stale_data(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On PostgreSQL: the office reads in its unit of work, the laptop saves on its own
    connection and commits, then the office writes: each of a service's flush, an
    unflushed change at commit, and a draft discard ends in ChangedElsewhereError."""
    _postgresql_only(db)
    with db.session() as s:
        client_id = new_client(s)
        assignment_id = assigned(s, client_id, attended(s, client_id, BASE))
    first, _later = _draft_left(db, monkeypatch)

    def interleaved(
        reads: Callable[[Session], object],
        laptop_saves: Callable[[Session], object],
        writes: Callable[[Session], object],
    ) -> None:
        _on(monkeypatch, "office-pc")
        with pytest.raises(ChangedElsewhereError, match=REFUSED), db.session() as office:
            # the office's unit of work holds the row as it read it (``held``: the
            # session's identity map forgets a row nothing refers to)
            held = reads(office)
            _on(monkeypatch, "laptop")
            with db.session() as laptop:  # a second, real connection
                assert laptop.connection() is not office.connection()
                laptop_saves(laptop)
            _on(monkeypatch, "office-pc")
            writes(office)
            assert held is not None

    # a service's flush (its check passes: this session read version 1 before the
    # laptop wrote; the UPDATE then matches nothing)
    interleaved(
        lambda s: s.get(HomeworkAssignment, assignment_id),
        lambda s: homework.update(s, assignment_id, homework_input(title="laptop")),
        lambda s: homework.drop(s, assignment_id, "Too much.", version=1),
    )

    # a change left for the commit of Database.session()
    def phone(s: Session) -> None:
        row = s.get(Client, client_id)
        assert row is not None
        row.phone = "555 0101"

    interleaved(
        lambda s: s.get(Client, client_id),
        lambda s: clients.update(s, client_id, ClientInput("Ana", "Prueba", phone="555 0199")),
        phone,
    )

    # a delete (a draft discarded) whose row the laptop saved meanwhile
    def take_over(s: Session) -> None:
        draft = session_flow.load_draft(s, first)
        assert draft is not None
        session_flow.save_draft(s, draft, take_over=True)

    interleaved(
        lambda s: s.scalars(select(SessionDraftRow)).one(),
        take_over,
        lambda s: session_flow.discard_draft(s, first, version=1),
    )
    with db.session() as s:
        assert homework.get(s, assignment_id).status is AssignmentStatus.ACTIVE
        assert s.scalar(select(Client.phone).where(Client.id == client_id)) == "555 0199"
        assert session_flow.load_draft(s, first) is not None


def _while_the_laptop_commits(
    db: Database, monkeypatch: pytest.MonkeyPatch, laptop_saves: Callable[[Session], object]
) -> threading.Timer:
    """The laptop saves on its own connection and commits half a second later (from a
    timer), while the office's save runs meanwhile and waits on the laptop's row."""
    _on(monkeypatch, "laptop")
    laptop = db.session()
    laptop_saves(laptop.__enter__())
    _on(monkeypatch, "office-pc")
    timer = threading.Timer(0.5, laptop.__exit__, (None, None, None))
    timer.start()
    return timer


def test_two_computers_ticking_one_reminder_at_once_make_one_tick(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On PostgreSQL: the office's tick waits on the laptop's uncommitted one (the log
    row is unique), then finds it: no error, one row, one audit event."""
    _postgresql_only(db)
    with db.session() as s:
        assignment_id = assigned(
            s,
            new_client(s),
            None,
            reminder_channel=ReminderChannel.TEXT,
            start_date=date(2025, 3, 10),
        )
    timer = _while_the_laptop_commits(
        db, monkeypatch, lambda s: reminders.mark_sent(s, assignment_id, ON)
    )
    try:
        with db.session() as s:
            ticked = reminders.mark_sent(s, assignment_id, ON)
    finally:
        timer.join()
    with db.session() as s:
        logs = s.scalars(select(ReminderLog)).all()
        sent = [e for e in audit.list_events(s, entity="reminder_log") if e.action == "sent"]
    assert [log.id for log in logs] == [ticked.id]
    assert [e.computer for e in sent] == ["laptop"]


def test_two_computers_ending_one_period_at_once_is_refused_for_the_second(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On PostgreSQL: the office's end waits on the laptop's uncommitted one, then its
    ``UPDATE … WHERE ends_on IS NULL`` matches nothing: refused naming the laptop."""
    _postgresql_only(db)
    client_id, _ = _under_conditional_sessions(db)
    with db.session() as s:
        period = conditional.periods_for(s, client_id)[0]
    timer = _while_the_laptop_commits(
        db,
        monkeypatch,
        lambda s: conditional.end_period(s, period.id, date(2025, 3, 20), version=1),
    )
    try:
        with pytest.raises(ChangedElsewhereError, match=REFUSED), db.session() as s:
            conditional.end_period(s, period.id, date(2025, 3, 25), version=period.version)
    finally:
        timer.join()
    with db.session() as s:
        assert conditional.periods_for(s, client_id)[0].ends_on == date(2025, 3, 20)
        ends = [e for e in audit.list_events(s, entity="conditioning_period") if e.action == "end"]
    assert [e.computer for e in ends] == ["laptop"]
