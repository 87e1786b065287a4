"""Things to do and write: walk, eat, drink, talk, read, write, call, chores, fun."""

from __future__ import annotations

import math
from functools import partial
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from practice.sheets.pictogram_art._base import (
    STROKE,
    Draw,
    arrow,
    eye,
    path,
    poly,
    star_shape,
    thick,
    thin,
    white_poly,
)
from practice.sheets.pictogram_art.body import bolt
from practice.sheets.styles import INK, WHITE


def walk(c: Canvas) -> None:
    c.circle(58, 84, 10, stroke=1, fill=0)
    c.line(55, 70, 47, 42)
    poly(c, [(32, 50), (42, 64), (54, 68)])
    poly(c, [(54, 66), (64, 54), (74, 56)])
    poly(c, [(47, 42), (34, 26), (26, 10)])
    poly(c, [(47, 42), (60, 26), (74, 14)])


def food(c: Canvas) -> None:
    c.circle(52, 50, 26, stroke=1, fill=0)
    c.circle(52, 50, 14, stroke=1, fill=0)
    c.line(12, 10, 12, 62)
    poly(c, [(5, 86), (5, 66), (19, 66), (19, 86)])
    c.line(12, 86, 12, 66)

    def knife(p: Any) -> None:
        p.moveTo(90, 10)
        p.lineTo(90, 88)
        p.curveTo(98, 80, 98, 58, 90, 48)

    path(c, knife)


def cup(c: Canvas) -> None:
    def body(p: Any) -> None:
        p.moveTo(16, 66)
        p.lineTo(22, 12)
        p.lineTo(62, 12)
        p.lineTo(68, 66)
        p.close()

    path(c, body)
    path(c, lambda p: p.arc(52, 24, 88, 56, -80, 160))

    def steam(p: Any, x: float) -> None:
        p.moveTo(x, 76)
        p.curveTo(x - 6, 82, x + 6, 88, x, 94)

    for x in (32, 50):
        path(c, partial(steam, x=x))


def speech(c: Canvas) -> None:
    c.roundRect(8, 34, 84, 54, 14, stroke=1, fill=0)
    white_poly(c, [(26, 38), (18, 10), (46, 38)])
    for x in (32, 50, 68):
        c.circle(x, 61, 5, stroke=0, fill=1)


def star(c: Canvas) -> None:
    star_shape(c, 50, 48, 44)


def check(c: Canvas) -> None:
    c.setLineWidth(STROKE * 1.5)
    poly(c, [(14, 52), (38, 26), (86, 78)])


def book(c: Canvas) -> None:
    for side in (-1, 1):

        def page(p: Any, s: int = side) -> None:
            p.moveTo(50, 20)
            p.curveTo(50 + s * 14, 28, 50 + s * 30, 28, 50 + s * 42, 24)
            p.lineTo(50 + s * 42, 78)
            p.curveTo(50 + s * 30, 82, 50 + s * 14, 82, 50, 74)
            p.close()

        path(c, page)


def pen(c: Canvas) -> None:
    c.line(10, 8, 60, 8)
    c.saveState()
    c.translate(56, 52)
    c.rotate(-45)
    c.rect(-9, -24, 18, 58, stroke=1, fill=0)
    c.line(-9, 22, 9, 22)
    poly(c, [(-9, -24), (0, -42), (9, -24)])
    c.restoreState()


def phone(c: Canvas) -> None:
    c.roundRect(28, 6, 44, 88, 9, stroke=1, fill=0)
    c.line(43, 82, 57, 82)
    c.circle(50, 18, 4, stroke=0, fill=1)


def _handset(c: Canvas) -> None:
    c.saveState()
    c.translate(44, 44)
    c.rotate(-40)
    c.setLineWidth(12)
    path(c, lambda p: (p.moveTo(-30, 6), p.curveTo(-14, 16, 14, 16, 30, 6)))
    c.roundRect(-44, -16, 22, 26, 8, stroke=1, fill=1)
    c.roundRect(22, -16, 22, 26, 8, stroke=1, fill=1)
    c.restoreState()
    thick(c)


def called(c: Canvas) -> None:
    """Called someone: a phone handset and sound waves."""
    _handset(c)
    thin(c, 6)
    for r in (14, 26):
        c.arc(74 - r, 74 - r, 74 + r, 74 + r, 10, 70)
    thick(c)


def got_dressed(c: Canvas) -> None:
    """Got up and dressed: a T-shirt."""
    poly(
        c,
        [(34, 88), (6, 72), (16, 50), (28, 56), (28, 8), (72, 8), (72, 56), (84, 50), (94, 72),
         (66, 88)],
        close=False,
    )  # fmt: skip
    path(c, lambda p: (p.moveTo(34, 88), p.curveTo(40, 74, 60, 74, 66, 88)))


def chore(c: Canvas) -> None:
    """A job at home: a broom."""
    c.line(56, 44, 70, 96)
    c.roundRect(30, 34, 40, 12, 4, stroke=1, fill=1)
    poly(c, [(30, 36), (16, 6), (84, 6), (70, 36)], close=True)
    thin(c, 4)
    for x in (32, 44, 56, 68):
        c.line(x + (x - 50) * 0.1, 30, x + (x - 50) * 0.4, 10)
    thick(c)


def fun(c: Canvas) -> None:
    """Something I enjoy: music notes."""
    for x, y in ((28, 20), (76, 30)):
        c.ellipse(x - 14, y - 9, x + 12, y + 9, stroke=0, fill=1)
        c.line(x + 10, y, x + 10, y + 58)
    c.setLineWidth(14)
    c.line(38, 80, 86, 90)
    thick(c)


def practice(c: Canvas) -> None:
    """The practice we planned: steps up to a flag."""
    poly(c, [(4, 8), (4, 26), (28, 26), (28, 44), (52, 44), (52, 62), (76, 62), (76, 8), (4, 8)])
    c.line(68, 62, 68, 96)
    poly(c, [(68, 96), (94, 88), (68, 78)], fill=True, close=True)


def _magnet(c: Canvas, y: float) -> None:
    """A horseshoe magnet opening upward; its poles end at height ``y`` + 64."""
    c.setLineWidth(16)
    c.arc(18, y, 82, y + 64, 180, 180)
    c.line(18, y + 32, 18, y + 64)
    c.line(82, y + 32, 82, y + 64)
    c.setStrokeColor(WHITE)
    c.setLineWidth(4)
    c.line(8, y + 52, 28, y + 52)
    c.line(72, y + 52, 92, y + 52)
    c.setStrokeColor(INK)
    thick(c)


def urge(c: Canvas) -> None:
    """An urge or craving: a magnet pulling something towards it."""
    _magnet(c, 4)
    c.circle(50, 90, 8, stroke=0, fill=1)
    thin(c, 5)
    arrow(c, 50, 78, 50, 52, head=9)
    thick(c)


def gave_in(c: Canvas) -> None:
    """I acted on it: the magnet (the urge) has pulled a ball in and holds it."""
    _magnet(c, 4)
    c.circle(50, 64, 15, stroke=0, fill=1)
    thin(c, 4)
    for x0, x1 in ((26, 32), (74, 68)):
        c.line(x0, 86, x1, 80)
    c.line(50, 88, 50, 94)
    thick(c)


def rode_it_out(c: Canvas) -> None:
    """I waited and it passed: an hourglass, the wave gone flat."""
    c.line(20, 94, 80, 94)
    c.line(20, 6, 80, 6)
    poly(c, [(26, 94), (26, 84), (46, 52), (26, 16), (26, 6)])
    poly(c, [(74, 94), (74, 84), (54, 52), (74, 16), (74, 6)])
    poly(c, [(34, 12), (50, 28), (66, 12)], fill=True, close=True)
    thin(c, 4)
    c.line(50, 50, 50, 30)
    thick(c)


def _chain(c: Canvas, active: int) -> None:
    """Three steps along the bottom (before, what I did, after), ``active`` filled."""
    xs = (14, 50, 86)
    thin(c, 5)
    for i, x in enumerate(xs):
        c.circle(x, 12, 10 if i == active else 6, stroke=1, fill=1 if i == active else 0)
    for a, b in ((0, 1), (1, 2)):
        x1 = xs[a] + (15 if a == active else 11)
        x2 = xs[b] - (15 if b == active else 11)
        c.line(x1, 12, x2, 12)
        poly(c, [(x2 - 6, 18), (x2, 12), (x2 - 6, 6)])
    thick(c)


def trigger(c: Canvas) -> None:
    """What came before: the first of three steps, a spark that set it off."""
    _chain(c, 0)
    bolt(c, 26, 62, 0.56, fill=True)


def action(c: Canvas) -> None:
    """What I did: the middle step, a person doing something."""
    _chain(c, 1)
    c.saveState()
    c.translate(22, 30)
    c.scale(0.62, 0.62)
    c.setLineWidth(STROKE / 0.62)
    walk(c)
    c.restoreState()


def result(c: Canvas) -> None:
    """What came after: the last of three steps, where it led (a star)."""
    _chain(c, 2)
    star_shape(c, 72, 62, 30, fill=True)


def how_likely(c: Canvas) -> None:
    """How likely it seems: two dice."""
    c.saveState()
    c.translate(30, 36)
    c.rotate(-12)
    c.setFillColor(WHITE)
    c.roundRect(-24, -24, 48, 48, 9, stroke=1, fill=1)
    c.setFillColor(INK)
    for dx, dy in ((-11, 11), (0, 0), (11, -11)):
        c.circle(dx, dy, 4.5, stroke=0, fill=1)
    c.restoreState()
    c.saveState()
    c.translate(70, 66)
    c.rotate(14)
    c.setFillColor(WHITE)
    c.roundRect(-22, -22, 44, 44, 9, stroke=1, fill=1)
    c.setFillColor(INK)
    for dx, dy in ((-10, 10), (10, 10), (-10, -10), (10, -10)):
        c.circle(dx, dy, 4.5, stroke=0, fill=1)
    c.restoreState()


def fear_level(c: Canvas) -> None:
    """How strong the fear is: a meter going up."""
    thin(c, 5)
    for i, h in enumerate((16, 32, 50, 70)):
        x = 34 + i * 17
        c.rect(x, 6, 12, h, stroke=1, fill=1 if i < 3 else 0)
    thick(c)
    bolt(c, 16, 66, 0.36, fill=True)


def what_happened(c: Canvas) -> None:
    """What really happened: an open eye that saw it."""
    eye(c, 50, 50, 88)
    thin(c, 5)
    for deg in (50, 90, 130):
        a = math.radians(deg)
        c.line(
            50 + 34 * math.cos(a),
            64 + 14 * math.sin(a),
            50 + 44 * math.cos(a),
            72 + 20 * math.sin(a),
        )
    thick(c)


DRAWINGS: dict[str, Draw] = {
    "walk": walk,
    "food": food,
    "cup": cup,
    "speech": speech,
    "star": star,
    "check": check,
    "book": book,
    "pen": pen,
    "phone": phone,
    "called": called,
    "got_dressed": got_dressed,
    "chore": chore,
    "fun": fun,
    "practice": practice,
    "urge": urge,
    "gave_in": gave_in,
    "rode_it_out": rode_it_out,
    "trigger": trigger,
    "action": action,
    "result": result,
    "how_likely": how_likely,
    "fear_level": fear_level,
    "what_happened": what_happened,
}
