"""What a client's PHQ-9 and GAD-7 scores show beside their homework completion, in one
plain statement per measure (docs/clinical.md, Outcome measures; the prep view and the
one-page prep PDF show it under the measure chart).

For example: "PHQ-9 from 17 to 9 over 10 weeks: reliable improvement; weeks with
completion 3–4 were followed by a mean change of −1.8, weeks with 0–1 by +0.4 (n = 4
and 3)". The rules:

- **From … to**: the first and the last total within the weeks shown (the prep view's
  weeks selector, the PDF's strip: the weeks the chart above it shows), the weeks
  between them (rounded), and the reliable-change words of ``domain.measures.change``.
  When scores were taken before those weeks, a last sentence says so, with the whole
  treatment's first and last total and its n ("Since the first measure, before these
  weeks: from 14 to 16 (n = 7).").
- **Followed by**: for each week of the strip with a review (a ``WeekCell`` of kind
  REVIEW) and a measure taken that week, the change from that week's measure (the last
  one of the week) to the next measure taken after it. Weeks with completion 3–4 form
  one group, weeks with 0–1 the other (2 is neither); each group's mean change is given
  to one decimal with its n.
- **Too few**: with fewer than 3 measures, or a group with fewer than 3 weeks, the
  statement says so plainly instead of giving means. The rule is the one of What works
  (``domain.what_works.too_few``: n < 3 is too few), defined there once.

- **Goals**: each current personal goal rated 0–10 (``GoalTrend``) gets one line: its
  first and last rating, the weeks between them, which end is better and the number of
  ratings (n); no comparison with completion.

Never a cause: weeks are "followed by" a change; nothing "led to" it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from practice.domain import what_works
from practice.domain.adherence import CellKind, WeekCell, monday
from practice.domain.measures import CHANGE_WORDS, QUESTIONNAIRES, Instrument, summary
from practice.domain.measures import change as measure_change
from practice.domain.what_works import too_few
from practice.text import QT_TRANSLATE_NOOP, Numeric, Text

HIGH = (3, 4)  # completion of the "done" weeks
LOW = (0, 1)  # completion of the "not done" weeks


@dataclass(frozen=True)
class MeasurePoint:
    """One scored measure: the day it was taken and its total."""

    on: date
    total: int


@dataclass(frozen=True)
class MeasureTrend:
    """Every scored measure of one instrument, oldest first."""

    instrument: Instrument
    points: tuple[MeasurePoint, ...]

    @property
    def name(self) -> str:
        return QUESTIONNAIRES[self.instrument].name


@dataclass(frozen=True)
class GoalTrend:
    """One current personal goal (``position`` 1–3, the client's own ``text``) and its
    ratings 0–10, oldest first."""

    position: int
    text: str
    higher_is_better: bool
    points: tuple[MeasurePoint, ...]


@dataclass(frozen=True)
class Comparison:
    """The changes that followed weeks of high and of low completion."""

    high: tuple[int, ...]  # changes after weeks with completion 3–4
    low: tuple[int, ...]  # after weeks with 0–1

    @property
    def high_mean(self) -> float | None:
        return sum(self.high) / len(self.high) if self.high else None

    @property
    def low_mean(self) -> float | None:
        return sum(self.low) / len(self.low) if self.low else None


def weeks_between(first: date, last: date) -> int:
    """Whole weeks from ``first`` to ``last``, halves rounded up."""
    return int((last - first).days / 7 + 0.5)


def compare(points: Sequence[MeasurePoint], weeks: Sequence[WeekCell]) -> Comparison:
    """The change after each reviewed week that has a measure, grouped by completion."""
    ordered = sorted(points, key=lambda p: p.on)
    high: list[int] = []
    low: list[int] = []
    for cell in weeks:
        if cell.kind is not CellKind.REVIEW or cell.completion is None:
            continue
        in_week = [i for i, p in enumerate(ordered) if monday(p.on) == cell.week_start]
        if not in_week or in_week[-1] + 1 >= len(ordered):
            continue  # no measure that week, or none after it yet
        here = in_week[-1]
        delta = ordered[here + 1].total - ordered[here].total
        if cell.completion in HIGH:
            high.append(delta)
        elif cell.completion in LOW:
            low.append(delta)
    return Comparison(tuple(high), tuple(low))


def signed(value: float) -> Numeric:
    """A mean change to one decimal with its sign: "−1.8", "+0.4", "0.0" (the GUI
    writes the locale's decimal point: "−1,8"): the one rule of ``domain.what_works``.
    (A mean change here is printed without the two means it is the difference of.)"""
    return what_works.signed(value)


def within(points: Sequence[MeasurePoint], weeks: Sequence[WeekCell]) -> list[MeasurePoint]:
    """The points taken within the weeks of ``weeks`` (all of them without weeks), oldest
    first: the ones the chart above the statement shows."""
    ordered = sorted(points, key=lambda p: p.on)
    if not weeks:
        return ordered
    first, end = weeks[0].week_start, weeks[-1].week_start + timedelta(weeks=1)
    return [p for p in ordered if first <= p.on < end]


def statement(trend: MeasureTrend, weeks: Sequence[WeekCell]) -> Text | None:
    """The plain statement for one measure over the weeks of ``weeks`` (the weeks the
    chart shows); when scores were taken before those weeks, a last sentence gives the
    whole treatment's first and last (n). None when it has no score yet."""
    said = _statement(trend, weeks)
    everything = sorted(trend.points, key=lambda p: p.on)
    earlier = [p for p in everything if weeks and p.on < weeks[0].week_start]
    if not earlier:
        return said
    first, last = everything[0], everything[-1]
    if said is None:
        if len(everything) == 1:
            return QT_TRANSLATE_NOOP(
                "measure_story", "{name}: no score in the weeks shown; one earlier score, {total}."
            ).format(name=trend.name, total=first.total)
        return QT_TRANSLATE_NOOP(
            "measure_story",
            "{name}: no score in the weeks shown; since the first measure, from {first} "
            "to {last} (n = {count}).",
        ).format(name=trend.name, first=first.total, last=last.total, count=len(everything))
    return QT_TRANSLATE_NOOP(
        "measure_story",
        "{said} Since the first measure, before these weeks: from {first} to {last} (n = {count}).",
    ).format(said=said, first=first.total, last=last.total, count=len(everything))


def _statement(trend: MeasureTrend, weeks: Sequence[WeekCell]) -> Text | None:
    """The statement over the scores within ``weeks`` alone."""
    points = within(trend.points, weeks)
    if not points:
        return None
    if len(points) == 1:
        only = points[0]
        band = QUESTIONNAIRES[trend.instrument].band(only.total).name
        return QT_TRANSLATE_NOOP(
            "measure_story",
            "{name}: one score so far, {total} ({band}); too few measures to compare "
            "completion with change (n = 1).",
        ).format(name=trend.name, total=only.total, band=band)
    first, last = points[0], points[-1]
    span = weeks_between(first.on, last.on)
    change = CHANGE_WORDS[measure_change(trend.instrument, first.total, last.total)]
    if span > 1:
        head = summary(trend.instrument, first.total, last.total, span)
    else:
        head = (
            QT_TRANSLATE_NOOP(
                "measure_story", "{name} from {first} to {last} over 1 week: {change}"
            )
            if span == 1
            else QT_TRANSLATE_NOOP(
                "measure_story", "{name} from {first} to {last} within a week: {change}"
            )
        ).format(name=trend.name, first=first.total, last=last.total, change=change)
    if too_few(len(points)):
        return QT_TRANSLATE_NOOP(
            "measure_story",
            "{head}; too few measures to compare completion with change (n = {count}).",
        ).format(head=head, count=len(points))
    found = compare(points, weeks)
    if too_few(len(found.high)) or too_few(len(found.low)):
        return QT_TRANSLATE_NOOP(
            "measure_story",
            "{head}; too few weeks to compare completion with change (n = {high} with "
            "completion 3–4 and {low} with 0–1).",
        ).format(head=head, high=len(found.high), low=len(found.low))
    assert found.high_mean is not None and found.low_mean is not None  # not too few
    return QT_TRANSLATE_NOOP(
        "measure_story",
        "{head}; weeks with completion 3–4 were followed by a mean change of {high_mean}, "
        "weeks with 0–1 by {low_mean} (n = {high} and {low}).",
    ).format(
        head=head,
        high_mean=signed(found.high_mean),
        low_mean=signed(found.low_mean),
        high=len(found.high),
        low=len(found.low),
    )


def statements(trends: Sequence[MeasureTrend], weeks: Sequence[WeekCell]) -> tuple[Text, ...]:
    """One statement per measure that has a score (PHQ-9 first, then GAD-7)."""
    found = (statement(t, weeks) for t in trends)
    return tuple(s for s in found if s is not None)


def goal_statement(goal: GoalTrend, weeks: Sequence[WeekCell] = ()) -> Text | None:
    """The plain line for one goal's ratings within ``weeks`` (the weeks its panel shows;
    none given: all of them), then, when it was rated before those weeks, the whole
    treatment's first and last rating (n); None when it has no rating yet."""
    everything = sorted(goal.points, key=lambda p: p.on)
    earlier = [p for p in everything if weeks and p.on < weeks[0].week_start]
    said = _goal_statement(replace(goal, points=tuple(within(goal.points, weeks))))
    if not earlier:
        return said
    first, last = everything[0].total, everything[-1].total
    if said is None:
        return QT_TRANSLATE_NOOP(
            "measure_story",
            "Goal {number}: no rating in the weeks shown; since the first rating, from "
            "{first} to {last} of 10 (n = {count}).",
        ).format(number=goal.position, first=first, last=last, count=len(everything))
    return QT_TRANSLATE_NOOP(
        "measure_story",
        "{said} Since the first rating, before these weeks: from {first} to {last} of 10 "
        "(n = {count}).",
    ).format(said=said, first=first, last=last, count=len(everything))


def _goal_statement(goal: GoalTrend) -> Text | None:
    points = sorted(goal.points, key=lambda p: p.on)
    if not points:
        return None
    better = (
        QT_TRANSLATE_NOOP("measure_story", "higher is better")
        if goal.higher_is_better
        else QT_TRANSLATE_NOOP("measure_story", "lower is better")
    )
    if len(points) == 1:
        return QT_TRANSLATE_NOOP(
            "measure_story", "Goal {number}: one rating so far, {rating} of 10 ({better}; n = 1)."
        ).format(number=goal.position, rating=points[0].total, better=better)
    first, last = points[0], points[-1]
    span = weeks_between(first.on, last.on)
    values = {
        "number": goal.position,
        "first": first.total,
        "last": last.total,
        "better": better,
        "count": len(points),
    }
    if span > 1:
        return QT_TRANSLATE_NOOP(
            "measure_story",
            "Goal {number} rated from {first} to {last} of 10 over {weeks} weeks "
            "({better}; n = {count}).",
        ).format(weeks=span, **values)
    return (
        QT_TRANSLATE_NOOP(
            "measure_story",
            "Goal {number} rated from {first} to {last} of 10 over 1 week ({better}; n = {count}).",
        )
        if span == 1
        else QT_TRANSLATE_NOOP(
            "measure_story",
            "Goal {number} rated from {first} to {last} of 10 within a week "
            "({better}; n = {count}).",
        )
    ).format(**values)


def goal_statements(goals: Sequence[GoalTrend], weeks: Sequence[WeekCell] = ()) -> tuple[Text, ...]:
    """One line per goal that has a rating, by position (over ``weeks``, as above)."""
    found = (goal_statement(g, weeks) for g in goals)
    return tuple(s for s in found if s is not None)
