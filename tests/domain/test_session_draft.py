"""The session draft as JSON: a round trip keeps everything, stale values fall back."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, time

from practice.domain.inputs import AssignmentInput, ReviewInput
from practice.domain.session_draft import (
    FlowStep,
    NoteDraft,
    ObservationDraft,
    ReviewDraft,
    SessionDraft,
    draft_from_json,
    draft_to_json,
)
from practice.domain.vocabulary import (
    Barrier,
    Frequency,
    Language,
    LiteracyLevel,
    NoteFormat,
    ReminderChannel,
    ResistanceKind,
    StageOfChange,
    Strategy,
)


def test_draft_json_round_trip_and_tolerance() -> None:
    # Given a draft with a note, an observation and a new assignment
    draft = SessionDraft(
        appointment_id=7,
        client_id=3,
        step=FlowStep.ASSIGN,
        note=NoteDraft(NoteFormat.SOAP, {"Plan": "¿Qué tal?"}, StageOfChange.ACTION, "p", "priv"),
        observations=(ObservationDraft(ResistanceKind.DOUBTS_AGE, "t", True, 12),),
        assignments=(
            AssignmentInput(
                "thought_record",
                "Registro",
                LiteracyLevel.EASY,
                Language.ES,
                frequency=Frequency.PER_WEEK,
                times_per_week=3,
                start_date=date(2025, 3, 10),
                due_date=date(2025, 3, 17),
                reminder_channel=ReminderChannel.ALARM,
                reminder_time=time(21, 15),
                teach_back_done=True,
            ),
        ),
    )
    # When it goes through JSON text and back, Then nothing is lost
    stored = json.loads(json.dumps(draft_to_json(draft)))
    assert draft_from_json(stored) == draft
    # When stored values no longer parse
    stored["step"] = "no_such_step"
    stored["observations"].append({"kind": "renamed_kind"})
    stored["assignments"][0]["level"] = "tiny"
    stored["assignments"][0]["due_date"] = "not a date"
    back = draft_from_json(stored)
    # Then each falls back to its default and the rest of the draft is kept
    assert back.step is FlowStep.REVIEW
    assert len(back.observations) == 1
    assert back.assignments[0].level is LiteracyLevel.PLAIN
    assert back.assignments[0].due_date is None
    assert back.assignments[0].reminder_time == time(21, 15)


def test_a_review_draft_becomes_the_review_input() -> None:
    # Given a review draft as entered, with an empty note
    draft = ReviewDraft(
        assignment_id=4,
        brought=True,
        completion=3,
        client_rating=2,
        days_recorded=5,
        barriers=frozenset({Barrier.FORGOT}),
        strategies=frozenset({Strategy.EXTERNAL_AIDS}),
    )
    # When it is turned into the service's input
    data = draft.to_input()
    # Then every value carries over and an empty note is no note
    assert data == ReviewInput(
        brought=True,
        completion=3,
        client_rating=2,
        days_recorded=5,
        barriers=frozenset({Barrier.FORGOT}),
        strategies=frozenset({Strategy.EXTERNAL_AIDS}),
        note=None,
    )


def test_brought_not_chosen_stays_not_chosen_through_json():
    draft = SessionDraft(appointment_id=1, client_id=2, reviews=(ReviewDraft(7, "Mood log"),))
    assert draft.reviews[0].brought is None
    again = draft_from_json(json.loads(json.dumps(draft_to_json(draft))))
    assert again.reviews[0].brought is None
    chosen = replace(draft, reviews=(replace(draft.reviews[0], brought=False),))
    assert draft_from_json(draft_to_json(chosen)).reviews[0].brought is False


def test_the_measures_step_survives_the_json_and_bad_answers_are_dropped():
    from practice.domain.session_draft import MeasuresDraft

    draft = SessionDraft(
        appointment_id=1,
        client_id=2,
        step=FlowStep.MEASURES,
        measures=MeasuresDraft(
            phq9=(1, None, 2, 0, 0, 1, None, 0, 1),
            phq9_difficulty=2,
            gad7=(),
            goal_ratings=((5, 7),),
            recorded=("phq9",),
        ),
    )
    back = draft_from_json(json.loads(json.dumps(draft_to_json(draft))))
    assert back == draft
    # an answer no longer in 0–3 is read as unanswered, never as a number
    data = draft_to_json(draft)
    data["measures"]["gad7"] = [1, 9, "x", None]
    assert draft_from_json(data).measures.gad7 == (1, None, None, None)
    # a draft saved before the Measures step reads with no measures
    del data["measures"]
    assert draft_from_json(data).measures == MeasuresDraft()
