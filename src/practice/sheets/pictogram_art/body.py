"""The body and panic: heart, breath, the DSM-5 panic symptoms, a doctor."""

from __future__ import annotations

import math
from functools import partial
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from practice.sheets.pictogram_art._base import (
    Draw,
    arrow,
    drop,
    exclamation,
    heart_shape,
    path,
    poly,
    ray,
    spiral,
    star_shape,
    stick_figure,
    thick,
    thin,
    warning,
    white_circle,
)
from practice.sheets.styles import INK, WHITE


def bolt(c: Canvas, x: float, y: float, s: float, fill: bool = False) -> None:
    """A lightning bolt centred near (x, y); ``s`` = 1 fills the box."""
    pts = [(58, 94), (24, 46), (46, 46), (38, 6), (78, 58), (55, 58), (70, 94)]
    poly(c, [(x + (px - 50) * s, y + (py - 50) * s) for px, py in pts], fill=fill, close=True)


def lightning(c: Canvas) -> None:
    bolt(c, 50, 50, 1.0)


def out_of_blue(c: Canvas) -> None:
    """Out of the blue: a bolt and a big "!"."""
    bolt(c, 62, 50, 0.9, fill=True)
    c.setLineWidth(11)
    exclamation(c, 14, 8, 84)
    thick(c)


def heart(c: Canvas) -> None:
    heart_shape(c, 50, 50, 1.0)


def heart_racing(c: Canvas) -> None:
    heart_shape(c, 40, 50, 0.72)
    thin(c, 6)
    for y, x0 in ((72, 72), (50, 78), (28, 72)):
        c.line(x0, y, x0 + 20, y)
    thin(c, 4)
    poly(c, [(2, 50), (20, 50), (28, 66), (36, 34), (44, 58), (50, 50), (62, 50)])
    thick(c)


def breath(c: Canvas) -> None:
    for y, length, up in ((70, 56, True), (50, 72, True), (30, 50, False)):
        s = 1 if up else -1

        def wind(p: Any, y: float = y, n: float = length, s: int = s) -> None:
            p.moveTo(8, y)
            p.lineTo(8 + n, y)
            p.curveTo(22 + n, y, 24 + n, y + 14 * s, 14 + n, y + 16 * s)
            p.curveTo(6 + n, y + 17 * s, 4 + n, y + 8 * s, 9 + n, y + 6 * s)

        path(c, wind)


def wave(c: Canvas) -> None:
    """A feeling that rises and falls: one wave with arrows up and down."""

    def build(p: Any) -> None:
        p.moveTo(4, 16)
        p.curveTo(30, 16, 34, 80, 50, 80)
        p.curveTo(66, 80, 70, 16, 96, 16)

    path(c, build)
    thin(c, 5)
    arrow(c, 18, 40, 30, 62, head=10)
    arrow(c, 70, 62, 82, 40, head=10)
    thick(c)


def sweating(c: Canvas) -> None:
    """Sweating: a face with drops running down beside it."""
    white_circle(c, 44, 50, 34)
    for x in (32, 56):
        c.circle(x, 56, 4.5, stroke=0, fill=1)
    c.line(34, 34, 54, 34)
    drop(c, 28, 72, 8)
    for y in (70, 46, 22):
        drop(c, 90, y, 9)


def trembling(c: Canvas) -> None:
    stick_figure(c, 50, 6, 1.05)
    thin(c, 5)
    for side in (-1, 1):
        for k in (0, 1):
            x = 50 + side * (28 + 12 * k)
            poly(c, [(x, 74), (x + 5 * side, 64), (x, 54), (x + 5 * side, 44), (x, 34)])
    thick(c)


def short_breath(c: Canvas) -> None:
    """Short of breath: the lungs and a blocked arrow of air."""
    c.line(50, 96, 50, 62)
    poly(c, [(32, 56), (50, 64), (68, 56)])

    def lobe(p: Any, s: int) -> None:
        p.moveTo(50 - 8 * s, 58)
        p.curveTo(50 - 30 * s, 72, 50 - 46 * s, 50, 50 - 44 * s, 14)
        p.curveTo(50 - 42 * s, 4, 50 - 20 * s, 6, 50 - 8 * s, 16)
        p.close()

    for s in (1, -1):
        path(c, partial(lobe, s=s))
    thin(c, 5)
    c.line(30, 30, 30, 44)
    c.line(70, 30, 70, 44)
    thick(c)


def choking(c: Canvas) -> None:
    """A choking feeling: a head and a neck squeezed from both sides."""
    white_circle(c, 50, 72, 20)
    c.line(40, 52, 40, 22)
    c.line(60, 52, 60, 22)
    c.arc(8, -30, 92, 30, 30, 120)
    thin(c, 5)
    c.ellipse(34, 30, 66, 44, stroke=1, fill=0)
    arrow(c, 4, 37, 26, 37, head=10)
    arrow(c, 96, 37, 74, 37, head=10)
    thick(c)


def chest_pain(c: Canvas) -> None:
    """Chest pain: a body with a burst on the chest."""

    def torso(p: Any) -> None:
        p.moveTo(8, 4)
        p.lineTo(12, 56)
        p.curveTo(14, 70, 26, 76, 38, 78)
        p.lineTo(62, 78)
        p.curveTo(74, 76, 86, 70, 88, 56)
        p.lineTo(92, 4)

    path(c, torso)
    c.arc(38, 70, 62, 98, 200, 140)

    def burst(p: Any) -> None:
        for i in range(16):
            r = 22 if i % 2 == 0 else 10
            a = math.radians(i * 22.5)
            pt = (50 + r * math.cos(a), 40 + r * math.sin(a))
            if i == 0:
                p.moveTo(*pt)
            else:
                p.lineTo(*pt)
        p.close()

    thin(c, 4)
    path(c, burst, fill=True)
    thick(c)


def nausea(c: Canvas) -> None:
    """Sick in the stomach: a body with a swirl on the belly."""
    white_circle(c, 50, 80, 14)

    def body(p: Any) -> None:
        p.moveTo(20, 2)
        p.curveTo(16, 30, 18, 56, 34, 62)
        p.lineTo(66, 62)
        p.curveTo(82, 56, 84, 30, 80, 2)

    path(c, body)
    thin(c, 5)
    spiral(c, 50, 30, 20)
    thick(c)


def dizzy(c: Canvas) -> None:
    """Dizzy: a head with stars circling it."""
    white_circle(c, 50, 40, 34)
    thin(c, 5)
    for x in (38, 62):
        c.line(x - 5, 45, x + 5, 55)
        c.line(x - 5, 55, x + 5, 45)
    poly(c, [(36, 26), (43, 31), (50, 26), (57, 31), (64, 26)])
    c.ellipse(10, 76, 90, 96, stroke=1, fill=0)
    thick(c)
    for x, y in ((16, 86), (50, 96), (84, 86)):
        star_shape(c, x, y, 9, fill=True)


def chills_heat(c: Canvas) -> None:
    """Chills or hot flushes: a thermometer, a snowflake and heat waves."""
    c.setFillColor(WHITE)
    c.roundRect(41, 24, 18, 72, 9, stroke=1, fill=1)
    c.setFillColor(INK)
    c.circle(50, 20, 14, stroke=1, fill=1)
    c.line(50, 20, 50, 62)
    thin(c, 5)
    for deg in (90, 30, 150):
        a = math.radians(deg)
        c.line(
            18 - 13 * math.cos(a),
            72 - 13 * math.sin(a),
            18 + 13 * math.cos(a),
            72 + 13 * math.sin(a),
        )
    for x in (76, 90):
        poly(c, [(x, 50), (x + 5, 60), (x, 70), (x + 5, 80), (x, 90)])
    thick(c)


def _hand(c: Canvas) -> None:
    c.setFillColor(WHITE)
    c.roundRect(28, 4, 44, 46, 12, stroke=1, fill=1)
    c.setFillColor(INK)
    c.setLineWidth(9)
    for x, top in ((36, 80), (46, 88), (56, 86), (66, 76)):
        c.line(x, 46, x, top)
    c.line(30, 30, 14, 50)
    thick(c)


def numb_tingling(c: Canvas) -> None:
    _hand(c)
    thin(c, 4)
    for x, y in ((22, 86), (84, 92), (90, 62), (10, 68)):
        c.line(x - 6, y, x + 6, y)
        c.line(x, y - 6, x, y + 6)
    thick(c)


def unreal(c: Canvas) -> None:
    """Things feel unreal: a figure in broken lines, as if fading, in a haze."""
    c.setDash(7, 7)
    c.circle(50, 72, 16, stroke=1, fill=0)

    def body(p: Any) -> None:
        p.arc(22, -22, 78, 50, 0, 180)
        p.close()

    path(c, body)
    c.setDash()
    thin(c, 4)
    for x in (6, 94):
        poly(c, [(x, 88), (x + 5, 76), (x, 64), (x + 5, 52), (x, 40), (x + 5, 28), (x, 16)])
    thick(c)


def losing_control(c: Canvas) -> None:
    """Afraid of losing control: a steering wheel spinning."""
    c.circle(50, 50, 26, stroke=1, fill=0)
    c.circle(50, 50, 6, stroke=0, fill=1)
    for deg in (90, 210, 330):
        a = math.radians(deg)
        c.line(50, 50, 50 + 26 * math.cos(a), 50 + 26 * math.sin(a))
    thin(c, 5)
    c.arc(6, 6, 94, 94, 100, 120)
    c.arc(6, 6, 94, 94, 280, 120)
    for deg, turn in ((220, 1), (40, 1)):
        a = math.radians(deg)
        x, y = 50 + 44 * math.cos(a), 50 + 44 * math.sin(a)
        t = a + math.pi / 2 * turn
        arrow(c, x - 6 * math.cos(t), y - 6 * math.sin(t), x, y, head=9)
    thick(c)


def fear_dying(c: Canvas) -> None:
    """Afraid of dying: a heart with a warning sign (nothing more)."""
    heart_shape(c, 44, 56, 0.84)
    warning(c, 74, 4, 40)


def doctor(c: Canvas) -> None:
    c.roundRect(10, 10, 80, 80, 14, stroke=1, fill=0)
    poly(c, [(42, 22), (58, 22), (58, 42), (78, 42), (78, 58), (58, 58), (58, 78), (42, 78),
             (42, 58), (22, 58), (22, 42), (42, 42)], fill=True, close=True)  # fmt: skip


def feeling_strength(c: Canvas) -> None:
    """How strong the feeling is: a gauge with a heart."""
    c.arc(6, 6, 94, 94, 0, 180)
    thin(c, 5)
    for deg in (0, 45, 90, 135, 180):
        ray(c, 50, 50, deg, 32, 40)
    thick(c)
    c.line(50, 50, 76, 72)
    c.circle(50, 50, 6, stroke=0, fill=1)
    heart_shape(c, 50, 20, 0.34, fill=True)


def helps(c: Canvas) -> None:
    """Why this helps you: an open hand holding up a heart."""

    def palm(p: Any) -> None:
        p.moveTo(26, 14)
        p.lineTo(74, 14)
        p.curveTo(90, 14, 96, 28, 92, 40)
        p.lineTo(80, 36)
        p.curveTo(76, 30, 70, 30, 62, 32)
        p.lineTo(26, 34)
        p.close()

    path(c, palm)
    c.line(4, 24, 26, 24)
    heart_shape(c, 56, 66, 0.5, fill=True)


DRAWINGS: dict[str, Draw] = {
    "lightning": lightning,
    "out_of_blue": out_of_blue,
    "heart": heart,
    "heart_racing": heart_racing,
    "breath": breath,
    "wave": wave,
    "sweating": sweating,
    "trembling": trembling,
    "short_breath": short_breath,
    "choking": choking,
    "chest_pain": chest_pain,
    "nausea": nausea,
    "dizzy": dizzy,
    "chills_heat": chills_heat,
    "numb_tingling": numb_tingling,
    "unreal": unreal,
    "losing_control": losing_control,
    "fear_dying": fear_dying,
    "doctor": doctor,
    "feeling_strength": feeling_strength,
    "helps": helps,
}
