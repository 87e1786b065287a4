"""The prep view shows the client's own records: answers of returned fillable sheets,
flagged values marked, and sleep efficiency per night for a sleep diary."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from _homework_data import attended, local, mood_log

from _pdf_forms import fill as _fill
from practice.db.models import HomeworkReview
from practice.domain.vocabulary import AppointmentStatus, LiteracyLevel, Modality
from practice.services import appointments, clients, filled_import, homework, printing
from practice.services.clients import ClientInput
from practice.services.sheet_answers import SLEEP_KEYS
from practice.sheets.templates import load_templates

LIBRARY = load_templates()
TODAY = date.today()


def returned_sleep_diary(db) -> int:  # type: ignore[no-untyped-def]
    """A client's standard sleep diary, two nights filled in, imported; the client's id."""
    start = TODAY - timedelta(days=8)
    with db.session() as s:
        client = clients.create(s, ClientInput(first_name="Sol", last_name="Durmiente")).id
        set_in = attended(s, client, local(start, 10))
        due = appointments.schedule(s, client, local(TODAY - timedelta(days=1), 10))
        a = homework.assign(
            s, client,
            mood_log(start, template_key="sleep_diary", title="Sleep diary",
                     level=LiteracyLevel.STANDARD, modality=Modality.FILLABLE_PDF,
                     due_date=TODAY - timedelta(days=1)),
            appointment_id=set_in,
        )  # fmt: skip
        blank = printing.sheet_for_assignment(s, a.id, templates=LIBRARY, today=start)
        appointments.mark(s, due.appointment.id, AppointmentStatus.ATTENDED)
    keys = {
        f.key for f in LIBRARY.get("sleep_diary").text(LiteracyLevel.STANDARD, a.language).fields
    }
    key = {item: next(k for k in names if k in keys) for item, names in SLEEP_KEYS.items()}
    night = {"bed_time": "22:30", "try_sleep_time": "23:00", "minutes_to_sleep": "30",
             "awakenings": "2", "minutes_awake": "30", "final_wake_time": "6:30",
             "out_of_bed_time": "7:00"}  # fmt: skip
    values = {f"d{d}.{key[item]}": v for d in (1, 2) for item, v in night.items()}
    values |= {
        f"d2.{key['bed_time']}": "23:45",
        f"d2.{key['try_sleep_time']}": "23:45",
        "d3.quality": "170",
    }  # on no scale
    with db.session() as s:
        preview = filled_import.preview_filled(s, _fill(blank, values), templates=LIBRARY)
        assert preview.session_id == due.appointment.id
        filled_import.apply_filled(s, preview, due.appointment.id, preview.suggested)
    return client


def test_prep_view_shows_the_returned_sleep_diary_with_sleep_efficiency(qtbot, db):
    from practice.ui.prep_page import PrepPage

    # Given a sleep diary that came back by fillable PDF
    client = returned_sleep_diary(db)
    view = PrepPage(db, today=TODAY)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    # When the therapist opens the client's prep
    view.show_client(client)
    # Then the client's own records are there: sleep efficiency per night and the answers
    assert view.returned_section.isVisible()
    shown = view.returned_label.text()
    assert "Sleep diary" in shown and "1 flagged" in shown
    assert "Sleep efficiency: mean <b>" in shown and "over 2 nights" in shown
    assert "Day 1 <b>76 %</b>" in shown  # 6 h 30 asleep of 8 h 30 in bed
    assert "Day 2 <b>79 %</b>" in shown  # 5 h 45 asleep of 7 h 15 in bed
    assert "6 h 30 asleep of 8 h 30 in bed" in shown
    assert "170 is outside the 0–" in shown and "#fdecea" in shown


def test_prep_view_without_returned_sheets_hides_the_section(qtbot, db):
    from practice.ui.prep_page import PrepPage

    with db.session() as s:
        client = clients.create(s, ClientInput(first_name="Nadie", last_name="Devuelto")).id
    view = PrepPage(db, today=TODAY)
    qtbot.addWidget(view)
    view.show()
    view.show_client(client)
    assert not view.returned_section.isVisibleTo(view)


def test_the_session_review_step_shows_the_sheet_imported_into_that_session(qtbot, db):
    from practice.domain.session_draft import ReviewDraft, SessionDraft
    from practice.services import sheet_answers
    from practice.ui.session_steps.review_step import ReviewStep

    # Given a sleep diary imported into the session it was printed for
    client = returned_sleep_diary(db)
    with db.session() as s:
        [sheet] = sheet_answers.returned_sheets(s, client)
        review = s.get(HomeworkReview, sheet.review_id)
        assert review is not None
        answers = sheet_answers.for_appointment(s, review.appointment_id)
        elsewhere = sheet_answers.for_appointment(s, review.appointment_id + 99)
    assert list(answers) == [review.assignment_id] and elsewhere == {}
    # When that session's review step shows the assignment
    step = ReviewStep({}, None, answers)
    qtbot.addWidget(step)
    draft = SessionDraft(review.appointment_id, client)
    step.load(replace(draft, reviews=(ReviewDraft(review.assignment_id, "Sleep diary"),)))
    step.resize(1366, 768)
    step.show()
    # Then the client's answers are beside the review form, the flagged one marked
    [form] = step.forms
    assert form.sheet is not None and form.sheet.isVisible()
    shown = form.sheet.toPlainText()
    assert "Day 1" in shown and "22:30" in shown and "⚠ 170" in shown
    # and an assignment without a returned sheet has none
    step.load(replace(draft, reviews=(ReviewDraft(review.assignment_id + 1, "Other"),)))
    assert step.forms[0].sheet is None
