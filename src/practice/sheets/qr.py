"""Vector QR codes for assignment codes, drawn straight onto the canvas.

ReportLab's own QR encoder computes the modules (cached per value); the dark runs
of each row become rectangles of one filled path, which is far quicker to render
than the graphics widget and stays vector (no raster image).
"""

from __future__ import annotations

import itertools
from functools import lru_cache

from reportlab.graphics.barcode import qrencoder
from reportlab.pdfgen.canvas import Canvas

from practice.sheets.styles import INK

QUIET_ZONE = 2  # modules of white around the code (the sheet margin adds the rest)


@lru_cache(maxsize=1024)
def qr_runs(value: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """(module count, dark runs as (row, column, length)) for ``value``."""
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(value)
    qr.make()
    runs: list[tuple[int, int, int]] = []
    for r, row in enumerate(qr.modules):
        col = 0
        for dark, group in itertools.groupby(bool(m) for m in row):
            n = len(list(group))
            if dark:
                runs.append((r, col, n))
            col += n
    return qr.getModuleCount(), tuple(runs)


def draw_qr(c: Canvas, value: str, x: float, y: float, size: float) -> None:
    """Draw the QR code of ``value`` in a ``size`` square with lower-left corner (x, y)."""
    count, runs = qr_runs(value)
    module = size / (count + 2 * QUIET_ZONE)
    p = c.beginPath()
    for r, col, n in runs:
        p.rect(
            x + (col + QUIET_ZONE) * module,
            y + size - (r + 1 + QUIET_ZONE) * module,
            n * module,
            module,
        )
    c.saveState()
    c.setFillColor(INK)
    c.drawPath(p, stroke=0, fill=1)
    c.restoreState()
