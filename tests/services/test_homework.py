"""Homework assignments: prefill, validation, codes, replace / drop / complete, listing."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta

import pytest
from _loop import BASE, assigned, attended, homework_input, new_client, week
from sqlalchemy import select

from practice.db.models import AuditEvent, HomeworkAssignment
from practice.domain.vocabulary import (
    AssignmentStatus,
    ClientStatus,
    Frequency,
    Language,
    LiteracyLevel,
    Modality,
    ReminderChannel,
)
from practice.services import appointments, clients, homework
from practice.services.errors import NotFoundError, ValidationError


@dataclass(frozen=True)
class _Text:
    title: str
    instruction_text: str
    why_it_helps: str


class _Template:
    def text(self, level, language):  # type: ignore[no-untyped-def]
        return _Text(f"Title {level.value} {language.value}", "Write it down.", "It helps you.")


class _Library:
    def get(self, key):  # type: ignore[no-untyped-def]
        if key != "thought_record":
            raise KeyError(key)
        return _Template()


def _profiled_client(s) -> int:  # type: ignore[no-untyped-def]
    return new_client(
        s,
        language=Language.ES,
        literacy_level=LiteracyLevel.EASY,
        large_print=True,
        preferred_modality=Modality.AUDIO,
        reminder_channel=ReminderChannel.TEXT,
        reminder_time=time(20, 30),
    )


def test_defaults_come_from_client_next_appointment_and_template(db):
    soon = datetime.now(UTC).replace(microsecond=0) + timedelta(days=6)
    with db.session() as s:
        client = _profiled_client(s)
        appointments.schedule(s, client, soon + timedelta(days=7))
        appointments.schedule(s, client, soon)
        data = homework.defaults_for(
            s,
            client,
            "thought_record",
            templates=_Library(),
            today=date(2030, 1, 2),  # type: ignore[arg-type]
        )
    assert data.level is LiteracyLevel.EASY
    assert data.language is Language.ES
    assert data.large_print is True
    assert data.modality is Modality.AUDIO
    assert data.reminder_channel is ReminderChannel.TEXT
    assert data.reminder_time == time(20, 30)
    assert data.due_date == soon.astimezone().date()
    assert data.start_date == date(2030, 1, 2)
    assert (data.title, data.instructions, data.rationale) == (
        "Title easy es",
        "Write it down.",
        "It helps you.",
    )


def test_defaults_fall_back_to_the_humanised_key(db):
    with db.session() as s:
        client = new_client(s)
        data = homework.defaults_for(s, client, "exposure_record", templates=_Library())  # type: ignore[arg-type]
    assert data.title == "Exposure record"
    assert data.instructions is None and data.rationale is None
    assert data.due_date is None  # no next appointment


def test_defaults_with_the_real_template_library(db):
    from practice.sheets.templates import load_templates

    library = load_templates()
    with db.session() as s:
        client = _profiled_client(s)
        data = homework.defaults_for(s, client, "thought_record", templates=library)
    text = library.get("thought_record").text(LiteracyLevel.EASY, Language.ES)
    assert (data.title, data.rationale) == (text.title, text.why_it_helps)
    assert data.instructions == text.instruction_text


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": "  "}, "title", "Title is required."),
        ({"title": "x" * 201}, "title", "Title is too long (201 characters; at most 200)."),
        ({"template_key": "Thought Record"}, "template_key", "Choose a template"),
        (
            {"frequency": Frequency.PER_WEEK},
            "times_per_week",
            "Say how many times a week (1 to 21).",
        ),
        (
            {"frequency": Frequency.PER_WEEK, "times_per_week": 0},
            "times_per_week",
            "Times per week must be from 1 to 21; got 0.",
        ),
        (
            {"frequency": Frequency.PER_WEEK, "times_per_week": 22},
            "times_per_week",
            "Times per week must be from 1 to 21; got 22.",
        ),
        (
            {"due_date": date(2025, 3, 1)},
            "due_date",
            "The due date (01 Mar 2025) is before the start (03 Mar 2025).",
        ),
        ({"rationale": "\ud83d"}, "rationale", "Why this helps you contains an invalid character"),
    ],
)
def test_assign_validation(db, changes, field, message):
    with db.session() as s:
        client = new_client(s)
        with pytest.raises(ValidationError) as caught:
            homework.assign(s, client, homework_input(**changes))
    assert caught.value.errors[field].startswith(message)
    with db.session() as s:
        assert s.scalars(select(HomeworkAssignment)).all() == []


def test_assign_checks_client_and_session(db):
    with db.session() as s:
        client, other = new_client(s), new_client(s, "Bea", "Ejemplo")
        foreign = attended(s, other, BASE)
        scheduled = appointments.schedule(s, client, week(1)).appointment.id
        with pytest.raises(ValidationError) as caught:
            homework.assign(s, client, homework_input(), appointment_id=foreign)
        assert caught.value.errors == {"appointment_id": "That appointment is another client's."}
        with pytest.raises(ValidationError, match="this appointment is scheduled"):
            homework.assign(s, client, homework_input(), appointment_id=scheduled)
        clients.set_status(s, other, ClientStatus.DISCHARGED)
        with pytest.raises(ValidationError, match="discharged"):
            homework.assign(s, other, homework_input())
        with pytest.raises(NotFoundError):
            homework.assign(s, 4242, homework_input())


def test_assign_stores_everything_and_a_code(db):
    with db.session() as s:
        client = new_client(s)
        session_id = attended(s, client, BASE)
        view = homework.assign(
            s,
            client,
            homework_input(
                frequency=Frequency.PER_WEEK,
                times_per_week=3,
                due_date=date(2025, 3, 10),
                reminder_channel=ReminderChannel.ALARM,
                reminder_time=time(21, 0),
                alarm_set_in_session=True,
                teach_back_done=True,
                value_discussed=True,
                instructions="  Write one line a day. ",
            ),
            appointment_id=session_id,
        )
        daily = homework.assign(s, client, homework_input(times_per_week=5))
    assert view.assigned_in_id == session_id
    assert view.times_per_week == 3 and view.frequency is Frequency.PER_WEEK
    assert view.teach_back_done and view.value_discussed and view.alarm_set_in_session
    assert view.instructions == "Write one line a day."
    assert view.status is AssignmentStatus.ACTIVE
    assert len(view.code) == homework.CODE_LENGTH
    assert set(view.code) <= set(homework.CODE_ALPHABET)
    assert daily.times_per_week is None  # only kept for "N per week"
    assert daily.code != view.code
    with db.session() as s:
        found = homework.get_by_code(s, f" {view.code[:3].lower()}-{view.code[3:]} ")
        assert found.id == view.id
        with pytest.raises(NotFoundError, match="No homework has the code 'ZZZ'"):
            homework.get_by_code(s, "ZZZ")
        summaries = s.scalars(
            select(AuditEvent.summary).where(AuditEvent.entity == "homework_assignment")
        ).all()
    assert summaries[0].startswith(f"assignment {view.id} (mood_log, plain, en)")


def test_code_collision_is_retried(db, monkeypatch):
    with db.session() as s:
        client = new_client(s)
        first = homework.assign(s, client, homework_input())
        letters = iter(first.code + "ABCDEF")
        monkeypatch.setattr(homework.secrets, "choice", lambda alphabet: next(letters))
        second = homework.assign(s, client, homework_input())
    assert second.code == "ABCDEF"


def test_replace_links_old_and_new(db):
    with db.session() as s:
        client = new_client(s)
        first_session = attended(s, client, BASE)
        old = assigned(s, client, first_session)
        second_session = attended(s, client, week(1))
        with pytest.raises(ValidationError) as caught:
            homework.replace(s, old, homework_input(title="Voice notes"), "")
        assert caught.value.errors == {"reason": "Please give a reason."}
        new = homework.replace(
            s,
            old,
            homework_input(title="Voice notes", modality=Modality.AUDIO),
            "Writing is hard; switch to voice notes",
            appointment_id=second_session,
        )
        old_view = homework.get(s, old)
        with pytest.raises(ValidationError) as caught:
            homework.replace(s, old, homework_input(), "again")
    assert new.replaces_id == old and new.assigned_in_id == second_session
    assert new.status is AssignmentStatus.ACTIVE and new.modality is Modality.AUDIO
    assert old_view.status is AssignmentStatus.REPLACED
    assert old_view.status_reason == "Writing is hard; switch to voice notes"
    assert old_view.replaced_by_id == new.id
    assert caught.value.errors == {
        "status": "Only active homework can be replaced; this one is replaced."
    }


def test_drop_needs_a_reason_and_complete(db):
    with db.session() as s:
        client = new_client(s)
        a, b = assigned(s, client, None), assigned(s, client, None)
        with pytest.raises(ValidationError) as caught:
            homework.drop(s, a, "   ")
        assert caught.value.errors == {"reason": "Please give a reason."}
        dropped = homework.drop(s, a, "Reaching the goal another way")
        done = homework.complete(s, b)
        with pytest.raises(ValidationError, match="Only active homework can be edited"):
            homework.update(s, a, homework_input())
    assert dropped.status is AssignmentStatus.DROPPED
    assert dropped.status_reason == "Reaching the goal another way"
    assert done.status is AssignmentStatus.COMPLETED


def test_update_keeps_code_and_audits_fields(db):
    with db.session() as s:
        client = new_client(s)
        a = homework.get(s, assigned(s, client, None))
        b = homework.update(s, a.id, replace(homework_input(), title="Mood log, short"))
        audit_summary = s.scalars(
            select(AuditEvent.summary).where(AuditEvent.action == "update")
        ).one()
    assert b.code == a.code and b.title == "Mood log, short"
    assert audit_summary == "fields changed: title"


def test_list_newest_first_and_active(db):
    with db.session() as s:
        client = new_client(s)
        other = new_client(s, "Bea", "Ejemplo")
        old = assigned(s, client, None, start_date=date(2025, 3, 3))
        newer = assigned(s, client, None, start_date=date(2025, 3, 10))
        newest = assigned(s, client, None, start_date=date(2025, 3, 17))
        assigned(s, other, None)
        homework.drop(s, newer, "Not useful")
        listed = homework.list_for_client(s, client)
        active = homework.active_for_client(s, client)
    assert [a.id for a in listed] == [newest, newer, old]
    assert [a.id for a in active] == [newest, old]


# ---- the therapist's own text against the level -------------------------------------

HARD_TEXT = (
    "Systematically identify maladaptive automatic cognitions whenever your emotional "
    "state deteriorates, and evaluate their evidential foundation."
)


def test_saving_hard_instructions_warns_but_saves(db):
    # Given a pictorial client and instructions written as clinical prose
    with db.session() as s:
        client = new_client(s)
        data = homework_input(level=LiteracyLevel.PICTORIAL, instructions=HARD_TEXT)
        # When the homework is assigned, then edited to short words, then replaced
        hard = homework.assign(s, client, data)
        fixed = homework.update(s, hard.id, replace(data, instructions="Draw your day."))
        again = homework.replace(s, hard.id, data, "New task")
        stored = s.get(HomeworkAssignment, hard.id).instructions
    # Then the save goes through with a warning naming the grade, sentence and words
    check = hard.text_check
    assert check is not None and check.too_hard
    assert check.score is not None and check.score > 3
    assert check.long_sentences == (HARD_TEXT,)
    assert "maladaptive" in check.hard_words
    assert stored == "Draw your day."  # the edit was saved
    # and plain words carry no warning; the replacement is checked too
    assert fixed.text_check is None
    assert again.text_check is not None
    # a level that reads such prose is not warned
    with db.session() as s:
        fine = homework.assign(
            s,
            new_client(s, "Bo"),
            replace(
                data,
                level=LiteracyLevel.STANDARD,
                instructions="Write what happened. Rate how you felt.",
            ),
        )
    assert fine.text_check is None
