"""``delete_measure`` and a risk alert, and ``set_goals`` refusing (never cutting) a goal
text (issue 16)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from practice.db.engine import Database
from practice.db.models import AuditEvent, RiskAlert
from practice.domain.measures import MeasureKind, MeasureSource
from practice.services import clients, measures
from practice.services.clients import ClientInput
from practice.services.errors import ServiceError, ValidationError
from practice.services.measures import GOAL_TEXT_MAX, GoalInput, MeasureInput

RISKY = [1, 1, 1, 1, 1, 1, 1, 1, 2]


def _client(db: Database) -> int:
    with db.session() as s:
        return clients.create(s, ClientInput(first_name="Ana", last_name="Prueba")).id


def _phq9(db: Database, client_id: int) -> int:
    with db.session() as s:
        view, alert = measures.record_measure(
            s,
            MeasureInput(
                client_id, MeasureKind.PHQ9, date.today(), MeasureSource.PAPER, answers=RISKY
            ),  # fmt: skip
        )
        assert alert is not None
        return view.id


def test_an_open_alert_goes_with_its_measure_and_the_audit_says_so(db: Database) -> None:
    client_id = _client(db)
    measure_id = _phq9(db, client_id)
    with db.session() as s:
        measures.delete_measure(s, measure_id)
    with db.session() as s:
        assert s.scalars(select(RiskAlert)).all() == []
        said = {(e.entity, e.action) for e in s.scalars(select(AuditEvent)).all()}
    assert {("measure", "delete"), ("risk_alert", "delete")} <= said


def test_an_acknowledged_alert_keeps_its_measure(db: Database) -> None:
    client_id = _client(db)
    measure_id = _phq9(db, client_id)
    with db.session() as s:
        [alert] = measures.open_alerts(s, client_id)
        measures.acknowledge_alert(s, alert.id, "Safety plan reviewed.")
    with db.session() as s, pytest.raises(ServiceError, match="safety record"):
        measures.delete_measure(s, measure_id)
    with db.session() as s:
        assert [m.id for m in measures.measures_for(s, client_id)] == [measure_id]
        assert list(measures.alerts_by_measure(s, client_id)) == [measure_id]


@pytest.mark.parametrize(
    "text",
    ["x" * (GOAL_TEXT_MAX + 1), "Sleep\x1bwell", "Sleep\x7fwell", "Sleep\nwell", "Sleep\u202ewell",
     "Sleep\u2066well"],
)  # fmt: skip
def test_set_goals_refuses_and_never_cuts(db: Database, text: str) -> None:
    client_id = _client(db)
    with db.session() as s, pytest.raises(ValidationError) as refused:
        measures.set_goals(s, client_id, [GoalInput(text)])
    assert refused.value.errors["goals[0]"].startswith("Goal 1 ")
    with db.session() as s:
        assert measures.goals_for(s, client_id) == []
    # the limit itself and right-to-left letters are fine
    with db.session() as s:
        kept = measures.set_goals(s, client_id, [GoalInput("y" * GOAL_TEXT_MAX), GoalInput("سارة")])
    assert [g.text for g in kept] == ["y" * GOAL_TEXT_MAX, "سارة"]
