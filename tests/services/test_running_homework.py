"""A new assignment of a template the client already has running (issue 12, point 9)."""

from __future__ import annotations

import pytest
from _loop import assigned, homework_input, new_client

from practice.domain.vocabulary import AssignmentStatus
from practice.services import homework
from practice.services.errors import ValidationError


def test_running_of_template_finds_only_this_clients_active_one(db):  # type: ignore[no-untyped-def]
    with db.session() as s:
        ana = new_client(s)
        ben = new_client(s, "Ben", "Prueba")
        dropped = assigned(s, ana, None)
        homework.drop(s, dropped, "Too much this week")
        assigned(s, ben, None)  # another client's mood log
        assert homework.running_of_template(s, ana, "mood_log") is None
        running = assigned(s, ana, None)
        assigned(s, ana, None, template_key="sleep_diary", title="Sleep diary")
        found = homework.running_of_template(s, ana, "mood_log")
        assert found is not None and found.id == running


def test_assign_new_replaces_or_keeps_both(db):  # type: ignore[no-untyped-def]
    with db.session() as s:
        ana = new_client(s)
        first = assigned(s, ana, None)
        second = homework.assign_new(
            s, ana, homework_input(), running=homework.RunningChoice(first, replace=False)
        )
        assert homework.get(s, first).status is AssignmentStatus.ACTIVE
        third = homework.assign_new(
            s, ana, homework_input(), running=homework.RunningChoice(second.id, replace=True)
        )
        assert homework.get(s, second.id).status is AssignmentStatus.REPLACED
        assert homework.get(s, second.id).status_reason == homework.SET_AGAIN_REASON
        assert third.replaces_id == second.id
        ben = new_client(s, "Ben", "Prueba")
        with pytest.raises(ValidationError):  # another client's homework is not replaced
            homework.assign_new(
                s, ben, homework_input(), running=homework.RunningChoice(first, replace=True)
            )
