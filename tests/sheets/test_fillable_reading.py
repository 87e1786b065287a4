"""Reading a returned sheet as it was printed: grid rows by name and order, a password-
protected file named as such, long text kept whole (sheets.fillable, sheets.answers)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter

from practice.domain.vocabulary import Language, LiteracyLevel
from practice.sheets.answers import TEXT_MAX, check_answers
from practice.sheets.fillable import ProtectedPdfError, read_filled_sheet
from practice.sheets.sheet import SelfRecordSheet, SheetRequest
from practice.sheets.templates import load_templates

LIBRARY = load_templates()


def sheet(template: str, level: LiteracyLevel) -> bytes:
    text = LIBRARY.get(template).text(level, Language.EN)
    return SelfRecordSheet(SheetRequest(text, code="AB12CD", fillable=True)).generate()


def fill(pdf: bytes, values: dict[str, str], password: str | None = None) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def read(template: str, level: LiteracyLevel, values: dict[str, str]):  # type: ignore[no-untyped-def]
    filled = read_filled_sheet(fill(sheet(template, level), values))
    return check_answers(filled, LIBRARY.get(template).text(level, Language.EN))


def test_part_of_day_rows_read_as_printed_and_in_printed_order() -> None:
    # Given a plain activity schedule with an activity in the evening, afternoon, morning
    answers = read(
        "activity_schedule",
        LiteracyLevel.PLAIN,
        {"d1.evening1.activity": "TV", "d1.afternoon2.activity": "Shop",
         "d1.morning1.activity": "Walk"},
    )  # fmt: skip
    # Then they read morning, afternoon, evening, each named with its line
    assert [(a.where, a.value) for a in answers] == [
        ("Day 1, morning (line 1)", "Walk"),
        ("Day 1, afternoon (line 2)", "Shop"),
        ("Day 1, evening (line 1)", "TV"),
    ]


def test_hourly_rows_read_as_clock_times() -> None:
    answers = read(
        "activity_schedule",
        LiteracyLevel.STANDARD,
        {"d2.h22.activity": "Read", "d2.h07.activity": "Breakfast"},
    )
    assert [(a.where, a.value) for a in answers] == [
        ("Day 2, 07:00", "Breakfast"),
        ("Day 2, 22:00", "Read"),
    ]


def test_a_password_protected_pdf_is_named_as_such() -> None:
    data = fill(sheet("mood_log", LiteracyLevel.STANDARD), {"d1.mood": "40"}, password="s3cret")
    with pytest.raises(ProtectedPdfError, match="protected by a password"):
        read_filled_sheet(data)


def test_long_text_is_kept_whole_and_only_text_beyond_the_cap_is_flagged() -> None:
    long, huge = "a" * 9000, "b" * (TEXT_MAX + 500)
    answers = read("mood_log", LiteracyLevel.STANDARD, {"d1.events": long, "d2.events": huge})
    # a week of writing (9,000 characters) is kept whole and not flagged
    assert (len(answers[0].raw), answers[0].problem) == (9000, None)
    # beyond the cap the text is cut there and flagged
    assert len(answers[1].raw) == TEXT_MAX == 20_000
    assert answers[1].problem == "Very long: cut at 20,000 characters."
