"""What works: the change printed beside "before → after" is the shown after minus the
shown before, so the three numbers add up (issue 16 recheck, point 1)."""

from __future__ import annotations

from practice.domain import measure_story
from practice.domain import what_works as ww
from practice.domain.measures import Instrument
from practice.domain.vocabulary import Strategy


def test_means_that_round_apart_show_a_change_that_adds_up() -> None:
    c = ww.BeforeAfter(0.96, 1.14, 5)  # unrounded +0.18 would print "+0.2"
    assert ww.before_after(c) == "1.0 \u2192 1.1"
    assert ww.change_text(c) == "+0.1"
    down = ww.BeforeAfter(0.74, 0.26, 4)  # "0.7 → 0.3": −0.4, not the unrounded −0.5
    assert ww.before_after(down) == "0.7 \u2192 0.3"
    assert ww.change_text(down) == "\u22120.4"
    assert ww.change_text(ww.BeforeAfter(None, None, 0)) == ""


def test_the_measure_line_adds_up_too() -> None:
    row = ww.WhatWorksRow(
        step=Strategy.RE_EXPLAIN,
        clients=3,
        occasions=5,
        left_out=0,
        completion=ww.BeforeAfter(0.96, 1.14, 5),
        measures=((Instrument.PHQ9, ww.BeforeAfter(14.34, 9.66, 3)),),
    )
    # 14.3 → 9.7 is −4.6 (the unrounded −4.68 would print −4.7)
    assert ww.measure_lines(row) == ["PHQ-9: 14.3 \u2192 9.7 (\u22124.6, n = 3)"]


def test_the_prep_statement_writes_its_mean_change_by_the_same_rule() -> None:
    for value in (-1.75, 0.04, -0.04, 0.45, 2.0):
        assert measure_story.signed(value) == ww.signed(value)
    assert measure_story.signed(-1.8) == "\u22121.8" and measure_story.signed(-0.04) == "0.0"
