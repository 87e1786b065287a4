"""The week chart: one row per thing to record, one column per day.

Rows carry a picture (from the easy level down) and a few words on the left;
each day has a tick box, or an empty cell to write a time or a number in. A
face rating becomes one row per face (tick the face of the day), checkbox
options one row each; at standard and plain a rating is a number per day, with
the scale's anchors under the row's words. Used for DAILY sheets without
free-text fields, so a sleep diary or a mood chart fits on a page or two.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from practice.domain.vocabulary import LiteracyLevel
from practice.sheets.cells import Block, DrawContext
from practice.sheets.fillable import acro_form
from practice.sheets.model import FieldKind, SheetField
from practice.sheets.scales import (
    HAPPINESS,
    anchor_note,
    check_box,
    draw_choice_picture,
    face_choices,
    radio_box,
    tick_box,
)
from practice.sheets.styles import BORDER, INK, MUTED, RULE, TINT, SheetStyle, draw_lines, wrap

CHART_KINDS = (
    FieldKind.TICK,
    FieldKind.RATING,
    FieldKind.CHECKBOXES,
    FieldKind.TIME,
    FieldKind.NUMBER,
    FieldKind.SHORT_TEXT,
)
WRITE_KINDS = (FieldKind.TIME, FieldKind.NUMBER, FieldKind.SHORT_TEXT)
SHORT_DAYS = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "es": ("lun", "mar", "mié", "jue", "vie", "sáb", "dom"),
}
MIN_LABEL_COLUMN = 50 * mm
FACE_LEVELS = (LiteracyLevel.EASY, LiteracyLevel.PICTORIAL)


@dataclass(frozen=True)
class ChartRow:
    picture: str | None
    words: str
    heading: bool  # a field's own row (bold); options are indented under it
    name: str | None = None  # field name after the day prefix; None: no answer cells
    value: str | None = None  # radio value (face ratings)
    write: bool = False  # an empty cell to write in, not a tick box
    note: str = ""  # smaller words under the row's words (hint, scale anchors)
    slot: bool = False  # keep room for a picture (a sibling option has one)


def day_width(style: SheetStyle, fields: tuple[SheetField, ...]) -> float:
    writes = any(f.kind in WRITE_KINDS for f in fields) or (
        style.level not in FACE_LEVELS and any(f.kind is FieldKind.RATING for f in fields)
    )
    names = max(
        stringWidth(name, style.bold, style.body) for names in SHORT_DAYS.values() for name in names
    )
    return max(style.box + 3 * mm, names + 2 * mm, 14 * mm if writes else 12 * mm)


def chart_fits(style: SheetStyle, fields: tuple[SheetField, ...], width: float) -> bool:
    """Can these fields be a week chart at this level and width?

    No free text (one short note row at most, like a sleep diary's comments), and
    the words column keeps a usable width.
    """
    if not fields or any(f.kind not in CHART_KINDS for f in fields):
        return False
    if sum(f.kind is FieldKind.SHORT_TEXT for f in fields) > 1:
        return False
    return width - 7 * day_width(style, fields) >= MIN_LABEL_COLUMN


class WeekChart:
    def __init__(
        self, ctx: DrawContext, fields: tuple[SheetField, ...],
        days: list[tuple[int, date | None]], width: float,
    ) -> None:  # fmt: skip
        self.ctx = ctx
        self.fields = fields
        self.days = days
        self.width = width
        self.day_w = day_width(ctx.style, fields)
        self.label_w = width - 7 * self.day_w

    def _rows(self, f: SheetField) -> list[ChartRow]:
        s, lang = self.ctx.style, self.ctx.language
        picture = f.pictogram if s.field_picture else None
        if f.kind is FieldKind.TICK:
            return [ChartRow(picture, f.label, True, f.key)]
        if f.kind in WRITE_KINDS:
            return [ChartRow(picture, f.label, True, f.key, write=True, note=f.hint)]
        if f.kind is FieldKind.RATING and s.level not in FACE_LEVELS:
            note = anchor_note(s.level, lang, f)
            return [ChartRow(picture, f.label, True, f.key, write=True, note=note)]
        rows = [ChartRow(picture, f.label, True, note=f.hint)]
        if f.kind is FieldKind.RATING:
            choices = list(enumerate(face_choices(s, lang, f)))
            # the happiest face (or the fullest circle) on top
            choices.sort(key=lambda item: HAPPINESS.get(item[1][0], -item[0]))
            for value, (face, word) in choices:
                rows.append(ChartRow(face, word, False, f.key, str(value)))
        else:
            pictured = s.level in FACE_LEVELS
            pics = [f.option_pictogram(i) if pictured else None for i in range(len(f.options))]
            slot = any(pics)
            for i, (option, pic) in enumerate(zip(f.options, pics, strict=True)):
                rows.append(ChartRow(pic, option, False, f"{f.key}.{i}", slot=slot))
        return rows

    def blocks(self) -> list[Block]:
        header = self._header()
        blocks: list[Block] = [header]
        for f in self.fields:
            group = [self._row_block(row, header) for row in self._rows(f)]
            group[0].group_height = sum(b.height for b in group)
            blocks += group
        header.keep_with_next = True
        header.space_before = 5 * mm
        return blocks

    # -- drawing ----------------------------------------------------------------
    def _columns(self, x: float, top: float, height: float, cells: bool = False) -> None:
        c = self.ctx.canvas
        c.setFillColor(TINT)
        for i in range(0, 7, 2):
            cx = x + self.label_w + i * self.day_w
            c.rect(cx, top - height, self.day_w, height, stroke=0, fill=1)
        c.setStrokeColor(BORDER)
        c.setLineWidth(0.8)
        c.line(x, top - height, x + self.width, top - height)
        c.line(x + self.label_w, top, x + self.label_w, top - height)
        c.line(x + self.width, top, x + self.width, top - height)
        if cells:
            c.setStrokeColor(RULE)
            for i in range(1, 7):
                cx = x + self.label_w + i * self.day_w
                c.line(cx, top, cx, top - height)

    def _header(self) -> Block:
        ctx, s, c, lang = self.ctx, self.ctx.style, self.ctx.canvas, self.ctx.language
        dated = any(d is not None for _, d in self.days)
        height = s.leading * (2 if dated else 1) + 3 * mm

        def draw(x: float, top: float) -> None:
            self._columns(x, top, height)
            c.setStrokeColor(BORDER)
            c.line(x + self.label_w, top, x + self.width, top)
            for i, (weekday, day) in enumerate(self.days):
                cx = x + self.label_w + i * self.day_w
                lines = [SHORT_DAYS[lang.value][weekday]] + ([str(day.day)] if day else [])
                draw_lines(
                    c, lines, s.bold, s.body, s.leading, cx, top - 1.5 * mm, INK,
                    align="center", width=self.day_w,
                )  # fmt: skip
            if s.field_picture:
                size = min(height - 2 * mm, s.field_picture)
                ctx.painter.draw("calendar", x + s.pad, top - height / 2 - size / 2, size)

        return Block(height, draw)

    def _row_block(self, row: ChartRow, header: Block) -> Block:
        s, c, ctx = self.ctx.style, self.ctx.canvas, self.ctx
        indent = 0.0 if row.heading else 4 * mm
        size = s.field_picture if row.heading else s.field_picture * 0.72
        pic = size if row.picture else 0.0
        text_x = s.pad + indent + (size + 3 * mm if (row.picture or row.slot) else 0.0)
        font = s.bold if row.heading else s.regular
        text_w = self.label_w - text_x - s.pad
        lines = wrap(row.words, font, s.body, text_w)
        notes = wrap(row.note, s.regular, s.body, text_w) if row.note else []
        text_h = (len(lines) + len(notes)) * s.leading
        floor = s.line_gap if row.write else s.box
        height = max(pic + 2 * mm, text_h + 2 * mm, floor + 3.5 * mm)

        def draw(x: float, top: float) -> None:
            self._columns(x, top, height, cells=row.write)
            c.setStrokeColor(RULE if not row.heading else BORDER)
            c.line(x, top, x, top - height)
            mid = top - height / 2
            if pic and row.picture:
                draw_choice_picture(
                    c, ctx.painter, row.picture, x + s.pad + indent, mid - pic / 2, pic
                )
            y = mid + text_h / 2
            y -= draw_lines(c, lines, font, s.body, s.leading, x + text_x, y)
            draw_lines(c, notes, s.regular, s.body, s.leading, x + text_x, y, MUTED)
            if row.name is None:
                return
            for i in range(7):
                cx = x + self.label_w + i * self.day_w
                name = f"d{i + 1}.{row.name}"
                if row.write:
                    if ctx.fillable:
                        acro_form(c).textfield(
                            name=name, x=cx + 1, y=top - height + 1, width=self.day_w - 2,
                            height=height - 2, fontSize=min(s.body, 12), borderWidth=0,
                            borderColor=None, fillColor=None, textColor=INK,
                            tooltip=row.words, maxlen=8,
                        )  # fmt: skip
                    continue
                bx, by = cx + (self.day_w - s.box) / 2, mid - s.box / 2
                tick_box(c, bx, by, s.box)
                if not ctx.fillable:
                    continue
                if row.value is not None:
                    radio_box(c, name, row.value, bx, by, s.box, row.words)
                else:
                    check_box(c, name, bx, by, s.box, row.words)

        return Block(height, draw, repeat=header)
