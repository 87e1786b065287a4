"""A daily-alarm calendar file (.ics) for the client's phone.

One VEVENT at the agreed time, repeating daily from ``start`` to ``end``
(RRULE COUNT), with a DISPLAY alarm at the event's start. Times are floating
(no time zone): the phone rings at 20:30 wherever the client is, which is what
an alarm set together in session means.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event, vRecur

from practice.domain.vocabulary import Language

PRODID = "-//Practice//Self-record reminder//EN"
EVENT_MINUTES = 5

ALARM_TEXT: dict[Language, dict[str, str]] = {
    Language.EN: {
        "description": "Time to fill in your self-record. A few minutes is enough.",
        "alarm": "Time to fill in: {title}",
    },
    Language.ES: {
        "description": "Es hora de completar tu hoja. Bastan unos minutos.",
        "alarm": "Es hora de completar: {title}",
    },
}


def daily_alarm_ics(
    title: str,
    start: date,
    end: date,
    at: time,
    language: Language,
    uid_seed: str,
) -> bytes:
    """The .ics bytes of a daily reminder at ``at`` from ``start`` to ``end`` inclusive.

    ``uid_seed`` (e.g. the assignment code) makes the UID stable, so importing an
    updated file replaces the old alarm instead of adding a second one.
    """
    if end < start:
        raise ValueError(f"The alarm ends ({end}) before it starts ({start}).")
    if not title.strip():
        raise ValueError("The alarm needs a title.")
    words = ALARM_TEXT[language]
    days = (end - start).days + 1
    first = datetime.combine(start, at.replace(tzinfo=None, microsecond=0))

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
    event.add("rrule", vRecur(freq="DAILY", count=days))
    event.add("transp", "TRANSPARENT")

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", words["alarm"].format(title=title))
    alarm.add("trigger", timedelta(0))
    event.add_component(alarm)

    cal.add_component(event)
    return bytes(cal.to_ical())
