"""Session notes, signing and amendments, observations, private notes."""

from __future__ import annotations

import pytest
from _loop import BASE, attended, new_client, soap, week
from sqlalchemy import select, text

from practice.db.models import AuditEvent, Client, NoteAmendment, SessionNote
from practice.domain.inputs import NoteInput, ObservationInput
from practice.domain.vocabulary import (
    AppointmentStatus,
    NoteFormat,
    ResistanceGroup,
    ResistanceKind,
    StageOfChange,
)
from practice.services import appointments, notes, observations, private_notes
from practice.services.errors import NotFoundError, ValidationError

SECRET = "Spoke about the argument with her sister."


def _session(db, status=AppointmentStatus.ATTENDED):
    with db.session() as s:
        client = new_client(s)
        appointment = appointments.schedule(s, client, BASE).appointment.id
        if status is not AppointmentStatus.SCHEDULED:
            appointments.mark(s, appointment, status)
    return client, appointment


@pytest.mark.parametrize(
    ("status", "word"),
    [
        (AppointmentStatus.SCHEDULED, "scheduled"),
        (AppointmentStatus.NO_SHOW, "no-show"),
        (AppointmentStatus.CANCELLED_BY_CLIENT, "cancelled by client"),
    ],
)
def test_notes_only_for_attended_appointments(db, status, word):
    _, appointment = _session(db, status)
    with db.session() as s:
        with pytest.raises(ValidationError) as caught:
            notes.save_note(s, appointment, soap(Subjective="x"))
        assert caught.value.errors["appointment_id"] == (
            "Notes are written for an appointment that took place; "
            f"this one is {word}. Mark it attended first."
        )
        with pytest.raises(ValidationError, match="took place"):
            private_notes.save_private_note(s, appointment, "x")
        with pytest.raises(ValidationError, match="no appointment with id 999"):
            notes.save_note(s, 999, soap(Subjective="x"))
        assert s.scalars(select(SessionNote)).all() == []


def test_section_validation(db):
    _, appointment = _session(db)
    with db.session() as s, pytest.raises(ValidationError) as caught:
        notes.save_note(
            s,
            appointment,
            NoteInput(
                format=NoteFormat.DAP,
                sections={
                    "Subjective": "wrong format",
                    "Data": "x" * 100_001,
                    "Assessment": "bad \ud800 char",
                },
                plan="\x00",
            ),
        )
    assert caught.value.errors == {
        "sections.Subjective": "'Subjective' is not a section of a DAP note "
        "(its sections: Data, Assessment, Plan).",
        "sections.Data": "Data is too long (100001 characters; at most 100000).",
        "sections.Assessment": "Assessment contains an invalid character (a lone surrogate).",
        "plan": "Plan contains a NUL character.",
    }


def test_save_then_update_while_unsigned(db):
    _, appointment = _session(db)
    long_text = "Ñ" * 100_000  # at the limit, not cut
    with db.session() as s:
        first = notes.save_note(s, appointment, soap(Subjective=" Felt low. ", Plan=long_text))
        assert first.sections == {
            "Subjective": "Felt low.",
            "Objective": "",
            "Assessment": "",
            "Plan": long_text,
        }
        second = notes.save_note(
            s, appointment, NoteInput(NoteFormat.FREE, {"Note": "Rewritten."}, plan="Walks")
        )
    assert second.id == first.id
    assert second.format is NoteFormat.FREE
    assert second.sections == {"Note": "Rewritten."}
    assert second.plan == "Walks"
    with db.session() as s:
        actions = s.scalars(
            select(AuditEvent.action).where(AuditEvent.entity == "session_note")
        ).all()
        assert actions == ["create", "update"]


def test_stage_updates_the_client_from_the_latest_note(db):
    with db.session() as s:
        client = new_client(s)
        old = attended(s, client, BASE)
        new = attended(s, client, week(1))
        notes.save_note(
            s, new, NoteInput(NoteFormat.FREE, {"Note": "a"}, StageOfChange.PREPARATION)
        )
        assert s.get(Client, client).stage_of_change is StageOfChange.PREPARATION
        # Writing up an older session does not overwrite the current stage
        notes.save_note(
            s, old, NoteInput(NoteFormat.FREE, {"Note": "b"}, StageOfChange.PRECONTEMPLATION)
        )
        assert s.get(Client, client).stage_of_change is StageOfChange.PREPARATION


def test_sign_locks_and_amend_keeps_the_original(db):
    _, appointment = _session(db)
    with db.session() as s:
        note = notes.save_note(
            s,
            appointment,
            NoteInput(
                NoteFormat.SOAP,
                {"Subjective": SECRET, "Assessment": "Mild low mood."},
                plan="Mood log daily",
            ),
        )
        with pytest.raises(ValidationError, match="not signed yet; edit it directly"):
            notes.amend(s, note.id, {"Assessment": "x"}, reason="typo")
        signed = notes.sign(s, note.id)
        assert signed.signed
    with db.session() as s:
        with pytest.raises(ValidationError) as caught:
            notes.save_note(s, appointment, soap(Subjective="overwrite"))
        assert caught.value.errors == {
            "note": "This note is signed and cannot be changed; add an amendment instead."
        }
        with pytest.raises(ValidationError, match="already signed"):
            notes.sign(s, note.id)
        with pytest.raises(ValidationError) as caught:
            notes.amend(s, note.id, {"Assessment": "Moderate low mood."}, reason=" ")
        assert caught.value.errors == {"reason": "An amendment needs a reason."}
        with pytest.raises(ValidationError, match="Nothing to amend"):
            notes.amend(s, note.id, {"Assessment": "Mild low mood."}, reason="same")
        notes.amend(s, note.id, {"Assessment": "Moderate low mood."}, reason="Re-read scores")
        amended = notes.amend(s, note.id, plan="Mood log, 3 times a week", reason="Agreed by phone")
    # The original is untouched; amendments come oldest first and overlay it
    assert amended.sections["Assessment"] == "Mild low mood."
    assert amended.plan == "Mood log daily"
    assert [a.reason for a in amended.amendments] == ["Re-read scores", "Agreed by phone"]
    assert amended.amendments[0].sections == {"Assessment": "Moderate low mood."}
    assert amended.amendments[0].plan is None
    assert amended.current_sections["Assessment"] == "Moderate low mood."
    assert amended.current_sections["Subjective"] == SECRET
    assert amended.current_plan == "Mood log, 3 times a week"
    with db.session() as s:
        stored = s.get(SessionNote, note.id)
        assert stored is not None and stored.sections["Assessment"] == "Mild low mood."
        assert len(s.scalars(select(NoteAmendment)).all()) == 2
        summaries = " ".join(s.scalars(select(AuditEvent.summary)).all())
    assert SECRET not in summaries and "Moderate" not in summaries


def test_sign_refuses_an_empty_note(db):
    _, appointment = _session(db)
    with db.session() as s:
        note = notes.save_note(s, appointment, soap(Subjective="   "))
        with pytest.raises(ValidationError) as caught:
            notes.sign(s, note.id)
        assert caught.value.errors == {"note": "The note is empty; write it before signing."}
        with pytest.raises(NotFoundError, match="no session note with id 77"):
            notes.sign(s, 77)


def test_observations_while_unsigned_then_only_by_amendment(db):
    _, appointment = _session(db)
    with db.session() as s:
        note = notes.save_note(s, appointment, soap(Subjective="x"))
        age = observations.add_observation(
            s, note.id, ObservationInput(ResistanceKind.DOUBTS_AGE, "Asked my age", True)
        )
        brief = observations.add_observation(
            s, note.id, ObservationInput(ResistanceKind.MINIMAL_DISCLOSURE)
        )
        observations.update_observation(
            s, brief.id, ObservationInput(ResistanceKind.CONTRADICTS_THERAPIST, "twice")
        )
        with pytest.raises(ValidationError) as caught:
            observations.add_observation(
                s, note.id, ObservationInput(ResistanceKind.DOUBTS_AGE, "x" * 5_001)
            )
        assert caught.value.errors == {
            "observations[0].text": "Observation text is too long (5001 characters; at most 5000)."
        }
        observations.remove_observation(s, brief.id)
        notes.sign(s, note.id)
    with db.session() as s:
        for attempt in (
            lambda: observations.add_observation(
                s, note.id, ObservationInput(ResistanceKind.LATE_OR_MISSED)
            ),
            lambda: observations.remove_observation(s, age.id),
        ):
            with pytest.raises(ValidationError) as caught:
                attempt()
            assert caught.value.errors["note"].startswith(
                "This note is signed; observations can only be added with an amendment"
            )
        amended = notes.amend(
            s,
            note.id,
            reason="Forgot to tag it",
            observations=[ObservationInput(ResistanceKind.THERAPY_WONT_HELP, "Said it is useless")],
        )
    kinds = [(o.kind, o.amendment_id) for o in amended.observations]
    assert kinds == [
        (ResistanceKind.DOUBTS_AGE, None),
        (ResistanceKind.THERAPY_WONT_HELP, amended.amendments[0].id),
    ]
    assert amended.observations[0].group is ResistanceGroup.ATTITUDE
    assert amended.observations[1].group is ResistanceGroup.COGNITION
    assert amended.amendments[0].sections == {}


def test_items_to_raise_and_mark_raised(db):
    with db.session() as s:
        client = new_client(s)
        first, second = attended(s, client, BASE), attended(s, client, week(1))
        n1 = notes.save_note(s, first, NoteInput(NoteFormat.FREE, {"Note": "a"}, plan="Plan A"))
        n2 = notes.save_note(s, second, NoteInput(NoteFormat.FREE, {"Note": "b"}))
        flagged = observations.add_observation(
            s, n1.id, ObservationInput(ResistanceKind.DOUBTS_AGE, "too young?", True)
        )
        observations.add_observation(s, n2.id, ObservationInput(ResistanceKind.LATE_OR_MISSED))
        later = observations.add_observation(
            s, n2.id, ObservationInput(ResistanceKind.CHANGE_IMPOSSIBLE, None, True)
        )
        agenda = observations.items_to_raise(s, client)
        # The last plan is from the latest note that has one (n2 has none)
        assert agenda.last_plan == "Plan A"
        assert [i.observation.id for i in agenda.items] == [flagged.id, later.id]
        assert agenda.items[0].appointment_id == first
        notes.sign(s, n1.id)
        notes.amend(s, n1.id, plan="Plan A, amended", reason="clarified")
        raised = observations.mark_raised(s, [flagged.id])  # allowed on a signed note
        assert raised[0].raised_at is not None
        agenda = observations.items_to_raise(s, client)
    assert [i.observation.id for i in agenda.items] == [later.id]
    assert agenda.last_plan == "Plan A, amended"
    with db.session() as s:
        observations.mark_raised(s, [flagged.id], raised=False)
        assert len(observations.items_to_raise(s, client).items) == 2
        with pytest.raises(NotFoundError):
            observations.mark_raised(s, [12345])


def test_private_note_is_separate(db):
    _, appointment = _session(db)
    with db.session() as s:
        note = notes.save_note(s, appointment, soap(Subjective="Record text"))
        private = private_notes.save_private_note(s, appointment, "  My countertransference  ")
        assert private is not None and private.text == "My countertransference"
        notes.sign(s, note.id)
        # Signing the record does not lock the private note
        private_notes.save_private_note(s, appointment, "Rewritten privately")
        view = notes.get_note(s, note.id)
        listed = notes.notes_for_client(s, view.client_id)
    assert "Rewritten privately" not in repr(view)
    assert "Rewritten privately" not in repr(listed)
    with db.session() as s:
        got = private_notes.get_private_note(s, appointment)
        assert got is not None and got.text == "Rewritten privately"
        with pytest.raises(ValidationError, match="Private note is too long"):
            private_notes.save_private_note(s, appointment, "x" * 100_001)
        assert private_notes.save_private_note(s, appointment, "") is None
        assert private_notes.get_private_note(s, appointment) is None
        left = s.execute(text("SELECT count(*) FROM psychotherapy_notes")).scalar()
    assert left == 0


def test_note_summary_and_lookup(db):
    _, appointment = _session(db)
    with db.session() as s:
        assert notes.note_for_appointment(s, appointment) is None
        notes.save_note(s, appointment, soap(Subjective="word " * 100))
        found = notes.note_for_appointment(s, appointment)
    assert found is not None
    assert len(found.summary) == notes.SUMMARY_LENGTH
    assert found.summary.endswith("…")
