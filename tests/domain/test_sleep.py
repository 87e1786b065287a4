"""Clock times as clients write them, and sleep efficiency of one night."""

from __future__ import annotations

import pytest

from practice.domain.sleep import (
    SleepEfficiency,
    SleepNight,
    clock_text,
    night_problem,
    parse_clock,
    sleep_efficiency,
)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("23:30", 1410), ("7.05", 425), ("6", 360), ("10 pm", 1320), ("6:15 a.m.", 375),
     ("12 am", 0), ("12:30 PM", 750), ("22h45", 1365), ("24:00", 0), (" 0:00 ", 0)],
)  # fmt: skip
def test_clock_times_are_read(text: str, minutes: int) -> None:
    assert parse_clock(text) == minutes


@pytest.mark.parametrize("text", ["late", "25:00", "7:75", "2330", "13 pm", "", "7/10", "-1:00"])
def test_what_is_not_a_clock_time_is_refused(text: str) -> None:
    assert parse_clock(text) is None


def test_clock_text() -> None:
    assert (clock_text(1410), clock_text(5)) == ("23:30", "00:05")


def night(**kw: int | None) -> SleepNight:
    values: dict[str, int | None] = {
        "bed_time": parse_clock("22:30"),
        "try_sleep_time": parse_clock("23:00"),
        "minutes_to_sleep": 30,
        "awakenings": 2,
        "minutes_awake": 30,
        "final_wake_time": parse_clock("6:30"),
        "out_of_bed_time": parse_clock("7:00"),
    }
    values.update(kw)
    return SleepNight(**values)  # type: ignore[arg-type]


def test_a_night_across_midnight() -> None:
    # Given 22:30 to bed, 23:00 lights out, 30 min to fall asleep, 30 min awake,
    # final wake 6:30, up at 7:00
    result = sleep_efficiency(night())
    # Then 8.5 h in bed, 6.5 h asleep (23:30 to 6:30 less 30 min awake): 76 %
    assert result is not None
    assert (result.time_in_bed, result.time_asleep, result.percent) == (510, 390, 76)


def test_a_night_after_midnight_and_a_day_sleeper() -> None:
    # Given a night that starts after midnight
    late = sleep_efficiency(
        night(bed_time=60, try_sleep_time=60, final_wake_time=480, out_of_bed_time=480,
              minutes_to_sleep=0, minutes_awake=0)
    )  # fmt: skip
    assert late is not None and (late.time_in_bed, late.percent) == (420, 100)
    # and a shift worker who sleeps by day
    day = sleep_efficiency(
        night(bed_time=540, try_sleep_time=540, final_wake_time=960, out_of_bed_time=990,
              minutes_to_sleep=15, minutes_awake=0)
    )  # fmt: skip
    assert day is not None and (day.time_in_bed, day.time_asleep, day.percent) == (450, 405, 90)


def test_missing_lights_out_uses_bed_time_and_no_awakenings_means_no_time_awake() -> None:
    result = sleep_efficiency(night(try_sleep_time=None, awakenings=0, minutes_awake=None))
    assert result is not None and (result.time_in_bed, result.time_asleep) == (510, 450)


@pytest.mark.parametrize(
    "changes",
    [{"bed_time": None}, {"final_wake_time": None}, {"out_of_bed_time": None},
     {"minutes_to_sleep": None}, {"minutes_awake": None},  # woke twice, minutes unknown
     {"final_wake_time": parse_clock("7:30")},  # woke after getting up
     {"try_sleep_time": parse_clock("22:00")},  # lights out before going to bed
     {"minutes_awake": 600},  # more time awake than the night had
     {"out_of_bed_time": parse_clock("22:30")}],  # no time in bed
)  # fmt: skip
def test_a_night_that_cannot_be_computed_gives_none(changes: dict[str, int | None]) -> None:
    assert sleep_efficiency(night(**changes)) is None


@pytest.mark.parametrize(
    ("night", "problem"),
    [
        # "11:00" for 11 pm: 20 h 30 in bed
        (SleepNight(660, 660, 20, 1, 10, 420, 450), "20 h 30 in bed: more than 16 hours."),
        # up a minute before going to bed: a 24-hour night
        (SleepNight(1320, 1320, 20, 0, 0, 1300, 1319), "23 h 59 in bed: more than 16 hours."),
        (SleepNight(1380, 1380, 10, 0, 0, 1400, 1410), "30 minutes in bed: less than an hour."),
        (SleepNight(1380, 1380, 600, 0, 0, 420, 450), "600 minutes to fall asleep, more than"),
        (SleepNight(1380, 1380, 10, 2, 600, 420, 450), "600 minutes awake, more than"),
    ],
)
def test_nights_whose_times_do_not_add_up_are_flagged_and_get_no_efficiency(night, problem):
    assert (night_problem(night) or "").startswith(problem)
    assert sleep_efficiency(night) is None


def test_awakenings_with_no_minutes_awake_are_fine():
    night = SleepNight(1380, 1380, 10, 3, 0, 420, 450)
    assert night_problem(night) is None
    assert sleep_efficiency(night) == SleepEfficiency(510, 470, 92)
