"""Answers read from any layout's field names (hourly grids too) and judged by kind."""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from practice.domain.vocabulary import Language, LiteracyLevel
from practice.sheets.answers import blocks_recorded, check_answers
from practice.sheets.fillable import (
    CODE_FIELD,
    KINDS_FIELD,
    SUBJECT_MARKER,
    SheetSeal,
    acro_form,
    block_count,
    encode_marker,
    field_names,
    read_filled_sheet,
    seal_matches,
)
from practice.sheets.model import FieldKind, SheetField, SheetText


def grid_sheet() -> bytes:
    """A sheet as a future layout could draw it: an hourly grid and a week table."""
    buf = io.BytesIO()
    c = Canvas(buf)
    c.setSubject(SUBJECT_MARKER)
    form = acro_form(c)
    values = {
        "d1.h07.activity": "Walk the dog", "d1.h07.mastery": "6", "d3.h22.pleasure": "11",
        "d2.bed_time": "10 pm", "d2.minutes_to_sleep": "15", "d4.bed_time": "soon",
    }  # fmt: skip
    for i, (name, value) in enumerate(values.items()):
        form.textfield(name=name, value=value, x=50, y=700 - 30 * i, width=200, height=20)
    kinds = (
        "activity:short_text;mastery:rating:mastery;pleasure:rating:pleasure;"
        "bed_time:time;minutes_to_sleep:number"
    )
    seal = SheetSeal(5, None, b"k" * 32)
    marker = encode_marker(
        "AB12CD", "activity_schedule", LiteracyLevel.STANDARD, Language.EN, seal=seal,
        blocks=block_count(field_names(c)), kinds=kinds,
    )  # fmt: skip
    for name, value in ((CODE_FIELD, marker), (KINDS_FIELD, kinds)):
        form.textfield(name=name, value=value, x=0, y=0, width=1, height=1)
    c.showPage()
    c.save()
    return buf.getvalue()


def english() -> SheetText:
    fields = (
        SheetField("activity", "What I did", FieldKind.SHORT_TEXT),
        SheetField("mastery", "Mastery", FieldKind.RATING, scale="mastery"),
        SheetField("pleasure", "Pleasure", FieldKind.RATING, scale="pleasure"),
        SheetField("bed_time", "Time into bed", FieldKind.TIME),
        SheetField("minutes_to_sleep", "Minutes to fall asleep", FieldKind.NUMBER),
    )
    return SheetText(
        "activity_schedule", LiteracyLevel.STANDARD, Language.EN, "Week", "", (), "", fields
    )


def test_an_hourly_grid_and_a_week_table_are_read_generically() -> None:
    sheet = read_filled_sheet(grid_sheet())
    # the blocks counted when the marker was written are those the fields name
    assert sheet.seal is not None and (sheet.seal.block_kind, sheet.seal.blocks) == ("d", 4)
    assert seal_matches(b"k" * 32, sheet.seal, sheet.kinds_field)
    checked = {a.name: a for a in check_answers(sheet, english())}
    walk = checked["d1.h07.activity"]
    assert (walk.where, walk.label, walk.value, walk.slot) == (
        "Day 1, 07:00", "What I did", "Walk the dog", "h07",
    )  # fmt: skip
    # mastery and pleasure run 0-10 at standard: 6 fits, 11 does not
    assert (checked["d1.h07.mastery"].value, checked["d1.h07.mastery"].problem) == ("6 / 10", None)
    assert checked["d3.h22.pleasure"].problem == "11 is outside the 0–10 scale of this sheet."
    # a clock time as the client wrote it, read; one that is not, flagged
    assert (checked["d2.bed_time"].value, checked["d2.bed_time"].number) == ("22:00", 1320)
    assert checked["d4.bed_time"].problem == "“soon” is not a clock time (like 23:30)."
    assert checked["d2.minutes_to_sleep"].number == 15
    assert blocks_recorded(tuple(checked.values())) == 4
