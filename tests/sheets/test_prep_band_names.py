"""The prep PDF's measure chart: the band names in a column right of the plot, none
covering another or a point's total, on a full page and on a tight one (issue 16
recheck, point 3; placement shared with the prep view: domain.label_layout)."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import timedelta

import pdfplumber
import pytest
from test_prep_summary import _everything_at_its_longest, build, database

from practice.domain.label_layout import spread
from practice.domain.measure_story import GoalTrend, MeasurePoint, MeasureTrend
from practice.domain.measures import QUESTIONNAIRES, Instrument
from practice.domain.prep_model import PrepData
from practice.sheets.prep_charts import BAND_TEXT
from practice.sheets.prep_summary import PrepSummaryPdf

__all__ = ["database"]  # test_prep_summary's module fixture (the demo practice)

NAMES = {str(b.name) for form in QUESTIONNAIRES.values() for b in form.bands}
Box = tuple[str, float, float, float, float]  # text, x0, top, x1, bottom


def boxes(pdf: bytes) -> tuple[list[Box], list[Box]]:
    """Page 1's band names (lines of small type that are a band's name) and the points'
    totals (digits in 6 pt bold), each with its box."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[0]
        small = page.filter(lambda o: o.get("object_type") != "char" or o["size"] <= BAND_TEXT)
        names = [
            (w["text"], w["x0"], w["top"], w["x1"], w["bottom"])
            for w in small.extract_words(keep_blank_chars=True, use_text_flow=True)
            if w["text"] in NAMES
        ]
        totals = [
            (w["text"], w["x0"], w["top"], w["x1"], w["bottom"])
            for w in page.filter(
                lambda o: (
                    o.get("object_type") != "char"
                    or (abs(o["size"] - 6) < 0.01 and "Bold" in o["fontname"])
                )
            ).extract_words()
            if w["text"].isdigit()
        ]
    return names, totals


def overlap(a: Box, b: Box) -> bool:
    return a[1] < b[3] and b[1] < a[3] and a[2] < b[4] - 0.2 and b[2] < a[4] - 0.2


def assert_apart(pdf: bytes, expected_names: int) -> None:
    names, totals = boxes(pdf)
    assert len(names) == expected_names, names  # every band named, once a panel
    assert totals  # the points' totals are written
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            assert not overlap(a, b), (a, b)
        for t in totals:
            assert not overlap(a, t), (a, t)


def weekly_across(data: PrepData, totals: list[int]) -> tuple[MeasurePoint, ...]:
    last = data.weeks[-1].week_start
    days = [last - timedelta(weeks=n) + timedelta(days=1) for n in range(len(totals) - 1, -1, -1)]
    return tuple(MeasurePoint(d, t) for d, t in zip(days, totals, strict=True))


def test_dales_26_weeks_name_every_band_beside_the_plot(database) -> None:  # type: ignore[no-untyped-def]
    # Given the drifter (Dale) over the whole treatment: 26 weeks on the strip, PHQ-9
    # totals at the top of "moderate" and in "moderately severe" (the names' levels)
    data = build(database, "drifter", weeks=None)
    phq = weekly_across(data, [14, 15, 14, 15, 19, 20, 14, 11, 10, 12, 13, 15, 15, 16] * 2)
    gad = weekly_across(data, [9, 10, 15, 14, 5, 4, 11, 16])
    data = replace(
        data, measures=(MeasureTrend(Instrument.PHQ9, phq), MeasureTrend(Instrument.GAD7, gad))
    )
    pdf = PrepSummaryPdf(data).generate()
    assert_apart(pdf, expected_names=5 + 4)
    # and the names stand right of the plot: right of every point's total
    names, totals = boxes(pdf)
    assert min(n[1] for n in names) > max(t[3] for t in totals)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_tight_page_still_keeps_the_names_apart(database, paper) -> None:  # type: ignore[no-untyped-def]
    # a page at its longest: the measures' bands lowered (the names in smaller type)
    data = _everything_at_its_longest(build(database, "ten_years", weeks=None))
    phq = weekly_across(data, [27 - i % 28 for i in range(41)])
    gad = weekly_across(data, [i % 22 for i in range(41)])
    goals = tuple(GoalTrend(n, "A goal", True, phq[-3:]) for n in (1, 2, 3))
    data = replace(
        data,
        measures=(MeasureTrend(Instrument.PHQ9, phq), MeasureTrend(Instrument.GAD7, gad)),
        goals=goals,
    )
    pdf = PrepSummaryPdf(data, paper=paper).generate()  # type: ignore[arg-type]
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        sizes = {round(c["size"], 2) for c in doc.pages[0].chars if c["text"] == "y"}
    assert any(s < BAND_TEXT for s in sizes), sizes  # the smaller type was needed here
    assert_apart(pdf, expected_names=5 + 4)


def test_spread_moves_labels_just_enough_and_keeps_them_inside() -> None:
    # three labels 6 tall wanted at 10, 12, 40 within 0 … 50
    assert spread([10, 12, 40], 6, 0, 50) == [10, 16, 40]
    # crowded at the bottom: pushed up from the bottom limit
    assert spread([40, 42, 46], 6, 0, 50) == [32, 38, 44]
    # crowded at the top: pushed down from the top limit
    assert spread([-5, -4], 6, 0, 50) == [0, 6]
