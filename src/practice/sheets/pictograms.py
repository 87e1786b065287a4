"""Simple, friendly, bold line pictograms drawn with canvas paths (no raster).

Every pictogram is drawn in a 100 × 100 unit box with thick round strokes. A
:class:`PictogramPainter` defines each one once per PDF as a form XObject and then
only places it, so a week of sheets carries each drawing once. Unknown names draw
a neutral placeholder instead of failing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from practice.sheets.styles import INK, WHITE

UNIT = 100.0
STROKE = 8.0

Draw = Callable[[Canvas], None]


def _stroke(c: Canvas, build: Callable[..., object], fill: bool = False) -> None:
    p = c.beginPath()
    build(p)
    c.drawPath(p, stroke=1, fill=1 if fill else 0)


def _poly(c: Canvas, points: list[tuple[float, float]], fill: bool = False) -> None:
    """An open polyline (closed only by the fill, if any)."""
    p = c.beginPath()
    p.moveTo(*points[0])
    for point in points[1:]:
        p.lineTo(*point)
    c.drawPath(p, stroke=1, fill=1 if fill else 0)


def _calendar(c: Canvas) -> None:
    c.roundRect(12, 10, 76, 72, 9, stroke=1, fill=0)
    c.line(12, 62, 88, 62)
    c.line(32, 74, 32, 92)
    c.line(68, 74, 68, 92)
    for x in (31, 50, 69):
        for y in (44, 26):
            c.rect(x - 5, y - 5, 10, 10, stroke=0, fill=1)


def _clock(c: Canvas) -> None:
    c.circle(50, 50, 40, stroke=1, fill=0)
    c.line(50, 50, 50, 76)
    c.line(50, 50, 70, 50)
    c.circle(50, 50, 4, stroke=0, fill=1)


def _sun(c: Canvas) -> None:
    c.circle(50, 50, 19, stroke=1, fill=0)
    for i in range(8):
        a = math.radians(i * 45)
        c.line(
            50 + 30 * math.cos(a),
            50 + 30 * math.sin(a),
            50 + 44 * math.cos(a),
            50 + 44 * math.sin(a),
        )


def _moon(c: Canvas) -> None:
    def build(p: Any) -> None:
        p.arc(12, 12, 88, 88, 50, 260)
        p.arcTo(57, 17, 123, 83, 241.8, -123.6)
        p.close()

    _stroke(c, build)


def _bed(c: Canvas) -> None:
    c.line(10, 16, 10, 76)
    c.line(90, 16, 90, 50)
    c.rect(10, 32, 80, 18, stroke=1, fill=0)
    c.roundRect(18, 50, 26, 14, 6, stroke=1, fill=0)
    c.line(48, 50, 86, 58)


def _house(c: Canvas) -> None:
    _poly(c, [(12, 48), (50, 86), (88, 48)])
    _poly(c, [(22, 56), (22, 12), (78, 12), (78, 56)])
    c.rect(42, 12, 16, 26, stroke=1, fill=0)


def _person(c: Canvas, x: float, y: float, s: float) -> None:
    c.setFillColor(WHITE)

    def body(p: Any) -> None:
        p.arc(x - 24 * s, y - 30 * s, x + 24 * s, y + 26 * s, 0, 180)
        p.close()

    _stroke(c, body, fill=True)
    c.circle(x, y + 40 * s, 13 * s, stroke=1, fill=1)
    c.setFillColor(INK)


def _people(c: Canvas) -> None:
    _person(c, 66, 22, 0.85)
    _person(c, 36, 12, 1.0)


def _phone(c: Canvas) -> None:
    c.roundRect(28, 6, 44, 88, 9, stroke=1, fill=0)
    c.line(43, 82, 57, 82)
    c.circle(50, 18, 4, stroke=0, fill=1)


def _pen(c: Canvas) -> None:
    c.line(10, 8, 60, 8)
    c.saveState()
    c.translate(56, 52)
    c.rotate(-45)
    c.rect(-9, -24, 18, 58, stroke=1, fill=0)
    c.line(-9, 22, 9, 22)
    _poly(c, [(-9, -24), (0, -42), (9, -24)])
    c.restoreState()


def _heart(c: Canvas) -> None:
    def build(p: Any) -> None:
        p.moveTo(50, 14)
        p.curveTo(18, 40, 8, 60, 20, 76)
        p.curveTo(32, 90, 48, 86, 50, 70)
        p.curveTo(52, 86, 68, 90, 80, 76)
        p.curveTo(92, 60, 82, 40, 50, 14)
        p.close()

    _stroke(c, build)


def _thought(c: Canvas) -> None:
    c.ellipse(16, 40, 92, 88, stroke=1, fill=0)
    c.circle(24, 28, 6, stroke=1, fill=0)
    c.circle(12, 12, 4, stroke=1, fill=0)


def _face(c: Canvas, smile: float) -> None:
    c.circle(50, 50, 40, stroke=1, fill=0)
    c.circle(36, 60, 5.5, stroke=0, fill=1)
    c.circle(64, 60, 5.5, stroke=0, fill=1)
    y = 34 if smile >= 0 else 28
    bend = 14 * smile

    def mouth(p: Any) -> None:
        p.moveTo(32, y)
        p.curveTo(40, y - bend, 60, y - bend, 68, y)

    _stroke(c, mouth)


def _lightning(c: Canvas) -> None:
    pts = [(58, 94), (24, 46), (46, 46), (38, 6), (78, 58), (55, 58), (70, 94)]

    def build(p: Any) -> None:
        p.moveTo(*pts[0])
        for pt in pts[1:]:
            p.lineTo(*pt)
        p.close()

    _stroke(c, build)


def _walk(c: Canvas) -> None:
    c.circle(58, 84, 10, stroke=1, fill=0)
    c.line(55, 70, 47, 42)
    _poly(c, [(32, 50), (42, 64), (54, 68)])
    _poly(c, [(54, 66), (64, 54), (74, 56)])
    _poly(c, [(47, 42), (34, 26), (26, 10)])
    _poly(c, [(47, 42), (60, 26), (74, 14)])


def _food(c: Canvas) -> None:
    c.circle(52, 50, 26, stroke=1, fill=0)
    c.circle(52, 50, 14, stroke=1, fill=0)
    c.line(12, 10, 12, 62)
    _poly(c, [(5, 86), (5, 66), (19, 66), (19, 86)])
    c.line(12, 86, 12, 66)

    def knife(p: Any) -> None:
        p.moveTo(90, 10)
        p.lineTo(90, 88)
        p.curveTo(98, 80, 98, 58, 90, 48)

    _stroke(c, knife)


def _cup(c: Canvas) -> None:
    def body(p: Any) -> None:
        p.moveTo(16, 66)
        p.lineTo(22, 12)
        p.lineTo(62, 12)
        p.lineTo(68, 66)
        p.close()

    _stroke(c, body)
    _stroke(c, lambda p: p.arc(52, 24, 88, 56, -80, 160))
    for x in (32, 50):
        _stroke(c, lambda p, x=x: (p.moveTo(x, 76), p.curveTo(x - 6, 82, x + 6, 88, x, 94)))


def _speech(c: Canvas) -> None:
    c.roundRect(8, 34, 84, 54, 14, stroke=1, fill=0)
    c.setFillColor(WHITE)
    _poly(c, [(26, 38), (18, 10), (46, 38)], fill=True)
    c.setFillColor(INK)
    for x in (32, 50, 68):
        c.circle(x, 61, 5, stroke=0, fill=1)


def _star(c: Canvas) -> None:
    def build(p: Any) -> None:
        for i in range(10):
            r = 44 if i % 2 == 0 else 19
            a = math.radians(90 + i * 36)
            pt = (50 + r * math.cos(a), 48 + r * math.sin(a))
            if i == 0:
                p.moveTo(*pt)
            else:
                p.lineTo(*pt)
        p.close()

    _stroke(c, build)


def _check(c: Canvas) -> None:
    c.setLineWidth(STROKE * 1.5)
    _poly(c, [(14, 52), (38, 26), (86, 78)])


def _book(c: Canvas) -> None:
    for side in (-1, 1):

        def page(p: Any, s: int = side) -> None:
            p.moveTo(50, 20)
            p.curveTo(50 + s * 14, 28, 50 + s * 30, 28, 50 + s * 42, 24)
            p.lineTo(50 + s * 42, 78)
            p.curveTo(50 + s * 30, 82, 50 + s * 14, 82, 50, 74)
            p.close()

        _stroke(c, page)


def _breath(c: Canvas) -> None:
    for y, length, up in ((70, 56, True), (50, 72, True), (30, 50, False)):
        s = 1 if up else -1

        def wind(p: Any, y: float = y, n: float = length, s: int = s) -> None:
            p.moveTo(8, y)
            p.lineTo(8 + n, y)
            p.curveTo(22 + n, y, 24 + n, y + 14 * s, 14 + n, y + 16 * s)
            p.curveTo(6 + n, y + 17 * s, 4 + n, y + 8 * s, 9 + n, y + 6 * s)

        _stroke(c, wind)


def _wave(c: Canvas) -> None:
    for y in (64, 40, 16):

        def build(p: Any, y: float = y) -> None:
            p.moveTo(6, y)
            for i in range(4):
                x0 = 6 + i * 22
                dy = 12 if i % 2 == 0 else -12
                p.curveTo(x0 + 7, y + dy, x0 + 15, y + dy, x0 + 22, y)

        _stroke(c, build)


def _door(c: Canvas) -> None:
    c.line(8, 6, 92, 6)
    c.rect(26, 6, 48, 86, stroke=1, fill=0)
    c.circle(64, 48, 5, stroke=0, fill=1)


def _placeholder(c: Canvas) -> None:
    c.setDash(10, 8)
    c.roundRect(14, 14, 72, 72, 12, stroke=1, fill=0)
    c.setDash()
    c.circle(50, 50, 6, stroke=0, fill=1)


PICTOGRAMS: dict[str, Draw] = {
    "calendar": _calendar,
    "clock": _clock,
    "sun": _sun,
    "moon": _moon,
    "bed": _bed,
    "house": _house,
    "people": _people,
    "phone": _phone,
    "pen": _pen,
    "heart": _heart,
    "thought": _thought,
    "face_happy": lambda c: _face(c, 1.0),
    "face_ok": lambda c: _face(c, 0.0),
    "face_sad": lambda c: _face(c, -1.0),
    "face_very_happy": lambda c: _face(c, 1.6),
    "face_very_sad": lambda c: _face(c, -1.6),
    "lightning": _lightning,
    "walk": _walk,
    "food": _food,
    "cup": _cup,
    "speech": _speech,
    "star": _star,
    "check": _check,
    "book": _book,
    "breath": _breath,
    "wave": _wave,
    "door": _door,
}
PLACEHOLDER = "placeholder"


class PictogramPainter:
    """Places pictograms on one canvas, defining each drawing once per document."""

    def __init__(self, canvas: Canvas) -> None:
        self._canvas = canvas
        self._defined: set[str] = set()

    def _define(self, name: str) -> str:
        form = f"pict_{name}"
        if form not in self._defined:
            c = self._canvas
            c.beginForm(form, -STROKE, -STROKE, UNIT + STROKE, UNIT + STROKE)
            c.setStrokeColor(INK)
            c.setFillColor(INK)
            c.setLineWidth(STROKE)
            c.setLineCap(1)
            c.setLineJoin(1)
            PICTOGRAMS.get(name, _placeholder)(c)
            c.endForm()
            self._defined.add(form)
        return form

    def draw(self, name: str | None, x: float, y: float, size: float) -> None:
        """Draw pictogram ``name`` with its lower-left corner at (x, y)."""
        key = name if name in PICTOGRAMS else PLACEHOLDER
        form = self._define(key)
        c = self._canvas
        c.saveState()
        c.translate(x, y)
        c.scale(size / UNIT, size / UNIT)
        c.doForm(form)
        c.restoreState()


# Word stems (English and Spanish) that suggest a pictogram for an instruction.
_KEYWORDS: dict[str, tuple[str, ...]] = {
    "pen": ("write", "escrib", "apunt", "anot"),
    "calendar": ("day", "daily", "week", "día", "dia", "semana", "date", "fecha"),
    "clock": ("time", "hour", "minute", "hora", "minuto", "rato", "when", "cuándo", "cuando"),
    "sun": ("morning", "wake", "woke", "mañana", "despert"),
    "moon": ("night", "evening", "noche"),
    "bed": ("sleep", "bed", "dorm", "cama", "acost", "sueño"),
    "house": ("home", "casa"),
    "people": ("people", "friend", "family", "gente", "amig", "famil", "who", "quién"),
    "phone": ("phone", "alarm", "teléfono", "móvil", "alarma"),
    "heart": ("feel", "emotion", "mood", "sient", "sentí", "emoci", "ánimo"),
    "thought": ("think", "thought", "pens", "idea"),
    "lightning": ("panic", "fear", "scared", "anx", "pánico", "miedo", "ansi", "susto"),
    "walk": ("walk", "activ", "move", "did", "camin", "pase", "hice", "hiciste"),
    "food": ("eat", "food", "meal", "comer", "comida", "come"),
    "cup": ("drink", "craving", "urge", "beb", "ganas", "antojo"),
    "speech": ("say", "talk", "tell", "ask", "habl", "cuent", "dile", "pregunt"),
    "star": ("proud", "orgull", "logr", "achiev"),
    "face_happy": ("happy", "glad", "good", "feliz", "content", "alegr", "bien"),
    "face_sad": ("sad", "bad", "down", "triste", "mal", "deca"),
    "face_ok": ("ok", "okay", "regular", "normal"),
    "check": ("tick", "mark", "done", "box", "marca", "casilla", "hecho"),
    "book": ("read", "lee", "leer"),
    "breath": ("breath", "respir"),
    "wave": ("calm", "relax", "tranquil", "calma"),
    "door": ("bring", "session", "trae", "sesión", "sesion"),
}
_WORD = re.compile(r"\w+", re.UNICODE)
_EXPLICIT = re.compile(r"^\s*\[([a-z_]+)\]\s*")


def split_explicit(text: str) -> tuple[str | None, str]:
    """``"[pen] Write it down"`` → ``("pen", "Write it down")``; no tag → ``(None, text)``."""
    m = _EXPLICIT.match(text)
    if m:
        return m.group(1), text[m.end() :]
    return None, text


def pictogram_for_text(text: str) -> str | None:
    """The pictogram whose keyword comes first in ``text`` (an ``[name]`` tag wins)."""
    tag, rest = split_explicit(text)
    if tag:
        return tag
    best: tuple[int, str] | None = None
    lowered = rest.lower()
    for m in _WORD.finditer(lowered):
        word = m.group(0)
        for name, stems in _KEYWORDS.items():
            if any(word.startswith(s) for s in stems):
                if best is None or m.start() < best[0]:
                    best = (m.start(), name)
                break
        if best is not None:
            break
    return best[1] if best else None
