"""Reminders that keep the client's privacy and ring when they can be used, and the
sleep diary dated by the mornings it is filled in."""

from __future__ import annotations

import io
from datetime import date, datetime, time, timedelta

import pdfplumber
from _loop import new_client
from icalendar import Calendar

from practice.domain.inputs import AssignmentInput
from practice.domain.vocabulary import Language, LiteracyLevel, ReminderChannel
from practice.services import appointments, homework, printing
from practice.sheets.templates import load_templates

LIBRARY = load_templates()
SATURDAY = date(2026, 12, 5)


def text_of(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as doc:
        return " ".join(" ".join((p.extract_text() or "").split()) for p in doc.pages)


def assign(s, key: str, title: str, **kw: object) -> homework.AssignmentView:  # type: ignore[no-untyped-def]
    client = new_client(s)
    values: dict[str, object] = {
        "template_key": key,
        "title": title,
        "level": LiteracyLevel.PLAIN,
        "language": Language.EN,
        "start_date": SATURDAY,
    }
    values.update(kw)
    return homework.assign(s, client, AssignmentInput(**values))  # type: ignore[arg-type]


def first_alarm(ics: bytes) -> datetime:
    event = next(iter(Calendar.from_ical(ics).walk("VEVENT")))
    return event["DTSTART"].dt  # type: ignore[no-any-return]


def test_card_names_the_levels_own_title_not_the_clinical_one(db):
    # Given a plain-level thought record the therapist titled with the clinical name
    with db.session() as s:
        view = assign(s, "thought_record", "Thought record")
        # When its reminder card is printed
        pdf = printing.card_for_assignment(s, view.id, templates=LIBRARY, today=SATURDAY)
    # Then the card's line says the plain level's title, and the clinical name is nowhere
    text = text_of(pdf)
    assert "Fill in your sheet: What happened, what I felt, what I thought." in text
    assert "Thought record" not in text
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        assert "Thought" not in str(doc.metadata.get("Title", ""))


def test_alarm_file_name_is_neutral(db):
    with db.session() as s:
        view = assign(s, "panic_diary", "Panic diary")
    assert printing.reminder_stem(view) == f"{view.code}-reminder"
    assert "panic" not in printing.reminder_stem(view)


def test_sleep_diary_reminder_defaults_to_the_morning(db):
    # Given a client whose usual reminder is at 19:30
    with db.session() as s:
        client = new_client(s, reminder_channel=ReminderChannel.ALARM, reminder_time=time(19, 30))
        # When a sleep diary and a mood log are prefilled for them
        sleep = homework.defaults_for(s, client, "sleep_diary", templates=LIBRARY)
        mood = homework.defaults_for(s, client, "mood_log", templates=LIBRARY)
    # Then the sleep diary rings at 08:00 and the mood log keeps the client's time
    assert sleep.reminder_time == time(8, 0)
    assert mood.reminder_time == time(19, 30)


def test_sleep_diary_alarm_without_a_time_rings_in_the_morning(db):
    with db.session() as s:
        view = assign(s, "sleep_diary", "Sleep", reminder_channel=ReminderChannel.ALARM)
        ics = printing.alarm_for_assignment(
            s, view.id, templates=LIBRARY, now=datetime(2026, 12, 5, 7, 0)
        )
    assert first_alarm(ics).time() == time(8, 0)


def test_first_alarm_is_tomorrow_when_todays_time_has_passed(db):
    # Given a daily task set today with an alarm at 10:00
    with db.session() as s:
        view = assign(
            s, "mood_log", "Mood", reminder_channel=ReminderChannel.ALARM, reminder_time=time(10)
        )
        # When the alarm is saved at 14:30 the same day
        late = printing.alarm_for_assignment(
            s, view.id, templates=LIBRARY, now=datetime(2026, 12, 5, 14, 30)
        )
        # and at 09:00
        early = printing.alarm_for_assignment(
            s, view.id, templates=LIBRARY, now=datetime(2026, 12, 5, 9, 0)
        )
    # Then the first alarm is tomorrow at 10:00 in the first case, today in the second
    assert first_alarm(late).replace(tzinfo=None) == datetime(2026, 12, 6, 10, 0)
    assert first_alarm(early).replace(tzinfo=None) == datetime(2026, 12, 5, 10, 0)


def test_sleep_diary_columns_are_the_mornings_up_to_the_session_day(db):
    # Given a sleep diary set on Saturday 5 December, session on Saturday 12 December
    with db.session() as s:
        view = assign(s, "sleep_diary", "Sleep", level=LiteracyLevel.STANDARD)
        appointments.schedule(
            s, view.client_id, datetime.combine(date(2026, 12, 12), time(10)).astimezone()
        )
        # When its sheet is planned and printed
        request = printing.sheet_request(s, view, LIBRARY, today=SATURDAY)
        pdf = printing.sheet_for_assignment(s, view.id, templates=LIBRARY, today=SATURDAY)
        mood = assign(s, "mood_log", "Mood", level=LiteracyLevel.STANDARD)
        mood_request = printing.sheet_request(s, mood, LIBRARY, today=SATURDAY)
    # Then the columns are the mornings Sun 6 to Sat 12 December (the session day),
    # while a day-by-day sheet keeps Sat 5 to Fri 11
    assert request.days == tuple(date(2026, 12, 6) + timedelta(days=i) for i in range(7))
    assert mood_request.days[0] == SATURDAY and len(mood_request.days) == 7
    text = text_of(pdf)
    assert "Each morning, within an hour of getting up, fill in the column for the night" in text
    assert "night before" not in text
    assert "Week of 6–12 December" in text


def test_spanish_sleep_diary_says_the_night_that_just_ended():
    text = LIBRARY.get("sleep_diary").text(LiteracyLevel.PLAIN, Language.ES).instruction_text
    assert "Cada mañana, completa la columna de la noche que acaba de terminar." in text
    assert "noche anterior" not in text
