"""Place the vocabulary's pictograms on a canvas (drawings in :mod:`pictogram_art`).

Every pictogram is drawn in a 100 × 100 unit box with thick round strokes. A
:class:`PictogramPainter` defines each one once per PDF as a form XObject and then
only places it, so a week of sheets carries each drawing once. Pictures come only
from a template's concept keys, never from its words; an unknown key draws a
neutral placeholder instead of failing.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from practice.sheets.pictogram_art import DRAWINGS, STROKE, UNIT, Draw
from practice.sheets.styles import INK

PICTOGRAMS: dict[str, Draw] = DRAWINGS
PLACEHOLDER = "placeholder"
MARGIN = STROKE  # a drawing may reach this far outside its box (half a stroke and more)


def _placeholder(c: Canvas) -> None:
    c.setDash(10, 8)
    c.roundRect(14, 14, 72, 72, 12, stroke=1, fill=0)
    c.setDash()
    c.circle(50, 50, 6, stroke=0, fill=1)


def paint(c: Canvas, name: str) -> None:
    """Draw pictogram ``name`` (or the placeholder) in the unit box at the origin."""
    c.setStrokeColor(INK)
    c.setFillColor(INK)
    c.setLineWidth(STROKE)
    c.setLineCap(1)
    c.setLineJoin(1)
    PICTOGRAMS.get(name, _placeholder)(c)


# Choice pictures "amount_<i>_<n>": a circle filled i/n (belief, likelihood scales).
AMOUNT = "amount_"


class PictogramPainter:
    """Places pictograms on one canvas, defining each drawing once per document."""

    def __init__(self, canvas: Canvas) -> None:
        self._canvas = canvas
        self._defined: set[str] = set()

    def _define(self, name: str) -> str:
        form = f"pict_{name}"
        if form not in self._defined:
            c = self._canvas
            c.beginForm(form, -MARGIN, -MARGIN, UNIT + MARGIN, UNIT + MARGIN)
            paint(c, name)
            c.endForm()
            self._defined.add(form)
        return form

    def draw(self, name: str | None, x: float, y: float, size: float) -> None:
        """Draw pictogram ``name`` with its lower-left corner at (x, y); ``amount_<i>_<n>``
        is a circle filled i/n (the pictures of a belief or likelihood scale)."""
        if name and name.startswith(AMOUNT):
            self._amount(name, x, y, size)
            return
        key = name if name in PICTOGRAMS else PLACEHOLDER
        form = self._define(key)
        c = self._canvas
        c.saveState()
        c.translate(x, y)
        c.scale(size / UNIT, size / UNIT)
        c.doForm(form)
        c.restoreState()

    def _amount(self, name: str, x: float, y: float, size: float) -> None:
        filled, total = (int(part) for part in name[len(AMOUNT) :].split("_"))
        c = self._canvas
        r = size * 0.42
        cx, cy = x + size / 2, y + size / 2
        c.saveState()
        c.setStrokeColor(INK)
        c.setFillColor(INK)
        c.setLineWidth(max(1.2, size / 18))
        c.circle(cx, cy, r, stroke=1, fill=1 if filled >= total else 0)
        if 0 < filled < total:
            c.wedge(cx - r, cy - r, cx + r, cy + r, 90, -360 * filled / total, stroke=0, fill=1)
        c.restoreState()


__all__ = ["AMOUNT", "MARGIN", "PICTOGRAMS", "PLACEHOLDER", "PictogramPainter", "paint"]
