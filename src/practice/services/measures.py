"""Outcome measures: record a client's PHQ-9, GAD-7 or goal ratings, list them, and the
risk alerts PHQ-9 item 9 raises (docs/clinical.md, Outcome measures).

Recording scores the answers (``practice.domain.measures``) and keeps them as given. An
answer above 0 on PHQ-9 item 9 raises a :class:`RiskAlertView` in the same transaction:
it stays open, on Today, the prep view and the session panel, until it is acknowledged
with a note of what was done (:func:`acknowledge_alert`), which may also set the
client's "cannot postpone treatment" flag. Every step goes to the audit trail, by id.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from practice.db.models import Appointment, Client, ClientGoal, GoalRating, Measure, RiskAlert
from practice.domain.measures import (
    GOALS_MAX,
    RATING_MAX,
    RISK_ITEM,
    AnswersError,
    MeasureKind,
    MeasureSource,
    Score,
    score,
)
from practice.domain.text import clean, has_control, text_problem
from practice.services import audit, versions
from practice.services.appointments import now_utc
from practice.services.errors import NotFoundError, ServiceError, ValidationError
from practice.text import QT_TRANSLATE_NOOP

GOAL_TEXT_MAX = 200
ACTION_NOTE_MAX = 5_000


@dataclass(frozen=True)
class GoalView:
    id: int
    position: int
    text: str
    higher_is_better: bool
    version: int | None = None  # pass it back when saving (``practice.services.versions``)


@dataclass(frozen=True)
class MeasureView:
    id: int
    client_id: int
    kind: MeasureKind
    taken_on: date
    source: MeasureSource
    answers: tuple[int | None, ...]  # PHQ-9, GAD-7: in item order
    difficulty: int | None
    total: int | None
    prorated: bool
    ratings: tuple[tuple[int, int], ...]  # goals: (goal id, rating 0–10)
    appointment_id: int | None
    version: int | None = None  # pass it back when saving (``practice.services.versions``)

    @property
    def risk_item_unanswered(self) -> bool:
        """A PHQ-9 whose question 9 was left unanswered: to ask about."""
        return self.kind is MeasureKind.PHQ9 and _risk_answer(self.answers, None) is None


@dataclass(frozen=True)
class RiskAlertView:
    id: int
    client_id: int
    measure_id: int
    answer: int
    taken_on: date
    raised_at: datetime
    acknowledged_at: datetime | None
    action_note: str | None
    flag_set: bool
    # question 9's answer on the measure now (it may have been corrected since the
    # alert was raised with ``answer``); None when it is now unanswered
    current_answer: int | None = None
    version: int | None = None  # pass it back when saving (``practice.services.versions``)

    @property
    def is_open(self) -> bool:
        return self.acknowledged_at is None

    @property
    def answer_changed(self) -> bool:
        """The measure's question 9 no longer says what the alert was raised with."""
        return self.current_answer != self.answer


@dataclass(frozen=True)
class MeasureInput:
    """What was answered. PHQ-9 and GAD-7: ``answers`` (None for unanswered) and the
    optional ``difficulty``; goals: ``ratings`` as (goal id, 0–10)."""

    client_id: int
    kind: MeasureKind
    taken_on: date
    source: MeasureSource
    answers: Sequence[int | None] = ()
    difficulty: int | None = None
    ratings: Sequence[tuple[int, int]] = ()
    appointment_id: int | None = None
    form_id: int | None = None


def record_measure(
    db: Session, data: MeasureInput, *, today: date | None = None
) -> tuple[MeasureView, RiskAlertView | None]:
    """Validate, score and store a measure; returns it and the risk alert it raised.
    ``today`` (default: the clock's) is the last day a measure may be taken on."""
    client = _client(db, data.client_id)
    kind = MeasureKind(data.kind)
    errors = _problems(db, data, kind, today or now_utc().date())
    if errors:
        raise ValidationError(errors)
    row = Measure(
        client_id=client.id,
        kind=kind,
        taken_on=data.taken_on,
        source=MeasureSource(data.source),
        form_id=data.form_id,
        appointment_id=data.appointment_id,
    )
    scored = None
    if kind.instrument is not None:
        scored = score(kind.instrument, data.answers)
        row.answers = json.dumps(list(scored.answers))
        row.difficulty = data.difficulty
        row.total = scored.total
        row.prorated = scored.prorated
    db.add(row)
    db.flush()
    for goal_id, rating in data.ratings:
        db.add(GoalRating(measure_id=row.id, goal_id=goal_id, rating=rating))
    audit.record(db, "measure", row.id, "create", f"{kind.value} measure {row.id} recorded")
    alert = _raise_alert(db, row, scored) if scored is not None else None
    db.flush()
    return _view(db, row), alert


def update_measure(
    db: Session,
    measure_id: int,
    answers: Sequence[int | None],
    difficulty: int | None = None,
    *,
    version: int | None = None,
) -> tuple[MeasureView, RiskAlertView | None]:
    """Change a PHQ-9's or GAD-7's answers (a correction, or the rest of the answers
    given after it was recorded at once): rescored, audited by id. An alert it raised
    stays (acknowledging it is how it is closed); a measure has at most one alert, so
    only a measure without one can raise it here. Returns the measure and a newly
    raised alert, if any."""
    row = db.get(Measure, measure_id)
    if row is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("measures", "That measure no longer exists."))
    versions.check(row, version)  # as loaded (``practice.services.versions``)
    kind = MeasureKind(row.kind)
    if kind.instrument is None:
        message = QT_TRANSLATE_NOOP(
            "measures", "Only the answers of a PHQ-9 or a GAD-7 can be changed."
        )
        raise ValidationError({"answers": message})
    try:
        scored = score(kind.instrument, answers)
    except AnswersError as error:
        raise ValidationError({"answers": error.args[0]}) from error
    if difficulty is not None and (isinstance(difficulty, bool) or not 0 <= difficulty <= 3):
        message = QT_TRANSLATE_NOOP("measures", "The last question takes an answer from 0 to 3.")
        raise ValidationError({"difficulty": message})
    row.answers = json.dumps(list(scored.answers))
    row.difficulty = difficulty
    row.total = scored.total
    row.prorated = scored.prorated
    versions.flush(db, row)
    audit.record(db, "measure", row.id, "update", f"{kind.value} measure {row.id} changed")
    existing = db.scalar(select(RiskAlert).where(RiskAlert.measure_id == row.id))
    if existing is None:
        return _view(db, row), _raise_alert(db, row, scored)
    if existing.acknowledged_at is None and (scored.risk_answer or 0) > existing.answer:
        # a higher answer: the open alert says so (a lower one never closes it)
        before, existing.answer = existing.answer, scored.risk_answer or 0
        db.flush()
        audit.record(
            db, "risk_alert", existing.id, "update",
            f"risk alert {existing.id}: question 9 now {existing.answer} (was {before})",
        )  # fmt: skip
    return _view(db, row), None


def _raise_alert(db: Session, row: Measure, scored: Score) -> RiskAlertView | None:
    """The risk alert of ``row`` when PHQ-9 question 9 is above 0 (added and audited)."""
    if not scored.raises_risk_alert or scored.risk_answer is None:
        return None
    alert = RiskAlert(measure_id=row.id, client_id=row.client_id, answer=scored.risk_answer)
    db.add(alert)
    db.flush()
    audit.record(
        db, "risk_alert", alert.id, "create", f"risk alert {alert.id} raised by measure {row.id}"
    )
    return _alert_view(alert, row.taken_on, row.answers)


def _problems(db: Session, data: MeasureInput, kind: MeasureKind, today: date) -> dict[str, str]:
    errors: dict[str, str] = {}
    if data.taken_on > today:
        errors["taken_on"] = QT_TRANSLATE_NOOP("measures", "The day it was taken is in the future.")
    if data.appointment_id is not None:
        appointment = db.get(Appointment, data.appointment_id)
        if appointment is None or appointment.client_id != data.client_id:
            errors["appointment_id"] = QT_TRANSLATE_NOOP(
                "measures", "That session is not this client's."
            )
    if kind.instrument is not None:
        try:
            score(kind.instrument, data.answers)
        except AnswersError as error:
            errors["answers"] = error.args[0]
        if data.difficulty is not None and (
            isinstance(data.difficulty, bool) or not 0 <= data.difficulty <= 3
        ):
            errors["difficulty"] = QT_TRANSLATE_NOOP(
                "measures", "The last question takes an answer from 0 to 3."
            )
        return errors
    goals = {g.id for g in goals_for(db, data.client_id)}
    rated = [goal for goal, _ in data.ratings]
    if not rated:
        errors["ratings"] = QT_TRANSLATE_NOOP("measures", "Rate at least one goal.")
    elif len(set(rated)) != len(rated) or not set(rated) <= goals:
        errors["ratings"] = QT_TRANSLATE_NOOP("measures", "Rate only this client's current goals.")
    elif any(
        isinstance(rating, bool) or not 0 <= rating <= RATING_MAX for _, rating in data.ratings
    ):
        errors["ratings"] = QT_TRANSLATE_NOOP("measures", "Each goal takes a rating from 0 to 10.")
    return errors


def measures_for(db: Session, client_id: int, kind: MeasureKind | None = None) -> list[MeasureView]:
    """The client's measures, oldest first (of one kind, if given)."""
    query = select(Measure).where(Measure.client_id == client_id)
    if kind is not None:
        query = query.where(Measure.kind == kind)
    rows = db.scalars(query.order_by(Measure.taken_on, Measure.id)).all()
    return [_view(db, row) for row in rows]


def delete_measure(db: Session, measure_id: int) -> None:
    """Remove a measure entered by mistake. A risk alert it raised that is still open
    goes with it (the audit says so); one already acknowledged is a safety record of
    what was done and is kept, so that measure is refused (its answers can be changed)."""
    row = db.get(Measure, measure_id)
    if row is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("measures", "That measure no longer exists."))
    alert = db.scalar(select(RiskAlert).where(RiskAlert.measure_id == measure_id))
    if alert is not None and alert.acknowledged_at is not None:
        raise ServiceError(
            QT_TRANSLATE_NOOP(
                "measures",
                "This measure raised a risk alert that has been acknowledged; the alert and "
                "what was done are a safety record, so the measure is kept.",
            )
        )
    alert_id = alert.id if alert is not None else None
    db.delete(row)
    db.flush()
    audit.record(db, "measure", measure_id, "delete", f"measure {measure_id} removed")
    if alert_id is not None:
        audit.record(
            db, "risk_alert", alert_id, "delete", f"open risk alert {alert_id} removed with it"
        )


# ---- personal goals -------------------------------------------------------------


@dataclass(frozen=True)
class GoalInput:
    text: str
    higher_is_better: bool = True


def goals_for(db: Session, client_id: int) -> list[GoalView]:
    """The client's current goals, by position."""
    rows = db.scalars(
        select(ClientGoal)
        .where(ClientGoal.client_id == client_id, ClientGoal.retired_on.is_(None))
        .order_by(ClientGoal.position)
    ).all()
    return [GoalView(g.id, g.position, g.text, g.higher_is_better, g.version) for g in rows]


def set_goals(
    db: Session,
    client_id: int,
    goals: Sequence[GoalInput],
    *,
    loaded: Sequence[GoalView] | None = None,
) -> list[GoalView]:
    """Make ``goals`` (1 to 3, in order) the client's current goals. A goal whose text and
    direction are unchanged keeps its ratings; the others are retired, not deleted.
    ``loaded``: the goals as the user saw them (refused when they changed meanwhile)."""
    _client(db, client_id)
    errors: dict[str, str] = {}
    if not 1 <= len(goals) <= GOALS_MAX:
        errors["goals"] = QT_TRANSLATE_NOOP("measures", "Name one to three goals.")
    for i, goal in enumerate(goals):
        # refused, never cut or cleaned: the GUI keeps what was typed for a correction
        problem = text_problem(clean(goal.text), GOAL_TEXT_MAX)  # as it will be kept
        if problem is None and has_control(clean(goal.text)):
            problem = QT_TRANSLATE_NOOP(
                "measures",
                "holds an invisible control character (a tab, a line break or a "
                "direction code); type it again",
            )
        if problem or not clean(goal.text):
            errors[f"goals[{i}]"] = QT_TRANSLATE_NOOP(
                "measures", "Goal {number} {problem}."
            ).format(number=i + 1, problem=problem or QT_TRANSLATE_NOOP("measures", "is empty"))
    seen: dict[str, int] = {}
    for i, goal in enumerate(goals):
        same = " ".join((clean(goal.text) or "").split()).casefold()
        if not same or f"goals[{i}]" in errors:
            continue
        if same in seen:
            errors[f"goals[{i}]"] = QT_TRANSLATE_NOOP(
                "measures", "Goal {number} is the same as goal {first}: name each goal once."
            ).format(number=i + 1, first=seen[same] + 1)
        else:
            seen[same] = i
    if errors:
        raise ValidationError(errors)
    current = db.scalars(
        select(ClientGoal).where(ClientGoal.client_id == client_id, ClientGoal.retired_on.is_(None))
    ).all()
    versions.check_set(
        db, ClientGoal, current, None if loaded is None else {g.id: g.version or 0 for g in loaded}
    )
    wanted = [(clean(g.text) or "", bool(g.higher_is_better)) for g in goals]
    today = now_utc().date()
    kept: dict[tuple[str, bool], ClientGoal] = {}
    for row in current:
        key = (row.text, row.higher_is_better)
        if key in wanted and key not in kept:
            kept[key] = row
        else:
            row.retired_on = today
    db.flush()
    for position, (text, higher_is_better) in enumerate(wanted, start=1):
        kept_goal = kept.get((text, higher_is_better))
        if kept_goal is None:
            db.add(
                ClientGoal(
                    client_id=client_id,
                    position=position,
                    text=text,
                    higher_is_better=higher_is_better,
                )
            )
        else:
            kept_goal.position = position
    db.flush()
    audit.record(db, "client", client_id, "goals", f"goals of client {client_id} set")
    return goals_for(db, client_id)


# ---- risk alerts ----------------------------------------------------------------


def alerts_by_measure(db: Session, client_id: int) -> dict[int, RiskAlertView]:
    """Every risk alert of the client, open or acknowledged, by the id of its measure."""
    rows = db.execute(
        select(RiskAlert, Measure.taken_on, Measure.answers)
        .join(Measure, Measure.id == RiskAlert.measure_id)
        .where(RiskAlert.client_id == client_id)
    ).all()
    return {alert.measure_id: _alert_view(alert, day, answers) for alert, day, answers in rows}


def open_alerts(db: Session, client_id: int | None = None) -> list[RiskAlertView]:
    """Alerts not yet acknowledged, oldest first (of one client, if given)."""
    query = (
        select(RiskAlert, Measure.taken_on, Measure.answers)
        .join(Measure, Measure.id == RiskAlert.measure_id)
        .where(RiskAlert.acknowledged_at.is_(None))
    )
    if client_id is not None:
        query = query.where(RiskAlert.client_id == client_id)
    rows = db.execute(query.order_by(RiskAlert.raised_at, RiskAlert.id)).all()
    return [_alert_view(alert, day, answers) for alert, day, answers in rows]


def acknowledge_alert(
    db: Session,
    alert_id: int,
    action_note: str,
    *,
    set_cannot_postpone: bool = False,
    flag_reason: str | None = None,
    version: int | None = None,
) -> RiskAlertView:
    """Close an alert with what was done; optionally mark the client "cannot postpone
    treatment" (conditional sessions are then never applied to them). The flag's reason
    is a neutral line (``flag_reason``, the GUI's words, else "Risk alert on 4 Dec 2026
    (PHQ-9 question 9)"), never the note: it shows on screens a client may see.
    ``version``: the alert's as loaded (refused when it changed meanwhile, e.g.
    acknowledged on another computer: that computer's note is kept)."""
    alert = db.get(RiskAlert, alert_id)
    if alert is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("measures", "That alert no longer exists."))
    versions.check(alert, version)
    if alert.acknowledged_at is not None:
        raise ValidationError(
            {"alert": QT_TRANSLATE_NOOP("measures", "This alert was already acknowledged.")}
        )
    problem = text_problem(action_note, ACTION_NOTE_MAX)
    if problem or not clean(action_note):
        raise ValidationError(
            {
                "action_note": QT_TRANSLATE_NOOP(
                    "measures", "Say what was done about the answer to question 9."
                )
            }
        )
    alert.acknowledged_at = now_utc()
    alert.action_note = clean(action_note)
    if set_cannot_postpone:
        client = _client(db, alert.client_id)
        if not client.cannot_postpone:
            client.cannot_postpone = True
            taken = db.get(Measure, alert.measure_id)
            on = taken.taken_on if taken is not None else alert.raised_at.date()
            client.cannot_postpone_reason = clean(flag_reason or "") or (
                f"Risk alert on {on.day} {MONTHS[on.month - 1]} {on.year} (PHQ-9 question 9)"
            )
            alert.flag_set = True
            audit.record(
                db,
                "client",
                client.id,
                "cannot_postpone",
                f"client {client.id} marked cannot postpone (risk alert {alert.id})",
            )
    versions.flush(db, alert)
    audit.record(db, "risk_alert", alert.id, "acknowledge", f"risk alert {alert.id} acknowledged")
    measure = db.get(Measure, alert.measure_id)
    assert measure is not None  # the alert goes with its measure
    return _alert_view(alert, measure.taken_on, measure.answers)


# ---- helpers --------------------------------------------------------------------

# the flag's default reason names the month in English words, whatever the C locale
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _client(db: Session, client_id: int) -> Client:
    client = db.get(Client, client_id)
    if client is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("measures", "That client no longer exists."))
    return client


def _view(db: Session, row: Measure) -> MeasureView:
    ratings = db.execute(
        select(GoalRating.goal_id, GoalRating.rating)
        .where(GoalRating.measure_id == row.id)
        .order_by(GoalRating.goal_id)
    ).all()
    answers = tuple(json.loads(row.answers)) if row.answers else ()
    return MeasureView(
        id=row.id,
        client_id=row.client_id,
        kind=row.kind,
        taken_on=row.taken_on,
        source=row.source,
        answers=answers,
        difficulty=row.difficulty,
        total=row.total,
        prorated=row.prorated,
        ratings=tuple((goal, rating) for goal, rating in ratings),
        appointment_id=row.appointment_id,
        version=row.version,
    )


def _risk_answer(answers: Sequence[int | None], default: int | None) -> int | None:
    """Question 9's answer in a PHQ-9's answers (``default`` when there are too few)."""
    return answers[RISK_ITEM - 1] if len(answers) >= RISK_ITEM else default


def _alert_view(alert: RiskAlert, taken_on: date, answers: str | None) -> RiskAlertView:
    return RiskAlertView(
        id=alert.id,
        client_id=alert.client_id,
        measure_id=alert.measure_id,
        answer=alert.answer,
        taken_on=taken_on,
        raised_at=alert.raised_at,
        acknowledged_at=alert.acknowledged_at,
        action_note=alert.action_note,
        flag_set=alert.flag_set,
        current_answer=_risk_answer(json.loads(answers) if answers else (), alert.answer),
        version=alert.version,
    )
