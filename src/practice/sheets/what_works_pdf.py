""" "What works in my practice" as a PDF: the same report as the GUI page
(``practice.domain.what_works``), for the therapist (English, like the prep summary),
A4 or Letter, in the prep PDF's fonts; the table runs on to further pages when long.
"""

from __future__ import annotations

import io
from datetime import date

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from practice.domain import what_works as ww
from practice.domain.what_works import WhatWorksReport, WhatWorksRow
from practice.sheets.fonts import font_canvas, register_fonts
from practice.sheets.prep_summary import (  # the same page: margins, type sizes, footer
    BODY,
    FOOTER,
    LEADING,
    MARGIN,
    PAPER_SIZES,
    SMALL,
    TITLE,
    WARN,
    Paper,
    draw_footer,
)
from practice.sheets.styles import BORDER, INK, MUTED, TINT, wrap
from practice.sheets.wording import short_date

PAD = 1.6 * mm
# Column widths as shares of the text width: step, clients, occasions, completion,
# change, measures.
SHARES = (0.27, 0.08, 0.09, 0.15, 0.09, 0.32)


class WhatWorksPdf:
    """``generate()`` returns the PDF bytes of one :class:`WhatWorksReport`."""

    def __init__(self, report: WhatWorksReport, *, today: date, paper: Paper = "a4") -> None:
        if paper not in PAPER_SIZES:
            raise ValueError(f"Unknown paper {paper!r}: use 'a4' or 'letter'.")
        self.report = report
        self.today = today
        self.fonts = register_fonts()
        self.page_w, self.page_h = PAPER_SIZES[paper]
        self.width = self.page_w - 2 * MARGIN
        self.widths = [s * self.width for s in SHARES]
        self.page = 1

    def generate(self) -> bytes:
        buf = io.BytesIO()
        c = font_canvas(buf, (self.page_w, self.page_h))
        c.setTitle(ww.TITLE)
        c.setSubject("Practice report: what works in my practice")
        c.setAuthor("Practice")
        c.setCreator("Practice")
        y = self._header(c)
        if not self.report.rows:
            y = self._para(c, ww.EMPTY, MARGIN, y, self.width)
        else:
            y = self._table_head(c, y)
            for row in self.report.rows:
                cells, too_few = self._cells(row), self._too_few(row)
                height = self._row_height(cells, too_few)
                if y - height < MARGIN + FOOTER:
                    y = self._new_page(c)
                    y = self._table_head(c, y)
                y = self._row(c, cells, too_few, y, height)
        if self.report.left_out:
            y = self._para(c, ww.LEFT_OUT.format(n=self.report.left_out), MARGIN, y - 2 * mm,
                           self.width, color=MUTED)  # fmt: skip
        self._footer(c)
        c.showPage()
        c.save()
        return buf.getvalue()

    # ---- parts ---------------------------------------------------------------------

    def _header(self, c: Canvas) -> float:
        y = self.page_h - MARGIN
        c.setFillColor(INK)
        c.setFont(self.fonts.bold, TITLE)
        c.drawString(MARGIN, y - TITLE, ww.TITLE)
        c.setFont(self.fonts.regular, SMALL)
        c.setFillColor(MUTED)
        c.drawRightString(
            self.page_w - MARGIN, y - TITLE, f"Prepared {short_date(self.today, year=True)}"
        )
        y -= TITLE + 3 * mm
        y = self._para(c, ww.NOTE, MARGIN, y, self.width)
        over = ww.OVER.format(reviews=self.report.reviews, clients=self.report.clients)
        return self._para(c, over, MARGIN, y - 1 * mm, self.width, color=MUTED) - 3 * mm

    def _cells(self, row: WhatWorksRow) -> list[list[str]]:
        """Each cell's wrapped lines."""

        def fit(text: str, col: int, bold: bool = False) -> list[str]:
            font = self.fonts.bold if bold else self.fonts.regular
            return wrap(text, font, BODY, self.widths[col] - 2 * PAD) or [""]

        measures: list[str] = []
        for line in ww.measure_lines(row):
            measures.extend(fit(line, 5))
        return [
            fit(row.label, 0, bold=True),
            [str(row.clients)],
            [str(row.occasions)],
            fit(ww.before_after(row.completion), 3),
            [ww.change_text(row.completion)],  # the shown after minus the shown before
            measures or ["\u2014"],
        ]

    def _too_few(self, row: WhatWorksRow) -> list[str]:
        """The line under a row with too few occasions (empty: none)."""
        if not row.too_few:
            return []
        text = ww.TOO_FEW.format(n=row.occasions)
        return wrap(text, self.fonts.regular, BODY, self.width - self.widths[0] - 2 * PAD)

    def _row_height(self, cells: list[list[str]], too_few: list[str]) -> float:
        return (max(len(lines) for lines in cells) + len(too_few)) * LEADING + 2 * PAD

    def _table_head(self, c: Canvas, y: float) -> float:
        cells = [
            wrap(" ".join(h.split()), self.fonts.bold, SMALL, w - 2 * PAD)
            for h, w in zip(ww.HEADERS, self.widths, strict=True)
        ]
        height = max(len(lines) for lines in cells) * (SMALL + 2) + 2 * PAD
        c.setFillColor(TINT)
        c.rect(MARGIN, y - height, self.width, height, stroke=0, fill=1)
        x = MARGIN
        c.setFillColor(INK)
        c.setFont(self.fonts.bold, SMALL)
        for lines, w in zip(cells, self.widths, strict=True):
            for i, line in enumerate(lines):
                c.drawString(x + PAD, y - PAD - SMALL - i * (SMALL + 2), line)
            x += w
        return y - height

    def _row(self, c: Canvas, cells: list[list[str]], too_few: list[str], y: float,
             height: float) -> float:  # fmt: skip
        x = MARGIN
        c.setFillColor(INK)
        for col, (lines, w) in enumerate(zip(cells, self.widths, strict=True)):
            c.setFont(self.fonts.bold if col == 0 else self.fonts.regular, BODY)
            for i, line in enumerate(lines):
                c.drawString(x + PAD, y - PAD - BODY - i * LEADING, line)
            x += w
        if too_few:  # under the numbers, across the table
            top = y - PAD - BODY - max(len(lines) for lines in cells) * LEADING
            c.setFillColor(WARN)
            c.setFont(self.fonts.regular, BODY)
            for i, line in enumerate(too_few):
                c.drawString(MARGIN + self.widths[0] + PAD, top - i * LEADING, line)
        c.setStrokeColor(BORDER)
        c.setLineWidth(0.4)
        c.line(MARGIN, y - height, MARGIN + self.width, y - height)
        return y - height

    def _para(self, c: Canvas, text: str, x: float, y: float, width: float, *,
              color: Color = INK) -> float:  # fmt: skip
        c.setFillColor(color)
        c.setFont(self.fonts.regular, BODY)
        lines = wrap(text, self.fonts.regular, BODY, width)
        for i, line in enumerate(lines):
            c.drawString(x, y - BODY - i * LEADING, line)
        return y - len(lines) * LEADING

    def _new_page(self, c: Canvas) -> float:
        self._footer(c)
        c.showPage()
        self.page += 1
        return self.page_h - MARGIN

    def _footer(self, c: Canvas) -> None:
        draw_footer(
            c, self.fonts.regular, self.page_w,
            "Practice · what works in my practice · observations, not causes · confidential",
            f"Page {self.page}",
        )  # fmt: skip
