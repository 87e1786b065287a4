"""Each answer of a returned fillable sheet, read and judged (docs/clinical.md, Beyond paper).

Every answered field is kept; nothing is dropped and nothing doubtful passes as
valid. A value that does not fit its field is kept as typed with a ``problem``
for the therapist:

- a rating outside its scale (``scale_kinds.scale_range`` of the field's scale at
  the sheet's level: "150" on 0-100) or not a whole number ("7/10");
- a clock time that is not one ("late", "25:00");
- a number that is not whole or not sane (more than the 1440 minutes of a day);
- very long text (kept, cut at ``TEXT_MAX`` characters);
- a field that was not printed on the sheet.

Labels come from the English text of the sheet's level, so the therapist reads
"Sleep quality" on a Spanish sheet; the client's own words stay in ``raw``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from practice.domain.sleep import clock_text, parse_clock
from practice.sheets.fillable import FilledSheet, RawAnswer
from practice.sheets.model import FieldKind, SheetField, SheetText
from practice.sheets.scale_kinds import ScaleKind, scale_range
from practice.sheets.scales import face_choices
from practice.sheets.styles import sheet_style

TEXT_MAX = 4000
NUMBER_MAX = 24 * 60  # minutes in a day: no count on a sheet is sanely larger
_WHOLE = re.compile(r"^\d{1,4}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class CheckedAnswer:
    """One answer as read: what was written (``raw``), what it means (``value``,
    ``number``), and why it was flagged (``problem``), if it was."""

    name: str
    block: str
    slot: str | None
    key: str
    option: int | None
    kind: FieldKind
    scale_max: int | None
    label: str
    raw: str
    value: str
    number: int | None
    problem: str | None

    @property
    def where(self) -> str:
        """'Day 2', 'Entry 1', 'Day 3, 07:00'."""
        head = f"{'Day' if self.block.startswith('d') else 'Entry'} {self.block[1:]}"
        return f"{head}, {self.slot[1:].zfill(2)}:00" if self.slot else head


def _scale(kind: str | None) -> ScaleKind | None:
    try:
        return ScaleKind(kind) if kind else None
    except ValueError:
        return None


def _label(field: SheetField | None, key: str) -> str:
    text = field.label if field else key.replace("_", " ").capitalize()
    return text.strip().rstrip(":")


def _rating(
    answer: RawAnswer, low: int, high: int, field: SheetField | None, shown: SheetText | None
) -> tuple[str, int | None, str | None]:
    text = answer.raw.strip()
    if not _WHOLE.match(text):
        return text, None, f"“{text}” is not a whole number from {low} to {high}."
    value = int(text)
    if not low <= value <= high:
        return text, None, f"{value} is outside the {low}–{high} scale of this sheet."
    if high <= 4 and field is not None and shown is not None:
        words = face_choices(sheet_style(shown.level), shown.language, field)
        if len(words) == high - low + 1:
            return f"{words[value - low][1]} ({value} / {high})", value, None
    return f"{value} / {high}", value, None


def _one(
    answer: RawAnswer,
    filled: FilledSheet,
    english: dict[str, SheetField],
    shown: SheetText | None,
) -> CheckedAnswer:
    kind, scale = filled.kinds.get(answer.key, (FieldKind.TEXT, None))
    field = english.get(answer.key)
    raw = _CONTROL.sub("", answer.raw)
    value, number, problem, top = raw, None, None, None
    if answer.key not in filled.kinds:
        problem = "This field was not on the sheet as printed."
    if answer.option is not None:  # one ticked option of a group
        options = field.options if field else ()
        value = options[answer.option] if answer.option < len(options) else answer.tooltip
        raw, number = answer.tooltip or value, 1
    elif kind is FieldKind.TICK:
        value, number = "ticked", 1
    elif kind is FieldKind.RATING:
        low, top = scale_range(_scale(scale or (field.scale if field else None)), filled.level)
        value, number, problem = _rating(answer, low, top, field, shown)
    elif kind is FieldKind.TIME:
        minutes = parse_clock(raw)
        if minutes is None:
            problem = f"“{raw.strip()}” is not a clock time (like 23:30)."
        else:
            value, number = clock_text(minutes), minutes
    elif kind is FieldKind.NUMBER:
        text = raw.strip()
        if not _WHOLE.match(text):
            problem = f"“{text}” is not a whole number."
        elif int(text) > NUMBER_MAX:
            problem = f"{int(text)} is more than a sheet can sanely hold here."
        else:
            value, number = text, int(text)
    if len(raw) > TEXT_MAX:
        raw = value = raw[:TEXT_MAX]
        problem = f"Very long: cut at {TEXT_MAX} characters."
    label = _label(field, answer.key)
    return CheckedAnswer(
        answer.name, answer.block, answer.slot, answer.key, answer.option, kind, top,
        label, raw, value, number, problem,
    )  # fmt: skip


def check_answers(filled: FilledSheet, english: SheetText | None) -> tuple[CheckedAnswer, ...]:
    """Every answer of ``filled``, labelled from ``english`` (the sheet's level in English)."""
    fields = {f.key: f for f in english.fields} if english else {}
    return tuple(_one(a, filled, fields, english) for a in filled.raw)


def blocks_recorded(answers: tuple[CheckedAnswer, ...]) -> int:
    """Days or entries with any answer."""
    return len({a.block for a in answers})
