"""Sheets, cards and alarms for assignments: read back from the PDF and the .ics."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pdfplumber
import pytest
from _loop import new_client
from dateutil.rrule import rrulestr
from icalendar import Calendar
from pypdf import PdfReader
from sqlalchemy import select

from practice.db.models import AuditEvent, HomeworkAssignment
from practice.domain.inputs import AssignmentInput
from practice.domain.vocabulary import (
    AppointmentStatus,
    Frequency,
    Language,
    LiteracyLevel,
    Modality,
    ReminderChannel,
    TemplateKey,
)
from practice.services import appointments, demo, homework, printing
from practice.services.errors import NotFoundError
from practice.services.printing import InactiveAssignmentError, SheetTextError
from practice.sheets import wording
from practice.sheets.model import Template
from practice.sheets.styles import LEVEL_SIZES
from practice.sheets.templates import TemplateLibrary, load_templates

LIBRARY = load_templates()
STANDARD, PLAIN, EASY, PICTORIAL = list(LiteracyLevel)


def text_of(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


def drawn_text(data: bytes) -> str:
    """The printed text in drawing order, one space between words: a box beside
    another (bring-by band, why box) reads whole, not interleaved line by line."""
    pages = PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(page.extract_text() or "" for page in pages).split())


def sizes_of(data: bytes, probe: str) -> set[float]:
    with pdfplumber.open(io.BytesIO(data)) as doc:
        found = doc.pages[0].search(probe, regex=False, return_chars=True)
        assert found, f"{probe!r} not on page 1"
        return {round(ch["size"], 2) for ch in found[0]["chars"] if ch["text"].strip()}


def local(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


def work(key: str = TemplateKey.MOOD_LOG.value, **kw: object) -> AssignmentInput:
    values: dict[str, object] = {
        "template_key": key,
        "title": "Mood this week",
        "level": PLAIN,
        "language": Language.EN,
        "start_date": date.today(),
    }
    values.update(kw)
    return AssignmentInput(**values)  # type: ignore[arg-type]


# ---- a demo assignment ------------------------------------------------------------


def test_sheet_for_a_demo_assignment_shows_name_code_bring_on_date_and_level_size(db):
    # Given the demo practice and the improver's active homework (easy, Spanish)
    today = date.today()
    with db.session() as s:
        roles = demo.seed_demo(s).roles
        a = homework.active_for_client(s, roles["improver"])[0]
        future = [
            v.local_day
            for v in appointments.list_for_client(s, a.client_id)
            if v.status == AppointmentStatus.SCHEDULED and v.local_day > today
        ]
        # When its sheet is made
        pdf = printing.sheet_for_assignment(s, a.id, today=today, templates=LIBRARY)
    bring = a.due_date if a.due_date and a.due_date > today else min(future)
    text = text_of(pdf)
    # Then it is for Mari (her preferred name), with the code and the session date
    assert "Para Mari" in text and "Marisol" not in text
    assert a.code in text
    assert wording.long_date(bring, Language.ES) in drawn_text(pdf)
    # and the instructions the therapist wrote are at the easy body size (16 pt)
    assert a.level is EASY
    probe = " ".join((a.instructions or "").split()[:3])
    assert sizes_of(pdf, probe) == {LEVEL_SIZES[EASY][0]}


# ---- the text: template and therapist's words --------------------------------------


def test_prefilled_texts_keep_the_templates_graded_steps(db):
    template = LIBRARY.get("thought_record").text(EASY, Language.ES)
    with db.session() as s:
        client = new_client(s, language=Language.ES)
        a = homework.assign(
            s,
            client,
            work(
                "thought_record",
                level=EASY,
                language=Language.ES,
                instructions=template.instruction_text,
                rationale=template.why_it_helps,
                title="Mi registro",
            ),
        )
    text = printing.sheet_text(LIBRARY, a)
    assert text.instructions == template.instructions
    assert text.instruction_pictograms == template.instruction_pictograms
    assert text.why_it_helps == template.why_it_helps
    assert text.title == "Mi registro"  # the title is always the assignment's
    assert text.main_message == template.main_message and text.fields == template.fields


def test_another_levels_prefill_also_counts_as_unchanged(db):
    # The therapist lowered the level after the form was prefilled at "standard".
    standard = LIBRARY.get("mood_log").text(STANDARD, Language.EN)
    with db.session() as s:
        a = homework.assign(
            s, new_client(s), work(level=PICTORIAL, instructions=standard.instruction_text)
        )
    text = printing.sheet_text(LIBRARY, a)
    assert text.instructions == LIBRARY.get("mood_log").text(PICTORIAL, Language.EN).instructions


def test_the_therapists_own_words_print_beside_the_graded_steps(db):
    # Given an easy mood log whose instructions the therapist wrote
    graded = LIBRARY.get("mood_log").text(EASY, Language.EN)
    with db.session() as s:
        a = homework.assign(
            s,
            new_client(s),
            work(
                level=EASY,
                instructions="After dinner, rate your mood.\nWrite one good thing.",
                rationale="So we can see what lifts you.",
            ),
        )
        b = homework.assign(
            s, new_client(s, "Bo"), work(instructions="Rate it. Then write why! Done?")
        )
        # When the sheet is made
        text = printing.sheet_text(LIBRARY, a)
        pdf = printing.sheet_for_assignment(s, a.id, templates=LIBRARY)
    # Then the level's steps and pictures stay, and the therapist's steps are added
    assert text.instructions == graded.instructions
    assert text.instruction_pictograms == graded.instruction_pictograms
    assert text.why_it_helps == "So we can see what lifts you."
    own = ("After dinner, rate your mood.", "Write one good thing.")
    assert printing.own_instructions(LIBRARY, a) == own
    assert printing.own_instructions(LIBRARY, b) == ("Rate it.", "Then write why!", "Done?")
    printed = " ".join(text_of(pdf).split())
    assert "From your therapist" in printed
    assert all(step in printed for step in own)
    assert " ".join(graded.instructions[0].split()) in printed


def test_the_first_own_step_is_the_target_where_the_template_prints_one(db):
    # Given a template that prints a target, and the therapist's own steps
    base = LIBRARY.get("abc_record")
    variants = {k: replace(v, target_label="The behaviour:") for k, v in base.variants.items()}
    library = TemplateLibrary([replace(base, variants=variants)], [])
    unlabelled = {k: replace(v, target_label="") for k, v in base.variants.items()}
    no_target = TemplateLibrary([replace(base, variants=unlabelled)], [])
    with db.session() as s:
        a = homework.assign(
            s, new_client(s), work("abc_record", instructions="Shouting at home.\nNote the time.")
        )
        # When its sheet request is made
        request = printing.sheet_request(s, a, library)
        plain = printing.sheet_request(s, a, no_target)
    # Then the first step is the target, the rest go in the therapist's box
    assert request.target == "Shouting at home."
    assert request.from_therapist == ("Note the time.",)
    # and without a target label both steps are the therapist's
    assert plain.target is None
    assert plain.from_therapist == ("Shouting at home.", "Note the time.")


def test_a_missing_level_falls_back_to_the_nearest_and_a_missing_language_is_refused():
    base = LIBRARY.get("mood_log")
    only = {(lv, Language.EN): base.text(lv, Language.EN) for lv in (STANDARD, EASY)}
    template = Template("own_log", {Language.EN: "Own log"}, "own_log.toml", only, False)
    assert printing.variant(template, EASY, Language.EN).level is EASY
    assert printing.variant(template, PICTORIAL, Language.EN).level is EASY
    assert printing.variant(template, PLAIN, Language.EN).level is EASY  # tie: simpler
    with pytest.raises(SheetTextError, match="no Spanish text"):
        printing.variant(template, EASY, Language.ES)


def test_an_unknown_template_is_a_clear_error(db):
    with db.session() as s:
        a = homework.assign(s, new_client(s), work("own_gone"))
        with pytest.raises(SheetTextError, match="'own_gone'.*known templates: thought_record"):
            printing.sheet_for_assignment(s, a.id, templates=LIBRARY)


# ---- dates and modality --------------------------------------------------------------


def test_week_starts_on_the_start_date_or_today_for_a_long_running_task(db):
    today = date(2025, 3, 12)
    with db.session() as s:
        client = new_client(s)
        fresh = homework.assign(s, client, work(start_date=today - timedelta(days=2)))
        old = homework.assign(s, client, work(start_date=today - timedelta(days=30)))
        fresh_pdf = printing.sheet_for_assignment(s, fresh.id, today=today, templates=LIBRARY)
        old_pdf = printing.sheet_for_assignment(s, old.id, today=today, templates=LIBRARY)
    assert "Week of 10–16 March" in text_of(fresh_pdf)
    assert "Week of 12–18 March" in text_of(old_pdf)


def test_bring_on_is_the_due_date_else_the_next_appointment(db):
    today = date.today()
    with db.session() as s:
        client = new_client(s)
        due = homework.assign(s, client, work(due_date=today + timedelta(days=5)))
        overdue = homework.assign(
            s, client, work(start_date=today - timedelta(days=9), due_date=today - timedelta(2))
        )
        appointments.schedule(s, client, local(today + timedelta(days=8), 10))
        assert printing.bring_on_for(s, due, today) == today + timedelta(days=5)
        assert printing.bring_on_for(s, overdue, today) == today + timedelta(days=8)
        lone = homework.assign(s, new_client(s, "Cy"), work(due_date=None))
        pdf = printing.sheet_for_assignment(s, lone.id, today=today, templates=LIBRARY)
    assert "Bring this to your next session." in text_of(pdf)


def test_fillable_follows_the_modality_unless_told(db):
    with db.session() as s:
        client = new_client(s)
        form = homework.assign(s, client, work(modality=Modality.FILLABLE_PDF))
        paper = homework.assign(s, client, work(modality=Modality.PAPER))
        pdfs = {
            "form": printing.sheet_for_assignment(s, form.id, templates=LIBRARY),
            "paper": printing.sheet_for_assignment(s, paper.id, templates=LIBRARY),
            "paper forced": printing.sheet_for_assignment(
                s, paper.id, fillable=True, templates=LIBRARY
            ),
            "letter": printing.sheet_for_assignment(s, paper.id, paper="letter", templates=LIBRARY),
        }
    fields = {k: PdfReader(io.BytesIO(v)).get_fields() or {} for k, v in pdfs.items()}
    marker = fields["form"]["practice_code"]["/V"]  # sealed: P3|code|assignment|appointment|…
    printed = date.today().isoformat()
    assert marker.startswith(f"P3|{form.code}|{form.id}||{printed}|mood_log|plain|en|d7|")
    assert fields["paper"] == {}
    assert "practice_code" in fields["paper forced"]
    box = PdfReader(io.BytesIO(pdfs["letter"])).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


# ---- the week's sheets ----------------------------------------------------------------


def test_week_sheets_hold_every_active_assignment_of_clients_seen_that_week(db):
    monday = date.today() + timedelta(days=14 - date.today().weekday())
    with db.session() as s:
        ana, bo, cy, di = (new_client(s, name) for name in ("Ana", "Bo", "Cy", "Di"))
        appointments.schedule(s, ana, local(monday, 9))
        appointments.schedule(s, ana, local(monday + timedelta(days=3), 9))  # one sheet each
        appointments.schedule(s, bo, local(monday + timedelta(days=2), 11))
        called_off = appointments.schedule(s, cy, local(monday + timedelta(days=1), 9))
        appointments.mark(
            s, called_off.appointment.id, AppointmentStatus.CANCELLED_BY_THERAPIST, "Ill"
        )
        appointments.schedule(s, di, local(monday + timedelta(days=9), 9))  # next week
        printed = [
            homework.assign(s, ana, work(start_date=monday - timedelta(7))).code,
            homework.assign(s, ana, work("sleep_diary", level=EASY, language=Language.ES)).code,
            homework.assign(s, bo, work("urge_log", frequency=Frequency.EACH_TIME)).code,
        ]
        dropped = homework.assign(s, bo, work())
        homework.drop(s, dropped.id, "Too much at once")
        absent = [
            dropped.code,
            homework.assign(s, cy, work()).code,
            homework.assign(s, di, work()).code,
        ]
        pdf, summary = printing.week_sheets(
            s, monday, monday + timedelta(days=6), templates=LIBRARY
        )
    text = text_of(pdf)
    assert len(summary) == 3
    for code in printed:
        assert code in text
    for code in absent:
        assert code not in text
    assert [line.split("(")[-1].split(",")[0] for line in summary] == printed
    # Ana's long-running mood log is dated from the day she gets it to her next session
    assert wording.week_range(monday, Language.EN, monday + timedelta(days=2)) in text
    # a batch prints on paper: no form fields
    assert not PdfReader(io.BytesIO(pdf)).get_fields()


def test_week_sheets_with_nothing_to_print_say_so(db):
    with db.session() as s, pytest.raises(NotFoundError, match="No sheets to print"):
        printing.week_sheets(s, date(2030, 1, 7), date(2030, 1, 13), templates=LIBRARY)


# ---- reminder card and alarm ------------------------------------------------------------


def test_a_reminder_card_marks_the_assignment_and_is_audited(db):
    with db.session() as s:
        client = new_client(s, preferred_name="Annie")
        a = homework.assign(
            s,
            client,
            work(
                frequency=Frequency.PER_WEEK,
                times_per_week=3,
                reminder_channel=ReminderChannel.ALARM,
                reminder_time=time(19),
            ),
        )
        pdf = printing.card_for_assignment(s, a.id, templates=LIBRARY)
    card = text_of(pdf)
    assert "Hello, Annie!" in card and "3 times this week." in card and "7:00 pm" in card
    with db.session() as s:
        assert s.get(HomeworkAssignment, a.id).reminder_card_printed is True
        events = s.scalars(
            select(AuditEvent).where(
                AuditEvent.entity == "homework_assignment", AuditEvent.action == "reminder_card"
            )
        ).all()
    assert [e.entity_id for e in events] == [a.id]
    assert "Annie" not in events[0].summary  # no client names in the audit trail


@pytest.mark.parametrize("ending", ["drop", "replace", "complete"])
def test_homework_that_is_over_gets_no_sheet_card_or_alarm(db, ending):
    # Given homework that was dropped, replaced or completed
    words = {"drop": "was dropped", "replace": "was replaced", "complete": "is completed"}
    with db.session() as s:
        a = homework.assign(s, new_client(s), work())
        if ending == "drop":
            homework.drop(s, a.id, "Too much at once")
        elif ending == "replace":
            homework.replace(s, a.id, work("sleep_diary"), "Sleep is the problem")
        else:
            homework.complete(s, a.id)
        makers = (
            lambda: printing.sheet_for_assignment(s, a.id, templates=LIBRARY),
            lambda: printing.card_for_assignment(s, a.id, templates=LIBRARY),
            lambda: printing.alarm_for_assignment(s, a.id),
        )
        # When its sheet, card or alarm is asked for, each is refused with the reason
        for make in makers:
            with pytest.raises(InactiveAssignmentError, match=words[ending]) as refused:
                make()
            assert a.code in str(refused.value)
            assert "no sheet, reminder card or alarm" in str(refused.value)
        # and no card is marked printed
        assert s.get(HomeworkAssignment, a.id).reminder_card_printed is False


def events_of(ics: bytes) -> list:
    return list(Calendar.from_ical(ics).walk("VEVENT"))


def rings(event) -> list[datetime]:
    if "RRULE" not in event:
        return [event.decoded("DTSTART")]
    rule = event["RRULE"].to_ical().decode()
    return list(rrulestr(rule, dtstart=event.decoded("DTSTART")))


def test_the_alarm_rings_daily_on_the_sheets_days_under_a_neutral_title(db):
    # Given a daily task from Wednesday 12 March, due on Tuesday 18 March, at 21:00
    today = date(2025, 3, 12)
    with db.session() as s:
        client = new_client(s)
        a = homework.assign(
            s, client, work(start_date=today, due_date=today + timedelta(6), reminder_time=time(21))
        )
        b = homework.assign(s, client, work(start_date=today, due_date=today + timedelta(2)))
        # When their alarms are made
        ics = printing.alarm_for_assignment(s, a.id, today=today)
        default = printing.alarm_for_assignment(s, b.id, today=today)
        own = printing.alarm_for_assignment(s, a.id, today=today, title="Walk the dog")
    # Then it rings every day of the sheet and stops the day before the session
    (event,) = events_of(ics)
    assert event["RRULE"]["FREQ"] == ["DAILY"]
    assert event["RRULE"]["UNTIL"] == [datetime(2025, 3, 17, 21, 0)]
    assert rings(event) == [datetime(2025, 3, d, 21, 0) for d in range(12, 18)]
    # and the lock screen shows no clinical name
    assert str(event["SUMMARY"]) == "Time for your sheet"
    assert "Mood" not in ics.decode()
    (alarm,) = event.walk("VALARM")
    assert str(alarm["DESCRIPTION"]) == "Time for your sheet"
    (other,) = events_of(default)
    assert rings(other) == [datetime(2025, 3, 12, 20, 0), datetime(2025, 3, 13, 20, 0)]
    assert str(events_of(own)[0]["SUMMARY"]) == "Walk the dog"


def test_the_alarm_repeats_as_the_frequency_says(db):
    # Given three tasks from Monday 2 March to the session on Monday 16 March
    start, due = date(2026, 3, 2), date(2026, 3, 16)
    with db.session() as s:
        client = new_client(s, language=Language.ES)
        three = homework.assign(
            s, client, work(frequency=Frequency.PER_WEEK, times_per_week=3, start_date=start,
                            due_date=due, language=Language.ES),
        )  # fmt: skip
        each = homework.assign(
            s, client, work(frequency=Frequency.EACH_TIME, start_date=start, due_date=due)
        )
        seven = homework.assign(
            s, client, work(frequency=Frequency.PER_WEEK, times_per_week=7, start_date=start,
                            due_date=due),
        )  # fmt: skip
        # When their alarms are made
        alarms = {
            name: events_of(printing.alarm_for_assignment(s, a.id, today=start))[0]
            for name, a in (("three", three), ("each", each), ("seven", seven))
        }
    # Then "3 times a week" rings on 3 weekdays spread over the week, until the 15th
    rule = alarms["three"]["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["MO", "WE", "FR"]
    assert [d.day for d in rings(alarms["three"])] == [2, 4, 6, 9, 11, 13]
    assert str(alarms["three"]["SUMMARY"]) == "Hora de tu hoja"
    # "each time it happens" does not repeat; 7 a week is every day
    assert "RRULE" not in alarms["each"]
    assert rings(alarms["each"]) == [datetime(2026, 3, 2, 20, 0)]
    assert alarms["seven"]["RRULE"]["FREQ"] == ["DAILY"]
    assert len(rings(alarms["seven"])) == 14


@pytest.mark.parametrize(
    ("channel", "at", "line"),
    [
        (ReminderChannel.ALARM, time(19), "Your alarm rings at 7:00 pm."),
        (ReminderChannel.ALARM, None, "Your alarm rings at 8:00 pm."),  # the .ics default
        (ReminderChannel.TEXT, time(19), "You get a text message at 7:00 pm."),
        (ReminderChannel.EMAIL, None, "You get an e-mail to remind you."),
        (ReminderChannel.PHONE_CALL, time(19), "We call you once a week."),
        (ReminderChannel.CARD, None, "This card is your reminder."),
        (ReminderChannel.NONE, time(19), "This card is your reminder."),
    ],
)
def test_the_card_names_the_reminder_really_set(db, channel, at, line):
    # Given homework with a reminder channel (and maybe a time)
    with db.session() as s:
        a = homework.assign(s, new_client(s), work(reminder_channel=channel, reminder_time=at))
        # When its reminder card is made
        card = " ".join(text_of(printing.card_for_assignment(s, a.id, templates=LIBRARY)).split())
    # Then it names that reminder, and an alarm only when an alarm is set
    assert line in card
    assert ("alarm" in card.lower()) is (channel is ReminderChannel.ALARM)


# ---- the week on the page ----------------------------------------------------------------


def test_the_sheet_covers_its_days_and_the_bring_date_follows_the_last(db):
    # Given a mood log handed out on Saturday 5 December, next session Saturday 12 December
    start = date(2026, 12, 5)
    with db.session() as s:
        client = new_client(s)
        appointments.schedule(s, client, local(date(2026, 12, 12), 10))
        a = homework.assign(s, client, work("mood_log", start_date=start, level=EASY))
        short = homework.assign(
            s, client, work("mood_log", start_date=start, due_date=date(2026, 12, 8), level=EASY)
        )
        # When their sheets are made on the day
        request = printing.sheet_request(s, a, LIBRARY, today=start)
        pdf = printing.sheet_for_assignment(s, a.id, today=start, templates=LIBRARY)
        short_request = printing.sheet_request(s, short, LIBRARY, today=start)
        short_pdf = printing.sheet_for_assignment(s, short.id, today=start, templates=LIBRARY)
    # Then the week runs 5-11 December, each day printed with its date, and the sheet
    # is brought on the Saturday after the last day
    assert request.days == tuple(date(2026, 12, d) for d in range(5, 12))
    text = " ".join(text_of(pdf).split())
    assert "Week of 5–11 December" in text
    assert "Bring this to your session on Saturday 12 December." in drawn_text(pdf)
    assert "Sat Sun Mon Tue Wed Thu Fri 5 6 7 8 9 10 11" in text  # the week chart's days
    assert text.count("12 December") == 1
    # and a task due on Tuesday 8 December covers 5-7 December only
    assert short_request.days == (date(2026, 12, 5), date(2026, 12, 6), date(2026, 12, 7))
    short_text = " ".join(text_of(short_pdf).split())
    assert "5–7 December" in short_text and "Week of" not in short_text
    for d in (5, 6, 7):  # one block a day, each headed by its date
        assert wording.long_date(date(2026, 12, d), Language.EN, capital=True) in short_text
    assert "Bring this to your session on Tuesday 8 December." in drawn_text(short_pdf)
    assert short_text.count("8 December") == 1


def test_dates_on_a_spanish_sheet_are_in_spanish(db):
    start = date(2026, 12, 5)
    with db.session() as s:
        client = new_client(s, language=Language.ES)
        a = homework.assign(
            s, client, work("mood_log", start_date=start, due_date=date(2026, 12, 12),
                            language=Language.ES, level=EASY),
        )  # fmt: skip
        pdf = printing.sheet_for_assignment(s, a.id, today=start, templates=LIBRARY)
    text = " ".join(text_of(pdf).split())
    assert "Semana del 5 al 11 de diciembre" in text
    assert "Trae esta hoja a tu sesión del sábado 12 de diciembre." in drawn_text(pdf)
    assert "sáb dom lun mar mié jue vie 5 6 7 8 9 10 11" in text
    assert "December" not in text and "Saturday" not in text


@pytest.mark.parametrize(
    ("frequency", "times", "due_in", "entries"),
    [
        (Frequency.DAILY, None, 7, 7),
        (Frequency.PER_WEEK, 3, 7, 3),
        (Frequency.PER_WEEK, 3, 14, 6),
        (Frequency.EACH_TIME, None, 7, 3),
    ],
)
def test_event_records_hold_the_entries_the_frequency_asks(db, frequency, times, due_in, entries):
    # Given a thought record set with a frequency, due in ``due_in`` days
    start = date(2026, 12, 5)
    with db.session() as s:
        a = homework.assign(
            s, new_client(s), work("thought_record", frequency=frequency, times_per_week=times,
                                   start_date=start, due_date=start + timedelta(due_in)),
        )  # fmt: skip
        # When its sheet request is made
        request = printing.sheet_request(s, a, LIBRARY, today=start)
    # Then it holds one entry a day, n a week, or at least 3 "each time"
    assert request.entries == entries
    assert len(request.days) == due_in


def test_the_paper_follows_the_locale_unless_chosen(db, monkeypatch):
    # Given a practice on a computer set to US English
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    with db.session() as s:
        a = homework.assign(s, new_client(s), work())
        # When the sheet is made without a paper size, and with A4 chosen
        default = printing.sheet_for_assignment(s, a.id, templates=LIBRARY)
        chosen = printing.sheet_for_assignment(s, a.id, paper="a4", templates=LIBRARY)
    # Then it is on US Letter, unless A4 was chosen
    sizes = [PdfReader(io.BytesIO(pdf)).pages[0].mediabox for pdf in (default, chosen)]
    assert [(round(float(b.width)), round(float(b.height))) for b in sizes] == [
        (612, 792),
        (595, 842),
    ]


# ---- duplex-safe batches ------------------------------------------------------------------


def test_week_sheets_start_each_sheet_on_a_front_page(db):
    # Given four clients seen this week, with sheets of 1 to 3 pages
    monday = date(2026, 12, 7)
    names = ("Anouk", "Bertil", "Cosima", "Dagmar")
    with db.session() as s:
        for n, name in enumerate(names):
            client = new_client(s, name, f"Prueba{n}")
            appointments.schedule(s, client, local(monday + timedelta(days=n), 9))
            key = ("mood_log", "thought_record", "sleep_diary", "abc_record")[n]
            homework.assign(s, client, work(key, level=(PLAIN, PICTORIAL, EASY, STANDARD)[n],
                                            large_print=n == 2, start_date=monday))  # fmt: skip
        # When the week's sheets are printed in one PDF
        pdf, summary = printing.week_sheets(s, monday, monday + timedelta(days=6),
                                            templates=LIBRARY)  # fmt: skip
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        pages = [" ".join((page.extract_text() or "").split()) for page in doc.pages]
    # Then each client's first page is a front (even index, 0-based)
    firsts = [next(i for i, text in enumerate(pages) if f"For {name}" in text) for name in names]
    assert all(i % 2 == 0 for i in firsts), firsts
    # no page carries two clients' names, and the backs added say they are blank
    for text in pages:
        assert sum(name in text for name in names) <= 1, text
    blanks = [text for text in pages if not any(name in text for name in names)]
    assert blanks and all(text == "This page is left blank." for text in blanks)
    assert len(pages) == len(blanks) + sum(
        1 for text in pages if any(name in text for name in names)
    )
