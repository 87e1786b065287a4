"""Homework reviews: the session they belong to, their checks, and reviews still missing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from _loop import BASE, assigned, attended, new_client, week
from sqlalchemy import select

from practice.db.models import HomeworkReview, ReviewBarrier, ReviewStrategy
from practice.domain.inputs import ReviewInput
from practice.domain.vocabulary import AppointmentStatus, Barrier, Strategy
from practice.services import appointments, homework, reviews, story
from practice.services.errors import NotFoundError, ValidationError

BELONGS = "A review belongs to the session where it happened"


def _setup(db):  # type: ignore[no-untyped-def]
    """A client, the session where homework was set, and the next (attended) session."""
    with db.session() as s:
        client = new_client(s)
        set_in = attended(s, client, BASE)
        assignment = assigned(s, client, set_in)
        next_session = attended(s, client, week(1))
    return client, set_in, assignment, next_session


def test_review_is_stored_with_barriers_and_strategies(db):
    _, _, assignment, session_id = _setup(db)
    data = ReviewInput(
        brought=True,
        completion=3,
        client_rating=2,
        quality=4,
        days_recorded=5,
        barriers=frozenset({Barrier.NO_TIME, Barrier.CHAOTIC_WEEK}),
        strategies=frozenset({Strategy.EXTERNAL_AIDS}),
        note="  Did it most evenings. ",
    )
    with db.session() as s:
        view = reviews.review(s, assignment, session_id, data)
    assert view.completion_label == "most"
    assert view.note == "Did it most evenings."
    assert view.session_at == week(1)
    assert view.assignment_title == "Mood log"
    with db.session() as s:
        row = s.scalars(select(HomeworkReview)).one()
        assert (row.brought, row.completion, row.client_rating, row.quality) == (True, 3, 2, 4)
        assert row.days_recorded == 5
        assert set(s.scalars(select(ReviewBarrier.barrier))) == {
            Barrier.NO_TIME,
            Barrier.CHAOTIC_WEEK,
        }
        assert list(s.scalars(select(ReviewStrategy.strategy))) == [Strategy.EXTERNAL_AIDS]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"completion": 5}, "completion", "Completion must be a whole number from 0 to 4"),
        ({"completion": -1}, "completion", "Completion must be a whole number from 0 to 4"),
        ({"completion": True}, "completion", "Completion must be a whole number from 0 to 4"),
        ({"completion": None}, "completion", "Completion is required (0-4)."),
        ({"client_rating": 7}, "client_rating", "Client's rating must be a whole number from 0"),
        ({"quality": 2.5}, "quality", "Quality must be a whole number from 0 to 4; got 2.5."),
        ({"days_recorded": 400}, "days_recorded", "Days recorded must be from 0 to 366; got 400."),
        ({"note": "\x00"}, "note", "Note contains a NUL character."),
    ],
)
def test_review_input_validation(db, changes, field, message):
    _, _, assignment, session_id = _setup(db)
    values = {"brought": False, "completion": 2, **changes}
    with db.session() as s:
        with pytest.raises(ValidationError) as caught:
            reviews.review(s, assignment, session_id, ReviewInput(**values))
        assert s.scalars(select(HomeworkReview)).all() == []
    assert caught.value.errors[field].startswith(message)


def test_completion_message_shows_the_anchors(db):
    errors = reviews.validate(ReviewInput(brought=False, completion=9))
    assert errors == {
        "completion": "Completion must be a whole number from 0 to 4 (0 not tried, 1 started, "
        "2 about half, 3 most, 4 all as agreed); got 9."
    }


def test_dropped_and_replaced_homework_is_not_reviewed(db):
    client, set_in, assignment, session_id = _setup(db)
    with db.session() as s:
        other = assigned(s, client, set_in)
        homework.drop(s, assignment, "Not helpful")
        homework.replace(s, other, homework.get(s, other), "Smaller task")
        for target, word in ((assignment, "dropped"), (other, "replaced")):
            with pytest.raises(ValidationError) as caught:
                reviews.review(s, target, session_id, ReviewInput(False, 0))
            assert caught.value.errors == {
                "assignment_id": f"This homework was {word} and cannot be reviewed."
            }


def test_review_needs_its_own_attended_session(db):
    client, set_in, assignment, _ = _setup(db)
    with db.session() as s:
        other_client = new_client(s, "Bea", "Ejemplo")
        foreign = attended(s, other_client, week(1))
        no_show = appointments.schedule(s, client, week(2)).appointment.id
        appointments.mark(s, no_show, AppointmentStatus.NO_SHOW)
        planned = appointments.schedule(s, client, week(3)).appointment.id
        before = attended(s, client, BASE - timedelta(weeks=1))
        cases = [
            (None, f"{BELONGS}: choose that appointment."),
            (9999, f"{BELONGS}: there is no appointment with id 9999."),
            (foreign, f"{BELONGS}: this appointment is another client's."),
            (no_show, f"{BELONGS}: this appointment is no-show, not attended."),
            (planned, f"{BELONGS}: this appointment is scheduled, not attended."),
            (
                set_in,
                f"{BELONGS}: this homework was set in this session; review it in a later session.",
            ),
            (before, f"{BELONGS}: this homework was set later; review it in a later session."),
        ]
        for appointment_id, message in cases:
            with pytest.raises(ValidationError) as caught:
                reviews.review(s, assignment, appointment_id, ReviewInput(False, 1))
            assert caught.value.errors == {"appointment_id": message}
        with pytest.raises(NotFoundError):
            reviews.review(s, 31337, set_in, ReviewInput(False, 1))


def test_second_review_in_the_same_session_is_an_update(db):
    _, _, assignment, session_id = _setup(db)
    with db.session() as s:
        first = reviews.review(
            s, assignment, session_id, ReviewInput(False, 1, barriers=frozenset({Barrier.FORGOT}))
        )
        with pytest.raises(ValidationError) as caught:
            reviews.review(s, assignment, session_id, ReviewInput(True, 4))
        assert caught.value.errors == {
            "appointment_id": "This homework was already reviewed in this session "
            f"(review {first.id}); update that review instead."
        }
        updated = reviews.update_review(
            s,
            first.id,
            ReviewInput(True, 2, barriers=frozenset({Barrier.LOST_SHEET})),
        )
        with pytest.raises(ValidationError):
            reviews.update_review(s, first.id, ReviewInput(True, 6))
        assert reviews.review_for(s, assignment, session_id) == updated
    assert updated.id == first.id
    assert (updated.brought, updated.completion) == (True, 2)
    assert updated.barriers == frozenset({Barrier.LOST_SHEET})


def test_homework_set_outside_a_session_is_reviewed_on_a_later_day(db):
    with db.session() as s:
        client = new_client(s)
        same_day = attended(s, client, BASE)
        later = attended(s, client, week(1))
        a = assigned(s, client, None, start_date=BASE.astimezone().date())
        with pytest.raises(ValidationError, match="set later"):
            reviews.review(s, a, same_day, ReviewInput(False, 0))
        assert reviews.review(s, a, later, ReviewInput(False, 0)).appointment_id == later


def test_missing_reviews(db):
    client, set_in, assignment, second = _setup(db)
    with db.session() as s:
        other = new_client(s, "Bea", "Ejemplo")
        other_session = attended(s, other, BASE)
        other_homework = assigned(s, other, other_session)
        other_next = attended(s, other, week(1, hours=2))
        third = attended(s, client, week(2))
        fourth_no_show = appointments.schedule(s, client, week(3)).appointment.id
        appointments.mark(s, fourth_no_show, AppointmentStatus.NO_SHOW)
        newer = assigned(s, client, second)  # set in the second session
        reviews.review(s, assignment, second, ReviewInput(False, 1))
        dropped = assigned(s, client, set_in)
        homework.drop(s, dropped, "Too much at once")
        mine = story.missing_reviews(s, client)
        everyone = story.missing_reviews(s)
        recent = story.missing_reviews(s, since=week(2).astimezone().date())
    # Newest session first; the session where homework was set never misses its review
    assert [(m.appointment.id, m.assignment.id) for m in mine] == [
        (third, assignment),
        (third, newer),
    ]
    assert {(m.appointment.id, m.assignment.id) for m in everyone} == {
        (third, assignment),
        (third, newer),
        (other_next, other_homework),
    }
    assert [m.appointment.id for m in recent] == [third, third]
    assert all(m.appointment.status is AppointmentStatus.ATTENDED for m in everyone)
    with db.session() as s:
        reviews.review(s, assignment, third, ReviewInput(True, 4))
        homework.complete(s, newer)
        assert story.missing_reviews(s, client) == []
