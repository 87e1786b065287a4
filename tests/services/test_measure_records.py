"""Recording outcome measures, personal goals, and the risk alert of PHQ-9 item 9."""

from __future__ import annotations

from datetime import date

import pytest
from _loop import BASE, attended, new_client
from sqlalchemy import select

from practice.db.models import AuditEvent, Client, RiskAlert
from practice.domain.measures import MeasureKind, MeasureSource
from practice.services import measures
from practice.services.errors import ValidationError
from practice.services.measures import GoalInput, MeasureInput

DAY = date(2025, 3, 3)


def _phq9(client_id: int, answers: list[int | None], **kw: object) -> MeasureInput:
    values: dict[str, object] = {"taken_on": DAY, "source": MeasureSource.SESSION, **kw}
    return MeasureInput(client_id=client_id, kind=MeasureKind.PHQ9, answers=answers, **values)  # type: ignore[arg-type]


def _actions(s) -> list[str]:  # type: ignore[no-untyped-def]
    return [f"{e.entity}:{e.action}" for e in s.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def test_a_phq9_is_scored_stored_as_given_and_audited(db):
    with db.session() as s:
        client = new_client(s)
        session_id = attended(s, client, BASE)
        view, alert = measures.record_measure(
            s, _phq9(client, [2, 2, 2, 2, 2, 2, 2, None, 0], appointment_id=session_id)
        )
    assert alert is None
    assert view.answers == (2, 2, 2, 2, 2, 2, 2, None, 0)  # the unanswered item kept as such
    assert view.total == 16 and view.prorated  # 14 x 9 / 8 = 15.75
    with db.session() as s:
        [again] = measures.measures_for(s, client)
        assert again == view
        assert "measure:create" in _actions(s)


def test_item_9_above_zero_raises_an_alert_at_once_and_acknowledging_it_can_set_the_flag(db):
    with db.session() as s:
        client = new_client(s)
        view, alert = measures.record_measure(s, _phq9(client, [1, 1, 1, 1, 1, 1, 1, 1, 2]))
    assert alert is not None and alert.answer == 2 and alert.is_open
    with db.session() as s:
        assert [a.id for a in measures.open_alerts(s)] == [alert.id]
        assert [a.id for a in measures.open_alerts(s, client)] == [alert.id]
        # an empty note is refused: what was done must be said
        with pytest.raises(ValidationError):
            measures.acknowledge_alert(s, alert.id, "   ")
    with db.session() as s:
        done = measures.acknowledge_alert(
            s, alert.id, "Safety plan reviewed with the client.", set_cannot_postpone=True
        )
    assert not done.is_open and done.flag_set
    with db.session() as s:
        assert measures.open_alerts(s) == []
        row = s.get(Client, client)
        assert row is not None and row.cannot_postpone
        # a neutral reason (shown on screens a client may see), never the note
        assert row.cannot_postpone_reason.startswith("Risk alert on ")
        assert row.cannot_postpone_reason.endswith(" (PHQ-9 question 9)")
        actions = _actions(s)
        assert {"risk_alert:create", "risk_alert:acknowledge", "client:cannot_postpone"} <= set(
            actions
        )
        # the audit names ids, never the note
        assert not any("Safety plan" in e.summary for e in s.scalars(select(AuditEvent)))
        with pytest.raises(ValidationError):
            measures.acknowledge_alert(s, alert.id, "again")


@pytest.mark.parametrize(
    ("answers", "problem"),
    [([0] * 8, "answers"), ([0, 0, 0, 0, 0, 0, 0, 0, 5], "answers")],
)
def test_answers_that_cannot_be_a_phq9_are_refused_and_nothing_is_stored(db, answers, problem):
    with db.session() as s:
        client = new_client(s)
    with db.session() as s, pytest.raises(ValidationError) as refused:
        measures.record_measure(s, _phq9(client, answers))
    assert problem in refused.value.errors
    with db.session() as s:
        assert measures.measures_for(s, client) == []
        assert s.scalars(select(RiskAlert)).all() == []


def test_a_measure_of_another_clients_session_or_in_the_future_is_refused(db):
    with db.session() as s:
        client = new_client(s)
        other = new_client(s, "Otra", "Persona")
        theirs = attended(s, other, BASE)
    with db.session() as s, pytest.raises(ValidationError) as refused:
        measures.record_measure(
            s, _phq9(client, [0] * 9, appointment_id=theirs, taken_on=date(2999, 1, 1))
        )
    assert {"appointment_id", "taken_on"} <= set(refused.value.errors)


def test_goals_are_rated_and_a_changed_goal_is_retired_not_lost(db):
    with db.session() as s:
        client = new_client(s)
        first = measures.set_goals(
            s, client, [GoalInput("Sleep before midnight"), GoalInput("Worry less", False)]
        )
        view, _ = measures.record_measure(
            s,
            MeasureInput(
                client_id=client,
                kind=MeasureKind.GOALS,
                taken_on=DAY,
                source=MeasureSource.PAPER,
                ratings=[(first[0].id, 3), (first[1].id, 8)],
            ),
        )
    assert view.ratings == ((first[0].id, 3), (first[1].id, 8))
    with db.session() as s:
        # the second goal is replaced: the first keeps its id (and its ratings)
        now = measures.set_goals(s, client, [GoalInput("Sleep before midnight"), GoalInput("Walk")])
    assert now[0].id == first[0].id and now[1].id != first[1].id
    with db.session() as s:
        [kept] = measures.measures_for(s, client, MeasureKind.GOALS)
        assert kept.ratings == view.ratings
        # a retired goal cannot be rated any more, nor a rating above 10 given
        for ratings in ([(first[1].id, 5)], [(now[0].id, 11)], []):
            with pytest.raises(ValidationError):
                measures.record_measure(
                    s,
                    MeasureInput(
                        client_id=client,
                        kind=MeasureKind.GOALS,
                        taken_on=DAY,
                        source=MeasureSource.SESSION,
                        ratings=ratings,
                    ),
                )


@pytest.mark.parametrize(
    "goals", [[], [GoalInput(f"Goal {n}") for n in range(4)], [GoalInput("  ")]]
)
def test_one_to_three_named_goals(db, goals):
    with db.session() as s:
        client = new_client(s)
    with db.session() as s, pytest.raises(ValidationError):
        measures.set_goals(s, client, goals)


def test_updating_a_phq9_rescores_it_keeps_its_one_alert_and_is_audited(db):
    with db.session() as s:
        client = new_client(s)
        first, alert = measures.record_measure(s, _phq9(client, [None] * 8 + [2]))
    assert alert is not None
    with db.session() as s:
        # the rest answered, question 9 corrected to 1: rescored, no second alert
        view, again = measures.update_measure(s, first.id, [1, 1, 1, 1, 1, 1, 1, 1, 1], 2)
        assert again is None
        assert view.answers == (1,) * 9 and view.total == 9 and not view.prorated
        assert view.difficulty == 2
        # corrected to 0: the alert raised stays (it is part of the record)
        view, again = measures.update_measure(s, first.id, [1, 1, 1, 1, 1, 1, 1, 1, 0])
        assert again is None and view.total == 8
    with db.session() as s:
        [stored] = measures.measures_for(s, client)
        assert stored.answers[8] == 0
        assert [a.id for a in measures.open_alerts(s, client)] == [alert.id]
        assert len(s.scalars(select(RiskAlert)).all()) == 1
        assert _actions(s).count("measure:update") == 2
        with pytest.raises(ValidationError):
            measures.update_measure(s, first.id, [1, 1, 4, 1, 1, 1, 1, 1, 0])
