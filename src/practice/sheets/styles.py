"""Type sizes, spacing and colours per literacy level (docs/clinical.md, Literacy levels).

One place decides how big things are: the renderers never pick a size themselves.
Emphasis is bold, never italics or all-caps.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from practice.domain.vocabulary import LiteracyLevel
from practice.sheets import glyphs
from practice.sheets.fonts import register_fonts

INK: Color = HexColor("#1b1b1b")
MUTED: Color = HexColor("#3b4850")  # hints: still dark enough for low vision
ACCENT: Color = HexColor("#1d5b75")
TINT: Color = HexColor("#e6f0f4")
RULE: Color = HexColor("#7d8c96")  # write-in lines
BORDER: Color = HexColor("#5f707b")
WHITE: Color = HexColor("#ffffff")

MIN_LINE_GAP = 9 * mm  # write-in lines never closer (docs/clinical.md, Literacy levels)
LARGE_PRINT_MIN_BODY = 18.0

# level: (body, heading) in points, straight from the levels table.
LEVEL_SIZES: dict[LiteracyLevel, tuple[float, float]] = {
    LiteracyLevel.STANDARD: (12.0, 16.0),
    LiteracyLevel.PLAIN: (14.0, 18.0),
    LiteracyLevel.EASY: (16.0, 20.0),
    LiteracyLevel.PICTORIAL: (18.0, 24.0),
}


@dataclass(frozen=True)
class SheetStyle:
    """Every measure a renderer needs for one level (and print size)."""

    level: LiteracyLevel
    large_print: bool
    regular: str  # font names
    bold: str
    body: float  # body text (instructions, labels, hints)
    heading: float  # section headings
    main: float  # the one main message at the top
    small: float  # footer
    leading: float  # body line height
    heading_leading: float
    main_leading: float
    line_gap: float  # distance between write-in lines
    box: float  # tick box side
    instruction_picture: float  # 0: no pictures beside instructions
    field_picture: float  # 0: no pictures beside fields
    columns: int  # field cells side by side in an entry block
    pad: float  # inner padding of boxes and cells

    @property
    def pictures(self) -> bool:
        return self.instruction_picture > 0


@lru_cache(maxsize=16)
def sheet_style(level: LiteracyLevel, large_print: bool = False) -> SheetStyle:
    """The style of one level; cached, so every sheet shares one instance."""
    fonts = register_fonts()
    body, heading = LEVEL_SIZES[level]
    if large_print:
        body = max(LARGE_PRINT_MIN_BODY, body + 4)
        heading = body + 6
    main = heading + 6
    pictorial = level is LiteracyLevel.PICTORIAL
    easy = level is LiteracyLevel.EASY
    if pictorial:
        instruction_picture, field_picture = body * 2.3, body * 2.1
    elif easy:
        instruction_picture, field_picture = body * 2.0, body * 1.8
    elif level is LiteracyLevel.PLAIN:
        instruction_picture, field_picture = 0.0, body * 1.5
    else:
        instruction_picture, field_picture = 0.0, 0.0
    two_columns = level in (LiteracyLevel.STANDARD, LiteracyLevel.PLAIN) and not large_print
    return SheetStyle(
        level=level,
        large_print=large_print,
        regular=fonts.regular,
        bold=fonts.bold,
        body=body,
        heading=heading,
        main=main,
        small=max(9.0, body - 3) if not large_print else 14.0,
        leading=round(body * 1.45, 2),
        heading_leading=round(heading * 1.3, 2),
        main_leading=round(main * 1.2, 2),
        line_gap=max(MIN_LINE_GAP, body * 1.75),
        box=body * (1.7 if pictorial else 1.4 if easy else 1.2),
        instruction_picture=instruction_picture,
        field_picture=field_picture,
        columns=2 if two_columns else 1,
        pad=max(1.8 * mm, body * 0.4),
    )


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Split ``text`` into lines that fit ``width`` (never clips: long words overflow)."""
    if not glyphs.covered(text, font):  # widths of the fallback fonts (sheets/glyphs.py)
        return glyphs.wrap(text, font, size, max(width, size)) or [""]
    lines: list[str] = simpleSplit(text, font, size, max(width, size))
    return lines or [""]


def baseline(top: float, leading: float, size: float, line: int = 0) -> float:
    """Baseline of line ``line`` of a text block whose first line box starts at ``top``."""
    return top - line * leading - leading / 2 - 0.35 * size


def draw_lines(
    c: Canvas,
    lines: list[str],
    font: str,
    size: float,
    leading: float,
    x: float,
    top: float,
    color: Color = INK,
    align: str = "left",
    width: float = 0.0,
) -> float:
    """Draw wrapped lines from ``top`` down; return the height used."""
    c.setFillColor(color)
    c.setFont(font, size)
    for i, line in enumerate(lines):
        y = baseline(top, leading, size, i)
        if align == "center":
            c.drawCentredString(x + width / 2, y, line)
        elif align == "right":
            c.drawRightString(x + width, y, line)
        else:
            c.drawString(x, y, line)
    return len(lines) * leading
