"""Fillable sheets: AcroForm fields out, a client's answers back in."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from _pdf_forms import fill
from practice.domain.vocabulary import Language, LiteracyLevel
from practice.sheets.answers import blocks_recorded, check_answers
from practice.sheets.fillable import (
    CODE_FIELD,
    DamagedPdfError,
    ForeignPdfError,
    NotFillableError,
    SheetImportError,
    SheetSeal,
    block_count,
    encode_kinds,
    read_filled_sheet,
    seal_matches,
)
from practice.sheets.model import FieldKind
from practice.sheets.sheet import SelfRecordSheet, SheetRequest

try:
    from ._samples import EASY, EN, ES, PICTORIAL, PLAIN, STANDARD, thought_record
except ImportError:
    from _samples import EASY, EN, ES, PICTORIAL, PLAIN, STANDARD, thought_record

WEEK, SESSION = date(2025, 3, 3), date(2025, 3, 11)


def fillable(level: LiteracyLevel, language: Language = EN, code: str | None = "K7Q2") -> bytes:
    request = SheetRequest(
        thought_record(level, language), "Ana", WEEK, SESSION, code, fillable=True
    )
    return SelfRecordSheet(request).generate()


def read(data: bytes, level: LiteracyLevel) -> tuple[dict[str, object], int, list[int]]:
    """(name -> value read, days or entries recorded, valid ratings) of a filled sheet."""
    checked = check_answers(read_filled_sheet(data), thought_record(level, EN))
    values: dict[str, object] = {
        a.name: a.number if a.kind is FieldKind.RATING and not a.problem else a.value
        for a in checked
    }
    ratings = [a.number for a in checked if a.kind is FieldKind.RATING and a.number is not None]
    return values, blocks_recorded(checked), ratings


def test_fillable_sheet_has_named_fields_and_a_hidden_marker() -> None:
    fields = PdfReader(io.BytesIO(fillable(STANDARD))).get_fields()
    assert fields is not None
    for name in ("e1.situation", "e1.intensity", "e3.alternative", "e3.rerate"):
        assert name in fields
    assert fields[CODE_FIELD]["/V"] == "K7Q2|thought_record|standard|en"  # not sealed
    # the marker is hidden and read-only (on the last page, after every block is placed)
    reader = PdfReader(io.BytesIO(fillable(STANDARD)))
    widget = next(
        a.get_object()
        for page in reader.pages
        for a in page.get("/Annots", [])
        if a.get_object().get("/T") == CODE_FIELD
    )
    assert int(widget["/F"]) & 2  # hidden
    assert int(widget["/Ff"]) & 1  # read-only


def test_a_sealed_marker_counts_the_blocks_printed_and_detects_any_edit() -> None:
    # Given a sheet sealed for assignment 12, due at appointment 34, with 5 entries
    key = bytes(range(32))
    request = SheetRequest(
        thought_record(STANDARD, EN), "Ana", WEEK, SESSION, "K7Q2", fillable=True, entries=5,
        seal=SheetSeal(12, 34, key),
    )  # fmt: skip
    sheet = read_filled_sheet(SelfRecordSheet(request).generate())
    seal = sheet.seal
    # Then the marker carries them, and the blocks counted are those really printed
    assert seal is not None
    assert (seal.assignment_id, seal.appointment_id, seal.block_kind, seal.blocks) == (
        12, 34, "e", 5,
    )  # fmt: skip
    assert sheet.blocks_found == ("e1", "e2", "e3", "e4", "e5")
    assert seal_matches(key, seal, sheet.kinds_field)
    # And another key, or any change to the payload or the kinds, fails the check
    assert not seal_matches(bytes(32), seal, sheet.kinds_field)
    edited = replace(seal, payload=seal.payload.replace("|12|", "|13|"))
    assert not seal_matches(key, edited, sheet.kinds_field)
    assert not seal_matches(key, seal, sheet.kinds_field.replace(":rating", ":text"))


def test_block_count_of_field_names() -> None:
    assert block_count({"d1.mood", "d7.mood", "d3.h07.activity", "d2.feel.3"}) == ("d", 7)
    assert block_count({"e1.situation", "e12.rerate"}) == ("e", 12)
    assert block_count(set()) == ("d", 0)


def test_kinds_name_the_scale_of_a_rating() -> None:
    kinds = {"mood": FieldKind.RATING, "note": FieldKind.TEXT}
    assert encode_kinds(kinds, {"mood": "mood"}) == "mood:rating:mood;note:text"


def test_fillable_sheet_still_shows_everything_printed() -> None:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(fillable(PLAIN, ES))) as doc:
        text = doc.pages[0].extract_text()
    assert "Para Ana" in text and "Trae esta hoja a tu sesión del martes 11 de marzo." in text


def test_standard_round_trip_text_and_ratings() -> None:
    # Given a fillable standard thought record; When the client types answers
    filled = fill(
        fillable(STANDARD, ES),
        {
            "e1.situation": "En la cola del súper, ¿qué pasó? Mañana",
            "e1.intensity": "80",
            "e1.belief": "90",
            "e2.thought": "No valgo nada",
            "e2.rerate": "35",
        },
    )
    # Then the import reads them back, with ratings as numbers
    sheet = read_filled_sheet(filled)
    assert sheet.code == "K7Q2" and sheet.seal is None
    assert (sheet.template, sheet.level, sheet.language) == ("thought_record", STANDARD, ES)
    values, recorded, ratings = read(filled, STANDARD)
    assert values == {
        "e1.situation": "En la cola del súper, ¿qué pasó? Mañana",
        "e1.intensity": 80,
        "e1.belief": 90,
        "e2.thought": "No valgo nada",
        "e2.rerate": 35,
    }
    assert recorded == 2
    assert ratings == [80, 90, 35]


def test_plain_round_trip_checkboxes_and_radio_scale() -> None:
    filled = fill(
        fillable(PLAIN),
        {
            "e1.happened": "Argument at work",
            "e1.feeling.0": "/Yes",
            "e1.feeling.2": "/Yes",
            "e1.strength": "/7",
            "e3.strength": "/2",
        },
    )
    values, recorded, ratings = read(filled, PLAIN)
    assert values == {
        "e1.happened": "Argument at work",
        "e1.feeling.0": "Sad",
        "e1.feeling.2": "Angry",
        "e1.strength": 7,
        "e3.strength": 2,
    }
    assert recorded == 2
    assert ratings == [7, 2]


@pytest.mark.parametrize("level", [EASY, PICTORIAL])
def test_daily_round_trip_faces_and_ticks(level: LiteracyLevel) -> None:
    tick = "talked" if level is EASY else "upset"
    values = {"d1.feeling": "/2", f"d4.{tick}": "/Yes", "d7.feeling": "/0"}
    read_back, recorded, ratings = read(fill(fillable(level, ES), values), level)
    assert read_back == {"d1.feeling": 2, f"d4.{tick}": "ticked", "d7.feeling": 0}
    assert recorded == 3
    assert ratings == [2, 0]


def test_unfilled_sheet_reads_as_nothing_recorded() -> None:
    sheet = read_filled_sheet(fillable(PLAIN, code=None))
    assert sheet.code is None and sheet.raw == ()
    assert read(fillable(PLAIN, code=None), PLAIN) == ({}, 0, [])


def test_a_typed_rating_that_is_not_a_number_is_kept_flagged_and_not_counted() -> None:
    filled = fill(fillable(STANDARD), {"e1.intensity": "a lot"})
    [answer] = check_answers(read_filled_sheet(filled), thought_record(STANDARD, EN))
    assert (answer.name, answer.raw, answer.value, answer.number) == (
        "e1.intensity", "a lot", "a lot", None,
    )  # fmt: skip
    assert answer.problem == "“a lot” is not a whole number from 0 to 100."
    assert read(filled, STANDARD)[1:] == (1, [])


def test_foreign_pdf_is_refused() -> None:
    buf = io.BytesIO()
    c = Canvas(buf)
    c.drawString(72, 720, "Some other form")
    c.acroForm.textfield(name="d1.mood", x=72, y=600, width=100, height=20)
    c.showPage()
    c.save()
    with pytest.raises(ForeignPdfError, match="not made by Practice"):
        read_filled_sheet(buf.getvalue())


def test_printable_practice_sheet_is_recognised_but_has_no_answers() -> None:
    printable = SelfRecordSheet(SheetRequest(thought_record(PLAIN), code="K7Q2")).generate()
    with pytest.raises(NotFillableError, match="printable"):
        read_filled_sheet(printable)


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d[: len(d) // 2],  # truncated download
        lambda d: b"",  # empty file
        lambda d: b"\x89PNG\r\n\x1a\n" + d[8:200],  # not a PDF at all
        lambda d: d[:200] + b"\x00garbage\x00" * 50 + b"%%EOF",  # garbled body
    ],
)
def test_damaged_pdf_is_refused_with_a_clear_message(damage) -> None:
    data = damage(fillable(PLAIN))
    with pytest.raises(DamagedPdfError) as info:
        read_filled_sheet(data)
    assert isinstance(info.value, SheetImportError)
    assert "PDF" in str(info.value)


def test_tampered_marker_is_foreign() -> None:
    filled = fill(fillable(PLAIN), {CODE_FIELD: "K7Q2|thought_record|expert|xx"})
    with pytest.raises(ForeignPdfError, match="marker"):
        read_filled_sheet(filled)


def test_fillable_page_text_is_still_atkinson_only() -> None:
    # Form fields need a base-14 font for what the client types (ReportLab's
    # AcroForm), but everything printed on the page stays in the embedded font.
    reader = PdfReader(io.BytesIO(fillable(PLAIN, ES)))
    for page in reader.pages:
        fonts = {str(f.get_object()["/BaseFont"]) for f in page["/Resources"]["/Font"].values()}
        # embedded subsets ("ABCDEF+Name") of the two weights, and nothing else
        assert {name.split("+", 1)[-1] for name in fonts} == {
            "AtkinsonHyperlegible-Regular",
            "AtkinsonHyperlegible-Bold",
        }
        assert all(len(name.split("+", 1)[0]) == 7 for name in fonts)  # "/" + 6-letter tag


def test_unknown_paper_is_refused_clearly() -> None:
    with pytest.raises(ValueError, match="paper"):
        SelfRecordSheet(SheetRequest(thought_record(PLAIN), paper="a5"))  # type: ignore[arg-type]
