"""Finishing a session over a change made meanwhile on another computer is refused
(issue 17, point 3): the draft remembers the versions of the rows it will write from
when it was opened (``SessionDraft.loaded``), and ``session_flow.finish`` checks them
all before writing anything. The office opens the session; the laptop signs or edits
the note, writes the private note or a review, edits an observation to raise, or
changes the PHQ-9 recorded at once; the office's Finish is refused naming the laptop,
and nothing at all was written (the appointment, the rows, the audit trail), the
draft is still there. On both engines (``db``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import pytest
from _loop import BASE, assigned, attended, new_client, week
from sqlalchemy import select
from sqlalchemy.orm import Session

from practice.db.computer import NAME_VARIABLE
from practice.db.engine import Database
from practice.db.models import (
    Appointment,
    HomeworkReview,
    Measure,
    PsychotherapyNote,
    ResistanceObservation,
    SessionNote,
)
from practice.domain.inputs import NoteInput, ObservationInput, ReviewInput
from practice.domain.measures import MeasureKind, MeasureSource
from practice.domain.session_draft import NoteDraft, SessionDraft, draft_from_json, draft_to_json
from practice.domain.vocabulary import NoteFormat, ResistanceKind
from practice.services import (
    audit,
    measures,
    notes,
    observations,
    private_notes,
    reviews,
    session_flow,
)
from practice.services.session_flow import DraftElsewhereError
from practice.services.versions import ChangedElsewhereError

REFUSED = r"changed on laptop at \d{1,2} \w+ \d\d:\d\d: reload"
PHQ9 = [1, 1, 1, 1, 0, 0, 0, 0, 0]


@dataclass(frozen=True)
class Practice:
    client: int
    earlier: int  # last week's attended session, with a flagged observation
    today: int  # this week's, attended, with an unsigned note
    mood_log: int  # set last week: reviewed today
    flagged: int  # the observation to raise today
    note: int  # today's note
    measure: int  # the PHQ-9 recorded at once today


def _on(monkeypatch: pytest.MonkeyPatch, computer: str) -> None:
    monkeypatch.setenv(NAME_VARIABLE, computer)


def _practice(db: Database) -> Practice:
    with db.session() as s:
        client = new_client(s)
        earlier = attended(s, client, BASE)
        mood_log = assigned(s, client, earlier)
        earlier_note = notes.save_note(s, earlier, NoteInput(NoteFormat.FREE, {"Note": "x"}))
        flagged = observations.add_observation(
            s, earlier_note.id, ObservationInput(ResistanceKind.DOUBTS_AGE, "ask again", True)
        ).id
        today = attended(s, client, week(1))
        note = notes.save_note(s, today, NoteInput(NoteFormat.FREE, {"Note": "Started."})).id
        measure, _alert = measures.record_measure(
            s,
            measures.MeasureInput(
                client,
                MeasureKind.PHQ9,
                week(1).date(),
                MeasureSource.SESSION,
                answers=PHQ9,
                appointment_id=today,
            ),
        )
    return Practice(client, earlier, today, mood_log, flagged, note, measure.id)


def _office_draft(s: Session, p: Practice) -> SessionDraft:
    """What the office's session panel holds: opened, then filled in."""
    draft = session_flow.start(s, p.today)
    agenda = observations.items_to_raise(s, p.client)
    shown = {i.observation.id: i.observation.version or 0 for i in agenda.items}
    draft = session_flow.with_raise_items_shown(draft, shown)
    measure = s.get(Measure, p.measure)
    assert measure is not None
    draft = replace(
        draft,
        reviews=(replace(draft.reviews[0], brought=True, completion=3),),
        note=NoteDraft(NoteFormat.FREE, {"Note": "Office words."}, private_note="Office private."),
        raised_ids=(p.flagged,),
        measures=replace(
            draft.measures, phq9_measure_id=p.measure, phq9_measure_version=measure.version
        ),
    )
    session_flow.save_draft(s, draft)
    return draft


def _sign(s: Session, p: Practice) -> None:
    notes.sign(s, p.note)


def _edit_note(s: Session, p: Practice) -> None:
    notes.save_note(s, p.today, NoteInput(NoteFormat.FREE, {"Note": "Laptop words."}))


def _observe(s: Session, p: Practice) -> None:
    observations.add_observation(s, p.note, ObservationInput(ResistanceKind.DOUBTS_AGE, "new"))


def _private(s: Session, p: Practice) -> None:
    private_notes.save_private_note(s, p.today, "Laptop private.")


def _review(s: Session, p: Practice) -> None:
    reviews.review(s, p.mood_log, p.today, ReviewInput(brought=False, completion=1))


def _flagged(s: Session, p: Practice) -> None:
    data = ObservationInput(ResistanceKind.DOUBTS_AGE, "edited on the laptop", True)
    observations.update_observation(s, p.flagged, data)


def _measure(s: Session, p: Practice) -> None:
    measures.update_measure(s, p.measure, [2, 1, 1, 1, 0, 0, 0, 0, 0])


def _state(s: Session, p: Practice) -> object:
    """Everything finishing would write."""

    def rows(model: type, *columns: str) -> list[tuple[object, ...]]:
        return [
            tuple(getattr(r, c) for c in ("id", "version", *columns))
            for r in s.scalars(select(model).order_by(model.id)).all()  # type: ignore[attr-defined]
        ]

    appointment = s.get(Appointment, p.today, populate_existing=True)
    assert appointment is not None
    s.expire_all()
    return (
        appointment.status,
        appointment.version,
        rows(SessionNote, "sections", "signed_at"),
        rows(PsychotherapyNote, "text"),
        rows(HomeworkReview, "completion"),
        rows(ResistanceObservation, "text", "raised_at"),
        rows(Measure, "answers"),
        audit.event_count(s),
    )


@pytest.mark.parametrize(
    "laptop",
    [_sign, _edit_note, _observe, _private, _review, _flagged, _measure],
    ids=["signs", "edits", "observes", "private", "reviews", "flagged", "measure"],
)
def test_finishing_over_a_change_made_meanwhile_elsewhere_is_refused_and_writes_nothing(
    db: Database, monkeypatch: pytest.MonkeyPatch, laptop: Callable[[Session, Practice], None]
) -> None:
    p = _practice(db)
    _on(monkeypatch, "office-pc")
    with db.session() as s:
        draft = _office_draft(s, p)
    _on(monkeypatch, "laptop")
    with db.session() as s:
        laptop(s, p)
    _on(monkeypatch, "office-pc")
    with db.session() as s:
        before = _state(s, p)
    with pytest.raises(ChangedElsewhereError, match=REFUSED) as refused, db.session() as s:
        session_flow.finish(s, session_flow.load_draft(s, p.today) or draft)
    assert refused.value.computer == "laptop"
    with db.session() as s:
        assert _state(s, p) == before  # all or nothing: nothing
        assert session_flow.load_draft(s, p.today) == draft  # what was typed is kept


def test_a_session_whose_draft_was_taken_over_elsewhere_is_not_finished_here(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given the office's session panel, whose draft the laptop then took over
    p = _practice(db)
    _on(monkeypatch, "office-pc")
    with db.session() as s:
        draft = _office_draft(s, p)
    _on(monkeypatch, "laptop")
    with db.session() as s:
        session_flow.save_draft(
            s, replace(draft, note=replace(draft.note, plan="Laptop plan.")), take_over=True
        )
    _on(monkeypatch, "office-pc")
    with db.session() as s:
        before = _state(s, p)
    # When the office finishes the session from its panel, still open
    with pytest.raises(DraftElsewhereError, match="open on laptop"), db.session() as s:
        session_flow.finish(s, draft)
    # Then nothing is written, and the laptop's draft is still there, the laptop's
    with db.session() as s:
        assert _state(s, p) == before
        kept = session_flow.load_draft(s, p.today)
        assert kept is not None and kept.note.plan == "Laptop plan."
        assert session_flow.draft_elsewhere(s, p.today) is not None


def test_without_a_change_elsewhere_the_session_finishes(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = _practice(db)
    _on(monkeypatch, "office-pc")
    with db.session() as s:
        draft = _office_draft(s, p)
    _on(monkeypatch, "laptop")  # the same draft, taken over and finished there: no conflict
    with db.session() as s:
        session_flow.save_draft(s, draft, take_over=True)
    with db.session() as s:
        done = session_flow.finish(s, draft)
    assert done.note is not None and done.note.current_sections == {"Note": "Office words."}
    with db.session() as s:
        flagged = s.get(ResistanceObservation, p.flagged)
        assert flagged is not None and flagged.raised_at is not None
        assert session_flow.load_draft(s, p.today) is None


def test_reload_takes_the_change_made_elsewhere_and_its_versions(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = _practice(db)
    _on(monkeypatch, "office-pc")
    with db.session() as s:
        draft = _office_draft(s, p)
    _on(monkeypatch, "laptop")
    with db.session() as s:
        _sign(s, p)
        _flagged(s, p)
    _on(monkeypatch, "office-pc")
    with db.session() as s:
        fresh = session_flow.reloaded(s, draft)
    assert fresh.note.already_signed and fresh.note.sections == {"Note": "Started."}
    assert fresh.raised_ids == draft.raised_ids and fresh.measures == draft.measures
    assert fresh.reviews == draft.reviews  # not changed there: kept as entered here
    assert fresh.note.private_note == "Office private."
    with db.session() as s:
        done = session_flow.finish(s, fresh)  # now it can: the signed note is left alone
    assert done.note is not None and done.note.signed


def test_the_loaded_versions_survive_the_draft_being_saved_and_read_again(
    db: Database,
) -> None:
    p = _practice(db)
    with db.session() as s:
        draft = _office_draft(s, p)
    assert draft.loaded["note"] == 1 and draft.loaded["private_note"] == 0
    assert draft.loaded[f"review:{p.mood_log}"] == 0
    assert draft.loaded[f"raised:{p.flagged}"] >= 1
    assert draft_from_json(draft_to_json(draft)) == draft
    old = draft_to_json(draft)
    del old["loaded"]  # a draft saved before versions were kept: read now as they are
    with db.session() as s:
        session_flow.save_draft(s, draft_from_json(old))
        assert session_flow.start(s, p.today).loaded == {
            k: v for k, v in draft.loaded.items() if not k.startswith("raised:")
        }


def test_a_take_over_committed_while_the_office_finishes_undoes_the_finish(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not db.location.is_postgresql:
        pytest.skip("SQLite has one writer at a time: the take-over waits, there is no race")
    # Given the office finishing its session, and the laptop taking the draft over and
    # committing just after the office read the draft (in the office's own transaction)
    p = _practice(db)
    _on(monkeypatch, "office-pc")
    with db.session() as s:
        draft = _office_draft(s, p)
        before = _state(s, p)
    checked = session_flow.check_loaded

    def laptop_takes_over_meanwhile(office: Session, finishing: SessionDraft) -> None:
        _on(monkeypatch, "laptop")
        with db.session() as s:
            taken = session_flow.load_draft(s, p.today)
            assert taken is not None
            laptop = replace(taken, note=replace(taken.note, plan="Laptop plan."))
            session_flow.save_draft(s, laptop, take_over=True)
        _on(monkeypatch, "office-pc")
        checked(office, finishing)

    monkeypatch.setattr(session_flow, "check_loaded", laptop_takes_over_meanwhile)
    # When the office's finish goes on, Then it is refused naming the laptop
    with pytest.raises(ChangedElsewhereError, match="laptop"), db.session() as s:
        session_flow.finish(s, draft)
    # and nothing of the office's was written; the laptop's draft is whole
    with db.session() as s:
        after = _state(s, p)
        kept = session_flow.load_draft(s, p.today)
    assert after[:7] == before[:7]  # the rows; the audit count has the take-over
    assert kept is not None and kept.note.plan == "Laptop plan."
