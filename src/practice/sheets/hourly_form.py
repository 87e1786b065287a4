"""Beck's activity schedule as a grid: hours down, the sheet's days across.

At standard each row is one hour (6 am to midnight); at lower levels the rows are
the parts of the day (morning, afternoon, evening), a few lines each. Every cell
has room to write the activity and two small rating spots (M and P: mastery and
pleasure, 0-10), so each activity is rated on its own. A legend above the grid
names both ends of each rating. The grid stays on one page when it fits one;
otherwise it splits by rows, each part under the day header again.

Fillable names: ``d<i>.<row>.<field_key>`` (``d3.h14.activity``, ``d3.h14.mastery``,
``d1.morning2.pleasure``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm

from practice.domain.vocabulary import LiteracyLevel
from practice.sheets import wording
from practice.sheets.cells import Block, DrawContext
from practice.sheets.fillable import DAY_PARTS, acro_form
from practice.sheets.model import FieldKind, SheetField, SheetText
from practice.sheets.styles import BORDER, INK, RULE, TINT, draw_lines, wrap

HOURS = tuple(range(6, 24))
PARTS = DAY_PARTS
MAX_DAYS_ACROSS = 7  # longer spans print a second grid
MAX_ROW = 14 * mm
MIN_ROW = 9 * mm
MIN_FIRST_ROWS = 4  # fewer rows than this under the instructions: the grid starts on page 2
GRID_SPACE = 5 * mm  # above each grid


@dataclass(frozen=True)
class GridRow:
    key: str  # name part between the day and the field ("h06", "morning1")
    label: str  # printed in the first column ("" under a part's first line)
    picture: str | None = None
    first: bool = True  # first line of its group: a heavier rule above it
    span: int = 1  # lines the label covers (a part of the day)


def grid_rows(text: SheetText) -> list[GridRow]:
    """An hour per row at standard; otherwise each part of the day, ``lines`` rows each."""
    lang = text.language
    if text.level is LiteracyLevel.STANDARD:
        return [GridRow(f"h{h:02d}", wording.hour_label(h, lang)) for h in HOURS]
    lines = max(1, write_field(text).lines)
    rows: list[GridRow] = []
    for part in PARTS:
        for n in range(1, lines + 1):
            label = wording.label(part, lang) if n == 1 else ""
            rows.append(GridRow(f"{part}{n}", label, part, n == 1, lines if n == 1 else 0))
    return rows


def write_field(text: SheetText) -> SheetField:
    """The field written in each cell (the activity): the first one that is not a rating."""
    return next((f for f in text.fields if f.kind is not FieldKind.RATING), text.fields[0])


def spot_letter(field: SheetField) -> str:
    """The letter printed at a rating spot: the first letter of its label ("M", "P")."""
    return field.label[:1].upper()


class HourlyGrid:
    """The activity grid of one sheet, as blocks for the page layout."""

    def __init__(
        self, ctx: DrawContext, text: SheetText, days: list[tuple[int, date | None]],
        width: float, available: float,
    ) -> None:  # fmt: skip
        self.ctx, self.text, self.width, self.available = ctx, text, width, available
        s = ctx.style
        self.days = days
        self.write = write_field(text)
        self.ratings = [
            f for f in text.fields if f.kind is FieldKind.RATING and f is not self.write
        ][:2]
        self.rows = grid_rows(text)
        self.min_row = max(MIN_ROW, s.leading * 1.25)
        labels = [r.label for r in self.rows] + [wording.label("hour", text.language)]
        widest = max(ctx.canvas.stringWidth(t, s.bold, s.body) for t in labels)
        picture = s.field_picture * 0.8 if (s.field_picture and self.rows[0].picture) else 0.0
        self.picture = picture
        self.label_w = widest + 2 * s.pad + (picture + 2 * mm if picture else 0.0)
        self.spot_size = max(8.0, min(s.body - 3, 11.0))
        self.legend = self._legend_lines()
        # Room left on page 1 under the instructions (set by the sheet): the grid's
        # first hours (parts of the day) share page 1 when the whole grid does not fit.
        self.first_room = available

    # -- measures -----------------------------------------------------------------
    def _legend_lines(self) -> list[str]:
        s = self.ctx.style
        items = [f"{spot_letter(f)} = {f.hint}" if f.hint else f.label for f in self.ratings]
        joined = "     ".join(items)
        if self.ctx.canvas.stringWidth(joined, s.regular, s.body) <= self.width:
            return [joined]
        return [line for item in items for line in wrap(item, s.regular, s.body, self.width)]

    def _header_h(self) -> float:
        return self.ctx.style.leading + 2.5 * mm

    def _legend_h(self) -> float:
        return len(self.legend) * self.ctx.style.leading + 1.5 * mm

    def _chunks(self, legend: bool, first: bool = False) -> list[tuple[list[GridRow], float]]:
        """Rows split so each part fits a page (parts of the day stay whole), with the
        room each part fills; with ``first``, the first part fits the room left on page 1."""
        furniture = GRID_SPACE + self._header_h() + (self._legend_h() if legend else 0.0)
        rows = self.rows
        lead: list[tuple[list[GridRow], float]] = []
        whole = furniture + len(rows) * self.min_row
        if first and whole <= self.first_room < self.available:  # all on page 1
            return [(rows, self.first_room)]
        on_a_page = whole - GRID_SPACE <= self.available  # a block on top drops its space
        one_page = self.text.level is LiteracyLevel.STANDARD and on_a_page
        if first and whole > self.first_room and not one_page:  # Beck's grid: one page
            fit = int((self.first_room - furniture) // self.min_row)
            group = max(r.span for r in rows)  # a part of the day is not split
            fit -= fit % group
            if fit >= max(MIN_FIRST_ROWS, group):
                lead = [(rows[:fit], self.first_room)]
                rows = rows[fit:]
                furniture -= self._legend_h() if legend else 0.0
        room = self.available - furniture + GRID_SPACE
        per_page = max(1, int(room // self.min_row))
        if len(rows) <= per_page:
            return [*lead, (rows, self.available)]
        pages = -(-len(rows) // per_page)
        size = -(-len(rows) // pages)
        return [*lead, *((rows[i : i + size], self.available) for i in range(0, len(rows), size))]

    # -- blocks -------------------------------------------------------------------
    def blocks(self) -> list[Block]:
        blocks: list[Block] = []
        for start in range(0, len(self.days), MAX_DAYS_ACROSS):
            days = list(enumerate(self.days))[start : start + MAX_DAYS_ACROSS]
            first = start == 0
            for n, (rows, room) in enumerate(self._chunks(legend=True, first=first)):
                blocks.append(self._grid_block(days, rows, legend=n == 0, room=room))
        return blocks

    def _grid_block(
        self, days: list[tuple[int, tuple[int, date | None]]], rows: list[GridRow], legend: bool,
        room: float,
    ) -> Block:  # fmt: skip
        legend_h = self._legend_h() if legend else 0.0
        header_h = self._header_h()
        space = GRID_SPACE if room < self.available else 0.0  # under the instructions
        fill = (room - 1 - space - legend_h - header_h) / len(rows)  # 1 pt: rounding
        row_h = max(self.min_row, min(MAX_ROW, fill))
        height = legend_h + header_h + row_h * len(rows)
        day_w = (self.width - self.label_w) / len(days)

        def draw(x: float, top: float) -> None:
            if legend:
                self._draw_legend(x, top)
            self._draw_grid(x, top - legend_h, days, rows, row_h, day_w, header_h)

        return Block(height, draw, space_before=GRID_SPACE)

    # -- drawing ------------------------------------------------------------------
    def _draw_legend(self, x: float, top: float) -> None:
        s, c = self.ctx.style, self.ctx.canvas
        draw_lines(c, self.legend, s.regular, s.body, s.leading, x, top, INK)

    def _draw_grid(
        self, x: float, top: float, days: list[tuple[int, tuple[int, date | None]]],
        rows: list[GridRow], row_h: float, day_w: float, header_h: float,
    ) -> None:  # fmt: skip
        s, c, lang = self.ctx.style, self.ctx.canvas, self.text.language
        bottom = top - header_h - row_h * len(rows)
        c.setFillColor(TINT)
        c.rect(x, top - header_h, self.width, header_h, stroke=0, fill=1)
        c.rect(x, bottom, self.label_w, top - header_h - bottom, stroke=0, fill=1)
        head = wording.label("hour", lang) if self.text.level is LiteracyLevel.STANDARD else ""
        draw_lines(c, [head], s.bold, s.body, s.leading, x + s.pad, top - 1.25 * mm, INK)
        for col, (_, (weekday, day)) in enumerate(days):
            cx = x + self.label_w + col * day_w
            words = wording.short_day(weekday, day, lang)
            draw_lines(
                c, [words], s.bold, s.body, s.leading, cx, top - 1.25 * mm, INK,
                align="center", width=day_w,
            )  # fmt: skip
        for r, row in enumerate(rows):
            row_top = top - header_h - r * row_h
            self._draw_row(x, row_top, row, row_h, days, day_w)
        c.setStrokeColor(BORDER)
        c.setLineWidth(1)
        c.rect(x, bottom, self.width, top - bottom, stroke=1, fill=0)
        c.line(x, top - header_h, x + self.width, top - header_h)
        for col in range(len(days)):
            cx = x + self.label_w + col * day_w
            c.line(cx, top, cx, bottom)

    def _draw_row(
        self, x: float, top: float, row: GridRow, row_h: float,
        days: list[tuple[int, tuple[int, date | None]]], day_w: float,
    ) -> None:  # fmt: skip
        s, c, ctx = self.ctx.style, self.ctx.canvas, self.ctx
        if row.label:
            span_h = row_h * max(1, row.span)
            ty = top - span_h / 2 + s.leading / 2
            tx = x + s.pad
            if self.picture and row.picture:
                ctx.painter.draw(row.picture, tx, top - span_h / 2 - self.picture / 2, self.picture)
                tx += self.picture + 2 * mm
            draw_lines(c, [row.label], s.bold, s.body, s.leading, tx, ty, INK)
        c.setStrokeColor(BORDER if row.first else RULE)
        c.setLineWidth(1 if row.first else 0.6)
        left = x if row.first else x + self.label_w
        c.line(left, top, x + self.width, top)
        for col, (index, _) in enumerate(days):
            self._draw_cell(x + self.label_w + col * day_w, top, day_w, row_h, index, row)

    def _draw_cell(
        self, x: float, top: float, width: float, height: float, index: int, row: GridRow
    ) -> None:
        s, c, ctx = self.ctx.style, self.ctx.canvas, self.ctx
        size = self.spot_size
        line_w = size * 2.0
        letter_w = max(
            (c.stringWidth(spot_letter(f), s.bold, size) for f in self.ratings), default=0
        )
        spot_w = letter_w + 1 * mm + line_w if self.ratings else 0.0
        sx = x + width - spot_w - 1.5 * mm
        slot = height / max(1, len(self.ratings))
        prefix = f"d{index + 1}.{row.key}"
        for i, f in enumerate(self.ratings):
            base = top - slot * i - slot / 2 - 0.35 * size
            c.setFillColor(INK)
            c.setFont(s.bold, size)
            c.drawString(sx, base, spot_letter(f))
            lx = sx + letter_w + 1 * mm
            c.setStrokeColor(INK)
            c.setLineWidth(0.6)
            c.line(lx, base - 0.6 * mm, lx + line_w, base - 0.6 * mm)
            if ctx.fillable:
                acro_form(c).textfield(
                    name=f"{prefix}.{f.key}", x=lx, y=base - 0.8 * mm, width=line_w,
                    height=min(slot - 0.5 * mm, size * 1.3), fontSize=size, borderWidth=0,
                    borderColor=None, fillColor=None, textColor=INK, maxlen=2,
                    tooltip=f.label,
                )  # fmt: skip
        if ctx.fillable:
            acro_form(c).textfield(
                name=f"{prefix}.{self.write.key}", x=x + 1, y=top - height + 1,
                width=sx - x - 2 * mm, height=height - 2, fontSize=min(s.body, 10) - 1,
                borderWidth=0, borderColor=None, fillColor=None, textColor=INK,
                fieldFlags="multiline", tooltip=f"{self.write.label} {row.label}".strip(),
            )  # fmt: skip


__all__ = ["HOURS", "PARTS", "GridRow", "HourlyGrid", "grid_rows", "spot_letter", "write_field"]
