"""Sleep: bed, going to bed, lights out, falling asleep, waking, a nap, how I slept."""

from __future__ import annotations

from typing import Any

from reportlab.pdfgen.canvas import Canvas

from practice.sheets.pictogram_art._base import (
    Draw,
    arrow,
    clock_face,
    crescent,
    eye,
    path,
    poly,
    star_shape,
    stick_figure,
    thick,
    thin,
    white_circle,
    zed,
)
from practice.sheets.styles import INK, WHITE


def _bed(c: Canvas, x: float = 0, y: float = 0, s: float = 1.0, sleeper: bool = False) -> None:
    """A bed seen from the side (optionally with someone asleep in it)."""
    c.saveState()
    c.translate(x, y)
    c.scale(s, s)
    c.line(10, 16, 10, 76)
    c.line(90, 16, 90, 50)
    c.rect(10, 32, 80, 18, stroke=1, fill=0)
    c.roundRect(18, 50, 26, 14, 6, stroke=1, fill=0)
    if sleeper:
        white_circle(c, 34, 66, 10)
        c.arc(40, 38, 100, 68, 0, 180)
    else:
        c.line(48, 50, 86, 58)
    c.restoreState()


def bed(c: Canvas) -> None:
    _bed(c)


def into_bed(c: Canvas) -> None:
    _bed(c, 0, -6, 1.0, sleeper=True)
    arrow(c, 70, 98, 70, 70, head=12)


def out_of_bed(c: Canvas) -> None:
    _bed(c, -6, 0, 0.62)
    stick_figure(c, 80, 6, 0.95)
    thin(c, 5)
    arrow(c, 36, 60, 62, 60, head=9)
    thick(c)


def lights_out(c: Canvas) -> None:
    """Lights out: a light bulb, struck through."""
    c.circle(50, 60, 26, stroke=1, fill=0)
    c.rect(38, 14, 24, 20, stroke=1, fill=0)
    c.line(38, 24, 62, 24)
    c.setStrokeColor(WHITE)
    c.setLineWidth(16)
    c.line(16, 92, 84, 6)
    c.setStrokeColor(INK)
    thick(c)
    c.line(16, 92, 84, 6)


def fall_asleep(c: Canvas) -> None:
    """Time to fall asleep: a clock and the Zs of sleep."""
    clock_face(c, 34, 36, 28)
    thin(c, 6)
    zed(c, 64, 46, 14)
    zed(c, 76, 70, 20)
    thick(c)


def woke_night(c: Canvas) -> None:
    """Woke in the night: the moon and an open eye."""
    crescent(c, 28, 76, 20)
    thin(c, 6)
    eye(c, 56, 26, 74)
    thick(c)


def awake_time(c: Canvas) -> None:
    """Time awake in the night: a clock with a span marked, and the moon."""
    white_circle(c, 42, 40, 36)

    def wedge(p: Any) -> None:
        p.moveTo(42, 40)
        p.lineTo(42, 72)
        p.arcTo(10, 8, 74, 72, 90, -120)
        p.close()

    path(c, wedge, fill=True)
    crescent(c, 86, 88, 12)


def woke_up(c: Canvas) -> None:
    """Woke up for the day: an alarm clock ringing."""
    clock_face(c, 50, 46, 32, hour=7, minute=0)
    c.arc(8, 66, 38, 96, 90, 110)
    c.arc(62, 66, 92, 96, -20, 110)
    c.line(30, 18, 22, 6)
    c.line(70, 18, 78, 6)
    thin(c, 5)
    poly(c, [(4, 50), (10, 46)])
    poly(c, [(96, 50), (90, 46)])
    thick(c)


def nap(c: Canvas) -> None:
    """A nap in the day: someone lying on a sofa, a Z above."""
    c.roundRect(4, 8, 92, 24, 6, stroke=1, fill=0)
    c.line(12, 8, 12, 0)
    c.line(88, 8, 88, 0)
    c.roundRect(4, 32, 14, 30, 6, stroke=1, fill=0)
    c.roundRect(82, 32, 14, 30, 6, stroke=1, fill=0)
    white_circle(c, 28, 44, 9)
    c.arc(36, 26, 82, 56, 0, 180)
    thin(c, 6)
    zed(c, 44, 70, 14)
    zed(c, 64, 80, 18)
    thick(c)


def sleep_quality(c: Canvas) -> None:
    """How well I slept: a bed and stars to mark."""
    _bed(c, 6, -6, 0.88)
    thin(c, 5)
    star_shape(c, 22, 86, 12, fill=True)
    star_shape(c, 50, 86, 12, fill=True)
    star_shape(c, 78, 86, 12, fill=False)
    thick(c)


def slept_through(c: Canvas) -> None:
    """Slept all night: asleep in bed from the moon to the sun."""
    _bed(c, 0, -10, 1.0, sleeper=True)
    crescent(c, 14, 84, 11)
    c.circle(88, 84, 8, stroke=1, fill=0)
    thin(c, 4)
    c.setDash(5, 6)
    c.arc(28, 64, 76, 104, 20, 140)
    c.setDash()
    thick(c)


DRAWINGS: dict[str, Draw] = {
    "bed": bed,
    "into_bed": into_bed,
    "out_of_bed": out_of_bed,
    "lights_out": lights_out,
    "fall_asleep": fall_asleep,
    "woke_night": woke_night,
    "awake_time": awake_time,
    "woke_up": woke_up,
    "nap": nap,
    "sleep_quality": sleep_quality,
    "slept_through": slept_through,
}
