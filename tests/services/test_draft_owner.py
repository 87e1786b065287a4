"""A session draft belongs to the computer that saved it (issue 17, point 3): another
computer is told where it is open and does not overwrite it silently; taking it over
is a choice, and audited. On both engines."""

from __future__ import annotations

from dataclasses import replace

import pytest
from _loop import attended, new_client, week
from sqlalchemy import select, update

from practice.db.computer import NAME_VARIABLE
from practice.db.engine import Database
from practice.db.models import AuditEvent, SessionDraftRow
from practice.domain.inputs import NoteInput
from practice.domain.session_draft import SessionDraft
from practice.domain.vocabulary import NoteFormat
from practice.services import audit, notes, session_flow
from practice.services.session_flow import DraftElsewhereError


def _with_note(draft: SessionDraft, words: str) -> SessionDraft:
    return replace(draft, note=replace(draft.note, private_note=words))


@pytest.fixture
def appointment_id(db: Database) -> int:
    with db.session() as s:
        return attended(s, new_client(s), week(1))


def _save(db: Database, draft: SessionDraft, **kw: bool) -> None:
    with db.session() as s:
        session_flow.save_draft(s, draft, **kw)


def _saved_words(db: Database, appointment_id: int) -> str:
    with db.session() as s:
        draft = session_flow.load_draft(s, appointment_id)
    assert draft is not None
    return draft.note.private_note


def test_another_computer_is_told_and_does_not_overwrite_the_draft(
    db: Database, appointment_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given the office saved a draft of the session
    monkeypatch.setenv(NAME_VARIABLE, "office-pc")
    with db.session() as s:
        draft = session_flow.start(s, appointment_id)
    _save(db, _with_note(draft, "office words"))
    # When the laptop opens the same session
    monkeypatch.setenv(NAME_VARIABLE, "laptop")
    with db.session() as s:
        found = session_flow.draft_elsewhere(s, appointment_id)
    # Then it is told where the draft is open, and its save is refused
    assert found is not None and found.computer == "office-pc"
    with pytest.raises(DraftElsewhereError, match="A draft of this session is open on office-pc"):
        _save(db, _with_note(draft, "laptop words"))
    assert _saved_words(db, appointment_id) == "office words"
    # and the office keeps saving its own draft
    monkeypatch.setenv(NAME_VARIABLE, "office-pc")
    with db.session() as s:
        assert session_flow.draft_elsewhere(s, appointment_id) is None
    _save(db, _with_note(draft, "office, more words"))
    assert _saved_words(db, appointment_id) == "office, more words"


def test_taking_a_draft_over_makes_it_this_computers_and_is_audited(
    db: Database, appointment_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(NAME_VARIABLE, "office-pc")
    with db.session() as s:
        draft = session_flow.start(s, appointment_id)
    _save(db, _with_note(draft, "office words"))
    # When the laptop takes it over
    monkeypatch.setenv(NAME_VARIABLE, "laptop")
    _save(db, _with_note(draft, "laptop words"), take_over=True)
    # Then it is the laptop's: the office is now the one told
    assert _saved_words(db, appointment_id) == "laptop words"
    monkeypatch.setenv(NAME_VARIABLE, "office-pc")
    with db.session() as s:
        found = session_flow.draft_elsewhere(s, appointment_id)
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.entity == "session_draft"))
        assert list(actions) == ["take_over"]
    assert found is not None and found.computer == "laptop"


def test_a_draft_saved_before_computers_were_recorded_belongs_to_nobody(
    db: Database, appointment_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.session() as s:
        draft = session_flow.start(s, appointment_id)
    _save(db, _with_note(draft, "old words"))
    with db.session() as s:  # as migration 0010 leaves an older draft
        s.execute(update(SessionDraftRow).values(changed_by_computer=None))
    monkeypatch.setenv(NAME_VARIABLE, "laptop")
    with db.session() as s:
        assert session_flow.draft_elsewhere(s, appointment_id) is None
    _save(db, _with_note(draft, "laptop words"))
    assert _saved_words(db, appointment_id) == "laptop words"


def _note(db: Database, appointment_id: int) -> tuple[int, int]:
    """A written, unsigned note of the session: its id and version."""
    with db.session() as s:
        note = notes.save_note(
            s, appointment_id, NoteInput(format=NoteFormat.FREE, sections={"Note": "Slept badly."})
        )
        return note.id, note.version


def _signed(db: Database, note_id: int) -> bool:
    with db.session() as s:
        return notes.get_note(s, note_id).signed


def _take_overs(db: Database) -> list[tuple[str | None, str]]:
    with db.session() as s:
        return [
            (e.computer, e.summary)
            for e in audit.list_events(s, entity="session_draft", action="take_over")
        ]


def test_a_note_whose_draft_another_computer_writes_is_not_signed_without_a_word(
    db: Database, appointment_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a written note, and a draft of its session saved on the laptop
    monkeypatch.setenv(NAME_VARIABLE, "laptop")
    note_id, version = _note(db, appointment_id)
    with db.session() as s:
        draft = session_flow.start(s, appointment_id)
    _save(db, _with_note(draft, "laptop words"))
    # When the office signs the note from the sessions list
    monkeypatch.setenv(NAME_VARIABLE, "office-pc")
    with (
        pytest.raises(DraftElsewhereError, match="open on laptop") as refused,
        db.session() as s,
    ):
        session_flow.sign_note(s, note_id, version=version)
    # Then nothing is signed, nothing taken over, and the refusal says where
    assert refused.value.found.computer == "laptop"
    assert not _signed(db, note_id)
    assert _take_overs(db) == []
    with db.session() as s:
        assert session_flow.draft_elsewhere(s, appointment_id) is not None

    # Taking it over signs it, the draft is the office's, and the trail says from where
    with db.session() as s:
        signed = session_flow.sign_note(s, note_id, version=version, take_over=True)
    assert signed.signed and _signed(db, note_id)
    assert _take_overs(db) == [("office-pc", f"draft of {appointment_id} taken over from laptop")]
    with db.session() as s:
        assert session_flow.draft_elsewhere(s, appointment_id) is None
    assert _saved_words(db, appointment_id) == "laptop words"  # kept as written there
    monkeypatch.setenv(NAME_VARIABLE, "laptop")
    with db.session() as s:
        found = session_flow.draft_elsewhere(s, appointment_id)
    assert found is not None and found.computer == "office-pc"


def test_a_note_whose_draft_is_this_computers_or_nobodys_is_signed(
    db: Database, appointment_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(NAME_VARIABLE, "office-pc")
    note_id, version = _note(db, appointment_id)
    with db.session() as s:
        session_flow.sign_note(s, note_id, version=version)  # no draft at all
    assert _signed(db, note_id)
    with db.session() as s:  # another session, with the office's own draft
        later = attended(s, new_client(s, "Jonas", "Berg"), week(2))
    other_id, other_version = _note(db, later)
    with db.session() as s:
        draft = session_flow.start(s, later)
    _save(db, draft)
    with db.session() as s:
        session_flow.sign_note(s, other_id, version=other_version)
    assert _signed(db, other_id)
    assert _take_overs(db) == []


def test_taking_a_draft_over_names_the_computer_it_was_taken_from(
    db: Database, appointment_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(NAME_VARIABLE, "office-pc")
    with db.session() as s:
        draft = session_flow.start(s, appointment_id)
    _save(db, draft)
    monkeypatch.setenv(NAME_VARIABLE, "home-laptop")
    _save(db, draft, take_over=True)
    assert _take_overs(db) == [
        ("home-laptop", f"draft of {appointment_id} taken over from office-pc")
    ]
