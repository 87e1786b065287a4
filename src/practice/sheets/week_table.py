"""The week table: one row per thing to record, one column per day of the sheet.

The form of the Consensus Sleep Diary (items down, days across) and of the
lower levels' tick charts. Rows carry a picture (from plain down) and a few
words on the left. A day cell is a box to write a time or a number in, a tick
box, or (pictorial) an empty clock face to draw the hands on. Checkbox options,
faces and short word scales (sleep quality: very poor ... very good) get a row
each with a tick box per day. The table stays on one page when it fits one;
otherwise it flows by fields, under the day header again. Spans longer than a
week print a second table. Fillable names as in blocks: ``d<i>.<field_key>``,
options ``d<i>.<field_key>.<index>``, one-of choices a radio group ``d<i>.<key>``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from practice.domain.vocabulary import Language, LiteracyLevel
from practice.sheets import wording
from practice.sheets.cells import Block, DrawContext
from practice.sheets.fillable import acro_form
from practice.sheets.model import FieldKind, Form, SheetField, SheetText
from practice.sheets.scale_kinds import ScaleKind, scale_range
from practice.sheets.scale_words import scale_words
from practice.sheets.scales import (
    HAPPINESS,
    anchor_note,
    check_box,
    face_choices,
    radio_box,
    tick_box,
)
from practice.sheets.styles import BORDER, INK, MUTED, RULE, TINT, draw_lines, wrap

WRITE_KINDS = (FieldKind.TIME, FieldKind.NUMBER, FieldKind.SHORT_TEXT, FieldKind.TEXT)
FACE_LEVELS = (LiteracyLevel.EASY, LiteracyLevel.PICTORIAL)
MAX_DAYS_ACROSS = 7
MIN_DAY = 22 * mm  # room to write "11:30 pm"
MAX_DAY = 32 * mm
MIN_LABEL = 60 * mm
WIDE_LABEL = 90 * mm  # the words column aimed for
MAX_TICK_DAY = 20 * mm
TICK_LABEL = 80 * mm  # the words column aimed for beside tick boxes
MIN_CELL = 9 * mm
MAX_CLOCK = 21 * mm


# Words of the five-point quality scale, lowest first (Consensus Sleep Diary).
@dataclass(frozen=True)
class TableRow:
    picture: str | None
    words: str
    heading: bool  # a field's own row (bold); options are indented under it
    name: str | None = None  # field name after the day prefix; None: no answer cells
    value: str | None = None  # radio value (one of a scale's points)
    answer: str = "tick"  # "tick", "write" or "clock"
    note: str = ""  # smaller words under the row's words (hint, scale anchors)
    slot: bool = False  # keep room for a picture (a sibling option has one)
    strip: bool = False  # the field's words across the whole table, no answer cells
    lines: int = 1  # written lines a cell holds (free text)


def _word_scale(f: SheetField, level: LiteracyLevel, language: Language) -> tuple[str, ...]:
    """The words of a short scale named in words (sleep quality: very poor ... very good)."""
    if level in FACE_LEVELS or f.scale != ScaleKind.QUALITY.value:
        return ()
    low, high = scale_range(ScaleKind.QUALITY, level)
    words = scale_words(ScaleKind.QUALITY, language).five
    return words if high - low + 1 == len(words) else ()


def word_legend(words: tuple[str, ...]) -> str:
    """ "0 = very poor, 1 = poor, ... 4 = very good": what to write for each word."""
    return ", ".join(f"{i} = {w.lower()}" for i, w in enumerate(words))


def wants_landscape(text: SheetText) -> bool:
    """A week table of pictured rows with wide cells (times, clock faces) turns the page.

    At easy and pictorial each row's picture and words need a column beside the
    days; with cells wide enough for a time that column only fits on a wide page.
    """
    if text.form is not Form.WEEK_TABLE or text.level not in FACE_LEVELS:
        return False
    return any(f.kind in WRITE_KINDS for f in text.fields)


class WeekTable:
    """The week table of one sheet, as blocks for the page layout."""

    def __init__(
        self, ctx: DrawContext, fields: tuple[SheetField, ...],
        days: list[tuple[int, date | None]], width: float, available: float,
    ) -> None:  # fmt: skip
        self.ctx, self.fields, self.days = ctx, fields, days
        self.width, self.available = width, available
        # Room left on page 1 under the instructions (set by the sheet): a table that
        # does not fit there flows by rows, so the first rows share page 1 (but see
        # _one_page).
        self.first_room = available
        s, c = ctx.style, ctx.canvas
        across = min(MAX_DAYS_ACROSS, max(1, len(days)))
        names = [wording.short_day(w, d, ctx.language) for w, d in days] or [""]
        if any(self._writes(f) for f in fields):
            day_w = max(MIN_DAY, min(MAX_DAY, (width - WIDE_LABEL) / across))
        else:
            words = [part for n in names for part in n.split(" ")]
            widest = max(c.stringWidth(part, s.bold, s.body) for part in words)
            day_min = max(s.box + 5 * mm, widest + 2 * mm)
            day_w = max(day_min, min(MAX_TICK_DAY, (width - TICK_LABEL) / across))
        self.day_w = min(day_w, width / (across + 1))
        self.label_w = width - across * self.day_w
        # Too little room beside the days: each field's words go on a strip above its row.
        self.strips = self.label_w < MIN_LABEL
        # The day header: "Thu 10 Dec" on one line, or "Thu" over "10 Dec", or one word a line.
        self.head_lines = 3
        for lines in (1, 2):
            parts = [part for n in names for part in n.split(" ", lines - 1)]
            if max(c.stringWidth(p, s.bold, s.body) for p in parts) + 2 * mm <= self.day_w:
                self.head_lines = lines
                break

    def _writes(self, f: SheetField) -> bool:
        """Does the field need cells wide enough to write a time or a number in?"""
        level = self.ctx.style.level
        if f.kind in WRITE_KINDS:
            return True
        if f.kind is FieldKind.RATING and level not in FACE_LEVELS:
            words = _word_scale(f, level, self.ctx.language)
            return not words or level is LiteracyLevel.STANDARD
        return False

    # -- rows ---------------------------------------------------------------------
    def _rows(self, f: SheetField) -> list[TableRow]:
        rows = self._field_rows(f)
        if not self.strips:
            return rows
        head = rows[0]
        strip = TableRow(head.picture, head.words, True, note=head.note, strip=True)
        if head.name is None:
            return [strip, *rows[1:]]
        answer = TableRow(None, "", False, head.name, answer=head.answer, lines=head.lines)
        return [strip, answer, *rows[1:]]

    def _field_rows(self, f: SheetField) -> list[TableRow]:
        s, lang = self.ctx.style, self.ctx.language
        picture = f.pictogram if s.field_picture else None
        if f.kind is FieldKind.TICK:
            return [TableRow(picture, f.label, True, f.key)]
        if f.kind is FieldKind.TIME and s.level is LiteracyLevel.PICTORIAL:
            return [TableRow(picture, f.label, True, f.key, answer="clock", note=f.hint)]
        if f.kind in WRITE_KINDS:
            lines = f.lines if f.kind is FieldKind.TEXT else 1
            row = TableRow(picture, f.label, True, f.key, answer="write", note=f.hint, lines=lines)
            return [row]
        words = _word_scale(f, s.level, lang) if f.kind is FieldKind.RATING else ()
        if words and s.level is LiteracyLevel.STANDARD:  # the number, so the week fits a page
            note = " ".join(filter(None, (f.hint, word_legend(words))))
            return [TableRow(picture, f.label, True, f.key, answer="write", note=note)]
        if f.kind is FieldKind.RATING and not words and s.level not in FACE_LEVELS:
            low, high = scale_range(ScaleKind(f.scale) if f.scale else None, s.level)
            note = anchor_note(s.level, lang, f)
            return [TableRow(picture, f.label, True, f.key, answer="write", note=note)]
        rows = [TableRow(picture, f.label, True, note=f.hint)]
        if words:  # the best on top, as the faces
            for value in reversed(range(len(words))):
                rows.append(TableRow(None, words[value], False, f.key, str(value)))
        elif f.kind is FieldKind.RATING:
            choices = list(enumerate(face_choices(s, lang, f)))
            choices.sort(key=lambda item: HAPPINESS[item[1][0]])  # the happiest face on top
            for value, (face, word) in choices:
                rows.append(TableRow(face, word, False, f.key, str(value)))
        else:
            pictured = s.level in FACE_LEVELS
            pics = [f.option_pictogram(i) if pictured else None for i in range(len(f.options))]
            slot = any(pics)
            for i, (option, pic) in enumerate(zip(f.options, pics, strict=True)):
                rows.append(TableRow(pic, option, False, f"{f.key}.{i}", slot=slot))
        return rows

    # -- measures -----------------------------------------------------------------
    def _header_h(self) -> float:
        return self.ctx.style.leading * self.head_lines + 2.5 * mm

    def _clock_d(self) -> float:
        return min(self.day_w - 3 * mm, MAX_CLOCK)

    def _row_layout(self, row: TableRow) -> tuple[float, float, list[str], list[str], float]:
        """(height, picture size, word lines, note lines, text x) of one row."""
        s = self.ctx.style
        indent = 0.0 if row.heading else (2 * mm if self.strips else 4 * mm)
        size = s.field_picture if row.heading else s.field_picture * 0.72
        if row.strip:
            size = min(s.field_picture, s.leading)
        pic = size if (row.picture and s.field_picture) else 0.0
        text_x = s.pad + indent + (size + 2 * mm if (pic or row.slot) else 0.0)
        font = s.bold if row.heading else s.regular
        text_w = (self.width if row.strip else self.label_w) - text_x - s.pad
        lines = wrap(row.words, font, s.body, text_w)
        notes = wrap(row.note, s.regular, s.body, text_w) if row.note else []
        text_h = (len(lines) + len(notes)) * s.leading
        if row.strip:
            return max(pic, text_h) + 0.6 * mm, pic, lines, notes, text_x
        if row.answer == "write":
            floor = max(MIN_CELL, s.leading + 2 * mm, row.lines * s.line_gap)
        elif row.answer == "clock":
            floor = self._clock_d() + 3 * mm
        elif row.name is None:
            floor = 0.0
        else:
            floor = s.box + 2.5 * mm
        height = max(pic + 2 * mm, text_h + 2 * mm, floor)
        return height, pic, lines, notes, text_x

    # -- blocks -------------------------------------------------------------------
    def blocks(self) -> list[Block]:
        blocks: list[Block] = []
        for start in range(0, max(1, len(self.days)), MAX_DAYS_ACROSS):
            blocks += self._table(start, self.days[start : start + MAX_DAYS_ACROSS])
        return blocks

    def _one_page(self) -> bool:
        """A week of clock times (the sleep diary) stays whole on one page, so the week's
        sleep can be read across; other tables start under the instructions on page 1."""
        return any(f.kind is FieldKind.TIME for f in self.fields)

    def _table(self, start: int, days: list[tuple[int, date | None]]) -> list[Block]:
        """The table as blocks: whole at standard and plain (the week on one page) when it
        fits under the instructions on page 1; otherwise one block per field, under the day
        header again, so the first fields share page 1 with the instructions and no field
        splits (fields of one row each stay together: no row falls alone on a page)."""
        header = self._header(days)
        groups = [[self._row_block(row, start, days, header) for row in self._rows(f)]
                  for f in self.fields]  # fmt: skip
        total = header.height + sum(b.height for group in groups for b in group)
        whole = self.ctx.style.level not in FACE_LEVELS
        room = self.available if self._one_page() else min(self.available, self.first_room)
        if whole and total + 4 * mm <= room:
            return [_stack([header, *(b for group in groups for b in group)], 4 * mm)]
        header.keep_with_next = True
        header.space_before = 5 * mm
        blocks = [header]
        for group in _join_single_rows(groups, 2 if self.strips else 1):
            height = sum(b.height for b in group)
            if header.height + height <= self.available:
                piece = _stack(group, 0.0)
                piece.repeat = header
                blocks.append(piece)
            else:  # taller than a page: row by row
                blocks += group
        return blocks

    # -- drawing ------------------------------------------------------------------
    def _columns(self, x: float, top: float, height: float, count: int) -> None:
        """Tint every other day, then the rules: lines over fills, so none is hidden."""
        c = self.ctx.canvas
        c.setFillColor(TINT)
        for i in range(0, count, 2):
            cx = x + self.label_w + i * self.day_w
            c.rect(cx, top - height, self.day_w, height, stroke=0, fill=1)

    def _rules(self, x: float, top: float, height: float, count: int, heavy: bool) -> None:
        c = self.ctx.canvas
        right = x + self.label_w + count * self.day_w
        c.setStrokeColor(BORDER if heavy else RULE)
        c.setLineWidth(1.0 if heavy else 0.7)
        c.line(x if heavy else x + self.label_w, top, right, top)
        c.setStrokeColor(BORDER)
        c.setLineWidth(1.0)
        c.line(x, top - height, right, top - height)
        c.line(x, top, x, top - height)
        for i in range(count + 1):
            cx = x + self.label_w + i * self.day_w
            c.setStrokeColor(BORDER if i in (0, count) else RULE)
            c.line(cx, top, cx, top - height)

    def _header(self, days: list[tuple[int, date | None]]) -> Block:
        ctx, s, c, lang = self.ctx, self.ctx.style, self.ctx.canvas, self.ctx.language
        height = self._header_h()

        def draw(x: float, top: float) -> None:
            self._columns(x, top, height, len(days))
            for i, (weekday, day) in enumerate(days):
                cx = x + self.label_w + i * self.day_w
                words = wording.short_day(weekday, day, lang)
                lines = words.split(" ", self.head_lines - 1)
                draw_lines(
                    c, lines, s.bold, s.body, s.leading, cx, top - 1.5 * mm, INK,
                    align="center", width=self.day_w,
                )  # fmt: skip
            if s.field_picture:
                size = min(height - 2 * mm, s.field_picture)
                ctx.painter.draw("calendar", x + s.pad, top - height / 2 - size / 2, size)
            self._rules(x, top, height, len(days), heavy=True)

        return Block(height, draw)

    def _row_block(
        self, row: TableRow, start: int, days: list[tuple[int, date | None]], header: Block
    ) -> Block:
        s, c, ctx = self.ctx.style, self.ctx.canvas, self.ctx
        height, pic, lines, notes, text_x = self._row_layout(row)
        font = s.bold if row.heading else s.regular
        indent = 0.0 if row.heading else 4 * mm

        def draw(x: float, top: float) -> None:
            if row.strip:
                self._strip(x, top, height, len(days))
            else:
                self._columns(x, top, height, len(days))
            mid = top - height / 2
            if pic and row.picture:
                ctx.painter.draw(row.picture, x + s.pad + indent, mid - pic / 2, pic)
            text_h = (len(lines) + len(notes)) * s.leading
            y = mid + text_h / 2
            y -= draw_lines(c, lines, font, s.body, s.leading, x + text_x, y)
            draw_lines(c, notes, s.regular, s.body, s.leading, x + text_x, y, MUTED)
            if row.name is not None:
                for i in range(len(days)):
                    cx = x + self.label_w + i * self.day_w
                    self._answer(row, f"d{start + i + 1}.{row.name}", cx, top, height)
            if not row.strip:
                self._rules(x, top, height, len(days), heavy=row.heading)

        return Block(height, draw, repeat=header)

    def _strip(self, x: float, top: float, height: float, count: int) -> None:
        c = self.ctx.canvas
        right = x + self.label_w + count * self.day_w
        c.setFillColor(TINT)
        c.rect(x, top - height, right - x, height, stroke=0, fill=1)
        c.setStrokeColor(BORDER)
        c.setLineWidth(1.0)
        c.line(x, top, right, top)
        c.line(x, top, x, top - height)
        c.line(right, top, right, top - height)

    def _answer(self, row: TableRow, name: str, x: float, top: float, height: float) -> None:
        s, c, ctx = self.ctx.style, self.ctx.canvas, self.ctx
        mid = top - height / 2
        if row.answer == "clock":
            d = self._clock_d()
            clock_face(c, x + self.day_w / 2, mid, d / 2, s.bold)
        if row.answer in ("write", "clock"):
            if ctx.fillable:
                acro_form(c).textfield(
                    name=name, x=x + 1, y=top - height + 1, width=self.day_w - 2,
                    height=height - 2, fontSize=min(s.body, 12), borderWidth=0,
                    borderColor=None, fillColor=None, textColor=INK, tooltip=row.words,
                    fieldFlags="multiline" if row.lines > 1 else "",
                )  # fmt: skip
            return
        bx, by = x + (self.day_w - s.box) / 2, mid - s.box / 2
        tick_box(c, bx, by, s.box)
        if not ctx.fillable:
            return
        if row.value is not None:
            radio_box(c, name, row.value, bx, by, s.box, row.words)
        else:
            check_box(c, name, bx, by, s.box, row.words)


def _join_single_rows(groups: list[list[Block]], short: int) -> list[list[Block]]:
    """Neighbouring one-answer fields (times, numbers, ticks: ``short`` rows or fewer)
    in twos or threes, so none stands alone on a page."""
    joined: list[list[Block]] = []
    run: list[list[Block]] = []

    def flush() -> None:
        sizes = [2] * (len(run) // 2)
        if len(run) % 2:
            sizes = sizes[:-1] + [3] if sizes else [1]
        at = 0
        for size in sizes:
            joined.append([b for g in run[at : at + size] for b in g])
            at += size
        run.clear()

    for group in groups:
        if len(group) <= short:
            run.append(group)
            continue
        flush()
        joined.append(list(group))
    flush()
    return joined


def _stack(blocks: list[Block], space_before: float) -> Block:
    """Blocks drawn one under the other as one block (never split over pages)."""

    def draw(x: float, top: float) -> None:
        for b in blocks:
            b.draw(x, top)
            top -= b.height

    return Block(sum(b.height for b in blocks), draw, space_before=space_before)


def clock_face(c: Canvas, cx: float, cy: float, r: float, font: str) -> None:
    """An empty clock face: the rim, a tick per hour, 12, 3, 6 and 9, a dot to start the hands."""
    c.setFillColor(INK)
    c.setStrokeColor(INK)
    c.setLineWidth(max(1.0, r / 12))
    c.circle(cx, cy, r, stroke=1, fill=0)
    c.setLineWidth(max(0.8, r / 18))
    for hour in range(12):
        if hour % 3 == 0:
            continue  # a numeral marks these hours
        a = math.radians(90 - hour * 30)
        c.line(cx + r * 0.85 * math.cos(a), cy + r * 0.85 * math.sin(a),
               cx + r * math.cos(a), cy + r * math.sin(a))  # fmt: skip
    size = r * 0.4
    c.setFont(font, size)
    for hour, (dx, dy) in ((12, (0, 1)), (3, (1, 0)), (6, (0, -1)), (9, (-1, 0))):
        tx, ty = cx + dx * r * 0.7, cy + dy * r * 0.7
        c.drawCentredString(tx, ty - 0.35 * size, str(hour))
    c.circle(cx, cy, max(0.8, r / 16), stroke=0, fill=1)


__all__ = ["WeekTable", "clock_face", "wants_landscape", "word_legend"]
