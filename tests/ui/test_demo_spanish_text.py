"""The demo's Spanish-speaking clients have their free text in Spanish: the last plan,
the session notes, the homework reviews (issue 16 recheck, point 5; services/demo_es)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from practice.db.models import Appointment, HomeworkReview, SessionNote
from practice.domain.vocabulary import Language
from practice.services import clients
from practice.services.demo import seed_demo

DEMO_TODAY = date(2025, 3, 12)
LEFT = Qt.MouseButton.LeftButton
ENGLISH = (" the ", " and ", "Review ", "Continue ", "Keep ", "Talked about", "Intake")


@pytest.fixture
def demo(db):  # type: ignore[no-untyped-def]
    with db.session() as s:
        return seed_demo(s, today=DEMO_TODAY)


def test_ines_prep_shows_her_last_plan_in_spanish(qtbot, db, demo) -> None:  # type: ignore[no-untyped-def]
    from practice.ui.prep_page import PrepPage

    view = PrepPage(db, today=DEMO_TODAY)
    qtbot.addWidget(view)
    view.resize(1024, 600)
    view.show()
    view.show_client(demo.roles["voice_recordings"])  # Inés Villaseñor
    agenda = view.agenda_label.text()
    plan = agenda.split("Last plan", 1)[1]
    assert not any(word in plan for word in ENGLISH), plan
    assert any(w in plan for w in ("Revisar", "Seguir", "Mantener", "Empezar")), plan


def test_every_spanish_clients_notes_and_reviews_are_spanish(db, demo) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        spanish = [r.id for r in clients.list_rows(s) if r.language is Language.ES]
        assert len(spanish) == 6
        notes = s.scalars(
            select(SessionNote)
            .join(Appointment, Appointment.id == SessionNote.appointment_id)
            .where(Appointment.client_id.in_(spanish))
        ).all()
        reviews = s.scalars(
            select(HomeworkReview.note)
            .join(Appointment, Appointment.id == HomeworkReview.appointment_id)
            .where(Appointment.client_id.in_(spanish), HomeworkReview.note.is_not(None))
        ).all()
        assert notes and reviews
        for note in notes:
            text = " ".join([*note.sections.values(), note.plan or ""])
            assert not any(word in text for word in ENGLISH), text
            assert any(ch in text for ch in "áéíóúñ¿¡«"), text  # written as in Spanish
        for said in reviews:
            assert not any(word in f" {said} " for word in ENGLISH), said
