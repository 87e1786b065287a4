"""Shared drawing helpers: a 100 × 100 unit box, thick round ink strokes.

The painter sets ink colour, stroke width (:data:`STROKE`), round caps and joins
before calling a drawing; helpers that fill with white restore the ink fill.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from practice.sheets.styles import INK, WHITE

UNIT = 100.0
STROKE = 8.0
THIN = 5.5  # small details inside a figure (eyes, brows, marks in a bubble)

Draw = Callable[[Canvas], None]
Point = tuple[float, float]


def path(
    c: Canvas, build: Callable[[Any], object], fill: bool = False, stroke: bool = True
) -> None:
    """Stroke (and optionally fill) the path ``build`` makes."""
    p = c.beginPath()
    build(p)
    c.drawPath(p, stroke=1 if stroke else 0, fill=1 if fill else 0)


def poly(c: Canvas, points: list[Point], fill: bool = False, close: bool = False) -> None:
    """A polyline through ``points`` (closed when ``close`` or filled)."""
    p = c.beginPath()
    p.moveTo(*points[0])
    for point in points[1:]:
        p.lineTo(*point)
    if close:
        p.close()
    c.drawPath(p, stroke=1, fill=1 if fill else 0)


def on_circle(x: float, y: float, r: float, degrees: float) -> Point:
    """The point at ``degrees`` on the circle of radius ``r`` around (x, y)."""
    a = math.radians(degrees)
    return x + r * math.cos(a), y + r * math.sin(a)


def ray(c: Canvas, x: float, y: float, degrees: float, r0: float, r1: float) -> None:
    """A line along ``degrees`` from ``r0`` to ``r1`` away from (x, y)."""
    c.line(*on_circle(x, y, r0, degrees), *on_circle(x, y, r1, degrees))


def white_poly(c: Canvas, points: list[Point]) -> None:
    """A closed outline filled white (covers what lies behind it)."""
    c.setFillColor(WHITE)
    poly(c, points, fill=True, close=True)
    c.setFillColor(INK)


def white_circle(c: Canvas, x: float, y: float, r: float) -> None:
    c.setFillColor(WHITE)
    c.circle(x, y, r, stroke=1, fill=1)
    c.setFillColor(INK)


def thin(c: Canvas, width: float = THIN) -> None:
    c.setLineWidth(width)


def thick(c: Canvas) -> None:
    c.setLineWidth(STROKE)


def person(c: Canvas, x: float, y: float, s: float) -> None:
    """A head-and-shoulders figure centred on ``x``; shoulders' base near ``y``."""
    c.setFillColor(WHITE)

    def body(p: Any) -> None:
        p.arc(x - 24 * s, y - 30 * s, x + 24 * s, y + 26 * s, 0, 180)
        p.close()

    path(c, body, fill=True)
    c.circle(x, y + 40 * s, 13 * s, stroke=1, fill=1)
    c.setFillColor(INK)


def stick_figure(c: Canvas, x: float, y: float, s: float) -> None:
    """A standing stick figure with its feet at (x, y), about 80·s tall."""
    c.circle(x, y + 70 * s, 9 * s, stroke=1, fill=0)
    c.line(x, y + 60 * s, x, y + 30 * s)
    poly(c, [(x - 16 * s, y + 38 * s), (x, y + 52 * s), (x + 16 * s, y + 38 * s)])
    poly(c, [(x - 12 * s, y), (x, y + 30 * s), (x + 12 * s, y)])


def arrow(c: Canvas, x1: float, y1: float, x2: float, y2: float, head: float = 12) -> None:
    """A line from (x1, y1) with an open arrow head at (x2, y2)."""
    c.line(x1, y1, x2, y2)
    a = math.atan2(y2 - y1, x2 - x1)
    left = (x2 - head * math.cos(a - 0.6), y2 - head * math.sin(a - 0.6))
    right = (x2 - head * math.cos(a + 0.6), y2 - head * math.sin(a + 0.6))
    poly(c, [left, (x2, y2), right])


def half_disc(c: Canvas, x: float, y: float, r: float) -> None:
    """The lower half of a disc centred on (x, y) (a half-shut eye)."""

    def build(p: Any) -> None:
        p.arc(x - r, y - r, x + r, y + r, 180, 180)
        p.close()

    path(c, build, fill=True)


def drop(c: Canvas, x: float, y: float, size: float, fill: bool = True) -> None:
    """A water drop (tear, sweat) with its round bottom centred on (x, y)."""
    r = size / 2

    def build(p: Any) -> None:
        p.moveTo(x, y + size * 1.1)
        p.curveTo(x + r * 0.5, y + r * 1.2, x + r, y + r * 0.6, x + r, y)
        p.curveTo(x + r, y - r * 1.3, x - r, y - r * 1.3, x - r, y)
        p.curveTo(x - r, y + r * 0.6, x - r * 0.5, y + r * 1.2, x, y + size * 1.1)
        p.close()

    if not fill:
        c.setFillColor(WHITE)
    path(c, build, fill=True)
    c.setFillColor(INK)


def zed(c: Canvas, x: float, y: float, h: float) -> None:
    """A letter Z drawn as a line (sleep), lower-left corner at (x, y)."""
    w = h * 0.8
    poly(c, [(x, y + h), (x + w, y + h), (x, y), (x + w, y)])


def star_shape(c: Canvas, x: float, y: float, r: float, fill: bool = False) -> None:
    """A five-pointed star centred on (x, y)."""

    def build(p: Any) -> None:
        for i in range(10):
            rr = r if i % 2 == 0 else r * 0.43
            a = math.radians(90 + i * 36)
            pt = (x + rr * math.cos(a), y + rr * math.sin(a))
            if i == 0:
                p.moveTo(*pt)
            else:
                p.lineTo(*pt)
        p.close()

    path(c, build, fill=fill)


def heart_shape(c: Canvas, x: float, y: float, s: float, fill: bool = False) -> None:
    """A heart centred near (x, y); ``s`` = 1 fills the 100-unit box."""

    def pt(px: float, py: float) -> Point:
        return x + (px - 50) * s, y + (py - 50) * s

    def build(p: Any) -> None:
        p.moveTo(*pt(50, 14))
        p.curveTo(*pt(18, 40), *pt(8, 60), *pt(20, 76))
        p.curveTo(*pt(32, 90), *pt(48, 86), *pt(50, 70))
        p.curveTo(*pt(52, 86), *pt(68, 90), *pt(80, 76))
        p.curveTo(*pt(92, 60), *pt(82, 40), *pt(50, 14))
        p.close()

    if not fill:
        c.setFillColor(WHITE)
    path(c, build, fill=True)
    c.setFillColor(INK)


def clock_face(
    c: Canvas, x: float, y: float, r: float, hour: float = 12, minute: float = 3
) -> None:
    """A round clock: the hands point at ``hour`` and ``minute`` (in hours' places)."""
    white_circle(c, x, y, r)
    for h, length in ((hour, 0.5), (minute, 0.72)):
        a = math.radians(90 - h * 30)
        c.line(x, y, x + r * length * math.cos(a), y + r * length * math.sin(a))


def bubble(c: Canvas) -> None:
    """A large thought bubble; its inside is about x 22-78, y 44-82."""
    c.setFillColor(WHITE)
    c.ellipse(6, 30, 94, 96, stroke=1, fill=1)
    thin(c)
    c.circle(20, 17, 7, stroke=1, fill=1)
    c.circle(7, 4, 4, stroke=1, fill=1)
    thick(c)
    c.setFillColor(INK)


def eye(c: Canvas, x: float, y: float, w: float) -> None:
    """An open eye (almond, iris and pupil) centred on (x, y), ``w`` wide."""
    h = w * 0.32

    def build(p: Any) -> None:
        p.moveTo(x - w / 2, y)
        p.curveTo(x - w / 4, y + h * 1.3, x + w / 4, y + h * 1.3, x + w / 2, y)
        p.curveTo(x + w / 4, y - h * 1.3, x - w / 4, y - h * 1.3, x - w / 2, y)
        p.close()

    path(c, build)
    c.circle(x, y, h * 0.75, stroke=1, fill=1)


def crescent(c: Canvas, x: float, y: float, r: float) -> None:
    """A filled crescent moon, its round side to the lower left, centred on (x, y)."""
    ix, iy, ri = x + 0.5 * r, y + 0.3 * r, 0.82 * r
    d = math.hypot(ix - x, iy - y)
    a = (r * r - ri * ri + d * d) / (2 * d)
    phi = math.degrees(math.atan2(iy - y, ix - x))
    alpha = math.degrees(math.acos(a / r))
    ends = [
        (
            x + r * math.cos(math.radians(phi + s * alpha)),
            y + r * math.sin(math.radians(phi + s * alpha)),
        )
        for s in (1, -1)
    ]
    start_inner = math.degrees(math.atan2(ends[1][1] - iy, ends[1][0] - ix))
    end_inner = math.degrees(math.atan2(ends[0][1] - iy, ends[0][0] - ix))
    extent = (end_inner - start_inner) % 360 - 360  # clockwise, past the side facing (x, y)

    def build(p: Any) -> None:
        p.arc(x - r, y - r, x + r, y + r, phi + alpha, 360 - 2 * alpha)
        p.arcTo(ix - ri, iy - ri, ix + ri, iy + ri, start_inner, extent)
        p.close()

    path(c, build, fill=True)


def cloud(c: Canvas, x: float, y: float, s: float) -> None:
    """A white cloud centred on (x, y), about 60·s wide."""
    shapes = ((x - 18 * s, y, 10 * s), (x, y + 6 * s, 13 * s), (x + 18 * s, y, 10 * s))

    def outline(width: float, stroke: bool) -> None:
        c.setLineWidth(width)
        for cx, cy, r in shapes:
            c.circle(cx, cy, r, stroke=1 if stroke else 0, fill=1)
        c.roundRect(
            x - 28 * s, y - 10 * s, 56 * s, 14 * s, 7 * s, stroke=1 if stroke else 0, fill=1
        )

    c.setFillColor(WHITE)
    outline(2 * STROKE, True)
    outline(STROKE, False)
    c.setFillColor(INK)
    c.setLineWidth(STROKE)


def exclamation(c: Canvas, x: float, y: float, h: float) -> None:
    """An exclamation mark with its foot at (x, y)."""
    c.line(x, y + h * 0.38, x, y + h)
    c.circle(x, y + h * 0.06, h * 0.08, stroke=0, fill=1)


def warning(c: Canvas, x: float, y: float, size: float) -> None:
    """A white warning triangle with "!" whose base is centred at (x, y)."""
    white_poly(c, [(x - size / 2, y), (x, y + size * 0.9), (x + size / 2, y)])
    thin(c)
    exclamation(c, x, y + size * 0.14, size * 0.55)
    thick(c)


def spiral(c: Canvas, x: float, y: float, r: float, turns: float = 2.2) -> None:
    """An outward spiral centred on (x, y)."""

    def build(p: Any) -> None:
        steps = int(turns * 24)
        for i in range(steps + 1):
            t = i / steps
            a = t * turns * 2 * math.pi
            pt = (x + r * t * math.cos(a), y + r * t * math.sin(a))
            if i == 0:
                p.moveTo(*pt)
            else:
                p.lineTo(*pt)

    path(c, build)
