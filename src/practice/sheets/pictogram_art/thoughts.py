"""Thoughts and predictions: a thought bubble and what is in it; better, worse, same."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from practice.sheets.pictogram_art._base import (
    Draw,
    arrow,
    bubble,
    exclamation,
    heart_shape,
    path,
    person,
    poly,
    thick,
    thin,
)
from practice.sheets.pictogram_art.body import bolt
from practice.sheets.styles import INK, WHITE


def thought(c: Canvas) -> None:
    c.ellipse(16, 40, 92, 88, stroke=1, fill=0)
    c.circle(24, 28, 6, stroke=1, fill=0)
    c.circle(12, 12, 4, stroke=1, fill=0)


def thought_other(c: Canvas) -> None:
    """Another thought: a second bubble in front of the first."""
    c.ellipse(34, 58, 98, 98, stroke=1, fill=0)
    c.setFillColor(WHITE)
    c.ellipse(4, 26, 70, 70, stroke=1, fill=1)
    c.circle(14, 15, 5, stroke=1, fill=1)
    c.circle(6, 4, 3, stroke=1, fill=1)
    c.setFillColor(INK)


def thought_cant(c: Canvas) -> None:
    bubble(c)
    c.circle(50, 63, 22, stroke=1, fill=0)
    c.line(35, 48, 65, 78)


def thought_goes_wrong(c: Canvas) -> None:
    bubble(c)
    poly(c, [(22, 82), (38, 62), (50, 74), (66, 50)])
    poly(c, [(60, 44), (70, 44), (70, 56)], fill=True, close=True)


def thought_my_fault(c: Canvas) -> None:
    bubble(c)
    thin(c, 5)
    person(c, 60, 42, 0.6)
    arrow(c, 18, 74, 40, 64, head=10)
    thick(c)


def thought_nobody_likes(c: Canvas) -> None:
    bubble(c)
    thin(c, 4)
    heart_shape(c, 50, 62, 0.58, fill=True)
    c.setStrokeColor(WHITE)
    thin(c, 5)
    poly(c, [(50, 44), (45, 56), (55, 64), (48, 78)])
    c.setStrokeColor(INK)
    thick(c)


def as_expected(c: Canvas) -> None:
    bubble(c)
    c.setLineWidth(12)
    poly(c, [(28, 64), (44, 48), (72, 80)])
    thick(c)


def fear_prediction(c: Canvas) -> None:
    bubble(c)
    poly(c, [(28, 44), (50, 84), (72, 44)], fill=True, close=True)
    c.setStrokeColor(WHITE)
    c.setFillColor(WHITE)
    thin(c, 6)
    exclamation(c, 50, 49, 26)
    c.setStrokeColor(INK)
    c.setFillColor(INK)
    thick(c)


def expected(c: Canvas) -> None:
    """I saw it coming: a bolt inside a thought."""
    bubble(c)
    thin(c, 5)
    bolt(c, 50, 62, 0.5, fill=True)
    thick(c)


def kind_words(c: Canvas) -> None:
    """Something kind to myself: a person and a speech balloon holding a heart."""
    person(c, 28, 8, 0.8)
    c.roundRect(44, 50, 52, 44, 12, stroke=1, fill=0)
    c.setFillColor(WHITE)
    poly_fill = [(50, 55), (40, 38), (66, 55)]
    path(
        c,
        lambda p: (
            p.moveTo(*poly_fill[0]),
            p.lineTo(*poly_fill[1]),
            p.lineTo(*poly_fill[2]),
            p.close(),
        ),
        fill=True,
        stroke=False,
    )
    c.setFillColor(INK)
    poly(c, [(52, 50), (40, 38), (64, 50)])
    thin(c, 4)
    heart_shape(c, 70, 72, 0.32, fill=True)
    thick(c)


def better(c: Canvas) -> None:
    poly(c, [(34, 8), (34, 50), (14, 50), (50, 92), (86, 50), (66, 50), (66, 8)], close=True)


def worse(c: Canvas) -> None:
    poly(c, [(34, 92), (34, 50), (14, 50), (50, 8), (86, 50), (66, 50), (66, 92)], close=True)


def same(c: Canvas) -> None:
    c.roundRect(14, 56, 72, 14, 4, stroke=1, fill=1)
    c.roundRect(14, 30, 72, 14, 4, stroke=1, fill=1)


DRAWINGS: dict[str, Draw] = {
    "thought": thought,
    "thought_other": thought_other,
    "thought_cant": thought_cant,
    "thought_goes_wrong": thought_goes_wrong,
    "thought_my_fault": thought_my_fault,
    "thought_nobody_likes": thought_nobody_likes,
    "as_expected": as_expected,
    "fear_prediction": fear_prediction,
    "expected": expected,
    "kind_words": kind_words,
    "better": better,
    "worse": worse,
    "same": same,
}
