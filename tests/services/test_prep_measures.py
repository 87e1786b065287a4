"""The prep data's measures: every scored PHQ-9 and GAD-7 of the client, read in one
query, and the statement beside the strip's weeks (practice.services.prep)."""

from __future__ import annotations

from datetime import date, timedelta

from _loop import attended, homework_input, new_client
from sqlalchemy.orm import Session
from test_prep import TODAY, build_history, count_selects, review, tue

from practice.db.engine import Database
from practice.domain.measure_story import MeasurePoint
from practice.domain.measures import Instrument, MeasureKind, MeasureSource
from practice.services import homework, measures, prep
from practice.services.measures import MeasureInput


def answers_for(total: int, items: int = 9) -> list[int | None]:
    """Answers that add up to ``total`` (the last item, PHQ-9's item 9, stays 0)."""
    out: list[int | None] = []
    for _ in range(items - 1):
        out.append(min(3, total))
        total -= min(3, total)
    assert total == 0
    return [*out, 0]


def record(s: Session, client: int, kind: MeasureKind, on: date, total: int) -> None:
    items = 9 if kind is MeasureKind.PHQ9 else 7
    measures.record_measure(
        s,
        MeasureInput(client, kind, on, MeasureSource.SESSION, answers=answers_for(total, items)),
    )


def test_measures_and_their_statement_beside_the_strip(db: Database) -> None:
    with db.session() as s:
        client = build_history(s)["client"]
        # The strip (weeks 1 … 12) has reviews in week 1 (completion 0), 3 (1), 6 (2), 8 (4),
        # 10 (4) and 11 (1).
        for week, total in ((0, 20), (1, 18), (3, 17), (6, 15), (8, 12), (10, 9), (11, 10)):
            record(s, client, MeasureKind.PHQ9, tue(week).date(), total)
        record(s, client, MeasureKind.GAD7, tue(3).date(), 12)
        record(s, client, MeasureKind.GAD7, tue(8).date(), 7)
        unscored = [None, None, 1, 1, 1, 1, 1]  # two unanswered: no GAD-7 total
        measures.record_measure(
            s,
            MeasureInput(
                client, MeasureKind.GAD7, tue(9).date(), MeasureSource.PAPER, answers=unscored
            ),  # fmt: skip
        )
        data = prep.build_prep(s, client, today=TODAY)

    assert [m.instrument for m in data.measures] == [Instrument.PHQ9, Instrument.GAD7]
    phq, gad = data.measures
    assert [p.total for p in phq.points] == [20, 18, 17, 15, 12, 9, 10]
    assert gad.points == (MeasurePoint(tue(3).date(), 12), MeasurePoint(tue(8).date(), 7))
    # From the first score of the strip's weeks (week 1: week 0 is before them, as on
    # the chart) to the last, then the whole treatment; followed-by over the strip's
    # weeks: 0 → −1 and 1 → −2; 4 → −3 and 4 → +1: two weeks a group, too few (n < 3,
    # the rule of What works).
    assert data.measure_statements == (
        "PHQ-9 from 18 to 10 over 10 weeks: reliable improvement; too few weeks to compare "
        "completion with change (n = 2 with completion 3–4 and 2 with 0–1). Since the "
        "first measure, before these weeks: from 20 to 10 (n = 7).",
        "GAD-7 from 12 to 7 over 5 weeks: reliable improvement; too few measures to compare "
        "completion with change (n = 2).",
    )


def test_a_client_without_measures_has_none(db: Database) -> None:
    with db.session() as s:
        client = build_history(s)["client"]
        data = prep.build_prep(s, client, today=TODAY)
    assert data.measures == ()
    assert data.measure_statements == ()


def test_measures_add_one_query_whatever_their_number(db: Database) -> None:
    with db.session() as s:
        few = new_client(s, "Pocas")
        record(s, few, MeasureKind.PHQ9, tue(0).date(), 14)
        many = new_client(s, "Muchas")
        first = attended(s, many, tue(0))
        current = homework.assign(s, many, homework_input(), appointment_id=first).id
        for n in range(1, 25):
            review(s, current, attended(s, many, tue(n)), n % 5)
            record(s, many, MeasureKind.PHQ9, tue(n).date(), 20 - n % 7)
            record(s, many, MeasureKind.GAD7, tue(n).date() + timedelta(days=1), 15 - n % 5)
    counts = []
    for client in (few, many):
        with db.session() as s, count_selects(db) as seen:
            data = prep.build_prep(s, client, today=date(2025, 8, 1), weeks=None)
        counts.append(len(seen))
    assert len(data.measures[0].points) == len(data.measures[1].points) == 24
    assert counts[0] == counts[1]


def test_goal_ratings_by_goal_oldest_first_and_only_current_rated_goals(db: Database) -> None:
    with db.session() as s:
        client = build_history(s)["client"]
        old = measures.set_goals(s, client, [measures.GoalInput("Old goal")])[0]
        measures.record_measure(
            s, MeasureInput(client, MeasureKind.GOALS, tue(2).date(), MeasureSource.SESSION,
                            ratings=[(old.id, 3)]),
        )  # fmt: skip
        goals = measures.set_goals(
            s,
            client,
            [
                measures.GoalInput("Walk to the shop", True),
                measures.GoalInput("Worry in the evenings", False),
                measures.GoalInput("Never rated yet", True),
            ],
        )
        for week, ratings in ((5, (2, 8)), (3, (1, 9))):  # recorded out of order
            measures.record_measure(
                s,
                MeasureInput(
                    client, MeasureKind.GOALS, tue(week).date(), MeasureSource.SESSION,
                    ratings=list(zip([g.id for g in goals[:2]], ratings, strict=True)),
                ),
            )  # fmt: skip
        data = prep.build_prep(s, client, today=TODAY)
    # the retired goal and the goal never rated are left out
    assert [(g.position, g.text, g.higher_is_better) for g in data.goals] == [
        (1, "Walk to the shop", True),
        (2, "Worry in the evenings", False),
    ]
    assert data.goals[0].points == (MeasurePoint(tue(3).date(), 1), MeasurePoint(tue(5).date(), 2))
    assert data.goals[1].points == (MeasurePoint(tue(3).date(), 9), MeasurePoint(tue(5).date(), 8))
    assert data.measure_statements[-2:] == (
        "Goal 1 rated from 1 to 2 of 10 over 2 weeks (higher is better; n = 2).",
        "Goal 2 rated from 9 to 8 of 10 over 2 weeks (lower is better; n = 2).",
    )
