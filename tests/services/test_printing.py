"""Sheets, cards and alarms for assignments: read back from the PDF and the .ics."""

from __future__ import annotations

import io
from datetime import date, datetime, time, timedelta

import pdfplumber
import pytest
from _loop import new_client
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
    TemplateKey,
)
from practice.services import appointments, demo, homework, printing
from practice.services.errors import NotFoundError
from practice.services.printing import SheetTextError
from practice.sheets import wording
from practice.sheets.model import Template
from practice.sheets.styles import LEVEL_SIZES
from practice.sheets.templates import load_templates

LIBRARY = load_templates()
STANDARD, PLAIN, EASY, PICTORIAL = list(LiteracyLevel)


def text_of(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


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
    assert wording.long_date(bring, Language.ES) in text
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


def test_the_therapists_own_words_replace_the_templates(db):
    with db.session() as s:
        a = homework.assign(
            s,
            new_client(s),
            work(
                instructions="After dinner, rate your mood.\nWrite one good thing.",
                rationale="So we can see what lifts you.",
            ),
        )
        b = homework.assign(
            s, new_client(s, "Bo"), work(instructions="Rate it. Then write why! Done?")
        )
    text = printing.sheet_text(LIBRARY, a)
    assert text.instructions == ("After dinner, rate your mood.", "Write one good thing.")
    assert text.instruction_pictograms == ()
    assert text.why_it_helps == "So we can see what lifts you."
    assert printing.sheet_text(LIBRARY, b).instructions == ("Rate it.", "Then write why!", "Done?")


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
    marker = fields["form"]["practice_code"]["/V"]  # sealed: P2|code|assignment|appointment|…
    assert marker.startswith(f"P2|{form.code}|{form.id}||mood_log|plain|en|d7|")
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
    # Ana's long-running mood log is dated from the day she gets it
    assert wording.week_range(monday, Language.EN) in text
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
            s, client, work(frequency=Frequency.PER_WEEK, times_per_week=3, reminder_time=time(19))
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


def test_no_card_mark_for_homework_that_is_over(db):
    with db.session() as s:
        a = homework.assign(s, new_client(s), work())
        homework.complete(s, a.id)
        printing.card_for_assignment(s, a.id, templates=LIBRARY)
        assert s.get(HomeworkAssignment, a.id).reminder_card_printed is False


def test_the_alarm_rings_daily_from_start_to_due_date_at_the_reminder_time(db):
    today = date(2025, 3, 12)
    with db.session() as s:
        client = new_client(s)
        a = homework.assign(
            s, client, work(start_date=today, due_date=today + timedelta(6), reminder_time=time(21))
        )
        b = homework.assign(s, client, work(start_date=today, due_date=today + timedelta(2)))
        ics = printing.alarm_for_assignment(s, a.id, today=today)
        default = printing.alarm_for_assignment(s, b.id, today=today)
    event = next(c for c in Calendar.from_ical(ics).walk("VEVENT"))
    assert event.decoded("dtstart") == datetime(2025, 3, 12, 21, 0)
    assert event["rrule"]["COUNT"] == [7]
    assert str(event["summary"]) == "Mood this week"
    assert len(event.walk("VALARM")) == 1
    other = next(c for c in Calendar.from_ical(default).walk("VEVENT"))
    assert other.decoded("dtstart") == datetime(2025, 3, 12, 20, 0)  # default 20:00
    assert other["rrule"]["COUNT"] == [3]
