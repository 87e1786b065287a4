"""The "what works in my practice" report on a caseload with known answers
(tests/services/_what_works_caseload.py works every number out)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest
from _what_works_caseload import build_caseload
from sqlalchemy import event

from practice.db.engine import Database
from practice.domain import what_works as ww
from practice.domain.measures import Instrument
from practice.domain.vocabulary import LiteracyLevel as L
from practice.domain.vocabulary import Strategy
from practice.domain.what_works import MaterialChange, ReviewPoint
from practice.services.what_works import build_what_works

S = Strategy
T0 = datetime(2025, 3, 3, 10, 0, tzinfo=UTC)


@pytest.fixture
def report(db: Database) -> ww.WhatWorksReport:
    with db.session() as s:
        build_caseload(s)
    with db.session() as s:
        return build_what_works(s)


def test_rows_sorted_by_how_often_tried_then_ladder_order(report: ww.WhatWorksReport) -> None:
    assert [r.step for r in report.rows] == [
        S.RE_EXPLAIN,  # 3 occasions
        S.TALK_OPENLY,  # 2, though later on the ladder than "emphasise value"
        S.EMPHASISE_VALUE,  # 1
        S.EXTERNAL_AIDS,  # 1 (and one left out)
        MaterialChange.SIMPLER_LEVEL,  # 1: changes after the ladder steps on a tie
    ]
    assert [(r.clients, r.occasions, r.left_out) for r in report.rows] == [
        (2, 3, 0), (1, 2, 0), (1, 1, 0), (1, 1, 1), (1, 1, 0),
    ]  # fmt: skip
    assert report.clients == 3 and report.reviews == 16 and report.left_out == 1


def test_completion_before_and_after_with_window_edges(report: ww.WhatWorksReport) -> None:
    rows = {r.step: r for r in report.rows}
    # Ana w3: [0,1,1] -> [2,3,4]; Ana w6: [2,3,4] -> [3,4] (only two after);
    # Bea w1: [2,4] (only two before, one session) -> [1,0]
    re = rows[S.RE_EXPLAIN].completion
    assert re.before == pytest.approx((2 / 3 + 3 + 3) / 3)
    assert re.after == pytest.approx((3 + 3.5 + 0.5) / 3)
    assert re.change == pytest.approx(7 / 3 - 20 / 9)
    assert re.n == 3 and not re.too_few
    talk = rows[S.TALK_OPENLY].completion  # Cai w1: [1] -> [2,3,4]; w3: [1,2,3] -> [4]
    assert (talk.before, talk.after, talk.n) == (pytest.approx(1.5), pytest.approx(3.5), 2)
    aids = rows[S.EXTERNAL_AIDS].completion  # Bea w1 only; w3 has nothing after it
    assert (aids.before, aids.after, aids.n) == (3.0, 0.5, 1)
    level = rows[MaterialChange.SIMPLER_LEVEL].completion  # Ana w5: [1,2,3] -> [4,3,4]
    assert (level.before, level.after) == (2.0, pytest.approx(11 / 3))


def test_measures_before_and_after(report: ww.WhatWorksReport) -> None:
    rows = {r.step: dict(r.measures) for r in report.rows}
    phq = rows[S.RE_EXPLAIN][Instrument.PHQ9]
    # Ana w3: [18,15] -> [12,9,6]; Ana w6: [15,12,9] -> [6]; Bea w1: [12] -> [14]
    assert (phq.before, phq.after, phq.n) == (13.5, pytest.approx(29 / 3), 3)
    assert Instrument.GAD7 not in rows[S.RE_EXPLAIN]  # no GAD-7 for Ana or Bea
    assert rows[S.TALK_OPENLY][Instrument.GAD7] == ww.BeforeAfter(7.0, 3.0, 2)
    assert rows[S.TALK_OPENLY][Instrument.GAD7].too_few
    assert rows[MaterialChange.SIMPLER_LEVEL][Instrument.PHQ9] == ww.BeforeAfter(15.0, 7.5, 1)


def test_too_few_rule() -> None:
    assert [ww.too_few(n) for n in (0, 1, 2, 3, 10)] == [True, True, True, False, False]
    assert ww.TOO_FEW.format(n=2) == "Too few occasions to read anything into (n = 2)."


def test_reads_in_a_fixed_number_of_queries(db: Database) -> None:
    with db.session() as s:
        build_caseload(s)
    with db.session() as s, count_selects(db) as seen:
        build_what_works(s)
    assert len(seen) == 4  # reviews' steps, reviews, replacements, measures


def test_a_step_recorded_twice_in_one_session_is_one_occasion() -> None:
    at = [T0 + timedelta(weeks=n) for n in range(3)]
    reviews = [
        ReviewPoint(1, at[0], 1, 10),
        ReviewPoint(1, at[1], 2, 11, frozenset({S.RE_EXPLAIN})),
        ReviewPoint(1, at[1], 0, 11, frozenset({S.RE_EXPLAIN})),
        ReviewPoint(1, at[2], 4, 12),
    ]
    (row,) = ww.build_report(reviews, []).rows
    assert (row.occasions, row.completion.before, row.completion.after) == (1, 1.0, 4.0)


def test_what_a_replacement_changed() -> None:
    def rep(old: L, new: L, mod: str = "paper", key: str = "mood_log"):  # type: ignore[no-untyped-def]
        return ww.Replacement(1, T0, old, new, "paper", mod, "mood_log", key)

    assert ww.changes(rep(L.PLAIN, L.PICTORIAL)) == [MaterialChange.SIMPLER_LEVEL]
    assert ww.changes(rep(L.EASY, L.STANDARD)) == [MaterialChange.HARDER_LEVEL]
    assert ww.changes(rep(L.PLAIN, L.PLAIN, "audio", "abc")) == [
        MaterialChange.MODALITY,
        MaterialChange.TEMPLATE,
    ]
    assert ww.changes(rep(L.PLAIN, L.PLAIN)) == []  # retitled only: no occasion


def test_numbers_in_words() -> None:
    assert ww.before_after(ww.BeforeAfter(2.0, 11 / 3, 1)) == "2.0 \u2192 3.7"
    assert [ww.signed(v) for v in (1.25, -0.5, 0.01, -0.04)] == ["+1.2", "\u22120.5", "0.0", "0.0"]


@contextmanager
def count_selects(db: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def on_execute(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", on_execute)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", on_execute)


def test_a_change_made_outside_a_session_begins_after_its_start_day(db: Database) -> None:
    from dataclasses import replace

    from _what_works_caseload import Builder, _task, week

    from practice.domain.views import local_date
    from practice.services import homework

    with db.session() as s:
        dan = Builder(s, "Dan")
        task = dan.assign(0)
        dan.review(task, 1, 2)
        dan.review(task, 2, 1)  # reviewed on the new task's start day: still the old task
        sheet = replace(_task(), template_key="thought_record", title="Thought record",
                        start_date=local_date(week(2)))  # fmt: skip
        new = homework.replace(s, task, sheet, "Another sheet").id  # no session
        dan.review(new, 3, 4)
    with db.session() as s:
        (row,) = build_what_works(s).rows
    assert row.step is MaterialChange.TEMPLATE
    assert (row.completion.before, row.completion.after, row.occasions) == (1.5, 4.0, 1)
