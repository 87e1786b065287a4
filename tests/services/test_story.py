"""The client's story (client view): content, order, and a fixed number of queries."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from _loop import assigned, attended, new_client, soap, week
from sqlalchemy import event

from practice.domain.inputs import ReviewInput
from practice.domain.vocabulary import AppointmentStatus, Barrier
from practice.services import appointments, homework, notes, private_notes, reviews, story
from practice.services.errors import NotFoundError


def _history(s, client: int, weeks: int) -> None:  # type: ignore[no-untyped-def]
    """``weeks`` attended sessions, each with a note, reviewing last week's homework."""
    previous = None
    for n in range(weeks):
        session_id = attended(s, client, week(n))
        notes.save_note(s, session_id, soap(Subjective=f"Week {n} went on."))
        private_notes.save_private_note(s, session_id, f"private {n}")
        if previous is not None:
            reviews.review(
                s,
                previous,
                session_id,
                ReviewInput(True, n % 5, barriers=frozenset({Barrier.FORGOT})),
            )
            homework.complete(s, previous)
        previous = assigned(s, client, session_id, title=f"Log {n}")


@contextmanager
def _count_queries(db):  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def on_execute(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", on_execute)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", on_execute)


def test_story_reads_newest_first(db):
    with db.session() as s:
        client = new_client(s)
        _history(s, client, 3)
        upcoming = appointments.schedule(s, client, week(3)).appointment.id
        told = story.client_story(s, client)
    assert told.client_name == "Prueba, Ana"
    assert [e.appointment.id for e in told.sessions][0] == upcoming
    assert told.sessions[0].note is None
    summaries = [e.note.summary for e in told.sessions[1:] if e.note]
    assert summaries == ["Week 2 went on.", "Week 1 went on.", "Week 0 went on."]
    assert "private" not in repr(told)  # private notes never reach the client view
    assert [a.title for a in told.homework] == ["Log 2", "Log 1", "Log 0"]
    assert [len(a.reviews) for a in told.homework] == [0, 1, 1]
    assert told.homework[1].reviews[0].appointment_id == told.sessions[1].appointment.id
    assert [r.assignment_title for r in told.sessions[1].reviews] == ["Log 1"]
    assert [a.title for a in told.sessions[1].assigned] == ["Log 2"]
    assert told.missing_reviews == ()


def test_story_query_count_does_not_grow_with_history(db):
    counts = []
    for weeks, first in ((2, "Uno"), (12, "Doce")):
        with db.session() as s:
            client = new_client(s, first)
            _history(s, client, weeks)
            set_on = week(weeks - 1).astimezone().date()
            assigned(s, client, None, title="Outside a session", start_date=set_on)
            last = attended(s, client, week(weeks, hours=1))
            no_show = appointments.schedule(s, client, week(weeks + 1)).appointment.id
            appointments.mark(s, no_show, AppointmentStatus.NO_SHOW)
        with db.session() as s, _count_queries(db) as seen:
            told = story.client_story(s, client)
        assert len(told.sessions) == weeks + 2
        assert {m.appointment.id for m in told.missing_reviews} == {last}
        counts.append(len(seen))
    assert counts[0] == counts[1], counts
    assert counts[0] < 25


def test_story_of_an_unknown_client(db):
    with db.session() as s, pytest.raises(NotFoundError):
        story.client_story(s, 404)
