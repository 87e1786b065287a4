"""Where and with whom: home, work, outside, other people, family, friends, alone."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from practice.sheets.pictogram_art._base import (
    STROKE,
    Draw,
    arrow,
    heart_shape,
    person,
    poly,
    ray,
    thick,
    thin,
)
from practice.sheets.styles import INK, WHITE


def house(c: Canvas) -> None:
    poly(c, [(12, 48), (50, 86), (88, 48)])
    poly(c, [(22, 56), (22, 12), (78, 12), (78, 56)])
    c.rect(42, 12, 16, 26, stroke=1, fill=0)


def door(c: Canvas) -> None:
    """Bring this sheet to your next session: a sheet going in at a door."""
    c.line(46, 6, 96, 6)
    c.rect(54, 6, 36, 84, stroke=1, fill=0)
    c.circle(81, 46, 4.5, stroke=0, fill=1)
    c.rect(6, 42, 26, 34, stroke=1, fill=0)
    thin(c, 4)
    for y in (66, 58, 50):
        c.line(12, y, 26, y)
    arrow(c, 20, 30, 46, 30, head=10)
    thick(c)


def work(c: Canvas) -> None:
    """At work: a briefcase."""
    c.roundRect(8, 12, 84, 58, 8, stroke=1, fill=0)
    poly(c, [(36, 70), (36, 84), (64, 84), (64, 70)])
    c.line(8, 44, 92, 44)
    c.rect(44, 38, 12, 12, stroke=1, fill=1)


def outside(c: Canvas) -> None:
    """Out, away from home: a tree in the open, the sun above."""
    c.line(4, 8, 96, 8)
    c.rect(26, 8, 10, 30, stroke=1, fill=1)
    crown = ((31, 66, 22), (16, 52, 14), (46, 52, 14), (31, 48, 12))
    c.setFillColor(WHITE)
    for width, stroke in ((2 * STROKE, 1), (0.0, 0)):
        c.setLineWidth(width or STROKE)
        for x, y, r in crown:
            c.circle(x, y, r, stroke=stroke, fill=1)
    c.setFillColor(INK)
    thick(c)
    c.circle(82, 82, 9, stroke=1, fill=0)
    thin(c, 5)
    for deg in range(0, 360, 60):
        ray(c, 82, 82, deg, 14, 19)
    thick(c)


def people(c: Canvas) -> None:
    person(c, 66, 22, 0.85)
    person(c, 36, 12, 1.0)


def family(c: Canvas) -> None:
    """With family: two grown-ups and a child."""
    person(c, 24, 28, 0.82)
    person(c, 76, 28, 0.82)
    person(c, 50, 6, 0.58)


def friends(c: Canvas) -> None:
    """With friends: two people side by side, a heart between them."""
    person(c, 26, 10, 0.8)
    person(c, 74, 10, 0.8)
    heart_shape(c, 50, 82, 0.3, fill=True)


def alone(c: Canvas) -> None:
    """Alone: one person on their own."""
    person(c, 50, 12, 1.1)
    c.line(8, 6, 92, 6)


def left_place(c: Canvas) -> None:
    """I left, got away: someone going out of a doorway, an arrow away."""
    c.line(4, 4, 40, 4)
    poly(c, [(8, 4), (8, 88), (36, 88), (36, 4)])
    thin(c, 6)
    c.circle(62, 80, 8, stroke=1, fill=0)
    c.line(60, 70, 54, 44)
    poly(c, [(44, 52), (52, 64), (66, 66)])
    poly(c, [(54, 44), (44, 26), (40, 8)])
    poly(c, [(54, 44), (66, 28), (78, 18)])
    thick(c)
    arrow(c, 72, 48, 96, 48, head=10)


DRAWINGS: dict[str, Draw] = {
    "house": house,
    "door": door,
    "work": work,
    "outside": outside,
    "people": people,
    "family": family,
    "friends": friends,
    "alone": alone,
    "left_place": left_place,
}
