"""The prep PDF's measures: PHQ-9 and GAD-7 under the strip, bands drawn, the statement
read back, and still one page (practice.sheets.prep_summary, prep_charts)."""

from __future__ import annotations

import io
import sys
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pdfplumber
import pytest
from test_prep_summary import _everything_at_its_longest, assert_inside, build, database, read

from practice.db.engine import Database
from practice.domain.measure_story import GoalTrend, MeasurePoint, MeasureTrend, statements
from practice.domain.measures import Instrument
from practice.services import prep
from practice.sheets.prep_charts import BAND_FILL, strip_weeks
from practice.sheets.prep_summary import PrepSummaryPdf

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ui"))
from _measure_history import (  # noqa: E402
    GAD7_STATEMENT,
    PHQ9_STATEMENT,
    TODAY,
    client_with_measures,
)

__all__ = ["database"]  # the module's database fixture, shared


def flat(text: str) -> str:
    return " ".join(text.split())


def colours(pdf: bytes) -> list[tuple[float, ...]]:
    """The fill colour of every rectangle on page 1."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [tuple(r["non_stroking_color"] or ()) for r in doc.pages[0].rects]


def rgb(colour) -> tuple[float, ...]:  # type: ignore[no-untyped-def]
    return tuple(round(v, 3) for v in (colour.red, colour.green, colour.blue))


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_pdf_shows_the_measures_and_their_statement_on_one_page(
    db: Database, paper: str
) -> None:
    client = client_with_measures(db)
    with db.session() as s:
        data = prep.build_prep(s, client, today=TODAY)
    pdf = PrepSummaryPdf(data, paper=paper).generate()  # type: ignore[arg-type]
    texts, chars, height, _ = read(pdf)
    assert len(texts) == 1
    assert PHQ9_STATEMENT in flat(texts[0])
    assert GAD7_STATEMENT in flat(texts[0])
    assert "PHQ-9 (0–27; higher is more severe)" in texts[0]
    for band in ("minimal", "mild", "moderate", "severe"):  # the bands are named
        assert band in texts[0].split()
    # the bands are shaded: PHQ-9's five and GAD-7's four
    filled = [tuple(round(v, 3) for v in c) for c in colours(pdf)]
    for i, band in enumerate(BAND_FILL):
        assert filled.count(rgb(band)) == (2 if i < 4 else 1)
    assert_inside(chars, height)


def test_no_measures_no_chart_and_no_statement(db: Database) -> None:
    client = client_with_measures(db, with_measures=False)
    with db.session() as s:
        data = prep.build_prep(s, client, today=TODAY)
    pdf = PrepSummaryPdf(data).generate()
    texts = read(pdf)[0]
    assert len(texts) == 1
    assert "PHQ-9" not in texts[0] and "compare completion" not in texts[0]
    assert not {rgb(b) for b in BAND_FILL} & {tuple(round(v, 3) for v in c) for c in colours(pdf)}
    assert "Homework, week by week" in texts[0]


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_list_at_its_longest_with_both_measures_still_fits(database, paper) -> None:  # type: ignore[no-untyped-def]
    data = _everything_at_its_longest(build(database, "ten_years", weeks=None))
    last = data.weeks[-1].week_start
    weekly = [last - timedelta(weeks=n) + timedelta(days=1) for n in range(40, -1, -1)]
    data = replace(
        data,
        measures=(
            MeasureTrend(
                Instrument.PHQ9, tuple(MeasurePoint(d, 27 - i % 28) for i, d in enumerate(weekly))
            ),
            MeasureTrend(
                Instrument.GAD7, tuple(MeasurePoint(d, i % 22) for i, d in enumerate(weekly))
            ),
        ),
        goals=tuple(  # three goals rated each week: a line each under the statements
            GoalTrend(
                n, "A goal", n != 2, tuple(MeasurePoint(d, i % 11) for i, d in enumerate(weekly))
            )
            for n in (1, 2, 3)
        ),
    )
    assert len(data.measure_statements) == 5
    pdf = PrepSummaryPdf(data, paper=paper).generate()  # type: ignore[arg-type]
    texts, chars, height, _ = read(pdf)
    assert len(texts) == 1
    # the statements of the strip's weeks (the last 26: what its chart shows), then a
    # line a goal with its words
    for said in statements(data.measures, strip_weeks(data.weeks)):
        assert flat(said)[:60] in flat(texts[0])
    for n in (1, 2, 3):
        assert f"Goal {n} (“A goal”) rated from" in flat(texts[0])
    assert "Last session note" in texts[0]
    assert_inside(chars, height)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_an_open_risk_alert_is_printed_at_the_top_and_the_page_still_fits(
    db: Database,
    database,
    paper: str,  # type: ignore[no-untyped-def]
) -> None:
    from practice.domain.measures import MeasureKind, MeasureSource
    from practice.services import measures

    client = client_with_measures(db)
    with db.session() as s:
        measures.record_measure(
            s,
            measures.MeasureInput(
                client, MeasureKind.PHQ9, TODAY - timedelta(days=1), MeasureSource.PAPER,
                answers=[2, 2, 2, 2, 1, 1, 1, 1, 3],
            ),
        )  # fmt: skip
        data = prep.build_prep(s, client, today=TODAY)
    pdf = PrepSummaryPdf(data, paper=paper).generate()  # type: ignore[arg-type]
    texts, chars, height, _ = read(pdf)
    assert len(texts) == 1
    lines = texts[0].splitlines()
    day = (TODAY - timedelta(days=1)).strftime("%-d %b %Y")
    expected = f"Open risk alert: PHQ-9 question 9 answered 3 on {day} — not yet acknowledged"
    assert lines[1] == expected  # right under the title, above everything else
    assert_inside(chars, height)
    # the longest page with the alert on it: still one page
    longest = replace(
        _everything_at_its_longest(build(database, "ten_years", weeks=None)),
        risk_alerts=data.risk_alerts,
    )
    texts, chars, height, _ = read(PrepSummaryPdf(longest, paper=paper).generate())  # type: ignore[arg-type]
    assert len(texts) == 1 and expected in texts[0] and "Last session note" in texts[0]
    assert_inside(chars, height)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_an_unanswered_question_9_is_printed_at_the_top_and_the_page_still_fits(
    db: Database,
    database,
    paper: str,  # type: ignore[no-untyped-def]
) -> None:
    from practice.domain.measures import MeasureKind, MeasureSource
    from practice.services import measures

    # Given the client's last PHQ-9 has question 9 left blank (as the prep view warns)
    client = client_with_measures(db)
    with db.session() as s:
        measures.record_measure(
            s,
            measures.MeasureInput(
                client, MeasureKind.PHQ9, TODAY - timedelta(days=2), MeasureSource.PAPER,
                answers=[2, 2, 2, 2, 1, 1, 1, 1, None],
            ),
        )  # fmt: skip
        data = prep.build_prep(s, client, today=TODAY)
    # When the one-page summary is printed
    pdf = PrepSummaryPdf(data, paper=paper).generate()  # type: ignore[arg-type]
    texts, chars, height, _ = read(pdf)
    # Then it says so right under the title, in the prep view's words
    assert len(texts) == 1
    day = (TODAY - timedelta(days=2)).strftime("%-d %b %Y")
    expected = f"The last PHQ-9 ({day}): question 9 not answered; ask about it."
    assert texts[0].splitlines()[1] == expected
    assert_inside(chars, height)
    # and the longest page with it on: still one page, the note still there
    longest = replace(
        _everything_at_its_longest(build(database, "ten_years", weeks=None)),
        risk_item_unanswered_on=data.risk_item_unanswered_on,
    )
    texts, chars, height, _ = read(PrepSummaryPdf(longest, paper=paper).generate())  # type: ignore[arg-type]
    assert len(texts) == 1 and expected in flat(texts[0]) and "Last session note" in texts[0]
    assert_inside(chars, height)


def test_the_goal_ratings_are_told_under_the_measures(db: Database) -> None:
    from _measure_history import add_goals

    client = client_with_measures(db)
    add_goals(db, client)
    with db.session() as s:
        data = prep.build_prep(s, client, today=TODAY)
    texts, chars, height, _ = read(PrepSummaryPdf(data).generate())
    assert len(texts) == 1
    page = flat(texts[0])
    assert PHQ9_STATEMENT in page
    at = page.index(GAD7_STATEMENT) + len(GAD7_STATEMENT)
    assert page[at:].startswith(  # a line a goal after the measures' statements
        " Goal 1 (“Walk to the corner shop and back on my own, without phoning anyone on …”)"
        " rated from 2 to 7 of 10 over 9 weeks (higher is better; n = 4)."
        " Goal 2 (“Worry about work in the evenings”) rated from 8 to 3 of 10 over 9 weeks "
        "(lower is better; n = 4)."
    )
    assert_inside(chars, height)


def test_a_goal_is_printed_with_its_words_a_long_one_shortened(db: Database) -> None:
    from _measure_history import add_goals

    client = client_with_measures(db)
    add_goals(db, client)
    with db.session() as s:
        data = prep.build_prep(s, client, today=TODAY)
    long = "Go to the Saturday market with my sister and stay until we have bought " * 3
    one = GoalTrend(3, long.strip(), True, (MeasurePoint(TODAY, 4),))
    data = replace(data, goals=(*data.goals, one))
    texts, chars, height, _ = read(PrepSummaryPdf(data).generate())
    lines = [" ".join(line.split()) for line in texts[0].splitlines()]
    # the short goal in full; the long one cut with "…", still on one line with its rating
    assert any(line.startswith("Goal 2 (“Worry about work in the evenings”) rated from 8")
               for line in lines)  # fmt: skip
    (third,) = [line for line in lines if line.startswith("Goal 3 (“Go to the Saturday market")]
    assert third.endswith("…”): one rating so far, 4 of 10 (higher is better; n = 1).")
    assert_inside(chars, height)


def test_the_statement_describes_the_weeks_its_chart_shows(db: Database) -> None:
    # Given a year of prep weeks (the view's "Last 52 weeks") and a PHQ-9 of 23 taken 30
    # weeks ago: the PDF's strip and chart show only the last 26 weeks
    client = client_with_measures(db)
    with db.session() as s:
        data = prep.build_prep(s, client, today=TODAY, weeks=52)
    phq, gad = data.measures
    early = MeasurePoint(TODAY - timedelta(weeks=30), 23)
    data = replace(data, measures=(replace(phq, points=(early, *phq.points)), gad))
    assert data.measure_statements[0].startswith("PHQ-9 from 23 to 9 ")  # the view's 52
    texts, *_ = read(PrepSummaryPdf(data).generate())
    page = flat(texts[0])
    # Then the printed statement starts where its chart starts (19, week 0 of the
    # history), and tells the earlier score apart
    assert (
        "PHQ-9 from 19 to 9 over 11 weeks: reliable improvement; weeks with completion 3–4 "
        "were followed by a mean change of −1.8, weeks with 0–1 by +0.5 (n = 6 and 4). "
        "Since the first measure, before these weeks: from 23 to 9 (n = 13)."
    ) in page
    assert "from 23 to 9 over" not in page
