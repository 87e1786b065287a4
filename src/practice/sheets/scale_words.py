"""The words at the points of a rating scale, by what it measures (its kind).

Each kind has words for its low end, middle and high end (written scales: 0–100,
0–10, 0–4) and for the five faces (easy) and three faces (pictorial); the words
say which end is better ("worst mood … best mood"). The same kind reads the same
way on every sheet (docs/clinical.md, Literacy levels). A rating without a kind
gets :data:`GENERIC` words, or the intensity words when its label is about fear,
urges or pain.
"""

from __future__ import annotations

from dataclasses import dataclass

from practice.domain.vocabulary import Language
from practice.sheets.scale_kinds import ScaleKind


@dataclass(frozen=True)
class ScaleWords:
    """Words of one kind in one language; ``faces`` "up": a happier face for a higher value."""

    low: str
    mid: str
    high: str
    five: tuple[str, str, str, str, str]
    three: tuple[str, str, str]
    faces: str = "up"  # "up", "down" (more is worse) or "amount" (neither end is good)


EN, ES = Language.EN, Language.ES
WORDS: dict[ScaleKind, dict[Language, ScaleWords]] = {
    ScaleKind.MOOD: {
        EN: ScaleWords(
            "worst mood", "so-so", "best mood",
            ("Very bad", "Bad", "OK", "Good", "Very good"), ("Bad", "OK", "Good"),
        ),
        ES: ScaleWords(
            "el peor ánimo", "regular", "el mejor ánimo",
            ("Muy mal", "Mal", "Regular", "Bien", "Muy bien"), ("Mal", "Regular", "Bien"),
        ),
    },
    ScaleKind.INTENSITY: {
        EN: ScaleWords(
            "none", "medium", "the strongest",
            ("None", "A little", "Some", "A lot", "The most"), ("None", "Some", "A lot"),
            faces="down",
        ),
        ES: ScaleWords(
            "nada", "a medias", "lo más fuerte",
            ("Nada", "Un poco", "Algo", "Mucho", "Muchísimo"), ("Nada", "Algo", "Mucho"),
            faces="down",
        ),
    },
    ScaleKind.BELIEF: {
        EN: ScaleWords(
            "not at all", "half", "completely",
            ("Not at all", "A little", "Half", "Mostly", "Completely"),
            ("Not at all", "Half", "Completely"), faces="amount",
        ),
        ES: ScaleWords(
            "nada", "a medias", "totalmente",
            ("Nada", "Un poco", "A medias", "Casi todo", "Totalmente"),
            ("Nada", "A medias", "Totalmente"), faces="amount",
        ),
    },
    ScaleKind.LIKELIHOOD: {
        EN: ScaleWords(
            "will not happen", "might happen", "sure to happen",
            ("Will not happen", "Not likely", "Might happen", "Likely", "Sure to happen"),
            ("Will not happen", "Might happen", "Sure to happen"), faces="amount",
        ),
        ES: ScaleWords(
            "no va a pasar", "puede pasar", "seguro que pasa",
            ("No va a pasar", "Poco probable", "Puede pasar", "Probable", "Seguro que pasa"),
            ("No va a pasar", "Puede pasar", "Seguro que pasa"), faces="amount",
        ),
    },
    ScaleKind.QUALITY: {
        EN: ScaleWords(
            "very poor", "fair", "very good",
            ("Very poor", "Poor", "Fair", "Good", "Very good"), ("Poor", "Fair", "Good"),
        ),
        ES: ScaleWords(
            "muy mal", "regular", "muy bien",
            ("Muy mal", "Mal", "Regular", "Bien", "Muy bien"), ("Mal", "Regular", "Bien"),
        ),
    },
    ScaleKind.MASTERY: {
        EN: ScaleWords(
            "none", "some", "a lot", ("None", "A little", "Some", "A lot", "Very much"),
            ("None", "Some", "A lot"),
        ),
        ES: ScaleWords(
            "nada", "algo", "mucho", ("Nada", "Un poco", "Algo", "Mucho", "Muchísimo"),
            ("Nada", "Algo", "Mucho"),
        ),
    },
}  # fmt: skip
WORDS[ScaleKind.PLEASURE] = WORDS[ScaleKind.MASTERY]

# A rating that names no kind (user templates): today's neutral words.
GENERIC: dict[Language, ScaleWords] = {
    EN: ScaleWords(
        "not at all", "medium", "the most",
        ("Very bad", "Bad", "OK", "Good", "Very good"), ("Bad", "OK", "Good"),
    ),
    ES: ScaleWords(
        "nada", "a medias", "lo máximo",
        ("Muy mal", "Mal", "Regular", "Bien", "Muy bien"), ("Mal", "Regular", "Bien"),
    ),
}  # fmt: skip


def scale_words(kind: ScaleKind | None, language: Language) -> ScaleWords:
    """The words of ``kind`` in ``language`` (generic ones for no kind)."""
    if kind is None:
        return GENERIC[language]
    return WORDS[kind][language]


__all__ = ["GENERIC", "WORDS", "ScaleWords", "scale_words"]
