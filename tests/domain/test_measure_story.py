"""The measure statement of the prep view and PDF: known answers on constructed data
(practice.domain.measure_story; docs/clinical.md, Outcome measures)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from practice.domain.adherence import CELL_MARKS, CellKind, WeekCell
from practice.domain.measure_story import (
    GoalTrend,
    MeasurePoint,
    MeasureTrend,
    compare,
    goal_statement,
    goal_statements,
    signed,
    statement,
    statements,
    weeks_between,
)
from practice.domain.measures import Instrument

MONDAY = date(2025, 1, 6)


def weeks(*completions: int | None) -> tuple[WeekCell, ...]:
    """One cell a week from MONDAY: a number is a reviewed week, None a week without review."""
    cells = []
    for i, c in enumerate(completions):
        kind = CellKind.REVIEW if c is not None else CellKind.NO_HOMEWORK
        mark = str(c) if c is not None else CELL_MARKS[kind]
        cells.append(WeekCell(MONDAY + timedelta(weeks=i), kind, c, mark))
    return tuple(cells)


def weekly(*totals: int, day: int = 2) -> tuple[MeasurePoint, ...]:
    """One measure a week from MONDAY (on its ``day``-th weekday)."""
    return tuple(
        MeasurePoint(MONDAY + timedelta(weeks=i, days=day), t) for i, t in enumerate(totals)
    )


def phq(*points: MeasurePoint) -> MeasureTrend:
    return MeasureTrend(Instrument.PHQ9, tuple(points))


# The example of the issue: 17 → 9 over 10 weeks; completion 3–4 in 4 weeks followed by
# −3, −2, −1, −1 (mean −1.75 → −1.8), 0–1 in 3 weeks followed by +1, 0, +1 (+0.67 → +0.7).
EXAMPLE_TOTALS = (17, 14, 15, 13, 13, 11, 12, 11, 10, 9, 9)
EXAMPLE_WEEKS = (4, 1, 3, 0, 2, 1, 4, 3, 2, 2, None)


@pytest.mark.parametrize(
    ("totals", "completions", "expected"),
    [
        (
            EXAMPLE_TOTALS,
            EXAMPLE_WEEKS,
            "PHQ-9 from 17 to 9 over 10 weeks: reliable improvement; weeks with completion "
            "3–4 were followed by a mean change of −1.8, weeks with 0–1 by +0.7 (n = 4 and 3).",
        ),
        (  # deterioration; the 2s belong to no group; two weeks a group: too few
            # (n < 3 is too few, the rule of What works: domain.what_works.too_few)
            (5, 6, 8, 8, 7, 11),
            (3, 4, 0, 1, 2, 2),
            "PHQ-9 from 5 to 11 over 5 weeks: reliable deterioration; too few weeks to "
            "compare completion with change (n = 2 with completion 3–4 and 2 with 0–1).",
        ),
        (  # a change of 5 is not reliable on the PHQ-9; two weeks a group: too few
            (12, 12, 12, 10, 7),
            (4, 3, 0, 1, None),
            "PHQ-9 from 12 to 7 over 4 weeks: no reliable change; too few weeks to compare "
            "completion with change (n = 2 with completion 3–4 and 2 with 0–1).",
        ),
        (  # three weeks a group is enough; a mean of exactly 0 has no sign
            (12, 12, 12, 12, 10, 7, 7),
            (4, 3, 4, 0, 1, 0, None),
            "PHQ-9 from 12 to 7 over 6 weeks: no reliable change; weeks with completion "
            "3–4 were followed by a mean change of 0.0, weeks with 0–1 by −1.7 (n = 3 and 3).",
        ),
        (  # one group with one week only: too few, with both n
            (17, 15, 14, 12),
            (4, 3, 1, None),
            "PHQ-9 from 17 to 12 over 3 weeks: no reliable change; too few weeks to compare "
            "completion with change (n = 2 with completion 3–4 and 1 with 0–1).",
        ),
        (  # no week reviewed at all
            (10, 9, 8),
            (None, None, None),
            "PHQ-9 from 10 to 8 over 2 weeks: no reliable change; too few weeks to compare "
            "completion with change (n = 0 with completion 3–4 and 0 with 0–1).",
        ),
        (  # two measures: too few measures
            (17, 9),
            (4, 4),
            "PHQ-9 from 17 to 9 over 1 week: reliable improvement; too few measures to "
            "compare completion with change (n = 2).",
        ),
        (  # one measure
            (16,),
            (4,),
            "PHQ-9: one score so far, 16 (moderately severe); too few measures to compare "
            "completion with change (n = 1).",
        ),
    ],
)
def test_statement_gives_the_known_numbers(
    totals: tuple[int, ...], completions: tuple[int | None, ...], expected: str
) -> None:
    assert statement(phq(*weekly(*totals)), weeks(*completions)) == expected


def test_the_week_of_a_measure_is_followed_by_the_next_measure_whenever_it_comes() -> None:
    # Measures in weeks 0, 0 (later that week), 3 and 5: week 0 counts from its last
    # measure (12) to the next one (week 3: 9), week 3 from 9 to week 5's 10; weeks 1, 2
    # and 4 have no measure and count for nothing; the last measure has no next yet.
    points = (
        MeasurePoint(MONDAY, 14),
        MeasurePoint(MONDAY + timedelta(days=4), 12),
        MeasurePoint(MONDAY + timedelta(weeks=3, days=1), 9),
        MeasurePoint(MONDAY + timedelta(weeks=5), 10),
    )
    found = compare(points, weeks(4, 4, 0, 0, 4, 1))
    assert found.high == (-3,)
    assert found.low == (1,)


def test_points_out_of_order_are_sorted_by_day() -> None:
    shuffled = tuple(reversed(weekly(*EXAMPLE_TOTALS)))
    assert statement(phq(*shuffled), weeks(*EXAMPLE_WEEKS)) == statement(
        phq(*weekly(*EXAMPLE_TOTALS)), weeks(*EXAMPLE_WEEKS)
    )


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        (date(2025, 1, 6), date(2025, 1, 9), 0),
        (date(2025, 1, 6), date(2025, 1, 10), 1),  # 4 days: half a week rounds up
        (date(2025, 1, 6), date(2025, 3, 17), 10),
        (date(2025, 1, 6), date(2025, 3, 20), 10),  # 10 weeks and 3 days
    ],
)
def test_weeks_between(first: date, last: date, expected: int) -> None:
    assert weeks_between(first, last) == expected


def test_measures_taken_within_a_week() -> None:
    points = (MeasurePoint(MONDAY, 9), MeasurePoint(MONDAY + timedelta(days=2), 8))
    assert statement(phq(*points), weeks(4)) == (
        "PHQ-9 from 9 to 8 within a week: no reliable change; too few measures to compare "
        "completion with change (n = 2)."
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [(-1.75, "−1.8"), (1 / 3, "+0.3"), (0.0, "0.0"), (-0.04, "0.0"), (2.0, "+2.0")],
)
def test_signed(value: float, expected: str) -> None:
    assert signed(value) == expected


def test_gad7_uses_its_own_reliable_change_and_both_measures_are_told() -> None:
    gad = MeasureTrend(Instrument.GAD7, weekly(12, 10, 8))
    told = statements((phq(), phq(*weekly(17, 9)), gad), weeks(4, 1, None))
    assert told == (
        "PHQ-9 from 17 to 9 over 1 week: reliable improvement; too few measures to compare "
        "completion with change (n = 2).",
        "GAD-7 from 12 to 8 over 2 weeks: reliable improvement; too few weeks to compare "
        "completion with change (n = 1 with completion 3–4 and 1 with 0–1).",
    )


def test_the_statement_is_marked_for_translation_and_never_claims_a_cause() -> None:
    said = statement(phq(*weekly(*EXAMPLE_TOTALS)), weeks(*EXAMPLE_WEEKS))
    assert said is not None
    assert said.template.context == "measure_story"
    assert said.values["head"].template.context == "measures"  # translated in turn
    for causal in ("because", "led to", "caused", "due to", "thanks to"):
        assert causal not in said


def test_no_measures_no_statement() -> None:
    assert statement(phq(), weeks(4, 4)) is None
    assert statements((), weeks(4)) == ()


def _goal(position: int, better: bool, *ratings: tuple[date, int]) -> GoalTrend:
    return GoalTrend(position, "Sleep by 11", better, tuple(MeasurePoint(d, r) for d, r in ratings))


def test_a_goal_line_gives_first_and_last_rating_which_end_is_better_and_n() -> None:
    day = date(2025, 3, 4)
    rated = _goal(1, True, (day, 2), (day + timedelta(weeks=3), 5), (day + timedelta(weeks=9), 7))
    said = goal_statement(rated)
    assert said == "Goal 1 rated from 2 to 7 of 10 over 9 weeks (higher is better; n = 3)."
    assert said is not None and said.template.context == "measure_story"
    lower = _goal(2, False, (day, 8), (day + timedelta(days=3), 6))
    assert goal_statement(lower) == (
        "Goal 2 rated from 8 to 6 of 10 within a week (lower is better; n = 2)."
    )
    once = _goal(3, True, (day, 4))
    assert goal_statement(once) == "Goal 3: one rating so far, 4 of 10 (higher is better; n = 1)."
    week = _goal(1, True, (day, 4), (day + timedelta(weeks=1), 5))
    assert goal_statement(week) == (
        "Goal 1 rated from 4 to 5 of 10 over 1 week (higher is better; n = 2)."
    )
    for line in (goal_statement(rated), goal_statement(lower)):
        for causal in ("because", "led to", "caused", "due to", "thanks to"):
            assert causal not in str(line)
    # a goal never rated says nothing
    assert goal_statement(_goal(1, True)) is None
    assert goal_statements([_goal(1, True), once]) == (goal_statement(once),)


def test_the_statement_covers_the_weeks_given_and_tells_the_earlier_scores_apart() -> None:
    # scores in weeks 0 … 4; the weeks shown are 2 … 4
    points = weekly(14, 15, 13, 15, 16)
    shown = weeks(4, 4, 1, 1, 1)[2:]
    assert statement(phq(*points), shown) == (
        "PHQ-9 from 13 to 16 over 2 weeks: no reliable change; too few weeks to compare "
        "completion with change (n = 0 with completion 3–4 and 2 with 0–1). Since the first "
        "measure, before these weeks: from 14 to 16 (n = 5)."
    )
    # no score within the weeks shown: said plainly, with the earlier ones (n)
    later = weeks(*([None] * 8))[6:]
    assert statement(phq(*points), later) == (
        "PHQ-9: no score in the weeks shown; since the first measure, from 14 to 16 (n = 5)."
    )
    assert statement(phq(points[0]), later) == (
        "PHQ-9: no score in the weeks shown; one earlier score, 14."
    )


def test_a_goal_line_covers_the_weeks_given_like_its_panel() -> None:
    goal = GoalTrend(1, "Walk to the shop", True, weekly(2, 3, 5, 6, 7))
    shown = weeks(*([None] * 5))[2:]  # weeks 2 … 4
    assert goal_statement(goal, shown) == (
        "Goal 1 rated from 5 to 7 of 10 over 2 weeks (higher is better; n = 3). Since the "
        "first rating, before these weeks: from 2 to 7 of 10 (n = 5)."
    )
    later = weeks(*([None] * 8))[6:]
    assert goal_statement(goal, later) == (
        "Goal 1: no rating in the weeks shown; since the first rating, from 2 to 7 of 10 (n = 5)."
    )
    assert goal_statement(goal) == goal_statement(goal, weeks(*([None] * 5)))  # all shown
