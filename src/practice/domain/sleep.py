"""Clock times a client writes, and sleep efficiency from one night of a sleep diary.

Sleep efficiency (Consensus Sleep Diary, Carney et al. 2012) is the time asleep
over the time in bed. One night runs from going to bed to getting up, across
midnight when it does:

- time in bed = out of bed - into bed;
- time asleep = final wake - tried to sleep - minutes to fall asleep - minutes
  awake in the night (tried to sleep defaults to into bed; minutes awake to 0
  when the client woke 0 times).

A night that cannot be computed honestly gives None, never a guess: a time
missing, or times that do not add up (:func:`night_problem`: more than 16 hours
or less than 1 hour in bed, as when "11:00" meant 11 pm; times out of order;
more minutes awake or to fall asleep than the night had). Awakenings with 0
minutes awake are fine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from practice.text import QT_TRANSLATE_NOOP

DAY_MINUTES = 24 * 60
MOST_IN_BED = 16 * 60  # more is not one night's sleep (a.m. and p.m. mixed up)
LEAST_IN_BED = 60
_CLOCK = re.compile(
    r"^(?P<h>\d{1,2})(?:[:.h](?P<m>\d{2}))?\s*(?P<ap>[ap]\.?\s*m\.?)?$", re.IGNORECASE
)


def parse_clock(text: str) -> int | None:
    """Minutes after midnight of a clock time ("23:30", "7.05", "10 pm", "6:15 a.m."),
    or None when it is not one ("late", "25:00", "7:75")."""
    found = _CLOCK.match(text.strip())
    if found is None:
        return None
    hour, minute = int(found["h"]), int(found["m"] or 0)
    meridiem = (found["ap"] or "").lower()[:1]
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem == "p" else 0)
    if hour == 24 and minute == 0:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return hour * 60 + minute


def clock_text(minutes: int) -> str:
    """23:30 for 1410."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True)
class SleepNight:
    """One night's diary, clock times in minutes after midnight (None: not written)."""

    bed_time: int | None = None
    try_sleep_time: int | None = None
    minutes_to_sleep: int | None = None
    awakenings: int | None = None
    minutes_awake: int | None = None
    final_wake_time: int | None = None
    out_of_bed_time: int | None = None


@dataclass(frozen=True)
class SleepEfficiency:
    time_in_bed: int  # minutes
    time_asleep: int  # minutes
    percent: int  # time asleep / time in bed, rounded


def _in_bed(night: SleepNight) -> int | None:
    if night.bed_time is None or night.out_of_bed_time is None:
        return None
    return (night.out_of_bed_time - night.bed_time) % DAY_MINUTES or DAY_MINUTES


def night_problem(night: SleepNight) -> str | None:
    """Why the times written for ``night`` do not add up, or None when they may.

    Only what was written is judged: a night missing its bed or rising time is
    incomplete (no efficiency), not flagged.
    """
    in_bed = _in_bed(night)
    if in_bed is None:
        return None
    if in_bed > MOST_IN_BED:
        return QT_TRANSLATE_NOOP("sleep", "{value} h {value2} in bed: more than 16 hours.").format(
            value=in_bed // 60, value2=format(in_bed % 60, "02d")
        )
    if in_bed < LEAST_IN_BED:
        return QT_TRANSLATE_NOOP("sleep", "{in_bed} minutes in bed: less than an hour.").format(
            in_bed=in_bed
        )
    for minutes, what in (
        (night.minutes_awake, "awake"),
        (night.minutes_to_sleep, "to fall asleep"),
    ):
        if minutes is not None and minutes > in_bed:
            return QT_TRANSLATE_NOOP(
                "sleep", "{minutes} minutes {what}, more than the {in_bed} minutes in bed."
            ).format(minutes=minutes, what=what, in_bed=in_bed)
    assert night.bed_time is not None
    bed = night.bed_time

    def after_bed(moment: int) -> int:
        return (moment - bed) % DAY_MINUTES

    tried = bed if night.try_sleep_time is None else night.try_sleep_time
    wake = night.final_wake_time
    if wake is not None and not after_bed(tried) <= after_bed(wake) <= in_bed:
        return QT_TRANSLATE_NOOP(
            "sleep", "The times are out of order (bed, sleep, waking, getting up)."
        )
    if wake is not None and night.minutes_to_sleep is not None:
        awake = night.minutes_awake or 0
        if after_bed(wake) - after_bed(tried) - night.minutes_to_sleep - awake < 0:
            return QT_TRANSLATE_NOOP(
                "sleep", "More minutes awake than the night had between sleep and waking."
            )
    return None


def sleep_efficiency(night: SleepNight) -> SleepEfficiency | None:
    """Sleep efficiency of ``night`` (rules above), or None when it cannot be computed."""
    bed, wake, up = night.bed_time, night.final_wake_time, night.out_of_bed_time
    if bed is None or wake is None or up is None or night.minutes_to_sleep is None:
        return None
    if night_problem(night) is not None:
        return None
    awake = night.minutes_awake
    if awake is None:
        if night.awakenings != 0:
            return None
        awake = 0
    tried = bed if night.try_sleep_time is None else night.try_sleep_time
    in_bed = _in_bed(night) or DAY_MINUTES
    asleep = (wake - bed) % DAY_MINUTES - (tried - bed) % DAY_MINUTES
    asleep -= night.minutes_to_sleep + awake
    return SleepEfficiency(in_bed, asleep, round(100 * asleep / in_bed))
