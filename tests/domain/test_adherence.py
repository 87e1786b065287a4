"""The weekly strip from plain facts: which kind a week gets, and what it keeps."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from practice.domain.adherence import (
    CellKind,
    HomeworkSpan,
    SessionFact,
    SessionReview,
    monday,
    week_cells,
)
from practice.domain.vocabulary import AppointmentStatus

MONDAY = date(2025, 3, 3)
A = AppointmentStatus


def session(id_: int, day: date, status: AppointmentStatus) -> SessionFact:
    return SessionFact(id_, datetime(day.year, day.month, day.day, 10).astimezone(), day, status)


def review(id_: int, s: SessionFact, completion: int) -> SessionReview:
    return SessionReview(id_, s.id, 1, "Mood log", s.day, s.starts_at, completion, None, True)


def test_each_week_takes_the_first_kind_that_applies() -> None:
    # Given five weeks: two reviews, an attended session with homework open, a no-show
    # and a cancellation in one week, a cancellation alone, and a session still to come
    w = [MONDAY + timedelta(weeks=i) for i in range(5)]
    sessions = [
        session(1, w[0], A.ATTENDED),
        session(2, w[0] + timedelta(days=2), A.ATTENDED),
        session(3, w[1], A.ATTENDED),
        session(4, w[2], A.CANCELLED_BY_CLIENT),
        session(5, w[2] + timedelta(days=1), A.NO_SHOW),
        session(6, w[3], A.CANCELLED_BY_THERAPIST),
        session(7, w[4] + timedelta(days=3), A.SCHEDULED),
    ]
    reviews = [review(1, sessions[0], 3), review(2, sessions[1], 4)]
    homework = [HomeworkSpan(1, "Mood log", None, None, MONDAY - timedelta(days=3), None)]
    today = w[4] + timedelta(days=1)
    # When the strip is made
    cells = week_cells(w[0], w[4], sessions, reviews, homework, today=today)
    # Then each week has its kind and mark, and keeps the sessions that decided it
    assert [c.kind for c in cells] == [
        CellKind.REVIEW,
        CellKind.NOT_REVIEWED,
        CellKind.NO_SHOW,
        CellKind.CANCELLED,
        CellKind.NO_SESSION,
    ]
    assert [c.mark for c in cells] == ["4", "?", "NS", "C", ""]
    assert cells[0].completion == 4  # 3 and 4: mean 3.5, halves round up
    assert cells[0].reviews == tuple(reviews)
    assert cells[1].open_homework == ("Mood log",)
    assert [s.id for s in cells[2].deciding] == [5]
    assert cells[2].appointment_ids == (4, 5)
    assert [s.id for s in cells[4].deciding] == [7]
    assert [c.current for c in cells] == [False] * 4 + [True]
    assert monday(today) == cells[-1].week_start


def test_a_session_without_open_homework_is_no_homework() -> None:
    # Given homework set in the week's own session (so not open before it)
    s = session(1, MONDAY, A.ATTENDED)
    homework = [HomeworkSpan(1, "Mood log", 1, s.starts_at, MONDAY, None)]
    # When the strip is made
    (cell,) = week_cells(MONDAY, MONDAY, [s], [], homework, today=MONDAY)
    # Then the week had a session and no homework to review
    assert (cell.kind, cell.mark, cell.open_homework) == (CellKind.NO_HOMEWORK, "–", ())
