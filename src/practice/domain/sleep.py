"""Clock times a client writes, and sleep efficiency from one night of a sleep diary.

Sleep efficiency (Consensus Sleep Diary, Carney et al. 2012) is the time asleep
over the time in bed. One night runs from going to bed to getting up, across
midnight when it does:

- time in bed = out of bed - into bed;
- time asleep = final wake - tried to sleep - minutes to fall asleep - minutes
  awake in the night (tried to sleep defaults to into bed; minutes awake to 0
  when the client woke 0 times).

A night that cannot be computed honestly (a time missing, times out of order,
more minutes awake than the night had) gives None, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DAY_MINUTES = 24 * 60
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


def sleep_efficiency(night: SleepNight) -> SleepEfficiency | None:
    """Sleep efficiency of ``night`` (rules above), or None when it cannot be computed."""
    bed, wake, up = night.bed_time, night.final_wake_time, night.out_of_bed_time
    if bed is None or wake is None or up is None or night.minutes_to_sleep is None:
        return None
    awake = night.minutes_awake
    if awake is None:
        if night.awakenings != 0:
            return None
        awake = 0
    tried = bed if night.try_sleep_time is None else night.try_sleep_time

    def after_bed(moment: int) -> int:
        return (moment - bed) % DAY_MINUTES

    in_bed = after_bed(up)
    if not in_bed > 0 or not after_bed(tried) <= after_bed(wake) <= in_bed:
        return None
    asleep = after_bed(wake) - after_bed(tried) - night.minutes_to_sleep - awake
    if asleep < 0:
        return None
    return SleepEfficiency(in_bed, asleep, round(100 * asleep / in_bed))
