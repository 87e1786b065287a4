"""Every built-in sheet at easy and pictorial has a pictogram beside every idea."""

from __future__ import annotations

from dataclasses import replace

import pytest

from practice.domain.vocabulary import Language, LiteracyLevel, TemplateKey
from practice.sheets.model import FieldKind, SheetField
from practice.sheets.pictogram_coverage import missing_pictograms
from practice.sheets.sheet import SelfRecordSheet, SheetRequest
from practice.sheets.templates import load_templates

try:
    from ._samples import thought_record
except ImportError:
    from _samples import thought_record

LIBRARY = load_templates()
PICTURED = (LiteracyLevel.EASY, LiteracyLevel.PICTORIAL)


@pytest.mark.parametrize("language", list(Language), ids=lambda lang: lang.value)
@pytest.mark.parametrize("level", PICTURED, ids=lambda level: level.value)
@pytest.mark.parametrize("key", [k.value for k in TemplateKey])
def test_builtin_sheet_has_every_pictogram(
    key: str, level: LiteracyLevel, language: Language
) -> None:
    # Given a built-in template at a pictured level
    text = LIBRARY.get(key).text(level, language)
    # When its instructions, fields and options are checked for pictograms
    missing = missing_pictograms(text)
    # Then none is without one
    assert missing == [], f"{key} {language.value}.{level.value}: {missing}"


def test_missing_pictograms_names_each_bare_instruction_field_and_option() -> None:
    # Given an easy sheet whose second instruction, one field and one option lack pictures
    base = thought_record(LiteracyLevel.EASY, Language.EN)
    place = SheetField(
        "place", "Where were you?", FieldKind.CHECKBOXES, options=("At home", "At work"),
        pictogram="house", option_pictograms=("house", None),
    )  # fmt: skip
    bare = SheetField("who", "Who was there?", FieldKind.TICK)
    text = replace(
        base,
        instructions=("Write it down.", "Bring it."),
        instruction_pictograms=("pen", None),
        fields=(place, bare),
        note="See a doctor for new chest pain.",
        note_pictogram="unicorn",
    )
    # When the sheet is checked
    missing = missing_pictograms(text)
    # Then each one is listed, with its words, and nothing else
    assert missing == [
        "instruction 2 ('Bring it.')",
        "field 'place' option 2 ('At work')",
        "field 'who' ('Who was there?')",
        "note ('See a doctor for new chest pain.')",
    ]


def test_standard_and_plain_need_no_pictograms() -> None:
    # Given sheets at the levels without pictures, none of whose fields has a pictogram
    for level in (LiteracyLevel.STANDARD, LiteracyLevel.PLAIN):
        text = thought_record(level, Language.EN)
        assert not any(f.pictogram for f in text.fields if f.key == "other_view")
        # Then nothing is missing
        assert missing_pictograms(text) == []


@pytest.mark.parametrize("language", list(Language), ids=lambda lang: lang.value)
@pytest.mark.parametrize("level", PICTURED, ids=lambda level: level.value)
@pytest.mark.parametrize("key", [k.value for k in TemplateKey])
def test_builtin_sheet_prints_no_placeholder_picture(
    key: str, level: LiteracyLevel, language: Language
) -> None:
    # Given a built-in sheet at a pictured level, printed with a week of entries
    text = LIBRARY.get(key).text(level, language)
    pdf = SelfRecordSheet(SheetRequest(text=text, entries=7)).generate()
    # Then every picture it draws is a real drawing: none falls back to the dashed
    # placeholder (scale pictures such as the belief circles included)
    assert b"pict_placeholder" not in pdf
    assert b"pict_" in pdf
