"""The therapist's own text measured against the client's level (docs/clinical.md,
Readability targets): the same measures and targets as the template tests."""

from __future__ import annotations

import pytest

from practice.domain.vocabulary import Language, LiteracyLevel
from practice.sheets.readability import MAX_GRADE_EN, MIN_INFLESZ_ES, check_text

STANDARD, PLAIN, EASY, PICTORIAL = list(LiteracyLevel)
PROSE_EN = (
    "Systematically identify maladaptive automatic cognitions whenever your emotional "
    "state deteriorates, and evaluate their evidential foundation before generating "
    "alternative interpretations of the precipitating circumstances."
)
PROSE_ES = (
    "Identifica sistemáticamente las cogniciones automáticas desadaptativas cuando tu "
    "estado emocional empeore y evalúa su fundamentación probatoria antes de generar "
    "interpretaciones alternativas."
)
SIMPLE_EN = "Look at the sky. Draw a face. Show me next week."
SIMPLE_ES = "Mira el cielo. Dibuja una cara. Tráela la semana que viene."


def test_the_targets_are_the_template_tests_targets() -> None:
    assert MAX_GRADE_EN == {STANDARD: 8, PLAIN: 6, EASY: 4, PICTORIAL: 3}
    assert MIN_INFLESZ_ES == {STANDARD: 55, PLAIN: 65, EASY: 75, PICTORIAL: 80}


def test_clinical_prose_for_a_pictorial_client_is_too_hard_and_says_why() -> None:
    # Given grade-level prose written for a pictorial client
    check = check_text(PROSE_EN, PICTORIAL, Language.EN)
    # Then it is flagged with the measured grade, the long sentence and the long words
    assert check.too_hard
    assert check.score is not None and check.score > 12
    assert check.long_sentences == (PROSE_EN,)
    assert {"systematically", "maladaptive", "interpretations"} <= set(check.hard_words)
    message = check.message()
    assert f"Flesch-Kincaid grade: {check.score:.1f}" in message
    assert "needs at most 3" in message and "Sentences over 10 words" in message
    assert "systematically" in message and "You can keep it" in message


def test_spanish_is_measured_with_inflesz() -> None:
    check = check_text(PROSE_ES, EASY, Language.ES)
    assert check.too_hard and check.measure == "Szigriszt-Pazos (INFLESZ)"
    assert check.score is not None and check.score < 75
    assert "desadaptativas" in check.hard_words
    assert "needs at least 75" in check.message()


@pytest.mark.parametrize(("text", "language"), [(SIMPLE_EN, Language.EN), (SIMPLE_ES, Language.ES)])
def test_short_plain_sentences_pass_at_every_level(text: str, language: Language) -> None:
    for level in LiteracyLevel:
        check = check_text(text, level, language)
        assert not check.too_hard, (level, check)
        assert check.message() == ""
