"""The "entry_grid" form: an event record for easy reading (docs/clinical.md, Literacy levels).

Each question and each of its answers is printed once, at the left, with its
picture and words; every entry is a column of tick boxes beside them, so a week
of entries fits on one or two pages and no entry is split. A question answered
by a tick has its boxes on the question's own row; a write-in gets a few lines
per entry. On a fillable sheet the boxes are AcroForm fields named
``e<n>.<field_key>`` (checkbox options add ``.<index>``; faces are a radio group).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.units import mm

from practice.domain.vocabulary import LiteracyLevel
from practice.sheets.cells import Block, DrawContext
from practice.sheets.columns_form import fit
from practice.sheets.fillable import acro_form
from practice.sheets.model import FieldKind, SheetField
from practice.sheets.scales import check_box, face_choices, radio_box, tick_box, underline
from practice.sheets.styles import ACCENT, BORDER, INK, TINT, draw_lines

GRID_GAP = 1 * mm  # space above each grid
LABEL_SHARE = 0.4  # the words and pictures take at most this share of the width
MIN_BOX_COLUMN = 14 * mm  # an entry column of tick boxes
MIN_WRITE_COLUMN = 22 * mm  # an entry column when the grid has a write-in row
MIN_NUMBER_COLUMN = 15 * mm  # ... when every write-in is a number or a time
MAX_COLUMN = 34 * mm
FACE_LEVELS = (LiteracyLevel.EASY, LiteracyLevel.PICTORIAL)  # ratings drawn as faces
WRITE_LINES = 2
QUESTION_PAD = 1.5 * mm  # above and below a question's words
CHOICE_PAD = 0.4 * mm  # between two answers
BOX_SHARE = 0.8  # tick boxes a little smaller than the level's, so stacked ones stand apart


@dataclass
class Row:
    """One printed row: the field it answers, its choice index (None: the question)."""

    field: SheetField
    choice: int | None
    picture: str | None
    words: str
    height: float = 0.0


class EntryGrid:
    """Measures and draws the entry grids of one sheet as page blocks."""

    def __init__(
        self, ctx: DrawContext, fields: tuple[SheetField, ...], entries: int, width: float,
        page_room: float = math.inf,
    ) -> None:  # fmt: skip
        self.ctx, self.s = ctx, ctx.style
        self.page_room = page_room
        self.fields, self.entries, self.width = fields, entries, width
        self.label_w = self._label_width()
        writes = [f for f in fields if self._writes(f)]
        least = MIN_BOX_COLUMN
        if writes:  # a number needs less room than words
            numbers = all(f.kind in (FieldKind.NUMBER, FieldKind.TIME) for f in writes)
            least = MIN_NUMBER_COLUMN if numbers else MIN_WRITE_COLUMN
        self.per_grid = max(1, int((width - self.label_w) // least))
        self.rows = self._rows()

    # -- public -----------------------------------------------------------------
    def blocks(self) -> list[Block]:
        """One block per grid of up to ``per_grid`` entries.

        A grid stays on one page; only a grid taller than a page (large print)
        breaks, between two questions, with its entry numbers repeated on top.
        """
        blocks = []
        for first in range(1, self.entries + 1, self.per_grid):
            count = min(self.per_grid, self.entries - first + 1)
            if self._height() + GRID_GAP <= self.page_room:
                draw = self._drawer(first, count, self.rows)
                blocks.append(Block(self._height(), draw, space_before=GRID_GAP))
                continue
            head = self._head_height()
            repeat = Block(head, self._drawer(first, count, []))
            blocks.append(Block(head, repeat.draw, keep_with_next=True, space_before=GRID_GAP))
            for group in self._questions():
                height = sum(r.height for r in group)
                part = Block(height, self._drawer(first, count, group, head=False))
                part.repeat = repeat
                blocks.append(part)
        return blocks

    def _questions(self) -> list[list[Row]]:
        """The rows grouped by question (a question and its answers stay together)."""
        groups: list[list[Row]] = []
        for row in self.rows:
            if row.choice is None:
                groups.append([])
            groups[-1].append(row)
        return groups

    # -- sizes --------------------------------------------------------------------
    def _pic(self, question: bool) -> float:
        return self.s.field_picture * (1.0 if question else 0.8)

    def _choices(self, f: SheetField) -> list[tuple[str | None, str]]:
        if f.kind is FieldKind.CHECKBOXES:
            return [(f.option_pictogram(i), o) for i, o in enumerate(f.options)]
        if f.kind is FieldKind.RATING and self.s.level in FACE_LEVELS:
            return list(face_choices(self.s, self.ctx.language, f))
        return []

    def _writes(self, f: SheetField) -> bool:
        """Is ``f`` answered in words or numbers (a few lines per entry)?"""
        return f.kind not in (FieldKind.TICK, FieldKind.CHECKBOXES) and not self._choices(f)

    def _label_width(self) -> float:
        return self.width * LABEL_SHARE

    def _text_room(self, question: bool) -> float:
        pic = self._pic(question)
        return self.label_w - 2 * self.s.pad - (pic + 2 * mm if pic else 0.0)

    def _rows(self) -> list[Row]:
        s = self.s
        rows: list[Row] = []
        for f in self.fields:
            rows.append(Row(f, None, f.pictogram, f.label))
            for i, (picture, words) in enumerate(self._choices(f)):
                rows.append(Row(f, i, picture, words))
        for row in rows:
            question = row.choice is None
            font = s.bold if question else s.regular
            lines = fit(row.words, font, s.body, self._text_room(question))
            need = max(len(lines) * s.leading, self._pic(question) if row.picture else 0.0)
            if question and self._writes(row.field):
                need += WRITE_LINES * s.line_gap
            row.height = max(need, s.box) + (2 * QUESTION_PAD if question else CHOICE_PAD)
        return rows

    def _head_height(self) -> float:
        return self.s.leading + 2 * mm

    def _height(self) -> float:
        return self._head_height() + sum(r.height for r in self.rows)

    def _column_width(self, count: int) -> float:
        return min(MAX_COLUMN, (self.width - self.label_w) / max(count, 1))

    # -- drawing ------------------------------------------------------------------
    def _drawer(
        self, first: int, count: int, rows: list[Row], head: bool = True
    ) -> Callable[[float, float], None]:
        def draw(x: float, top: float) -> None:
            c, s = self.ctx.canvas, self.s
            col_w = self._column_width(count)
            table_w = self.label_w + count * col_w
            y = top
            if head:
                head_h = self._head_height()
                c.setFillColor(ACCENT)
                c.rect(x, top - head_h, table_w, head_h, stroke=0, fill=1)
                c.setFillColor(TINT)
                c.setFont(s.bold, s.body)
                for k in range(count):
                    cx = x + self.label_w + (k + 0.5) * col_w
                    c.drawCentredString(cx, top - head_h / 2 - 0.35 * s.body, str(first + k))
                y -= head_h
            for row in rows:
                self._draw_row(row, x, y, col_w, first, count, table_w)
                y -= row.height
            c.setStrokeColor(BORDER)
            c.setLineWidth(0.8)
            c.rect(x, y, table_w, top - y, stroke=1, fill=0)
            for k in range(count + 1):
                lx = x + self.label_w + k * col_w
                c.line(lx, top, lx, y)

        return draw

    def _draw_row(
        self, row: Row, x: float, top: float, col_w: float, first: int, count: int,
        table_w: float,
    ) -> None:  # fmt: skip
        ctx, s, c = self.ctx, self.s, self.ctx.canvas
        question = row.choice is None
        f = row.field
        if question:
            c.setFillColor(TINT)
            c.rect(x, top - row.height, table_w, row.height, stroke=0, fill=1)
            c.setStrokeColor(BORDER)
            c.setLineWidth(0.8)
            c.line(x, top, x + table_w, top)
        else:  # a faint line under each answer guides the eye across to its boxes
            c.setStrokeColor(TINT)
            c.setLineWidth(0.8)
            c.line(x, top - row.height, x + table_w, top - row.height)
        pic = self._pic(question) if row.picture else 0.0
        pad = QUESTION_PAD if question else CHOICE_PAD / 2
        tx = x + s.pad
        if pic:
            ctx.painter.draw(row.picture, tx, top - pad - pic, pic)
            tx += pic + 2 * mm
        font = s.bold if question else s.regular
        lines = fit(row.words, font, s.body, self._text_room(question))
        text_h = len(lines) * s.leading
        body_h = row.height - 2 * pad
        if question and self._writes(f):
            body_h -= WRITE_LINES * s.line_gap
        text_top = top - pad - max(0.0, (min(body_h, max(pic, text_h)) - text_h) / 2)
        draw_lines(c, lines, font, s.body, s.leading, tx, text_top, ACCENT if question else INK)
        for k in range(count):
            cx = x + self.label_w + k * col_w
            name = f"e{first + k}.{f.key}"
            self._draw_answer(row, name, cx, top, col_w)

    def _draw_answer(self, row: Row, name: str, x: float, top: float, col_w: float) -> None:
        ctx, s, c, f = self.ctx, self.s, self.ctx.canvas, row.field
        box = s.box * BOX_SHARE
        bx = x + (col_w - box) / 2
        by = top - row.height / 2 - box / 2
        if row.choice is not None:
            tick_box(c, bx, by, box)
            if ctx.fillable and f.kind is FieldKind.RATING:
                radio_box(c, name, str(row.choice), bx, by, box, row.words)
            elif ctx.fillable:
                check_box(c, f"{name}.{row.choice}", bx, by, box, row.words)
        elif f.kind is FieldKind.TICK:
            tick_box(c, bx, by, box)
            if ctx.fillable:
                check_box(c, name, bx, by, box, f.label)
        elif self._writes(f):
            bottom = top - row.height + s.pad
            for i in range(WRITE_LINES):
                underline(c, x + 1 * mm, bottom + i * s.line_gap, col_w - 2 * mm)
            if ctx.fillable:
                acro_form(c).textfield(
                    name=name, x=x + 1 * mm, y=bottom, width=col_w - 2 * mm,
                    height=WRITE_LINES * s.line_gap, fontSize=min(s.body, 12), borderWidth=0,
                    borderColor=None, fillColor=None, textColor=INK, tooltip=f.label,
                    fieldFlags="multiline",
                )  # fmt: skip


__all__ = ["EntryGrid"]
