"""Faces: the rating faces (very bad … very good) and the named feelings.

Each feeling differs by more than its mouth: eyebrows, eyes (open, wide, closed,
half shut, looking away), tears, a sweat drop, blushing, a hand, steam.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfgen.canvas import Canvas

from practice.sheets.pictogram_art._base import (
    Draw,
    arrow,
    clock_face,
    cloud,
    drop,
    half_disc,
    path,
    poly,
    thick,
    thin,
    white_circle,
)

LEFT, RIGHT, EYE_Y = 36.0, 64.0, 58.0


def _head(c: Canvas, x: float = 50, y: float = 50, r: float = 40) -> None:
    white_circle(c, x, y, r)


# -- eyes -------------------------------------------------------------------------------
def _eyes_dot(c: Canvas, dy: float = 0.0) -> None:
    for x in (LEFT, RIGHT):
        c.circle(x, EYE_Y + dy, 5.5, stroke=0, fill=1)


def _eyes_arc(c: Canvas, up: bool, dy: float = 0.0) -> None:
    """Closed eyes: ∩ (laughing) when ``up``, ∪ (calm, peaceful) otherwise."""
    thin(c)
    for x in (LEFT, RIGHT):
        if up:
            c.arc(x - 8, EYE_Y - 5 + dy, x + 8, EYE_Y + 9 + dy, 0, 180)
        else:
            c.arc(x - 8, EYE_Y - 6 + dy, x + 8, EYE_Y + 8 + dy, 180, 180)
    thick(c)


def _eyes_wide(c: Canvas, look_x: float = 0.0, look_y: float = 0.0) -> None:
    thin(c, 4.5)
    for x in (LEFT, RIGHT):
        c.circle(x, EYE_Y, 9, stroke=1, fill=0)
        c.circle(x + look_x, EYE_Y + look_y, 4, stroke=0, fill=1)
    thick(c)


def _eyes_half(c: Canvas) -> None:
    """Heavy lids: a line with half an eye below it."""
    thin(c)
    for x in (LEFT, RIGHT):
        c.line(x - 9, EYE_Y + 1, x + 9, EYE_Y + 1)
        half_disc(c, x, EYE_Y, 6)
    thick(c)


def _eyes_squeezed(c: Canvas) -> None:
    """Eyes shut tight: > <."""
    thin(c)
    poly(c, [(LEFT - 8, EYE_Y + 6), (LEFT + 6, EYE_Y), (LEFT - 8, EYE_Y - 6)])
    poly(c, [(RIGHT + 8, EYE_Y + 6), (RIGHT - 6, EYE_Y), (RIGHT + 8, EYE_Y - 6)])
    thick(c)


# -- brows ------------------------------------------------------------------------------
def _brows(c: Canvas, inner: float, outer: float, y: float = 72.0) -> None:
    """Eyebrows: ``inner`` and ``outer`` are the heights of their inner and outer ends."""
    thin(c)
    c.line(LEFT - 10, y + outer, LEFT + 8, y + inner)
    c.line(RIGHT - 8, y + inner, RIGHT + 10, y + outer)
    thick(c)


def _brows_sad(c: Canvas) -> None:
    _brows(c, 6, -2)


def _brows_angry(c: Canvas) -> None:
    _brows(c, -5, 5)


def _brows_raised(c: Canvas) -> None:
    thin(c)
    for x in (LEFT, RIGHT):
        c.arc(x - 10, 72, x + 10, 84, 30, 120)
    thick(c)


# -- mouths -----------------------------------------------------------------------------
def _mouth_curve(c: Canvas, bend: float, y: float = 32.0, width: float = 18.0) -> None:
    """A smile (``bend`` > 0) or a frown (``bend`` < 0) or a flat line (0)."""

    def build(p: Any) -> None:
        p.moveTo(50 - width, y)
        p.curveTo(50 - width / 2, y - bend, 50 + width / 2, y - bend, 50 + width, y)

    path(c, build)


def _mouth_open_smile(c: Canvas) -> None:
    def build(p: Any) -> None:
        p.moveTo(28, 38)
        p.curveTo(32, 12, 68, 12, 72, 38)
        p.close()

    path(c, build, fill=True)


def _mouth_wail(c: Canvas) -> None:
    def build(p: Any) -> None:
        p.moveTo(32, 22)
        p.curveTo(36, 44, 64, 44, 68, 22)
        p.close()

    path(c, build, fill=True)


def _mouth_wavy(c: Canvas, y: float = 30.0) -> None:
    thin(c)
    poly(c, [(30, y), (37, y + 5), (44, y - 1), (50, y + 5), (56, y - 1), (63, y + 5), (70, y)])
    thick(c)


def _mouth_teeth(c: Canvas) -> None:
    thin(c)
    c.roundRect(32, 20, 36, 16, 5, stroke=1, fill=0)
    c.line(32, 28, 68, 28)
    for x in (44, 56):
        c.line(x, 20, x, 36)
    thick(c)


def _mouth_oval(c: Canvas, w: float, h: float, y: float = 28.0, fill: bool = True) -> None:
    thin(c)
    c.ellipse(50 - w / 2, y - h / 2, 50 + w / 2, y + h / 2, stroke=1, fill=1 if fill else 0)
    thick(c)


# -- the rating faces ---------------------------------------------------------------------
def face_very_happy(c: Canvas) -> None:
    _head(c)
    _eyes_arc(c, up=True)
    _brows_raised(c)
    _mouth_open_smile(c)


def face_happy(c: Canvas) -> None:
    _head(c)
    _eyes_dot(c)
    _mouth_curve(c, 14)


def face_ok(c: Canvas) -> None:
    _head(c)
    _eyes_dot(c)
    _brows(c, 0, 0, y=72)
    _mouth_curve(c, 0, y=30)


def face_sad(c: Canvas) -> None:
    _head(c)
    _eyes_dot(c)
    _brows_sad(c)
    _mouth_curve(c, -12, y=24)


def face_very_sad(c: Canvas) -> None:
    _head(c)
    _eyes_squeezed(c)
    _brows_sad(c)
    _mouth_wail(c)
    drop(c, LEFT - 6, 36, 9)
    drop(c, RIGHT + 6, 36, 9)


# -- named feelings ---------------------------------------------------------------------
def feel_sad(c: Canvas) -> None:
    """Sad: a downcast face with a tear, under a rain cloud."""
    _head(c, 50, 34, 33)
    thin(c)
    c.line(31, 48, 44, 51)
    c.line(56, 51, 69, 48)
    thick(c)
    for x in (38, 62):
        c.circle(x, 39, 4.5, stroke=0, fill=1)
    _mouth_curve_at(c, 50, 16, -8, 11)
    drop(c, 28, 22, 8)
    cloud(c, 50, 84, 0.9)
    thin(c, 4)
    for x in (30, 50, 70):
        c.line(x, 74, x - 3, 69)
    thick(c)


def feel_scared(c: Canvas) -> None:
    """Scared: wide eyes, raised brows, a shaky mouth, shaking."""
    _head(c, 50, 50, 37)
    _eyes_wide(c)
    _brows_raised(c)
    _mouth_wavy(c, 26)
    thin(c)
    for side in (-1, 1):
        for k in (0, 1):
            x = 50 + side * (43 + 6 * k)
            poly(
                c,
                [
                    (x, 66 - 6 * k),
                    (x + 3 * side, 58 - 6 * k),
                    (x, 50 - 6 * k),
                    (x + 3 * side, 42 - 6 * k),
                ],
            )
    thick(c)


def feel_angry(c: Canvas) -> None:
    _head(c)
    _eyes_dot(c, dy=-2)
    thick(c)
    c.line(LEFT - 11, 76, LEFT + 8, 66)
    c.line(RIGHT - 8, 66, RIGHT + 11, 76)
    _mouth_teeth(c)
    thin(c)
    for x, s in ((14, -1), (86, 1)):
        poly(c, [(x, 90), (x + 4 * s, 96), (x + 8 * s, 90), (x + 12 * s, 96)])
    thick(c)


def feel_ashamed(c: Canvas) -> None:
    _head(c)
    _eyes_arc(c, up=False, dy=-4)
    _brows_sad(c)
    _mouth_curve(c, -4, y=24, width=9)
    thin(c, 3.5)
    for cx in (24, 76):
        for k in (-6, 0, 6):
            c.line(cx + k - 3, 36, cx + k + 3, 44)
    thick(c)


def feel_guilty(c: Canvas) -> None:
    """Guilty: a face glancing aside, a sweat drop, an arrow pointing at it."""
    _head(c, 38, 50, 34)
    thin(c, 4.5)
    for x in (25, 49):
        c.circle(x, 56, 7.5, stroke=1, fill=0)
        c.circle(x - 3.5, 54, 3.6, stroke=0, fill=1)
    c.line(17, 69, 31, 73)
    c.line(43, 73, 57, 69)
    thick(c)
    _mouth_curve_at(c, 38, 32, -6, 9)
    drop(c, 60, 74, 8, fill=False)
    # an arrow pointing at the face: "it was me"
    arrow(c, 104, 50, 80, 50, head=13)


def _mouth_curve_at(c: Canvas, x: float, y: float, bend: float, width: float) -> None:
    def build(p: Any) -> None:
        p.moveTo(x - width, y)
        p.curveTo(x - width / 2, y - bend, x + width / 2, y - bend, x + width, y)

    path(c, build)


def feel_worried(c: Canvas) -> None:
    _head(c)
    _eyes_dot(c)
    _brows(c, 8, 0, y=70)
    _mouth_wavy(c)
    drop(c, 84, 74, 11, fill=False)


def feel_calm(c: Canvas) -> None:
    _head(c)
    _eyes_arc(c, up=False)
    _mouth_curve(c, 8, y=32, width=12)
    _brows(c, 0, 0, y=74)


def feel_tired(c: Canvas) -> None:
    _head(c)
    _eyes_half(c)
    thin(c, 3.5)
    for x in (LEFT, RIGHT):
        c.arc(x - 7, EYE_Y - 14, x + 7, EYE_Y - 4, 200, 140)
    thick(c)
    _mouth_oval(c, 14, 20, y=26, fill=True)


def feel_bored(c: Canvas) -> None:
    """Bored: heavy eyes, a flat mouth, and a clock: time drags."""
    _head(c, 40, 58, 36)
    thin(c, 4.5)
    for x in (27, 53):
        c.line(x - 9, 64, x + 9, 64)
        half_disc(c, x, 64, 6)
    thick(c)
    c.line(28, 40, 52, 40)
    thin(c, 5)
    clock_face(c, 84, 16, 16)
    thick(c)


def feel_relieved(c: Canvas) -> None:
    """Relieved: eyes closed, a big smile, and the sweat drop of "phew"."""
    _head(c)
    _eyes_arc(c, up=False)
    _brows_raised(c)
    _mouth_open_smile(c)
    drop(c, 88, 70, 12, fill=False)


def feel_sorry(c: Canvas) -> None:
    """Sorry, regret: a sad face wishing to go back (an "undo" arrow)."""
    _head(c, 44, 42, 38)
    thin(c)
    for x in (30, 58):
        c.arc(x - 8, 44, x + 8, 58, 180, 180)
    c.line(22, 64, 36, 68)
    c.line(52, 68, 66, 64)
    thick(c)
    _mouth_curve_at(c, 44, 22, -6, 10)
    thin(c, 6)
    c.arc(64, 76, 94, 100, 0, 180)
    arrow(c, 64, 90, 64, 80, head=9)
    thick(c)


DRAWINGS: dict[str, Draw] = {
    "face_very_happy": face_very_happy,
    "face_happy": face_happy,
    "face_ok": face_ok,
    "face_sad": face_sad,
    "face_very_sad": face_very_sad,
    "feel_sad": feel_sad,
    "feel_scared": feel_scared,
    "feel_angry": feel_angry,
    "feel_ashamed": feel_ashamed,
    "feel_guilty": feel_guilty,
    "feel_worried": feel_worried,
    "feel_calm": feel_calm,
    "feel_tired": feel_tired,
    "feel_bored": feel_bored,
    "feel_relieved": feel_relieved,
    "feel_sorry": feel_sorry,
}
