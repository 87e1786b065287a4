"""Standard outcome measures: PHQ-9 and GAD-7, their exact wording, and their scoring.

Both are free to reproduce, translate and distribute (Pfizer, since 2010). The wording
is the validated one, in English and in the Spanish-for-the-USA translation, and is never
simplified by literacy level (only large print applies). docs/clinical.md, Outcome
measures, gives the sources and the rules below:

- **Total** is the sum of the items (each 0–3). **Unanswered items** are never counted as
  0: a PHQ-9 with up to two unanswered items is prorated (the mean of the answered items
  times 9, rounded; Arrieta et al., 2017), a GAD-7 with one; with more unanswered items
  there is no total, and the form says which items to ask about.
- **Severity bands**: PHQ-9 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately
  severe, 20–27 severe (Kroenke, Spitzer & Williams, 2001); GAD-7 0–4, 5–9, 10–14, 15–21
  (Spitzer et al., 2006).
- **NHS Talking Therapies rules**: caseness at PHQ-9 ≥ 10 and GAD-7 ≥ 8; a reliable
  change is a change of at least 6 (PHQ-9) or 4 (GAD-7) points between the first and the
  last score; recovery is a case at the first score and not a case at the last.
- **Item 9 of the PHQ-9** (thoughts of being better off dead or of self-harm): any answer
  above 0 raises a risk alert at once; an unanswered item 9 is flagged to ask about.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from practice.domain.vocabulary import Language
from practice.text import QT_TRANSLATE_NOOP, Marked, Text

ITEM_MAX = 3  # every item of both: 0 not at all … 3 nearly every day
RISK_ITEM = 9  # PHQ-9's item 9, counted from 1


class Instrument(StrEnum):
    """A standard questionnaire."""

    PHQ9 = "phq9"
    GAD7 = "gad7"


class MeasureKind(StrEnum):
    """What a recorded measure is: a standard questionnaire, or the client's own goals."""

    PHQ9 = "phq9"
    GAD7 = "gad7"
    GOALS = "goals"  # up to GOALS_MAX personal goals or problems, each rated 0–RATING_MAX

    @property
    def instrument(self) -> Instrument | None:
        return None if self is MeasureKind.GOALS else Instrument(self.value)


class MeasureSource(StrEnum):
    """How the answers reached Practice."""

    SESSION = "session"  # entered in the session panel
    PAPER = "paper"  # a printed form, entered afterwards
    FILLABLE = "fillable"  # a fillable PDF, imported


GOALS_MAX = 3
RATING_MAX = 10


@dataclass(frozen=True)
class Band:
    """A severity band: ``low``–``high`` inclusive, and its name."""

    low: int
    high: int
    name: Marked


@dataclass(frozen=True)
class Wording:
    """What the form says, in one language, exactly as validated."""

    stem: str
    items: tuple[str, ...]
    options: tuple[str, str, str, str]
    difficulty: str
    difficulty_options: tuple[str, str, str, str]


@dataclass(frozen=True)
class Questionnaire:
    instrument: Instrument
    name: str  # "PHQ-9": the same in every language
    wording: dict[Language, Wording]
    bands: tuple[Band, ...]
    caseness: int  # a total at or above this is a clinical case (NHS Talking Therapies)
    reliable_change: int  # a change of at least this is reliable
    max_unanswered: int  # prorated up to this many; more and there is no total

    @property
    def item_count(self) -> int:
        return len(self.wording[Language.EN].items)

    @property
    def maximum(self) -> int:
        return self.item_count * ITEM_MAX

    def band(self, total: int) -> Band:
        """The severity band of ``total`` (0 … maximum)."""
        for band in self.bands:
            if band.low <= total <= band.high:
                return band
        raise ValueError(f"{self.name} total out of range: {total}")


_OPTIONS_EN = ("Not at all", "Several days", "More than half the days", "Nearly every day")
_OPTIONS_ES = ("Ningún día", "Varios días", "Más de la mitad de los días", "Casi todos los días")
_DIFFICULTY_OPTIONS_EN = (
    "Not difficult at all",
    "Somewhat difficult",
    "Very difficult",
    "Extremely difficult",
)
_DIFFICULTY_OPTIONS_ES = (
    "No ha sido difícil",
    "Un poco difícil",
    "Muy difícil",
    "Extremadamente difícil",
)
_DIFFICULTY_EN = (
    "If you checked off any problems, how difficult have these problems made it for you to "
    "do your work, take care of things at home, or get along with other people?"
)
_STEM_ES = (
    "Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias debido a los "
    "siguientes problemas?"
)
_DIFFICULTY_ES = (
    "Si marcó cualquiera de los problemas, ¿qué tanta dificultad le han dado estos "
    "problemas para hacer su trabajo, encargarse de las tareas del hogar, o llevarse bien "
    "con otras personas?"
)

PHQ9 = Questionnaire(
    instrument=Instrument.PHQ9,
    name="PHQ-9",
    wording={
        Language.EN: Wording(
            stem="Over the last 2 weeks, how often have you been bothered by any of the "
            "following problems?",
            items=(
                "Little interest or pleasure in doing things",
                "Feeling down, depressed, or hopeless",
                "Trouble falling or staying asleep, or sleeping too much",
                "Feeling tired or having little energy",
                "Poor appetite or overeating",
                "Feeling bad about yourself \u2014 or that you are a failure or have let "
                "yourself or your family down",
                "Trouble concentrating on things, such as reading the newspaper or watching "
                "television",
                "Moving or speaking so slowly that other people could have noticed? Or the "
                "opposite \u2014 being so fidgety or restless that you have been moving around "
                "a lot more than usual",
                "Thoughts that you would be better off dead or of hurting yourself in some way",
            ),
            options=_OPTIONS_EN,
            difficulty=_DIFFICULTY_EN,
            difficulty_options=_DIFFICULTY_OPTIONS_EN,
        ),
        Language.ES: Wording(
            stem=_STEM_ES,
            items=(
                "Poco interés o placer en hacer cosas",
                "Se ha sentido decaído(a), deprimido(a) o sin esperanzas",
                "Ha tenido dificultad para quedarse o permanecer dormido(a), o ha dormido "
                "demasiado",
                "Se ha sentido cansado(a) o con poca energía",
                "Sin apetito o ha comido en exceso",
                "Se ha sentido mal con usted mismo(a) \u2013 o que es un fracaso o que ha "
                "quedado mal con usted mismo(a) o con su familia",
                "Ha tenido dificultad para concentrarse en ciertas actividades, tales como "
                "leer el periódico o ver la televisión",
                "¿Se ha movido o hablado tan lento que otras personas podrían haberlo notado? "
                "o lo contrario \u2013 muy inquieto(a) o agitado(a) que ha estado moviéndose "
                "mucho más de lo normal",
                "Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera",
            ),
            options=_OPTIONS_ES,
            difficulty=_DIFFICULTY_ES,
            difficulty_options=_DIFFICULTY_OPTIONS_ES,
        ),
    },
    bands=(
        Band(0, 4, QT_TRANSLATE_NOOP("measures", "minimal")),
        Band(5, 9, QT_TRANSLATE_NOOP("measures", "mild")),
        Band(10, 14, QT_TRANSLATE_NOOP("measures", "moderate")),
        Band(15, 19, QT_TRANSLATE_NOOP("measures", "moderately severe")),
        Band(20, 27, QT_TRANSLATE_NOOP("measures", "severe")),
    ),
    caseness=10,
    reliable_change=6,
    max_unanswered=2,
)

GAD7 = Questionnaire(
    instrument=Instrument.GAD7,
    name="GAD-7",
    wording={
        Language.EN: Wording(
            stem="Over the last 2 weeks, how often have you been bothered by the following "
            "problems?",
            items=(
                "Feeling nervous, anxious or on edge",
                "Not being able to stop or control worrying",
                "Worrying too much about different things",
                "Trouble relaxing",
                "Being so restless that it is hard to sit still",
                "Becoming easily annoyed or irritable",
                "Feeling afraid as if something awful might happen",
            ),
            options=_OPTIONS_EN,
            difficulty=_DIFFICULTY_EN,
            difficulty_options=_DIFFICULTY_OPTIONS_EN,
        ),
        Language.ES: Wording(
            stem=_STEM_ES,
            items=(
                "Se ha sentido nervioso(a), ansioso(a) o con los nervios de punta",
                "No ha sido capaz de parar o controlar su preocupación",
                "Se ha preocupado demasiado por motivos diferentes",
                "Ha tenido dificultad para relajarse",
                "Se ha sentido tan inquieto(a) que no ha podido quedarse quieto(a)",
                "Se ha molestado o irritado fácilmente",
                "Ha tenido miedo de que algo terrible fuera a pasar",
            ),
            options=_OPTIONS_ES,
            difficulty=_DIFFICULTY_ES,
            difficulty_options=_DIFFICULTY_OPTIONS_ES,
        ),
    },
    bands=(
        Band(0, 4, QT_TRANSLATE_NOOP("measures", "minimal")),
        Band(5, 9, QT_TRANSLATE_NOOP("measures", "mild")),
        Band(10, 14, QT_TRANSLATE_NOOP("measures", "moderate")),
        Band(15, 21, QT_TRANSLATE_NOOP("measures", "severe")),
    ),
    caseness=8,
    reliable_change=4,
    max_unanswered=1,
)

QUESTIONNAIRES = {q.instrument: q for q in (PHQ9, GAD7)}


class AnswersError(ValueError):
    """Answers that cannot belong to the form (wrong count, a value outside 0–3)."""


@dataclass(frozen=True)
class Score:
    """A scored form. ``total`` is None when too many items are unanswered."""

    instrument: Instrument
    answers: tuple[int | None, ...]
    total: int | None
    prorated: bool
    unanswered: tuple[int, ...]  # item numbers, from 1

    @property
    def questionnaire(self) -> Questionnaire:
        return QUESTIONNAIRES[self.instrument]

    @property
    def band(self) -> Band | None:
        return None if self.total is None else self.questionnaire.band(self.total)

    @property
    def is_case(self) -> bool | None:
        return None if self.total is None else self.total >= self.questionnaire.caseness

    @property
    def risk_answer(self) -> int | None:
        """PHQ-9 item 9's answer (None: not the PHQ-9, or unanswered)."""
        if self.instrument is not Instrument.PHQ9:
            return None
        return self.answers[RISK_ITEM - 1]

    @property
    def raises_risk_alert(self) -> bool:
        """Any answer above 0 on PHQ-9 item 9."""
        return (self.risk_answer or 0) > 0

    @property
    def risk_item_unanswered(self) -> bool:
        return self.instrument is Instrument.PHQ9 and RISK_ITEM in self.unanswered


def score(instrument: Instrument, answers: Sequence[int | None]) -> Score:
    """Score ``answers`` (one per item, None for unanswered) as the instrument's rules say."""
    form = QUESTIONNAIRES[instrument]
    if len(answers) != form.item_count:
        raise AnswersError(
            QT_TRANSLATE_NOOP(
                "measures", "{name} has {count} questions; {given} answers given."
            ).format(name=form.name, count=form.item_count, given=len(answers))
        )
    for number, answer in enumerate(answers, start=1):
        ok = isinstance(answer, int) and not isinstance(answer, bool)  # True is no answer
        if answer is not None and not (ok and 0 <= answer <= ITEM_MAX):
            raise AnswersError(
                QT_TRANSLATE_NOOP(
                    "measures", "Question {number} of {name} takes an answer from 0 to 3."
                ).format(number=number, name=form.name)
            )
    unanswered = tuple(n for n, a in enumerate(answers, start=1) if a is None)
    given = [a for a in answers if a is not None]
    total: int | None
    if not unanswered:
        total, prorated = sum(given), False
    elif len(unanswered) <= form.max_unanswered:
        # the mean of the answered items for each unanswered one; halves round up
        total, prorated = int(sum(given) * form.item_count / len(given) + 0.5), True
    else:
        total, prorated = None, False
    return Score(instrument, tuple(answers), total, prorated, unanswered)


class Change(StrEnum):
    """Between a first and a last total (NHS Talking Therapies)."""

    RELIABLE_IMPROVEMENT = "reliable_improvement"
    RELIABLE_DETERIORATION = "reliable_deterioration"
    NO_RELIABLE_CHANGE = "no_reliable_change"


def change(instrument: Instrument, first: int, last: int) -> Change:
    """Whether ``first`` → ``last`` is a reliable change (lower totals are better)."""
    needed = QUESTIONNAIRES[instrument].reliable_change
    if first - last >= needed:
        return Change.RELIABLE_IMPROVEMENT
    if last - first >= needed:
        return Change.RELIABLE_DETERIORATION
    return Change.NO_RELIABLE_CHANGE


def recovered(instrument: Instrument, first: int, last: int) -> bool | None:
    """A case at ``first`` and not at ``last``; None when ``first`` was not a case (there
    was nothing to recover from)."""
    caseness = QUESTIONNAIRES[instrument].caseness
    if first < caseness:
        return None
    return last < caseness


CHANGE_WORDS: dict[Change, Marked] = {
    Change.RELIABLE_IMPROVEMENT: QT_TRANSLATE_NOOP("measures", "reliable improvement"),
    Change.RELIABLE_DETERIORATION: QT_TRANSLATE_NOOP("measures", "reliable deterioration"),
    Change.NO_RELIABLE_CHANGE: QT_TRANSLATE_NOOP("measures", "no reliable change"),
}


def summary(instrument: Instrument, first: int, last: int, weeks: int) -> Text:
    """ "PHQ-9 from 17 to 9 over 10 weeks: reliable improvement" (never a cause)."""
    return QT_TRANSLATE_NOOP(
        "measures", "{name} from {first} to {last} over {weeks} weeks: {change}"
    ).format(
        name=QUESTIONNAIRES[instrument].name,
        first=first,
        last=last,
        weeks=weeks,
        change=CHANGE_WORDS[change(instrument, first, last)],
    )
