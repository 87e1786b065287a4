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
from practice.domain.session_draft import SessionDraft
from practice.services import session_flow
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
