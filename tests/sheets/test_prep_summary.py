"""The one-page prep summary, read back: one page, the client, the suggestion, the font;
still one page for ten years of history and for every list at its longest."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pdfplumber
import pytest

from practice.db import migrate
from practice.db.engine import Database
from practice.domain.prep_model import BarrierCount, PrepData, StrategyTried, StrategyUse
from practice.domain.views import ObservationView, RaiseItem
from practice.domain.vocabulary import Barrier, Frequency, ResistanceKind, Strategy
from practice.services import demo, prep
from practice.sheets.prep_summary import FOOTER, MARGIN, PrepSummaryPdf

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from bench_prep import build_long_history  # noqa: E402

DEMO_TODAY = date(2025, 3, 12)
TEN_YEARS_TODAY = date(2025, 6, 4)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, dict[str, int]]]:
    path = tmp_path_factory.mktemp("prep_pdf") / "practice.sqlite3"
    migrate.upgrade(path)
    db = Database(path)
    with db.session() as s:
        summary = demo.seed_demo(
            s, today=DEMO_TODAY
        )  # the computer's clock, as Practice reads days
        ids = dict(summary.roles)
        ids["ten_years"] = build_long_history(s, today=TEN_YEARS_TODAY)
    yield db, ids
    db.dispose()


def build(database: tuple[Database, dict[str, int]], role: str, **kw: object) -> PrepData:
    db, ids = database
    today = TEN_YEARS_TODAY if role == "ten_years" else DEMO_TODAY
    with db.session() as s:
        return prep.build_prep(s, ids[role], today=today, **kw)  # type: ignore[arg-type]


def read(pdf: bytes) -> tuple[list[str], list[dict[str, object]], float, set[str]]:
    """Text of each page, the characters of page 1, its height, and the font names."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        texts = [p.extract_text() or "" for p in doc.pages]
        page = doc.pages[0]
        chars = list(page.chars)
        return texts, chars, float(page.height), {str(ch["fontname"]) for ch in chars}


def assert_inside(chars: list[dict[str, object]], height: float) -> None:
    """Nothing drawn into the footer band except the footer line itself."""
    limit = height - (MARGIN + FOOTER) + 1
    footer_top = height - MARGIN - 10
    stray = [
        ch["text"]
        for ch in chars
        if float(ch["bottom"]) > limit and float(ch["top"]) < footer_top  # type: ignore[arg-type]
    ]
    assert not stray, "".join(str(c) for c in stray)


def test_improver_reads_at_a_glance(database: tuple[Database, dict[str, int]]) -> None:
    data = build(database, "improver", weeks=26)
    texts, chars, height, fonts = read(PrepSummaryPdf(data).generate())
    assert len(texts) == 1
    text = texts[0]
    assert "Session prep: Quintero, Marisol (Mari)" in text
    assert data.suggestion.headline == "Keep going" and "Keep going" in text
    assert "Completion rose: first 4 reviews shown 0.5, last 4 3.5" in text
    assert "Next session: Tue 18 Mar 2025, 10:00 (50 min)" in text
    assert "Last session note — Tue 11 Mar 2025 (SOAP, signed)" in text
    assert all("AtkinsonHyperlegible" in f for f in fonts), fonts  # embedded, no base-14
    marks = [w.mark for w in data.weeks if w.mark]
    assert " ".join(marks[-4:]) in text  # the strip's marks read as text
    assert_inside(chars, height)


def test_drifter_suggestion_and_flags(database: tuple[Database, dict[str, int]]) -> None:
    drifter = build(database, "drifter", weeks=26)
    text = read(PrepSummaryPdf(drifter).generate())[0][0]
    assert "Session prep: Whitcombe, Dale" in text
    assert drifter.suggestion.headline.startswith("Next step: ")
    assert drifter.suggestion.headline in text
    assert "Completion fell" in text
    conditional = read(PrepSummaryPdf(build(database, "conditional", weeks=26)).generate())[0][0]
    assert "Conditional sessions on since" in conditional and "C!" in conditional
    urgent = read(PrepSummaryPdf(build(database, "cannot_postpone")).generate())[0][0]
    assert "Cannot postpone treatment — Recent crisis" in urgent
    assert "Benavides, Rocío" in urgent


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_ten_years_fit_one_page(database: tuple[Database, dict[str, int]], paper: str) -> None:
    data = build(database, "ten_years", weeks=None)
    assert len(data.weeks) > 500 and len(data.trend) > 400
    texts, chars, height, _ = read(PrepSummaryPdf(data, paper=paper).generate())  # type: ignore[arg-type]
    assert len(texts) == 1
    assert height == (792 if paper == "letter" else pytest.approx(841.89, abs=0.01))
    assert "Session prep: Sintética, Decada" in texts[0]
    assert data.suggestion.headline in texts[0]
    assert "Homework, week by week (last 26 weeks)" in texts[0]
    assert_inside(chars, height)


def _everything_at_its_longest(data: PrepData) -> PrepData:
    long = "A long sentence that goes on about the week and what was hard in it. " * 12
    start = date(2015, 1, 6)
    observation = ObservationView(1, 1, ResistanceKind.DOUBTS_AGE, long, True, None, None,
                                  datetime(2025, 1, 1, tzinfo=UTC))  # fmt: skip
    raise_items = tuple(
        RaiseItem(observation, 1, datetime(2025, 1, 1, tzinfo=UTC)) for _ in range(10)
    )
    strategies = tuple(
        StrategyTried(
            s, tuple(StrategyUse(start + timedelta(weeks=n), 1.0, 2.0) for n in range(40)), 2.0
        )  # fmt: skip
        for s in Strategy
    )
    barriers = tuple(BarrierCount(b, 99, 9, date(2025, 5, 1)) for b in Barrier)
    header = replace(
        data.header,
        display_name="Montenegro-Villalobos, Maximiliana Esperanza (Maxi)",
        cannot_postpone=True,
        cannot_postpone_reason=long,
    )
    agenda = replace(
        data.agenda,
        to_raise=raise_items,
        last_plan=long,
        open_assignments=data.agenda.open_assignments * 6,
    )
    note = data.last_note
    assert note is not None
    return replace(
        data,
        header=header,
        barriers=barriers,
        strategies=strategies,
        agenda=agenda,
        last_note=replace(note, sections={k: long for k in note.sections}),
    )


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_list_at_its_longest_still_fits(
    database: tuple[Database, dict[str, int]], paper: str
) -> None:
    data = _everything_at_its_longest(build(database, "ten_years", weeks=None))
    assert data.header.conditional is not None  # both flags on
    texts, chars, height, _ = read(PrepSummaryPdf(data, paper=paper).generate())  # type: ignore[arg-type]
    assert len(texts) == 1
    assert "more to raise" in texts[0] and "and 6 more" in texts[0]  # 11 barriers, 5 shown
    assert "Montenegro-Villalobos, Maximiliana Esperanza (Maxi)" in texts[0]
    assert "Last session note" in texts[0]
    assert "…" in texts[0]  # long texts are cut, not clipped
    assert_inside(chars, height)


def test_unknown_paper_is_refused(database: tuple[Database, dict[str, int]]) -> None:
    with pytest.raises(ValueError, match="Unknown paper"):
        PrepSummaryPdf(build(database, "improver"), paper="a5")  # type: ignore[arg-type]


def test_open_homework_says_how_many_times_a_week(
    database: tuple[Database, dict[str, int]],
) -> None:
    # Given a client's open homework set 3 times a week, and one set daily
    data = build(database, "improver", weeks=26)
    first = data.agenda.open_assignments[0]
    three = replace(first, frequency=Frequency.PER_WEEK, times_per_week=3, code="PW3333")
    daily = replace(first, frequency=Frequency.DAILY, times_per_week=None, code="DA1111")
    data = replace(data, agenda=replace(data.agenda, open_assignments=(three, daily)))
    # When the prep PDF is read back
    texts, _, _, _ = read(PrepSummaryPdf(data).generate())
    text = " ".join(" ".join(texts).split())
    # Then it prints the number, never "n per week"
    assert "3 times a week, since" in text
    assert "daily, since" in text
    assert "n per week" not in text


def test_a_first_week_is_one_week_not_one_weeks(database: tuple[Database, dict[str, int]]) -> None:
    # Given a client whose first session is in the last week of the strip
    data = build(database, "improver", weeks=26)
    earlier = tuple(replace(w, sessions=(), deciding=()) for w in data.weeks[:-1])
    data = replace(data, weeks=(*earlier, data.weeks[-1]))
    # Then the printed heading counts one week in the singular
    text = read(PrepSummaryPdf(data).generate())[0][0]
    assert "Homework, week by week (1 week since the first session)" in text
