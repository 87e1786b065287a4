"""Two computers at once (issue 17, point 3): a save over a change made meanwhile on
another computer is refused, saying where and when, and nothing is written; a save
with the version as loaded goes through. On both engines (on SQLite: two windows)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from _loop import BASE, assigned, attended, homework_input, new_client, soap, week
from sqlalchemy import select

from practice.db.computer import NAME_VARIABLE
from practice.db.engine import Database
from practice.db.models import Client
from practice.domain.inputs import ObservationInput, ReviewInput
from practice.domain.measures import MeasureKind, MeasureSource
from practice.domain.vocabulary import AppointmentStatus, ClientStatus, ResistanceKind
from practice.services import (
    appointments,
    audit,
    clients,
    homework,
    measures,
    notes,
    observations,
    private_notes,
    reviews,
    versions,
)
from practice.services.clients import ClientInput
from practice.services.versions import ChangedElsewhereError

REFUSED = r"changed on laptop at \d{1,2} \w+ \d\d:\d\d: reload"
PHQ9 = [1, 1, 1, 1, 0, 0, 0, 0, 0]


def _on(monkeypatch: pytest.MonkeyPatch, computer: str) -> None:
    monkeypatch.setenv(NAME_VARIABLE, computer)


def _both_save(
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    load: Callable[[Any], Any],
    save: Callable[[Any, Any, str], Any],
) -> Any:
    """The office loads; the laptop saves its change; the office saves over it (refused,
    nothing written). Returns what was loaded."""
    _on(monkeypatch, "office-pc")
    with db.session() as s:
        loaded = load(s)
    _on(monkeypatch, "laptop")
    with db.session() as s:
        save(s, loaded, "laptop")
    _on(monkeypatch, "office-pc")
    with db.session() as s:
        events = audit.event_count(s)
    with pytest.raises(ChangedElsewhereError, match=REFUSED) as refused, db.session() as s:
        save(s, loaded, "office")
    assert refused.value.computer == "laptop"
    with db.session() as s:
        assert audit.event_count(s) == events  # nothing written, not even an event
    return loaded


def test_a_client_profile_saved_meanwhile_elsewhere_is_refused(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.session() as s:
        client_id = new_client(s)

    def save(s: Any, loaded: Any, who: str) -> None:
        data = ClientInput(first_name="Ana", last_name="Prueba", notes=f"from the {who}")
        clients.update(s, client_id, data, version=loaded.version)

    _both_save(db, monkeypatch, lambda s: clients.get(s, client_id), save)
    with db.session() as s:
        kept = clients.get(s, client_id)
        row = s.get(Client, client_id)
        assert kept.notes == "from the laptop"  # the laptop's change is kept
        assert (row.version, row.changed_by_computer) == (2, "laptop")


def test_a_save_with_the_version_as_loaded_goes_through_and_counts_up(db: Database) -> None:
    with db.session() as s:
        client_id = new_client(s)
        first = clients.get(s, client_id)
    with db.session() as s:
        data = ClientInput(first_name="Ana", last_name="Prueba", phone="555 0100")
        saved = clients.update(s, client_id, data, version=first.version)
    with db.session() as s:
        again = clients.set_status(s, client_id, ClientStatus.PAUSED, version=saved.version)
    assert (first.version, saved.version, again.version) == (1, 2, 3)


def test_a_client_status_set_meanwhile_elsewhere_is_refused(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.session() as s:
        client_id = new_client(s)
    statuses = {"laptop": ClientStatus.PAUSED, "office": ClientStatus.DISCHARGED}

    def save(s: Any, loaded: Any, who: str) -> None:
        clients.set_status(s, client_id, statuses[who], version=loaded.version)

    _both_save(db, monkeypatch, lambda s: clients.get(s, client_id), save)
    with db.session() as s:
        assert clients.get(s, client_id).status == ClientStatus.PAUSED


def test_an_appointment_moved_or_marked_meanwhile_elsewhere_is_refused(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.session() as s:
        client_id = new_client(s)
        appointment_id = appointments.schedule(s, client_id, week(200)).appointment.id

    def load(s: Any) -> Any:
        return appointments.get(s, appointment_id)

    def move(s: Any, loaded: Any, who: str) -> None:
        hours = 1 if who == "laptop" else 2
        appointments.reschedule(s, appointment_id, week(200, hours), version=loaded.version)

    _both_save(db, monkeypatch, load, move)

    def cancel(s: Any, loaded: Any, who: str) -> None:
        appointments.mark(
            s, appointment_id, AppointmentStatus.CANCELLED_BY_CLIENT, who, version=loaded.version
        )

    _both_save(db, monkeypatch, load, cancel)
    with db.session() as s:
        kept = appointments.get(s, appointment_id)
    assert (kept.starts_at, kept.status_reason) == (week(200, 1), "laptop")


def test_a_note_saved_or_signed_meanwhile_elsewhere_is_refused(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.session() as s:
        appointment_id = attended(s, new_client(s), BASE)
        note_id = notes.save_note(s, appointment_id, soap(Subjective="first words")).id

    def write(s: Any, loaded: Any, who: str) -> None:
        notes.save_note(s, appointment_id, soap(Subjective=f"{who} words"), version=loaded.version)

    _both_save(db, monkeypatch, lambda s: notes.get_note(s, note_id), write)

    def sign(s: Any, loaded: Any, who: str) -> None:
        if who == "laptop":
            notes.save_note(s, appointment_id, soap(Subjective="last"), version=loaded.version)
        else:
            notes.sign(s, note_id, version=loaded.version)

    _both_save(db, monkeypatch, lambda s: notes.get_note(s, note_id), sign)
    with db.session() as s:
        kept = notes.get_note(s, note_id)
    assert (kept.sections["Subjective"], kept.signed) == ("last", False)


def test_a_private_note_and_an_observation_saved_meanwhile_elsewhere_are_refused(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.session() as s:
        appointment_id = attended(s, new_client(s), BASE)
        note_id = notes.save_note(s, appointment_id, soap(Subjective="words")).id
        observation_id = observations.add_observation(
            s, note_id, ObservationInput(ResistanceKind.HOMEWORK_NOT_DONE)
        ).id

    def write(s: Any, loaded: Any, who: str) -> None:
        version = 0 if loaded is None else loaded.version  # 0: there was none
        private_notes.save_private_note(s, appointment_id, f"{who} thoughts", version=version)

    # the office opened the session before the laptop wrote the first private note
    _both_save(db, monkeypatch, lambda s: private_notes.get_private_note(s, appointment_id), write)

    def observe(s: Any, loaded: Any, who: str) -> None:
        data = ObservationInput(ResistanceKind.HOMEWORK_NOT_DONE, text=who)
        observations.update_observation(s, observation_id, data, version=loaded.version)

    def load(s: Any) -> Any:
        return next(o for o in notes.get_note(s, note_id).observations if o.id == observation_id)

    _both_save(db, monkeypatch, load, observe)
    with db.session() as s:
        assert private_notes.get_private_note(s, appointment_id).text == "laptop thoughts"
        assert load(s).text == "laptop"


def test_an_assignment_and_a_review_saved_meanwhile_elsewhere_are_refused(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.session() as s:
        client_id = new_client(s)
        set_in = attended(s, client_id, BASE)
        assignment_id = assigned(s, client_id, set_in)
        review_id = reviews.review(
            s, assignment_id, attended(s, client_id, week(1)), ReviewInput(True, 2)
        ).id

    def edit(s: Any, loaded: Any, who: str) -> None:
        homework.update(s, assignment_id, homework_input(title=who), version=loaded.version)

    _both_save(db, monkeypatch, lambda s: homework.get(s, assignment_id), edit)

    def rate(s: Any, loaded: Any, who: str) -> None:
        completion = 4 if who == "laptop" else 0
        reviews.update_review(s, review_id, ReviewInput(True, completion), version=loaded.version)

    _both_save(db, monkeypatch, lambda s: reviews.get_review(s, review_id), rate)
    with db.session() as s:
        assert homework.get(s, assignment_id).title == "laptop"
        assert reviews.get_review(s, review_id).completion == 4


def test_a_measure_and_goals_saved_meanwhile_elsewhere_are_refused(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.session() as s:
        client_id = new_client(s)
        data = measures.MeasureInput(
            client_id, MeasureKind.PHQ9, date(2025, 3, 3), MeasureSource.SESSION, PHQ9
        )
        measure_id = measures.record_measure(s, data)[0].id
        measures.set_goals(s, client_id, [measures.GoalInput("Sleep better")])

    def answer(s: Any, loaded: Any, who: str) -> None:
        answers = [2 if who == "laptop" else 0, *PHQ9[1:]]
        measures.update_measure(s, measure_id, answers, version=loaded.version)

    def load(s: Any) -> Any:
        return next(m for m in measures.measures_for(s, client_id) if m.id == measure_id)

    _both_save(db, monkeypatch, load, answer)

    def goals(s: Any, loaded: Any, who: str) -> None:
        measures.set_goals(s, client_id, [measures.GoalInput(f"{who} goal")], loaded=loaded)

    _both_save(db, monkeypatch, lambda s: measures.goals_for(s, client_id), goals)
    with db.session() as s:
        assert load(s).answers[0] == 2
        assert [g.text for g in measures.goals_for(s, client_id)] == ["laptop goal"]


def test_a_race_inside_one_save_is_refused_the_same_way(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not db.location.is_postgresql:
        pytest.skip("SQLite has one writer at a time: the save waits, there is no race")
    with db.session() as s:
        client_id = new_client(s)
    # Given the office has read the client in its unit of work
    _on(monkeypatch, "office-pc")
    office = db.session()
    s = office.__enter__()
    row = s.get(Client, client_id)
    row.phone = "555 0101"
    # When the laptop saves the client before the office writes
    _on(monkeypatch, "laptop")
    with db.session() as other:
        clients.update(other, client_id, ClientInput("Ana", "Prueba", phone="555 0199"))
    # Then the office's write is refused, naming the laptop
    _on(monkeypatch, "office-pc")
    with pytest.raises(ChangedElsewhereError, match=REFUSED):
        try:
            versions.flush(s, row)
        finally:
            office.__exit__(None, None, None)
    with db.session() as s:
        assert s.scalar(select(Client.phone)) == "555 0199"
