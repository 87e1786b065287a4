"""The "columns" form: an event record drawn as a table (docs/clinical.md, Literacy levels).

One column per field, one row per entry, like Beck's thought record. The header
row names each column (its label, a short hint, a rating's range such as
"0-100", and at easy and pictorial its pictogram) and is drawn again at the top
of every new page. Rows are blocks that never split and grow to fill the page.
On a fillable sheet each cell is an AcroForm field named ``e<n>.<field_key>``
(checkbox options add ``.<index>``; a face rating is a radio group).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from practice.domain.vocabulary import LiteracyLevel
from practice.sheets.cells import FIRST_LINE, Block, DrawContext
from practice.sheets.fillable import acro_form
from practice.sheets.model import FieldKind, SheetField
from practice.sheets.scale_kinds import ScaleKind, scale_range
from practice.sheets.scales import check_box, face_choices, radio_box, tick_box, underline
from practice.sheets.styles import ACCENT, BORDER, INK, MUTED, TINT, draw_lines, wrap

HEADER_GAP = 3 * mm  # space above the table
MIN_TEXT_LINES = 2  # a row leaves at least this many write-in lines per text column
NARROW = 17 * mm  # the least width of a rating, tick or short column
SHORT_MIN, SHORT_MAX = 20 * mm, 30 * mm  # a date, time or number column
RATING_MAX = 22 * mm  # a rating column widens to this for its label
MIN_TEXT = 24 * mm  # a write-in column is never narrower
KEYED_OPTIONS = 7  # from this many options (written levels) the header lists them numbered
KEY_COLUMNS = 3  # the numbered list across the table in at most this many columns
KEY_GAP = 6 * mm  # between two key columns
SHORT_LABEL_WORDS = 3  # pictured levels: a heading this short is never wrapped
SHORT_LABEL_MAX = 45 * mm  # ... when it is no wider than this
MAX_HEADING_LINES = 4  # a heading taller than this widens its column (write-ins give way)
ANSWER_PICTURE = 0.7  # an answer's picture beside its box, to the level's field picture
ANSWER_BOX = 0.85
HEADERS_PER_WEEK = 2  # a week of rows spans about two pages, each with the header
ROWS_PER_PAGE = 7  # weighs the rows of a week against the headers when sizing columns
KEY_BOX = 0.8  # numbered tick boxes a little smaller, so seven fit a line
OPTIONS_SHARE = 0.45  # a column of side-by-side options takes at most this share of the table
WRITTEN_LEVELS = (LiteracyLevel.STANDARD, LiteracyLevel.PLAIN)


@dataclass
class Column:
    """One column of the table: its field (None: the entry number) and width."""

    field: SheetField | None
    width: float = 0.0


class ColumnsTable:
    """Measures and draws the entry table of one sheet as page blocks."""

    def __init__(
        self, ctx: DrawContext, fields: tuple[SheetField, ...], entries: int, width: float,
        page_room: float | None = None, first_room: float | None = None,
    ) -> None:  # fmt: skip
        self.ctx = ctx
        self.s = ctx.style
        self.entries = entries
        self.width = width
        self.page_room = page_room  # a page's content height: columns sized for most rows
        # The room under page 1's instructions: first of all, a row starts there.
        self.first_room = first_room
        self.columns = [Column(None), *(Column(f) for f in fields)]
        self._size_columns()

    # -- public -----------------------------------------------------------------
    def compact_keys(self) -> list[Block]:
        """The numbered lists packed across the table's width, a few lines each."""
        return [
            self._compact_key(c.field) for c in self.columns if c.field and self._keyed(c.field)
        ]

    def key_blocks(self, width: float) -> list[Block]:
        """The numbered lists of long option lists, ``width`` wide (page 1 may place them)."""
        return [
            self._key_block(c.field, width)
            for c in self.columns
            if c.field and self._keyed(c.field)
        ]

    def blocks(self, with_key: bool = True) -> list[Block]:
        """The header row, then one block per entry (each repeats the header on a new page);
        first the numbered lists of long option lists, unless placed elsewhere."""
        header_h = self._header_height()
        header = Block(header_h, self._draw_header, keep_with_next=True, space_before=HEADER_GAP)
        if any(self._keyed(c.field) for c in self.columns):
            header.space_before = 1 * mm
        repeat = Block(header_h, self._draw_header)
        compact = self.compact_keys()
        row_h = self._row_height()
        if self.page_room:  # the repeated lists may not add a page
            per_page = (self.page_room - header_h) // row_h
            keyed, bare = (self._pages(header_h, row_h, per_page, k) for k in (True, False))
            compact = compact if keyed[0] <= bare[0] else []
        if compact:  # pages 2+ repeat the numbered options too, packed in a few lines
            repeat = Block(
                sum(b.height for b in compact) + header_h, self._stacked([*compact, repeat])
            )
        blocks = self.key_blocks(self.width) if with_key else []
        packed = self.compact_keys()
        alone = sum(b.height + b.space_before for b in blocks) + header_h + row_h
        if blocks and self.page_room and alone > self.page_room:  # the list would stand alone
            blocks = []
            header = Block(
                sum(b.height for b in packed) + header_h,
                self._stacked([*packed, Block(header_h, self._draw_header)]),
                keep_with_next=True,
                space_before=HEADER_GAP,
            )
        blocks.append(header)
        for n in range(1, self.entries + 1):
            row = Block(row_h, lambda x, top: None, stretch=True)
            row.draw = self._row_drawer(n, row)
            row.repeat = repeat
            blocks.append(row)
        return blocks

    # -- sizes --------------------------------------------------------------------
    def _pad(self) -> float:
        return self.s.pad

    def _word_width(self, text: str, font: str) -> float:
        words = text.split() or [""]
        return max(stringWidth(w, font, self.s.body) for w in words)

    def _pictured(self) -> bool:
        return self.s.field_picture > 0 and self.s.level not in WRITTEN_LEVELS

    def _option_picture(self) -> float:
        return self.s.field_picture * ANSWER_PICTURE if self._pictured() else 0.0

    def _choice_box(self) -> float:
        """A tick box beside an answer: a little smaller at the pictured levels, whose
        boxes are large, so stacked answers stand apart and rows stay low."""
        return self.s.box * (ANSWER_BOX if self._pictured() else 1.0)

    def _option_columns(self, f: SheetField) -> int:
        """Checkbox options side by side in a cell: two where a long list would make tall rows."""
        if len(f.options) < 3 or self.s.large_print:
            return 1
        if self.s.level not in WRITTEN_LEVELS:
            return 2  # pictured answers: two side by side at most
        if len(f.options) == 3:
            return 1
        return 3 if len(f.options) > 9 else 2  # at most; _choice_groups picks the fewest lines

    def _option_groups(self, f: SheetField) -> list[tuple[int, float]]:
        """(first option, width) of each group of options drawn one under the other."""
        s, pic = self.s, self._option_picture()
        per = -(-len(f.options) // self._option_columns(f))
        groups = []
        for first in range(0, len(f.options), per):
            longest = max(stringWidth(o, s.regular, s.body) for o in f.options[first : first + per])
            groups.append(
                (
                    first,
                    self._choice_box() + 2 * mm + (pic + 2 * mm if pic else 0) + longest + 2 * mm,
                )
            )
        return groups

    def _narrow_width(self, f: SheetField) -> float:
        s, pad = self.s, self._pad()
        words = max(self._word_width(f.label, s.bold), self._word_width(f.hint, s.regular))
        need = words + 2 * pad
        if self._keyed(f):
            need = max(need, self._key_width(f))
        elif f.kind is FieldKind.CHECKBOXES:
            options = sum(w for _, w in self._option_groups(f)) + 2 * pad
            need = max(need, min(options, self.width * OPTIONS_SHARE))
        elif f.kind is FieldKind.RATING and self.s.level not in WRITTEN_LEVELS:
            faces = [w for _, w in self._faces(f)]
            half = -(-len(faces) // 2)
            two = self._group_width(faces[:half]) + self._group_width(faces[half:])
            one = self._group_width(faces)
            need = max(need, (two if len(faces) >= 3 and not s.large_print else one) + 2 * pad)
        elif f.kind in (FieldKind.SHORT_TEXT, FieldKind.TIME, FieldKind.NUMBER):
            label = stringWidth(f.label, s.bold, s.body) + 2 * pad
            most = RATING_MAX if f.kind is FieldKind.NUMBER else SHORT_MAX
            need = max(need, min(label, most), SHORT_MIN)
        elif f.kind is FieldKind.RATING:  # a short label on one line
            need = max(need, min(stringWidth(f.label, s.bold, s.body) + 2 * pad, RATING_MAX))
        if self._pictured() and f.pictogram:
            need = max(need, s.field_picture + 2 * pad)
        return max(NARROW, need)

    def _size_columns(self) -> None:
        s = self.s
        number = self.columns[0]
        number.width = stringWidth("00", s.bold, s.body) + 2 * self._pad()
        flexible = [c for c in self.columns[1:] if c.field and c.field.kind is FieldKind.TEXT]
        for col in self.columns[1:]:
            if col not in flexible and col.field is not None:
                col.width = self._narrow_width(col.field)
        fixed = [c for c in self.columns[1:] if c not in flexible]
        for col in fixed:  # a long heading widens its column rather than stack up
            f = col.field
            if f is None or f.kind is FieldKind.CHECKBOXES or self._faced(f) or self._keyed(f):
                continue
            if self._heading_lines(f, col.width - 2 * self._pad()) > MAX_HEADING_LINES:
                wide = self._width_for_lines(f, MAX_HEADING_LINES, col.width)
                col.width = wide if wide < math.inf else col.width
        left = self.width - sum(c.width for c in self.columns if c not in flexible)
        short = MIN_TEXT * len(flexible) - left
        soft = [c for c in fixed if c.field and c.field.kind is not FieldKind.CHECKBOXES]
        room = {id(c): c.width - self._least_width(c.field) for c in soft if c.field}
        if flexible and short > 0 and sum(room.values()) > 0:  # headings wrap before options
            share = min(1.0, short / sum(room.values()))
            for col in soft:
                col.width -= max(0.0, room[id(col)]) * share
            left = self.width - sum(c.width for c in self.columns if c not in flexible)
        if flexible and fixed and left < MIN_TEXT * len(flexible):  # the narrow ones give way
            squeeze = (left - MIN_TEXT * len(flexible)) / sum(c.width for c in fixed)
            for col in fixed:
                col.width *= 1 + squeeze
            left = MIN_TEXT * len(flexible)
        weights = sum(c.field.lines for c in flexible if c.field)
        for col in flexible:
            assert col.field is not None
            col.width = left * col.field.lines / weights
        if not flexible:  # no write-in column: the header as low as the width allows
            self._balance_header()

    def _balance_header(self) -> None:
        """Size the columns so a page holds the most rows: tick-box columns wide enough
        for their options side by side (or as narrow as they may get, if that does
        better), the other headings wrapped to as few lines as the width allows."""
        options = [
            c
            for c in self.columns[1:]
            if c.field and (c.field.kind is FieldKind.CHECKBOXES or self._faced(c.field))
        ]
        best: tuple[tuple[tuple[int, int], float, float], list[float]] | None = None
        others = [c for c in self.columns[1:] if c not in options]
        least = sum(self._least_width(c.field) for c in others if c.field)
        for mask in range(2 ** len(options) - 1, -1, -1):  # which options stand side by side
            for bit, col in enumerate(options):
                assert col.field is not None
                natural = bool(mask >> bit & 1)
                if self._keyed(col.field):
                    col.width = self._key_width(col.field, 2 if natural else 3)
                else:
                    col.width = (self._narrow_width if natural else self._least_width)(col.field)
            if mask and least + sum(c.width for c in self.columns if c not in others) > self.width:
                continue  # side by side they would squeeze a heading's words
            self._fit_headings(others)
            header, row = self._header_height(), self._row_height()
            per_page = (self.page_room - header) // row if self.page_room else 0.0
            first = self._pages(header, row, per_page)
            cost = (first, -per_page, HEADERS_PER_WEEK * header + ROWS_PER_PAGE * row)
            if best is None or cost < (*best[0][:2], best[0][2] - 0.1):
                best = (cost, [c.width for c in self.columns])
        assert best is not None
        for col, width in zip(self.columns, best[1], strict=True):
            col.width = width

    def _pages(
        self, header: float, row: float, per_page: float, key: bool = True
    ) -> tuple[int, int]:
        """(pages, 0 if a row starts on page 1 else 1) for these sizes, ``key`` repeated
        on later pages; (0, 0) when the room on page 1 is not known."""
        if self.first_room is None or self.page_room is None or per_page < 1:
            return (0, 0)
        on_first = int(max(0.0, (self.first_room - header) // row))
        repeated = sum(b.height for b in self.compact_keys()) if key else 0.0
        later = max(1, int((self.page_room - header - repeated) // row))
        pages = 1 + -(-max(0, self.entries - on_first) // later)
        return (pages, 0 if on_first else 1)

    def _fit_headings(self, cols: list[Column]) -> None:
        """Give ``cols`` the least widths that wrap every heading to the fewest lines."""
        least = {id(c): self._least_width(c.field) for c in cols if c.field is not None}

        def width_for(col: Column, lines: int) -> float:
            assert col.field is not None
            return self._width_for_lines(col.field, lines, least[id(col)])

        fixed = sum(c.width for c in self.columns if c not in cols)
        widths = [least[id(c)] for c in cols]
        for lines in range(1, 8):
            fitted = [width_for(c, lines) for c in cols]
            if fixed + sum(fitted) <= self.width:
                widths = fitted
                break
        for col, w in zip(cols, widths, strict=True):  # else as narrow as they may get
            col.width = w
        self._share_out()

    def _share_out(self) -> None:
        """Scale the columns to the table's width (tick boxes keep their room when short)."""
        give = self.columns[1:]
        if sum(c.width for c in self.columns) > self.width:
            give = [
                c
                for c in give
                if c.field and c.field.kind is not FieldKind.CHECKBOXES and not self._faced(c.field)
            ]
        keep = sum(c.width for c in self.columns if c not in give)
        if keep >= self.width * 0.8:  # the tick boxes alone fill the table: all give way
            give, keep = self.columns[1:], self.columns[0].width
        scale = (self.width - keep) / sum(c.width for c in give)
        for col in give:
            col.width *= scale

    def _width_for_lines(self, f: SheetField, lines: int, least: float) -> float:
        """The least width (at least ``least``) that wraps the heading of ``f`` to
        ``lines`` lines; infinite if no width up to half the table does."""
        pad = self._pad()
        low, high = least, self.width / 2
        if self._heading_lines(f, high - 2 * pad) > lines:
            return math.inf
        while high - low > 0.5 * mm:
            mid = (low + high) / 2
            fits = self._heading_lines(f, mid - 2 * pad) <= lines
            low, high = (low, mid) if fits else (mid, high)
        return high

    def _faced(self, f: SheetField) -> bool:
        """Is ``f`` a rating answered by ticking a face?"""
        return f.kind is FieldKind.RATING and self.s.level not in WRITTEN_LEVELS

    def _least_width(self, f: SheetField) -> float:
        """The narrowest a column may get: its longest word, its options unwrapped."""
        s, pad = self.s, self._pad()
        words = max(self._word_width(f.label, s.bold), self._word_width(f.hint, s.regular))
        need = words + 2 * pad
        label = stringWidth(f.label, s.bold, s.body) + 2 * pad
        if (
            self._pictured()
            and len(f.label.split()) <= SHORT_LABEL_WORDS
            and label <= SHORT_LABEL_MAX
        ):
            need = label  # a short heading stays on one line
        if f.kind is FieldKind.CHECKBOXES:  # options may wrap between words
            widest = max(self._word_width(o, s.regular) for o in f.options)
            pic = self._option_picture()
            need = max(need, self._choice_box() + 3 * mm + (pic + 2 * mm if pic else 0) + widest)
            need += 2 * pad  # and a little room, so short options seldom wrap
        elif self._faced(f):
            need = max(need, self._group_width([w for _, w in self._faces(f)]) + 2 * pad)
        elif f.kind in (FieldKind.SHORT_TEXT, FieldKind.TIME):
            need = max(need, SHORT_MIN)
        return max(NARROW, need)

    def _heading_lines(self, f: SheetField, inner: float) -> int:
        s = self.s
        hint = len(fit(f.hint, s.regular, s.body, inner)) if f.hint else 0
        return len(fit(f.label, s.bold, s.body, inner)) + hint + (1 if self._range_text(f) else 0)

    def _range_text(self, f: SheetField) -> str:
        """The scale's ends printed in a rating's header, e.g. ``0-100``."""
        if f.kind is not FieldKind.RATING or self.s.level not in WRITTEN_LEVELS:
            return ""
        kind = ScaleKind(f.scale) if f.scale else None
        low, high = scale_range(kind, self.s.level)
        return f"{low}-{high}"

    def _header_parts(self, col: Column) -> tuple[float, list[str], list[str], str]:
        """(picture size, label lines, hint lines, range text) of one header cell."""
        s, f = self.s, col.field
        if f is None:
            return 0.0, ["#"], [], ""
        inner = col.width - 2 * self._pad()
        pic = s.field_picture if (self._pictured() and f.pictogram) else 0.0
        label = fit(f.label, s.bold, s.body, inner)
        hint = fit(f.hint, s.regular, s.body, inner) if f.hint else []
        return pic, label, hint, self._range_text(f)

    def _header_height(self) -> float:
        s = self.s
        tallest = 0.0
        for col in self.columns:
            pic, label, hint, scale = self._header_parts(col)
            lines = len(label) + len(hint) + (1 if scale else 0)
            tallest = max(tallest, (pic + 1 * mm if pic else 0.0) + lines * s.leading)
        return tallest + 2 * self._pad()

    # -- a long list of options: numbered once in the header, numbered boxes per row ----
    def _keyed(self, f: SheetField | None) -> bool:
        return (
            f is not None
            and f.kind is FieldKind.CHECKBOXES
            and len(f.options) >= KEYED_OPTIONS
            and self.s.level in WRITTEN_LEVELS
        )

    def _key_columns(self, f: SheetField, room: float) -> tuple[list[list[str]], list[float]]:
        """The numbered options of ``f`` in key columns read down, each as wide as its
        longest option: as many columns as fit the table's width unwrapped (at least one)."""
        s = self.s
        items = [f"{i}. {o}" for i, o in enumerate(f.options, start=1)]
        for count in range(KEY_COLUMNS, 0, -1):
            per = -(-len(items) // count)
            columns = [items[i : i + per] for i in range(0, len(items), per)]
            widths = [max(stringWidth(t, s.regular, s.body) for t in col) + KEY_GAP
                      for col in columns]  # fmt: skip
            if sum(widths) - KEY_GAP <= room or count == 1:
                return columns, widths
        raise AssertionError("unreachable")

    def _key_block(self, f: SheetField, room: float) -> Block:
        """The numbered list of ``f``'s options, printed once above the table."""
        s = self.s
        columns, widths = self._key_columns(f, room)
        label = fit(f.label, s.bold, s.body, room)
        lines = [[fit(t, s.regular, s.body, room) for t in col] for col in columns]
        rows = max(sum(len(item) for item in col) for col in lines)
        height = (len(label) + rows) * s.leading + 1 * mm

        def draw(x: float, top: float) -> None:
            c = self.ctx.canvas
            y = top - draw_lines(c, label, s.bold, s.body, s.leading, x, top, ACCENT)
            cx = x
            for col, width in zip(lines, widths, strict=True):
                cy = y
                for item in col:
                    cy -= draw_lines(c, item, s.regular, s.body, s.leading, cx, cy, INK)
                cx += width

        return Block(height, draw, keep_with_next=True, space_before=HEADER_GAP)

    def _compact_key(self, f: SheetField) -> Block:
        """The numbered options of ``f`` packed line by line across the table's width
        (repeated above the header on pages after the first)."""
        s, gap = self.s, 4 * mm
        items = [(f"{i}.", o) for i, o in enumerate(f.options, start=1)]

        def wide(item: tuple[str, str]) -> float:
            number, text = item
            return stringWidth(number + " ", s.bold, s.body) + stringWidth(text, s.regular, s.body)

        lines: list[list[tuple[str, str]]] = [[]]
        used = 0.0
        for item in items:
            need = wide(item) + (gap if lines[-1] else 0.0)
            if lines[-1] and used + need > self.width:
                lines.append([])
                used, need = 0.0, wide(item)
            lines[-1].append(item)
            used += need

        def draw(x: float, top: float) -> None:
            c = self.ctx.canvas
            for k, line in enumerate(lines):
                cx, y = x, top - (k + 1) * s.leading + 0.25 * s.leading
                for number, text in line:
                    c.setFillColor(ACCENT)
                    c.setFont(s.bold, s.body)
                    c.drawString(cx, y, number)
                    cx += stringWidth(number + " ", s.bold, s.body)
                    c.setFillColor(INK)
                    c.setFont(s.regular, s.body)
                    c.drawString(cx, y, text)
                    cx += stringWidth(text, s.regular, s.body) + gap

        return Block(len(lines) * s.leading + 1 * mm, draw)

    @staticmethod
    def _stacked(blocks: list[Block]) -> Callable[[float, float], None]:
        def draw(x: float, top: float) -> None:
            for b in blocks:
                b.draw(x, top)
                top -= b.height

        return draw

    def _key_width(self, f: SheetField, lines: int = 2) -> float:
        """The width of the numbered boxes of ``f`` on ``lines`` lines."""
        per = -(-len(f.options) // lines)
        return per * self._number_slot() + 2 * self._pad()

    def _number_slot(self) -> float:
        s = self.s
        return stringWidth("00", s.bold, s.body) + 0.6 * mm + s.box * KEY_BOX + 1.0 * mm

    def _number_rows(self, col: Column) -> int:
        assert col.field is not None
        per = max(1, int((col.width - 2 * self._pad() + 0.5) // self._number_slot()))
        return -(-len(col.field.options) // per)

    def _draw_numbered(self, col: Column, name: str, x: float, top: float) -> None:
        """A tick box for each option, with its number from the header's list."""
        ctx, s, c, pad, f = self.ctx, self.s, self.ctx.canvas, self._pad(), col.field
        assert f is not None
        slot, row_h = self._number_slot(), self._choice_row()
        per = max(1, int((col.width - 2 * pad + 0.5) // slot))
        for i, words in enumerate(f.options):
            bx = x + pad + (i % per) * slot
            box = s.box * KEY_BOX
            by = top - pad - (i // per) * row_h - row_h / 2 - box / 2
            c.setFillColor(INK)
            c.setFont(s.bold, s.body)
            c.drawRightString(
                bx + stringWidth("00", s.bold, s.body), by + box / 2 - 0.35 * s.body, str(i + 1)
            )
            nx = bx + stringWidth("00", s.bold, s.body) + 0.6 * mm
            tick_box(c, nx, by, box)
            if ctx.fillable:
                check_box(c, f"{name}.{i}", nx, by, box, words)

    def _faces(self, f: SheetField) -> list[tuple[str, str]]:
        return face_choices(self.s, self.ctx.language, f)

    def _choice_row(self) -> float:
        s = self.s
        return max(s.leading, self._choice_box() + 1 * mm, self._option_picture() + 1 * mm)

    def _choice_lines(self, words: list[str], width: float) -> list[tuple[list[str], float]]:
        """Each choice's words wrapped to a group ``width`` wide, and the height it takes."""
        s, ps = self.s, self._option_picture()
        room = width - self._choice_box() - 2 * mm - (ps + 2 * mm if ps else 0.0) - 1 * mm
        out = []
        for text in words:
            lines = fit(text, s.regular, s.body, room)
            out.append((lines, max(self._choice_row(), len(lines) * s.leading)))
        return out

    def _choice_groups(self, col: Column) -> list[tuple[int, float]]:
        """(first choice, width) of each group of choices drawn one under the other:
        as many groups side by side as give the lowest cell."""
        f = col.field
        assert f is not None
        room = col.width - 2 * self._pad()
        words = [w for _, w in self._choices(f)]
        most = self._option_columns(f) if f.kind is FieldKind.CHECKBOXES else 1
        if self.s.level not in WRITTEN_LEVELS and not self.s.large_print and len(words) >= 3:
            most = 2  # pictured answers: two side by side where the cell is wide
        best: list[tuple[int, float]] = [(0, room)]
        best_h = self._groups_height(words, best)
        for count in range(2, most + 1):
            per = -(-len(words) // count)
            natural = [self._group_width(words[i : i + per]) for i in range(0, len(words), per)]
            scale = room / sum(natural)
            groups = [(i * per, w * scale) for i, w in enumerate(natural)]
            height = self._groups_height(words, groups)
            if height < best_h - 0.5 and not self._wraps(words, groups):
                best, best_h = groups, height
        return best

    def _wraps(self, words: list[str], groups: list[tuple[int, float]]) -> bool:
        """Would a choice of more than one word, or any word, break across lines?"""
        ends = [first for first, _ in groups[1:]] + [len(words)]
        for (first, width), end in zip(groups, ends, strict=True):
            for lines, _ in self._choice_lines(words[first:end], width):
                if len(lines) > 1:
                    return True
        return False

    def _group_width(self, options: list[str]) -> float:
        s, pic = self.s, self._option_picture()
        longest = max(stringWidth(o, s.regular, s.body) for o in options)
        return self._choice_box() + 2 * mm + (pic + 2 * mm if pic else 0) + longest + 2 * mm

    def _groups_height(self, words: list[str], groups: list[tuple[int, float]]) -> float:
        ends = [first for first, _ in groups[1:]] + [len(words)]
        return max(
            sum(h for _, h in self._choice_lines(words[first:end], width))
            for (first, width), end in zip(groups, ends, strict=True)
        )

    def _choices(self, f: SheetField) -> list[tuple[str | None, str]]:
        if f.kind is FieldKind.CHECKBOXES:
            return [(f.option_pictogram(i), o) for i, o in enumerate(f.options)]
        return list(self._faces(f))

    def _choices_height(self, col: Column) -> float:
        assert col.field is not None
        choices = [words for _, words in self._choices(col.field)]
        groups = self._choice_groups(col)
        ends = [first for first, _ in groups[1:]] + [len(choices)]
        tallest = 0.0
        for (first, width), end in zip(groups, ends, strict=True):
            lines = self._choice_lines(choices[first:end], width)
            tallest = max(tallest, sum(h for _, h in lines))
        return tallest

    def _cell_need(self, col: Column) -> float:
        """Least height of the answer cell of ``col``."""
        s, f = self.s, col.field
        assert f is not None
        if f.kind is FieldKind.TEXT:
            return (FIRST_LINE + MIN_TEXT_LINES - 1) * s.line_gap + s.line_gap * 0.3
        if self._keyed(f):
            return self._number_rows(col) * self._choice_row() + 2 * self._pad()
        if f.kind is FieldKind.CHECKBOXES or (
            f.kind is FieldKind.RATING and s.level not in WRITTEN_LEVELS
        ):
            return self._choices_height(col) + 2 * self._pad()
        if f.kind is FieldKind.TICK:
            return s.box + 2 * self._pad()
        return s.line_gap * 0.85 + 2 * self._pad()

    def _row_height(self) -> float:
        return max(self._cell_need(c) for c in self.columns if c.field is not None)

    # -- drawing ------------------------------------------------------------------
    def _grid(self, c: Canvas, x: float, top: float, height: float) -> None:
        c.setStrokeColor(BORDER)
        c.setLineWidth(0.8)
        c.rect(x, top - height, self.width, height, stroke=1, fill=0)
        cx = x
        for col in self.columns[:-1]:
            cx += col.width
            c.line(cx, top, cx, top - height)

    def _draw_header(self, x: float, top: float) -> None:
        c, s, pad = self.ctx.canvas, self.s, self._pad()
        height = self._header_height()
        c.setFillColor(TINT)
        c.rect(x, top - height, self.width, height, stroke=0, fill=1)
        self._grid(c, x, top, height)
        cx = x
        for col in self.columns:
            pic, label, hint, scale = self._header_parts(col)
            y = top - pad
            if pic and col.field is not None and col.field.pictogram:
                self.ctx.painter.draw(col.field.pictogram, cx + pad, y - pic, pic)
                y -= pic + 1 * mm
            y -= draw_lines(c, label, s.bold, s.body, s.leading, cx + pad, y, ACCENT)
            if scale:
                y -= draw_lines(c, [scale], s.bold, s.body, s.leading, cx + pad, y, INK)
            draw_lines(c, hint, s.regular, s.body, s.leading, cx + pad, y, MUTED)
            cx += col.width

    def _row_drawer(self, n: int, row: Block) -> Callable[[float, float], None]:
        def draw(x: float, top: float) -> None:
            c, s = self.ctx.canvas, self.s
            self._grid(c, x, top, row.height)
            cx = x
            for col in self.columns:
                if col.field is None:
                    draw_lines(
                        c, [str(n)], s.bold, s.body, s.leading, cx + self._pad(), top - 1 * mm
                    )
                else:
                    self._draw_cell(col, f"e{n}.{col.field.key}", cx, top, row.height)
                cx += col.width

        return draw

    def _draw_cell(self, col: Column, name: str, x: float, top: float, height: float) -> None:
        ctx, s, pad = self.ctx, self.s, self._pad()
        f, c = col.field, ctx.canvas
        assert f is not None
        fillable = ctx.fillable
        inner = col.width - 2 * pad
        if f.kind in (FieldKind.TEXT, FieldKind.SHORT_TEXT):
            first = FIRST_LINE * s.line_gap
            n = max(1, int((height - first - 0.3 * s.line_gap) // s.line_gap) + 1)
            for i in range(n):
                underline(c, x + pad, top - first - i * s.line_gap, inner)
            if fillable:
                bottom = top - first - (n - 1) * s.line_gap
                acro_form(c).textfield(
                    name=name, x=x + pad, y=bottom, width=inner, height=top - 1 * mm - bottom,
                    fontSize=min(s.body, 12), borderWidth=0, borderColor=None, fillColor=None,
                    textColor=INK, tooltip=f.label, fieldFlags="multiline" if n > 1 else "",
                )  # fmt: skip
        elif self._keyed(f):
            self._draw_numbered(col, name, x, top)
        elif f.kind is FieldKind.CHECKBOXES or (
            f.kind is FieldKind.RATING and s.level not in WRITTEN_LEVELS
        ):
            choices = self._choices(f)
            groups = self._choice_groups(col)
            ends = [first for first, _ in groups[1:]] + [len(choices)]
            ox = x
            for (first, group_w), end in zip(groups, ends, strict=True):
                self._draw_choices(
                    name, choices[first:end], ox, top, group_w,
                    f.kind is FieldKind.RATING, first,
                )  # fmt: skip
                ox += group_w
        elif f.kind is FieldKind.TICK:
            tick_box(c, x + pad, top - pad - s.box, s.box)
            if fillable:
                check_box(c, name, x + pad, top - pad - s.box, s.box, f.label)
        else:  # a number to write: ratings at standard and plain, numbers, times
            bh = s.line_gap * 0.85
            by = top - pad - bh
            c.setStrokeColor(BORDER)
            c.setLineWidth(1.2)
            c.rect(x + pad, by, inner, bh, stroke=1, fill=0)
            if fillable:
                acro_form(c).textfield(
                    name=name, x=x + pad + 1, y=by + 1, width=inner - 2, height=bh - 2,
                    fontSize=min(s.body, 14), borderWidth=0, borderColor=None, fillColor=None,
                    textColor=INK, tooltip=f.label, maxlen=3 if f.kind is FieldKind.RATING else 0,
                )  # fmt: skip

    def _draw_choices(
        self, name: str, choices: list[tuple[str | None, str]], x: float, top: float,
        width: float, radio: bool, first: int = 0,
    ) -> None:  # fmt: skip
        """Tick boxes one under the other, each with its picture (if any) and words."""
        ctx, s, c, pad = self.ctx, self.s, self.ctx.canvas, self._pad()
        ps = self._option_picture()
        slot = bool(ps) and any(p for p, _ in choices)
        lines = self._choice_lines([words for _, words in choices], width)
        y = top - pad
        for row, (picture, words) in enumerate(choices):
            i = first + row
            text, row_h = lines[row]
            mid = y - row_h / 2
            y -= row_h
            bx, by = x + pad, mid - self._choice_box() / 2
            tick_box(c, bx, by, self._choice_box())
            if ctx.fillable and radio:
                radio_box(c, name, str(i), bx, by, self._choice_box(), words)
            elif ctx.fillable:
                check_box(c, f"{name}.{i}", bx, by, self._choice_box(), words)
            tx = bx + self._choice_box() + 2 * mm
            if slot and picture:
                ctx.painter.draw(picture, tx, mid - ps / 2, ps)
            if slot:
                tx += ps + 2 * mm
            draw_lines(c, text, s.regular, s.body, s.leading, tx, mid + len(text) * s.leading / 2)


def fit(text: str, font: str, size: float, width: float) -> list[str]:
    """Wrap ``text`` to ``width``; a word wider than a narrow column is broken with a hyphen."""
    lines: list[str] = []
    for line in wrap(text, font, size, width):
        while stringWidth(line, font, size) > width + 0.5 and len(line) > 2:  # 0.5 pt: rounding
            cut = len(line) - 1
            while cut > 1 and stringWidth(line[:cut] + "-", font, size) > width:
                cut -= 1
            lines.append(line[:cut] + "-")
            line = line[cut:]
        lines.append(line)
    return lines


__all__ = ["ColumnsTable", "fit"]
