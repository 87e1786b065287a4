"""A phone-alarm calendar file (.ics) for the client's homework.

One VEVENT at the agreed time with a DISPLAY alarm at its start, repeating as
the assignment's frequency says: every day (RRULE FREQ=DAILY), on chosen
weekdays (FREQ=WEEKLY;BYDAY=...), or not at all ("each time it happens"), and
stopping on the last day of the sheet (UNTIL). The title shows on a lock screen,
so it is neutral by default ("Time for your sheet"), never the sheet's clinical
name; the therapist may choose another. Times are floating (no time zone): the
phone rings at 20:30 wherever the client is, which is what an alarm set
together in session means.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event, vRecur

from practice.domain.vocabulary import Language

PRODID = "-//Practice//Self-record reminder//EN"
EVENT_MINUTES = 5
ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

ALARM_TEXT: dict[Language, dict[str, str]] = {
    Language.EN: {
        "title": "Time for your sheet",
        "description": "Time to fill in your sheet. A few minutes is enough.",
    },
    Language.ES: {
        "title": "Hora de tu hoja",
        "description": "Es hora de completar tu hoja. Bastan unos minutos.",
    },
}


def default_title(language: Language) -> str:
    """The neutral lock-screen title: "Time for your sheet" / "Hora de tu hoja"."""
    return ALARM_TEXT[language]["title"]


def alarm_ics(
    start: date,
    end: date,
    at: time,
    language: Language,
    uid_seed: str,
    *,
    weekdays: Sequence[int] | None = (),
    title: str | None = None,
) -> bytes:
    """The .ics bytes of a reminder at ``at`` from ``start`` to ``end`` inclusive.

    ``weekdays`` (0 = Monday): empty, every day; some, only those days; None, no
    repeat (one alarm on ``start``). ``uid_seed`` (e.g. the assignment code) makes
    the UID stable, so importing an updated file replaces the old alarm.
    """
    if end < start:
        raise ValueError(f"The alarm ends ({end}) before it starts ({start}).")
    title = " ".join((title or default_title(language)).split())
    if not title:
        raise ValueError("The alarm needs a title.")
    words = ALARM_TEXT[language]
    first = datetime.combine(start, at.replace(tzinfo=None, microsecond=0))
    if weekdays:
        days = sorted(set(weekdays))
        while first.weekday() not in days:  # DTSTART is the first occurrence
            first += timedelta(days=1)

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")

    event = Event()
    digest = hashlib.sha256(uid_seed.encode("utf-8")).hexdigest()[:24]
    event.add("uid", f"{digest}@practice.local")
    event.add("dtstamp", datetime.now(UTC).replace(microsecond=0))
    event.add("summary", title, parameters={"LANGUAGE": language.value})
    event.add("description", words["description"], parameters={"LANGUAGE": language.value})
    event.add("dtstart", first)
    event.add("dtend", first + timedelta(minutes=EVENT_MINUTES))
    if weekdays is not None:
        until = datetime.combine(end, first.time())  # floating, like DTSTART
        if weekdays:
            rule = vRecur(freq="WEEKLY", byday=[ICAL_DAYS[d] for d in days], until=until)
        else:
            rule = vRecur(freq="DAILY", until=until)
        event.add("rrule", rule)
    event.add("transp", "TRANSPARENT")

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", title)
    alarm.add("trigger", timedelta(0))
    event.add_component(alarm)

    cal.add_component(event)
    return bytes(cal.to_ical())
