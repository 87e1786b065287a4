"""Readability of the built-in templates, measured (docs/clinical.md, Readability targets).

English: Flesch-Kincaid grade; Spanish: Szigriszt-Pazos (INFLESZ), both with
textstat 0.7.4 on the instruction text of each template, level and language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import textstat

from practice.domain.vocabulary import Language, LiteracyLevel, TemplateKey
from practice.sheets.model import SheetText
from practice.sheets.templates import TemplateLibrary, load_templates

MAX_GRADE_EN = {
    LiteracyLevel.STANDARD: 8,
    LiteracyLevel.PLAIN: 6,
    LiteracyLevel.EASY: 4,
    LiteracyLevel.PICTORIAL: 3,
}
MIN_INFLESZ_ES = {
    LiteracyLevel.STANDARD: 55,
    LiteracyLevel.PLAIN: 65,
    LiteracyLevel.EASY: 75,
    LiteracyLevel.PICTORIAL: 80,
}
MAX_PICTORIAL_WORDS = 10
CASES = [(k.value, lvl, lang) for k in TemplateKey for lvl in LiteracyLevel for lang in Language]


@pytest.fixture(scope="module")
def library() -> TemplateLibrary:
    return load_templates()


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    textstat.set_lang("en_US")


def fk_grade(text: str) -> float:
    textstat.set_lang("en_US")
    return float(textstat.flesch_kincaid_grade(text))


def inflesz(text: str) -> float:
    textstat.set_lang("es")
    return float(textstat.szigriszt_pazos(text))


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?:])\s+", text.strip()) if s]


def words(sentence: str) -> int:
    return len([w for w in sentence.split() if re.search(r"\w", w)])


def all_texts(text: SheetText) -> list[str]:
    parts = [text.title, text.main_message, text.why_it_helps, *text.instructions]
    for f in text.fields:
        parts += [f.label, f.hint, *f.options]
    return [p for p in parts if p]


def test_the_measures_can_fail() -> None:
    """The thresholds bite on clinical prose, so a pass means something."""
    jargon_en = (
        "Systematically identify maladaptive automatic cognitions and evaluate "
        "their evidential foundation before generating alternative interpretations."
    )
    jargon_es = (
        "Identifica sistemáticamente las cogniciones automáticas desadaptativas y evalúa "
        "su fundamentación probatoria antes de generar interpretaciones alternativas."
    )
    assert fk_grade(jargon_en) > MAX_GRADE_EN[LiteracyLevel.STANDARD]
    assert inflesz(jargon_es) < MIN_INFLESZ_ES[LiteracyLevel.STANDARD]
    assert words("Marca la cara que va con tu ánimo esta noche antes de dormir.") > 10


@pytest.mark.parametrize(("key", "level", "language"), CASES)
def test_instruction_readability(
    library: TemplateLibrary, key: str, level: LiteracyLevel, language: Language
) -> None:
    text = library.get(key).text(level, language).instruction_text
    assert len(text.split()) >= 8, "too little text to measure"
    if language is Language.EN:
        grade = fk_grade(text)
        assert grade <= MAX_GRADE_EN[level], f"{key} {level}: grade {grade}: {text}"
    else:
        score = inflesz(text)
        assert score >= MIN_INFLESZ_ES[level], f"{key} {level}: INFLESZ {score}: {text}"


@pytest.mark.parametrize(("key", "level", "language"), CASES)
def test_no_capitals_for_emphasis(
    library: TemplateLibrary, key: str, level: LiteracyLevel, language: Language
) -> None:
    for part in all_texts(library.get(key).text(level, language)):
        shouted = [w for w in re.findall(r"\b[A-ZÁÉÍÓÚÑ]{2,}\b", part) if w != "ABC"]
        assert not shouted, f"{key} {language}.{level}: {part}"
        assert "*" not in part and "_" not in part, f"no markup emphasis: {part}"


@pytest.mark.parametrize(
    ("key", "language"), [(k.value, lang) for k in TemplateKey for lang in Language]
)
def test_pictorial_sentences_are_short(
    library: TemplateLibrary, key: str, language: Language
) -> None:
    text = library.get(key).text(LiteracyLevel.PICTORIAL, language)
    for part in all_texts(text):
        for sentence in sentences(part):
            assert words(sentence) <= MAX_PICTORIAL_WORDS, f"{key} {language}: {sentence}"


@pytest.mark.parametrize("key", [k.value for k in TemplateKey])
def test_spanish_is_written_in_spanish(library: TemplateLibrary, key: str) -> None:
    template = library.get(key)
    spanish = " ".join(
        " ".join(all_texts(template.text(level, Language.ES))) for level in LiteracyLevel
    )
    english = " ".join(
        " ".join(all_texts(template.text(level, Language.EN))) for level in LiteracyLevel
    )
    assert re.search(r"[áéíóúñ¿¡]", spanish), key
    assert "¿" in spanish, f"{key}: Spanish questions open with ¿"
    assert not re.search(r"[áéíóúñ¿¡]", english), key
    # Spanish questions are opened as well as closed, at every level
    for level in LiteracyLevel:
        for part in all_texts(template.text(level, Language.ES)):
            assert part.count("?") == part.count("¿"), f"{key} es.{level}: {part}"
    # the client's own words, warmly: "Esto me ayuda a ..." / "This helps me ..."
    for level in LiteracyLevel:
        assert template.text(level, Language.ES).why_it_helps.startswith("Esto me ayuda a ")
        assert template.text(level, Language.EN).why_it_helps.startswith("This helps me ")
