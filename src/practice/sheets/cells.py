"""Answer cells: one template field drawn as label, hint and a place to answer.

A cell is measured first (``height(width)``) so the sheet can paginate, then drawn
into the height its row was given (text cells use extra height for extra lines).
With ``fillable`` the cell also places its AcroForm fields, named
``<entry_or_day>.<field_key>`` (checkbox options add ``.<index>``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from practice.domain.vocabulary import Language, LiteracyLevel
from practice.sheets.fillable import acro_form
from practice.sheets.model import FieldKind, SheetField
from practice.sheets.pictograms import PictogramPainter
from practice.sheets.scales import RatingScale, check_box, rating_scale, tick_box, underline
from practice.sheets.styles import BORDER, INK, MUTED, SheetStyle, draw_lines, wrap

SMALL_KINDS = (FieldKind.SHORT_TEXT, FieldKind.NUMBER, FieldKind.TIME, FieldKind.TICK)
HINT_GAP = 3 * mm
MAX_EXTRA_LINES = 3  # spare room given to each write-in row of a page
FIRST_LINE = 0.8  # the first write-in line sits this many line gaps below its label


@dataclass
class Block:
    """A piece of a page: its measured height, and how to draw it at (x, top).

    ``group_height`` (on the first block of a group) keeps the group on one page
    when it fits on one; ``repeat`` is drawn again on top of a new page when the
    page breaks before this block (a chart's day header).
    """

    height: float
    draw: Callable[[float, float], None]
    keep_with_next: bool = False
    space_before: float = 0.0
    group_height: float = 0.0
    repeat: Block | None = None
    stretch: bool = False  # may grow to fill a page (rows with write-in lines)


def paginate(blocks: list[Block], available: float) -> list[list[tuple[Block, float]]]:
    """Distribute blocks over pages: [(block, distance from the content top)].

    A block never splits; a block taller than a page gets a page of its own. A
    group (a day, an entry) moves whole to the next page when it does not fit
    here but fits a page: an entry never splits across pages. A group taller
    than a page flows on, under its repeated heading.
    """
    pages: list[list[tuple[Block, float]]] = [[]]
    used = 0.0

    def room(block: Block, used: float) -> float:
        """Height ``block`` needs here: its whole group if that should stay together."""
        keep = block.group_height <= available  # an entry never splits when it fits a page
        return max(block.height, block.group_height) if keep else block.height

    for i, block in enumerate(blocks):
        gap = block.space_before if pages[-1] else 0.0
        own = room(block, used)
        need = gap + own
        if block.keep_with_next and own <= block.height:  # a chain of kept blocks moves whole
            chain, j = need, i
            while blocks[j].keep_with_next and j + 1 < len(blocks):
                nxt = blocks[j + 1]
                chain += nxt.space_before + room(nxt, used + chain)
                j += 1
            first = blocks[i + 1] if i + 1 < len(blocks) else None
            one = need + (first.space_before + room(first, used + need) if first else 0.0)
            need = chain if chain <= available else one
        if pages[-1] and used + need > available:
            pages.append([])
            used, gap = 0.0, 0.0
            if block.repeat is not None:
                pages[-1].append((block.repeat, 0.0))
                used = block.repeat.height
        pages[-1].append((block, used + gap))
        used += gap + block.height
    return pages


def stretch(
    page: list[tuple[Block, float]], available: float, step: float, limit: int = MAX_EXTRA_LINES
) -> int:
    """Give a page's spare height to its write-in rows, whole lines at a time (``limit``
    each); the lines given to each row."""
    rows = [block for block, _ in page if block.stretch]
    if not rows or not page:
        return 0
    last, offset = page[-1]
    spare = available - offset - last.height
    lines = min(limit, int(spare / len(rows) // step))
    per_row = lines * step
    if per_row <= 0:
        return 0
    shift = 0.0
    for i, (block, offset) in enumerate(page):
        page[i] = (block, offset + shift)
        if block.stretch:
            block.height += per_row
            shift += per_row
    return lines


@dataclass
class DrawContext:
    """What every cell of one sheet draws with."""

    canvas: Canvas
    painter: PictogramPainter
    style: SheetStyle
    language: Language
    fillable: bool = False


def is_wide(field: SheetField, style: SheetStyle) -> bool:
    """Does the field need the whole block width (no neighbour beside it)?"""
    if field.kind is FieldKind.CHECKBOXES:
        return len(field.options) > 2
    if field.kind is FieldKind.RATING:
        return style.level is not LiteracyLevel.STANDARD
    return field.kind is FieldKind.TEXT and field.lines >= 4


class FieldCell:
    # In a row of three or more (ABC): the picture sits beside the label, and the
    # answers use the cell's whole width.
    narrow = False

    def __init__(self, ctx: DrawContext, field: SheetField, prefix: str) -> None:
        self.ctx = ctx
        self.field = field
        self.name = f"{prefix}.{field.key}"
        s = ctx.style
        self.picture = field.pictogram if s.field_picture else None
        self.scale: RatingScale | None = None
        if field.kind is FieldKind.RATING:
            self.scale = rating_scale(s, ctx.language, field)

    # -- geometry ---------------------------------------------------------------
    def _text_x(self) -> float:
        s = self.ctx.style
        if self.narrow:
            return s.pad
        return s.pad + (s.field_picture + s.pad if self.picture else 0.0)

    def _narrow_picture(self) -> float:
        return self.ctx.style.field_picture * 0.75 if (self.narrow and self.picture) else 0.0

    def _label_x(self) -> float:
        pic = self._narrow_picture()
        return self._text_x() + (pic + self.ctx.style.pad if pic else 0.0)

    def _label_lines(self, width: float) -> tuple[list[str], list[str]]:
        s = self.ctx.style
        text_w = width - self._label_x() - self.ctx.style.pad
        if self.field.kind is FieldKind.TICK:
            text_w -= s.box + 2 * mm
        label = wrap(self.field.label, s.bold, s.body, text_w)
        hint = wrap(self.field.hint, s.regular, s.body, text_w) if self.field.hint else []
        return label, hint

    def _inline_hint(self, width: float) -> bool:
        """Label and hint fit on one line together (saves a line in busy entries)."""
        s, f = self.ctx.style, self.field
        if not f.hint or f.kind is FieldKind.TICK:
            return False
        text_w = width - self._label_x() - s.pad
        both = c_width(f.label, s.bold, s.body) + HINT_GAP + c_width(f.hint, s.regular, s.body)
        return both <= text_w

    def _answer_width(self, width: float) -> float:
        return width - self._text_x() - self.ctx.style.pad

    def _option_pictures(self) -> list[str | None]:
        """The pictogram beside each option (the template's; none at standard and plain)."""
        f = self.field
        if self.ctx.style.level not in (LiteracyLevel.EASY, LiteracyLevel.PICTORIAL):
            return [None] * len(f.options)
        return [f.option_pictogram(i) for i in range(len(f.options))]

    def _option_picture_size(self) -> float:
        """Side of an option's pictogram; 0 when no option of this field has one."""
        s = self.ctx.style
        if not any(self._option_pictures()):
            return 0.0
        return s.field_picture * (1.0 if s.level is LiteracyLevel.PICTORIAL else 0.8)

    def _option_rows(self, width: float) -> list[list[tuple[str, float]]]:
        """Checkbox options grouped into rows: (option, item width).

        Standard and plain flow the options along the line; easy and pictorial
        put them in one or two tidy columns, one box under the other.
        """
        s = self.ctx.style
        avail = self._answer_width(width)
        pic = self._option_picture_size()
        widths = []
        for option in self.field.options:
            w = s.box + 2 * mm + c_width(option, s.regular, s.body) + 6 * mm
            if pic:
                w += pic + 4 * mm
            widths.append(w)
        if s.level in (LiteracyLevel.EASY, LiteracyLevel.PICTORIAL):
            per_row = 2 if widths and max(widths) <= avail / 2 else 1
            column = avail / per_row
            options = list(self.field.options)
            return [
                [(o, column) for o in options[i : i + per_row]]
                for i in range(0, len(options), per_row)
            ] or [[]]
        rows: list[list[tuple[str, float]]] = [[]]
        used = 0.0
        for option, w in zip(self.field.options, widths, strict=True):
            if rows[-1] and used + w > avail:
                rows.append([])
                used = 0.0
            rows[-1].append((option, w))
            used += w
        return rows

    def _option_row_height(self) -> float:
        s = self.ctx.style
        return max(s.leading, s.box + 2 * mm, self._option_picture_size() + 3 * mm)

    def _answer_height(self, width: float) -> float:
        s, kind = self.ctx.style, self.field.kind
        if kind is FieldKind.TEXT:
            return (max(1, self.field.lines) - 1 + FIRST_LINE) * s.line_gap
        if kind is FieldKind.SHORT_TEXT:
            return FIRST_LINE * s.line_gap
        if kind in (FieldKind.NUMBER, FieldKind.TIME):
            return s.line_gap * 0.85 + 2 * mm
        if kind is FieldKind.CHECKBOXES:
            return len(self._option_rows(width)) * self._option_row_height()
        if kind is FieldKind.RATING and self.scale is not None:
            return self.scale.height(self._answer_width(width)) + 1 * mm
        return 0.0  # TICK: the box sits beside the label

    def height(self, width: float) -> float:
        s = self.ctx.style
        label, hint = self._label_lines(width)
        text_h = (len(label) + len(hint)) * s.leading
        if self._inline_hint(width):
            text_h = s.leading
        if self.field.kind is FieldKind.TICK:
            text_h = max(text_h, s.box + 1 * mm)
        text_h = max(text_h, self._narrow_picture())
        body = text_h + self._answer_height(width)
        pic = s.field_picture if (self.picture and not self.narrow) else 0.0
        return max(body, pic) + 2 * s.pad

    # -- drawing ----------------------------------------------------------------
    def draw(self, x: float, top: float, width: float, height: float) -> None:
        ctx, s, c = self.ctx, self.ctx.style, self.ctx.canvas
        c.setStrokeColor(BORDER)
        c.setLineWidth(0.8)
        c.rect(x, top - height, width, height, stroke=1, fill=0)
        if self.picture:
            ps = self._narrow_picture() or s.field_picture
            ctx.painter.draw(self.picture, x + s.pad, top - s.pad - ps, ps)
        tx, lx = x + self._text_x(), x + self._label_x()
        y = top - s.pad
        label, hint = self._label_lines(width)
        if self.field.kind is FieldKind.TICK:
            tick_box(c, lx, y - s.box - 0.5 * mm, s.box)
            if ctx.fillable:
                check_box(c, self.name, lx, y - s.box - 0.5 * mm, s.box, self.field.label)
            lx += s.box + 2 * mm
            used = draw_lines(c, label, s.bold, s.body, s.leading, lx, y)
            used += draw_lines(c, hint, s.regular, s.body, s.leading, lx, y - used, MUTED)
            return
        if self._inline_hint(width):
            draw_lines(c, label, s.bold, s.body, s.leading, lx, y)
            hx = lx + c_width(self.field.label, s.bold, s.body) + HINT_GAP
            y -= draw_lines(c, [self.field.hint], s.regular, s.body, s.leading, hx, y, MUTED)
        else:
            y -= draw_lines(c, label, s.bold, s.body, s.leading, lx, y)
            y -= draw_lines(c, hint, s.regular, s.body, s.leading, lx, y, MUTED)
        y = min(y, top - s.pad - self._narrow_picture())
        bottom = top - height + s.pad
        self._draw_answer(tx, y, width, bottom)

    def _draw_answer(self, x: float, top: float, cell_width: float, bottom: float) -> None:
        """Draw the answer area at (x, top); ``cell_width`` is the whole cell's width."""
        ctx, s, c, kind = self.ctx, self.ctx.style, self.ctx.canvas, self.field.kind
        width = self._answer_width(cell_width)
        if kind in (FieldKind.TEXT, FieldKind.SHORT_TEXT):
            first = FIRST_LINE * s.line_gap
            n = 1
            if kind is FieldKind.TEXT:
                n = 1 + max(0, int((top - bottom - first + 0.5) // s.line_gap))
            for i in range(n):
                underline(c, x, top - first - i * s.line_gap, width)
            if ctx.fillable:
                bottom_line = top - first - (n - 1) * s.line_gap
                acro_form(c).textfield(
                    name=self.name, x=x, y=bottom_line, width=width,
                    height=top - bottom_line, fontSize=min(s.body, 14), borderWidth=0,
                    borderColor=None, fillColor=None, textColor=INK, tooltip=self.field.label,
                    fieldFlags="multiline" if n > 1 else "",
                )  # fmt: skip
        elif kind in (FieldKind.NUMBER, FieldKind.TIME):
            bw = max(24 * mm, s.body * 4) if kind is FieldKind.NUMBER else max(30 * mm, s.body * 5)
            bh = s.line_gap * 0.85
            by = top - 1 * mm - bh
            c.setStrokeColor(BORDER)
            c.setLineWidth(1.2)
            c.rect(x, by, bw, bh, stroke=1, fill=0)
            if ctx.fillable:
                acro_form(c).textfield(
                    name=self.name, x=x + 1, y=by + 1, width=bw - 2, height=bh - 2,
                    fontSize=min(s.body, 14), borderWidth=0, borderColor=None,
                    fillColor=None, textColor=INK, tooltip=self.field.label,
                )  # fmt: skip
        elif kind is FieldKind.CHECKBOXES:
            self._draw_options(x, top, cell_width)
        elif kind is FieldKind.RATING and self.scale is not None:
            self.scale.draw(
                c, ctx.painter, x, top - 1 * mm, width,
                self.name if ctx.fillable else None, self.field.label,
            )  # fmt: skip

    def _draw_options(self, x: float, top: float, cell_width: float) -> None:
        ctx, s, c = self.ctx, self.ctx.style, self.ctx.canvas
        row_h = self._option_row_height()
        index = 0
        pictures = self._option_pictures()
        ps = self._option_picture_size()  # line the words up when some options have a picture
        for r, row in enumerate(self._option_rows(cell_width)):
            ox = x
            mid = top - r * row_h - row_h / 2
            for option, item_w in row:
                tick_box(c, ox, mid - s.box / 2, s.box)
                if ctx.fillable:
                    check_box(c, f"{self.name}.{index}", ox, mid - s.box / 2, s.box, option)
                tx = ox + s.box + 2 * mm
                pic = pictures[index]
                if pic:
                    ctx.painter.draw(pic, tx + 1 * mm, mid - ps / 2, ps)
                if ps:
                    tx += ps + 4 * mm
                c.setFillColor(INK)
                c.setFont(s.regular, s.body)
                c.drawString(tx, mid - 0.35 * s.body, option)
                ox += item_w
                index += 1


def c_width(text: str, font: str, size: float) -> float:
    return float(stringWidth(text, font, size))
