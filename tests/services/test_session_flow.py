"""The one-session workflow: drafts that survive closing, and a whole session finished."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from _loop import BASE, assigned, attended, new_client, soap, week
from sqlalchemy import select, text

from practice.db.models import Appointment, HomeworkReview, SessionNote
from practice.domain.inputs import AssignmentInput, NoteInput, ObservationInput
from practice.domain.session_draft import (
    FlowStep,
    NoteDraft,
    ObservationDraft,
    SessionDraft,
)
from practice.domain.vocabulary import (
    AppointmentStatus,
    Barrier,
    Language,
    LiteracyLevel,
    NoteFormat,
    ResistanceKind,
    StageOfChange,
    Strategy,
    TemplateKey,
)
from practice.services import (
    appointments,
    homework,
    homework_prefill,
    notes,
    observations,
    session_flow,
    story,
)
from practice.services.errors import ValidationError
from practice.sheets.templates import load_templates


def _last_week_homework(db):  # type: ignore[no-untyped-def]
    """Last week's session set a mood log; this week's appointment is still scheduled."""
    with db.session() as s:
        client = new_client(s, "Lucía", "Ficticia")
        last_week = attended(s, client, BASE)
        mood_log = assigned(s, client, last_week)
        today = appointments.schedule(s, client, week(1)).appointment.id
    return client, last_week, mood_log, today


def test_the_issue_scenario_at_service_level(db):
    client, last_week, mood_log, today = _last_week_homework(db)
    # Given the therapist starts the session and reviews last week's homework
    with db.session() as s:
        draft = session_flow.start(s, today)
    assert [r.assignment_id for r in draft.reviews] == [mood_log]
    assert draft.reviews[0].assignment_title == "Mood log"
    reviewed = replace(
        draft.reviews[0],
        brought=False,
        completion=1,
        barriers=frozenset({Barrier.FORGOT, Barrier.WRITING_HARD}),
        strategies=frozenset({Strategy.ADAPT_MATERIAL}),
    )
    draft = replace(draft, reviews=(reviewed,), step=FlowStep.NOTE)
    # When the panel is closed halfway, the draft is kept
    with db.session() as s:
        session_flow.save_draft(s, draft)
    with db.session() as s:
        reopened = session_flow.start(s, today)
        assert s.get(Appointment, today).status is AppointmentStatus.SCHEDULED
        assert s.scalars(select(HomeworkReview)).all() == []
    assert reopened == draft
    # And the note, resistance, stage and new homework are entered
    library = load_templates()
    with db.session() as s:
        new_homework = homework.defaults_for(
            s, client, TemplateKey.THOUGHT_RECORD.value, templates=library
        )
    new_homework = homework_prefill.with_template_texts(
        replace(new_homework, level=LiteracyLevel.EASY, language=Language.ES), templates=library
    )
    spanish = library.get("thought_record").text(LiteracyLevel.EASY, Language.ES)
    assert new_homework.title == spanish.title
    assert new_homework.rationale == spanish.why_it_helps
    draft = replace(
        reopened,
        step=FlowStep.DONE,
        note=NoteDraft(
            format=NoteFormat.SOAP,
            sections={
                "Subjective": "Forgot the log; writing feels hard.",
                "Assessment": "Ambivalent about change.",
                "Plan": "Simpler sheet, in Spanish.",
            },
            stage_of_change=StageOfChange.CONTEMPLATION,
            plan="Ask about doubts openly.",
        ),
        observations=(ObservationDraft(ResistanceKind.DOUBTS_AGE, "Asked how old I am", True),),
        assignments=(new_homework,),
    )
    with db.session() as s:
        session_flow.save_draft(s, draft)
        outcome = session_flow.finish(s, draft)
    assert outcome.appointment.status is AppointmentStatus.ATTENDED
    assert outcome.note is not None and not outcome.note.signed
    # Then the database holds all of it
    with db.session() as s:
        q = lambda sql: s.execute(text(sql)).all()  # noqa: E731
        assert q(f"SELECT status FROM appointments WHERE id = {today}") == [("attended",)]
        assert q(
            "SELECT assignment_id, appointment_id, brought, completion FROM homework_reviews"
        ) == [(mood_log, today, 0, 1)]
        assert sorted(q("SELECT barrier FROM review_barriers")) == [("forgot",), ("writing_hard",)]
        assert q("SELECT strategy FROM review_strategies") == [("adapt_material",)]
        ((fmt, sections, stage, plan),) = q(
            "SELECT format, sections, stage_of_change, plan FROM session_notes"
        )
        assert (fmt, stage, plan) == ("soap", "contemplation", "Ask about doubts openly.")
        if isinstance(sections, str):  # SQLite's JSON is text; PostgreSQL's comes parsed
            sections = json.loads(sections)
        assert sections["Assessment"] == "Ambivalent about change."
        assert q("SELECT kind, raise_next_session, raised_at FROM resistance_observations") == [
            ("doubts_age", 1, None)
        ]
        assert q(f"SELECT stage_of_change FROM clients WHERE id = {client}") == [("contemplation",)]
        assert q(
            "SELECT template_key, level, language, status, assigned_in_id "
            "FROM homework_assignments ORDER BY id"
        ) == [
            ("mood_log", "plain", "en", "active", last_week),
            ("thought_record", "easy", "es", "active", today),
        ]
        titles = q("SELECT title FROM homework_assignments WHERE template_key = 'thought_record'")
        assert titles == [(spanish.title,)]
        assert q("SELECT count(*) FROM session_drafts") == [(0,)]
        # And the client view and the next session's agenda show it
        told = story.client_story(s, client)
        agenda = observations.items_to_raise(s, client)
    this = told.sessions[0]
    assert this.appointment.id == today and this.note is not None
    assert this.note.stage_of_change is StageOfChange.CONTEMPLATION
    assert [r.completion for r in this.reviews] == [1]
    assert [a.template_key for a in this.assigned] == ["thought_record"]
    assert told.stage_of_change is StageOfChange.CONTEMPLATION
    assert told.missing_reviews == ()
    assert [i.observation.kind for i in agenda.items] == [ResistanceKind.DOUBTS_AGE]
    assert agenda.last_plan == "Ask about doubts openly."


def test_an_invalid_review_is_never_saved(db):
    _, _, mood_log, today = _last_week_homework(db)
    with db.session() as s:
        draft = session_flow.start(s, today)
        draft = replace(draft, note=NoteDraft(NoteFormat.FREE, {"Note": "Short session."}))
        session_flow.save_draft(s, draft)
    assert draft.reviews[0].completion is None  # not chosen yet
    with db.session() as s, pytest.raises(ValidationError) as caught:
        session_flow.finish(s, draft)
    assert caught.value.errors == {
        f"reviews.{mood_log}.brought": "Choose Yes or No: did the client bring the record?",
        f"reviews.{mood_log}.completion": "Completion is required (0-4).",
    }
    # Skipping the review is a choice; then the rest is written
    with db.session() as s:
        assert s.scalars(select(SessionNote)).all() == []
        assert s.get(Appointment, today).status is AppointmentStatus.SCHEDULED
        assert session_flow.load_draft(s, today) == draft
        skipped = replace(draft, reviews=(replace(draft.reviews[0], skip=True),))
        outcome = session_flow.finish(s, skipped)
    assert outcome.reviews == ()
    assert outcome.note is not None and outcome.note.sections == {"Note": "Short session."}


def test_a_failure_while_writing_leaves_nothing(db):
    _, _, mood_log, today = _last_week_homework(db)
    with db.session() as s:
        draft = session_flow.start(s, today)
        draft = replace(
            draft,
            reviews=(replace(draft.reviews[0], brought=True, completion=2),),
            note=NoteDraft(NoteFormat.FREE, {"Note": "Written."}),
        )
        session_flow.save_draft(s, draft)
        homework.drop(s, mood_log, "Changed our plan")  # meanwhile, elsewhere
    # The unit of work is rolled back when finish fails halfway
    with (
        pytest.raises(ValidationError, match="dropped and cannot be reviewed"),
        db.session() as s,
    ):
        session_flow.finish(s, draft)
    with db.session() as s:
        assert s.get(Appointment, today).status is AppointmentStatus.SCHEDULED
        assert s.scalars(select(SessionNote)).all() == []
        assert session_flow.load_draft(s, today) == draft


def test_start_prefills_from_what_exists_and_syncs_observations(db):
    with db.session() as s:
        client = new_client(s)
        earlier = attended(s, client, BASE)
        notes.save_note(s, earlier, NoteInput(NoteFormat.DAP, {"Data": "x"}))
        current = attended(s, client, week(1))
        fresh = session_flow.start(s, current)
        assert fresh.note.format is NoteFormat.DAP  # the client's last note's format
        note = notes.save_note(s, current, soap(Subjective="Started"))
        keep = observations.add_observation(
            s, note.id, ObservationInput(ResistanceKind.MINIMAL_DISCLOSURE, "short answers")
        )
        drop = observations.add_observation(
            s, note.id, ObservationInput(ResistanceKind.LATE_OR_MISSED)
        )
        draft = session_flow.start(s, current)
    assert draft.note.sections["Subjective"] == "Started"
    assert [o.id for o in draft.observations] == [keep.id, drop.id]
    draft = replace(
        draft,
        observations=(
            replace(draft.observations[0], raise_next_session=True),
            ObservationDraft(ResistanceKind.DOUBTS_COMPETENCE),
        ),
        sign_note=True,
    )
    with db.session() as s:
        outcome = session_flow.finish(s, draft)
    assert outcome.note is not None and outcome.note.signed
    assert [(o.id == keep.id, o.kind, o.raise_next_session) for o in outcome.note.observations] == [
        (True, ResistanceKind.MINIMAL_DISCLOSURE, True),
        (False, ResistanceKind.DOUBTS_COMPETENCE, False),
    ]
    # A signed note is shown read-only in a new draft and left alone by finish
    with db.session() as s:
        again = session_flow.start(s, current)
        assert again.note.already_signed
        changed = replace(again, note=replace(again.note, sections={"Subjective": "Overwrite"}))
        result = session_flow.finish(s, changed)
    assert result.note is not None and result.note.sections["Subjective"] == "Started"


def test_start_refuses_a_cancelled_appointment(db):
    with db.session() as s:
        client = new_client(s)
        appointment = appointments.schedule(s, client, BASE).appointment.id
        appointments.mark(s, appointment, AppointmentStatus.CANCELLED_BY_THERAPIST)
        with pytest.raises(ValidationError) as caught:
            session_flow.start(s, appointment)
    assert caught.value.errors == {
        "appointment_id": "A session can only be run for a scheduled or attended appointment; "
        "this one is cancelled by therapist."
    }


def test_validate_draft_keys_every_problem():
    draft = SessionDraft(
        appointment_id=1,
        client_id=1,
        note=NoteDraft(NoteFormat.BIRP, {"Data": "not a BIRP section"}),
        observations=(ObservationDraft(ResistanceKind.DOUBTS_AGE, "x" * 6000),),
        assignments=(AssignmentInput("mood_log", "", LiteracyLevel.PLAIN, Language.EN),),
        sign_note=True,
    )
    errors = session_flow.validate_draft(draft)
    assert set(errors) == {
        "note.sections.Data",
        "observations[0].text",
        "assignments[0].title",
    }
