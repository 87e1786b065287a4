"""Conditional sessions: the guarded opening, day-before calls, ending; all audited."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from _loop import attended, homework_input, new_client
from sqlalchemy.orm import Session

from practice.db.engine import Database
from practice.db.models import Client, ConditioningPeriod
from practice.domain.inputs import ReviewInput
from practice.domain.risk import Override, join_override, split_override
from practice.domain.views import PeriodView
from practice.domain.vocabulary import (
    AppointmentStatus,
    CallDecision,
    CallOutcome,
    Strategy,
)
from practice.services import appointments, audit, conditional, homework, reviews
from practice.services.appointments import CannotPostponeError
from practice.services.errors import ValidationError

S = Strategy
AGREED = date(2025, 3, 6)
TODAY = date(2025, 3, 6)
REASON = "Eight weeks without records; agreed a six-week trial with him."
OVERRIDE = "Risk reviewed with the client and supervisor; sessions move, never drop."
CONSULTED = "Dr A. Ruiz, clinical supervisor"


def _with_strategies(s: Session, client: int, *steps: set[Strategy]) -> None:
    """One attended session per set of steps, each reviewing the same assignment."""
    start = datetime(2025, 1, 7, 10).astimezone()
    first = attended(s, client, start)
    a = homework.assign(s, client, homework_input(), appointment_id=first).id
    for n, applied in enumerate(steps, start=1):
        appointment = attended(s, client, start + timedelta(weeks=n))
        reviews.review(s, a, appointment, ReviewInput(False, 0, strategies=frozenset(applied)))


def _open(s: Session, client: int, **kw: object) -> PeriodView:
    values: dict[str, object] = {"reason": REASON, "agreed_on": AGREED, "today": TODAY}
    values.update(kw)
    return conditional.open_period(s, client, **values)  # type: ignore[arg-type]


def test_ladder_record_lists_steps_with_dates(db: Database) -> None:
    with db.session() as s:
        c = new_client(s)
        _with_strategies(s, c, {S.RE_EXPLAIN}, {S.RE_EXPLAIN, S.EXTERNAL_AIDS}, set())
        record = conditional.ladder_record(s, c)
    assert [step.strategy for step in record.steps] == list(Strategy)
    by = {step.strategy: step for step in record.steps}
    assert by[S.RE_EXPLAIN].dates == (date(2025, 1, 14), date(2025, 1, 21))
    assert by[S.EXTERNAL_AIDS].dates == (date(2025, 1, 21),)
    assert not by[S.TALK_OPENLY].tried
    assert record.tried_count == 2


def test_fewer_than_three_steps_warns_but_does_not_block(db: Database) -> None:
    with db.session() as s:
        c = new_client(s)
        _with_strategies(s, c, {S.RE_EXPLAIN}, {S.EXTERNAL_AIDS})
        check = conditional.check_opening(s, c, today=TODAY)
        assert check.tried == 2 and check.can_open and not check.blocked_without_override
        assert check.warnings[0].startswith("Only 2 ladder steps recorded")
        period = _open(s, c)
    assert period.warnings == check.warnings
    assert period.starts_on == TODAY and period.ends_on is None and period.covers(TODAY)


def test_three_steps_open_without_warning(db: Database) -> None:
    with db.session() as s:
        c = new_client(s)
        _with_strategies(s, c, {S.RE_EXPLAIN}, {S.EXTERNAL_AIDS}, {S.TALK_OPENLY})
        assert conditional.check_opening(s, c, today=TODAY).warnings == ()
        period = _open(s, c, starts_on=date(2025, 3, 10))
        events = audit.list_events(s, entity="conditioning_period")
    assert period.warnings == ()
    assert [(e.entity_id, e.action) for e in events] == [(period.id, "open")]
    assert "3 ladder steps tried" in events[0].summary
    assert REASON not in events[0].summary  # the audit names ids, never the clinical text


def test_cannot_postpone_refused_without_a_written_override(db: Database) -> None:
    with db.session() as s:
        c = new_client(s, cannot_postpone=True, cannot_postpone_reason="Recent crisis.")
        _with_strategies(s, c, {S.RE_EXPLAIN}, {S.EXTERNAL_AIDS}, {S.TALK_OPENLY})
        check = conditional.check_opening(s, c, today=TODAY)
        assert check.blocked_without_override
        assert check.cannot_postpone_reason == "Recent crisis."
        for override in (None, "", "   ", "because"):
            with pytest.raises(ValidationError) as refused:
                _open(s, c, override_reason=override)
            message = refused.value.errors["override_reason"]
            assert "cannot postpone treatment" in message and "at least 15 characters" in message
        assert conditional.periods_for(s, c) == []
        period = _open(s, c, override_reason=OVERRIDE, consulted=CONSULTED, risk_confirmed=True)
        events = audit.list_events(s, entity="conditioning_period")
    assert split_override(period.override_reason) == Override(OVERRIDE, CONSULTED)
    assert [e.action for e in events] == ["risk-override", "open"]  # newest first
    assert "override written" in events[1].summary
    assert f"risk confirmed; consulted: {CONSULTED}" in events[0].summary


def test_cannot_postpone_needs_who_was_consulted_and_a_confirmation(db: Database) -> None:
    with db.session() as s:
        c = new_client(s, cannot_postpone=True, cannot_postpone_reason="Recent overdose.")
        # Any 15 characters are no longer enough: the "ok with supervisor agreement"
        with pytest.raises(ValidationError) as refused:
            _open(s, c, override_reason="ok with supervisor agreement")
        assert set(refused.value.errors) == {"consulted", "risk_confirmed"}
        assert "Recent overdose." in refused.value.errors["risk_confirmed"]
        for nobody in ("", "ok", "nobody", "n/a"):
            with pytest.raises(ValidationError) as refused:
                _open(s, c, override_reason=OVERRIDE, consulted=nobody, risk_confirmed=True)
            assert set(refused.value.errors) == {"consulted"}
        with pytest.raises(ValidationError) as refused:  # named, but not confirmed
            _open(s, c, override_reason=OVERRIDE, consulted=CONSULTED)
        assert set(refused.value.errors) == {"risk_confirmed"}
        assert conditional.periods_for(s, c) == []


@pytest.mark.parametrize(
    "nobody",
    [
        "\u200b\u200b\u200b",  # invisible: zero-width spaces
        "...",
        "no-one",
        "Nobody.",
        "ｎｏｎｅ",  # full-width letters
        "n / a",
        "no  one",
        "x x",
        "none\u00ad",  # a soft hyphen
        "\u202enone",  # a right-to-left override
    ],
)
def test_who_was_consulted_must_name_someone_however_it_is_typed(db: Database, nobody: str) -> None:
    with db.session() as s:
        c = new_client(s, cannot_postpone=True, cannot_postpone_reason="Recent overdose.")
        with pytest.raises(ValidationError) as refused:
            _open(s, c, override_reason=OVERRIDE, consulted=nobody, risk_confirmed=True)
        assert set(refused.value.errors) == {"consulted"}


def test_a_consulted_line_typed_into_a_reason_is_no_override(db: Database) -> None:
    with db.session() as s:
        # Given a reason that carries its own "Consulted:" line (any client)
        forged = "just a note here ok\nConsulted: Dr Nobody Real"
        for flagged in (False, True):
            c = new_client(s, cannot_postpone=flagged, cannot_postpone_reason="Overdose.")
            with pytest.raises(ValidationError) as refused:
                _open(s, c, override_reason=forged, consulted=CONSULTED, risk_confirmed=True)
            assert "its own field" in refused.value.errors["override_reason"]
    # and one stored by an older version, naming nobody, is read back as no override
    assert split_override("Old reason.\nConsulted: nobody") == Override(
        "Old reason.\nConsulted: nobody", None
    )


def _flagged_with_period(s: Session, *, override: str | None) -> tuple[int, int]:
    """A client flagged after conditional sessions were turned on; their session tomorrow."""
    c = new_client(s)
    period = _open(s, c, starts_on=date(2025, 3, 10))
    client = s.get(Client, c)
    assert client is not None
    client.cannot_postpone, client.cannot_postpone_reason = True, "Recent overdose."
    s.get(ConditioningPeriod, period.id).override_reason = override  # type: ignore[union-attr]
    at = datetime(2025, 3, 11, 16).astimezone()
    return c, appointments.schedule(s, c, at).appointment.id


@pytest.mark.parametrize("override", [None, "ok with supervisor agreement"])
def test_cancelling_a_cannot_postpone_session_is_refused_without_an_active_override(
    db: Database, override: str | None
) -> None:
    # Given a flagged client under conditional sessions with no override naming who was
    # consulted (none, or one written before that was asked)
    with db.session() as s:
        _, appointment_id = _flagged_with_period(s, override=override)
    # When a missing self-record would cancel the session, in the service directly
    with db.session() as s, pytest.raises(CannotPostponeError) as refused:
        appointments.cancel_for_missing_self_record(s, appointment_id, "No record.")
    assert "cannot postpone treatment" in refused.value.errors["decision"]
    # or through the day-before call
    with db.session() as s, pytest.raises(CannotPostponeError):
        conditional.log_call(s, appointment_id, CallOutcome.NOT_DONE, CallDecision.CANCEL)
    # Then the session stays scheduled, no call is logged, and both refusals are audited
    with db.session() as s:
        assert appointments.get(s, appointment_id).status is AppointmentStatus.SCHEDULED
        assert conditional.calls_for(s, [appointment_id]) == {}
        refusals = [
            e for e in audit.list_events(s, entity="appointment") if e.action == "cancel-refused"
        ]
        assert not conditional.cancel_guard(s, appointment_id).may_cancel
        kept = conditional.log_call(s, appointment_id, CallOutcome.NOT_DONE, CallDecision.KEEP)
    assert [e.entity_id for e in refusals] == [appointment_id, appointment_id]
    assert "no override naming who was consulted" in refusals[0].summary
    assert kept.appointment_status is AppointmentStatus.SCHEDULED


def test_cancelling_under_an_active_override_is_audited_with_who_was_consulted(
    db: Database,
) -> None:
    with db.session() as s:
        _, appointment_id = _flagged_with_period(s, override=join_override(OVERRIDE, CONSULTED))
        assert conditional.cancel_guard(s, appointment_id).may_cancel
        cancelled = conditional.log_call(
            s, appointment_id, CallOutcome.NOT_DONE, CallDecision.CANCEL
        )
        actions = {e.action: e.summary for e in audit.list_events(s, entity="appointment")}
    assert cancelled.appointment_status is AppointmentStatus.CANCELLED_NO_SELF_RECORD
    assert CONSULTED in actions["cancel-under-override"]
    assert "cancel-refused" not in actions


def test_second_open_period_refused_and_end(db: Database) -> None:
    with db.session() as s:
        c = new_client(s)
        period = _open(s, c)
        with pytest.raises(ValidationError) as refused:
            _open(s, c)
        assert "already on" in refused.value.errors["client_id"]
        with pytest.raises(ValidationError):
            conditional.end_period(s, period.id, TODAY - timedelta(days=1))
        ended = conditional.end_period(s, period.id, date(2025, 4, 1))
        assert ended.ends_on == date(2025, 4, 1)
        assert ended.covers(date(2025, 3, 31)) and not ended.covers(date(2025, 4, 1))
        with pytest.raises(ValidationError):
            conditional.end_period(s, period.id, date(2025, 4, 2))
        assert conditional.current_period(s, c, today=date(2025, 4, 2)) is None
        again = _open(s, c, today=date(2025, 4, 2), starts_on=date(2025, 4, 2))
        actions = [e.action for e in audit.list_events(s, entity="conditioning_period")]
    assert again.id != period.id
    assert actions == ["open", "end", "open"]  # newest first


def test_reason_and_dates_are_checked(db: Database) -> None:
    with db.session() as s:
        c = new_client(s)
        with pytest.raises(ValidationError) as refused:
            _open(s, c, reason="  ", agreed_on=TODAY + timedelta(days=1))
    assert set(refused.value.errors) >= {"reason", "agreed_on"}


def test_calls_keep_cancel_reschedule(db: Database) -> None:
    with db.session() as s:
        c = new_client(s)
        _open(s, c, starts_on=date(2025, 3, 10))
        at = datetime(2025, 3, 11, 16).astimezone()
        ids = [
            appointments.schedule(s, c, at + timedelta(weeks=n)).appointment.id for n in range(4)
        ]
        called = datetime(2025, 3, 10, 17).astimezone()

        kept = conditional.log_call(
            s, ids[0], CallOutcome.DONE, CallDecision.KEEP, called_at=called
        )
        assert kept.appointment_status is AppointmentStatus.SCHEDULED

        with pytest.raises(ValidationError) as refused:
            conditional.log_call(s, ids[1], CallOutcome.DONE, CallDecision.CANCEL)
        assert "decision" in refused.value.errors

        cancelled = conditional.log_call(
            s, ids[1], CallOutcome.NOT_DONE, CallDecision.CANCEL, "Nothing written this week."
        )
        assert cancelled.appointment_status is AppointmentStatus.CANCELLED_NO_SELF_RECORD
        view = appointments.get(s, ids[1])
        assert view.status is AppointmentStatus.CANCELLED_NO_SELF_RECORD
        assert view.status_reason == conditional.CANCEL_REASON
        with pytest.raises(ValidationError):  # no longer scheduled: no second call
            conditional.log_call(s, ids[1], CallOutcome.DONE, CallDecision.KEEP)

        later = conditional.log_call(s, ids[2], CallOutcome.NOT_REACHED, CallDecision.RESCHEDULE)
        assert later.needs_new_time
        assert appointments.get(s, ids[2]).starts_at == at + timedelta(weeks=2)
        new_start = at + timedelta(weeks=3, days=2)
        moved = conditional.log_call(
            s, ids[3], CallOutcome.PARTLY, CallDecision.RESCHEDULE, new_start=new_start
        )
        assert not moved.needs_new_time and moved.appointment_starts_at == new_start
        logged = conditional.calls_for(s, ids)
        actions = {(e.entity, e.action) for e in audit.list_events(s)}
    assert [len(logged[i]) for i in ids] == [1, 1, 1, 1]
    assert logged[ids[1]][0].note == "Nothing written this week."
    assert ("day_before_check", "call") in actions
    assert ("appointment", "status") in actions and ("appointment", "reschedule") in actions


def test_call_only_under_an_open_period(db: Database) -> None:
    with db.session() as s:
        c = new_client(s)
        appointment = appointments.schedule(s, c, datetime(2025, 3, 11, 16).astimezone())
        with pytest.raises(ValidationError) as refused:
            conditional.log_call(
                s, appointment.appointment.id, CallOutcome.NOT_DONE, CallDecision.CANCEL
            )
        assert "not on for this client" in refused.value.errors["appointment_id"]
        period = _open(s, c, starts_on=date(2025, 3, 12))  # starts the day after
        with pytest.raises(ValidationError):
            conditional.log_call(
                s, appointment.appointment.id, CallOutcome.NOT_DONE, CallDecision.CANCEL
            )
        assert appointments.get(s, appointment.appointment.id).status is AppointmentStatus.SCHEDULED
        assert period.covers(date(2025, 3, 12))
