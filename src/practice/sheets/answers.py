"""Each answer of a returned fillable sheet, read and judged (docs/clinical.md, Beyond paper).

Every answered field is kept; nothing is dropped and nothing doubtful passes as
valid. A value that does not fit its field is kept as typed with a ``problem``
for the therapist:

- a rating outside its scale (``scale_kinds.scale_range`` of the field's scale at
  the sheet's level: "150" on 0-100) or not a whole number ("7/10");
- a clock time that is not one ("late", "25:00");
- a number that is not whole or not sane (more than the 1440 minutes of a day);
- text longer than ``TEXT_MAX`` characters (kept up to there, the rest cut);
- a field or option that was not printed on the sheet (the import refuses such a
  file first: ``services.filled_import``; this is the last guard).

Labels and option words come from the template, never from the file: the English
text of the sheet's level for the therapist ("Sleep quality" on a Spanish sheet),
and the option's words in the sheet's own language as the client's ``raw``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from practice.domain.sleep import clock_text, parse_clock
from practice.sheets.fillable import FilledSheet, RawAnswer, slot_text
from practice.sheets.model import FieldKind, SheetField, SheetText
from practice.sheets.scale_kinds import ScaleKind, scale_range
from practice.sheets.scales import face_choices
from practice.sheets.styles import sheet_style

TEXT_MAX = 20_000  # a week of writing fits; beyond this the text is cut and flagged
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
        """'Day 2', 'Entry 1', 'Day 3, 07:00', 'Day 1, morning (line 1)'."""
        return where_text(self.block, self.slot)


def where_text(block: str, slot: str | None) -> str:
    """Where an answer was on the sheet: 'Day 3, 07:00', 'Entry 2'."""
    head = f"{'Day' if block.startswith('d') else 'Entry'} {block[1:]}"
    return f"{head}, {slot_text(slot)}" if slot else head


def _scale(kind: str | None) -> ScaleKind | None:
    try:
        return ScaleKind(kind) if kind else None
    except ValueError:
        return None


def _label(field: SheetField | None, key: str) -> str:
    text = field.label if field else key.replace("_", " ").capitalize()
    return text.strip().rstrip(":")


def _distinct_labels(text: SheetText) -> dict[str, SheetField]:
    """The fields by key, each label made unique for the therapist's list: a label
    used twice ("Belief" beside the automatic and the balanced thought) names the
    field it follows ("Belief: Balanced thought")."""
    counts: dict[str, int] = {}
    for f in text.fields:
        counts[_label(f, f.key)] = counts.get(_label(f, f.key), 0) + 1
    fields: dict[str, SheetField] = {}
    before: SheetField | None = None
    for f in text.fields:
        if counts[_label(f, f.key)] > 1 and before is not None:
            f = replace(f, label=f"{_label(f, f.key)}: {_label(before, before.key)}")
        fields[f.key] = f
        before = f
    return fields


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


NOT_PRINTED = "This field was not on the sheet as printed."


def _one(
    answer: RawAnswer,
    filled: FilledSheet,
    english: dict[str, SheetField],
    shown: SheetText | None,
    own: dict[str, SheetField],
) -> CheckedAnswer:
    kind, scale = filled.kinds.get(answer.key, (FieldKind.TEXT, None))
    field = english.get(answer.key)
    raw = _CONTROL.sub("", answer.raw)
    value, number, problem, top = raw, None, None, None
    if answer.key not in filled.kinds:
        problem = NOT_PRINTED
    if answer.option is not None:  # one ticked option of a group
        options = field.options if field and kind is FieldKind.CHECKBOXES else ()
        if answer.option < len(options):
            value, number = options[answer.option], 1
            words = own[answer.key].options if answer.key in own else ()
            raw = words[answer.option] if answer.option < len(words) else value
        else:  # its words would come from the file: never shown as the sheet's
            value = raw = f"option {answer.option} (not printed)"
            problem = NOT_PRINTED
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
        problem = f"Very long: cut at {TEXT_MAX:,} characters."
    label = _label(field, answer.key)
    return CheckedAnswer(
        answer.name, answer.block, answer.slot, answer.key, answer.option, kind, top,
        label, raw, value, number, problem,
    )  # fmt: skip


def check_answers(
    filled: FilledSheet, english: SheetText | None, own: SheetText | None = None
) -> tuple[CheckedAnswer, ...]:
    """Every answer of ``filled``, labelled from ``english`` (the sheet's level in English);
    a ticked option's own words from ``own`` (the sheet as printed, its language)."""
    fields = _distinct_labels(english) if english else {}
    printed = own or english
    own_fields = {f.key: f for f in printed.fields} if printed else {}
    return tuple(_one(a, filled, fields, english, own_fields) for a in filled.raw)


def blocks_recorded(answers: tuple[CheckedAnswer, ...], printed: int | None = None) -> int:
    """Days or entries with an answer to a printed field; only blocks named as printed
    (d1 … d``printed``: never d0 or d01) count."""
    valid = re.compile(r"^[de][1-9]\d*$")
    return len(
        {
            a.block
            for a in answers
            if a.problem != NOT_PRINTED
            and valid.match(a.block)
            and (printed is None or int(a.block[1:]) <= printed)
        }
    )
