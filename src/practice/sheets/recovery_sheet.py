"""The printable recovery key: one page, the key in large monospace, and what it is for.

The sheet font (sheets/fonts.py), embedded, so the page prints the same everywhere;
the key's groups of four sit in equal cells, so they line up in columns. Fits A4 and Letter.
"""

from __future__ import annotations

import io
from datetime import datetime

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from practice.sheets.fonts import font_canvas, register_fonts

MARGIN = 22 * mm
TITLE_SIZE = 22
BODY_SIZE = 11.5
KEY_SIZE = 22
GROUPS_PER_LINE = 5

COMMAND = "practice change-passphrase --db PATH --recovery-key"
COMMAND_SIZE = 10.5
INSTRUCTIONS = (
    "This key opens your Practice records if the passphrase is forgotten. "
    "Anyone who has it and a copy of your files can read them, so keep this page "
    "as you would keep paper records: in a locked drawer or a safe, away from the computer.",
    "To use it: open Practice, choose \u201cUse the recovery key\u201d on the passphrase "
    "screen, type the key (capital or small letters, with or without the dashes), "
    "then choose a new passphrase.",
    "From the command line:",
    "Changing the passphrase does not change this key. It also opens every backup "
    "of this practice, and it still works if the key file (.key.json) is lost: it "
    "writes a new one.",
)


def _wrap(canvas: Canvas, text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if canvas.stringWidth(trial, font, size) <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def _draw_groups(canvas: Canvas, centre: float, y: float, groups: list[str], cell: float) -> None:
    """``groups`` centred on ``centre``, each centred in a cell ``cell`` wide."""
    x = centre - len(groups) * cell / 2
    for group in groups:
        canvas.drawCentredString(x + cell / 2, y, group)
        x += cell


def recovery_key_pdf(
    recovery_key: str, *, practice: str, created: datetime, paper: str = "a4"
) -> bytes:
    """The recovery page as PDF bytes; ``practice`` names the database file it opens."""
    pagesize = {"a4": A4, "letter": LETTER}[paper]
    buf = io.BytesIO()
    fonts = register_fonts()
    regular, bold = fonts.regular, fonts.bold
    canvas = font_canvas(buf, pagesize)
    canvas.setTitle("Practice recovery key")
    canvas.setAuthor("Practice")
    width, height = pagesize
    text_width = width - 2 * MARGIN
    y = height - MARGIN - TITLE_SIZE

    canvas.setFont(bold, TITLE_SIZE)
    canvas.drawString(MARGIN, y, "Practice \u2014 recovery key")
    y -= 10 * mm
    canvas.setFont(regular, BODY_SIZE)
    for line in _wrap(canvas, f"For: {practice}", regular, BODY_SIZE, text_width):
        canvas.drawString(MARGIN, y, line)
        y -= BODY_SIZE * 1.4
    canvas.drawString(MARGIN, y, f"Made: {created.strftime('%Y-%m-%d %H:%M')}")
    y -= 14 * mm

    groups = recovery_key.split("-")
    lines = [groups[i : i + GROUPS_PER_LINE] for i in range(0, len(groups), GROUPS_PER_LINE)]
    box_height = len(lines) * KEY_SIZE * 1.6 + 12 * mm
    canvas.setLineWidth(1.5)
    canvas.roundRect(MARGIN, y - box_height + 8 * mm, text_width, box_height, 4 * mm)
    canvas.setFont(bold, KEY_SIZE)
    cell = (text_width - 8 * mm) / GROUPS_PER_LINE
    y -= 2 * mm
    for row in lines:
        _draw_groups(canvas, width / 2, y - KEY_SIZE * 0.4, row, cell)
        y -= KEY_SIZE * 1.6
    y -= 16 * mm

    canvas.setFont(regular, BODY_SIZE)
    for paragraph in INSTRUCTIONS:
        for line in _wrap(canvas, paragraph, regular, BODY_SIZE, text_width):
            canvas.drawString(MARGIN, y, line)
            y -= BODY_SIZE * 1.45
        if paragraph == "From the command line:":
            canvas.setFont(bold, COMMAND_SIZE)
            canvas.drawString(MARGIN + 6 * mm, y, COMMAND, charSpace=0.6)  # "--" stays two
            canvas.setFont(regular, BODY_SIZE)
            y -= BODY_SIZE * 1.45
        y -= BODY_SIZE * 0.8
    canvas.showPage()
    canvas.save()
    return buf.getvalue()
