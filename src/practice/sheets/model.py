"""What a self-record template is, once loaded: plain frozen dataclasses.

A template (e.g. ``thought_record``) has one :class:`SheetText` per
(level, language). The loader in :mod:`practice.sheets.templates` builds these
from the data files under ``resources/templates``; renderers only read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from practice.domain.vocabulary import Language, LiteracyLevel


class FieldKind(StrEnum):
    """How the client answers one field on the sheet."""

    TEXT = "text"  # write-in lines (free text)
    SHORT_TEXT = "short_text"  # one short write-in line
    RATING = "rating"  # the level's rating scale (0-100, 0-10, 5 faces, 3 faces)
    CHECKBOXES = "checkboxes"  # pick any of `options`
    TICK = "tick"  # a single yes/done tick box
    NUMBER = "number"  # a small number (minutes, times)
    TIME = "time"  # a clock time (sleep diary)


class Layout(StrEnum):
    """How entries are laid out: one block per day of the week, or per event."""

    DAILY = "daily"
    ENTRIES = "entries"


class Form(StrEnum):
    """How the record part of one variant is drawn (set per level: ``form = "..."``)."""

    BLOCKS = "blocks"  # a heading band per day or entry, the fields below it
    COLUMNS = "columns"  # event records as a table: one column per field, one row per entry
    HOURLY = "hourly"  # hours down, days across: one cell per hour and day
    WEEK_TABLE = "week_table"  # one row per field, one column per day
    ENTRY_GRID = "entry_grid"  # easy reading: answers listed once, one column of boxes per entry
    TICK_GRID = "tick_grid"  # easy reading: one row per entry, one pictured column per answer

    @property
    def landscape(self) -> bool:
        """Wide forms print on a landscape page."""
        return self in (Form.COLUMNS, Form.HOURLY, Form.TICK_GRID)


@dataclass(frozen=True)
class SheetField:
    key: str
    label: str
    kind: FieldKind
    hint: str = ""
    options: tuple[str, ...] = ()
    lines: int = 1
    pictogram: str | None = None
    # Ratings: what the scale measures (a ScaleKind value); None: guessed from the label.
    scale: str | None = None
    # Empty, or one pictogram name per option (None where it has none).
    option_pictograms: tuple[str | None, ...] = ()
    # Drawn in the same row as the field before it (ABC: A, B and C side by side).
    beside: bool = False

    def option_pictogram(self, index: int) -> str | None:
        """The pictogram drawn beside option ``index``, if it has one."""
        if index < len(self.option_pictograms):
            return self.option_pictograms[index]
        return None


@dataclass(frozen=True)
class SheetText:
    """One template at one level in one language: everything the client reads."""

    template: str
    level: LiteracyLevel
    language: Language
    title: str
    main_message: str
    instructions: tuple[str, ...]
    why_it_helps: str
    fields: tuple[SheetField, ...]
    layout: Layout = Layout.ENTRIES
    entries: int = 3
    # Empty, or one pictogram name per instruction (None where it has none);
    # easy and pictorial sheets draw each instruction with its picture.
    instruction_pictograms: tuple[str | None, ...] = ()
    form: Form = Form.BLOCKS
    # A line printed on the sheet in its own box (e.g. when to see a doctor), with
    # its pictogram; empty: none.
    note: str = ""
    note_pictogram: str | None = None
    # Label for the assignment's target printed at the top ("The behaviour: ..."),
    # empty: the target is not printed.
    target_label: str = ""

    @property
    def instruction_text(self) -> str:
        """All instruction sentences as one text (what readability is measured on)."""
        return " ".join(self.instructions)


@dataclass(frozen=True)
class Template:
    key: str
    names: dict[Language, str]
    source: str  # file it came from (for messages)
    variants: dict[tuple[LiteracyLevel, Language], SheetText] = field(default_factory=dict)
    builtin: bool = True
    # "days": a column per day from the start; "mornings": a column per morning from
    # the day after the start to the session day, for the night just ended (sleep diary)
    days: str = "days"

    def text(self, level: LiteracyLevel, language: Language) -> SheetText:
        return self.variants[(level, language)]

    def name(self, language: Language) -> str:
        return self.names.get(language) or next(iter(self.names.values()))
