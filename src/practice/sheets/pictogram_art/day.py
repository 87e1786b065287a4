"""Days, times and counts: calendar, clock, sun, moon, parts of the day, tallies."""

from __future__ import annotations

import math

from reportlab.pdfgen.canvas import Canvas

from practice.sheets.pictogram_art._base import (
    Draw,
    arrow,
    crescent,
    star_shape,
    thick,
    thin,
)


def calendar(c: Canvas) -> None:
    c.roundRect(12, 10, 76, 72, 9, stroke=1, fill=0)
    c.line(12, 62, 88, 62)
    c.line(32, 74, 32, 92)
    c.line(68, 74, 68, 92)
    for x in (31, 50, 69):
        for y in (44, 26):
            c.rect(x - 5, y - 5, 10, 10, stroke=0, fill=1)


def clock(c: Canvas) -> None:
    c.circle(50, 50, 40, stroke=1, fill=0)
    c.line(50, 50, 50, 76)
    c.line(50, 50, 70, 50)
    c.circle(50, 50, 4, stroke=0, fill=1)
    for i in range(12):
        a = math.radians(i * 30)
        r0 = 30 if i % 3 == 0 else 33
        thin(c, 4)
        c.line(
            50 + r0 * math.cos(a),
            50 + r0 * math.sin(a),
            50 + 36 * math.cos(a),
            50 + 36 * math.sin(a),
        )
    thick(c)


def _rays(c: Canvas, x: float, y: float, r0: float, r1: float, angles: range | list[int]) -> None:
    for deg in angles:
        a = math.radians(deg)
        c.line(
            x + r0 * math.cos(a), y + r0 * math.sin(a), x + r1 * math.cos(a), y + r1 * math.sin(a)
        )


def sun(c: Canvas) -> None:
    c.circle(50, 50, 19, stroke=1, fill=0)
    _rays(c, 50, 50, 30, 44, range(0, 360, 45))


def moon(c: Canvas) -> None:
    crescent(c, 40, 50, 40)


def _half_sun(c: Canvas, x: float, y: float, r: float) -> None:
    c.arc(x - r, y - r, x + r, y + r, 0, 180)


def morning(c: Canvas) -> None:
    c.line(4, 24, 96, 24)
    _half_sun(c, 42, 24, 22)
    _rays(c, 42, 24, 31, 42, [30, 90, 150])
    arrow(c, 84, 34, 84, 84, head=14)


def afternoon(c: Canvas) -> None:
    c.line(4, 14, 96, 14)
    c.circle(50, 66, 15, stroke=1, fill=0)
    _rays(c, 50, 66, 23, 32, range(0, 360, 45))
    thin(c)
    c.arc(10, 0, 40, 30, 0, 180)
    c.arc(60, 0, 90, 30, 0, 180)
    thick(c)


def evening(c: Canvas) -> None:
    c.line(4, 24, 96, 24)
    _half_sun(c, 60, 24, 20)
    arrow(c, 88, 84, 88, 36, head=14)
    crescent(c, 22, 74, 14)
    star_shape(c, 54, 80, 8, fill=True)


def few_times(c: Canvas) -> None:
    c.setLineWidth(10)
    for x in (28, 50, 72):
        c.line(x, 14, x, 86)


def many_times(c: Canvas) -> None:
    thin(c, 6)
    for x0, y0 in ((6, 54), (54, 54), (6, 8), (54, 8)):
        for i in range(4):
            x = x0 + 6 + i * 9
            c.line(x, y0, x, y0 + 36)
        c.line(x0, y0 + 6, x0 + 40, y0 + 30)
    thick(c)


DRAWINGS: dict[str, Draw] = {
    "calendar": calendar,
    "clock": clock,
    "sun": sun,
    "moon": moon,
    "morning": morning,
    "afternoon": afternoon,
    "evening": evening,
    "few_times": few_times,
    "many_times": many_times,
}
