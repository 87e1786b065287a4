"""The self-record sheet renderer: one template, one client, one week
(docs/clinical.md, Literacy levels).

``SelfRecordSheet(request).generate()`` returns the PDF bytes; ``render_many``
puts a batch ("this week's sheets") into one PDF on one canvas, so fonts and
pictograms are embedded once. Layout is measured first (blocks with heights),
paginated, then drawn, so every page knows "page x of y" and nothing is clipped:
what does not fit moves to the next page.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from itertools import combinations, pairwise
from typing import Literal

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from practice.domain.vocabulary import LiteracyLevel
from practice.sheets import wording
from practice.sheets.cells import (
    MAX_EXTRA_LINES,
    SMALL_KINDS,
    Block,
    DrawContext,
    FieldCell,
    is_wide,
    paginate,
    stretch,
)
from practice.sheets.chart import WeekChart, chart_fits
from practice.sheets.columns_form import ColumnsTable
from practice.sheets.entry_grid import EntryGrid
from practice.sheets.fillable import (
    CODE_FIELD,
    KINDS_FIELD,
    SUBJECT_MARKER,
    SheetSeal,
    acro_form,
    block_count,
    encode_kinds,
    encode_marker,
    field_names,
)
from practice.sheets.fonts import font_canvas, glyph_warning
from practice.sheets.hourly_form import HourlyGrid
from practice.sheets.model import FieldKind, Form, Layout, SheetField, SheetText
from practice.sheets.pictograms import PictogramPainter
from practice.sheets.qr import draw_qr
from practice.sheets.styles import ACCENT, INK, MUTED, TINT, SheetStyle, draw_lines, sheet_style
from practice.sheets.styles import wrap as wrap_text
from practice.sheets.tick_grid import TickGrid
from practice.sheets.week_table import WeekTable, wants_landscape

Paper = Literal["a4", "letter"]
PAGE_SIZES: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER}

MARGIN_X = 16 * mm
MARGIN_TOP = 13 * mm
MARGIN_BOTTOM = 16 * mm  # content stops here; the footer sits below
FOOTER_BASELINE = 9 * mm
QR_SIZE = 22 * mm
BLOCK_GAP = 5 * mm
SIDE_BY_SIDE = 150 * mm  # boxes of page 1 side by side from this content width
BRING_SHARES = (0.3, 0.4, 0.5)  # shares of a side-by-side row tried for a wrapped bring-by band
SIDE_BY_SIDE_PAGE = 220 * mm  # from this content width the steps may stand beside the boxes
THREE_COLUMN_PAGE = 240 * mm  # from this content width page 1 may have three columns
TWO_COLUMN_STEPS = 170 * mm  # instructions in two columns from this width (not large print)
NOTE: Color = HexColor("#fbf0d9")  # a note that must be seen (when to see a doctor)


@dataclass(frozen=True)
class SheetRequest:
    """One sheet to print. ``code`` None gives a blank sheet (no code, no QR)."""

    text: SheetText
    preferred_name: str | None = None
    week_start: date | None = None
    bring_on: date | None = None
    code: str | None = None
    paper: Paper = "a4"
    large_print: bool = False
    fillable: bool = False
    # The dates the sheet covers (start to the day it is due); empty: 7 days from
    # ``week_start`` (or undated).
    days: tuple[date, ...] = ()
    # Event records: how many entry blocks to print (from the assignment's
    # frequency); None: the template's own number.
    entries: int | None = None
    # The assignment's target (ABC: the behaviour; exposure: the practice task),
    # printed at the top of the record.
    target: str | None = None
    # A fillable assignment sheet's seal (services.sheet_seal): its marker is
    # authenticated, so an edited code or added blocks are refused on import.
    seal: SheetSeal | None = None
    # The therapist's own steps for this assignment, printed beside the level's
    # graded steps in a box "From your therapist" (empty: none).
    from_therapist: tuple[str, ...] = ()

    def sheet_days(self, count: int = 7) -> list[tuple[int, date | None]]:
        """(weekday, date) of each day block: ``days`` if given, else ``count`` days."""
        if self.days:
            return [(d.weekday(), d) for d in self.days]
        return wording.week_days(self.week_start, count)

    def entry_count(self, default: int) -> int:
        """Entry blocks for an event record: ``entries`` if given, else ``default``."""
        return max(1, self.entries if self.entries is not None else default)


class SelfRecordSheet:
    """Renders one :class:`SheetRequest` (pretix-style: one class per PDF)."""

    def __init__(self, request: SheetRequest) -> None:
        if request.paper not in PAGE_SIZES:
            raise ValueError(f"Unknown paper {request.paper!r}: use 'a4' or 'letter'.")
        self.request = request
        self.text = request.text
        self.style: SheetStyle = sheet_style(request.text.level, request.large_print)
        landscape = request.text.form.landscape or wants_landscape(request.text)
        self.page_w, self.page_h = page_size(request.paper, landscape)
        self.width = self.page_w - 2 * MARGIN_X
        self.kinds: dict[str, FieldKind] = {f.key: f.kind for f in request.text.fields}

    # -- public -----------------------------------------------------------------
    def generate(self) -> bytes:
        buf = io.BytesIO()
        c = new_canvas(buf, self.request.paper, self.text.title)
        if self.request.code:
            c.setKeywords(f"code={self.request.code}")
        self.draw_on(c, PictogramPainter(c))
        c.save()
        self.missing_glyphs = glyph_warning(c, self.text.template)
        return buf.getvalue()

    # Characters no font could draw, printed as "[?]" (sheets/glyphs.py); set by generate.
    missing_glyphs = 0

    def draw_on(self, c: Canvas, painter: PictogramPainter) -> None:
        """Draw every page of this sheet on ``c``, ending with ``showPage``."""
        ctx = DrawContext(c, painter, self.style, self.text.language, self.request.fillable)
        blocks = self._blocks(ctx)
        available = self.page_h - MARGIN_TOP - MARGIN_BOTTOM
        pages = paginate(blocks, available)
        if self.text.layout is Layout.ENTRIES:
            limit = 99 if self.text.form is Form.COLUMNS else MAX_EXTRA_LINES  # table rows fill
            given = 0  # the last page's rows grow no taller than the rows before them
            before = any(b.stretch for page in pages[:-1] for b, _ in page)
            for number, page in enumerate(pages, start=1):
                cap = min(limit, given) if number == len(pages) and before else limit
                given = max(given, stretch(page, available, self.style.line_gap, cap))
        top = self.page_h - MARGIN_TOP
        for number, page in enumerate(pages, start=1):
            c.setPageSize((self.page_w, self.page_h))
            if number == 1:
                self._first_page_furniture(c)
            for block, offset in page:
                block.draw(MARGIN_X, top - offset)
            if number == len(pages) and self.request.fillable:
                self._marker(c)
            self._footer(c, number, len(pages))
            c.showPage()

    # -- page furniture -----------------------------------------------------------
    def _first_page_furniture(self, c: Canvas) -> None:
        r, s = self.request, self.style
        if r.code:
            x = self.page_w - MARGIN_X - QR_SIZE
            y = self.page_h - MARGIN_TOP - QR_SIZE
            draw_qr(c, r.code, x, y, QR_SIZE)
            c.setFillColor(INK)
            c.setFont(s.bold, min(s.body, 12))
            c.drawCentredString(x + QR_SIZE / 2, y - 4 * mm, r.code)

    def _marker(self, c: Canvas) -> None:
        """The hidden marker and kinds fields, sealed over the blocks really printed."""
        r, form = self.request, acro_form(c)
        scales = {f.key: f.scale for f in self.text.fields if f.scale}
        kinds = encode_kinds(self.kinds, scales)
        names = field_names(c)
        marker = encode_marker(
            r.code, self.text.template, self.text.level, self.text.language,
            seal=r.seal, blocks=block_count(names), kinds=kinds, names=names,
        )  # fmt: skip
        for name, value in ((CODE_FIELD, marker), (KINDS_FIELD, kinds)):
            form.textfield(
                name=name, value=value, x=0, y=0, width=1, height=1, borderWidth=0,
                borderColor=None, fillColor=None, fieldFlags="readOnly",
                annotationFlags="hidden", maxlen=len(value) + 1,
            )  # fmt: skip

    def _footer(self, c: Canvas, number: int, total: int) -> None:
        r, s = self.request, self.style
        parts = [self.text.title]
        if r.preferred_name:
            parts.append(r.preferred_name)
        if r.code:
            parts.append(wording.label("code", self.text.language, code=r.code))
        page = wording.label("page", self.text.language, i=number, n=total)
        room = self.width - c.stringWidth(page, s.regular, s.small) - 6 * mm
        while len(parts) > 1 and c.stringWidth("  ·  ".join(parts), s.regular, s.small) > room:
            parts.pop(0)  # a long title gives way to the name and code
        c.setFillColor(MUTED)
        c.setFont(s.regular, s.small)
        c.drawString(MARGIN_X, FOOTER_BASELINE, "  ·  ".join(parts))
        c.drawRightString(self.page_w - MARGIN_X, FOOTER_BASELINE, page)

    # -- blocks -------------------------------------------------------------------
    def _blocks(self, ctx: DrawContext) -> list[Block]:
        table = None
        if self.text.form is Form.COLUMNS:
            entries = self.request.entry_count(self.text.entries)
            room = self.page_h - MARGIN_TOP - MARGIN_BOTTOM
            table = ColumnsTable(ctx, self.text.fields, entries, self.width, room)
        page_one, keyed = self._page_one(ctx, table)
        blocks = [self._header(ctx), *page_one]
        if self.request.from_therapist:
            heading = wording.label("from_therapist", self.text.language)
            body = "\n".join(self.request.from_therapist)
            blocks.append(self._tinted_box(ctx, "speech", heading, body))
        blocks += self._target(ctx)
        room = self.page_h - MARGIN_TOP - MARGIN_BOTTOM
        self.first_room = room - sum(b.space_before + b.height for b in blocks)
        if table:  # sized again, so that its first row starts on page 1 if it can
            entries = self.request.entry_count(self.text.entries)
            table = ColumnsTable(ctx, self.text.fields, entries, self.width, room, self.first_room)
        blocks += table.blocks(with_key=not keyed) if table else self._record(ctx)
        return blocks

    # Room left on page 1 under the header and instructions; set by _blocks.
    first_room = 0.0

    def _header(self, ctx: DrawContext) -> Block:
        s, r, lang = self.style, self.request, self.text.language
        c = ctx.canvas
        width = self.width - (QR_SIZE + 6 * mm if r.code else 0)
        title = wrap_text(self.text.title, s.bold, s.body, width)
        main = wrap_text(self.text.main_message, s.bold, s.main, width)
        who = wording.label("for", lang, name=r.preferred_name) if r.preferred_name else None
        week = (
            wording.week_range(r.days[0], lang, r.days[-1])
            if r.days
            else wording.week_range(r.week_start, lang)
            if r.week_start
            else None
        )
        lines: list[tuple[str, bool]] = []  # (text, blank to fill in)
        joined = f"{who}   ·   {week}" if who and week else ""
        if joined and c.stringWidth(joined, s.bold, s.body) <= width:
            lines.append((joined, False))
        else:
            for known, blank in ((who, "name_blank"), (week, "week_blank")):
                if known:
                    lines += [(line, False) for line in wrap_text(known, s.bold, s.body, width)]
                else:
                    lines.append((wording.label(blank, lang), True))
        text_h = (
            len(title) * s.leading + len(main) * s.main_leading + 1 * mm + len(lines) * s.leading
        )
        height = max(text_h, QR_SIZE + 6 * mm) if r.code else text_h

        def draw(x: float, top: float) -> None:
            y = top - draw_lines(c, title, s.bold, s.body, s.leading, x, top, ACCENT)
            y -= draw_lines(c, main, s.bold, s.main, s.main_leading, x, y) + 1 * mm
            for text, blank in lines:
                draw_lines(c, [text], s.bold, s.body, s.leading, x, y)
                if blank:
                    lx = x + c.stringWidth(text, s.bold, s.body) + 2 * mm
                    c.setStrokeColor(INK)
                    c.setLineWidth(0.8)
                    c.line(lx, y - s.leading + 1.5 * mm, lx + 60 * mm, y - s.leading + 1.5 * mm)
                y -= s.leading

        return Block(height, draw)

    def _tinted_box(
        self, ctx: DrawContext, picture: str | None, heading: str | None, body: str,
        body_bold: bool = False, fill: Color = TINT, width: float | None = None,
        run_in: bool = False,
    ) -> Block:  # fmt: skip
        """A tinted box; ``run_in`` starts the body on the heading's line."""
        s, c = self.style, ctx.canvas
        box_w = width or self.width
        pic = s.instruction_picture * 0.8 if (picture and s.pictures) else 0.0
        text_x = s.pad + (pic + 4 * mm if pic else 0.0)
        text_w = box_w - text_x - s.pad
        font = s.bold if body_bold else s.regular
        indent = 0.0
        if heading and run_in:  # only where a few words fit after the heading
            run_in = c.stringWidth(f"{heading}:  ", s.bold, s.body) <= text_w * 0.6
        if heading and run_in:
            head = [f"{heading}:"]
            indent = c.stringWidth(head[0] + "  ", s.bold, s.body)
            first = wrap_text(body, font, s.body, text_w - indent)[:1]
            rest = body[len(first[0]) :].strip() if first else body
            lines = first + (wrap_text(rest, font, s.body, text_w) if rest else [])
        else:
            head = wrap_text(heading, s.bold, s.body, text_w) if heading else []
            parts = body.split("\n")
            lines = [ln for part in parts for ln in wrap_text(part, font, s.body, text_w)]
        text_h = (len(lines) + (0 if run_in else len(head))) * s.leading
        height = max(text_h, pic) + 2 * s.pad

        def draw(x: float, top: float) -> None:
            c.setFillColor(fill)
            c.setStrokeColor(ACCENT)
            c.setLineWidth(1.2)
            framed = 1 if fill is not TINT else 0
            c.roundRect(x, top - block.height, box_w, block.height, 3 * mm, stroke=framed, fill=1)
            if pic:
                ctx.painter.draw(picture, x + s.pad, top - block.height / 2 - pic / 2, pic)
            y = top - s.pad - max(0.0, (block.height - 2 * s.pad - text_h) / 2)
            if run_in:
                draw_lines(c, head, s.bold, s.body, s.leading, x + text_x, y, ACCENT)
                y -= draw_lines(c, lines[:1], font, s.body, s.leading, x + text_x + indent, y)
                lines_left = lines[1:]
            else:
                y -= draw_lines(c, head, s.bold, s.body, s.leading, x + text_x, y, ACCENT)
                lines_left = lines
            draw_lines(c, lines_left, font, s.body, s.leading, x + text_x, y)

        block = Block(height, draw, space_before=3 * mm)
        return block

    def _bring_and_why(self, ctx: DrawContext) -> list[Block]:
        """The bring-by band and the "why this helps" box; side by side where the page is
        wide enough, so the first entries start on page 1."""
        if self.width < SIDE_BY_SIDE or self.style.large_print:
            return [self._bring_band(ctx), self._why_box(ctx)]
        gap = 4 * mm
        s = self.style
        pic = s.instruction_picture * 0.8 if s.pictures else 0.0
        text = self._bring_text()
        bring_w = ctx.canvas.stringWidth(text, s.bold, s.body) + 2 * s.pad + 1
        bring_w += pic + 4 * mm if pic else 0.0
        stacked = [self._bring_band(ctx), self._why_box(ctx)]
        room = self.width - gap
        wrapped = BRING_SHARES if s.pictures else ()  # pictured levels: page 1 is tight
        widths = [w for w in (bring_w, *(room * k for k in wrapped)) if w <= room * 0.6]
        if not widths:
            return stacked
        pairs = [(self._bring_band(ctx, w), self._why_box(ctx, room - w), w) for w in widths]
        bring, why, bring_w = min(pairs, key=lambda p: max(p[0].height, p[1].height))
        bring.height = why.height = max(bring.height, why.height)
        if bring.height + 1 * mm >= _tall(stacked):
            return stacked

        def draw(x: float, top: float) -> None:
            bring.draw(x, top)
            why.draw(x + bring_w + gap, top)

        return [Block(bring.height, draw, space_before=3 * mm)]

    def _bring_text(self) -> str:
        r, lang = self.request, self.text.language
        if r.bring_on:
            return wording.label("bring_on", lang, date=wording.long_date(r.bring_on, lang))
        return wording.label("bring_next", lang)

    def _bring_band(self, ctx: DrawContext, width: float | None = None) -> Block:
        text = self._bring_text()
        return self._tinted_box(ctx, "door", None, text, body_bold=True, width=width)

    def _page_one(self, ctx: DrawContext, table: ColumnsTable | None) -> tuple[list[Block], bool]:
        """The note, bring-by band, why box and steps, stacked; on a landscape page they
        may flow into two or three columns instead, with the table's list of numbered
        options (then True: the table leaves its list out), if that is lower."""
        stacked = [*self._note(ctx), *self._bring_and_why(ctx), *self._instructions(ctx)]
        if self.width < SIDE_BY_SIDE_PAGE or self.style.large_print:
            return stacked, False
        keyed = bool(table and table.key_blocks(self.width))
        if keyed and table:
            stacked = stacked + table.key_blocks(self.width)
        compact = table.compact_keys() if table else []
        below = _tall(compact) + (2 * mm if compact else 0.0)  # packed under the columns
        best: tuple[float, list[list[Block]], float, bool] | None = None
        counts = (2, 3) if self.width >= THREE_COLUMN_PAGE else (2,)
        choices = [(n, two, packed) for n in counts for two in (False, True)
                   for packed in ((False, True) if compact else (False,))]  # fmt: skip
        for count, two, packed in choices:
            gap = 8 * mm
            column = (self.width - (count - 1) * gap) / count
            items = [
                self._bring_band(ctx, column),
                self._why_box(ctx, column, run_in=True),
                *self._instructions(ctx, column, two, gap=3 * mm),
                *(table.key_blocks(column) if table and not packed else []),
            ]
            columns = _balanced(items, count)
            height = max(_tall(col) for col in columns) + (below if packed else 0.0)
            if best is None or height < best[0] - 1 * mm:
                best = (height, columns, column + gap, packed)
        assert best is not None
        height, columns, shift, packed = best
        note = self._note(ctx)  # across the page: a warning is read first, in one piece
        if _tall(note) + height >= _tall(stacked):
            return stacked, keyed
        tops = height - below if packed else height

        def draw(x: float, top: float) -> None:
            for k, blocks in enumerate(columns):
                y = top
                for i, b in enumerate(blocks):
                    y -= b.space_before if i else 0.0
                    b.draw(x + k * shift, y)
                    y -= b.height
            y = top - tops - 2 * mm
            for b in compact if packed else []:
                b.draw(x, y)
                y -= b.height

        return [*note, Block(height, draw, space_before=2 * mm)], keyed

    def _note(self, ctx: DrawContext, width: float | None = None) -> list[Block]:
        """The variant's note (e.g. when to see a doctor) in its own framed box, page 1."""
        if not self.text.note:
            return []
        picture = self.text.note_pictogram
        note = self.text.note
        return [self._tinted_box(ctx, picture, None, note, body_bold=True, fill=NOTE, width=width)]

    def _target(self, ctx: DrawContext) -> list[Block]:
        """ "The behaviour we are looking at: ..." above the record; a line to write it
        on when the assignment gives no target."""
        label = self.text.target_label
        if not label:
            return []
        s, c, target = self.style, ctx.canvas, self.request.target
        label_w = c.stringWidth(label, s.bold, s.body)
        rest = self.width - label_w - 3 * mm
        if target:
            same_line = c.stringWidth(target, s.regular, s.body) <= rest
            lines = wrap_text(target, s.regular, s.body, self.width)
            rows = 1 if same_line else 1 + len(lines)
        else:
            same_line, lines = rest >= 40 * mm, []
            rows = 1 if same_line else 2
        height = rows * s.leading + 2 * mm

        def draw(x: float, top: float) -> None:
            y = top - 1 * mm
            draw_lines(c, [label], s.bold, s.body, s.leading, x, y, ACCENT)
            tx = x + label_w + 3 * mm if same_line else x
            ty = y if same_line else y - s.leading
            if target:
                draw_lines(
                    c, [target] if same_line else lines, s.regular, s.body, s.leading, tx, ty
                )
                return
            base = ty - s.leading + 1.5 * mm
            c.setStrokeColor(INK)
            c.setLineWidth(0.8)
            c.line(tx, base, x + self.width, base)

        return [Block(height, draw, keep_with_next=True, space_before=3 * mm)]

    def _why_box(
        self, ctx: DrawContext, width: float | None = None, run_in: bool | None = None
    ) -> Block:
        heading = wording.label("why", self.text.language)
        if run_in is None:
            run_in = width is not None  # beside the bring-by band: one line less
        return self._tinted_box(
            ctx, "helps", heading, self.text.why_it_helps, width=width, run_in=run_in
        )

    def _instructions(
        self, ctx: DrawContext, within: float | None = None, two: bool | None = None,
        gap: float = BLOCK_GAP,
    ) -> list[Block]:  # fmt: skip
        """The "What to do" heading and numbered steps, ``within`` a width (default: the
        page's); in ``two`` columns (default: where the width allows), ``gap`` above."""
        s, c = self.style, ctx.canvas
        room = within or self.width
        heading = wrap_text(
            wording.label("what_to_do", self.text.language), s.bold, s.heading, room
        )

        def draw_heading(x: float, top: float) -> None:
            draw_lines(c, heading, s.bold, s.heading, s.heading_leading, x, top, ACCENT)

        blocks = [Block(len(heading) * s.heading_leading, draw_heading, True, space_before=gap)]
        pictures = self.text.instruction_pictograms
        if two is None:
            two = room >= TWO_COLUMN_STEPS and not self.style.large_print
        two = two and len(self.text.instructions) > 2
        width = (room - 6 * mm) / 2 if two else room
        steps = []
        for number, raw in enumerate(self.text.instructions, start=1):
            given = pictures[number - 1] if number <= len(pictures) else None
            steps.append(self._instruction(ctx, number, raw, given, width))
        if not two:
            return blocks + steps
        return [*blocks, self._two_columns(steps, width + 6 * mm)]

    @staticmethod
    def _two_columns(steps: list[Block], shift: float) -> Block:
        """Numbered steps in two columns, read down the left one first."""
        half = (sum(b.height + b.space_before for b in steps) + 1) / 2
        split, used = len(steps), 0.0
        for i, b in enumerate(steps):
            used += b.height + b.space_before
            if used >= half:
                split = i + 1 if used - half < (b.height + b.space_before) / 2 else i
                break
        split = min(max(split, 1), len(steps) - 1) if len(steps) > 1 else split
        columns = (steps[:split], steps[split:])
        height = max(sum(b.height + b.space_before for b in col) for col in columns)

        def draw(x: float, top: float) -> None:
            for k, col in enumerate(columns):
                y = top
                for b in col:
                    y -= b.space_before
                    b.draw(x + k * shift, y)
                    y -= b.height

        return Block(height, draw)

    def _instruction(
        self, ctx: DrawContext, number: int, text: str, given: str | None,
        width: float | None = None,
    ) -> Block:  # fmt: skip
        s, c = self.style, ctx.canvas
        if s.pictures:  # the template's picture; without one, the number in its place
            pic = s.instruction_picture
            picture = given
            text_x = pic + 5 * mm
        else:
            pic, picture = 0.0, None
            text_x = c.stringWidth("00.", s.bold, s.body) + 2 * mm
        lines = wrap_text(text, s.regular, s.body, (width or self.width) - text_x)
        text_h = len(lines) * s.leading
        height = max(text_h, pic) + (2.5 * mm if pic else 1 * mm)

        def draw(x: float, top: float) -> None:
            if picture:
                ctx.painter.draw(picture, x, top - pic - 1 * mm, pic)
                y = top - 1 * mm - max(0.0, (pic - text_h) / 2)
            else:
                y = top
                draw_lines(c, [f"{number}."], s.bold, s.body, s.leading, x, y)
            draw_lines(c, lines, s.regular, s.body, s.leading, x + text_x, y)

        return Block(height, draw, space_before=1 * mm)

    def _record(self, ctx: DrawContext) -> list[Block]:
        lang = self.text.language
        blocks: list[Block] = []
        entries = self.request.entry_count(self.text.entries)
        days, room = self.request.sheet_days(7), self.page_h - MARGIN_TOP - MARGIN_BOTTOM
        if self.text.form is Form.COLUMNS:
            return ColumnsTable(ctx, self.text.fields, entries, self.width).blocks()
        if self.text.form is Form.ENTRY_GRID:
            return EntryGrid(ctx, self.text.fields, entries, self.width, room).blocks()
        if self.text.form is Form.TICK_GRID:
            return TickGrid(ctx, self.text.fields, entries, self.width).blocks()
        if self.text.form is Form.HOURLY:
            grid = HourlyGrid(ctx, self.text, days, self.width, room)
            grid.first_room = self.first_room
            return grid.blocks()
        if self.text.form is Form.WEEK_TABLE:
            week = WeekTable(ctx, self.text.fields, days, self.width, room)
            week.first_room = self.first_room
            return week.blocks()
        if self.text.layout is Layout.DAILY:
            days = self.request.sheet_days(max(7, self.text.entries))
            if len(days) == 7 and chart_fits(self.style, self.text.fields, self.width):
                return WeekChart(ctx, self.text.fields, days, self.width).blocks()
            for i, (weekday, day) in enumerate(days):
                head = wording.day_heading(weekday, day, lang)
                blocks += self._entry(ctx, head, f"d{i + 1}", "calendar")
        else:
            for n in range(1, self.request.entry_count(self.text.entries) + 1):
                head = wording.label("entry", lang, n=n)
                blocks += self._entry(ctx, head, f"e{n}", None)
        return blocks

    def _band(self, ctx: DrawContext, heading: str, picture: str | None) -> Block:
        """The dark heading strip of one day or entry."""
        s, c = self.style, ctx.canvas
        size = s.body + 2
        pic = size * 1.3 if (picture and s.pictures) else 0.0
        band_h = max(size * 1.45, pic) + 2 * mm

        def draw(x: float, top: float) -> None:
            c.setFillColor(ACCENT)
            c.rect(x, top - band_h, self.width, band_h, stroke=0, fill=1)
            tx = x + s.pad
            if pic:
                c.setFillColor(TINT)
                c.roundRect(tx - 1, top - band_h + 0.5 * mm, pic + 2, band_h - 1 * mm, 1 * mm, 0, 1)
                ctx.painter.draw(picture, tx, top - band_h / 2 - pic / 2, pic)
                tx += pic + 3 * mm
            c.setFillColor(TINT)
            c.setFont(s.bold, size)
            c.drawString(tx, top - band_h / 2 - 0.35 * size, heading)

        return Block(band_h, draw)

    def _entry(
        self, ctx: DrawContext, heading: str, prefix: str, picture: str | None
    ) -> list[Block]:
        band = self._band(ctx, heading, picture)
        band.keep_with_next, band.space_before = True, BLOCK_GAP
        more = wording.label("continued", self.text.language, heading=heading)
        repeat = self._band(ctx, more, picture)
        blocks = [band]
        for row in self._rows(ctx, prefix):
            block = self._row_block(row)
            block.repeat = repeat
            blocks.append(block)
        band.group_height = sum(b.height for b in blocks)
        return blocks

    def _pairable(self, f: SheetField) -> bool:
        """May this field share a row with a neighbour (two cells side by side)?"""
        s = self.style
        if is_wide(f, s):
            return False
        if s.columns >= 2:
            return True
        return s.level is LiteracyLevel.EASY and not s.large_print and f.kind in SMALL_KINDS

    def _rows(self, ctx: DrawContext, prefix: str) -> list[list[FieldCell]]:
        rows: list[list[FieldCell]] = []
        pending: list[FieldCell] = []
        fields = self.text.fields
        for i, f in enumerate(fields):
            cell = FieldCell(ctx, f, prefix)
            if f.beside and (pending or rows):  # joins the row of the field before it
                rows += [pending] if pending else []
                rows[-1].append(cell)
                pending = []
                continue
            starts_group = i + 1 < len(fields) and fields[i + 1].beside
            if starts_group or not self._pairable(f):
                rows += [pending] if pending else []
                rows.append([cell])
                pending = []
                continue
            nxt = fields[i + 1] if i + 1 < len(fields) else None
            if (
                pending
                and nxt is not None
                and nxt.kind is FieldKind.RATING
                and f.kind is not FieldKind.RATING
                and self._pairable(nxt)
            ):  # keep a rating beside the field it rates
                rows.append(pending)
                pending = []
            pending.append(cell)
            if len(pending) == 2:
                rows.append(pending)
                pending = []
        if pending:
            rows.append(pending)
        for row in rows:
            for cell in row:
                cell.narrow = len(row) >= 3
        return rows

    def _row_block(self, row: list[FieldCell]) -> Block:
        col_w = self.width / len(row)

        def draw(x: float, top: float) -> None:
            for i, cell in enumerate(row):
                cell.draw(x + i * col_w, top, col_w, block.height)

        block = Block(max(cell.height(col_w) for cell in row), draw)
        block.stretch = any(cell.field.kind is FieldKind.TEXT for cell in row)
        return block


def _tall(blocks: list[Block]) -> float:
    """The height of blocks stacked in a column (the first one's space left out)."""
    if not blocks:
        return 0.0
    return sum(b.height + b.space_before for b in blocks[1:]) + blocks[0].height


def _balanced(items: list[Block], count: int) -> list[list[Block]]:
    """``items`` cut into ``count`` columns read in order, the tallest as low as may be;
    never between a block and the one it is kept with."""
    cuts = [k for k in range(1, len(items)) if not items[k - 1].keep_with_next]
    best: list[list[Block]] = [items]
    low = _tall(items)
    for chosen in combinations(cuts, min(count - 1, len(cuts))):
        bounds = [0, *chosen, len(items)]
        columns = [items[a:b] for a, b in pairwise(bounds)]
        height = max(_tall(col) for col in columns)
        if height < low:
            best, low = columns, height
    return best


def page_size(paper: str, landscape: bool = False) -> tuple[float, float]:
    """(width, height) of a sheet's page, turned sideways for wide forms."""
    short, long = sorted(PAGE_SIZES[paper])
    return (long, short) if landscape else (short, long)


def new_canvas(buf: io.BytesIO, paper: str, title: str) -> Canvas:
    c = font_canvas(buf, PAGE_SIZES[paper])
    c.setTitle(title)
    c.setSubject(SUBJECT_MARKER)
    c.setAuthor("Practice")
    c.setCreator("Practice")
    return c


def render_many(requests: Iterable[SheetRequest]) -> bytes:
    """All sheets in one printable PDF (fillable requests print as paper sheets).

    One canvas for the batch: fonts and pictograms are embedded once, and form
    fields are left out (their names would clash between clients). Duplex-safe:
    every sheet starts on an odd page (a page marked blank on purpose is added
    after a sheet with an odd number of pages), so one client's sheet is never
    printed on the back of another's.
    """
    items = list(requests)
    if not items:
        raise ValueError("render_many needs at least one sheet request")
    buf = io.BytesIO()
    language_titles = {"en": "Self-record sheets", "es": "Hojas de autorregistro"}
    c = new_canvas(buf, items[0].paper, language_titles[items[0].text.language.value])
    painter = PictogramPainter(c)
    for before, request in zip([None, *items], items, strict=False):
        if before is not None and c.getPageNumber() % 2 == 0:  # it ended on an odd page
            blank_page(c, before)
        SelfRecordSheet(replace(request, fillable=False)).draw_on(c, painter)
    c.save()
    return buf.getvalue()


def blank_page(c: Canvas, before: SheetRequest) -> None:
    """A back page left blank on purpose, the size of the page before it."""
    style = sheet_style(LiteracyLevel.STANDARD, False)
    width, height = c._pagesize  # the page the last sheet set
    c.setFillColor(MUTED)
    c.setFont(style.regular, style.small)
    c.drawCentredString(width / 2, height / 2, wording.label("blank_page", before.text.language))
    c.showPage()


__all__ = ["SelfRecordSheet", "SheetRequest", "blank_page", "render_many"]
