"""Reminder card (A6 / index card) and the daily-alarm .ics file."""

from __future__ import annotations

import io
from datetime import date, datetime, time, timedelta

import pdfplumber
import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from practice.domain.vocabulary import Language, LiteracyLevel, ReminderChannel
from practice.sheets.alarm import alarm_ics
from practice.sheets.card import ReminderCard, ReminderCardRequest
from practice.sheets.styles import LEVEL_SIZES

try:
    from ._samples import EASY, EN, ES, PICTORIAL, PLAIN, STANDARD, thought_record
except ImportError:
    from _samples import EASY, EN, ES, PICTORIAL, PLAIN, STANDARD, thought_record


def card(level: LiteracyLevel = PLAIN, language: Language = ES, **kw) -> bytes:
    kw.setdefault("preferred_name", "Ana")
    kw.setdefault("alarm_at", time(20, 30))
    kw.setdefault("bring_on", date(2025, 3, 11))
    kw.setdefault("code", "K7Q2")
    return ReminderCard(ReminderCardRequest(thought_record(level, language), **kw)).generate()


def text_of(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as doc:
        return "\n".join(p.extract_text() or "" for p in doc.pages)


def test_spanish_card_says_what_when_alarm_and_where_to_put_it() -> None:
    text = text_of(card(PLAIN, ES))
    for expected in (
        "¡Hola, Ana!",
        "Completa tu hoja: Registro de pensamientos.",
        "Tu alarma suena a las 20:30.",
        "Tráela el martes 11 de marzo.",
        "Ponla donde la veas.",
        "Código K7Q2",
    ):
        assert expected in text.replace("\n", " "), expected


def test_english_card_uses_am_pm_and_a_warm_tone() -> None:
    text = text_of(card(STANDARD, EN, alarm_at=time(8, 5))).replace("\n", " ")
    assert "Your alarm rings at 8:05 am." in text
    assert "Put this where you will see it." in text
    assert "You can do this." in text


@pytest.mark.parametrize(
    ("channel", "expected"),
    [
        (ReminderChannel.TEXT, "Te llega un mensaje a las 20:30."),
        (ReminderChannel.EMAIL, "Te llega un correo a las 20:30."),
        (ReminderChannel.PHONE_CALL, "Te llamamos una vez a la semana."),
        (ReminderChannel.NONE, "Esta tarjeta es tu recordatorio."),
    ],
)
def test_card_names_a_reminder_that_is_not_an_alarm_without_the_alarm(channel, expected) -> None:
    # Given a card whose reminder is a text, e-mail, call or none, at 20:30
    text = text_of(card(EASY, ES, alarm_at=None, reminder=channel, reminder_at=time(20, 30)))
    # Then it names that reminder and never an alarm
    assert expected in text.replace("\n", " ")
    assert "alarma" not in text.lower()


def test_card_defaults_when_to_the_layout() -> None:
    assert "Cada vez que pase." in text_of(card(PLAIN, ES))  # entries: each time
    assert "Every day." in text_of(card(EASY, EN))  # daily
    assert "After dinner." in text_of(card(EASY, EN, when="After dinner."))


@pytest.mark.parametrize(("size", "points"), [("a6", (297.64, 419.53)), ("index", (360, 216))])
def test_card_sizes(size: str, points: tuple[float, float]) -> None:
    with pdfplumber.open(io.BytesIO(card(size=size))) as doc:
        page = doc.pages[0]
        assert (round(page.width, 2), round(page.height, 2)) == points


@pytest.mark.parametrize("level", [STANDARD, PLAIN, EASY, PICTORIAL])
def test_card_text_is_at_the_level_size_in_atkinson(level: LiteracyLevel) -> None:
    with pdfplumber.open(io.BytesIO(card(level, EN))) as doc:
        chars = [c for c in doc.pages[0].chars if c["text"].strip()]
        sizes = {round(c["size"], 1) for c in chars}
        fonts = {c["fontname"].split("+")[-1] for c in chars}
    assert LEVEL_SIZES[level][0] in sizes
    assert min(sizes) >= 9
    assert fonts <= {"AtkinsonHyperlegible-Regular", "AtkinsonHyperlegible-Bold"}


def test_large_print_index_card_continues_on_the_back_never_clipped() -> None:
    data = card(PICTORIAL, ES, size="index", large_print=True)
    with pdfplumber.open(io.BytesIO(data)) as doc:
        assert len(doc.pages) >= 2
        for page in doc.pages:
            for ch in page.chars:
                assert ch["x0"] >= 0 and ch["x1"] <= page.width
                assert ch["top"] >= 0 and ch["bottom"] <= page.height
            assert min(round(c["size"]) for c in page.chars if c["text"].strip()) >= 12
    assert "Ponla donde la veas." in text_of(data).replace("\n", " ")


def test_card_without_name_alarm_or_date_still_reads_well() -> None:
    text = text_of(card(EASY, EN, preferred_name=None, alarm_at=None, bring_on=None, code=None))
    assert "Your reminder" in text and "alarm" not in text and "Code" not in text


# -- the .ics alarm -------------------------------------------------------------------


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def test_alarm_is_a_daily_event_with_a_display_alarm_under_a_neutral_title() -> None:
    # Given a daily alarm from 3 to 10 March at 20:30, in Spanish
    data = alarm_ics(date(2025, 3, 3), date(2025, 3, 10), time(20, 30), ES, "K7Q2")
    # When the calendar file is read back
    events = list(parse(data).walk("VEVENT"))
    # Then it is one floating event, repeating daily until the last day
    assert len(events) == 1
    event = events[0]
    assert str(event["SUMMARY"]) == "Hora de tu hoja"  # nothing clinical on a lock screen
    assert event.decoded("DTSTART") == datetime(2025, 3, 3, 20, 30)  # floating local time
    rule = event["RRULE"]
    assert rule["FREQ"] == ["DAILY"] and rule["UNTIL"] == [datetime(2025, 3, 10, 20, 30)]
    alarms = list(event.walk("VALARM"))
    assert len(alarms) == 1
    assert str(alarms[0]["ACTION"]) == "DISPLAY"
    assert alarms[0].decoded("TRIGGER") == timedelta(0)
    assert str(alarms[0]["DESCRIPTION"]) == "Hora de tu hoja"
    assert "completar tu hoja" in str(event["DESCRIPTION"])
    # the rule expands to exactly the agreed days, the last one on the end date
    dates = list(rrulestr(rule.to_ical().decode(), dtstart=event.decoded("DTSTART")))
    assert dates[0] == datetime(2025, 3, 3, 20, 30)
    assert dates[-1] == datetime(2025, 3, 10, 20, 30)
    assert len(dates) == 8


def test_alarm_on_chosen_weekdays_starts_on_the_first_of_them() -> None:
    # Given Tuesday and Friday from Monday 3 March to Sunday 16 March
    data = alarm_ics(date(2025, 3, 3), date(2025, 3, 16), time(8, 0), EN, "A1", weekdays=(4, 1))
    event = next(iter(parse(data).walk("VEVENT")))
    # Then it is weekly on those days, the first ring on Tuesday 4 March
    assert event["RRULE"]["FREQ"] == ["WEEKLY"] and event["RRULE"]["BYDAY"] == ["TU", "FR"]
    dates = list(rrulestr(event["RRULE"].to_ical().decode(), dtstart=event.decoded("DTSTART")))
    assert [d.day for d in dates] == [4, 7, 11, 14]


def test_alarm_uid_is_stable_per_seed_and_a_single_alarm_does_not_repeat() -> None:
    args = (date(2025, 3, 3), date(2025, 3, 3), time(7, 0), EN)
    first, again = alarm_ics(*args, "A1"), alarm_ics(*args, "A1")
    other = alarm_ics(*args, "A2")
    uid = lambda d: str(next(iter(parse(d).walk("VEVENT")))["UID"])  # noqa: E731
    assert uid(first) == uid(again) != uid(other)
    once = next(iter(parse(alarm_ics(*args, "A1", weekdays=None)).walk("VEVENT")))
    assert "RRULE" not in once
    own = next(iter(parse(alarm_ics(*args, "A1", title="  Walk  ")).walk("VEVENT")))
    assert str(own["SUMMARY"]) == "Walk"
    assert str(next(iter(own.walk("VALARM")))["DESCRIPTION"]) == "Walk"


def test_alarm_refuses_an_end_before_the_start() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        alarm_ics(date(2025, 3, 10), date(2025, 3, 3), time(9, 0), EN, "s")
