"""The demo practice: complete, believable, deterministic, and only in an empty file."""

from __future__ import annotations

import json
import sqlite3
import statistics
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from practice.db import migrate
from practice.db.engine import Database
from practice.db.models import (
    Appointment,
    Client,
    ClientGoal,
    ConditioningPeriod,
    DayBeforeCheck,
    HomeworkAssignment,
    HomeworkReview,
    Measure,
    MeasureForm,
    NoteAmendment,
    PsychotherapyNote,
    ReminderLog,
    ResistanceObservation,
    ReviewBarrier,
    ReviewStrategy,
    RiskAlert,
    SessionNote,
)
from practice.domain.measures import (
    Change,
    Instrument,
    MeasureKind,
    MeasureSource,
    change,
    recovered,
)
from practice.domain.vocabulary import (
    NOTE_SECTIONS,
    AppointmentStatus,
    AssignmentStatus,
    Barrier,
    CallDecision,
    ClientStatus,
    Language,
    LiteracyLevel,
    Modality,
    NoteFormat,
    ResistanceGroup,
    ResistanceKind,
    StageOfChange,
    Strategy,
    TemplateKey,
)
from practice.services import audit, clients, demo, measures
from practice.services.errors import ServiceError
from practice.services.homework import CODE_ALPHABET

TODAY = date(2025, 3, 12)  # a Wednesday
AS = AppointmentStatus


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, demo.DemoSummary]]:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    migrate.upgrade(path)
    database = Database(path)
    with database.session() as session:
        summary = demo.seed_demo(session, today=TODAY, tz=UTC)
    yield database, summary
    database.dispose()


@pytest.fixture
def s(seeded: tuple[Database, demo.DemoSummary]) -> Iterator[Session]:
    with seeded[0].session() as session:
        yield session


@pytest.fixture
def summary(seeded: tuple[Database, demo.DemoSummary]) -> demo.DemoSummary:
    return seeded[1]


def _reviews_of(s: Session, client_id: int) -> list[int]:
    """Completion of a client's reviews, oldest session first."""
    query = (
        select(HomeworkReview.completion)
        .join(Appointment, Appointment.id == HomeworkReview.appointment_id)
        .where(Appointment.client_id == client_id)
        .order_by(Appointment.starts_at)
    )
    return list(s.scalars(query))


def _count(s: Session, model: Any) -> int:
    return s.scalar(select(func.count()).select_from(model)) or 0


def _values(s: Session, column: Any) -> set[Any]:
    return set(s.scalars(select(column).distinct()))


# ---- what is there ---------------------------------------------------------------


def test_every_kind_of_record_is_present(s: Session) -> None:
    assert _count(s, Client) >= 12
    assert _values(s, Client.literacy_level) == set(LiteracyLevel)
    assert _values(s, Client.language) == set(Language)
    assert _values(s, Client.status) == set(ClientStatus)
    assert True in _values(s, Client.large_print)
    assert len(_values(s, Client.preferred_modality)) >= 4
    assert len(_values(s, Client.reminder_channel)) >= 4
    assert _values(s, Client.stage_of_change) >= {StageOfChange.ACTION, StageOfChange.RELAPSE}
    assert _values(s, Appointment.status) == set(AppointmentStatus)
    assert _values(s, SessionNote.format) == set(NoteFormat)
    assert _values(s, SessionNote.stage_of_change) == set(StageOfChange)
    kinds = _values(s, ResistanceObservation.kind)
    assert {ResistanceKind(k).group for k in kinds} == set(ResistanceGroup)
    assert _values(s, HomeworkAssignment.status) == set(AssignmentStatus)
    assert _values(s, HomeworkAssignment.modality) == set(Modality)
    assert _values(s, HomeworkAssignment.level) == set(LiteracyLevel)
    assert _values(s, HomeworkAssignment.template_key) == {t.value for t in TemplateKey}
    assert _values(s, HomeworkReview.completion) == {0, 1, 2, 3, 4}
    assert len(_values(s, ReviewBarrier.barrier)) >= 8
    assert len(_values(s, ReviewStrategy.strategy)) == len(Strategy)
    assert _count(s, ReminderLog) > 0
    assert _count(s, PsychotherapyNote) >= 2
    assert _count(s, NoteAmendment) >= 1
    assert None not in _values(s, HomeworkReview.days_recorded)
    assert {None} < _values(s, HomeworkReview.client_rating)  # sometimes not asked


def test_summary_counts_match_the_database(s: Session, summary: demo.DemoSummary) -> None:
    assert summary.counts["clients"] == _count(s, Client)
    assert summary.counts["homework_reviews"] == _count(s, HomeworkReview)
    assert set(summary.roles.values()) == set(s.scalars(select(Client.id)))
    assert summary.improver_id == summary.roles["improver"]


def test_notes_follow_their_format_and_vary(s: Session) -> None:
    notes = list(s.scalars(select(SessionNote)))
    for note in notes:
        assert tuple(note.sections) == NOTE_SECTIONS[note.format]
        assert all(text.strip() for text in note.sections.values())
        assert note.plan
    distinct = {tuple(n.sections.values()) for n in notes}
    assert len(distinct) >= 0.9 * len(notes)
    unsigned = [n for n in notes if n.signed_at is None]
    assert len(unsigned) == 1
    appt = s.get(Appointment, unsigned[0].appointment_id)
    assert appt is not None and TODAY - appt.starts_at.date() <= timedelta(days=14)
    # Notes only for attended sessions.
    statuses = s.scalars(
        select(Appointment.status).join(SessionNote, SessionNote.appointment_id == Appointment.id)
    )
    assert set(statuses) == {AS.ATTENDED}


def test_reviews_sit_in_attended_sessions_of_the_same_client_after_the_start(s: Session) -> None:
    rows = s.execute(
        select(HomeworkReview, HomeworkAssignment, Appointment)
        .join(HomeworkAssignment, HomeworkAssignment.id == HomeworkReview.assignment_id)
        .join(Appointment, Appointment.id == HomeworkReview.appointment_id)
    ).all()
    assert len(rows) > 100
    for _review, assignment, appt in rows:
        assert appt.status is AS.ATTENDED
        assert appt.client_id == assignment.client_id
        assert appt.starts_at.date() >= assignment.start_date


def test_assignment_codes_and_links(s: Session) -> None:
    assignments = {a.id: a for a in s.scalars(select(HomeworkAssignment))}
    codes = [a.code for a in assignments.values()]
    assert len(set(codes)) == len(codes)
    assert all(len(c) == 6 and set(c) <= set(CODE_ALPHABET) for c in codes)
    successors = {a.replaces_id for a in assignments.values() if a.replaces_id}
    for a in assignments.values():
        if a.replaces_id is not None:
            old = assignments[a.replaces_id]
            assert old.status is AssignmentStatus.REPLACED and old.client_id == a.client_id
        if a.status is AssignmentStatus.REPLACED:
            assert a.id in successors
        if a.status in (AssignmentStatus.DROPPED, AssignmentStatus.REPLACED):
            assert a.status_reason


def test_appointments_keep_working_hours_and_span_history_and_the_coming_weeks(
    s: Session,
) -> None:
    appts = list(s.scalars(select(Appointment)))
    starts = [a.starts_at for a in appts]
    assert len(set(starts)) == len(starts)  # no double booking
    assert all(time(8) <= t.astimezone(UTC).time() <= time(19) for t in starts)
    days = [t.date() for t in starts]
    assert min(days) <= TODAY - timedelta(days=150)
    assert max(days) >= TODAY + timedelta(days=14)
    for a in appts:
        if a.status is AS.SCHEDULED:
            assert TODAY <= a.starts_at.date() <= TODAY + timedelta(days=21)
        else:
            assert a.starts_at.date() < TODAY


# ---- the story clients ----------------------------------------------------------


def test_the_improver_improves_after_the_material_was_adapted(
    s: Session, summary: demo.DemoSummary
) -> None:
    completion = _reviews_of(s, summary.improver_id)
    assert statistics.mean(completion[-4:]) >= statistics.mean(completion[:4]) + 2
    client = s.get(Client, summary.improver_id)
    assert client is not None and client.language is Language.ES
    order = list(LiteracyLevel)
    theirs = {
        a.id: a
        for a in s.scalars(
            select(HomeworkAssignment).where(HomeworkAssignment.client_id == client.id)
        )
    }
    adapted = [
        a
        for a in theirs.values()
        if a.replaces_id in theirs
        and order.index(a.level) > order.index(theirs[a.replaces_id].level)
    ]
    assert adapted
    strategies = set(
        s.scalars(
            select(ReviewStrategy.strategy)
            .join(HomeworkReview, HomeworkReview.id == ReviewStrategy.review_id)
            .where(HomeworkReview.assignment_id == adapted[0].replaces_id)
        )
    )
    assert {Strategy.RE_EXPLAIN, Strategy.ADAPT_MATERIAL, Strategy.EXTERNAL_AIDS} <= strategies
    early_barriers = set(
        s.scalars(
            select(ReviewBarrier.barrier)
            .join(HomeworkReview, HomeworkReview.id == ReviewBarrier.review_id)
            .where(HomeworkReview.assignment_id == adapted[0].replaces_id)
        )
    )
    assert {Barrier.DIDNT_UNDERSTAND, Barrier.WRITING_HARD} <= early_barriers


def test_the_drifter_drifts(s: Session, summary: demo.DemoSummary) -> None:
    completion = _reviews_of(s, summary.drifter_id)
    assert statistics.mean(completion[-4:]) <= statistics.mean(completion[:4]) - 2
    stages = list(
        s.scalars(
            select(SessionNote.stage_of_change)
            .join(Appointment, Appointment.id == SessionNote.appointment_id)
            .where(Appointment.client_id == summary.drifter_id)
            .order_by(Appointment.starts_at)
        )
    )
    assert stages[0] is StageOfChange.ACTION and stages[-1] is StageOfChange.RELAPSE
    statuses = list(
        s.scalars(
            select(Appointment.status)
            .where(Appointment.client_id == summary.drifter_id)
            .order_by(Appointment.starts_at)
        )
    )
    half = len(statuses) // 2
    assert statuses[half:].count(AS.NO_SHOW) > statuses[:half].count(AS.NO_SHOW)


def test_conditional_sessions_came_after_the_ladder_and_with_calls(
    s: Session, summary: demo.DemoSummary
) -> None:
    cid = summary.conditional_id
    period = s.scalar(select(ConditioningPeriod).where(ConditioningPeriod.client_id == cid))
    assert period is not None and period.reason and period.agreed_on <= period.starts_on
    tried_before = set(
        s.scalars(
            select(ReviewStrategy.strategy)
            .join(HomeworkReview, HomeworkReview.id == ReviewStrategy.review_id)
            .join(Appointment, Appointment.id == HomeworkReview.appointment_id)
            .where(
                Appointment.client_id == cid,
                Appointment.starts_at < datetime.combine(period.starts_on, time(), UTC),
            )
        )
    )
    assert len(tried_before - {Strategy.CONDITIONAL_SESSIONS}) >= 3
    checks = s.execute(
        select(DayBeforeCheck, Appointment).join(
            Appointment, Appointment.id == DayBeforeCheck.appointment_id
        )
    ).all()
    assert len(checks) >= 4
    for check, appt in checks:
        assert appt.client_id == cid and appt.starts_at.date() >= period.starts_on
        assert check.called_at < appt.starts_at
        cancelled = check.decision is CallDecision.CANCEL
        assert cancelled == (appt.status is AS.CANCELLED_NO_SELF_RECORD)
    assert any(c.decision is CallDecision.CANCEL for c, _ in checks)
    no_record = s.scalars(
        select(Appointment.id).where(Appointment.status == AS.CANCELLED_NO_SELF_RECORD)
    ).all()
    assert set(no_record) <= {appt.id for _, appt in checks}
    tomorrow = s.scalars(
        select(Appointment.status).where(
            Appointment.client_id == cid,
            Appointment.starts_at >= datetime.combine(TODAY + timedelta(days=1), time(), UTC),
            Appointment.starts_at < datetime.combine(TODAY + timedelta(days=2), time(), UTC),
        )
    ).all()
    assert tomorrow == [AS.SCHEDULED]


def test_the_cannot_postpone_client_is_never_conditional(
    s: Session, summary: demo.DemoSummary
) -> None:
    client = s.get(Client, summary.cannot_postpone_id)
    assert client is not None and client.cannot_postpone and client.cannot_postpone_reason
    assert client.status is ClientStatus.ACTIVE
    assert (
        s.scalar(select(ConditioningPeriod).where(ConditioningPeriod.client_id == client.id))
        is None
    )
    completion = _reviews_of(s, client.id)
    assert 1.5 <= statistics.mean(completion) <= 3.5  # partial homework
    flagged = s.scalars(select(Client.id).where(Client.cannot_postpone.is_(True))).all()
    periods = s.scalars(select(ConditioningPeriod.client_id)).all()
    assert not set(flagged) & set(periods)


def test_age_doubt_is_waiting_to_be_raised(s: Session) -> None:
    pending = s.scalars(
        select(ResistanceObservation).where(
            ResistanceObservation.kind == ResistanceKind.DOUBTS_AGE,
            ResistanceObservation.raise_next_session.is_(True),
            ResistanceObservation.raised_at.is_(None),
        )
    ).all()
    assert len(pending) == 1
    raised = s.scalars(
        select(ResistanceObservation).where(ResistanceObservation.raised_at.is_not(None))
    ).all()
    assert raised  # earlier flagged items were raised at the next session


# ---- safety, determinism, speed -----------------------------------------------------


def test_refuses_a_database_that_already_holds_a_practice(db: Database) -> None:
    with db.session() as s:
        assert not demo.has_practice(s)
        clients.create(s, clients.ClientInput(first_name="Ada", last_name="Example"))
    with db.session() as s:
        assert demo.has_practice(s)
        with pytest.raises(ServiceError):
            demo.seed_demo(s, today=TODAY)
    with db.session() as s:
        assert _count(s, Client) == 1
        assert _count(s, Appointment) == 0


def _dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (without the time it was last saved); audit events
    without their time and chain hashes, and not the facts about the file itself (its
    id, its audit key's name)."""
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT IN ('alembic_version', 'practice_meta') ORDER BY name"
            )
        ]
        dump = {}
        for table in tables:
            names = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            # when a row was last saved is the clock's, not the seed's
            columns = ", ".join(n for n in names if n != "changed_at")
            if table == "audit_events":
                columns = "id, entity, entity_id, action, summary"
            dump[table] = conn.execute(f"SELECT {columns} FROM {table} ORDER BY 1, 2").fetchall()
        return dump
    finally:
        conn.close()


def _seed_file(path: Path, seed: int) -> Path:
    migrate.upgrade(path)
    database = Database(path)
    try:
        with database.session() as s:
            demo.seed_demo(s, today=TODAY, seed=seed, tz=UTC)
    finally:
        database.dispose()
    return path


def test_same_seed_and_day_give_identical_rows(tmp_path: Path) -> None:
    first = _dump(_seed_file(tmp_path / "a.sqlite3", 7))
    second = _dump(_seed_file(tmp_path / "b.sqlite3", 7))
    assert first == second
    assert len(first["appointments"]) > 150
    other = _dump(_seed_file(tmp_path / "c.sqlite3", 8))
    assert other["homework_assignments"] != first["homework_assignments"]


def test_default_day_and_zone_are_sound_and_audited(db: Database) -> None:
    # (its speed is measured in benchmarks/, not asserted here)
    with db.session() as s:
        summary = demo.seed_demo(s)
    if not db.location.is_postgresql:  # SQLite's file checks
        assert migrate.integrity(db.path) == []
    with db.session() as s:
        assert audit.verify_chain(s) == []
        events = audit.list_events(s, action="seed_demo")
        assert {e.entity for e in events} >= {"appointment", "homework_review", "practice"}
        assert all("Quintero" not in e.summary for e in audit.list_events(s, limit=1000))
        # The coming days are on the computer's clock: tomorrow's call is due.
        tomorrow = date.today() + timedelta(days=1)
        starts = s.scalars(
            select(Appointment.starts_at).where(
                Appointment.client_id == summary.conditional_id,
                Appointment.status == AS.SCHEDULED,
            )
        ).all()
        assert tomorrow in {t.astimezone().date() for t in starts}
        local_hours = {t.astimezone().time() for t in s.scalars(select(Appointment.starts_at))}
        assert all(time(8) <= t <= time(19) for t in local_hours)


# ---- outcome measures agree with the stories ---------------------------------------


def _totals(s: Session, client_id: int, kind: MeasureKind) -> list[tuple[date, int]]:
    views = measures.measures_for(s, client_id, kind)
    assert all(v.total is not None for v in views)
    return [(v.taken_on, v.total) for v in views if v.total is not None]


def test_the_improvers_phq9_improves_reliably_after_the_material_was_adapted(
    s: Session, summary: demo.DemoSummary
) -> None:
    phq9 = _totals(s, summary.improver_id, MeasureKind.PHQ9)
    adapted_on = s.scalar(
        select(func.min(HomeworkAssignment.start_date)).where(
            HomeworkAssignment.client_id == summary.improver_id,
            HomeworkAssignment.replaces_id.is_not(None),
        )
    )
    assert adapted_on is not None
    before = [t for d, t in phq9 if d < adapted_on]
    after = [t for d, t in phq9 if d >= adapted_on - timedelta(days=1)]
    assert len(before) >= 2 and len(after) >= 4
    # flat before the easy sheet, then a reliable improvement and recovery after it
    assert max(before) - min(before) < 6
    assert change(Instrument.PHQ9, after[0], after[-1]) is Change.RELIABLE_IMPROVEMENT
    assert change(Instrument.PHQ9, phq9[0][1], phq9[-1][1]) is Change.RELIABLE_IMPROVEMENT
    assert recovered(Instrument.PHQ9, phq9[0][1], phq9[-1][1]) is True
    assert after == sorted(after, reverse=True)
    # taken at sessions, each at one of the client's attended appointments
    for view in measures.measures_for(s, summary.improver_id):
        assert view.source is MeasureSource.SESSION and view.appointment_id is not None
        appt = s.get(Appointment, view.appointment_id)
        assert appt is not None and appt.client_id == summary.improver_id
        assert appt.status is AS.ATTENDED and appt.starts_at.date() == view.taken_on
        assert view.answers[8] == 0


def test_the_drifters_phq9_does_not_improve(s: Session, summary: demo.DemoSummary) -> None:
    phq9 = [t for _, t in _totals(s, summary.drifter_id, MeasureKind.PHQ9)]
    assert len(phq9) >= 5
    assert change(Instrument.PHQ9, phq9[0], phq9[-1]) is Change.NO_RELIABLE_CHANGE
    assert phq9[-1] >= phq9[0]  # if anything a little worse
    assert min(phq9) < phq9[0] <= phq9[-1]  # better while the homework was done, not since


def test_one_item_9_answer_leaves_one_open_alert_raised_the_real_way(
    s: Session, summary: demo.DemoSummary
) -> None:
    rows = s.scalars(select(Measure).where(Measure.kind == MeasureKind.PHQ9)).all()
    risky = [m for m in rows if m.answers and json.loads(m.answers)[8]]
    assert len(risky) == 1
    alerts = measures.open_alerts(s)
    assert len(alerts) == 1 and s.scalar(select(func.count()).select_from(RiskAlert)) == 1
    (alert,) = alerts
    assert alert.measure_id == risky[0].id and alert.answer == 1 and alert.is_open
    client = s.get(Client, alert.client_id)
    assert client is not None and not client.cannot_postpone
    assert alert.client_id == summary.drifter_id
    # returned as a fillable PDF the evening before the day the demo opens on
    assert risky[0].source is MeasureSource.FILLABLE and risky[0].taken_on == TODAY - timedelta(1)
    form = s.get(MeasureForm, risky[0].form_id)
    assert form is not None and form.fillable and form.client_id == summary.drifter_id
    raised = audit.list_events(s, entity="risk_alert")
    assert [(e.entity_id, e.action) for e in raised] == [(alert.id, "create")]


def test_other_clients_have_gad7_and_rated_goals(s: Session, summary: demo.DemoSummary) -> None:
    with_goals = set(s.scalars(select(ClientGoal.client_id)))
    assert len(with_goals) == 2
    for client_id in with_goals:
        gad7 = [t for _, t in _totals(s, client_id, MeasureKind.GAD7)]
        assert len(gad7) >= 3 and gad7[-1] < gad7[0]
        goals = measures.goals_for(s, client_id)
        assert {g.higher_is_better for g in goals} == {True, False}
        rated = measures.measures_for(s, client_id, MeasureKind.GOALS)
        assert len(rated) >= 3
        first, last = dict(rated[0].ratings), dict(rated[-1].ratings)
        for goal in goals:  # each goal moved the better way
            better = last[goal.id] - first[goal.id]
            assert better > 0 if goal.higher_is_better else better < 0
    discharged = summary.roles["discharged"]
    gad7 = [t for _, t in _totals(s, discharged, MeasureKind.GAD7)]
    assert change(Instrument.GAD7, gad7[0], gad7[-1]) is Change.RELIABLE_IMPROVEMENT
    assert summary.counts["measures"] == s.scalar(select(func.count()).select_from(Measure))
