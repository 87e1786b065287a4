"""The panic diary and the ABC record, read back from the rendered PDF."""

from __future__ import annotations

import io
import re
from typing import Any

import pdfplumber
import pytest

from practice.domain.vocabulary import Language, LiteracyLevel
from practice.sheets.sheet import SelfRecordSheet, SheetRequest
from practice.sheets.templates import TemplateLibrary, load_templates

VARIANTS = [(level, language) for level in LiteracyLevel for language in Language]
TARGET = "Shouting at my children"


@pytest.fixture(scope="module")
def library() -> TemplateLibrary:
    return load_templates()


def render(library: TemplateLibrary, key: str, level: LiteracyLevel, language: Language,
           target: str | None = None) -> bytes:  # fmt: skip
    text = library.get(key).text(level, language)
    return SelfRecordSheet(SheetRequest(text=text, entries=1, target=target)).generate()


def page_texts(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as doc:
        return [re.sub(r"\s+", " ", page.extract_text() or "") for page in doc.pages]


DSM5 = {
    Language.EN: [
        "Heart pounding or racing", "Sweating", "Trembling or shaking",
        "Short of breath or smothering", "A choking feeling", "Chest pain or tightness",
        "Sick in the stomach", "Dizzy, unsteady or faint", "Chills or hot flushes",
        "Numbness or tingling", "Things felt unreal or I felt apart from myself",
        "Fear of losing control or going crazy", "Fear of dying",
    ],
    Language.ES: [
        "Corazón acelerado o muy fuerte", "Sudor", "Temblores o sacudidas",
        "Falta de aire o asfixia", "Sensación de ahogo",
        "Dolor o molestia en el pecho", "Malestar en el estómago",
        "Mareo, inestabilidad o desmayo", "Escalofríos o calor", "Hormigueo o adormecimiento",
        "Todo parecía irreal o me sentía fuera de mí",
        "Miedo a perder el control o a enloquecer", "Miedo a morir",
    ],
}  # fmt: skip


@pytest.mark.parametrize("language", list(Language))
def test_panic_standard_lists_all_13_dsm5_symptoms(
    library: TemplateLibrary, language: Language
) -> None:
    # Given the standard panic diary
    # When it is printed
    pages = page_texts(render(library, "panic_diary", LiteracyLevel.STANDARD, language))
    text = " ".join(" ".join(pages).split())  # a long symptom may wrap onto a second line
    # Then each of the 13 DSM-5 symptoms is printed, in plain words
    missing = [s for s in DSM5[language] if s not in text]
    assert missing == []
    assert len(DSM5[language]) == 13


@pytest.mark.parametrize(("level", "language"), VARIANTS)
def test_panic_diary_says_when_to_see_a_doctor_on_page_1(
    library: TemplateLibrary, level: LiteracyLevel, language: Language
) -> None:
    # Given the panic diary at any level
    text = library.get("panic_diary").text(level, language)
    # When it is printed
    first = page_texts(render(library, "panic_diary", level, language))[0]
    # Then page 1 carries the doctor line: chest pain, fainting, first attack
    words = {
        Language.EN: ("doctor", "chest pain", "faint", "first attack"),
        Language.ES: ("médico", "pecho", "desmay", "primer ataque"),
    }[language]
    assert all(w in first.lower() for w in words), first
    assert text.note_pictogram == "doctor"


def label_box(page: Any, label: str) -> dict[str, float]:
    found = page.search(label, regex=False)
    assert found, f"{label!r} not printed"
    return dict(found[0])


@pytest.mark.parametrize(("level", "language"), VARIANTS)
def test_abc_reads_antecedent_behaviour_consequence_left_to_right(
    library: TemplateLibrary, level: LiteracyLevel, language: Language
) -> None:
    # Given the ABC record at any level, printed for a target behaviour
    text = library.get("abc_record").text(level, language)
    keys = [f.key for f in text.fields]
    abc = [
        keys.index("antecedent"),
        keys.index("behaviour"),
        keys.index("consequence" if "consequence" in keys else "after_feeling"),
    ]
    labels = [text.fields[i].label for i in abc]
    data = render(library, "abc_record", level, language, TARGET)
    # When the A, B and C labels of the first entry are found on the page
    with pdfplumber.open(io.BytesIO(data)) as doc:
        page = next(p for p in doc.pages if p.search(labels[0], regex=False))
        boxes = [label_box(page, label) for label in labels]
    # Then they stand in one row, A left of B left of C
    xs = [b["x0"] for b in boxes]
    tops = [b["top"] for b in boxes]
    assert xs == sorted(xs) and len(set(xs)) == 3, labels
    assert max(tops) - min(tops) < 2
    # and B is asked at every level, pictorial included
    assert "behaviour" in keys


@pytest.mark.parametrize(("level", "language"), VARIANTS)
def test_abc_prints_the_target_behaviour_at_the_top(
    library: TemplateLibrary, level: LiteracyLevel, language: Language
) -> None:
    # Given an ABC assignment with a target behaviour
    text = library.get("abc_record").text(level, language)
    # When it is printed
    pages = page_texts(render(library, "abc_record", level, language, TARGET))
    # Then the page where the record starts names the behaviour after its label,
    # above the first entry (the record's first question: a column heading)
    entry = text.fields[0].label.split()[0]
    start = next(p for p in pages if TARGET in p)
    assert f"{text.target_label} {TARGET}" in start
    assert entry in start[start.index(TARGET) :]


def test_abc_without_a_target_leaves_a_line_to_write_it(library: TemplateLibrary) -> None:
    # Given an ABC sheet printed with no target
    text = library.get("abc_record").text(LiteracyLevel.STANDARD, Language.EN)
    data = render(library, "abc_record", LiteracyLevel.STANDARD, Language.EN)
    with pdfplumber.open(io.BytesIO(data)) as doc:
        page = doc.pages[0]
        label = label_box(page, text.target_label)
        # When the line beside the label is looked for
        lines = [
            ln for ln in page.lines
            if ln["x0"] > label["x1"] and abs(ln["top"] - label["bottom"]) < 6
            and ln["x1"] - ln["x0"] > 60
        ]  # fmt: skip
    # Then the label is printed with a write-in line after it
    assert lines
