"""Reminders and messages: a phone alarm, a text message, an e-mail."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from practice.sheets.pictogram_art._base import Draw, poly, thick, thin, white_poly
from practice.sheets.styles import INK, WHITE


def _small_phone(c: Canvas, x: float, y: float) -> None:
    """A mobile phone 36 wide and 64 tall, lower-left corner at (x, y)."""
    c.setFillColor(WHITE)
    c.roundRect(x, y, 36, 64, 7, stroke=1, fill=1)
    c.setFillColor(INK)
    c.circle(x + 18, y + 9, 3, stroke=0, fill=1)


def alarm(c: Canvas) -> None:
    """A phone alarm that rings: a phone with a bell, ringing."""
    _small_phone(c, 32, 8)
    thin(c, 5)
    poly(c, [(40, 40), (42, 44), (42, 52), (50, 60), (58, 52), (58, 44), (60, 40)], close=True)
    c.circle(50, 36, 2.5, stroke=0, fill=1)
    c.arc(6, 40, 30, 80, 120, 120)
    c.arc(14, 46, 28, 74, 120, 120)
    c.arc(70, 40, 94, 80, -60, 120)
    c.arc(72, 46, 86, 74, -60, 120)
    thick(c)


def text_message(c: Canvas) -> None:
    """A text message: a phone and a balloon of written lines."""
    _small_phone(c, 8, 4)
    c.setFillColor(WHITE)
    c.roundRect(36, 52, 60, 42, 10, stroke=1, fill=1)
    c.setFillColor(INK)
    white_poly(c, [(46, 56), (36, 42), (58, 56)])
    thin(c, 5)
    for y, w in ((82, 40), (72, 40), (62, 24)):
        c.line(46, y, 46 + w, y)
    thick(c)


def email(c: Canvas) -> None:
    """An e-mail: an envelope."""
    c.rect(8, 20, 84, 60, stroke=1, fill=0)
    poly(c, [(8, 80), (50, 46), (92, 80)])
    thin(c, 5)
    c.line(8, 20, 40, 52)
    c.line(92, 20, 60, 52)
    thick(c)


DRAWINGS: dict[str, Draw] = {
    "alarm": alarm,
    "text_message": text_message,
    "email": email,
}
