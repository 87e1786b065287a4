"""Rating scales name both ends by what they measure, read back from the PDF."""

from __future__ import annotations

import io
import re

import pdfplumber
import pytest

from practice.domain.vocabulary import Language, LiteracyLevel
from practice.sheets.model import FieldKind, Layout, SheetField, SheetText
from practice.sheets.scales import face_choices
from practice.sheets.sheet import SelfRecordSheet, SheetRequest
from practice.sheets.styles import sheet_style
from practice.sheets.templates import load_templates

EN, ES = Language.EN, Language.ES
STANDARD, PLAIN, EASY, PICTORIAL = list(LiteracyLevel)


def one_rating(kind: str, level: LiteracyLevel, language: Language) -> SheetText:
    field = SheetField(key="r", label="Rating", kind=FieldKind.RATING, scale=kind)
    return SheetText(
        template="t", level=level, language=language, title="T", main_message="M",
        instructions=("Tick one box.",), why_it_helps="W.", fields=(field,),
        layout=Layout.ENTRIES, entries=1,
    )  # fmt: skip


def printed(text: SheetText) -> str:
    data = SelfRecordSheet(SheetRequest(text=text)).generate()
    with pdfplumber.open(io.BytesIO(data)) as doc:
        raw = " ".join(page.extract_text() or "" for page in doc.pages)
    return re.sub(r"\s+", " ", raw)


ENDS = [
    # (kind, level, language, low end, high end)
    ("mood", STANDARD, EN, "0 = worst mood", "100 = best mood"),
    ("mood", PLAIN, EN, "0 = worst mood", "10 = best mood"),
    ("mood", STANDARD, ES, "0 = el peor ánimo", "100 = el mejor ánimo"),
    ("intensity", STANDARD, EN, "0 = none", "100 = the strongest"),
    ("intensity", PLAIN, ES, "0 = nada", "10 = lo más fuerte"),
    ("belief", STANDARD, EN, "0 = not at all", "100 = completely"),
    ("belief", PLAIN, ES, "0 = nada", "10 = totalmente"),
    ("likelihood", STANDARD, EN, "0 = will not happen", "100 = sure to happen"),
    ("likelihood", STANDARD, ES, "0 = no va a pasar", "100 = seguro que pasa"),
    ("quality", STANDARD, EN, "Very poor", "Very good"),
    ("quality", PLAIN, ES, "Muy mal", "Muy bien"),
    ("mastery", STANDARD, EN, "0 = none", "10 = a lot"),
    ("pleasure", PLAIN, ES, "0 = nada", "10 = mucho"),
]


@pytest.mark.parametrize(("kind", "level", "language", "low", "high"), ENDS)
def test_written_scale_names_both_ends(
    kind: str, level: LiteracyLevel, language: Language, low: str, high: str
) -> None:
    # Given a sheet with one rating of this kind
    # When it is printed
    text = printed(one_rating(kind, level, language))
    # Then both ends are printed with their words
    assert low in text
    assert high in text


def test_mastery_is_0_to_10_and_quality_0_to_4_even_at_standard() -> None:
    # Given mastery and quality ratings at standard
    mastery = printed(one_rating("mastery", STANDARD, EN))
    quality = printed(one_rating("quality", STANDARD, EN))
    # Then mastery has boxes 0..10 (no 100) and quality five worded points
    assert "10 = a lot" in mastery and "100" not in mastery
    assert all(w in quality for w in ("Very poor", "Poor", "Fair", "Good", "Very good"))
    assert "100" not in quality


@pytest.mark.parametrize("level", [EASY, PICTORIAL])
def test_faces_run_the_same_way_for_the_same_kind_on_every_sheet(level: LiteracyLevel) -> None:
    # Given every built-in rating at a face level
    library = load_templates()
    style = sheet_style(level)
    first_faces: dict[str, set[str]] = {}
    for template in library:
        for language in Language:
            for field in template.text(level, language).fields:
                if field.kind is FieldKind.RATING:
                    # When its faces are chosen
                    faces = face_choices(style, language, field)
                    first_faces.setdefault(str(field.scale), set()).add(faces[0][0])
    # Then mood starts at the saddest face and intensity at the happiest, everywhere
    saddest = "face_very_sad" if level is EASY else "face_sad"
    happiest = "face_very_happy" if level is EASY else "face_happy"
    assert first_faces["mood"] == {saddest}
    assert first_faces["intensity"] == {happiest}


def test_belief_shows_an_amount_not_a_face() -> None:
    # Given a belief rating at easy
    field = SheetField(key="b", label="Belief", kind=FieldKind.RATING, scale="belief")
    # When its pictures are chosen
    faces = face_choices(sheet_style(EASY), EN, field)
    # Then they are circles filling up, not faces, with words at both ends
    assert [f for f, _ in faces] == [f"amount_{i}_4" for i in range(5)]
    assert (faces[0][1], faces[-1][1]) == ("Not at all", "Completely")
