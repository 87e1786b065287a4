"""The "tick_grid" form: an event record for easy reading (docs/clinical.md, Literacy levels).

A landscape table with one row per entry and one column per answer: a header band
groups the columns of each question under its pictogram and short label, and
each answer (an option, a face) is its own narrow column headed by its picture
and its word in small print. A row holds one tick box per answer, so rows flow
onto the next page under the repeated header and an entry never splits. When the
answers do not fit one band across the page, the questions are shared over two
or three bands (tiers): the header stacks them and each entry stacks its rows.
On a fillable sheet the boxes are AcroForm fields named ``e<n>.<field_key>``
(checkbox options add ``.<index>``; faces are a radio group with values "0", "1", ...).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from practice.domain.vocabulary import LiteracyLevel
from practice.sheets.cells import Block, DrawContext
from practice.sheets.columns_form import fit
from practice.sheets.fillable import acro_form
from practice.sheets.model import FieldKind, SheetField
from practice.sheets.scales import (
    check_box,
    draw_choice_picture,
    face_choices,
    radio_box,
    tick_box,
    underline,
)
from practice.sheets.styles import ACCENT, BORDER, INK, TINT, draw_lines

HEADER_GAP = 2 * mm  # space above the table
NUMBER_COLUMN = 11 * mm
MIN_COLUMN = {LiteracyLevel.PICTORIAL: 16 * mm}  # an answer column; other levels: EASY_COLUMN
EASY_COLUMN = 11.5 * mm
MAX_COLUMN = 24 * mm
WRITE_COLUMN = {FieldKind.NUMBER: 20 * mm, FieldKind.TIME: 20 * mm}  # others: TEXT_COLUMN
TEXT_COLUMN = 40 * mm
LABEL_SIZE = 13.0  # the question's short label in the band (its picture says it first)
WORD_SIZE = 9.0  # an answer's word under its picture
MIN_WORD_SIZE = 7.0
MAX_TIERS = 3
ANSWER_PICTURE = 0.75  # an answer's picture, to the question's
TICK_COLUMNS = 2  # a single tick takes the width of this many answers
ROW_PAD = 1 * mm  # above and below a row's tick boxes
MIN_ROW = {LiteracyLevel.PICTORIAL: 13 * mm, LiteracyLevel.EASY: 11 * mm}
QUESTION_RULE = 1.6  # the line between two questions, heavier than between answers


@dataclass
class Group:
    """One question: its answer columns ((picture, word) each; none for a tick or write-in)."""

    field: SheetField
    choices: list[tuple[str | None, str]]
    width: float = 0.0

    @property
    def writes(self) -> bool:
        return not self.choices and self.field.kind is not FieldKind.TICK

    @property
    def columns(self) -> int:
        return max(1, len(self.choices))

    @property
    def span(self) -> int:
        """How many answer widths the group takes (a tick: room for its label)."""
        return self.columns if self.choices else TICK_COLUMNS


class TickGrid:
    """Measures and draws the tick grid of one sheet as page blocks."""

    def __init__(
        self, ctx: DrawContext, fields: tuple[SheetField, ...], entries: int, width: float
    ) -> None:
        self.ctx, self.s = ctx, ctx.style
        self.entries, self.width = entries, width
        self.least = MIN_COLUMN.get(self.s.level, EASY_COLUMN)
        self.label_size = min(self.s.body, LABEL_SIZE)
        self.word_size = min(self.s.small, WORD_SIZE)
        self.groups = [Group(f, self._choices(f)) for f in fields]
        self.tiers = self._tiers()
        for tier in self.tiers:
            self._size(tier)

    # -- public -----------------------------------------------------------------
    def blocks(self) -> list[Block]:
        """The header, then one block per entry (each repeats the header on a new page)."""
        head_h = self._header_height()
        header = Block(head_h, self._draw_header, keep_with_next=True, space_before=HEADER_GAP)
        repeat = Block(head_h, self._draw_header)
        blocks = [header]
        for n in range(1, self.entries + 1):
            row = Block(self._entry_height(), self._entry_drawer(n))
            row.repeat = repeat
            blocks.append(row)
        return blocks

    # -- sizes --------------------------------------------------------------------
    def _choices(self, f: SheetField) -> list[tuple[str | None, str]]:
        if f.kind is FieldKind.CHECKBOXES:
            return [(f.option_pictogram(i), o) for i, o in enumerate(f.options)]
        if f.kind is FieldKind.RATING:
            return [(p, w) for p, w in face_choices(self.s, self.ctx.language, f)]
        return []

    def _least_width(self, g: Group) -> float:
        if g.writes:
            return WRITE_COLUMN.get(g.field.kind, TEXT_COLUMN)
        return g.span * self.least

    def _tiers(self) -> list[list[Group]]:
        """The questions shared over the fewest bands that fit the width, the widest band
        as narrow as it can be."""
        room = self.width - NUMBER_COLUMN
        n = len(self.groups)
        widths = [self._least_width(g) for g in self.groups]
        best: list[list[Group]] = [self.groups]
        for count in range(1, min(MAX_TIERS, n) + 1):
            found: tuple[float, list[list[Group]]] | None = None
            for cuts in combinations(range(1, n), count - 1):
                bounds = [0, *cuts, n]
                parts = [self.groups[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
                widest = max(sum(widths[a:b]) for a, b in zip(bounds, bounds[1:], strict=False))
                if found is None or widest < found[0]:
                    found = (widest, parts)
            assert found is not None
            best = found[1]
            if found[0] <= room:
                break
        return best

    def _size(self, tier: list[Group]) -> None:
        """Answer columns share the room the write-ins leave, up to MAX_COLUMN each; where
        the room is short, a column whose words are long keeps more of it."""
        room = self.width - NUMBER_COLUMN - sum(self._least_width(g) for g in tier if g.writes)
        answers = [g for g in tier if not g.writes]
        need = {id(g): self._column_need(g) for g in answers}
        total = sum(g.span * need[id(g)] for g in answers)
        least = sum(g.span * self.least for g in answers)
        if total <= room:  # room to spare: shared alike, up to MAX_COLUMN
            extra = (room - total) / max(1, sum(g.span for g in answers))
            width = {id(g): min(MAX_COLUMN, need[id(g)] + extra) for g in answers}
        else:
            share = max(0.0, (room - least) / (total - least)) if total > least else 0.0
            width = {id(g): self.least + (need[id(g)] - self.least) * share for g in answers}
        for g in tier:
            g.width = self._least_width(g) if g.writes else g.span * width[id(g)]

    def _column_need(self, g: Group) -> float:
        """The width one answer column of ``g`` would like: its longest word in full."""
        words = [w for _, text in g.choices for w in text.split()]
        longest = max((stringWidth(w, self.s.regular, self.word_size) for w in words), default=0)
        return min(MAX_COLUMN, max(self.least, longest + 2 * mm))

    def _column(self, g: Group) -> float:
        return g.width / g.columns

    def _picture(self) -> float:
        return self.s.field_picture

    def _answer_picture(self, g: Group) -> float:
        return min(self.s.field_picture * ANSWER_PICTURE, self._column(g) - 2 * mm)

    def _label(self, g: Group) -> tuple[bool, float, list[str]]:
        """(picture beside the label?, label size, label lines): beside where the label
        fits a few lines next to the picture, a point or two smaller if need be."""
        if self._band_picture(g):
            room = g.width - self._picture() - 4 * mm
            words = g.field.label.split()
            for size in (self.label_size, self.label_size - 1, self.label_size - 2):
                if any(stringWidth(w, self.s.bold, size) > room for w in words):
                    continue
                lines = fit(g.field.label, self.s.bold, size, room)
                if len(lines) * size * 1.2 <= self._picture() * 1.3:
                    return True, size, lines
        size = self.label_size
        return False, size, fit(g.field.label, self.s.bold, size, g.width - 2 * mm)

    def _band_picture(self, g: Group) -> bool:
        """A tick's picture stands over its box, under the band; a question's in the band."""
        return bool(g.field.pictogram) and bool(g.choices or g.writes)

    def _band_height(self, tier: list[Group]) -> float:
        tallest = 0.0
        for g in tier:
            beside, size, lines = self._label(g)
            text = len(lines) * size * 1.2
            pic = self._picture() + 1 * mm if self._band_picture(g) else 0.0
            tallest = max(tallest, max(pic, text) if beside else pic + text)
        return tallest + 2 * mm

    def _word_size(self, g: Group) -> float:
        """The answers' words in small print, smaller still where a word is wider than
        its column (never broken with a hyphen above MIN_WORD_SIZE)."""
        room = self._column(g) - 1.5 * mm
        size = self.word_size
        words = [w for _, text in g.choices for w in text.split()]
        while size > MIN_WORD_SIZE and any(
            stringWidth(w, self.s.regular, size) > room for w in words
        ):
            size -= 0.5
        return size

    def _word_lines(self, g: Group, word: str) -> list[str]:
        return fit(word, self.s.regular, self._word_size(g), self._column(g) - 1.5 * mm)

    def _answers_height(self, tier: list[Group]) -> float:
        tallest = 0.0
        for g in tier:
            if not g.choices and self._band_picture(g) is False and g.field.pictogram:
                tallest = max(tallest, self._answer_picture(g))
            for _, word in g.choices:
                lines = len(self._word_lines(g, word)) * self._word_size(g) * 1.15
                tallest = max(tallest, self._answer_picture(g) + 1 * mm + lines)
        return tallest + 2 * mm if tallest else 0.0

    def _tier_head(self, tier: list[Group]) -> float:
        return self._band_height(tier) + self._answers_height(tier)

    def _header_height(self) -> float:
        return sum(self._tier_head(t) for t in self.tiers)

    def _row_height(self, tier: list[Group]) -> float:
        s = self.s
        need = s.box + 2 * ROW_PAD
        if any(g.writes for g in tier):
            need = max(need, s.line_gap + 2 * ROW_PAD)
        return max(need, MIN_ROW.get(s.level, 0.0))

    def _entry_height(self) -> float:
        return sum(self._row_height(t) for t in self.tiers)

    # -- drawing ------------------------------------------------------------------
    def _rules(
        self, c: Canvas, tier: list[Group], x: float, top: float, h: float, band: float = 0.0
    ) -> None:
        """The table's frame, a heavy line between questions, a light one between answers
        (under the ``band`` of question labels)."""
        c.setStrokeColor(BORDER)
        c.setLineWidth(0.8)
        c.rect(x, top - h, self._tier_width(tier), h, stroke=1, fill=0)
        gx = x + NUMBER_COLUMN
        for g in tier:
            c.setLineWidth(QUESTION_RULE)
            c.line(gx, top, gx, top - h)
            c.setLineWidth(0.5)
            for k in range(1, g.columns if g.choices else 1):
                cx = gx + k * self._column(g)
                c.line(cx, top - band, cx, top - h)
            gx += g.width

    def _tier_width(self, tier: list[Group]) -> float:
        return NUMBER_COLUMN + sum(g.width for g in tier)

    def _draw_header(self, x: float, top: float) -> None:
        for tier in self.tiers:
            self._draw_tier_head(tier, x, top)
            top -= self._tier_head(tier)

    def _draw_tier_head(self, tier: list[Group], x: float, top: float) -> None:
        ctx, c, s = self.ctx, self.ctx.canvas, self.s
        band, answers = self._band_height(tier), self._answers_height(tier)
        c.setFillColor(TINT)
        c.rect(x, top - band, self._tier_width(tier), band, stroke=0, fill=1)
        gx = x + NUMBER_COLUMN
        pic = self._picture()
        for g in tier:
            beside, size, lines = self._label(g)
            text_h = len(lines) * size * 1.2
            if beside:
                width = pic + 2 * mm + max(stringWidth(t, s.bold, size) for t in lines)
                px = gx + max(1 * mm, (g.width - width) / 2)
                ctx.painter.draw(g.field.pictogram, px, top - band / 2 - pic / 2, pic)
                tx, ty = px + pic + 2 * mm, top - band / 2 + text_h / 2
                draw_lines(c, lines, s.bold, size, size * 1.2, tx, ty, ACCENT)
            else:
                y = top - 1 * mm
                if self._band_picture(g):
                    ctx.painter.draw(g.field.pictogram, gx + (g.width - pic) / 2, y - pic, pic)
                    y -= pic + 1 * mm
                self._centred(lines, s.bold, size, gx + g.width / 2, y, ACCENT)
            if not g.writes:
                c.setStrokeColor(BORDER)
                c.setLineWidth(0.5)
                c.line(gx, top - band, gx + g.width, top - band)
            self._draw_answer_heads(g, gx, top - band)
            gx += g.width
        self._rules(c, tier, x, top, band + answers, band)

    def _draw_answer_heads(self, g: Group, x: float, top: float) -> None:
        ctx, c, s = self.ctx, self.ctx.canvas, self.s
        col, ps = self._column(g), self._answer_picture(g)
        if not g.choices and not g.writes and g.field.pictogram:  # a tick: its picture
            ctx.painter.draw(g.field.pictogram, x + (g.width - ps) / 2, top - 1 * mm - ps, ps)
        for k, (picture, word) in enumerate(g.choices):
            cx = x + k * col
            if picture:
                px, py = cx + (col - ps) / 2, top - 1 * mm - ps
                draw_choice_picture(c, ctx.painter, picture, px, py, ps)
            lines = self._word_lines(g, word)
            size = self._word_size(g)
            self._centred(lines, s.regular, size, cx + col / 2, top - 2 * mm - ps, INK)

    def _centred(
        self, lines: list[str], font: str, size: float, cx: float, top: float, colour: object
    ) -> None:
        c = self.ctx.canvas
        c.setFillColor(colour)
        c.setFont(font, size)
        leading = size * 1.2 if font == self.s.bold else size * 1.15
        for i, line in enumerate(lines):
            c.drawCentredString(cx, top - i * leading - 0.85 * size, line)

    def _entry_drawer(self, n: int) -> Callable[[float, float], None]:
        def draw(x: float, top: float) -> None:
            c, s = self.ctx.canvas, self.s
            height = self._entry_height()
            if n % 2 == 0:  # every other entry tinted, so the eye keeps to its row
                c.setFillColor(TINT)
                c.rect(x, top - height, max(map(self._tier_width, self.tiers)), height, 0, 1)
            c.setFillColor(ACCENT)
            c.setFont(s.bold, s.body)
            c.drawCentredString(x + NUMBER_COLUMN / 2, top - height / 2 - 0.35 * s.body, str(n))
            y = top
            for tier in self.tiers:
                row_h = self._row_height(tier)
                gx = x + NUMBER_COLUMN
                for g in tier:
                    self._draw_cells(g, f"e{n}.{g.field.key}", gx, y, row_h)
                    gx += g.width
                self._rules(c, tier, x, y, row_h)
                y -= row_h
            c.setStrokeColor(BORDER)
            c.setLineWidth(QUESTION_RULE)
            c.rect(x, top - height, NUMBER_COLUMN, height, stroke=1, fill=0)

        return draw

    def _draw_cells(self, g: Group, name: str, x: float, top: float, height: float) -> None:
        ctx, s, c, f = self.ctx, self.s, self.ctx.canvas, g.field
        box = s.box
        by = top - height / 2 - box / 2
        if g.writes:
            width = g.width - 3 * mm
            base = top - height + ROW_PAD + 1 * mm
            underline(c, x + 1.5 * mm, base, width)
            if ctx.fillable:
                acro_form(c).textfield(
                    name=name, x=x + 1.5 * mm, y=base, width=width, height=top - 1 * mm - base,
                    fontSize=min(s.body, 12), borderWidth=0, borderColor=None, fillColor=None,
                    textColor=INK, tooltip=f.label,
                )  # fmt: skip
            return
        if not g.choices:  # a single tick
            bx = x + (g.width - box) / 2
            tick_box(c, bx, by, box)
            if ctx.fillable:
                check_box(c, name, bx, by, box, f.label)
            return
        col = self._column(g)
        for i, (_, word) in enumerate(g.choices):
            bx = x + i * col + (col - box) / 2
            tick_box(c, bx, by, box)
            if ctx.fillable and f.kind is FieldKind.RATING:
                radio_box(c, name, str(i), bx, by, box, word)
            elif ctx.fillable:
                check_box(c, f"{name}.{i}", bx, by, box, word)


__all__ = ["TickGrid"]
