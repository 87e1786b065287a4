"""How hard a therapist's own text is for a client's level (docs/clinical.md,
Readability targets).

The same measures and targets as the template tests: English Flesch-Kincaid grade
at most 8 / 6 / 4 / 3, Spanish Szigriszt-Pazos (INFLESZ) at least 55 / 65 / 75 /
80 for standard / plain / easy / pictorial (textstat 0.7.4, offline). Besides the
score, :func:`check_text` names what makes the text hard: sentences longer than
the level's limit and long words (many syllables), so the therapist knows what to
change. The check never blocks saving: the therapist may keep the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from practice.domain.vocabulary import Language, LiteracyLevel

MAX_GRADE_EN = {
    LiteracyLevel.STANDARD: 8.0,
    LiteracyLevel.PLAIN: 6.0,
    LiteracyLevel.EASY: 4.0,
    LiteracyLevel.PICTORIAL: 3.0,
}
MIN_INFLESZ_ES = {
    LiteracyLevel.STANDARD: 55.0,
    LiteracyLevel.PLAIN: 65.0,
    LiteracyLevel.EASY: 75.0,
    LiteracyLevel.PICTORIAL: 80.0,
}
# Longest sentence (words) and longest word (syllables) each level reads easily.
MAX_SENTENCE_WORDS = {
    LiteracyLevel.STANDARD: 25,
    LiteracyLevel.PLAIN: 20,
    LiteracyLevel.EASY: 15,
    LiteracyLevel.PICTORIAL: 10,
}
LONGEST_SHOWN = 3  # sentences named when the grade is too high
LONGEST_MIN_WORDS = 8  # shorter sentences are not worth naming
MAX_SYLLABLES = {
    Language.EN: {
        LiteracyLevel.STANDARD: 4,
        LiteracyLevel.PLAIN: 3,
        LiteracyLevel.EASY: 2,
        LiteracyLevel.PICTORIAL: 2,
    },
    Language.ES: {
        LiteracyLevel.STANDARD: 5,
        LiteracyLevel.PLAIN: 4,
        LiteracyLevel.EASY: 3,
        LiteracyLevel.PICTORIAL: 3,
    },
}
MIN_WORDS = 8  # shorter texts are not scored (the formulas need a few sentences)
_SENTENCE = re.compile(r"(?<=[.!?:;])\s+|\n+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass(frozen=True)
class TextCheck:
    """The measured text: its score against the level's target and what is hard."""

    level: LiteracyLevel
    language: Language
    measure: str  # "Flesch-Kincaid grade" / "Szigriszt-Pazos (INFLESZ)"
    score: float | None  # None: too short to score
    target: float
    long_sentences: tuple[str, ...]
    hard_words: tuple[str, ...]
    # the longest sentences (most words first), named when the score misses the target
    # though no sentence is over the level's limit: they weigh most on the grade
    longest: tuple[str, ...] = ()

    @property
    def score_ok(self) -> bool:
        if self.score is None:
            return True
        if self.language is Language.EN:
            return self.score <= self.target
        return self.score >= self.target

    @property
    def too_hard(self) -> bool:
        """Whether the therapist should see a warning: the score misses the level's
        target, or a pictorial sentence runs over 10 words."""
        pictorial = self.level is LiteracyLevel.PICTORIAL and bool(self.long_sentences)
        return not self.score_ok or pictorial

    def message(self, *, advice: bool = True) -> str:
        """The warning in plain words for the therapist (English), "" when fine;
        ``advice`` adds what to do about it."""
        if not self.too_hard:
            return ""
        level = self.level.label.lower()
        bound = "at most" if self.language is Language.EN else "at least"
        parts = [f"This text may be hard for the {level} level."]
        if self.score is not None:
            parts.append(
                f"{self.measure}: {self.score:.1f} (the {level} level needs {bound} "
                f"{self.target:g})."
            )
        if self.long_sentences:
            limit = MAX_SENTENCE_WORDS[self.level]
            quoted = "; ".join(f"“{s}”" for s in self.long_sentences)
            parts.append(f"Sentences over {limit} words: {quoted}")
        elif self.longest:
            quoted = "; ".join(f"“{s}” ({len(words(s))} words)" for s in self.longest)
            parts.append(f"Longest sentences: {quoted}")
        if self.hard_words:
            parts.append(f"Long words: {', '.join(self.hard_words)}.")
        if advice:
            parts.append("You can keep it, or make it shorter and simpler.")
        return " ".join(parts)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text.strip()) if s.strip()]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def check_text(text: str, level: LiteracyLevel, language: Language) -> TextCheck:
    """Measure ``text`` against the targets of ``level`` (see the module docstring)."""
    # deferred: start-up speed (textstat loads its hyphenation dictionaries)
    import textstat

    level, language = LiteracyLevel(level), Language(language)
    textstat.set_lang("en_US" if language is Language.EN else "es")
    try:
        parts = sentences(text)
        measured = ". ".join(s.rstrip(".!?:;") for s in parts) + "." if parts else ""
        score: float | None = None
        if len(words(text)) >= MIN_WORDS:
            if language is Language.EN:
                score = float(textstat.flesch_kincaid_grade(measured))
            else:
                score = float(textstat.szigriszt_pazos(measured))
        limit = MAX_SYLLABLES[language][level]
        hard: dict[str, None] = {}
        for word in words(text):
            if len(word) > 3 and textstat.syllable_count(word) > limit:
                hard.setdefault(word.lower(), None)
    finally:
        textstat.set_lang("en_US")
    long = tuple(s for s in parts if len(words(s)) > MAX_SENTENCE_WORDS[level])
    english = language is Language.EN
    by_length = sorted(parts, key=lambda s: -len(words(s)))
    longest = tuple(s for s in by_length[:LONGEST_SHOWN] if len(words(s)) > LONGEST_MIN_WORDS)
    return TextCheck(
        level=level,
        language=language,
        measure="Flesch-Kincaid grade" if english else "Szigriszt-Pazos (INFLESZ)",
        score=score,
        target=MAX_GRADE_EN[level] if english else MIN_INFLESZ_ES[level],
        long_sentences=long,
        hard_words=tuple(hard),
        longest=longest,
    )
