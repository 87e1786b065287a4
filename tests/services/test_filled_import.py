"""A returned fillable sheet into a homework review: the round trip and every refusal."""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

import pytest
from _loop import new_client
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import func, select

from _pdf_forms import fill
from practice.db.models import AuditEvent, HomeworkReview
from practice.domain.inputs import AssignmentInput, ReviewInput
from practice.domain.vocabulary import (
    AppointmentStatus,
    Barrier,
    Frequency,
    Language,
    LiteracyLevel,
    Modality,
)
from practice.services import appointments, filled_import, homework, printing, reviews
from practice.services.filled_import import (
    FilledImportError,
    ReviewExistsError,
    expected_entries,
)
from practice.sheets.sheet import SelfRecordSheet, SheetRequest
from practice.sheets.templates import load_templates

LIBRARY = load_templates()
START = date(2025, 3, 3)  # a Monday in the past: sessions there can be marked attended


def at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


def attended(s, client_id: int, day: date) -> int:  # type: ignore[no-untyped-def]
    appointment_id = appointments.schedule(s, client_id, at(day)).appointment.id
    appointments.mark(s, appointment_id, AppointmentStatus.ATTENDED)
    return appointment_id


def mood_log(**kw: object) -> AssignmentInput:
    values: dict[str, object] = {
        "template_key": "mood_log",
        "title": "Mood log",
        "level": LiteracyLevel.STANDARD,
        "language": Language.EN,
        "modality": Modality.FILLABLE_PDF,
        "start_date": START,
        "due_date": START + timedelta(days=7),
    }
    values.update(kw)
    return AssignmentInput(**values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Case:
    client_id: int
    assignment_id: int
    set_in: int  # the session where it was set
    review_in: int  # the next session, where the sheet comes back
    filled: bytes


@pytest.fixture
def case(db) -> Case:  # type: ignore[no-untyped-def]
    """Ana got a fillable mood log on 3 March and filled three days of it."""
    with db.session() as s:
        client = new_client(s, preferred_name="Annie")
        first = attended(s, client, START)
        a = homework.assign(s, client, mood_log(), appointment_id=first)
        second = attended(s, client, START + timedelta(days=7))
        blank = printing.sheet_for_assignment(s, a.id, templates=LIBRARY, today=START)
    filled = fill(
        blank,
        {
            "d1.mood": "40",
            "d1.emotions": "Low, tired",
            "d2.events": "Argument with my brother",
            "d4.mood": "65",
            "d4.helped": "A walk with the dog",
        },
    )
    return Case(client, a.id, first, second, filled)


def _reviews(db) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(HomeworkReview)) or 0


# ---- the round trip --------------------------------------------------------------------


def test_filled_sheet_round_trip_into_a_review(db, case):
    # Given the filled sheet; When previewed for the client open in the app
    with db.session() as s:
        preview = filled_import.preview_filled(
            s, case.filled, client_id=case.client_id, templates=LIBRARY
        )
        sessions = filled_import.review_sessions(s, preview.assignment)
    # Then it shows what it found and suggests a review
    assert preview.assignment.id == case.assignment_id
    assert preview.client_name == "Prueba, Ana (Annie)"
    assert preview.days_recorded == 3 and preview.expected == 7
    assert preview.ratings == (40, 65) and preview.rating_top == 100
    lines = [(a.where, a.label, a.value) for a in preview.answers]
    assert lines[0] == ("Day 1", "Overall mood today", "40 / 100")
    assert ("Day 4", "What helped, even a little?", "A walk with the dog") in lines
    assert preview.suggested == ReviewInput(brought=True, completion=2, days_recorded=3)
    assert preview.problems == ()
    assert [v.id for v in sessions] == [case.review_in]  # not the session that set it
    assert _reviews(db) == 0  # a preview writes nothing
    # When the therapist confirms (raising completion to 3)
    with db.session() as s:
        view = filled_import.apply_filled(
            s, preview, case.review_in, replace(preview.suggested, completion=3)
        )
    # Then the review is there, with the days recorded, and the import is audited
    with db.session() as s:
        row = s.get(HomeworkReview, view.id)
        assert (row.assignment_id, row.appointment_id) == (case.assignment_id, case.review_in)
        assert (row.brought, row.completion, row.days_recorded) == (True, 3, 3)
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.entity_id == view.id))
        assert "import_filled" in set(actions)


def test_a_short_sheet_filled_every_day_is_all_as_agreed(db):
    # Given a fillable mood log running for over a week, reprinted today, 3 days before
    # the next session: the sheet has those 3 days
    with db.session() as s:
        client = new_client(s)
        first = attended(s, client, START - timedelta(days=8))
        work = mood_log(start_date=START - timedelta(days=8), due_date=START + timedelta(days=3))
        a = homework.assign(s, client, work, appointment_id=first)
        attended(s, client, START + timedelta(days=3))
        blank = printing.sheet_for_assignment(s, a.id, templates=LIBRARY, today=START)
    # and the client filled every printed day
    filled = fill(blank, {"d1.mood": "40", "d2.mood": "55", "d3.mood": "60"})
    # When it is previewed
    with db.session() as s:
        preview = filled_import.preview_filled(s, filled, client_id=client, templates=LIBRARY)
    # Then the expectation is the 3 printed days, and the suggestion is "all as agreed"
    assert (preview.days_recorded, preview.expected) == (3, 3)
    assert preview.suggested.completion == 4


def test_a_sheet_back_before_its_session_says_to_import_it_there(db):
    # Given a fillable mood log printed for next week's session, which is still ahead
    with db.session() as s:
        client = new_client(s)
        first = attended(s, client, START)
        a = homework.assign(s, client, mood_log(), appointment_id=first)
        appointments.schedule(s, client, at(START + timedelta(days=7)))
        blank = printing.sheet_for_assignment(s, a.id, templates=LIBRARY, today=START)
    # When the client e-mails it back early and it is previewed
    with db.session() as s:
        preview = filled_import.preview_filled(
            s, fill(blank, {"d1.mood": "40"}), client_id=client, templates=LIBRARY
        )
    # Then no session is chosen, and the therapist reads which one and what to do
    assert preview.session_id is None
    assert preview.session_question == (
        "The sheet was printed for the session on Mon 10 Mar 2025, which has not been "
        "held yet: import it at that session, once it is marked attended."
    )


def test_importing_into_an_already_reviewed_session_keeps_the_rest_of_that_review(db, case):
    with db.session() as s:
        reviews.review(
            s,
            case.assignment_id,
            case.review_in,
            ReviewInput(
                brought=False, completion=1, barriers=frozenset({Barrier.FORGOT}), note="Forgot"
            ),
        )
        preview = filled_import.preview_filled(s, case.filled, templates=LIBRARY)
    # When imported there without confirming, it is refused: nothing changes
    with db.session() as s, pytest.raises(ReviewExistsError, match="Brought the record no → yes"):
        filled_import.apply_filled(s, preview, case.review_in, preview.suggested)
    with db.session() as s:
        kept = reviews.review_for(s, case.assignment_id, case.review_in)
    assert kept is not None and (kept.brought, kept.completion) == (False, 1)
    # When replacing is confirmed, the sheet's figures replace the old ones
    with db.session() as s:
        filled_import.apply_filled(s, preview, case.review_in, preview.suggested, replace=True)
    with db.session() as s:
        again = reviews.review_for(s, case.assignment_id, case.review_in)
    assert again is not None
    assert (again.brought, again.completion, again.days_recorded) == (True, 2, 3)
    assert again.barriers == frozenset({Barrier.FORGOT}) and again.note == "Forgot"
    assert _reviews(db) == 1


def test_faces_and_ticks_read_with_their_words(db):
    with db.session() as s:
        client = new_client(s, language=Language.ES)
        a = homework.assign(
            s, client, mood_log(level=LiteracyLevel.PICTORIAL, language=Language.ES)
        )
        blank = printing.sheet_for_assignment(s, a.id, templates=LIBRARY, today=START)
    fields = PdfReader(io.BytesIO(blank)).get_fields() or {}
    rating = next(n for n in fields if n.startswith("d1.") and "/Kids" in fields[n])
    with db.session() as s:
        preview = filled_import.preview_filled(s, fill(blank, {rating: "/2"}), templates=LIBRARY)
    assert preview.ratings == (2,) and preview.rating_top == 2
    assert (preview.answers[0].label, preview.answers[0].value) == ("My mood", "Good (2 / 2)")


# ---- the suggestion ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("recorded", "expected", "completion"),
    [(0, 7, 0), (1, 7, 1), (2, 7, 1), (3, 7, 2), (4, 7, 2), (5, 7, 3), (6, 7, 3), (7, 7, 4),
     (9, 7, 4), (3, 3, 4), (0, None, 0), (2, None, 3)],
)  # fmt: skip
def test_suggested_completion(recorded: int, expected: int | None, completion: int) -> None:
    assert filled_import.suggest_completion(recorded, expected) == completion


def test_expected_entries_are_the_printed_blocks(db):
    # Given homework done daily, n times a week, and each time it happens
    with db.session() as s:
        client = new_client(s)
        daily = homework.assign(s, client, mood_log(due_date=START + timedelta(days=3)))
        per_week = homework.assign(
            s, client, mood_log(frequency=Frequency.PER_WEEK, times_per_week=3)
        )
        many = homework.assign(s, client, mood_log(frequency=Frequency.PER_WEEK, times_per_week=14))
        each = homework.assign(s, client, mood_log(frequency=Frequency.EACH_TIME))
    # Then a sheet printed with 3 days expects 3 (not the week's 7 or the
    # assignment's span), n a week expects n of every 7 printed days, an event
    # record expects the entries printed for it, and "each time" expects nothing
    assert expected_entries(daily, 3, "d") == 3
    assert expected_entries(per_week, 7, "d") == 3
    assert expected_entries(per_week, 14, "d") == 6
    assert expected_entries(per_week, 3, "e") == 3
    assert expected_entries(many, 7, "d") == 7  # no more than the sheet has room for
    assert expected_entries(each, 3, "e") is None


# ---- refusals: clear message, nothing written ------------------------------------------


def _refused(db, data: bytes, match: str, **kw) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s, pytest.raises(FilledImportError, match=match):
        filled_import.preview_filled(s, data, templates=LIBRARY, **kw)
    assert _reviews(db) == 0


def test_a_pdf_that_is_not_ours_is_refused(db, case):
    buf = io.BytesIO()
    c = Canvas(buf)
    c.drawString(72, 720, "Some other form")
    c.acroForm.textfield(name="d1.mood", x=72, y=600, width=100, height=20)
    c.showPage()
    c.save()
    _refused(db, buf.getvalue(), "not made by Practice")


@pytest.mark.parametrize(
    "damage", [lambda d: d[: len(d) // 2], lambda d: b"", lambda d: b"GIF89a" + d[6:300]]
)
def test_a_damaged_pdf_is_refused(db, case, damage):
    _refused(db, damage(case.filled), "PDF")


def test_a_printable_sheet_has_no_answers_to_read(db, case):
    with db.session() as s:
        printable = printing.sheet_for_assignment(
            s, case.assignment_id, fillable=False, templates=LIBRARY
        )
    _refused(db, printable, "printable Practice sheet")


def test_another_clients_sheet_is_refused_when_a_client_is_open(db, case):
    with db.session() as s:
        other = new_client(s, "Bo")
    _refused(db, case.filled, "another client", client_id=other)


def test_dropped_and_replaced_homework_is_not_reviewed(db, case):
    with db.session() as s:
        homework.drop(s, case.assignment_id, "Too much")
    _refused(db, case.filled, "dropped")
    with db.session() as s:
        client = new_client(s, "Cy")
        old = homework.assign(s, client, mood_log())
        # printed while it was active (homework that is over gets no sheet)
        blank = printing.sheet_for_assignment(s, old.id, templates=LIBRARY, today=START)
        new = homework.replace(s, old.id, mood_log(title="Activity"), "Simpler task")
    _refused(db, fill(blank, {"d1.mood": "50"}), f"replaced by code {new.code}")


def test_unknown_and_missing_codes_are_refused(db):
    text = LIBRARY.get("mood_log").text(LiteracyLevel.PLAIN, Language.EN)
    stranger = SelfRecordSheet(SheetRequest(text, code="ZZ99ZZ", fillable=True)).generate()
    _refused(db, stranger, "printed without a seal")
    blank = SelfRecordSheet(SheetRequest(text, fillable=True)).generate()
    _refused(db, blank, "blank sheet without an assignment code")


def test_apply_refuses_homework_dropped_after_the_preview(db, case):
    with db.session() as s:
        preview = filled_import.preview_filled(s, case.filled, templates=LIBRARY)
        homework.drop(s, case.assignment_id, "Changed plan")
    with db.session() as s, pytest.raises(FilledImportError, match="dropped"):
        filled_import.apply_filled(s, preview, case.review_in, preview.suggested)
    assert _reviews(db) == 0
