"""A fictional client with twelve weeks of homework reviews and PHQ-9 and GAD-7 scores,
for the prep view's measure chart and statement (and the prep PDF)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from practice.db.engine import Database
from practice.domain.inputs import AssignmentInput, ReviewInput
from practice.domain.measures import MeasureKind, MeasureSource
from practice.domain.vocabulary import AppointmentStatus, Language, LiteracyLevel, TemplateKey
from practice.services import appointments, clients, homework, measures, reviews
from practice.services.clients import ClientInput
from practice.services.measures import MeasureInput

TODAY = date(2025, 4, 2)  # a Wednesday; the 12 weeks shown start on Mon 13 Jan
FIRST = date(2025, 1, 7)  # Tuesday of week 0 (before the weeks shown)
# completion reviewed in weeks 1 … 11
COMPLETION = (0, 1, 3, 4, 1, 4, 3, 0, 4, 3, 4)
PHQ9 = (19, 18, 19, 19, 17, 14, 15, 13, 12, 12, 10, 9)  # weeks 0 … 11
GAD7 = {0: 13, 4: 11, 8: 9, 11: 7}
# weeks with completion 3–4 (3, 4, 6, 7, 9, 10) were followed by −2, −3, −2, −1, −2, −1
# (mean −1.83), weeks with 0–1 (1, 2, 5, 8) by +1, 0, +1, 0 (mean +0.5)
# the statement covers the weeks the chart shows (weeks 1 … 11); week 0 is told apart
PHQ9_STATEMENT = (
    "PHQ-9 from 18 to 9 over 10 weeks: reliable improvement; weeks with completion 3–4 "
    "were followed by a mean change of −1.8, weeks with 0–1 by +0.5 (n = 6 and 4). "
    "Since the first measure, before these weeks: from 19 to 9 (n = 12)."
)
GAD7_STATEMENT = (
    "GAD-7 from 11 to 7 over 7 weeks: reliable improvement; too few weeks to compare "
    "completion with change (n = 1 with completion 3–4 and 1 with 0–1). "
    "Since the first measure, before these weeks: from 13 to 7 (n = 4)."
)


def _answers(total: int, items: int) -> list[int | None]:
    out: list[int | None] = []
    for _ in range(items - 1):  # the last item (PHQ-9's item 9) stays 0
        out.append(min(3, total))
        total -= min(3, total)
    return [*out, 0]


def client_with_measures(db: Database, *, with_measures: bool = True) -> int:
    with db.session() as s:
        client = clients.create(s, ClientInput(first_name="Lucía", last_name="Ejemplo")).id
        sessions = []
        for week in range(12):
            day = FIRST + timedelta(weeks=week)
            at = datetime.combine(day, time(10)).astimezone()
            appointment = appointments.schedule(s, client, at).appointment.id
            appointments.mark(s, appointment, AppointmentStatus.ATTENDED)
            sessions.append(appointment)
        task = AssignmentInput(
            template_key=TemplateKey.MOOD_LOG.value,
            title="Mood log",
            level=LiteracyLevel.PLAIN,
            language=Language.EN,
            start_date=FIRST,
        )
        assignment = homework.assign(s, client, task, appointment_id=sessions[0]).id
        for week, completion in enumerate(COMPLETION, start=1):
            data = ReviewInput(brought=completion >= 2, completion=completion)
            reviews.review(s, assignment, sessions[week], data)
        if with_measures:
            for week, total in enumerate(PHQ9):
                _record(s, client, MeasureKind.PHQ9, FIRST + timedelta(weeks=week), total, 9)
            for week, total in GAD7.items():
                _record(s, client, MeasureKind.GAD7, FIRST + timedelta(weeks=week), total, 7)
        return client


def _record(s, client: int, kind: MeasureKind, on: date, total: int, items: int) -> None:  # type: ignore[no-untyped-def]
    measures.record_measure(
        s, MeasureInput(client, kind, on, MeasureSource.SESSION, answers=_answers(total, items))
    )


GOALS = (
    ("Walk to the corner shop and back on my own, without phoning anyone on the way", True),
    ("Worry about work in the evenings", False),
)
# weeks of the rating, then each goal's rating (weeks 1 … 11 are on the strip)
GOAL_RATINGS = {2: (2, 8), 5: (4, 7), 8: (6, 5), 11: (7, 3)}


def add_goals(db: Database, client: int) -> list[int]:
    """The client's two goals (one long, one rated "lower is better") and their ratings;
    returns the goals' ids."""
    with db.session() as s:
        goals = measures.set_goals(
            s, client, [measures.GoalInput(text, better) for text, better in GOALS]
        )
        ids = [g.id for g in goals]
        for week, ratings in GOAL_RATINGS.items():
            measures.record_measure(
                s,
                MeasureInput(
                    client,
                    MeasureKind.GOALS,
                    FIRST + timedelta(weeks=week),
                    MeasureSource.SESSION,
                    ratings=list(zip(ids, ratings, strict=True)),
                ),
            )
        return ids
