"""Issue 16 recheck: an alert's answer beside the measure's current one, answers that are
no answers (True/False), duplicate goals, and a paper form dated before it was printed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from _loop import new_client
from sqlalchemy import select

from practice.db.models import AuditEvent
from practice.domain.measures import MeasureKind, MeasureSource
from practice.services import measure_forms, measures
from practice.services.errors import ValidationError
from practice.services.measures import GoalInput, MeasureInput

DAY = date(2025, 3, 3)


def _phq9(client_id: int, answers: list[int | None]) -> MeasureInput:
    return MeasureInput(
        client_id=client_id, kind=MeasureKind.PHQ9, taken_on=DAY,
        source=MeasureSource.SESSION, answers=answers,
    )  # fmt: skip


def test_an_alert_keeps_its_answer_shows_the_current_one_and_follows_a_higher_one(db):
    with db.session() as s:
        client = new_client(s)
        view, alert = measures.record_measure(s, _phq9(client, [1] * 8 + [1]))
    assert alert is not None and alert.answer == 1 and not alert.answer_changed
    # corrected down to 0: the alert stays open, with the answer it was raised with
    with db.session() as s:
        measures.update_measure(s, view.id, [1] * 8 + [0])
    with db.session() as s:
        [open_alert] = measures.open_alerts(s, client)
        assert (open_alert.answer, open_alert.current_answer) == (1, 0)
        assert open_alert.answer_changed
        assert measures.alerts_by_measure(s, client)[view.id].current_answer == 0
    # raised to 3: the open alert now says 3, audited
    with db.session() as s:
        _, new = measures.update_measure(s, view.id, [1] * 8 + [3])
    assert new is None  # still the one alert of the measure
    with db.session() as s:
        [open_alert] = measures.open_alerts(s, client)
        assert (open_alert.answer, open_alert.current_answer) == (3, 3)
        events = s.scalars(select(AuditEvent).where(AuditEvent.entity == "risk_alert")).all()
        assert [e.action for e in events] == ["create", "update"]
        assert "question 9 now 3 (was 1)" in events[-1].summary
    # a lower answer again never lowers the alert
    with db.session() as s:
        measures.update_measure(s, view.id, [1] * 8 + [2])
        [open_alert] = measures.open_alerts(s, client)
        assert (open_alert.answer, open_alert.current_answer) == (3, 2)


@pytest.mark.parametrize("bad", [True, False])
def test_true_and_false_are_no_answers(db, bad):
    with db.session() as s:
        client = new_client(s)
        with pytest.raises(ValidationError):
            measures.record_measure(s, _phq9(client, [bad] + [1] * 8))
        with pytest.raises(ValidationError):
            measures.record_measure(s, _phq9(client, [1] * 8 + [bad]))
        data = MeasureInput(
            client_id=client, kind=MeasureKind.PHQ9, taken_on=DAY,
            source=MeasureSource.SESSION, answers=[1] * 9, difficulty=bad,
        )  # fmt: skip
        with pytest.raises(ValidationError):
            measures.record_measure(s, data)
        assert measures.measures_for(s, client) == []


def test_two_goals_with_the_same_text_are_refused(db):
    with db.session() as s:
        client = new_client(s)
        goals = [GoalInput("Walk to the shop"), GoalInput("  walk   to the SHOP ")]
        with pytest.raises(ValidationError) as raised:
            measures.set_goals(s, client, goals)
        assert raised.value.errors == {
            "goals[1]": "Goal 2 is the same as goal 1: name each goal once."
        }
        assert measures.goals_for(s, client) == []


def test_a_paper_form_dated_before_it_was_printed_is_refused(db):
    with db.session() as s:
        client = new_client(s)
        form, _ = measure_forms.print_form(s, client, MeasureKind.PHQ9)
    printed = form.created_at.astimezone().date()
    with db.session() as s, pytest.raises(ValidationError) as raised:
        measure_forms.record_paper_form(
            s, form.code, taken_on=printed - timedelta(days=1), answers=[0] * 9
        )
    assert "cannot have been filled in on" in raised.value.errors["taken_on"]
    with db.session() as s:
        view, _ = measure_forms.record_paper_form(s, form.code, taken_on=printed, answers=[0] * 9)
    assert view.taken_on == printed
