"""The demo's outcome measures, agreeing with the stories in ``demo_story`` and
``demo_caseload`` (docs/clinical.md, Outcome measures).

* the improver: PHQ-9 flat while the plain sheet went undone, then falling from the
  session the material was adapted (18 → 9: a reliable improvement and recovery);
* the drifter: PHQ-9 better while the homework was done, worse as it fell away (14 →
  16: no reliable change), and a fillable PHQ-9 returned the evening before today
  with item 9 answered "several days": its risk alert is open, and he is not marked
  "cannot postpone treatment";
* the discharged client: GAD-7 and two personal goals, rated at sessions, both better;
* the angry-outbursts client: GAD-7 and two personal goals, a little better.

Everything goes through ``services.measures`` (scored, validated, audited, and the
item-9 alert raised there, as in the session panel); only the times are then set to
the session's (or the evening's), so that a seed and a day give the same rows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session as Db

from practice.db.models import Appointment, ClientGoal, Measure, MeasureForm, RiskAlert
from practice.domain.measures import QUESTIONNAIRES, Instrument, MeasureKind, MeasureSource
from practice.domain.vocabulary import Language
from practice.services.measures import GoalInput, MeasureInput, record_measure, set_goals

RETURNED_AT = time(21, 10)  # the drifter's fillable PHQ-9, imported the evening before today
RISK_ANSWER = 1  # "several days" on PHQ-9 item 9

Session = tuple[date, Appointment]  # an attended session: its day, its appointment
At = Callable[[date, time], datetime]  # Writer.at: the therapist's clock, as aware UTC


@dataclass(frozen=True)
class MeasurePlan:
    """One client's measures by session (slot index of the story, attended)."""

    phq9: Mapping[int, int] = field(default_factory=dict)  # slot -> total
    gad7: Mapping[int, int] = field(default_factory=dict)
    goals: tuple[GoalInput, ...] = ()  # set at the first session rated
    ratings: Mapping[int, tuple[int, ...]] = field(default_factory=dict)  # slot -> by goal


PLANS: dict[str, MeasurePlan] = {
    # Material adapted at slot 9 (the easy sheet with faces and tick boxes).
    "improver": MeasurePlan(phq9={0: 18, 4: 18, 9: 17, 12: 15, 15: 13, 18: 11, 21: 9}),
    # Completion 3-4 until slot 7, then falling; the relapse at slot 15.
    "drifter": MeasurePlan(phq9={0: 14, 3: 11, 6: 10, 9: 12, 12: 13, 15: 15, 18: 15}),
    "discharged": MeasurePlan(
        gad7={0: 15, 3: 13, 6: 11, 9: 8, 12: 6, 15: 5},
        goals=(
            GoalInput("Drive on the motorway on my own"),
            GoalInput("How much the fear of fainting at the wheel stops me", False),
        ),
        ratings={0: (1, 8), 6: (3, 6), 12: (6, 3), 15: (9, 2)},
    ),
    "unfinished_paperwork": MeasurePlan(
        gad7={0: 11, 4: 10, 9: 9},
        goals=(
            GoalInput("Walk out of the room before I shout at my son"),
            GoalInput("Hours of guilt after an argument", False),
        ),
        ratings={0: (2, 8), 4: (4, 7), 9: (6, 5)},
    ),
}
RETURNED_PHQ9 = ("drifter", 16)  # whose fillable PHQ-9, and its total (item 9 included)


def answers_for(instrument: Instrument, total: int, slot: int, risk: int = 0) -> list[int | None]:
    """Item answers (0-3) that add up to ``total``, spread a little differently at each
    slot; PHQ-9 item 9 is ``risk``."""
    count = QUESTIONNAIRES[instrument].item_count
    spread = count - 1 if instrument is Instrument.PHQ9 else count
    rest = total - risk
    if not 0 <= rest <= 3 * spread:
        raise ValueError(f"{instrument} total {total} cannot be spread")
    base, extra = divmod(rest, spread)
    answers: list[int | None] = [base] * spread
    for k in range(extra):
        answers[(slot + k) % spread] = base + 1
    if instrument is Instrument.PHQ9:
        answers.append(risk)
    return answers


def difficulty_for(total: int) -> int:
    return 0 if total < 5 else 1 if total < 10 else 2 if total < 20 else 3


def write_measures(
    db: Db,
    roles: Mapping[str, int],
    sessions: Mapping[str, Mapping[int, Session]],
    *,
    today: date,
    at: At,
    code: Callable[[], str],
) -> None:
    """Record every plan's measures (after the sessions are in the database)."""
    for role, plan in PLANS.items():
        client_id, slots = roles[role], sessions[role]
        goal_ids: list[int] = []
        for slot in sorted({*plan.phq9, *plan.gad7, *plan.ratings}):
            day, appt = slots[slot]  # KeyError: the plan names a session not attended
            when = appt.starts_at + timedelta(minutes=appt.duration_minutes - 5)
            if plan.goals and not goal_ids:
                goal_ids = [g.id for g in set_goals(db, client_id, plan.goals)]
                for goal_id in goal_ids:
                    goal = db.get(ClientGoal, goal_id)
                    assert goal is not None
                    goal.created_at = when
            for instrument, totals in ((Instrument.PHQ9, plan.phq9), (Instrument.GAD7, plan.gad7)):
                if slot in totals:
                    _record(db, client_id, instrument, totals[slot], slot, day, appt, when)
            if slot in plan.ratings:
                rated = tuple(zip(goal_ids, plan.ratings[slot], strict=True))
                view, _ = record_measure(
                    db,
                    MeasureInput(
                        client_id=client_id, kind=MeasureKind.GOALS, taken_on=day,
                        source=MeasureSource.SESSION, ratings=rated, appointment_id=appt.id,
                    ),
                    today=day,  # the demo's clock: its today may lie after the real one
                )  # fmt: skip
                _stamp(db, view.id, when)
    role, total = RETURNED_PHQ9
    _returned(db, roles[role], sessions[role], total, today=today, at=at, code=code)
    db.flush()


def _record(
    db: Db,
    client_id: int,
    instrument: Instrument,
    total: int,
    slot: int,
    day: date,
    appt: Appointment,
    when: datetime,
) -> None:
    view, _ = record_measure(
        db,
        MeasureInput(
            client_id=client_id, kind=MeasureKind(instrument.value), taken_on=day,
            source=MeasureSource.SESSION, answers=answers_for(instrument, total, slot),
            difficulty=difficulty_for(total), appointment_id=appt.id,
        ),
        today=day,  # the demo's clock: its today may lie after the real one
    )  # fmt: skip
    _stamp(db, view.id, when)


def _returned(
    db: Db,
    client_id: int,
    slots: Mapping[int, Session],
    total: int,
    *,
    today: date,
    at: At,
    code: Callable[[], str],
) -> None:
    """The fillable PHQ-9 made at the client's last session and returned the evening
    before ``today``, with item 9 above 0: its alert is left open."""
    _, last = slots[max(slots)]
    made = last.starts_at + timedelta(minutes=last.duration_minutes)
    form = MeasureForm(
        code=code(), client_id=client_id, kind=MeasureKind.PHQ9, language=Language.EN,
        large_print=False, fillable=True, created_at=made,
    )  # fmt: skip
    db.add(form)
    db.flush()
    day = today - timedelta(days=1)
    when = max(at(day, RETURNED_AT), made + timedelta(hours=1))
    answers: Sequence[int | None] = answers_for(Instrument.PHQ9, total, 0, risk=RISK_ANSWER)
    view, alert = record_measure(
        db,
        MeasureInput(
            client_id=client_id, kind=MeasureKind.PHQ9, taken_on=day,
            source=MeasureSource.FILLABLE, answers=answers, difficulty=difficulty_for(total),
            form_id=form.id,
        ),
        today=today,
    )  # fmt: skip
    _stamp(db, view.id, when)
    assert alert is not None  # item 9 above 0 raises it, in record_measure
    row = db.get(RiskAlert, alert.id)
    assert row is not None
    row.raised_at = when


def _stamp(db: Db, measure_id: int, when: datetime) -> None:
    row = db.get(Measure, measure_id)
    assert row is not None
    row.created_at = when
